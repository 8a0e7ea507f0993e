#pragma once
// Outputs are written into a staging folder beside the target and moved into place file by file only when
// everything succeeded: a crash or Ctrl-C leaves the previous outputs intact and no partial file under a final name.
#include <filesystem>
#include <string>
#include <vector>

namespace geo::io {

class OutputTransaction {
public:
    explicit OutputTransaction(std::filesystem::path target_dir);
    ~OutputTransaction();  // removes the staging folder unless committed
    OutputTransaction(const OutputTransaction&) = delete;
    OutputTransaction& operator=(const OutputTransaction&) = delete;

    [[nodiscard]] const std::filesystem::path& staging() const { return m_staging; }
    [[nodiscard]] const std::filesystem::path& target() const { return m_target; }

    // Renames every staged file into the target folder (each rename is atomic on one file system), then removes
    // files named in `owned` that this run did not produce, so no stale output of an earlier run is left beside
    // the new ones.
    void commit(const std::vector<std::string>& owned = {});

private:
    std::filesystem::path m_target;
    std::filesystem::path m_staging;
    bool m_committed = false;
};

}  // namespace geo::io

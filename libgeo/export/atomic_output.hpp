#pragma once
// Outputs are written into a staging folder beside the target and moved into place file by file only when
// everything succeeded: a crash or Ctrl-C leaves the previous outputs intact and no partial file under a final name.
#include <filesystem>
#include <string>
#include <vector>

namespace geo::output {

// A subfolder of the output whose files of one kind belong to geowalk as a set (geojson/*.geojson): a file of that
// kind there that this run did not produce is stale and removed at commit, whatever its name.
struct OwnedFolder {
    std::string name;       // relative to the target folder
    std::string extension;  // with the dot: ".geojson"
};

class OutputTransaction {
public:
    explicit OutputTransaction(std::filesystem::path target_dir);
    ~OutputTransaction();  // removes the staging folder unless committed
    OutputTransaction(const OutputTransaction&) = delete;
    OutputTransaction& operator=(const OutputTransaction&) = delete;

    [[nodiscard]] const std::filesystem::path& staging() const { return m_staging; }
    [[nodiscard]] const std::filesystem::path& target() const { return m_target; }

    // Renames every staged file into the target folder, subfolders included (each rename is atomic on one file
    // system), then removes files named in `owned` and files of the `owned_folders` that this run did not produce,
    // so no stale output of an earlier run is left beside the new ones. An owned folder left empty is removed.
    void commit(const std::vector<std::string>& owned = {}, const std::vector<OwnedFolder>& owned_folders = {});

private:
    std::filesystem::path m_target;
    std::filesystem::path m_staging;
    bool m_committed = false;
};

}  // namespace geo::output

#pragma once
// Outputs are written into a staging folder beside the target; at commit the staging folder becomes the output
// folder in one atomic step (the two folders are exchanged), so a crash, a SIGKILL or Ctrl-C at any instant leaves
// either the whole previous set of outputs or the whole new one, never a new geowalk.gpkg beside an old summary.json,
// and no partial file under a final name.
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
    // Creates the staging folder beside the target (beside the folder a symlinked target points to, so that the
    // swap stays on one file system). The target itself is created only at commit.
    explicit OutputTransaction(std::filesystem::path target_dir);
    ~OutputTransaction();  // removes the staging folder (and the previous set, after a commit)
    OutputTransaction(const OutputTransaction&) = delete;
    OutputTransaction& operator=(const OutputTransaction&) = delete;

    [[nodiscard]] const std::filesystem::path& staging() const { return m_staging; }
    [[nodiscard]] const std::filesystem::path& target() const { return m_target; }

    // Puts the staged files (subfolders included) in place as one set. The new set is what was staged, plus every
    // entry of the target that is not replaced: the user's files and folders, and our files that this commit does
    // not own (`geowalk render DIR` owns only the maps and keeps the GeoPackage and the report). Owned are the
    // names in `owned` and the files of the `owned_folders`; those that this commit did not produce are stale and
    // left out. Kept entries are carried into the staging folder as hard links (copies where linking fails), then
    // staging and target are exchanged atomically (renameat2 RENAME_EXCHANGE) and the previous set is removed.
    // A reader sees the whole old set or the whole new one; one that opened a file before the swap reads it whole.
    // Where the exchange is impossible (a file system without it, a kept entry that cannot be carried over such as
    // an unreadable folder or a mount point, the target being or holding the working directory, which a shell
    // there would otherwise find empty), the files are moved one by one as before (detail::commit_file_by_file).
    // Commits into one parent folder are serialised (flock on that folder), so no command drops another's outputs.
    void commit(const std::vector<std::string>& owned = {}, const std::vector<OwnedFolder>& owned_folders = {});

private:
    std::filesystem::path m_target;  // absolute, as given
    std::filesystem::path m_real;    // the folder the swap acts on: symlinks, "." and ".." resolved
    std::filesystem::path m_staging;
};

namespace detail {

// commit()'s fallback: each file of `produced` (relative to `staging`) renamed into `target` (each rename atomic,
// the set not), then the owned files that were not produced removed, and owned folders left empty.
void commit_file_by_file(const std::filesystem::path& staging, const std::filesystem::path& target,
                         const std::vector<std::filesystem::path>& produced, const std::vector<std::string>& owned,
                         const std::vector<OwnedFolder>& owned_folders);

}  // namespace detail

}  // namespace geo::output

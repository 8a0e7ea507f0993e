#include "libgeo/export/atomic_output.hpp"

#include "libgeo/core/error.hpp"

#include <csignal>
#include <cerrno>
#include <unistd.h>

#include <algorithm>
#include <set>
#include <vector>

namespace geo::output {

namespace {

// Staging folders of runs that were killed (SIGKILL, power loss) before they could clean up: their process is gone.
void remove_abandoned_staging(const std::filesystem::path& target)
{
    const std::string prefix = "." + target.filename().string() + ".partial-";
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(target.parent_path(), ec)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind(prefix, 0) != 0) continue;
        const std::string pid_text = name.substr(prefix.size());
        if (pid_text.empty() || pid_text.find_first_not_of("0123456789") != std::string::npos) continue;
        const long pid = std::stol(pid_text);
        if (pid > 0 && kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) {
            std::error_code ignored;
            std::filesystem::remove_all(entry.path(), ignored);
        }
    }
}

}  // namespace

OutputTransaction::OutputTransaction(std::filesystem::path target_dir) : m_target(std::move(target_dir))
{
    std::error_code ec;
    m_target = std::filesystem::absolute(m_target);
    std::filesystem::create_directories(m_target, ec);
    if (ec || !std::filesystem::is_directory(m_target))
        throw OutputError("cannot create the output folder: " + ec.message(), in_file(m_target.string()),
                          "choose a folder you can write to with --out");
    remove_abandoned_staging(m_target);
    // Beside the target, so that the final renames stay on one file system.
    m_staging = m_target.parent_path() / ("." + m_target.filename().string() + ".partial-" + std::to_string(getpid()));
    std::filesystem::remove_all(m_staging, ec);
    std::filesystem::create_directories(m_staging, ec);
    if (ec) throw OutputError("cannot create a staging folder: " + ec.message(), in_file(m_staging.string()));
}

OutputTransaction::~OutputTransaction()
{
    std::error_code ec;
    std::filesystem::remove_all(m_staging, ec);
}

void OutputTransaction::commit(const std::vector<std::string>& owned, const std::vector<OwnedFolder>& owned_folders)
{
    // List first: renaming while a directory iterator walks the folder is unspecified.
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    for (auto it = std::filesystem::recursive_directory_iterator(m_staging, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec))
        if (it->is_regular_file()) files.push_back(it->path());
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
        const auto destination = m_target / std::filesystem::relative(file, m_staging);
        std::filesystem::create_directories(destination.parent_path(), ec);
        if (!ec) std::filesystem::rename(file, destination, ec);
        if (ec)
            throw OutputError("cannot move an output into place: " + ec.message(), in_file(destination.string()),
                              "check free space and permissions of the output folder");
    }
    std::set<std::filesystem::path> produced;
    for (const auto& file : files) produced.insert(std::filesystem::relative(file, m_staging));
    for (const auto& name : owned)
        if (!produced.count(name)) std::filesystem::remove(m_target / name, ec);
    for (const auto& folder : owned_folders) {
        const std::filesystem::path dir = m_target / folder.name;
        std::vector<std::filesystem::path> stale;
        for (auto it = std::filesystem::directory_iterator(dir, ec); !ec && it != std::filesystem::directory_iterator();
             it.increment(ec))
            if (it->is_regular_file() && it->path().extension() == folder.extension &&
                !produced.count(std::filesystem::path(folder.name) / it->path().filename()))
                stale.push_back(it->path());
        for (const auto& file : stale) std::filesystem::remove(file, ec);
        if (std::filesystem::is_empty(dir, ec)) std::filesystem::remove(dir, ec);
    }
    m_committed = true;
}

}  // namespace geo::output

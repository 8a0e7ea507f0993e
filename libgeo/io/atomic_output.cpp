#include "libgeo/io/atomic_output.hpp"

#include "libgeo/core/error.hpp"

#include <unistd.h>

#include <algorithm>
#include <vector>

namespace geo::io {

OutputTransaction::OutputTransaction(std::filesystem::path target_dir) : m_target(std::move(target_dir))
{
    std::error_code ec;
    m_target = std::filesystem::absolute(m_target);
    std::filesystem::create_directories(m_target, ec);
    if (ec || !std::filesystem::is_directory(m_target))
        throw OutputError("cannot create the output folder: " + ec.message(), in_file(m_target.string()),
                          "choose a folder you can write to with --out");
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

void OutputTransaction::commit(const std::vector<std::string>& owned)
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
    for (const auto& name : owned) {
        const bool produced = std::any_of(files.begin(), files.end(), [&](const std::filesystem::path& f) {
            return std::filesystem::relative(f, m_staging) == std::filesystem::path(name);
        });
        if (!produced) std::filesystem::remove(m_target / name, ec);
    }
    m_committed = true;
}

}  // namespace geo::io

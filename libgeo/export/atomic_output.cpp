#include "libgeo/export/atomic_output.hpp"

#include "libgeo/core/error.hpp"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <set>
#include <vector>

namespace geo::output {

namespace fs = std::filesystem;

namespace {

// Staging folders of runs that were killed (SIGKILL, power loss) before they could clean up: their process is gone.
// After a swap the staging folder holds the previous set until it is removed, so this also finishes that removal.
void remove_abandoned_staging(const fs::path& target)
{
    const std::string prefix = "." + target.filename().string() + ".partial-";
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(target.parent_path(), ec)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind(prefix, 0) != 0) continue;
        const std::string pid_text = name.substr(prefix.size());
        if (pid_text.empty() || pid_text.size() > 9 || pid_text.find_first_not_of("0123456789") != std::string::npos)
            continue;
        const long pid = std::stol(pid_text);
        if (pid > 0 && kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) {
            std::error_code ignored;
            fs::remove_all(entry.path(), ignored);
        }
    }
}

// The folder a swap must act on: absolute, without "." or ".." or a trailing slash, symlinks resolved (exchanging
// a symlink would swap the link, not the folder it points to, and could cross file systems).
fs::path real_folder(const fs::path& target)
{
    const auto tidy = [](fs::path p) {
        p = p.lexically_normal();
        return p.has_filename() ? p : p.parent_path();
    };
    std::error_code ec;
    fs::path real = fs::weakly_canonical(tidy(fs::absolute(target)), ec);
    if (ec) real = fs::absolute(target);
    real = tidy(real);
    if (!real.has_filename() || real == real.root_path())
        throw OutputError("the output folder cannot be the root of the file system", in_file(target.string()),
                          "choose a folder of its own with --out");
    return real;
}

// Every file of the staging folder, relative to it, in a stable order.
std::vector<fs::path> list_produced(const fs::path& staging)
{
    std::vector<fs::path> files;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(staging, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec))
        if (!it->is_directory()) files.push_back(it->path().lexically_relative(staging));
    if (ec) throw OutputError("cannot list the staged outputs: " + ec.message(), in_file(staging.string()));
    std::sort(files.begin(), files.end());
    return files;
}

// What a commit does with each entry of the target: produced files replace it, owned ones that were not produced
// are stale and dropped, anything else is kept.
class Ownership {
public:
    Ownership(const std::vector<fs::path>& produced, const std::vector<std::string>& owned,
              const std::vector<OwnedFolder>& folders)
        : m_folders(folders)
    {
        for (const auto& p : produced) m_produced.insert(p.lexically_normal());
        for (const auto& o : owned) m_owned.insert(fs::path(o).lexically_normal());
    }
    // `rel` is a file (not a folder) of the target.
    [[nodiscard]] bool replaced(const fs::path& rel) const
    {
        if (m_produced.count(rel) || m_owned.count(rel)) return true;
        return std::any_of(m_folders.begin(), m_folders.end(), [&rel](const OwnedFolder& f) {
            return rel.parent_path() == fs::path(f.name).lexically_normal() && rel.extension() == f.extension;
        });
    }
    [[nodiscard]] bool owned_folder(const fs::path& rel) const
    {
        return std::any_of(m_folders.begin(), m_folders.end(),
                           [&rel](const OwnedFolder& f) { return rel == fs::path(f.name).lexically_normal(); });
    }

private:
    std::set<fs::path> m_produced, m_owned;
    const std::vector<OwnedFolder>& m_folders;
};

// An entry of the target that cannot be carried into the new set (an unreadable folder, a mount point, a special
// file on a file system without hard links): the set cannot be swapped without losing it.
struct CannotCarry {
    std::string why;
};

// Whether a folder is the root of a mount, a bind mount of the same file system included (Linux 5.8 says so;
// before that only another file system is recognised, by its device). Its files cannot be carried over, and the
// removal of the previous set would empty the mounted folder.
bool mount_point(const fs::path& folder)
{
#if defined(STATX_ATTR_MOUNT_ROOT)
    struct statx stx {};
    if (::statx(AT_FDCWD, folder.c_str(), AT_SYMLINK_NOFOLLOW, STATX_BASIC_STATS, &stx) == 0 &&
        (stx.stx_attributes_mask & STATX_ATTR_MOUNT_ROOT) != 0)
        return (stx.stx_attributes & STATX_ATTR_MOUNT_ROOT) != 0;
#else
    (void)folder;
#endif
    return false;
}

// Carries the kept entries of the target into the staging folder, which then holds the whole new set.
class CarryOver {
public:
    CarryOver(const fs::path& target, const fs::path& staging, const Ownership& ownership)
        : m_target(target), m_staging(staging), m_ownership(ownership)
    {
    }

    void run()
    {
        struct stat st {};
        if (::lstat(m_target.c_str(), &st) != 0) throw CannotCarry{"cannot stat the target"};
        m_device = st.st_dev;
        std::error_code ec;
        fs::permissions(m_staging, fs::perms(st.st_mode & 07777), ec);  // the new folder is the output folder
        folder({});
    }

    // Removes the empty folders of the new set that it should not have: folders the writers made and left empty,
    // and owned folders with nothing left in them (a run that writes no GeoJSON leaves no geojson/).
    bool prune(const fs::path& rel = {}) const
    {
        bool empty = true;
        std::vector<fs::path> subfolders;
        std::error_code ec;
        for (auto it = fs::directory_iterator(m_staging / rel, ec); !ec && it != fs::directory_iterator();
             it.increment(ec)) {
            if (it->is_directory() && !it->is_symlink())
                subfolders.push_back(rel / it->path().filename());
            else
                empty = false;
        }
        for (const auto& sub : subfolders) {
            if (prune(sub) && (m_ownership.owned_folder(sub) || !m_target_folders.count(sub)))
                fs::remove(m_staging / sub, ec);
            else
                empty = false;
        }
        return empty;
    }

    // Entries that appeared in the target after it was read (a file the user saved in that instant) are in the
    // previous set now: moved into the new one where nothing has their name, rather than removed with that set.
    void rescue(const fs::path& previous, const fs::path& rel = {}) const
    {
        std::error_code ec;
        std::vector<fs::path> entries;
        for (auto it = fs::directory_iterator(previous / rel, ec); !ec && it != fs::directory_iterator(); it.increment(ec))
            entries.push_back(rel / it->path().filename());
        for (const auto& r : entries) {
            if (m_target_folders.count(r))
                rescue(previous, r);
            else if (!m_seen.count(r) && !fs::exists(fs::symlink_status(m_target / r, ec)))
                fs::rename(previous / r, m_target / r, ec);
        }
    }

private:
    void folder(const fs::path& rel)
    {
        std::error_code ec;
        std::vector<fs::directory_entry> entries;
        for (auto it = fs::directory_iterator(m_target / rel, ec); !ec && it != fs::directory_iterator();
             it.increment(ec))
            entries.push_back(*it);
        if (ec) throw CannotCarry{"cannot read " + (m_target / rel).string() + ": " + ec.message()};
        for (const auto& entry : entries) {
            const fs::path r = rel / entry.path().filename();
            m_seen.insert(r);
            if (entry.is_directory(ec) && !entry.is_symlink(ec))
                subfolder(r);
            else if (!m_ownership.replaced(r))
                file(r);
        }
    }

    void subfolder(const fs::path& rel)
    {
        const fs::path from = m_target / rel, to = m_staging / rel;
        struct stat st {};
        if (::lstat(from.c_str(), &st) != 0 || st.st_dev != m_device || mount_point(from))
            throw CannotCarry{from.string() + " is a mount point"};
        std::error_code ec;
        const auto staged = fs::symlink_status(to, ec);
        if (fs::exists(staged) && !fs::is_directory(staged))
            throw OutputError("an output would replace a folder of the same name", in_file(from.string()),
                              "rename or move that folder away");
        if (!fs::exists(staged) && !fs::create_directory(to, ec) && ec)
            throw CannotCarry{"cannot create " + to.string() + ": " + ec.message()};
        fs::permissions(to, fs::perms(st.st_mode & 07777), ec);
        m_target_folders.insert(rel);
        folder(rel);
    }

    // A hard link: no copy, and the file stays the very same one (its owner, times and other links kept).
    void file(const fs::path& rel) const
    {
        const fs::path from = m_target / rel, to = m_staging / rel;
        std::error_code ec;
        if (fs::exists(fs::symlink_status(to, ec)))
            throw OutputError("an output folder would replace a file of the same name", in_file(from.string()),
                              "rename or move that file away");
        if (::link(from.c_str(), to.c_str()) == 0) return;
        const int link_error = errno;
        const auto status = fs::symlink_status(from, ec);
        if (fs::is_symlink(status))
            fs::copy_symlink(from, to, ec);
        else if (fs::is_regular_file(status))
            fs::copy_file(from, to, ec);
        else
            ec = std::error_code(link_error, std::generic_category());
        if (ec) throw CannotCarry{"cannot carry " + from.string() + " over: " + ec.message()};
    }

    const fs::path& m_target;
    const fs::path& m_staging;
    const Ownership& m_ownership;
    dev_t m_device = 0;
    std::set<fs::path> m_seen;            // every entry of the target, relative to it
    std::set<fs::path> m_target_folders;  // its folders (not symlinks to folders)
};

// Exchanges two paths atomically; 0 or the errno of renameat2 (EINVAL, ENOSYS: not supported here).
int exchange(const fs::path& a, const fs::path& b)
{
#if defined(RENAME_EXCHANGE)
    const int rc = ::renameat2(AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE);
#elif defined(SYS_renameat2)
    const long rc = ::syscall(SYS_renameat2, AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), 1U << 1);  // RENAME_EXCHANGE
#else
    const int rc = -1;
    errno = ENOSYS;
#endif
    return rc == 0 ? 0 : errno;
}

// Whether the working directory is the folder or inside it: a shell there would be left in the removed previous
// set after an exchange, listing nothing, as if the outputs were gone.
bool holds_working_directory(const fs::path& folder)
{
    std::error_code ec;
    const fs::path cwd = fs::current_path(ec);
    if (ec) return false;
    return std::mismatch(folder.begin(), folder.end(), cwd.begin(), cwd.end()).first == folder.end();
}

// An exclusive flock on a folder for the lifetime of the object; best effort (no lock where the folder cannot be
// opened), as the lock only orders commits of geowalk commands.
class FolderLock {
public:
    explicit FolderLock(const fs::path& folder) : m_fd(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC))
    {
        while (m_fd >= 0 && ::flock(m_fd, LOCK_EX) != 0 && errno == EINTR) {
        }
    }
    ~FolderLock()
    {
        if (m_fd >= 0) ::close(m_fd);
    }
    FolderLock(const FolderLock&) = delete;
    FolderLock& operator=(const FolderLock&) = delete;

private:
    int m_fd;
};

// Puts the staging folder in the target's place as a whole; false where that cannot be done and the files must be
// moved one by one.
bool swap_whole_set(const fs::path& real, const fs::path& staging, const Ownership& ownership)
{
    std::error_code ec;
    CarryOver carry(real, staging, ownership);
    if (!fs::exists(fs::symlink_status(real, ec))) {
        carry.prune();
        // Nothing to keep: a plain rename (which also replaces an empty folder made meanwhile).
        if (::rename(staging.c_str(), real.c_str()) == 0) return true;
        if (errno != EEXIST && errno != ENOTEMPTY)
            throw OutputError(std::string("cannot move the outputs into place: ") + std::strerror(errno),
                              in_file(real.string()), "check permissions of the folder that holds it");
    }
    if (holds_working_directory(real) || mount_point(real)) return false;
    try {
        carry.run();
    } catch (const CannotCarry&) {
        return false;  // left where it is: the files are moved instead; the links made so far go with the staging
    }
    carry.prune();
    const int error = exchange(staging, real);
    // Not supported by the kernel or the file system; EBUSY, EXDEV: a mount point.
    if (error == EINVAL || error == ENOSYS || error == EOPNOTSUPP || error == EBUSY || error == EXDEV) return false;
    if (error != 0)
        throw OutputError(std::string("cannot swap the outputs into place: ") + std::strerror(error),
                          in_file(real.string()), "check permissions of the folder that holds it");
    carry.rescue(staging);
    return true;
}

}  // namespace

OutputTransaction::OutputTransaction(fs::path target_dir)
    : m_target(fs::absolute(target_dir)), m_real(real_folder(target_dir))
{
    std::error_code ec;
    fs::create_directories(m_real.parent_path(), ec);
    const auto status = fs::status(m_real, ec);
    if (fs::exists(status) && !fs::is_directory(status))
        throw OutputError("the output path is not a folder", in_file(m_target.string()), "choose a folder with --out");
    remove_abandoned_staging(m_real);
    // Beside the target: the swap is a rename, within one file system.
    m_staging = m_real.parent_path() / ("." + m_real.filename().string() + ".partial-" + std::to_string(getpid()));
    fs::remove_all(m_staging, ec);
    ec.clear();
    fs::create_directory(m_staging, ec);
    if (ec)
        throw OutputError("cannot create the output folder: " + ec.message(), in_file(m_staging.string()),
                          "choose a folder you can write to with --out");
}

OutputTransaction::~OutputTransaction()
{
    std::error_code ec;
    fs::remove_all(m_staging, ec);
}

void OutputTransaction::commit(const std::vector<std::string>& owned, const std::vector<OwnedFolder>& owned_folders)
{
    const std::vector<fs::path> produced = list_produced(m_staging);
    const Ownership ownership(produced, owned, owned_folders);
    {
        // Until the swap is done: a command that read the target while another swapped it would bring the
        // other's previous set back.
        const FolderLock lock(m_real.parent_path());
        if (!swap_whole_set(m_real, m_staging, ownership)) detail::commit_file_by_file(m_staging, m_real, produced, owned, owned_folders);
    }
    // The previous set, now at the staging path; a kill before this leaves it to the next run's cleanup.
    std::error_code ec;
    fs::remove_all(m_staging, ec);
}

namespace detail {

void commit_file_by_file(const fs::path& staging, const fs::path& target, const std::vector<fs::path>& produced,
                         const std::vector<std::string>& owned, const std::vector<OwnedFolder>& owned_folders)
{
    std::error_code ec;
    for (const auto& rel : produced) {
        const auto destination = target / rel;
        fs::create_directories(destination.parent_path(), ec);
        if (!ec) fs::rename(staging / rel, destination, ec);
        if (ec)
            throw OutputError("cannot move an output into place: " + ec.message(), in_file(destination.string()),
                              "check free space and permissions of the output folder");
    }
    const std::set<fs::path> made(produced.begin(), produced.end());
    for (const auto& name : owned)
        if (!made.count(name) && !fs::is_directory(fs::symlink_status(target / name, ec))) fs::remove(target / name, ec);
    for (const auto& folder : owned_folders) {
        const fs::path dir = target / folder.name;
        std::vector<fs::path> stale;
        for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec))
            if (!it->is_directory() && it->path().extension() == folder.extension &&
                !made.count(fs::path(folder.name) / it->path().filename()))
                stale.push_back(it->path());
        for (const auto& file : stale) fs::remove(file, ec);
        if (fs::is_empty(dir, ec)) fs::remove(dir, ec);
    }
}

}  // namespace detail

}  // namespace geo::output

#include "libgeo/core/memory.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/core/number_text.hpp"

#include <sys/mman.h>
#include <sys/resource.h>
#include <unistd.h>
#if __has_include(<malloc.h>)
#include <malloc.h>
#endif

#include <algorithm>
#include <atomic>
#include <charconv>
#include <filesystem>
#include <fstream>

namespace geo::memory {

namespace {

std::atomic<std::uint64_t> g_limit{0};  // 0: the machine's

std::uint64_t page_size()
{
    const long size = sysconf(_SC_PAGESIZE);
    return size > 0 ? static_cast<std::uint64_t>(size) : 4096U;
}

// A cgroup limit file: bytes, or UINT64_MAX for "max" (v2) or no file. (v1 writes "no limit" as a huge number.)
std::uint64_t limit_in(const std::filesystem::path& file)
{
    std::ifstream in(file);
    std::string text;
    if (!(in >> text) || text == "max") return UINT64_MAX;
    std::uint64_t bytes = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), bytes);
    return ec == std::errc() && bytes > 0 ? bytes : UINT64_MAX;
}

// The smallest `file` from the cgroup `group` of hierarchy `root` up to the root: a limit on a parent (a systemd
// slice, a container) binds its children too.
std::uint64_t lowest_limit(const std::filesystem::path& root, const std::string& group, const char* file)
{
    std::uint64_t bytes = limit_in(root / file);
    const std::size_t root_length = root.string().size();
    for (auto dir = root / std::filesystem::path(group).relative_path(); dir.string().size() > root_length;
         dir = dir.parent_path())
        bytes = std::min(bytes, limit_in(dir / file));
    return bytes;
}

// This process's cgroup memory limit, from /proc/self/cgroup: cgroup v2 ("0::/path", memory.max) or the v1 memory
// controller ("N:memory:/path", memory.limit_in_bytes).
std::uint64_t cgroup_limit()
{
    std::ifstream in("/proc/self/cgroup");
    std::uint64_t bytes = UINT64_MAX;
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("0::", 0) == 0) bytes = std::min(bytes, lowest_limit("/sys/fs/cgroup", line.substr(3), "memory.max"));
        if (const auto at = line.find(":memory:"); at != std::string::npos)
            bytes = std::min(bytes, lowest_limit("/sys/fs/cgroup/memory", line.substr(at + 8), "memory.limit_in_bytes"));
    }
    return bytes;
}

}  // namespace

Usage usage()
{
    std::ifstream in("/proc/self/statm");
    std::uint64_t size_pages = 0;
    std::uint64_t resident_pages = 0;
    if (!(in >> size_pages >> resident_pages)) return {};
    return {resident_pages * page_size(), size_pages * page_size()};
}

std::uint64_t address_space_limit()
{
    rlimit address_space{};
    if (getrlimit(RLIMIT_AS, &address_space) != 0 || address_space.rlim_cur == RLIM_INFINITY) return UINT64_MAX;
    return address_space.rlim_cur;
}

std::uint64_t machine_bytes()
{
    const long pages = sysconf(_SC_PHYS_PAGES);
    const std::uint64_t physical = pages > 0 ? static_cast<std::uint64_t>(pages) * page_size() : UINT64_MAX;
    return std::min({physical, cgroup_limit(), address_space_limit()});
}

std::uint64_t limit_bytes()
{
    const std::uint64_t set = g_limit.load();
    return set != 0 ? set : machine_bytes();
}

bool limit_lowered() { return g_limit.load() != 0; }

void set_limit_bytes(std::uint64_t bytes) { g_limit.store(bytes); }

std::string size_text(double bytes)
{
    const bool gb = bytes >= 1e9;
    const double value = bytes / (gb ? 1e9 : 1e6);
    const int decimals = gb || value < 10.0 ? 1 : 0;  // "3.2 GB", "640 MB", "2.5 MB"
    return fixed_text(value, decimals) + (gb ? " GB" : " MB");
}

double free_bytes()
{
    const Usage now = usage();
    double free = static_cast<double>(limit_bytes()) - static_cast<double>(now.resident);
    if (const std::uint64_t mapped_limit = address_space_limit(); mapped_limit != UINT64_MAX)
        free = std::min(free, static_cast<double>(mapped_limit) - static_cast<double>(now.address_space));
    return free;
}

void require(double bytes, const std::string& what, const std::string& hint)
{
    const double free = free_bytes();
    if (bytes <= free) return;
    throw InputError(what + " needs about " + size_text(bytes) + " of memory, but only " +
                         size_text(std::max(0.0, free)) + " of the " + size_text(static_cast<double>(limit_bytes())) +
                         " geowalk may use are free",
                     {}, hint + raise_limit_hint());
}

std::string raise_limit_hint()
{
    if (!limit_lowered()) return {};
    return ", or allow more with --max-memory GB (this machine allows " +
           size_text(static_cast<double>(machine_bytes())) + ")";
}

void advise_huge_pages(void* data, std::size_t bytes)
{
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    constexpr std::size_t huge = std::size_t{2} << 20;
    if (data == nullptr || bytes < 4 * huge) return;
    const std::size_t skip = (huge - reinterpret_cast<std::uintptr_t>(data) % huge) % huge;
    const std::size_t whole = (bytes - skip) / huge * huge;
    madvise(static_cast<char*>(data) + skip, whole, MADV_HUGEPAGE);  // advice only: a refusal changes nothing
#else
    (void)data;
    (void)bytes;
#endif
}

void keep_freed_blocks()
{
#if defined(__GLIBC__)
    // Both together: setting either one alone turns glibc's dynamic adjustment off and leaves the other at its
    // small default, which made the density benchmark 2-3 times slower. A refusal (mallopt returns 0) only costs
    // speed.
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
#endif
}

}  // namespace geo::memory

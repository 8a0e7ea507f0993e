#pragma once
// How much memory geowalk may use and how much it uses now: the guard that refuses inputs and rasters too large
// for the machine with a message, before they exhaust its memory and the kernel kills the run half-way.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace geo::memory {

struct Usage {
    std::uint64_t resident = 0;      // in physical memory now
    std::uint64_t address_space = 0; // mapped (what ulimit -v counts)
};

// This process's memory now, from /proc/self/statm (zeros when unknown).
Usage usage();
inline std::uint64_t resident_bytes() { return usage().resident; }

// What this machine lets the process use: physical memory, lowered by the memory.max of its cgroup and the
// cgroups above it (a container or systemd slice) and by the address-space limit (ulimit -v).
std::uint64_t machine_bytes();

// The address-space limit (ulimit -v), or UINT64_MAX. Mapped memory counts against it, not resident memory.
std::uint64_t address_space_limit();

// The limit in force: set_limit_bytes's value when given, else machine_bytes().
std::uint64_t limit_bytes();
[[nodiscard]] bool limit_lowered();  // --max-memory is in force

// --max-memory: a limit below the machine's (a shared server, or a check that a run fits a smaller machine).
// 0 restores the machine's limit.
void set_limit_bytes(std::uint64_t bytes);

// "3.2 GB", "640 MB", "2.5 MB": sizes for messages.
std::string size_text(double bytes);

// The memory still free for `bytes` more: the limit less resident memory, and the address-space limit less
// mapped memory, whichever is smaller (negative when already over).
double free_bytes();

// Throws geo::InputError when `bytes` more than the process holds now would not fit (free_bytes); `what` is the
// thing that needs them ("walk_distance.tif of 20000 x 20000 pixels of 1 m"), hint says how to make it smaller.
void require(double bytes, const std::string& what, const std::string& hint);

// Called once at the start of a program, before threads start. glibc hands freed blocks above 128 KB back to the
// kernel until its dynamic threshold has risen, and page-faults them in again on the next allocation of that size;
// GDAL allocates and frees MB-sized buffers for every block it reads, compresses or resamples, and the OGR Arrow
// stream one per batch, so writing a COG spent a tenth of its time in page faults (density benchmark: 47,000
// faults and 1.45 s whole process before, 34,000 and 1.35 s after). Blocks up to 32 MB are now kept for reuse from
// the start, and up to 64 MB of free heap top before it is trimmed (the ceilings glibc's own adjustment would
// reach); larger blocks (rasters, big vectors) are still mapped and unmapped on their own. The cost: up to 64 MB
// per allocation arena may stay resident after a peak, which free_bytes() counts as used. No-op off glibc.
void keep_freed_blocks();

// Asks the kernel to back [data, data + bytes) with 2 MB pages (transparent huge pages, madvise) when it is first
// touched; only the whole 2 MB pages inside the range, only for ranges of 8 MB and more. A fresh raster of 30 M
// Float32 pixels took 0.31 s to fill on this project's VMs, nearly all of it in 30,000 page faults, and 0.02 s in
// 2 MB pages. A refusal (no THP, "never") only costs speed. No-op off Linux.
void advise_huge_pages(void* data, std::size_t bytes);

// A vector of n copies of value, its storage advised into huge pages before it is filled: for rasters and other
// buffers of a value per pixel.
template <class T>
std::vector<T> pixel_buffer(std::size_t n, const T& value)
{
    std::vector<T> v;
    v.reserve(n);
    advise_huge_pages(v.data(), n * sizeof(T));
    v.assign(n, value);
    return v;
}

// ", or allow more with --max-memory GB (this machine allows 25.3 GB)" when --max-memory lowered the limit, else
// "": the end of a hint, never suggesting more than the machine has.
std::string raise_limit_hint();

}  // namespace geo::memory

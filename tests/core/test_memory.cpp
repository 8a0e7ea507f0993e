// The memory guard's measurements, checked against the kernel's own accounts (/proc/meminfo, getrlimit,
// /proc/self/status) rather than against the functions that read them.
#include "libgeo/core/error.hpp"
#include "libgeo/core/memory.hpp"

#include <sys/resource.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

namespace geo::memory {

namespace {

// A "Key:   123 kB" line of a /proc file, in bytes (0 when absent).
std::uint64_t proc_kb(const char* file, const std::string& key)
{
    std::ifstream in(file);
    for (std::string line; std::getline(in, line);)
        if (line.rfind(key + ":", 0) == 0) return std::stoull(line.substr(key.size() + 1)) * 1024;
    return 0;
}

// Restores the limit set by a test.
struct LimitGuard {
    ~LimitGuard() { set_limit_bytes(0); }
};

}  // namespace

TEST(Memory, ResidentSizeIsTheKernelsAndGrowsWithTouchedMemory)
{
    const std::uint64_t before = resident_bytes();
    const std::uint64_t status = proc_kb("/proc/self/status", "VmRSS");
    ASSERT_GT(before, 0U);
    EXPECT_NEAR(static_cast<double>(before), static_cast<double>(status), 8.0 * 1024 * 1024);
    std::vector<char> ballast(256U << 20U);
    std::memset(ballast.data(), 1, ballast.size());
    const std::uint64_t after = resident_bytes();
    EXPECT_GE(after, before + (200U << 20U)) << "256 MB touched";
    EXPECT_EQ(ballast[12345], 1);
}

TEST(Memory, MachineLimitIsPhysicalMemoryLoweredByUlimitV)
{
    const std::uint64_t physical = proc_kb("/proc/meminfo", "MemTotal");
    ASSERT_GT(physical, 0U);
    // MemTotal leaves out memory the kernel reserved at boot, so it is a little below the physical pages counted;
    // a cgroup limit (a container) can only lower the result.
    std::uint64_t address_space = UINT64_MAX;
    if (rlimit now{}; getrlimit(RLIMIT_AS, &now) == 0 && now.rlim_cur != RLIM_INFINITY) address_space = now.rlim_cur;
    const std::uint64_t unlimited = machine_bytes();
    EXPECT_LE(unlimited, std::min(physical + physical / 20, address_space));
    EXPECT_GE(unlimited, 64U << 20U);

    // An address-space limit (ulimit -v) 1 GiB above what the process maps now: the limit follows it (under
    // AddressSanitizer, which maps terabytes of shadow memory, it stays the physical one), and what is free for
    // more is at most that 1 GiB either way.
    rlimit saved{};
    ASSERT_EQ(getrlimit(RLIMIT_AS, &saved), 0);
    const std::uint64_t mapped = proc_kb("/proc/self/status", "VmSize");
    ASSERT_GT(mapped, 0U);
    rlimit lowered = saved;
    lowered.rlim_cur = mapped + (1ULL << 30U);
    if (saved.rlim_max != RLIM_INFINITY) lowered.rlim_cur = std::min<rlim_t>(lowered.rlim_cur, saved.rlim_max);
    ASSERT_EQ(setrlimit(RLIMIT_AS, &lowered), 0);
    const std::uint64_t limited = machine_bytes();
    const double free_mapped = free_bytes();  // mapped memory counts against ulimit -v, resident or not
    ASSERT_EQ(setrlimit(RLIMIT_AS, &saved), 0);
    EXPECT_LE(free_mapped, static_cast<double>(lowered.rlim_cur - mapped) + 1e6);
    EXPECT_EQ(limited, std::min<std::uint64_t>(unlimited, lowered.rlim_cur));
    EXPECT_EQ(machine_bytes(), unlimited) << "restored";
}

TEST(Memory, SetLimitOverridesTheMachineAndZeroRestoresIt)
{
    const LimitGuard restore;
    set_limit_bytes(123'000'000);
    EXPECT_EQ(limit_bytes(), 123'000'000U);
    set_limit_bytes(0);
    EXPECT_EQ(limit_bytes(), machine_bytes());
}

TEST(Memory, RequireRefusesWhatDoesNotFitAndSaysHowMuch)
{
    const LimitGuard restore;
    set_limit_bytes(resident_bytes() + 500'000'000);
    EXPECT_NO_THROW(require(100e6, "a small thing", "make it smaller"));
    try {
        require(2e9, "a big thing", "make it smaller");
        FAIL() << "2 GB cannot fit in 0.5 GB";
    } catch (const InputError& e) {
        EXPECT_NE(e.message().find("a big thing needs about 2.0 GB"), std::string::npos) << e.message();
        EXPECT_NE(e.hint().find("make it smaller"), std::string::npos) << e.hint();
        EXPECT_NE(e.hint().find("--max-memory"), std::string::npos) << e.hint();
    }
}

TEST(Memory, SizesReadAsPeopleWriteThem)
{
    EXPECT_EQ(size_text(3.26e9), "3.3 GB");
    EXPECT_EQ(size_text(640e6), "640 MB");
    EXPECT_EQ(size_text(1e9), "1.0 GB");
    EXPECT_EQ(size_text(2.5e6), "2.5 MB");
}

}  // namespace geo::memory

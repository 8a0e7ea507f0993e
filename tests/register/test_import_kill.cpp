// A killed import loses nothing and half-writes nothing: `geowalk register import` of 20,000 rows is killed with
// SIGKILL at random points (as tests/export does for outputs); after each kill the register holds either exactly
// what it held before or the whole file, and history and current state still agree.
#include "register/sample_files.hpp"

#include "libgeo/register/replay.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <random>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace geo::reg {

namespace {

pid_t spawn_import(const std::filesystem::path& dir, const std::string& file)
{
    const std::string binary = test::geowalk_binary().string();
    const std::string campaign = (dir / "campaign.toml").string();
    const std::string upload = (dir / file).string();
    const pid_t child = ::fork();
    if (child == 0) {
        const int null = ::open("/dev/null", O_WRONLY);
        ::dup2(null, 1);
        ::dup2(null, 2);
        ::execl(binary.c_str(), binary.c_str(), "register", "import", campaign.c_str(), upload.c_str(), "--by", "killed",
                static_cast<char*>(nullptr));
        ::_exit(127);
    }
    return child;
}

struct Counts {
    std::size_t issues = 0, history = 0, imports = 0;
    bool operator==(const Counts&) const = default;
};

Counts counts(const std::filesystem::path& store_file)
{
    Store store = Store::open(store_file.string(), std::nullopt);
    const auto report = check(store, 30, {});
    EXPECT_TRUE(report.problems.empty()) << report.problems.front();
    return {static_cast<std::size_t>(report.issues), static_cast<std::size_t>(report.history_rows), store.read_imports().size()};
}

TEST(RegisterKill, AKilledImportLeavesTheRegisterAsItWasOrComplete)
{
    test::TempDir dir;
    test::copy_sample_register_inputs(dir.path());
    // The first import makes the register; the big file is ten copies of the sample under new ids.
    ASSERT_EQ(test::run_geowalk("register import " + (dir / "campaign.toml").string() + " " + (dir / "issues.csv").string())
                  .exit_code, 0);
    const auto lines = test::text_lines(dir / "issues.csv");
    std::vector<std::string> big{lines.front()};
    for (int copy = 0; copy < 10; ++copy)
        for (std::size_t i = 1; i < lines.size(); ++i)
            big.push_back(test::with_cell(lines[i], 0, test::cell(lines[i], 0) + "-k" + std::to_string(copy)));
    test::write_lines(dir / "big.csv", big);
    const auto store_file = dir / "register.gpkg";
    const Counts before = counts(store_file);

    std::mt19937 random(2121);
    int killed_before_commit = 0;
    for (int round = 0; round < 4; ++round) {
        const pid_t child = spawn_import(dir.path(), "big.csv");
        ASSERT_GT(child, 0);
        std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution<int>(50, 1200)(random)));
        ::kill(child, SIGKILL);
        int status = 0;
        ::waitpid(child, &status, 0);
        const Counts now = counts(store_file);
        if (WIFSIGNALED(status)) {
            // Killed: before its commit nothing, after it everything (the commit itself is one step).
            if (now == before) ++killed_before_commit;
            else EXPECT_EQ(now.imports, before.imports + 1) << "round " << round;
        } else {
            EXPECT_EQ(now.imports, before.imports + 1) << "round " << round;
        }
        if (!(now == before)) break;  // imported: later rounds would find nothing to do
    }
    EXPECT_GT(killed_before_commit, 0);
    // Run to the end: the whole file is there once.
    const pid_t child = spawn_import(dir.path(), "big.csv");
    int status = 0;
    ::waitpid(child, &status, 0);
    ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    const Counts after = counts(store_file);
    EXPECT_EQ(after.imports, before.imports + 1);
    EXPECT_EQ(after.issues, before.issues * 11);  // the sample's issues and ten copies, the same rows rejected
    EXPECT_EQ(after.history - before.history, after.issues - before.issues);
}

}  // namespace

}  // namespace geo::reg

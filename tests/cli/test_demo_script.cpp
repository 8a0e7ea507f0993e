// scripts/demo.sh: what it tells the user at the end. Run on a copy whose setup, build and geowalk are stubs, so the
// test checks the script's own logic in a second instead of installing, building and running the demo.
#include "support.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <sys/wait.h>

namespace geo::test {

namespace {

// The script's output (stdout and stderr together) and exit status, run by bash from `dir`.
CommandResult run_script(const std::filesystem::path& script, const std::string& arguments)
{
    return run_command("env -u GEOWALK_BUILD_DIR bash '" + script.string() + "' " + arguments + " 2>&1");
}

std::string last_line(std::string text)
{
    while (!text.empty() && text.back() == '\n') text.pop_back();
    const auto newline = text.rfind('\n');
    return newline == std::string::npos ? text : text.substr(newline + 1);
}

// A copy of scripts/demo.sh in dir/scripts with no-op setup.sh and build.sh, and a geowalk stub in dir/build that
// writes the named files into the --out folder (its third argument: demo --out DIR).
std::filesystem::path stub_checkout(const TempDir& dir, const std::string& files_written)
{
    std::filesystem::create_directories(dir / "scripts");
    std::filesystem::copy_file(source_dir() / "scripts/demo.sh", dir / "scripts/demo.sh");
    write_text(dir / "scripts/setup.sh", "exit 0\n");
    write_text(dir / "scripts/build.sh", "exit 0\n");
    std::filesystem::create_directories(dir / "build/apps/geowalk");
    const auto geowalk = dir / "build/apps/geowalk/geowalk";
    write_text(geowalk, "#!/bin/sh\nmkdir -p \"$3/input\"\ncd \"$3\" && touch " + files_written + "\n");
    std::filesystem::permissions(geowalk, std::filesystem::perms::owner_exec, std::filesystem::perm_options::add);
    return dir / "scripts/demo.sh";
}

}  // namespace

TEST(DemoScript, LastLineSaysWhereTheQgisProjectIsInEnglishAndChinese)
{
    TempDir dir("geowalk-demo-sh");
    const auto script = stub_checkout(dir, "geowalk.gpkg geowalk.qgs summary.json");
    const auto run = run_script(script, "'" + (dir / "out").string() + "'");
    ASSERT_EQ(run.exit_code, 0) << run.output;
    const auto qgs = std::filesystem::canonical(dir / "out/geowalk.qgs").string();
    EXPECT_EQ(last_line(run.output), "Open in QGIS / 用 QGIS 打开: " + qgs) << run.output;
}

TEST(DemoScript, SaysWhereTheProgramIs)
{
    TempDir dir("geowalk-demo-sh");
    const auto script = stub_checkout(dir, "geowalk.gpkg geowalk.qgs summary.json");
    const auto run = run_script(script, "'" + (dir / "out").string() + "'");
    ASSERT_EQ(run.exit_code, 0) << run.output;
    const auto program = std::filesystem::canonical(dir / "build/apps/geowalk/geowalk").string();
    EXPECT_NE(run.output.find("The program is " + program + "\n"), std::string::npos) << run.output;
}

TEST(DemoScript, FailsSayingSoWhenTheProjectIsMissing)
{
    TempDir dir("geowalk-demo-sh");
    const auto script = stub_checkout(dir, "geowalk.gpkg summary.json");
    const auto run = run_script(script, "'" + (dir / "out").string() + "'");
    EXPECT_EQ(run.exit_code, 1) << run.output;
    EXPECT_NE(last_line(run.output).find("geowalk.qgs was not written"), std::string::npos) << run.output;
}

}  // namespace geo::test

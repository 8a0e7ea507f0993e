// SIGKILL during `geowalk run` at several points: the previous outputs stay intact and readable, no partial file
// appears under a final name, and the next run cleans up and gives the same figures.
#include "support.hpp"

#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <ogrsf_frmts.h>

#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <thread>

extern char** environ;

namespace geo::test {
namespace {

using Clock = std::chrono::steady_clock;

// Starts geowalk with the arguments; returns its pid.
pid_t spawn_geowalk(const std::vector<std::string>& args)
{
    std::vector<std::string> all{geowalk_binary().string()};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) throw std::runtime_error("posix_spawn failed");
    return pid;
}

int wait_for(pid_t pid)
{
    int status = 0;
    waitpid(pid, &status, 0);
    return status;
}

struct Snapshot {
    long long villages = -1, network_coverage = -1, blind_areas = -1;
    double covered_m = -1;
    int raster_cols = -1;
};

long long count(GDALDataset& ds, const char* layer)
{
    OGRLayer* l = ds.GetLayerByName(layer);
    return l ? l->GetFeatureCount() : -1;
}

// Reads the outputs under their final names; fails the test if any is missing, partial or unreadable.
Snapshot read_outputs(const std::filesystem::path& dir)
{
    Snapshot s;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
        const std::string name = entry.path().filename().string();
        EXPECT_EQ(name.find("partial"), std::string::npos) << entry.path();
        EXPECT_EQ(name.find(".tmp"), std::string::npos) << entry.path();
        EXPECT_NE(name.find("-journal"), 0U) << entry.path();
    }
    GDALDatasetUniquePtr gpkg(GDALDataset::Open((dir / "geowalk.gpkg").c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!gpkg) {
        ADD_FAILURE() << "geowalk.gpkg does not open";
        return s;
    }
    s.villages = count(*gpkg, "villages");
    s.network_coverage = count(*gpkg, "network_coverage");
    s.blind_areas = count(*gpkg, "blind_areas");
    try {
        s.covered_m = nlohmann::json::parse(read_text(dir / "summary.json")).at("coverage").at("covered_m").get<double>();
    } catch (const std::exception& e) {
        ADD_FAILURE() << "summary.json: " << e.what();
    }
    GDALDatasetUniquePtr tif(GDALDataset::Open((dir / "walk_distance.tif").c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    if (tif) {
        double minmax[2];
        EXPECT_EQ(tif->GetRasterBand(1)->ComputeRasterMinMax(FALSE, minmax), CE_None);
        s.raster_cols = tif->GetRasterXSize();
    } else {
        ADD_FAILURE() << "walk_distance.tif does not open";
    }
    return s;
}

void expect_same(const Snapshot& a, const Snapshot& b, const std::string& when)
{
    EXPECT_EQ(a.villages, b.villages) << when;
    EXPECT_EQ(a.network_coverage, b.network_coverage) << when;
    EXPECT_EQ(a.blind_areas, b.blind_areas) << when;
    EXPECT_EQ(a.covered_m, b.covered_m) << when;
    EXPECT_EQ(a.raster_cols, b.raster_cols) << when;
}

TEST(KillMidway, PreviousOutputsSurviveAndTheNextRunCleansUp)
{
    TempDir dir;
    const auto out = dir / "out";
    const std::vector<std::string> args{"run", (source_dir() / "data/sample/campaign.toml").string(), "--out",
                                        out.string(), "--quiet"};
    const auto started = Clock::now();
    ASSERT_EQ(wait_for(spawn_geowalk(args)), 0);
    const double full_s = std::chrono::duration<double>(Clock::now() - started).count();
    const Snapshot first = read_outputs(out);
    ASSERT_EQ(first.villages, 12);
    ASSERT_GT(first.covered_m, 0);

    // Kill points spread over a whole run, the last ones in the writing and renaming at its end.
    for (const double share : {0.1, 0.35, 0.6, 0.8, 0.9, 0.95, 0.98}) {
        const pid_t pid = spawn_geowalk(args);
        std::this_thread::sleep_for(std::chrono::duration<double>(share * full_s));
        kill(pid, SIGKILL);
        const int status = wait_for(pid);
        const std::string when = "killed at " + std::to_string(share) + " of a run" +
                                 (WIFSIGNALED(status) ? "" : " (it had finished)");
        expect_same(read_outputs(out), first, when);
    }

    ASSERT_EQ(wait_for(spawn_geowalk(args)), 0);
    expect_same(read_outputs(out), first, "after a clean re-run");
    for (const auto& entry : std::filesystem::directory_iterator(dir.path()))
        EXPECT_EQ(entry.path().filename(), "out") << "left behind: " << entry.path();
}

}  // namespace
}  // namespace geo::test

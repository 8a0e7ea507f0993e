// SIGKILL during `geowalk coverage` at several points, runs alternating between two sight distances: after each kill
// the output folder holds one whole set (the GeoPackage, summary.json and the raster of one run, never a new
// GeoPackage beside an old summary), readable, with no partial file under a final name; the next run cleans up.
#include "support.hpp"

#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <chrono>
#include <cmath>
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
    double gpkg_sight_min = -1, gpkg_sight_max = -1, gpkg_covered_m = -1;  // from network_coverage
    double sight_m = -1, covered_m = -1;                                   // from summary.json
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
    if (OGRLayer* coverage = gpkg->GetLayerByName("network_coverage")) {
        s.gpkg_sight_min = 1e9;
        s.gpkg_sight_max = s.gpkg_covered_m = 0;
        for (const auto& f : *coverage) {
            s.gpkg_sight_min = std::min(s.gpkg_sight_min, f->GetFieldAsDouble("sight_m"));
            s.gpkg_sight_max = std::max(s.gpkg_sight_max, f->GetFieldAsDouble("sight_m"));
            if (f->GetFieldAsInteger("covered") != 0) s.gpkg_covered_m += f->GetFieldAsDouble("length_m");
        }
    }
    try {
        const auto coverage = nlohmann::json::parse(read_text(dir / "summary.json")).at("coverage");
        s.sight_m = coverage.at("sight").at("default_m").get<double>();
        s.covered_m = coverage.at("covered_m").get<double>();
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

// Whether two snapshots are the outputs of the same run (the figures are sums, hence a tolerance).
bool same(const Snapshot& a, const Snapshot& b)
{
    const auto near = [](double x, double y) { return std::abs(x - y) <= 1e-6 * std::max(1.0, std::abs(y)); };
    return a.villages == b.villages && a.network_coverage == b.network_coverage && a.blind_areas == b.blind_areas &&
           near(a.gpkg_sight_min, b.gpkg_sight_min) && near(a.gpkg_sight_max, b.gpkg_sight_max) &&
           near(a.gpkg_covered_m, b.gpkg_covered_m) && near(a.sight_m, b.sight_m) && near(a.covered_m, b.covered_m) &&
           a.raster_cols == b.raster_cols;
}

std::string describe(const Snapshot& s)
{
    return "GeoPackage: sight " + std::to_string(s.gpkg_sight_min) + ".." + std::to_string(s.gpkg_sight_max) +
           " m, covered " + std::to_string(s.gpkg_covered_m) + " m; summary.json: sight " + std::to_string(s.sight_m) +
           " m, covered " + std::to_string(s.covered_m) + " m";
}

TEST(KillMidway, EachKillLeavesOneWholeSetAndTheNextRunCleansUp)
{
    TempDir dir;
    const auto out = dir / "out";
    const auto args = [&out](const char* sight) {
        return std::vector<std::string>{"coverage", (source_dir() / "data/sample/campaign.toml").string(), "--out",
                                        out.string(), "--sight", sight, "--no-maps", "--no-report", "--quiet"};
    };
    const auto started = Clock::now();
    ASSERT_EQ(wait_for(spawn_geowalk(args("30"))), 0);
    const double full_s = std::chrono::duration<double>(Clock::now() - started).count();
    const Snapshot near_sight = read_outputs(out);
    ASSERT_EQ(near_sight.villages, 12);
    ASSERT_NEAR(near_sight.gpkg_covered_m, near_sight.covered_m, 1e-6 * near_sight.covered_m);
    ASSERT_EQ(near_sight.gpkg_sight_max, 30);

    // One kill in the analysis, the others in the writing and the swap at the end of a run; runs alternate between
    // the two sights. What each kill left is checked once the clean run below has made the other set known.
    std::vector<std::pair<std::string, Snapshot>> after_kills;
    int kill_point = 0;
    for (const double share : {0.4, 0.85, 0.95, 1.02}) {
        const bool far = kill_point++ % 2 == 0;
        const pid_t pid = spawn_geowalk(args(far ? "60" : "30"));
        std::this_thread::sleep_for(std::chrono::duration<double>(share * full_s));
        kill(pid, SIGKILL);
        const int status = wait_for(pid);
        after_kills.emplace_back("killed at " + std::to_string(share) + " of a run with --sight " + (far ? "60" : "30") +
                                     (WIFSIGNALED(status) ? "" : " (it had finished)"),
                                 read_outputs(out));
    }

    ASSERT_EQ(wait_for(spawn_geowalk(args("60"))), 0);
    const Snapshot far_sight = read_outputs(out);
    ASSERT_NEAR(far_sight.gpkg_covered_m, far_sight.covered_m, 1e-6 * far_sight.covered_m);
    ASSERT_EQ(far_sight.gpkg_sight_min, 60);
    ASSERT_GT(far_sight.covered_m, near_sight.covered_m);  // the two sets can be told apart
    for (const auto& [when, now] : after_kills)
        EXPECT_TRUE(same(now, near_sight) || same(now, far_sight)) << when << ": " << describe(now);
    for (const auto& entry : std::filesystem::directory_iterator(dir.path()))
        EXPECT_EQ(entry.path().filename(), "out") << "left behind: " << entry.path();
}

}  // namespace
}  // namespace geo::test

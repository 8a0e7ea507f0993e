#include "libgeo/export/density_writer.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/core/memory.hpp"
#include "export/cog_check.hpp"
#include "support.hpp"

#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogr_spatialref.h>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <numeric>

namespace geo::output {

namespace {

std::string utm50n_wkt() { return test::epsg_wkt(32650); }

// Two clusters and a scatter over ~11 x 7 km: a QGIS-rule grid of 1,151 x 756 pixels at 10 m, several tiles.
std::vector<raster::KdePoint> scene()
{
    std::vector<raster::KdePoint> pts;
    for (int i = 0; i < 400; ++i) {
        const double a = i * 2.399963, d = std::sqrt(i) * 40.0;
        pts.push_back({512'000.0 + d * std::cos(a), 3'400'000.0 + d * std::sin(a), 1.0 + i % 3});
    }
    for (int i = 0; i < 200; ++i)
        pts.push_back({505'000.0 + (i * 7919 % 11'000), 3'396'500.0 + (i * 104'729 % 7'000), 1.0});
    return pts;
}

}  // namespace

// Town-sized grids are staged for the COG driver in memory, grids too large for the memory left through a temporary
// tiled GeoTIFF; both must give the same file contents.
namespace {

enum class Staging { memory, file };

void check_cog_equals_in_memory_density(Staging staging)
{
    test::TempDir dir("geowalk-density");
    const auto file = dir / "density.tif";
    const auto points = scene();
    raster::KdeOptions options;
    options.output = raster::KdeOutput::scaled;
    options.per_km2 = true;
    const raster::Grid grid = raster::kde_grid(points, options);
    const std::string wkt = utm50n_wkt();
    // A limit just above what the process holds leaves no room to stage the grid in memory; restored however
    // write_density leaves.
    struct LimitRestorer {
        ~LimitRestorer() { memory::set_limit_bytes(0); }
    } restore;
    if (staging == Staging::file) memory::set_limit_bytes(memory::resident_bytes() + 4096);
    const DensityStats stats = write_density(file, raster::Density{grid, {points.begin(), points.end()}, options}, wkt,
                                             {{"GEOWALK_FILTER", "all"}});
    memory::set_limit_bytes(0);

    const GDALDatasetUniquePtr ds = test::open_readonly(file);
    ASSERT_TRUE(ds);
    const test::CogReport cog = test::validate_cog(file);
    EXPECT_TRUE(cog.errors.empty()) << test::joined(cog.errors);
    const auto contract = test::cog_contract_problems(file);
    EXPECT_TRUE(contract.empty()) << test::joined(contract);
    EXPECT_STREQ(ds->GetMetadataItem("COMPRESSION", "IMAGE_STRUCTURE"), "DEFLATE");
    EXPECT_STREQ(ds->GetMetadataItem("KDE_KERNEL"), "quartic");
    EXPECT_STREQ(ds->GetMetadataItem("KDE_OUTPUT"), "scaled");
    EXPECT_STREQ(ds->GetMetadataItem("KDE_UNITS"), "per km2");
    EXPECT_STREQ(ds->GetMetadataItem("KDE_RADIUS_M"), "300");
    EXPECT_STREQ(ds->GetMetadataItem("KDE_PIXEL_M"), "10");
    EXPECT_STREQ(ds->GetMetadataItem("GEOWALK_FILTER"), "all");
    ASSERT_EQ(ds->GetRasterXSize(), grid.cols);
    ASSERT_EQ(ds->GetRasterYSize(), grid.rows);
    double gt[6];
    ASSERT_EQ(ds->GetGeoTransform(gt), CE_None);
    const auto expected = grid.geotransform();
    for (int i = 0; i < 6; ++i) EXPECT_DOUBLE_EQ(gt[i], expected[static_cast<std::size_t>(i)]);
    OGRSpatialReference input;
    ASSERT_EQ(input.importFromWkt(wkt.c_str()), OGRERR_NONE);
    ASSERT_NE(ds->GetSpatialRef(), nullptr);
    EXPECT_TRUE(ds->GetSpatialRef()->IsSame(&input));

    GDALRasterBand* band = ds->GetRasterBand(1);
    EXPECT_EQ(band->GetRasterDataType(), GDT_Float32);
    int has_nodata = FALSE;
    EXPECT_EQ(band->GetNoDataValue(&has_nodata), raster::nodata);
    EXPECT_TRUE(has_nodata);
    EXPECT_EQ(std::string(band->GetDescription()), density_description(options, false));
    EXPECT_STREQ(band->GetMetadataItem("KDE_OUTPUT"), "scaled");
    int bx = 0, by = 0;
    band->GetBlockSize(&bx, &by);
    EXPECT_EQ(bx, 512);
    EXPECT_EQ(by, 512);
    EXPECT_GE(band->GetOverviewCount(), 1);

    // Lossless against the in-memory evaluation (itself checked against brute force in test_kde.cpp).
    const raster::Raster memory = raster::kde(grid, points, options);
    std::vector<float> back(grid.cells());
    ASSERT_EQ(band->RasterIO(GF_Read, 0, 0, grid.cols, grid.rows, back.data(), grid.cols, grid.rows, GDT_Float32, 0,
                             0),
              CE_None);
    EXPECT_EQ(std::memcmp(back.data(), memory.values.data(), back.size() * sizeof(float)), 0);

    // Statistics in the file, equal to those of the pixels read back; the mass is the weighted count.
    const auto [lo, hi] = std::minmax_element(back.begin(), back.end());
    const double sum = std::accumulate(back.begin(), back.end(), 0.0);
    const double mean = sum / static_cast<double>(back.size());
    double var = 0.0;
    for (const float v : back) var += (v - mean) * (v - mean);
    const double stddev = std::sqrt(var / static_cast<double>(back.size()));
    ASSERT_NE(band->GetMetadataItem("STATISTICS_MAXIMUM"), nullptr);
    EXPECT_NEAR(std::atof(band->GetMetadataItem("STATISTICS_MAXIMUM")), *hi, 1e-6 * *hi);
    EXPECT_NEAR(std::atof(band->GetMetadataItem("STATISTICS_MINIMUM")), *lo, 1e-9);
    EXPECT_NEAR(std::atof(band->GetMetadataItem("STATISTICS_MEAN")), mean, 1e-6 * mean);
    EXPECT_NEAR(std::atof(band->GetMetadataItem("STATISTICS_STDDEV")), stddev, 1e-6 * stddev);
    EXPECT_NEAR(stats.sum, sum, 1e-9 * sum);
    double weighted = 0.0;
    for (const auto& p : points) weighted += p.weight;
    EXPECT_NEAR(stats.sum * 1e-4 /* 10 m pixels in km2 */ / weighted, 1.0, 0.005);

    int files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
        ++files;
        EXPECT_EQ(entry.path().filename(), "density.tif");  // no .aux.xml, no temporary file left
    }
    EXPECT_EQ(files, 1);
}

}  // namespace

TEST(DensityWriter, WritesACloudOptimizedGeoTiffEqualToTheInMemoryDensity)
{
    check_cog_equals_in_memory_density(Staging::memory);
}

TEST(DensityWriter, StagingThroughATemporaryFileGivesTheSameFile)
{
    check_cog_equals_in_memory_density(Staging::file);
}

TEST(DensityWriter, FailuresNameTheFileAndLeaveNothing)
{
    test::TempDir dir("geowalk-density");
    const auto points = scene();
    const raster::KdeOptions options;
    const raster::Grid grid = raster::kde_grid(points, options);
    const auto missing = dir / "no such folder" / "density.tif";
    try {
        (void)write_density(missing, raster::Density{grid, {points.begin(), points.end()}, options}, utm50n_wkt());
        FAIL() << "expected an OutputError";
    } catch (const OutputError& e) {
        EXPECT_EQ(e.where().file, missing.string());
    }
    EXPECT_THROW(
        (void)write_density(dir / "d.tif", raster::Density{grid, {points.begin(), points.end()}, options}, "not a CRS"),
        OutputError);
    std::vector<raster::KdePoint> bad = points;
    bad[3].weight = -2.0;
    EXPECT_THROW(
        (void)write_density(dir / "d.tif", raster::Density{grid, {bad.begin(), bad.end()}, options}, utm50n_wkt()),
        UsageError);
    EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
}

// 20,000 x 20,000 pixels (1.6 GB as Float32) written in a child process whose peak RSS must stay far below the
// whole grid: the evaluation and the writing both go tile by tile. 415-418 MB measured in a normal build (the test
// process included); AddressSanitizer's shadow memory and quarantine add about half again (627 MB measured), so its
// bound is higher, still well under the 1.6 GB the whole grid would take.
#if defined(__SANITIZE_ADDRESS__)
constexpr long peak_bound_kb = 1000L * 1024;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr long peak_bound_kb = 1000L * 1024;
#else
constexpr long peak_bound_kb = 600L * 1024;
#endif
#else
constexpr long peak_bound_kb = 600L * 1024;
#endif

TEST(DensityWriter, HugeGridIsWrittenTileByTileInBoundedMemory)
{
    test::TempDir dir("geowalk-density");
    const auto file = dir / "density.tif";
    raster::Grid grid;
    grid.origin_x = 400'000.0;
    grid.origin_y = 3'500'000.0;
    grid.pixel = 10.0;
    grid.cols = 20'000;
    grid.rows = 20'000;
    const std::vector<raster::KdePoint> points{{400'005.0, 3'499'995.0}, {500'000.0, 3'400'000.0},
                                               {599'995.0, 3'300'005.0}};
    int pipe_fds[2];
    ASSERT_EQ(pipe(pipe_fds), 0);
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        close(pipe_fds[0]);
        long peak_kb = -1;
        try {
            // One thread: GDAL's compression worker pool, which earlier tests in this process started, does not
            // survive fork() (its threads are gone in the child, so jobs queued to it would never run).
            raster::KdeOptions options;
            options.threads = 1;
            (void)write_density(file, raster::Density{grid, {points.begin(), points.end()}, options}, utm50n_wkt());
            rusage usage{};
            getrusage(RUSAGE_SELF, &usage);
            peak_kb = usage.ru_maxrss;
        } catch (...) {
        }
        (void)!write(pipe_fds[1], &peak_kb, sizeof peak_kb);
        _exit(0);
    }
    close(pipe_fds[1]);
    long peak_kb = -1;
    ASSERT_EQ(read(pipe_fds[0], &peak_kb, sizeof peak_kb), static_cast<ssize_t>(sizeof peak_kb));
    close(pipe_fds[0]);
    int status = 0;
    waitpid(child, &status, 0);
    ASSERT_GT(peak_kb, 0) << "the child could not write the raster";
    RecordProperty("peak_rss_mb", static_cast<int>(peak_kb / 1024));
    std::printf("peak RSS writing 20,000 x 20,000: %ld MB\n", peak_kb / 1024);
    EXPECT_LT(peak_kb, peak_bound_kb) << "peak RSS " << peak_kb / 1024 << " MB";

    const GDALDatasetUniquePtr ds = test::open_readonly(file);
    ASSERT_TRUE(ds);
    EXPECT_EQ(ds->GetRasterXSize(), 20'000);
    EXPECT_EQ(ds->GetRasterYSize(), 20'000);
    float corner = 0.0F, centre = 0.0F, far = -1.0F;
    GDALRasterBand* band = ds->GetRasterBand(1);
    ASSERT_EQ(band->RasterIO(GF_Read, 0, 0, 1, 1, &corner, 1, 1, GDT_Float32, 0, 0), CE_None);
    ASSERT_EQ(band->RasterIO(GF_Read, 10'000, 10'000, 1, 1, &centre, 1, 1, GDT_Float32, 0, 0), CE_None);
    ASSERT_EQ(band->RasterIO(GF_Read, 5'000, 15'000, 1, 1, &far, 1, 1, GDT_Float32, 0, 0), CE_None);
    EXPECT_FLOAT_EQ(corner, 1.0F);  // the point sits on the first pixel's centre: raw quartic (1 - 0)^2
    // (500000, 3400000) is a pixel corner; the four pixels around it are 7.07 m away.
    const double u2 = 50.0 / (300.0 * 300.0);
    EXPECT_NEAR(centre, (1.0 - u2) * (1.0 - u2), 1e-6);
    EXPECT_EQ(far, 0.0F);
    EXPECT_GE(band->GetOverviewCount(), 5);
    const test::CogReport cog = test::validate_cog(file);  // 1,600 full-resolution tiles, each leader and trailer
    EXPECT_TRUE(cog.errors.empty()) << test::joined(cog.errors);
}

}  // namespace geo::output

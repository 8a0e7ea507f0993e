#include "libgeo/raster/distance_transform.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/raster/rasterise.hpp"
#include "libgeo/raster/seeds.hpp"

#include <gdal_alg.h>
#include <gdal_priv.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <boost/geometry/io/wkt/read.hpp>

namespace geo::raster {

namespace {

// A grid on UTM-like coordinates whose origin is not a multiple of the pixel.
Grid test_grid(int cols = 80, int rows = 60, double pixel = 2.5)
{
    Grid g;
    g.origin_x = 625'703.3;
    g.origin_y = 4'310'017.9;
    g.pixel = pixel;
    g.cols = cols;
    g.rows = rows;
    return g;
}

// Random walks (which cross each other), each with an out-and-back companion a little to the side: the scenes
// where the nearest seed pixel most often does not lead to the nearest segment. `spill` lets walks start outside
// (as a share of the grid's size); with spill < 0 the walks stay a pixel inside the grid.
std::vector<LineString> scene(const Grid& g, std::uint64_t seed, double spill = 0.0)
{
    const bool keep_inside = spill < 0.0;
    spill = std::max(spill, 0.0);
    std::mt19937_64 rng(seed);
    const double w = g.cols * g.pixel;
    const double h = g.rows * g.pixel;
    std::uniform_real_distribution<double> ux(g.origin_x - spill * w, g.origin_x + (1 + spill) * w);
    std::uniform_real_distribution<double> uy(g.origin_y - (1 + spill) * h, g.origin_y + spill * h);
    std::uniform_real_distribution<double> heading(0.0, 6.283185307179586);
    std::uniform_real_distribution<double> step(0.5 * g.pixel, 8.0 * g.pixel);
    std::uniform_real_distribution<double> side(-1.5 * g.pixel, 1.5 * g.pixel);
    std::normal_distribution<double> turn(0.0, 0.5);
    std::vector<LineString> lines;
    const int walks = 1 + static_cast<int>(seed % 4);
    for (int k = 0; k < walks; ++k) {
        LineString walk;
        LineString back;
        Point p(ux(rng), uy(rng));
        double a = heading(rng);
        const double dx = side(rng);
        const double dy = side(rng);
        for (int i = 0; i < 6; ++i) {
            walk.push_back(p);
            back.push_back(Point(p.x() + dx, p.y() + dy));
            a += turn(rng);
            const double d = step(rng);
            p = Point(p.x() + d * std::cos(a), p.y() + d * std::sin(a));
            if (keep_inside)
                p = Point(std::clamp(p.x(), g.origin_x + 3 * g.pixel, g.origin_x + w - 3 * g.pixel),
                          std::clamp(p.y(), g.origin_y - h + 3 * g.pixel, g.origin_y - 3 * g.pixel));
        }
        std::reverse(back.begin(), back.end());
        lines.push_back(walk);
        lines.push_back(back);
    }
    return lines;
}

double brute_force(const std::vector<LineString>& lines, const Point& p)
{
    double best = std::numeric_limits<double>::infinity();
    for (const auto& line : lines) {
        if (line.size() == 1) best = std::min(best, bg::distance(p, line.front()));
        for (std::size_t i = 1; i < line.size(); ++i)
            best = std::min(best, bg::distance(p, bg::model::segment<Point>(line[i - 1], line[i])));
    }
    return best;
}

std::vector<std::uint8_t> seeds_of(const Grid& g, const std::vector<LineString>& lines)
{
    std::vector<std::size_t> cells;
    detail::seed_cells(g, lines, cells);
    std::vector<std::uint8_t> seeds(g.cells(), 0);
    for (const std::size_t c : cells) seeds[c] = 1;
    return seeds;
}

// g with `margin` more pixels on every side, on the same pixel edges.
Grid grown_by(Grid g, int margin)
{
    g.origin_x -= margin * g.pixel;
    g.origin_y += margin * g.pixel;
    g.cols += 2 * margin;
    g.rows += 2 * margin;
    return g;
}

// How far a seed pixel's centre can be from the line through the pixel.
double half_diagonal(const Grid& g) { return g.pixel * std::sqrt(0.5); }

DistanceOptions with(DistanceMeasure measure, int threads = 2)
{
    DistanceOptions o;
    o.measure = measure;
    o.threads = threads;
    return o;
}

// GDAL's proximity over the given seeds, in metres.
std::vector<float> gdal_proximity(const Grid& g, const std::vector<std::uint8_t>& seeds)
{
    GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
    GDALDatasetUniquePtr source(mem->Create("", g.cols, g.rows, 1, GDT_Byte, nullptr));
    GDALDatasetUniquePtr target(mem->Create("", g.cols, g.rows, 1, GDT_Float32, nullptr));
    auto gt = g.geotransform();
    source->SetGeoTransform(gt.data());
    target->SetGeoTransform(gt.data());
    std::vector<std::uint8_t> burn = seeds;
    EXPECT_EQ(source->GetRasterBand(1)->RasterIO(GF_Write, 0, 0, g.cols, g.rows, burn.data(), g.cols, g.rows,
                                                 GDT_Byte, 0, 0),
              CE_None);
    CPLStringList options;
    options.SetNameValue("DISTUNITS", "GEO");
    options.SetNameValue("VALUES", "1");
    EXPECT_EQ(GDALComputeProximity(source->GetRasterBand(1), target->GetRasterBand(1), options.List(), nullptr,
                                   nullptr),
              CE_None);
    std::vector<float> out(g.cells());
    EXPECT_EQ(target->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, g.cols, g.rows, out.data(), g.cols, g.rows,
                                                 GDT_Float32, 0, 0),
              CE_None);
    return out;
}

}  // namespace

TEST(DistanceTransform, SeedCentresAreTheExactTransformOfTheSeeds)
{
    const Grid g = test_grid(50, 40);
    for (std::uint64_t s = 0; s < 12; ++s) {
        const auto lines = scene(g, s, 0.2);
        // Walks spill up to 10 pixels beyond the grid, well within the 256 pixels seeds count out to.
        const Grid grown = grown_by(g, 256);
        const auto seeds = seeds_of(grown, lines);
        std::vector<std::pair<int, int>> seed_pixels;
        for (int row = 0; row < grown.rows; ++row)
            for (int col = 0; col < grown.cols; ++col)
                if (seeds[grown.index(col, row)]) seed_pixels.emplace_back(col, row);
        const Raster r = distance_to_lines(g, lines, nullptr, with(DistanceMeasure::to_seed_centres));
        for (int row = 0; row < g.rows; ++row)
            for (int col = 0; col < g.cols; ++col) {
                double best = std::numeric_limits<double>::infinity();
                for (const auto& [c, w] : seed_pixels)
                    best = std::min(best, std::hypot(g.x(col) - grown.x(c), g.y(row) - grown.y(w)));
                if (seed_pixels.empty()) ASSERT_EQ(r.at(col, row), nodata);
                else ASSERT_NEAR(r.at(col, row), best, 1e-6 * std::max(1.0, best)) << "scene " << s;
            }
    }
}

// Every value against boost::geometry's point-segment distance, pixel by pixel. Float32 output: 1e-6 relative.
void expect_exact(const Grid& g, const std::vector<LineString>& lines, const Raster& r, const std::string& what)
{
    for (int row = 0; row < g.rows; ++row)
        for (int col = 0; col < g.cols; ++col) {
            const double truth = brute_force(lines, Point(g.x(col), g.y(row)));
            ASSERT_NEAR(r.at(col, row), truth, 1e-6 * std::max(1.0, truth)) << what << " col " << col << " row " << row;
        }
}

TEST(DistanceTransform, SegmentsAreTheExactDistance)
{
    const Grid g = test_grid();
    for (std::uint64_t s = 0; s < 40; ++s) {
        const auto lines = scene(g, s, 0.3);
        expect_exact(g, lines, distance_to_lines(g, lines, nullptr, with(DistanceMeasure::to_segments)),
                     "scene " + std::to_string(s));
    }
}

// Grids of many 64 x 64 blocks, with GPS-like walks of short steps (hundreds of segments, most far from most
// pixels) that pass out of the grid and back, on a grid whose size is not a multiple of the block sizes.
TEST(DistanceTransform, SegmentsAreExactOnLargeGridsWithDenseWalks)
{
    const Grid g = test_grid(231, 173, 1.0);
    for (std::uint64_t s = 0; s < 3; ++s) {
        std::mt19937_64 rng(s);
        std::normal_distribution<double> turn(0.0, 0.3);
        std::vector<LineString> lines;
        for (int k = 0; k < 3; ++k) {
            LineString walk;
            Point p(g.origin_x + 20.0 + 60.0 * k, g.origin_y - 30.0 - 50.0 * s);
            double a = 0.7 * k + static_cast<double>(s);
            for (int i = 0; i < 300; ++i) {
                walk.push_back(p);
                a += turn(rng);
                p = Point(p.x() + 1.7 * std::cos(a), p.y() + 1.7 * std::sin(a));
            }
            lines.push_back(walk);
        }
        expect_exact(g, lines, distance_to_lines(g, lines, nullptr, with(DistanceMeasure::to_segments)),
                     "dense scene " + std::to_string(s));
    }
}

// A road walked three times with GPS jitter in one corner of a grid of several 128 x 128 blocks: most blocks are
// hundreds of pixels from the walks, where the candidates are culled by following the nearest stretch of the
// track (segment_field.cpp, may_be_nearest). Every other pixel of every other row against brute force.
TEST(DistanceTransform, SegmentsAreExactFarFromDenseParallelWalks)
{
    const Grid g = test_grid(520, 390, 2.0);
    std::mt19937_64 rng(42);
    std::normal_distribution<double> jitter(0.0, 1.5);
    std::vector<LineString> lines;
    for (int pass = 0; pass < 3; ++pass) {
        LineString walk;
        for (int i = 0; i < 200; ++i) {
            const double t = pass % 2 == 0 ? i : 199 - i;
            walk.push_back(Point(g.origin_x + 30.0 + 1.3 * t + jitter(rng), g.origin_y - 40.0 - 0.4 * t + jitter(rng)));
        }
        lines.push_back(walk);
    }
    lines.push_back({Point(g.origin_x + 1000.0, g.origin_y - 700.0)});  // one fix far from the road
    const Raster r = distance_to_lines(g, lines, nullptr, with(DistanceMeasure::to_segments));
    for (int row = 0; row < g.rows; row += 2)
        for (int col = 0; col < g.cols; col += 2) {
            const double truth = brute_force(lines, Point(g.x(col), g.y(row)));
            ASSERT_NEAR(r.at(col, row), truth, 1e-6 * std::max(1.0, truth)) << "col " << col << " row " << row;
        }
}

TEST(DistanceTransform, AgreesWithGdalProximity)
{
    const Grid g = test_grid(120, 90, 5.0);
    const double h = half_diagonal(g);
    long disagree = 0;
    long pixels = 0;
    for (std::uint64_t s = 0; s < 8; ++s) {
        const auto lines = scene(g, s + 100, -1.0);  // inside the grid: GDAL sees every seed
        const auto seeds = seeds_of(g, lines);
        const auto theirs = gdal_proximity(g, seeds);
        const Raster centres = distance_to_lines(g, lines, nullptr, with(DistanceMeasure::to_seed_centres));
        const Raster segments = distance_to_lines(g, lines, nullptr, with(DistanceMeasure::to_segments));
        for (std::size_t i = 0; i < g.cells(); ++i) {
            // GDAL's two-scan propagation reports a distance to some seed, never less than the exact transform.
            ASSERT_LE(centres.values[i], theirs[i] + 1e-3F) << "scene " << s << " pixel " << i;
            const bool same = std::abs(centres.values[i] - theirs[i]) <= 1e-3F;
            disagree += !same;
            ++pixels;
            // Exact segment distance and seed-centre distance differ by at most half a pixel diagonal.
            ASSERT_LE(std::abs(segments.values[i] - centres.values[i]), h + 1e-3);
            if (same) {
                ASSERT_LE(std::abs(segments.values[i] - theirs[i]), h + 1e-3);
            }
        }
    }
    // Measured when written: GDAL is higher on 30 of 86,400 pixels (by up to 0.17 pixel), equal elsewhere.
    EXPECT_LT(disagree, pixels / 200);
}

TEST(DistanceTransform, OneAndTwoThreadsAreBitIdentical)
{
    const Grid g = test_grid(157, 93, 3.0);  // sizes that do not divide into the chunk sizes
    const auto lines = scene(g, 7, 0.3);
    MultiPolygon mask;
    bg::read_wkt("MULTIPOLYGON(((625720 4309800,625900 4309790,626100 4309950,625800 4310010,625720 4309800)))", mask);
    bg::correct(mask);
    for (const auto measure : {DistanceMeasure::to_segments, DistanceMeasure::to_seed_centres}) {
        const Raster one = distance_to_lines(g, lines, &mask, with(measure, 1));
        const Raster two = distance_to_lines(g, lines, &mask, with(measure, 2));
        const Raster four = distance_to_lines(g, lines, &mask, with(measure, 4));
        ASSERT_EQ(one.values.size(), two.values.size());
        EXPECT_EQ(std::memcmp(one.values.data(), two.values.data(), one.values.size() * sizeof(float)), 0);
        EXPECT_EQ(std::memcmp(one.values.data(), four.values.data(), one.values.size() * sizeof(float)), 0);
    }
}

TEST(DistanceTransform, MaskTurnsOutsidePixelsIntoNodata)
{
    const Grid g = test_grid();
    const auto lines = scene(g, 3);
    MultiPolygon mask;
    bg::read_wkt("MULTIPOLYGON(((625720 4309900,625850 4309880,625860 4310000,625730 4310005,625720 4309900),"
                 "(625770 4309940,625800 4309940,625800 4309960,625770 4309940)))",
                 mask);
    bg::correct(mask);
    const auto inside = rasterise_area(g, mask);
    for (const DistanceMeasure measure : {DistanceMeasure::to_segments, DistanceMeasure::to_seed_centres}) {
        DistanceOptions options;
        options.measure = measure;
        const Raster all = distance_to_lines(g, lines, nullptr, options);
        const Raster masked = distance_to_lines(g, lines, &mask, options);
        long kept = 0;
        for (std::size_t i = 0; i < g.cells(); ++i) {
            if (inside[i]) {
                // Walks outside the mask still count, so inside values do not change.
                ASSERT_EQ(masked.values[i], all.values[i]) << distance_measure_name(measure) << " pixel " << i;
                ++kept;
            } else {
                ASSERT_EQ(masked.values[i], nodata) << distance_measure_name(measure) << " pixel " << i;
            }
        }
        EXPECT_GT(kept, 100);
        EXPECT_LT(kept, static_cast<long>(g.cells()) / 2);
    }
}

// A village smaller than a pixel that holds no pixel centre: every pixel is outside it, whichever measure.
TEST(DistanceTransform, MaskWithoutPixelCentresLeavesOnlyNodata)
{
    const Grid g = test_grid();
    const auto lines = scene(g, 3);
    MultiPolygon mask;  // in the north-west corner of pixel (10, 10), whose centre is (625729.55, 4309991.65)
    bg::read_wkt("MULTIPOLYGON(((625728.4 4309992.8,625728.9 4309992.8,625728.4 4309992.3,625728.4 4309992.8)))", mask);
    bg::correct(mask);
    ASSERT_GT(bg::area(mask), 0.0);
    for (const DistanceMeasure measure : {DistanceMeasure::to_segments, DistanceMeasure::to_seed_centres}) {
        const Raster r = distance_to_lines(g, lines, &mask, with(measure));
        ASSERT_EQ(r.values.size(), g.cells());
        EXPECT_EQ(std::count(r.values.begin(), r.values.end(), nodata), static_cast<long>(g.cells()))
            << distance_measure_name(measure);
    }
}

TEST(DistanceTransform, DegenerateLinesAreMeasuredAsPoints)
{
    const Grid g = test_grid(40, 30);
    std::vector<LineString> lines(5);
    lines[0].push_back(Point(625'720.0, 4'309'990.0));  // one vertex
    lines[1] = {Point(625'760.1, 4'309'960.2), Point(625'760.1, 4'309'960.2), Point(625'760.1, 4'309'960.2)};
    lines[2] = {Point(625'740.0, 4'309'970.0), Point(625'740.0, 4'309'970.0), Point(625'750.0, 4'309'975.0),
                Point(625'750.0, 4'309'975.0)};  // repeated vertices around a real segment
    // lines[3] stays empty
    lines[4] = {Point(625'790.0, 4'309'950.0)};
    for (const auto measure : {DistanceMeasure::to_segments, DistanceMeasure::to_seed_centres}) {
        const Raster r = distance_to_lines(g, lines, nullptr, with(measure));
        const double slack = measure == DistanceMeasure::to_segments ? 1e-4 : half_diagonal(g) + 1e-4;
        for (int row = 0; row < g.rows; ++row)
            for (int col = 0; col < g.cols; ++col)
                ASSERT_NEAR(r.at(col, row), brute_force(lines, Point(g.x(col), g.y(row))), slack);
    }
}

TEST(DistanceTransform, NoLinesMeansNodataEverywhere)
{
    const Grid g = test_grid(20, 10);
    for (const auto& lines : {std::vector<LineString>{}, std::vector<LineString>(3)}) {
        const Raster r = distance_to_lines(g, lines, nullptr);
        EXPECT_EQ(r.values.size(), g.cells());
        EXPECT_TRUE(std::all_of(r.values.begin(), r.values.end(), [](float v) { return v == nodata; }));
    }
}

TEST(DistanceTransform, PixelsOnALineAreZeroOrWithinHalfADiagonal)
{
    Grid g;
    g.origin_x = 0.0;
    g.origin_y = 100.0;
    g.pixel = 1.0;
    g.cols = 20;
    g.rows = 10;
    // Row 4's centres lie on y = 95.5 exactly; the diagonal crosses pixels anywhere.
    const std::vector<LineString> lines = {{Point(2.5, 95.5), Point(15.5, 95.5)}, {Point(1.3, 91.2), Point(8.9, 99.7)}};
    const Raster exact = distance_to_lines(g, lines, nullptr, with(DistanceMeasure::to_segments));
    const Raster centres = distance_to_lines(g, lines, nullptr, with(DistanceMeasure::to_seed_centres));
    for (int col = 2; col <= 15; ++col) EXPECT_EQ(exact.at(col, 4), 0.0F) << col;
    EXPECT_EQ(exact.at(1, 4), 1.0F);
    const auto seeds = seeds_of(g, lines);
    for (int row = 0; row < g.rows; ++row)
        for (int col = 0; col < g.cols; ++col)
            if (seeds[g.index(col, row)]) {
                EXPECT_LE(exact.at(col, row), half_diagonal(g) + 1e-6);
                EXPECT_EQ(centres.at(col, row), 0.0F);
            }
}

TEST(DistanceTransform, LinesOutsideTheGridCountInFull)
{
    const Grid g = test_grid(40, 30);
    // A walk passing just north of the grid and one ending west of it; nothing inside.
    const std::vector<LineString> lines = {
        {Point(625'690.0, 4'310'030.0), Point(625'760.0, 4'310'021.0), Point(625'850.0, 4'310'060.0)},
        {Point(625'600.0, 4'309'900.0), Point(625'700.0, 4'309'960.0)}};
    const Raster exact = distance_to_lines(g, lines, nullptr, with(DistanceMeasure::to_segments));
    for (int row = 0; row < g.rows; ++row)
        for (int col = 0; col < g.cols; ++col)
            ASSERT_NEAR(exact.at(col, row), brute_force(lines, Point(g.x(col), g.y(row))), 1e-3);
    // The seed-centre measure sees seeds up to 256 pixels beyond the grid (gdal_proximity only its own raster),
    // so it stays within half a pixel diagonal of the exact distance here.
    const Raster centres = distance_to_lines(g, lines, nullptr, with(DistanceMeasure::to_seed_centres));
    for (std::size_t i = 0; i < g.cells(); ++i)
        ASSERT_NEAR(centres.values[i], exact.values[i], half_diagonal(g) + 1e-4) << i;
    // Farther out than that it does not see a walk; the exact measure does.
    const double far_west = g.origin_x - 300 * g.pixel;
    const std::vector<LineString> far = {{Point(far_west, g.origin_y - 10.0), Point(far_west, g.origin_y - 50.0)}};
    const Raster far_centres = distance_to_lines(g, far, nullptr, with(DistanceMeasure::to_seed_centres));
    EXPECT_TRUE(std::all_of(far_centres.values.begin(), far_centres.values.end(), [](float v) { return v == nodata; }));
    const Raster far_exact = distance_to_lines(g, far, nullptr, with(DistanceMeasure::to_segments));
    EXPECT_NEAR(far_exact.at(0, 5), brute_force(far, Point(g.x(0), g.y(5))), 1e-3);
}

// The row envelope over long rows and columns with few, far-apart seeds (many parabolas dropped, distances of
// hundreds of pixels), against the brute-force nearest seed centre.
TEST(DistanceTransform, SeedCentresOverLongRowsAndColumns)
{
    for (const auto& [cols, rows] : {std::pair{400, 300}, std::pair{600, 3}, std::pair{3, 600}}) {
        const Grid g = test_grid(cols, rows, 1.0);
        std::vector<LineString> points;
        for (const auto& [fx, fy] : {std::pair{0.1, 0.2}, std::pair{0.93, 0.5}, std::pair{0.4, 0.97}})
            points.push_back({Point(g.origin_x + (std::floor(fx * cols) + 0.5) * g.pixel,
                                    g.origin_y - (std::floor(fy * rows) + 0.5) * g.pixel)});
        const Raster r = distance_to_lines(g, points, nullptr, with(DistanceMeasure::to_seed_centres, 1));
        for (int row = 0; row < rows; ++row)
            for (int col = 0; col < cols; ++col)
                ASSERT_FLOAT_EQ(r.at(col, row), static_cast<float>(brute_force(points, Point(g.x(col), g.y(row)))))
                    << cols << "x" << rows << " at " << col << "," << row;
    }
}

TEST(DistanceTransform, ReportsProgressAndCanBeCancelled)
{
    const Grid g = test_grid();
    const auto lines = scene(g, 5);
    std::vector<double> seen;
    auto record = [](double done, const char*, void* data) -> int {
        static_cast<std::vector<double>*>(data)->push_back(done);
        return TRUE;
    };
    (void)distance_to_lines(g, lines, nullptr, record, &seen);
    ASSERT_FALSE(seen.empty());
    EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
    EXPECT_DOUBLE_EQ(seen.back(), 1.0);

    auto cancel = [](double done, const char*, void*) -> int { return done < 0.3 ? TRUE : FALSE; };
    EXPECT_THROW((void)distance_to_lines(g, lines, nullptr, cancel, nullptr), Error);
}

TEST(DistanceTransform, RefusesBadInput)
{
    const Grid g = test_grid(10, 10);
    DistanceOptions o;
    o.threads = 0;
    EXPECT_THROW((void)distance_to_lines(g, {}, nullptr, o), UsageError);
    Grid empty = g;
    empty.cols = 0;
    EXPECT_THROW((void)distance_to_lines(empty, {}, nullptr), UsageError);
    const std::vector<LineString> bad = {{Point(625'710.0, 4'310'000.0), Point(std::nan(""), 4'310'000.0)}};
    EXPECT_THROW((void)distance_to_lines(g, bad, nullptr), Error);
}

}  // namespace geo::raster

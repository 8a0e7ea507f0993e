// Cells: counts against direct floor arithmetic, village zeros, hexagon lookup against the nearest centre, the ArcGIS
// cell-size rule against brute-force nearest neighbours, and the hotspot_cells analysis end to end.
#include "geometry_support.hpp"
#include "libgeo/hotspot/binning.hpp"
#include "libgeo/hotspot/hotspot_cells.hpp"

#include "libgeo/core/error.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <vector>

namespace {

using namespace geo::hotspot;
using geo::MultiPolygon;
using geo::Point;
using geo::test::rectangle;

TEST(Binning, SquareCountsAndVillageZeros)
{
    std::mt19937_64 rng(1);
    std::uniform_real_distribution<double> u(0, 1000);
    std::vector<Point> pts;
    for (int i = 0; i < 500; ++i) pts.emplace_back(u(rng), u(rng) * 0.5);  // y in [0, 500)
    const auto village = rectangle(0, 0, 1000, 1000);                      // the upper half holds no points
    BinningOptions o;
    o.cell_size_m = 100;
    const auto b = make_cells(pts, {village}, o);
    EXPECT_EQ(b.layout.x0, 0.0);   // the village's corner: the extent covers points and villages
    EXPECT_EQ(b.layout.cols, 11);  // ArcGIS: int(1000 / 100) + 1
    // Every point is counted in the cell floor arithmetic gives.
    std::map<std::pair<int, int>, int> expected;
    for (const auto& p : pts)
        ++expected[{static_cast<int>(std::floor((p.y() - b.layout.y0) / 100)),
                    static_cast<int>(std::floor((p.x() - b.layout.x0) / 100))}];
    double total = 0;
    int zeros = 0;
    for (const auto& c : b.cells) {
        total += c.count;
        const auto it = expected.find({c.row, c.col});
        EXPECT_EQ(c.count, it == expected.end() ? 0 : it->second);
        if (c.count == 0) {
            ++zeros;
            // an empty cell is kept only because it shares area with the village
            EXPECT_TRUE(boost::geometry::intersects(b.layout.polygon(c.col, c.row), village));
        }
    }
    EXPECT_EQ(total, 500);
    EXPECT_GT(zeros, 30);
    for (std::size_t i = 0; i < pts.size(); ++i)
        EXPECT_TRUE(boost::geometry::covered_by(
            pts[i], b.layout.polygon(b.cells[static_cast<std::size_t>(b.cell_of_point[i])].col,
                                     b.cells[static_cast<std::size_t>(b.cell_of_point[i])].row)));
    const auto polygons = cell_polygons(b);
    ASSERT_EQ(polygons.size(), b.cells.size());
    for (std::size_t k = 0; k < polygons.size(); ++k) {
        EXPECT_NEAR(boost::geometry::area(polygons[k]), 100 * 100, 1e-6);
        EXPECT_TRUE(boost::geometry::within(b.cells[k].centre, polygons[k]));
    }
    // Without villages the empty cells are dropped.
    const auto bare = make_cells(pts, {}, o);
    for (const auto& c : bare.cells) EXPECT_GT(c.count, 0);
}

TEST(Binning, HexagonsHoldTheirPoints)
{
    std::mt19937_64 rng(2);
    std::uniform_real_distribution<double> u(0, 2000);
    std::vector<Point> pts;
    for (int i = 0; i < 2000; ++i) pts.emplace_back(u(rng), u(rng));
    BinningOptions o;
    o.shape = CellShape::hexagon;
    o.cell_size_m = 150;
    const auto b = make_cells(pts, {}, o);
    EXPECT_NEAR(b.layout.cell_area(), boost::geometry::area(b.layout.polygon(3, 4)), 1e-6);
    EXPECT_NEAR(b.layout.cell_area(), 150 * 150 * std::sqrt(3.0) / 2, 1e-6);
    double total = 0;
    for (const auto& c : b.cells) total += c.count;
    EXPECT_EQ(total, 2000);
    for (std::size_t i = 0; i < pts.size(); ++i) {
        ASSERT_GE(b.cell_of_point[i], 0);
        const auto& cell = b.cells[static_cast<std::size_t>(b.cell_of_point[i])];
        EXPECT_TRUE(boost::geometry::covered_by(pts[i], b.layout.polygon(cell.col, cell.row))) << i;
        // nearest centre by brute force over all layout cells nearby
        double best = 1e300;
        for (long long r = 0; r < b.layout.rows; ++r)
            for (long long c = 0; c < b.layout.cols; ++c)
                best = std::min(best, boost::geometry::distance(pts[i], b.layout.centre(c, r)));
        EXPECT_NEAR(boost::geometry::distance(pts[i], cell.centre), best, 1e-9);
    }
    // Neighbouring centres are one size apart, on the same row and across rows.
    EXPECT_NEAR(boost::geometry::distance(b.layout.centre(2, 2), b.layout.centre(3, 2)), 150, 1e-9);
    EXPECT_NEAR(boost::geometry::distance(b.layout.centre(2, 2), b.layout.centre(2, 3)), 150, 1e-9);
    EXPECT_NEAR(boost::geometry::distance(b.layout.centre(2, 3), b.layout.centre(2, 4)), 150, 1e-9);
}

TEST(Binning, CellSizeRuleMatchesBruteForce)
{
    std::mt19937_64 rng(3);
    std::uniform_real_distribution<double> u(0, 1000);
    std::vector<Point> pts;
    for (int i = 0; i < 200; ++i) pts.emplace_back(u(rng), u(rng));
    pts.push_back(pts[5]);  // a coincident incident: collected before measuring
    std::vector<double> nn;
    for (std::size_t i = 0; i + 1 < pts.size(); ++i) {
        double best = 1e300;
        for (std::size_t j = 0; j + 1 < pts.size(); ++j)
            if (j != i) best = std::min(best, boost::geometry::distance(pts[i], pts[j]));
        nn.push_back(best);
    }
    double mean = 0;
    for (double d : nn) mean += d;
    mean /= static_cast<double>(nn.size());
    std::sort(nn.begin(), nn.end());
    const double median = nn.size() % 2 ? nn[nn.size() / 2] : 0.5 * (nn[nn.size() / 2 - 1] + nn[nn.size() / 2]);
    const double larger = std::max(mean, median), smaller = std::min(mean, median);
    EXPECT_NEAR(choose_cell_size(pts), larger * std::max(2.0, larger / smaller), 1e-9);
    EXPECT_THROW(choose_cell_size({Point(1, 1), Point(1, 1)}), geo::UsageError);
}

TEST(HotspotCells, FindsThePlantedClusterAndRefusesTooFew)
{
    std::mt19937_64 rng(4);
    std::uniform_real_distribution<double> u(0, 3000);
    std::normal_distribution<double> blob(0, 120);
    std::vector<Point> pts;
    for (int i = 0; i < 300; ++i) pts.emplace_back(u(rng), u(rng));
    for (int i = 0; i < 200; ++i) pts.emplace_back(2200 + blob(rng), 800 + blob(rng));
    const auto village = rectangle(0, 0, 3000, 3000);
    HotspotCellsOptions o;
    o.binning.cell_size_m = 100;
    const auto r = hotspot_cells(pts, {village}, o);
    ASSERT_EQ(r.gi.z.size(), r.binning.cells.size());
    ASSERT_TRUE(r.band_search.has_value());
    EXPECT_GT(r.band_m, 0);
    int hot_near_blob = 0;
    for (std::size_t i = 0; i < r.binning.cells.size(); ++i) {
        EXPECT_TRUE(std::isfinite(r.gi.z[i]));
        const auto& c = r.binning.cells[i].centre;
        if (std::hypot(c.x() - 2200, c.y() - 800) < 100 && r.gi.bin[i] == 3) ++hot_near_blob;
        if (r.gi.bin[i] == 3) {
            EXPECT_LT(std::hypot(c.x() - 2200, c.y() - 800), 700);
        }
    }
    EXPECT_GE(hot_near_blob, 1);
    // Chosen cell size and hexagons run too.
    HotspotCellsOptions chosen;
    chosen.binning.shape = CellShape::hexagon;
    chosen.gi.band_m = 400;
    const auto h = hotspot_cells(pts, {village}, chosen);
    EXPECT_TRUE(h.binning.size_chosen);
    EXPECT_EQ(h.band_m, 400);
    EXPECT_THROW(hotspot_cells(std::vector<Point>(pts.begin(), pts.begin() + 29), {village}, o), geo::UsageError);
}

}  // namespace

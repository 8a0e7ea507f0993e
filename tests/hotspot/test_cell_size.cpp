// The chosen cell size's bounds (issue 24): at most 250,000 cells over the analysed extent, counted by walking the
// layout; the floor; a given size untouched; and Gi* of the written cells against the textbook Gi* over every
// analysed cell (cells outside every village included, as before the change), the cells found by brute force.
#include "geometry_support.hpp"
#include "hotspot/brute_force_gi.hpp"
#include "libgeo/hotspot/binning.hpp"
#include "libgeo/hotspot/hotspot_cells.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <random>
#include <set>
#include <vector>

namespace {

using namespace geo::hotspot;
using geo::MultiPolygon;
using geo::Point;
using geo::test::rectangle;

// Columns (or rows) of a square layout starting at the extent's corner: positions k * size inside [0, length].
long long walk_count(double length, double size)
{
    long long k = 0;
    while (static_cast<double>(k) * size <= length) ++k;
    return k;
}

// 500 tight clusters (sigma 3 m) over 20 km x 20 km: nearest neighbours a metre or two apart.
std::vector<Point> dense_clusters(int per_cluster)
{
    std::mt19937_64 rng(24);
    std::uniform_real_distribution<double> where(100, 19900);
    std::normal_distribution<double> spread(0, 3);
    std::vector<Point> pts;
    for (int c = 0; c < 500; ++c) {
        const double cx = where(rng), cy = where(rng);
        for (int i = 0; i < per_cluster; ++i) pts.emplace_back(cx + spread(rng), cy + spread(rng));
    }
    return pts;
}

TEST(CellSize, NeverMoreThanTheBoundOverTheExtent)
{
    const auto pts = dense_clusters(40);
    const auto village = rectangle(0, 0, 20000, 20000);
    // What the nearest-neighbour rule alone (and the floor) would lay over the 20 km square: far more than 250,000.
    const double nn = choose_cell_size(pts);
    const double unbounded = std::max(nn, default_cell_floor_m);
    ASSERT_GT(walk_count(20000, unbounded) * walk_count(20000, unbounded), 250000);

    BinningOptions o;  // size chosen, default bounds
    const auto b = make_cells(pts, {village}, o);
    ASSERT_TRUE(b.size_rule.has_value());
    EXPECT_STREQ(b.size_rule->rule, "max_cells");
    EXPECT_EQ(b.size_rule->max_cells, 250000);
    EXPECT_NEAR(b.size_rule->nearest_neighbour_m, nn, 1e-12);
    const double s = b.layout.size;
    EXPECT_EQ(s, std::round(s)) << "a whole number of metres";
    const long long cells = walk_count(20000, s) * walk_count(20000, s);
    EXPECT_LE(cells, 250000);
    EXPECT_EQ(b.layout.cols * b.layout.rows, cells);
    // The smallest whole metre within the bound: one metre less is over it.
    EXPECT_GT(walk_count(20000, s - 1) * walk_count(20000, s - 1), 250000);
    EXPECT_LE(static_cast<long long>(b.cells.size()), 250000);

    // Hexagons: the centres of the layout, counted one by one, are within the bound too.
    o.shape = CellShape::hexagon;
    const auto h = make_cells(pts, {village}, o);
    long long centres = 0;
    for (long long r = 0; r < h.layout.rows; ++r)
        for (long long c = 0; c < h.layout.cols; ++c) centres += std::isfinite(h.layout.centre(c, r).x()) ? 1 : 0;
    EXPECT_LE(centres, 250000);
    EXPECT_GT(centres, 200000) << "not far below the bound either";
}

TEST(CellSize, FloorAppliesWhenTheIssuesAreCloserThanGpsCanTell)
{
    // 3,000 issues in 30 clusters of 2 m over 2 km: the nearest-neighbour rule says a few metres.
    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> where(100, 1900);
    std::normal_distribution<double> spread(0, 2);
    std::vector<Point> pts;
    for (int c = 0; c < 30; ++c) {
        const double cx = where(rng), cy = where(rng);
        for (int i = 0; i < 100; ++i) pts.emplace_back(cx + spread(rng), cy + spread(rng));
    }
    const auto village = rectangle(0, 0, 2000, 2000);
    ASSERT_LT(choose_cell_size(pts), 20.0);
    BinningOptions o;
    const auto b = make_cells(pts, {village}, o);
    EXPECT_EQ(b.layout.size, 30.0);  // max(2 x 10 m GPS, 30 m default sight)
    EXPECT_STREQ(b.size_rule->rule, "floor");
    o.floor_m = 45;  // a campaign whose sight_m is 45
    EXPECT_EQ(make_cells(pts, {village}, o).layout.size, 45.0);
    // Sparse issues: the nearest-neighbour rule stands as it was.
    std::vector<Point> sparse;
    for (int i = 0; i < 40; ++i) sparse.emplace_back(50.0 * (i % 8) + 3 * (i % 3), 60.0 * (i / 8) + 2 * (i % 5));
    const auto nb = make_cells(sparse, {}, BinningOptions{});
    EXPECT_STREQ(nb.size_rule->rule, "nearest_neighbour");
    EXPECT_EQ(nb.layout.size, choose_cell_size(sparse));
}

TEST(CellSize, GivenSizeIsUsedAsItIs)
{
    const auto pts = dense_clusters(4);
    const auto village = rectangle(0, 0, 20000, 20000);
    BinningOptions o;
    o.cell_size_m = 7;  // 2.8 million cells over the extent: asked for, so given
    const auto b = make_cells(pts, {}, o);
    EXPECT_EQ(b.layout.size, 7.0);
    EXPECT_FALSE(b.size_chosen);
    EXPECT_FALSE(b.size_rule.has_value());
    // Without villages the cells are those holding a point, by floor arithmetic.
    std::set<std::pair<long long, long long>> expected;
    for (const auto& p : pts)
        expected.insert({static_cast<long long>(std::floor((p.y() - b.layout.y0) / 7)),
                         static_cast<long long>(std::floor((p.x() - b.layout.x0) / 7))});
    EXPECT_EQ(b.cells.size(), expected.size());
    (void)village;
}

// The written cells' Gi* equals the textbook Gi* over every analysed cell, the analysed cells found by brute force
// (a cell per point by floor arithmetic, and every layout cell sharing area with the village), with a cell outside
// the village that holds issues: analysed, flagged outside, not changing anyone's numbers.
TEST(CellSize, WrittenCellsKeepTheirGiStarWithOutsideCellsAnalysed)
{
    std::mt19937_64 rng(11);
    std::uniform_real_distribution<double> u(0, 1000);
    std::normal_distribution<double> blob(0, 60);
    std::vector<Point> pts;
    for (int i = 0; i < 400; ++i) pts.emplace_back(u(rng), u(rng));
    for (int i = 0; i < 150; ++i) pts.emplace_back(300 + blob(rng), 700 + blob(rng));
    for (int i = 0; i < 12; ++i) pts.emplace_back(1230 + i, 480 + i);  // outside the village, east
    const auto village = rectangle(0, 0, 1000, 1000);
    HotspotCellsOptions o;
    o.binning.cell_size_m = 50;
    o.gi.band_m = 120;
    const auto r = hotspot_cells(pts, {village}, o);

    // Brute force: extent = points and village; cells of points; cells sharing area with the village.
    double xmin = 0, ymin = 0;
    for (const auto& p : pts) xmin = std::min(xmin, p.x()), ymin = std::min(ymin, p.y());
    std::map<std::pair<long long, long long>, double> counts;  // (row, col)
    for (const auto& p : pts)
        counts[{static_cast<long long>(std::floor((p.y() - ymin) / 50)),
                static_cast<long long>(std::floor((p.x() - xmin) / 50))}] += 1;
    std::set<std::pair<long long, long long>> inside;
    for (long long row = 0; row * 50.0 + ymin < 1000; ++row)
        for (long long col = 0; col * 50.0 + xmin < 1000; ++col) {
            const double x0 = xmin + col * 50.0, y0 = ymin + row * 50.0;
            if (std::min(x0 + 50, 1000.0) > std::max(x0, 0.0) && std::min(y0 + 50, 1000.0) > std::max(y0, 0.0)) {
                inside.insert({row, col});
                counts.emplace(std::make_pair(row, col), 0.0);
            }
        }
    ASSERT_EQ(r.binning.cells.size(), counts.size());
    std::vector<Point> centres;
    std::vector<double> values;
    for (const auto& [key, n] : counts) {
        centres.emplace_back(xmin + (key.second + 0.5) * 50, ymin + (key.first + 0.5) * 50);
        values.push_back(n);
    }
    const auto z = geo::test::brute_force_gi_star(centres, values, 120);
    int outside = 0;
    std::size_t k = 0;
    for (const auto& [key, n] : counts) {
        const auto& cell = r.binning.cells[k];
        ASSERT_EQ(cell.row, key.first);
        ASSERT_EQ(cell.col, key.second);
        EXPECT_EQ(cell.count, n);
        EXPECT_EQ(r.binning.in_villages[k] != 0, inside.count(key) == 1) << "cell " << k;
        outside += inside.count(key) ? 0 : 1;
        EXPECT_NEAR(r.gi.z[k], z[k], 1e-9) << "cell " << k;
        ++k;
    }
    EXPECT_GE(outside, 1);
}

}  // namespace

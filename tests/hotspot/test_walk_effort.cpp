// Walked length per cell against GEOS (intersection of each whole track with each cell) and against the total.
#include "coverage/scene.hpp"
#include "libgeo/hotspot/issue_filter.hpp"
#include "libgeo/hotspot/walk_effort.hpp"

#include <gtest/gtest.h>

namespace geo::hotspot {
namespace {

std::vector<Polygon> square_cells(double size, int n)
{
    std::vector<Polygon> cells;
    for (int r = 0; r < n; ++r)
        for (int c = 0; c < n; ++c) {
            Polygon& p = cells.emplace_back();
            const double x = c * size, y = r * size;
            p.outer() = {Point(x, y), Point(x, y + size), Point(x + size, y + size), Point(x + size, y), Point(x, y)};
            bg::correct(p);
        }
    return cells;
}

TEST(WalkEffort, AgreesWithGeosAndAddsUpToTheTrackLength)
{
    std::mt19937_64 rng(9);
    std::vector<LineString> tracks;
    for (int i = 0; i < 6; ++i) tracks.push_back(test::random_path(rng, 1000, 80, 23));
    const auto cells = square_cells(137, 8);  // 1,096 m square: every track inside
    const auto walked = walked_metres(cells, tracks);
    GeosContext ctx;
    double total = 0, walked_total = 0;
    for (const auto& t : tracks) total += bg::length(t);
    for (std::size_t i = 0; i < cells.size(); ++i) {
        double expected = 0;
        for (const auto& t : tracks) {
            const GeomPtr line = to_geos(ctx, t);
            const GeomPtr cell = to_geos(ctx, MultiPolygon{cells[i]});
            const GeomPtr inside = own(ctx, GEOSIntersection_r(ctx, line.get(), cell.get()), "i");
            double length = 0;
            GEOSLength_r(ctx, inside.get(), &length);
            expected += length;
        }
        EXPECT_NEAR(walked[i], expected, 1e-6) << "cell " << i;
        walked_total += walked[i];
    }
    EXPECT_NEAR(walked_total, total, 1e-6 * total);
}

TEST(WalkEffort, CellsWithoutWalksHaveZero)
{
    const auto cells = square_cells(100, 3);
    const std::vector<LineString> tracks{{Point(10, 10), Point(90, 10)}};
    const auto walked = walked_metres(cells, tracks);
    EXPECT_NEAR(walked[0], 80, 1e-9);
    for (std::size_t i = 1; i < cells.size(); ++i) EXPECT_EQ(walked[i], 0.0);
}

TEST(WalkEffort, AWalkAlongASharedEdgeCountsOnce)
{
    const auto cells = square_cells(100, 3);
    const std::vector<LineString> tracks{{Point(100, 20), Point(100, 280)}, {Point(20, 200), Point(280, 200)}};
    const auto walked = walked_metres(cells, tracks);
    double total = 0;
    for (const double w : walked) total += w;
    EXPECT_NEAR(total, 520, 1e-9);
}

TEST(IssueFilter, ByCategoryProblemStatusAndWindow)
{
    Issue a;
    a.category = Category::village_road;
    a.problem = " 生活垃圾 ";
    a.status = Status::accepted;
    a.found = 1000.0;
    IssueFilter f;
    EXPECT_TRUE(f.accepts(a));
    f.problems = {"生活垃圾"};
    EXPECT_TRUE(f.accepts(a));
    f.categories = {Category::river_ditch};
    EXPECT_FALSE(f.accepts(a));
    f.categories = {Category::village_road};
    f.statuses = {Status::found};
    EXPECT_FALSE(f.accepts(a));
    f.statuses.clear();
    f.from = 1000.0;
    f.to = 1001.0;
    EXPECT_TRUE(f.accepts(a));
    f.to = 1000.0;  // the end is exclusive
    EXPECT_FALSE(f.accepts(a));
    f.to.reset();
    a.found.reset();  // no date: cannot be placed in a window
    EXPECT_FALSE(f.accepts(a));
}

}  // namespace
}  // namespace geo::hotspot

// VillageIndex: rtree then exact test. The oracle is a brute-force loop over every village asking GEOS (another
// library than the Boost.Geometry the index uses) for covers/intersects, plus shapes whose answer is plain to see.
#include "libgeo/handles/geos_convert.hpp"
#include "libgeo/normalise/village_index.hpp"

#include <gtest/gtest.h>

#include <random>
#include <vector>

namespace geo::normalise {

namespace {

Polygon square(double x0, double y0, double side)
{
    Polygon p;
    p.outer() = {{x0, y0}, {x0, y0 + side}, {x0 + side, y0 + side}, {x0 + side, y0}, {x0, y0}};  // clockwise
    return p;
}

Village village(MultiPolygon area)
{
    Village v;
    v.area = std::move(area);
    return v;
}

// Village 0: 10 x 10 square at the origin with a 2 x 2 hole at (4 4). Village 1: square (20 0)-(30 10).
// Village 2: overlaps village 0 on (8 0)-(10 10). Village 3: two parts, far apart (50 50) and (70 50).
std::vector<Village> fixed_villages()
{
    Polygon holed = square(0, 0, 10);
    holed.inners().push_back({{4, 4}, {6, 4}, {6, 6}, {4, 6}, {4, 4}});  // counter-clockwise hole
    return {village({holed}), village({square(20, 0, 10)}), village({square(8, 0, 5)}),
            village({square(50, 50, 2), square(70, 50, 2)})};
}

int brute_force_locate(const GeosContext& ctx, const std::vector<GeomPtr>& areas, const Point& p)
{
    const GeomPtr g = to_geos(ctx, p);
    for (std::size_t i = 0; i < areas.size(); ++i)
        if (predicate_result(ctx, GEOSCovers_r(ctx, areas[i].get(), g.get()), "covers")) return static_cast<int>(i);
    return -1;
}

bool brute_force_touches(const GeosContext& ctx, const std::vector<GeomPtr>& areas, const GEOSGeometry* g)
{
    for (const GeomPtr& a : areas)
        if (predicate_result(ctx, GEOSIntersects_r(ctx, a.get(), g), "intersects")) return true;
    return false;
}

std::vector<GeomPtr> geos_areas(const GeosContext& ctx, const std::vector<Village>& villages)
{
    std::vector<GeomPtr> out;
    for (const Village& v : villages) out.push_back(to_geos(ctx, v.area));
    return out;
}

}  // namespace

TEST(VillageIndex, EmptyIndexFindsNothing)
{
    const std::vector<Village> none;
    const VillageIndex index(none);
    EXPECT_TRUE(index.empty());
    EXPECT_EQ(index.locate(Point(0, 0)), -1);
    EXPECT_FALSE(index.touches_any(LineString{{0, 0}, {1, 1}}));
    EXPECT_FALSE(index.touches_any(MultiPolygon{square(0, 0, 1)}));
}

TEST(VillageIndex, LocatesInteriorBoundaryAndHole)
{
    const std::vector<Village> villages = fixed_villages();
    const VillageIndex index(villages);
    EXPECT_FALSE(index.empty());
    EXPECT_EQ(index.locate(Point(1, 1)), 0);
    EXPECT_EQ(index.locate(Point(0, 5)), 0);   // on the shell: covered counts
    EXPECT_EQ(index.locate(Point(0, 0)), 0);   // a corner
    EXPECT_EQ(index.locate(Point(5, 5)), -1);  // inside the hole
    EXPECT_EQ(index.locate(Point(4, 5)), 0);   // on the hole's edge
    EXPECT_EQ(index.locate(Point(25, 5)), 1);
    EXPECT_EQ(index.locate(Point(15, 5)), -1);   // between villages
    EXPECT_EQ(index.locate(Point(71, 51)), 3);   // second part of a multi-part village
    EXPECT_EQ(index.locate(Point(60, 51)), -1);  // between its parts: inside the envelope, outside the village
}

TEST(VillageIndex, OverlapGoesToTheFirstVillageInInputOrder)
{
    const std::vector<Village> villages = fixed_villages();
    const VillageIndex index(villages);
    EXPECT_EQ(index.locate(Point(9, 1)), 0);   // in 0 and 2
    EXPECT_EQ(index.locate(Point(12, 1)), 2);  // in 2 only

    // Twenty copies of the same square: whatever order the rtree returns them in, the answer is 0.
    std::vector<Village> stack;
    for (int i = 0; i < 20; ++i) stack.push_back(village({square(0, 0, 1)}));
    const VillageIndex stacked(stack);
    EXPECT_EQ(stacked.locate(Point(0.5, 0.5)), 0);
    // Reversed nesting: ever smaller squares later in the list, so deeper points are in more villages.
    std::vector<Village> nested;
    for (int i = 0; i < 20; ++i) nested.push_back(village({square(i, i, 40.0 - 2.0 * i)}));
    const VillageIndex nested_index(nested);
    EXPECT_EQ(nested_index.locate(Point(20, 20)), 0);
    EXPECT_EQ(nested_index.locate(Point(-1, 20)), -1);
}

TEST(VillageIndex, VillageWithoutAreaIsNeverFound)
{
    std::vector<Village> villages;
    villages.push_back(village({}));
    villages.push_back(village({square(0, 0, 1)}));
    const VillageIndex index(villages);
    EXPECT_EQ(index.locate(Point(0.5, 0.5)), 1);
    EXPECT_EQ(index.locate(Point(5, 5)), -1);
    EXPECT_TRUE(index.touches_any(LineString{{-1, 0.5}, {2, 0.5}}));
    EXPECT_FALSE(index.touches_any(LineString{{5, 5}, {6, 6}}));
}

TEST(VillageIndex, LinesTouchingCrossingOrMissing)
{
    const std::vector<Village> villages = fixed_villages();
    const VillageIndex index(villages);
    EXPECT_TRUE(index.touches_any(LineString{{-5, 5}, {40, 5}}));     // straight through, no vertex inside
    EXPECT_TRUE(index.touches_any(LineString{{-5, 0}, {0, 0}}));      // ends on a corner
    EXPECT_TRUE(index.touches_any(LineString{{1, 1}, {2, 2}}));       // wholly inside
    EXPECT_FALSE(index.touches_any(LineString{{4.5, 5}, {5.5, 5}}));  // inside the hole
    EXPECT_FALSE(index.touches_any(LineString{{14, 11}, {19, 11}}));
    // An L around the corner of village 1: its envelope covers the village, the line does not meet it.
    EXPECT_FALSE(index.touches_any(LineString{{15, -1}, {31, -1}, {31, 11}}));
    EXPECT_FALSE(index.touches_any(LineString{}));
}

TEST(VillageIndex, AreasTouchingCoveringOrMissing)
{
    const std::vector<Village> villages = fixed_villages();
    const VillageIndex index(villages);
    EXPECT_TRUE(index.touches_any(MultiPolygon{square(-100, -100, 300)}));  // swallows every village
    EXPECT_TRUE(index.touches_any(MultiPolygon{square(30, 0, 1)}));         // shares an edge with village 1
    EXPECT_FALSE(index.touches_any(MultiPolygon{square(4.5, 4.5, 1)}));     // inside the hole
    EXPECT_FALSE(index.touches_any(MultiPolygon{square(60, 50, 2)}));       // between the parts of village 3
    EXPECT_TRUE(index.touches_any(MultiPolygon{square(60, 50, 2), square(70.5, 50.5, 1)}));
    EXPECT_FALSE(index.touches_any(MultiPolygon{}));
}

TEST(VillageIndex, MatchesBruteForceOnARandomScene)
{
    // 60 random squares, many overlapping, some with holes; 2000 points, 300 lines and 300 small squares.
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> pos(0.0, 1000.0);
    std::uniform_real_distribution<double> side(5.0, 120.0);
    std::vector<Village> villages;
    for (int i = 0; i < 60; ++i) {
        const double x = pos(rng), y = pos(rng), s = side(rng);
        Polygon p = square(x, y, s);
        if (i % 3 == 0)  // a hole in the middle third
            p.inners().push_back({{x + s / 3, y + s / 3},
                                  {x + 2 * s / 3, y + s / 3},
                                  {x + 2 * s / 3, y + 2 * s / 3},
                                  {x + s / 3, y + 2 * s / 3},
                                  {x + s / 3, y + s / 3}});
        villages.push_back(village({p}));
    }
    const GeosContext ctx;
    const std::vector<GeomPtr> areas = geos_areas(ctx, villages);
    const VillageIndex index(villages);

    int located = 0;
    for (int i = 0; i < 2000; ++i) {
        const Point p(pos(rng), pos(rng));
        const int expected = brute_force_locate(ctx, areas, p);
        located += expected >= 0;
        ASSERT_EQ(index.locate(p), expected) << p.x() << ' ' << p.y();
    }
    EXPECT_GT(located, 100);  // the scene really exercises both answers
    EXPECT_LT(located, 1900);

    std::uniform_real_distribution<double> step(-60.0, 60.0);
    int touching = 0;
    for (int i = 0; i < 300; ++i) {
        const double x = pos(rng), y = pos(rng);
        const LineString line{{x, y}, {x + step(rng), y + step(rng)}, {x + step(rng), y + step(rng)}};
        const bool expected = brute_force_touches(ctx, areas, to_geos(ctx, line).get());
        touching += expected;
        ASSERT_EQ(index.touches_any(line), expected) << i;
    }
    EXPECT_GT(touching, 20);
    EXPECT_LT(touching, 280);

    std::uniform_real_distribution<double> small(0.5, 10.0);
    for (int i = 0; i < 300; ++i) {
        const MultiPolygon area{square(pos(rng), pos(rng), small(rng))};
        const bool expected = brute_force_touches(ctx, areas, to_geos(ctx, area).get());
        ASSERT_EQ(index.touches_any(area), expected) << i;
    }
}

}  // namespace geo::normalise

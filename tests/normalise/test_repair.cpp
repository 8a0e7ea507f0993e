// Polygon repair and line cleaning. Oracles: areas derived by hand (a bow-tie is two triangles), GEOS's validity
// check and MakeValid called directly on the same WKT, and a brute-force dedup for clean_line.
#include "libgeo/handles/geos_convert.hpp"
#include "libgeo/normalise/repair.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace geo::normalise {

namespace {

// The polygons of a WKT exactly as written (no orientation fix), as a loader that skips correct() would hand them.
MultiPolygon as_written(const GeosContext& ctx, const std::string& wkt)
{
    const GeomPtr g = geom_from_wkt(ctx, wkt);
    MultiPolygon out;
    const auto read_ring = [&](const GEOSGeometry* ring, Polygon::ring_type& r) {
        const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(ctx, ring);
        unsigned int n = 0;
        GEOSCoordSeq_getSize_r(ctx, seq, &n);
        for (unsigned int i = 0; i < n; ++i) {
            double x = 0, y = 0;
            GEOSCoordSeq_getXY_r(ctx, seq, i, &x, &y);
            r.emplace_back(x, y);
        }
    };
    const auto read_polygon = [&](const GEOSGeometry* p) {
        Polygon poly;
        read_ring(GEOSGetExteriorRing_r(ctx, p), poly.outer());
        for (int i = 0; i < GEOSGetNumInteriorRings_r(ctx, p); ++i) {
            poly.inners().emplace_back();
            read_ring(GEOSGetInteriorRingN_r(ctx, p, i), poly.inners().back());
        }
        out.push_back(std::move(poly));
    };
    if (GEOSGeomTypeId_r(ctx, g.get()) == GEOS_POLYGON) {
        read_polygon(g.get());
    } else {
        for (int i = 0; i < GEOSGetNumGeometries_r(ctx, g.get()); ++i)
            read_polygon(GEOSGetGeometryN_r(ctx, g.get(), i));
    }
    return out;
}

bool geos_valid(const GeosContext& ctx, const MultiPolygon& area)
{
    const GeomPtr g = to_geos(ctx, area);
    return GEOSisValid_r(ctx, g.get()) == 1;
}

// The area GEOS's own MakeValid leaves for a WKT, counting polygonal parts only.
double make_valid_area(const GeosContext& ctx, const std::string& wkt)
{
    const GeomPtr g = geom_from_wkt(ctx, wkt);
    const GeomPtr fixed = own(ctx, GEOSMakeValid_r(ctx, g.get()), "MakeValid");
    double total = 0;
    const int n = GEOSGetNumGeometries_r(ctx, fixed.get());
    for (int i = 0; i < n; ++i) {
        const GEOSGeometry* part = GEOSGetGeometryN_r(ctx, fixed.get(), i);
        const int type = GEOSGeomTypeId_r(ctx, part);
        if (type != GEOS_POLYGON && type != GEOS_MULTIPOLYGON) continue;
        double a = 0;
        EXPECT_EQ(GEOSArea_r(ctx, part, &a), 1);
        total += a;
    }
    return total;
}

}  // namespace

TEST(Repair, ValidSquareIsLeftAlone)
{
    const GeosContext ctx;
    MultiPolygon area = as_written(ctx, "POLYGON ((0 0, 0 1, 1 1, 1 0, 0 0))");  // clockwise, as Boost wants
    const MultiPolygon before = area;
    const Repair r = repair_polygons(ctx, area);
    EXPECT_FALSE(r.was_invalid);
    EXPECT_TRUE(r.why.empty());
    ASSERT_EQ(area.size(), 1u);
    ASSERT_EQ(area[0].outer().size(), before[0].outer().size());
    for (std::size_t i = 0; i < before[0].outer().size(); ++i) {
        EXPECT_EQ(area[0].outer()[i].x(), before[0].outer()[i].x());
        EXPECT_EQ(area[0].outer()[i].y(), before[0].outer()[i].y());
    }
    EXPECT_NEAR(bg::area(area), 1.0, 1e-12);
}

TEST(Repair, EmptyAreaStaysEmptyAndValid)
{
    const GeosContext ctx;
    MultiPolygon area;
    const Repair r = repair_polygons(ctx, area);
    EXPECT_FALSE(r.was_invalid);
    EXPECT_TRUE(area.empty());
}

TEST(Repair, BowTieBecomesTwoTriangles)
{
    // (0 0)-(2 2)-(2 0)-(0 2) crosses itself at (1 1): two triangles with base 2 and height 1, area 1 each.
    const GeosContext ctx;
    MultiPolygon area = as_written(ctx, "POLYGON ((0 0, 2 2, 2 0, 0 2, 0 0))");
    ASSERT_FALSE(geos_valid(ctx, area));
    const Repair r = repair_polygons(ctx, area);
    EXPECT_TRUE(r.was_invalid);
    EXPECT_NE(r.why.find("Self-intersection"), std::string::npos) << r.why;
    ASSERT_EQ(area.size(), 2u);
    EXPECT_NEAR(bg::area(area[0]), 1.0, 1e-12);  // positive: oriented as Boost wants
    EXPECT_NEAR(bg::area(area[1]), 1.0, 1e-12);
    EXPECT_TRUE(geos_valid(ctx, area));
    // Both triangles meet at the crossing point (1, 1).
    for (const Polygon& p : area) {
        bool has_crossing = false;
        for (const Point& v : p.outer())
            has_crossing = has_crossing || (std::abs(v.x() - 1.0) < 1e-12 && std::abs(v.y() - 1.0) < 1e-12);
        EXPECT_TRUE(has_crossing);
    }
}

TEST(Repair, RingsTooShortForGeosAreDropped)
{
    const GeosContext ctx;
    Polygon triangle_open;  // three vertices: not a ring GEOS can build
    triangle_open.outer() = {{0, 0}, {0, 1}, {1, 0}};
    Polygon square;
    square.outer() = {{10, 10}, {10, 12}, {12, 12}, {12, 10}, {10, 10}};
    MultiPolygon area{triangle_open, square};
    const Repair r = repair_polygons(ctx, area);
    EXPECT_TRUE(r.was_invalid);
    EXPECT_EQ(r.why, "a ring with fewer than 4 vertices");
    ASSERT_EQ(area.size(), 1u);
    EXPECT_NEAR(bg::area(area), 4.0, 1e-12);

    MultiPolygon only_bad{triangle_open};
    const Repair all = repair_polygons(ctx, only_bad);
    EXPECT_TRUE(all.was_invalid);
    EXPECT_TRUE(only_bad.empty());
}

TEST(Repair, HolesTooShortAreDroppedAndTheShellKept)
{
    const GeosContext ctx;
    Polygon p;
    p.outer() = {{0, 0}, {0, 10}, {10, 10}, {10, 0}, {0, 0}};
    p.inners().push_back({{2, 2}, {3, 3}, {2, 2}});                  // degenerate
    p.inners().push_back({{5, 5}, {7, 5}, {7, 7}, {5, 7}, {5, 5}});  // a proper 2 x 2 hole
    MultiPolygon area{p};
    const Repair r = repair_polygons(ctx, area);
    EXPECT_TRUE(r.was_invalid);
    EXPECT_EQ(r.why, "a hole with fewer than 4 vertices");
    ASSERT_EQ(area.size(), 1u);
    ASSERT_EQ(area[0].inners().size(), 1u);
    EXPECT_NEAR(bg::area(area), 100.0 - 4.0, 1e-12);
}

TEST(Repair, CollapsedPolygonLeavesNothing)
{
    // Four vertices on one line: no area at all. MakeValid gives a line, and only polygons are kept.
    const GeosContext ctx;
    MultiPolygon area = as_written(ctx, "POLYGON ((0 0, 1 0, 2 0, 0 0))");
    const Repair r = repair_polygons(ctx, area);
    EXPECT_TRUE(r.was_invalid);
    EXPECT_FALSE(r.why.empty());
    EXPECT_TRUE(area.empty());
}

TEST(Repair, SpikeIsCutOff)
{
    // A 10 x 10 square with a zero-width spike out to (20 5): the area is still 100.
    const GeosContext ctx;
    MultiPolygon area = as_written(ctx, "POLYGON ((0 0, 0 10, 10 10, 10 5, 20 5, 10 5, 10 0, 0 0))");
    const Repair r = repair_polygons(ctx, area);
    EXPECT_TRUE(r.was_invalid);
    EXPECT_NEAR(bg::area(area), 100.0, 1e-9);
    EXPECT_TRUE(geos_valid(ctx, area));
}

TEST(Repair, AgreesWithGeosMakeValid)
{
    const GeosContext ctx;
    // Invalid shapes whose repair GEOS defines: each result must match GEOS MakeValid run here directly.
    const char* cases[] = {
        "POLYGON ((0 0, 2 2, 2 0, 0 2, 0 0))",                                           // bow-tie
        "POLYGON ((0 0, 0 10, 10 10, 10 0, 0 0), (20 20, 20 22, 22 22, 22 20, 20 20))",  // hole outside the shell
        "POLYGON ((0 0, 0 10, 10 10, 10 0, 0 0), (0 0, 0 10, 10 10, 10 0, 0 0))",        // hole equal to the shell
        "MULTIPOLYGON (((0 0, 0 4, 4 4, 4 0, 0 0)), ((2 2, 2 6, 6 6, 6 2, 2 2)))",       // overlapping parts
        "POLYGON ((0 0, 0 10, 10 10, 10 0, 0 0), (1 1, 1 9, 9 9, 9 1, 1 1), (2 2, 2 3, 3 3, 3 2, 2 2))",  // nested holes
        "POLYGON ((0 0, 10 0, 10 10, 5 0, 0 10, 0 0))",  // self-touching at (5 0)
    };
    for (const char* wkt : cases) {
        MultiPolygon area = as_written(ctx, wkt);
        ASSERT_FALSE(geos_valid(ctx, area)) << wkt;
        const Repair r = repair_polygons(ctx, area);
        EXPECT_TRUE(r.was_invalid) << wkt;
        EXPECT_FALSE(r.why.empty()) << wkt;
        EXPECT_TRUE(area.empty() || geos_valid(ctx, area)) << wkt;
        EXPECT_NEAR(bg::area(area), make_valid_area(ctx, wkt), 1e-9) << wkt;
        for (const Polygon& p : area) EXPECT_GT(bg::area(p), 0.0) << wkt;  // every part oriented for Boost
    }
}

TEST(RepairCleanLine, DropsOnlyConsecutiveRepeats)
{
    LineString line{{0, 0}, {0, 0}, {1, 0}, {1, 0}, {1, 0}, {0, 0}, {2, 2}, {2, 2}};
    EXPECT_TRUE(clean_line(line));
    const LineString expected{{0, 0}, {1, 0}, {0, 0}, {2, 2}};  // the return to (0 0) is not a repeat
    ASSERT_EQ(line.size(), expected.size());
    for (std::size_t i = 0; i < line.size(); ++i) {
        EXPECT_EQ(line[i].x(), expected[i].x());
        EXPECT_EQ(line[i].y(), expected[i].y());
    }
}

TEST(RepairCleanLine, FewerThanTwoDistinctVerticesIsRefused)
{
    LineString empty;
    EXPECT_FALSE(clean_line(empty));
    EXPECT_TRUE(empty.empty());

    LineString one{{3, 4}};
    EXPECT_FALSE(clean_line(one));
    EXPECT_EQ(one.size(), 1u);

    LineString same{{3, 4}, {3, 4}, {3, 4}};
    EXPECT_FALSE(clean_line(same));
    EXPECT_EQ(same.size(), 1u);

    LineString two{{3, 4}, {3, 4.000001}};  // close is not equal
    EXPECT_TRUE(clean_line(two));
    EXPECT_EQ(two.size(), 2u);
}

TEST(RepairCleanLine, MatchesABruteForceDedupOnRandomLines)
{
    // Random lines on a 3 x 3 grid repeat vertices often; the oracle keeps a vertex when it differs from the one
    // written just before it.
    std::mt19937 rng(20240611);
    std::uniform_int_distribution<int> coord(0, 2);
    std::uniform_int_distribution<int> length(0, 12);
    for (int trial = 0; trial < 500; ++trial) {
        LineString line;
        const int n = length(rng);
        for (int i = 0; i < n; ++i) line.emplace_back(coord(rng), coord(rng));
        std::vector<std::pair<double, double>> expected;
        for (const Point& p : line)
            if (expected.empty() || expected.back() != std::pair{p.x(), p.y()}) expected.emplace_back(p.x(), p.y());

        LineString cleaned = line;
        EXPECT_EQ(clean_line(cleaned), expected.size() >= 2) << trial;
        ASSERT_EQ(cleaned.size(), expected.size()) << trial;
        for (std::size_t i = 0; i < expected.size(); ++i) {
            EXPECT_EQ(cleaned[i].x(), expected[i].first) << trial;
            EXPECT_EQ(cleaned[i].y(), expected[i].second) << trial;
        }
    }
}

}  // namespace geo::normalise

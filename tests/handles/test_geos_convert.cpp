// Boost.Geometry <-> GEOS conversions. The contract is "coordinates copied, never rounded", so coordinates are
// compared exactly on purpose; areas and lengths are checked against GEOS's own measures and hand-derived values.
#include "libgeo/core/error.hpp"
#include "libgeo/handles/geos_convert.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace geo {

namespace {

// Values a decimal round trip would change: exact copies must keep every bit.
constexpr double awkward_x = 0.1 + 0.2;
constexpr double awkward_y = 123456789.123456789;

std::vector<double> coordinates_of(const GeosContext& ctx, const GEOSGeometry* g)
{
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(ctx, g);
    EXPECT_NE(seq, nullptr);
    unsigned int n = 0;
    EXPECT_EQ(GEOSCoordSeq_getSize_r(ctx, seq, &n), 1);
    std::vector<double> out;
    for (unsigned int i = 0; i < n; ++i) {
        double x = 0, y = 0;
        EXPECT_EQ(GEOSCoordSeq_getXY_r(ctx, seq, i, &x, &y), 1);
        out.push_back(x);
        out.push_back(y);
    }
    return out;
}

Polygon::ring_type ring_of(std::initializer_list<Point> points)
{
    Polygon::ring_type r;
    for (const Point& p : points) r.push_back(p);
    return r;
}

// Twice the signed area of a ring by the shoelace formula: positive when counter-clockwise.
double shoelace(const Polygon::ring_type& r)
{
    double sum = 0;
    for (std::size_t i = 0; i + 1 < r.size(); ++i) sum += r[i].x() * r[i + 1].y() - r[i + 1].x() * r[i].y();
    return sum;
}

}  // namespace

TEST(HandlesGeosConvert, PointIsCopiedBitForBit)
{
    const GeosContext ctx;
    const GeomPtr g = to_geos(ctx, Point(awkward_x, awkward_y));
    ASSERT_EQ(GEOSGeomTypeId_r(ctx, g.get()), GEOS_POINT);
    EXPECT_EQ(g.get_deleter().ctx, ctx.get());
    double x = 0, y = 0;
    ASSERT_EQ(GEOSGeomGetX_r(ctx, g.get(), &x), 1);
    ASSERT_EQ(GEOSGeomGetY_r(ctx, g.get(), &y), 1);
    EXPECT_EQ(x, awkward_x);
    EXPECT_EQ(y, awkward_y);
}

TEST(HandlesGeosConvert, LineKeepsEveryVertexInOrder)
{
    const GeosContext ctx;
    const LineString line{{0, 0}, {3, 4}, {awkward_x, awkward_y}};
    const GeomPtr g = to_geos(ctx, line);
    ASSERT_EQ(GEOSGeomTypeId_r(ctx, g.get()), GEOS_LINESTRING);
    const std::vector<double> expected{0, 0, 3, 4, awkward_x, awkward_y};
    EXPECT_EQ(coordinates_of(ctx, g.get()), expected);

    const GeomPtr triangle = to_geos(ctx, LineString{{0, 0}, {3, 0}, {3, 4}});
    double length = 0;
    ASSERT_EQ(GEOSLength_r(ctx, triangle.get(), &length), 1);
    EXPECT_NEAR(length, 3.0 + 4.0, 1e-12);
}

TEST(HandlesGeosConvert, EmptyLineBecomesAnEmptyGeosLine)
{
    const GeosContext ctx;
    const GeomPtr g = to_geos(ctx, LineString{});
    EXPECT_EQ(GEOSGeomTypeId_r(ctx, g.get()), GEOS_LINESTRING);
    EXPECT_EQ(GEOSisEmpty_r(ctx, g.get()), 1);
}

TEST(HandlesGeosConvert, OnePointLineIsRefusedAsError)
{
    // GEOS does not build a line of one point; the failure must arrive as geo::Error, not a null or a crash.
    const GeosContext ctx;
    EXPECT_THROW(to_geos(ctx, LineString{{1, 1}}), Error);
}

TEST(HandlesGeosConvert, MultiPolygonWithHoleHasTheRightArea)
{
    const GeosContext ctx;
    Polygon with_hole;
    with_hole.outer() = ring_of({{0, 0}, {0, 10}, {10, 10}, {10, 0}, {0, 0}});
    with_hole.inners().push_back(ring_of({{2, 2}, {4, 2}, {4, 4}, {2, 4}, {2, 2}}));
    Polygon apart;
    apart.outer() = ring_of({{20, 0}, {20, 1}, {21, 1}, {21, 0}, {20, 0}});
    const MultiPolygon area{with_hole, apart};

    const GeomPtr g = to_geos(ctx, area);
    ASSERT_EQ(GEOSGeomTypeId_r(ctx, g.get()), GEOS_MULTIPOLYGON);
    ASSERT_EQ(GEOSGetNumGeometries_r(ctx, g.get()), 2);
    EXPECT_EQ(GEOSGetNumInteriorRings_r(ctx, GEOSGetGeometryN_r(ctx, g.get(), 0)), 1);
    EXPECT_EQ(GEOSGetNumInteriorRings_r(ctx, GEOSGetGeometryN_r(ctx, g.get(), 1)), 0);
    EXPECT_EQ(GEOSisValid_r(ctx, g.get()), 1);
    double a = 0;
    ASSERT_EQ(GEOSArea_r(ctx, g.get(), &a), 1);
    EXPECT_NEAR(a, 100.0 - 4.0 + 1.0, 1e-12);
}

TEST(HandlesGeosConvert, EmptyMultiPolygonBecomesEmpty)
{
    const GeosContext ctx;
    const GeomPtr g = to_geos(ctx, MultiPolygon{});
    EXPECT_EQ(GEOSGeomTypeId_r(ctx, g.get()), GEOS_MULTIPOLYGON);
    EXPECT_EQ(GEOSisEmpty_r(ctx, g.get()), 1);
}

TEST(HandlesGeosConvert, RingsGeosCannotBuildThrowError)
{
    const GeosContext ctx;
    Polygon open;  // not closed: GEOS refuses a LinearRing whose ends differ
    open.outer() = ring_of({{0, 0}, {0, 1}, {1, 1}, {1, 0}});
    EXPECT_THROW(to_geos(ctx, MultiPolygon{open}), Error);

    // A bad hole after a good shell and a good polygon before it: the parts built so far are freed (leak checkers
    // see it under the sanitizers) and the error still comes out.
    Polygon good;
    good.outer() = ring_of({{0, 0}, {0, 1}, {1, 1}, {1, 0}, {0, 0}});
    Polygon bad_hole = good;
    bad_hole.inners().push_back(ring_of({{0.2, 0.2}, {0.4, 0.2}, {0.4, 0.4}, {0.2, 0.4}}));  // not closed
    EXPECT_THROW(to_geos(ctx, MultiPolygon{good, bad_hole}), Error);
}

TEST(HandlesGeosConvert, PolygonsFromGeosAreClosedAndClockwise)
{
    // GEOS keeps the ring order of the WKT (counter-clockwise here); Boost's default polygon wants clockwise shells
    // and counter-clockwise holes, which the conversion must produce.
    const GeosContext ctx;
    const GeomPtr g = geom_from_wkt(ctx, "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 4, 4 4, 4 2, 2 2))");
    const MultiPolygon area = polygons_from_geos(ctx, g.get());
    ASSERT_EQ(area.size(), 1u);
    const Polygon& p = area[0];
    ASSERT_EQ(p.outer().size(), 5u);
    ASSERT_EQ(p.inners().size(), 1u);
    EXPECT_LT(shoelace(p.outer()), 0.0);      // clockwise
    EXPECT_GT(shoelace(p.inners()[0]), 0.0);  // counter-clockwise
    EXPECT_NEAR(-shoelace(p.outer()) / 2.0, 100.0, 1e-12);
    EXPECT_NEAR(shoelace(p.inners()[0]) / 2.0, 4.0, 1e-12);
    EXPECT_EQ(p.outer().front().x(), p.outer().back().x());
    EXPECT_EQ(p.outer().front().y(), p.outer().back().y());
    EXPECT_NEAR(bg::area(area), 96.0, 1e-12);
}

TEST(HandlesGeosConvert, PolygonsFromGeosKeepOnlyPolygonalParts)
{
    const GeosContext ctx;
    const GeomPtr g =
        geom_from_wkt(ctx, "GEOMETRYCOLLECTION (POINT (1 1), LINESTRING (0 0, 5 5), POLYGON EMPTY,"
                           " POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0)),"
                           " MULTIPOLYGON (((10 0, 12 0, 12 2, 10 2, 10 0)), ((20 0, 23 0, 23 3, 20 3, 20 0))),"
                           " GEOMETRYCOLLECTION (POLYGON ((30 0, 34 0, 34 4, 30 4, 30 0))))");
    const MultiPolygon area = polygons_from_geos(ctx, g.get());
    ASSERT_EQ(area.size(), 4u);
    EXPECT_NEAR(bg::area(area[0]), 1.0, 1e-12);
    EXPECT_NEAR(bg::area(area[1]), 4.0, 1e-12);
    EXPECT_NEAR(bg::area(area[2]), 9.0, 1e-12);
    EXPECT_NEAR(bg::area(area[3]), 16.0, 1e-12);

    EXPECT_TRUE(polygons_from_geos(ctx, geom_from_wkt(ctx, "POLYGON EMPTY").get()).empty());
    EXPECT_TRUE(polygons_from_geos(ctx, geom_from_wkt(ctx, "LINESTRING (0 0, 1 1)").get()).empty());
    EXPECT_TRUE(polygons_from_geos(ctx, geom_from_wkt(ctx, "GEOMETRYCOLLECTION EMPTY").get()).empty());
}

TEST(HandlesGeosConvert, LinesFromGeosKeepOnlyLinearParts)
{
    const GeosContext ctx;
    const GeomPtr g = geom_from_wkt(ctx, "GEOMETRYCOLLECTION (POINT (1 1), POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0)),"
                                         " LINESTRING (0 0, 3 4), LINESTRING EMPTY,"
                                         " MULTILINESTRING ((0 0, 1 0), (5 5, 5 6, 6 6)),"
                                         " GEOMETRYCOLLECTION (LINEARRING (0 0, 1 0, 1 1, 0 0)))");
    const std::vector<LineString> lines = lines_from_geos(ctx, g.get());
    ASSERT_EQ(lines.size(), 4u);
    EXPECT_NEAR(bg::length(lines[0]), 5.0, 1e-12);
    EXPECT_EQ(lines[1].size(), 2u);
    EXPECT_EQ(lines[2].size(), 3u);
    EXPECT_EQ(lines[3].size(), 4u);  // the ring, closed
    // A polygon's boundary is not a line of the geometry.
    EXPECT_TRUE(lines_from_geos(ctx, geom_from_wkt(ctx, "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))").get()).empty());
}

TEST(HandlesGeosConvert, RoundTripKeepsCoordinates)
{
    const GeosContext ctx;
    Polygon p;  // already clockwise and closed, so correct() has nothing to change
    p.outer() = ring_of({{0, 0}, {0, awkward_y}, {awkward_x + 7, awkward_y}, {awkward_x + 7, 0}, {0, 0}});
    ASSERT_LT(shoelace(p.outer()), 0.0);
    const MultiPolygon back = polygons_from_geos(ctx, to_geos(ctx, MultiPolygon{p}).get());
    ASSERT_EQ(back.size(), 1u);
    ASSERT_EQ(back[0].outer().size(), p.outer().size());
    for (std::size_t i = 0; i < p.outer().size(); ++i) {
        EXPECT_EQ(back[0].outer()[i].x(), p.outer()[i].x()) << i;
        EXPECT_EQ(back[0].outer()[i].y(), p.outer()[i].y()) << i;
    }

    const LineString line{{awkward_x, 1}, {2, awkward_y}};
    const std::vector<LineString> lines = lines_from_geos(ctx, to_geos(ctx, line).get());
    ASSERT_EQ(lines.size(), 1u);
    ASSERT_EQ(lines[0].size(), 2u);
    EXPECT_EQ(lines[0][0].x(), awkward_x);
    EXPECT_EQ(lines[0][1].y(), awkward_y);
}

}  // namespace geo

// OGR <-> plain geometry conversions. Inputs are OGR geometries parsed from WKT by OGR itself; expected values are
// read off the WKT by hand (vertex counts, coordinates, areas of squares) or follow from geometry (every vertex of
// a linearised circular arc lies on its circle).
#include "libgeo/handles/ogr_geometry.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>

namespace geo {

namespace {

OGRGeometryUniquePtr from_wkt(const std::string& wkt)
{
    OGRGeometry* g = nullptr;
    const OGRErr err = OGRGeometryFactory::createFromWkt(wkt.c_str(), nullptr, &g);
    EXPECT_EQ(err, OGRERR_NONE) << wkt;
    return OGRGeometryUniquePtr(g);
}

SourceGeometry read(const std::string& wkt)
{
    const OGRGeometryUniquePtr g = from_wkt(wkt);
    if (!g) return {};
    return from_ogr(*g);
}

// Twice the signed area by the shoelace formula: positive when counter-clockwise.
template <class Ring>
double shoelace(const Ring& r)
{
    double sum = 0;
    for (std::size_t i = 0; i + 1 < r.size(); ++i) sum += r[i].x() * r[i + 1].y() - r[i + 1].x() * r[i].y();
    return sum;
}

double shoelace(const OGRLinearRing& r)
{
    double sum = 0;
    for (int i = 0; i + 1 < r.getNumPoints(); ++i) sum += r.getX(i) * r.getY(i + 1) - r.getX(i + 1) * r.getY(i);
    return sum;
}

}  // namespace

TEST(HandlesOgrGeometry, PointsDropZAndEmptyPoints)
{
    const SourceGeometry g = read("MULTIPOINT Z ((1 2 3), (4 5 6))");
    ASSERT_EQ(g.points.size(), 2u);
    EXPECT_EQ(g.points[0].x(), 1.0);
    EXPECT_EQ(g.points[0].y(), 2.0);
    EXPECT_EQ(g.points[1].x(), 4.0);
    EXPECT_EQ(g.points[1].y(), 5.0);
    EXPECT_TRUE(g.lines.empty());
    EXPECT_TRUE(g.polygons.empty());

    EXPECT_TRUE(read("POINT EMPTY").empty());
    const SourceGeometry m = read("POINT M (7 8 9)");
    ASSERT_EQ(m.points.size(), 1u);
    EXPECT_EQ(m.points[0].x(), 7.0);
    EXPECT_EQ(m.points[0].y(), 8.0);
}

TEST(HandlesOgrGeometry, LinesKeepTheirVertices)
{
    const SourceGeometry g = read("MULTILINESTRING ((0 0, 3 4), (10 10, 11 10, 11 11), EMPTY)");
    ASSERT_EQ(g.lines.size(), 2u);  // the empty part is dropped
    EXPECT_EQ(g.lines[0].size(), 2u);
    EXPECT_NEAR(bg::length(g.lines[0]), 5.0, 1e-12);
    ASSERT_EQ(g.lines[1].size(), 3u);
    EXPECT_EQ(g.lines[1][2].x(), 11.0);
    EXPECT_EQ(g.lines[1][2].y(), 11.0);
    EXPECT_TRUE(read("LINESTRING EMPTY").empty());
}

TEST(HandlesOgrGeometry, PolygonsAreOrientedForBoost)
{
    // Counter-clockwise shell and clockwise hole in the WKT (the OGC habit); Boost wants the opposite.
    const SourceGeometry g = read("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 4, 4 4, 4 2, 2 2))");
    ASSERT_EQ(g.polygons.size(), 1u);
    const Polygon& p = g.polygons[0];
    ASSERT_EQ(p.outer().size(), 5u);
    ASSERT_EQ(p.inners().size(), 1u);
    EXPECT_NEAR(shoelace(p.outer()), -200.0, 1e-12);   // clockwise, 10 x 10
    EXPECT_NEAR(shoelace(p.inners()[0]), 8.0, 1e-12);  // counter-clockwise, 2 x 2
    EXPECT_NEAR(bg::area(g.polygons), 96.0, 1e-12);
    EXPECT_TRUE(read("POLYGON EMPTY").empty());
}

TEST(HandlesOgrGeometry, CollectionsAreFlattened)
{
    const SourceGeometry g = read("GEOMETRYCOLLECTION (POINT (1 1), LINESTRING (0 0, 1 1),"
                                  " MULTIPOLYGON (((0 0, 1 0, 1 1, 0 1, 0 0)), ((5 5, 7 5, 7 7, 5 7, 5 5))),"
                                  " GEOMETRYCOLLECTION (POINT (2 2), POLYGON ((20 20, 23 20, 23 23, 20 23, 20 20))))");
    EXPECT_EQ(g.points.size(), 2u);
    EXPECT_EQ(g.lines.size(), 1u);
    ASSERT_EQ(g.polygons.size(), 3u);
    EXPECT_NEAR(bg::area(g.polygons[0]), 1.0, 1e-12);
    EXPECT_NEAR(bg::area(g.polygons[1]), 4.0, 1e-12);
    EXPECT_NEAR(bg::area(g.polygons[2]), 9.0, 1e-12);
    EXPECT_TRUE(read("GEOMETRYCOLLECTION EMPTY").empty());
}

TEST(HandlesOgrGeometry, CircularArcsAreLinearisedOntoTheirCircle)
{
    // A half circle of radius 10 around the origin: every vertex OGR makes must lie on that circle.
    const SourceGeometry g = read("CIRCULARSTRING (-10 0, 0 10, 10 0)");
    ASSERT_EQ(g.lines.size(), 1u);
    const LineString& arc = g.lines[0];
    ASSERT_GT(arc.size(), 3u);
    for (const Point& p : arc) {
        EXPECT_NEAR(std::hypot(p.x(), p.y()), 10.0, 1e-9);
        EXPECT_GE(p.y(), -1e-9);
    }
    EXPECT_NEAR(arc.front().x(), -10.0, 1e-9);
    EXPECT_NEAR(arc.back().x(), 10.0, 1e-9);
    // The chords are a little shorter than the half circumference, and close to it.
    EXPECT_LT(bg::length(arc), std::numbers::pi * 10.0);
    EXPECT_GT(bg::length(arc), 0.99 * std::numbers::pi * 10.0);
}

TEST(HandlesOgrGeometry, CurvePolygonsBecomePolygons)
{
    // A full circle of radius 1: the linearised polygon's area is just under pi.
    const SourceGeometry circle = read("CURVEPOLYGON (CIRCULARSTRING (1 0, -1 0, 1 0))");
    ASSERT_EQ(circle.polygons.size(), 1u);
    EXPECT_LT(bg::area(circle.polygons), std::numbers::pi);
    EXPECT_GT(bg::area(circle.polygons), 0.99 * std::numbers::pi);

    // A compound curve made only of straight pieces keeps exactly its vertices.
    const SourceGeometry compound = read("COMPOUNDCURVE ((0 0, 1 0), (1 0, 1 1))");
    ASSERT_EQ(compound.lines.size(), 1u);
    EXPECT_EQ(compound.lines[0].size(), 3u);

    // A multisurface of plain polygons is a multipolygon in all but name.
    const SourceGeometry surfaces = read("MULTISURFACE (((0 0, 2 0, 2 2, 0 2, 0 0)), ((5 5, 6 5, 6 6, 5 6, 5 5)))");
    ASSERT_EQ(surfaces.polygons.size(), 2u);
    EXPECT_NEAR(bg::area(surfaces.polygons), 4.0 + 1.0, 1e-12);

    const SourceGeometry curves = read("MULTICURVE ((0 0, 1 0), CIRCULARSTRING (0 0, 1 1, 2 0))");
    EXPECT_EQ(curves.lines.size(), 2u);
}

TEST(HandlesOgrGeometry, ToOgrPointAndLine)
{
    const OGRGeometryUniquePtr p = to_ogr(Point(1.5, -2.25));
    ASSERT_EQ(wkbFlatten(p->getGeometryType()), wkbPoint);
    EXPECT_EQ(p->toPoint()->getX(), 1.5);
    EXPECT_EQ(p->toPoint()->getY(), -2.25);
    EXPECT_EQ(p->getCoordinateDimension(), 2);

    const OGRGeometryUniquePtr l = to_ogr(LineString{{0, 0}, {3, 4}, {3, 10}});
    ASSERT_EQ(wkbFlatten(l->getGeometryType()), wkbLineString);
    EXPECT_EQ(l->toLineString()->getNumPoints(), 3);
    EXPECT_NEAR(l->toLineString()->get_Length(), 5.0 + 6.0, 1e-12);
    EXPECT_EQ(l->getCoordinateDimension(), 2);

    const OGRGeometryUniquePtr empty = to_ogr(LineString{});
    EXPECT_TRUE(empty->IsEmpty());
}

TEST(HandlesOgrGeometry, ToOgrWritesCounterClockwiseShellsAndClockwiseHoles)
{
    // Boost order in (clockwise shell, counter-clockwise hole); OGC order out, whatever order came in.
    Polygon boost_order;
    for (const Point& v : {Point(0, 0), Point(0, 10), Point(10, 10), Point(10, 0), Point(0, 0)})
        boost_order.outer().push_back(v);
    boost_order.inners().emplace_back();
    for (const Point& v : {Point(2, 2), Point(4, 2), Point(4, 4), Point(2, 4), Point(2, 2)})
        boost_order.inners()[0].push_back(v);
    Polygon reversed = boost_order;  // the wrong way round in both rings: to_ogr must fix it too
    std::reverse(reversed.outer().begin(), reversed.outer().end());
    std::reverse(reversed.inners()[0].begin(), reversed.inners()[0].end());

    for (const Polygon& in : {boost_order, reversed}) {
        const OGRGeometryUniquePtr g = to_ogr(in);
        ASSERT_EQ(wkbFlatten(g->getGeometryType()), wkbPolygon);
        const OGRPolygon& poly = *g->toPolygon();
        ASSERT_EQ(poly.getNumInteriorRings(), 1);
        EXPECT_NEAR(shoelace(*poly.getExteriorRing()), 200.0, 1e-12);
        EXPECT_NEAR(shoelace(*poly.getInteriorRing(0)), -8.0, 1e-12);
        EXPECT_NEAR(poly.get_Area(), 96.0, 1e-12);
    }

    Polygon unit;
    for (const Point& v : {Point(20, 0), Point(20, 1), Point(21, 1), Point(21, 0), Point(20, 0)})
        unit.outer().push_back(v);
    const OGRGeometryUniquePtr multi = to_ogr(MultiPolygon{boost_order, unit});
    ASSERT_EQ(wkbFlatten(multi->getGeometryType()), wkbMultiPolygon);
    EXPECT_EQ(multi->toMultiPolygon()->getNumGeometries(), 2);
    EXPECT_NEAR(multi->toMultiPolygon()->get_Area(), 97.0, 1e-12);
    EXPECT_TRUE(to_ogr(MultiPolygon{})->IsEmpty());
}

TEST(HandlesOgrGeometry, RoundTripThroughOgr)
{
    Polygon p;
    for (const Point& v : {Point(0, 0), Point(0.1, 7.3), Point(5.5, 7.3), Point(5.5, 0), Point(0, 0)})
        p.outer().push_back(v);
    const SourceGeometry back = from_ogr(*to_ogr(MultiPolygon{p}));
    ASSERT_EQ(back.polygons.size(), 1u);
    EXPECT_NEAR(bg::area(back.polygons[0]), bg::area(p), 1e-12);
    EXPECT_NEAR(shoelace(back.polygons[0].outer()), shoelace(p.outer()), 1e-12);  // clockwise again
}

TEST(HandlesOgrGeometry, ForEachVertexVisitsAndChangesEveryVertex)
{
    SourceGeometry g = read("GEOMETRYCOLLECTION (POINT (1 1), LINESTRING (0 0, 1 1, 2 2),"
                            " POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 4, 4 4, 4 2, 2 2)))");
    int visited = 0;
    for_each_vertex(g, [&](Point& p) {
        ++visited;
        p = Point(p.x() + 100.0, p.y());
    });
    EXPECT_EQ(visited, 1 + 3 + 5 + 5);
    EXPECT_EQ(g.points[0].x(), 101.0);
    EXPECT_EQ(g.lines[0][2].x(), 102.0);
    EXPECT_EQ(g.polygons[0].inners()[0][0].x(), 102.0);
    EXPECT_NEAR(bg::area(g.polygons), 96.0, 1e-12);  // a shift keeps the area

    SourceGeometry none;
    EXPECT_TRUE(none.empty());
    for_each_vertex(none, [&](Point&) { ++visited; });
    EXPECT_EQ(visited, 14);
}

}  // namespace geo

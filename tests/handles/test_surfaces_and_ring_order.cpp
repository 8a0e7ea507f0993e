// Two bugs these tests found (they failed before the fixes): surfaces made of polygons (TIN, polyhedral surface,
// triangle) were dropped by from_ogr, and repair_polygons left a counter-clockwise shell as it was.
#include "libgeo/handles/geos_convert.hpp"
#include "libgeo/handles/ogr_geometry.hpp"
#include "libgeo/normalise/repair.hpp"

#include <gtest/gtest.h>

#include <string>

namespace geo {

namespace {

SourceGeometry read_ogr(const std::string& wkt)
{
    OGRGeometry* g = nullptr;
    EXPECT_EQ(OGRGeometryFactory::createFromWkt(wkt.c_str(), nullptr, &g), OGRERR_NONE) << wkt;
    const OGRGeometryUniquePtr owned(g);
    return owned ? from_ogr(*owned) : SourceGeometry{};
}

}  // namespace

// OGR's getLinearGeometry() of a TIN, a polyhedral surface or a triangle is a clone of the same type; from_ogr
// must read them as polygons. Oracle: the WKT itself, two unit right triangles (area 0.5 each) / one unit square.
TEST(HandlesOgrSurfaces, TinIsReadAsPolygons)
{
    const SourceGeometry tin = read_ogr("TIN (((0 0, 1 0, 0 1, 0 0)), ((1 0, 1 1, 0 1, 1 0)))");
    ASSERT_EQ(tin.polygons.size(), 2u);
    EXPECT_NEAR(bg::area(tin.polygons), 1.0, 1e-12);
}

TEST(HandlesOgrSurfaces, PolyhedralSurfaceIsReadAsPolygons)
{
    const SourceGeometry surface = read_ogr("POLYHEDRALSURFACE (((0 0, 1 0, 1 1, 0 1, 0 0)))");
    ASSERT_EQ(surface.polygons.size(), 1u);
    EXPECT_NEAR(bg::area(surface.polygons), 1.0, 1e-12);
}

TEST(HandlesOgrSurfaces, TriangleIsReadAsAPolygon)
{
    const SourceGeometry triangle = read_ogr("TRIANGLE ((0 0, 2 0, 0 2, 0 0))");
    ASSERT_EQ(triangle.polygons.size(), 1u);
    EXPECT_NEAR(bg::area(triangle.polygons), 2.0, 1e-12);
}

// GEOS ignores ring orientation, so a valid area with a counter-clockwise shell must still be reoriented, or
// Boost.Geometry measures a negative area. Oracle: the shoelace formula (a unit square
// written counter-clockwise has signed area +1, i.e. Boost's clockwise convention gives -1 until corrected).
TEST(RepairRingOrder, CounterClockwiseShellIsReoriented)
{
    const GeosContext ctx;
    Polygon ccw;
    ccw.outer() = {{0, 0}, {1, 0}, {1, 1}, {0, 1}, {0, 0}};  // counter-clockwise: the wrong order for Boost
    MultiPolygon area{ccw};
    ASSERT_LT(bg::area(area), 0.0);
    (void)normalise::repair_polygons(ctx, area);
    ASSERT_EQ(area.size(), 1u);
    EXPECT_NEAR(bg::area(area), 1.0, 1e-12);
}

}  // namespace geo

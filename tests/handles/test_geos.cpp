// The GEOS handles: contexts, owned and prepared geometries, predicate results and WKT. Oracles are GEOS's own C
// API called directly and geometric facts that need no software (the area of a square).
#include "libgeo/core/error.hpp"
#include "libgeo/handles/geos.hpp"

#include <gtest/gtest.h>

#include <string>
#include <utility>

namespace geo {

namespace {

constexpr const char* unit_square = "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))";

double area_of(const GeosContext& ctx, const GEOSGeometry* g)
{
    double area = -1.0;
    EXPECT_EQ(GEOSArea_r(ctx, g, &area), 1);
    return area;
}

}  // namespace

TEST(HandlesGeos, ContextStartsWithoutError)
{
    const GeosContext ctx;
    EXPECT_NE(ctx.get(), nullptr);
    EXPECT_EQ(static_cast<GEOSContextHandle_t>(ctx), ctx.get());
    EXPECT_TRUE(ctx.last_error().empty());
}

TEST(HandlesGeos, ContextsAreIndependent)
{
    const GeosContext a;
    const GeosContext b;
    EXPECT_NE(a.get(), b.get());
    EXPECT_THROW(geom_from_wkt(a, "POLYGON ((0 0, 1 0"), Error);
    EXPECT_FALSE(a.last_error().empty());
    EXPECT_TRUE(b.last_error().empty()) << "an error on one context leaked into another: " << b.last_error();
}

TEST(HandlesGeos, BadWktThrowsWithGeosReason)
{
    const GeosContext ctx;
    try {
        (void)geom_from_wkt(ctx, "NOT A GEOMETRY");
        FAIL() << "geom_from_wkt accepted text that is not WKT";
    } catch (const Error& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("WKT read"), std::string::npos) << what;
        ASSERT_FALSE(ctx.last_error().empty());
        EXPECT_NE(what.find(ctx.last_error()), std::string::npos) << what;
    }
    EXPECT_THROW(geom_from_wkt(ctx, ""), Error);
}

TEST(HandlesGeos, WktReadGivesTheGeometryGeosWouldRead)
{
    const GeosContext ctx;
    const GeomPtr g = geom_from_wkt(ctx, unit_square);
    ASSERT_NE(g, nullptr);
    EXPECT_EQ(g.get_deleter().ctx, ctx.get());
    EXPECT_EQ(GEOSGeomTypeId_r(ctx, g.get()), GEOS_POLYGON);
    EXPECT_NEAR(area_of(ctx, g.get()), 1.0, 1e-12);  // a unit square
}

TEST(HandlesGeos, WktWriteRoundsAndTrims)
{
    const GeosContext ctx;
    const GeomPtr p = geom_from_wkt(ctx, "POINT (1.23456 2)");
    // Trimmed: no trailing zeros on 2; rounded to the requested number of decimals.
    EXPECT_EQ(geom_to_wkt(ctx, p.get(), 2), "POINT (1.23 2)");
    EXPECT_EQ(geom_to_wkt(ctx, p.get(), 4), "POINT (1.2346 2)");
    EXPECT_EQ(geom_to_wkt(ctx, p.get()), "POINT (1.235 2)");  // default precision 3
    const GeomPtr empty = geom_from_wkt(ctx, "POLYGON EMPTY");
    EXPECT_EQ(geom_to_wkt(ctx, empty.get()), "POLYGON EMPTY");
}

TEST(HandlesGeos, WktRoundTripKeepsTheGeometry)
{
    const GeosContext ctx;
    const GeomPtr a = geom_from_wkt(ctx, "MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 4, 4 4, 4 2, 2 2)))");
    const GeomPtr b = geom_from_wkt(ctx, geom_to_wkt(ctx, a.get()));
    EXPECT_EQ(GEOSEquals_r(ctx, a.get(), b.get()), 1);
    EXPECT_NEAR(area_of(ctx, b.get()), 100.0 - 4.0, 1e-9);  // shell minus the 2 x 2 hole
}

TEST(HandlesGeos, OwnRefusesNullNamingTheOperation)
{
    const GeosContext ctx;
    try {
        (void)own(ctx, nullptr, "frobnicate");
        FAIL() << "own() accepted a null geometry";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("GEOS frobnicate failed"), std::string::npos) << e.what();
    }
}

TEST(HandlesGeos, OwnTakesAGeometryAndRemembersItsContext)
{
    const GeosContext ctx;
    GEOSGeometry* raw = GEOSGeom_createPointFromXY_r(ctx, 3.0, 4.0);
    ASSERT_NE(raw, nullptr);
    const GeomPtr g = own(ctx, raw, "create point");
    EXPECT_EQ(g.get(), raw);
    EXPECT_EQ(g.get_deleter().ctx, ctx.get());
}

TEST(HandlesGeos, GeomPtrMovesOwnershipWithItsContext)
{
    const GeosContext ctx;
    GeomPtr a = geom_from_wkt(ctx, "POINT (1 2)");
    const GEOSGeometry* raw = a.get();

    GeomPtr b = std::move(a);
    // NOLINTNEXTLINE(bugprone-use-after-move,clang-analyzer-cplusplus.Move): the moved-from state is the point
    EXPECT_EQ(a, nullptr);
    EXPECT_EQ(b.get(), raw);
    EXPECT_EQ(b.get_deleter().ctx, ctx.get());

    GeomPtr c = geom_from_wkt(ctx, "POINT (5 6)");
    c = std::move(b);  // frees the point (5 6) with the context c carries
    EXPECT_EQ(c.get(), raw);
    EXPECT_EQ(c.get_deleter().ctx, ctx.get());
    double x = 0;
    ASSERT_EQ(GEOSGeomGetX_r(ctx, c.get(), &x), 1);
    EXPECT_EQ(x, 1.0);

    // release() hands the geometry back to the caller, who then frees it by hand.
    GEOSGeometry* released = c.release();
    EXPECT_EQ(c, nullptr);
    EXPECT_EQ(released, raw);
    GEOSGeom_destroy_r(ctx, released);
}

TEST(HandlesGeos, DeletersIgnoreNull)
{
    // A default GeomPtr has no context; destroying it must not reach GEOS at all.
    {
        const GeomPtr none;
    }
    {
        const PreparedPtr none;
    }
    GeomDeleter{}(nullptr);
    PreparedDeleter{}(nullptr);
    const GeosContext ctx;
    GeomPtr g = geom_from_wkt(ctx, unit_square);
    g.reset();
    EXPECT_EQ(g, nullptr);
}

TEST(HandlesGeos, PredicateResultMapsGeosValues)
{
    const GeosContext ctx;
    EXPECT_FALSE(predicate_result(ctx, 0, "intersects"));
    EXPECT_TRUE(predicate_result(ctx, 1, "intersects"));
    try {
        (void)predicate_result(ctx, 2, "intersects");
        FAIL() << "2 (GEOS's error value) was read as a boolean";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("GEOS intersects failed"), std::string::npos) << e.what();
    }
}

TEST(HandlesGeos, PredicateResultOnRealGeosCalls)
{
    const GeosContext ctx;
    const GeomPtr square = geom_from_wkt(ctx, unit_square);
    const GeomPtr inside = geom_from_wkt(ctx, "POINT (0.5 0.5)");
    const GeomPtr outside = geom_from_wkt(ctx, "POINT (2 2)");
    EXPECT_TRUE(predicate_result(ctx, GEOSContains_r(ctx, square.get(), inside.get()), "contains"));
    EXPECT_FALSE(predicate_result(ctx, GEOSContains_r(ctx, square.get(), outside.get()), "contains"));
    // A DE-9IM pattern must have nine characters: GEOS answers 2 and says why.
    const char bad = GEOSRelatePattern_r(ctx, square.get(), inside.get(), "T*");
    ASSERT_EQ(bad, 2);
    try {
        (void)predicate_result(ctx, bad, "relate pattern");
        FAIL() << "GEOS's error was read as a boolean";
    } catch (const Error& e) {
        ASSERT_FALSE(ctx.last_error().empty());
        EXPECT_NE(std::string(e.what()).find(ctx.last_error()), std::string::npos) << e.what();
    }
}

TEST(HandlesGeos, PreparedGeometryAnswersLikeThePlainOne)
{
    const GeosContext ctx;
    const GeomPtr area = geom_from_wkt(ctx, "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (4 4, 4 6, 6 6, 6 4, 4 4))");
    const PreparedPtr prepared = prepare(ctx, area.get());
    ASSERT_NE(prepared, nullptr);
    EXPECT_EQ(prepared.get_deleter().ctx, ctx.get());
    // Every point of a grid across the shell, the hole and outside: the plain predicate is the oracle.
    int checked = 0;
    for (double x = -1.0; x <= 11.0; x += 0.5)
        for (double y = -1.0; y <= 11.0; y += 0.5) {
            const GeomPtr p = own(ctx, GEOSGeom_createPointFromXY_r(ctx, x, y), "create point");
            const char expected = GEOSContains_r(ctx, area.get(), p.get());
            ASSERT_NE(expected, 2);
            EXPECT_EQ(GEOSPreparedContains_r(ctx, prepared.get(), p.get()), expected) << x << ' ' << y;
            ++checked;
        }
    EXPECT_EQ(checked, 25 * 25);
    // The hole's centre is outside, the shell's corner region inside (facts of the shape itself).
    const GeomPtr in_hole = geom_from_wkt(ctx, "POINT (5 5)");
    const GeomPtr in_shell = geom_from_wkt(ctx, "POINT (1 1)");
    EXPECT_FALSE(predicate_result(ctx, GEOSPreparedContains_r(ctx, prepared.get(), in_hole.get()), "contains"));
    EXPECT_TRUE(predicate_result(ctx, GEOSPreparedContains_r(ctx, prepared.get(), in_shell.get()), "contains"));
}

}  // namespace geo

// PROJ and OGR transformation handles. The oracle for the projection is the closed-form spherical Web Mercator
// (EPSG:3857: x = R λ, y = R ln tan(π/4 + φ/2), R = 6 378 137 m), which needs no software at all.
#include "libgeo/handles/gdal_errors.hpp"
#include "libgeo/handles/ogr_transform.hpp"
#include "libgeo/handles/proj.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <utility>

namespace geo {

namespace {

constexpr double earth_radius = 6378137.0;

double mercator_x(double lon_deg) { return earth_radius * lon_deg * std::numbers::pi / 180.0; }
double mercator_y(double lat_deg)
{
    return earth_radius * std::log(std::tan(std::numbers::pi / 4.0 + lat_deg * std::numbers::pi / 360.0));
}

OGRSpatialReference gis_order(int epsg)
{
    OGRSpatialReference srs;
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    EXPECT_EQ(srs.importFromEPSG(epsg), OGRERR_NONE) << epsg;
    return srs;
}

}  // namespace

TEST(HandlesProj, ContextIsFreshAndOffline)
{
    const ProjContext a;
    const ProjContext b;
    ASSERT_NE(a.get(), nullptr);
    EXPECT_NE(a.get(), b.get());
    EXPECT_EQ(proj_context_is_network_enabled(a.get()), 0);
    EXPECT_EQ(proj_context_errno(a.get()), 0);
}

TEST(HandlesProj, PjPtrTransformsAndFrees)
{
    const ProjContext ctx;
    PjPtr raw(proj_create_crs_to_crs(ctx.get(), "EPSG:4326", "EPSG:3857", nullptr));
    ASSERT_NE(raw, nullptr);
    const PjPtr pj(proj_normalize_for_visualization(ctx.get(), raw.get()));
    ASSERT_NE(pj, nullptr);
    raw.reset();  // the normalised copy stands on its own
    EXPECT_EQ(raw, nullptr);

    for (const auto& [lon, lat] :
         {std::pair{0.0, 0.0}, std::pair{100.45, 38.93}, std::pair{-70.0, -33.0}, std::pair{180.0, 0.0}}) {
        const PJ_COORD out = proj_trans(pj.get(), PJ_FWD, proj_coord(lon, lat, 0, 0));
        EXPECT_NEAR(out.xy.x, mercator_x(lon), 1e-6) << lon << ' ' << lat;
        EXPECT_NEAR(out.xy.y, mercator_y(lat), 1e-6) << lon << ' ' << lat;
    }
    // The half circumference of the sphere: 20 037 508.342 789 m, the published edge of the Web Mercator square.
    EXPECT_NEAR(mercator_x(180.0), 20037508.342789244, 1e-6);
}

TEST(HandlesProj, PjPtrMovesAndIgnoresNull)
{
    const ProjContext ctx;
    PjPtr a(proj_create(ctx.get(), "EPSG:4326"));
    ASSERT_NE(a, nullptr);
    PJ* const raw = a.get();
    PjPtr b = std::move(a);
    // NOLINTNEXTLINE(bugprone-use-after-move,clang-analyzer-cplusplus.Move): the moved-from state is the point
    EXPECT_EQ(a, nullptr);
    EXPECT_EQ(b.get(), raw);
    EXPECT_EQ(proj_get_type(b.get()), PJ_TYPE_GEOGRAPHIC_2D_CRS);
    PjDeleter{}(nullptr);
    const PjPtr none(proj_create(ctx.get(), "EPSG:99999999"));  // unknown code: null, and the deleter must cope
    EXPECT_EQ(none, nullptr);
}

TEST(HandlesOgrTransform, TransformsInGisOrder)
{
    const OGRSpatialReference wgs84 = gis_order(4326);
    const OGRSpatialReference mercator = gis_order(3857);
    const OgrTransformPtr ct = make_transform(wgs84, mercator);
    ASSERT_NE(ct, nullptr);
    double x = 100.45, y = 38.93;  // longitude first, despite EPSG:4326's latitude-first axis order
    ASSERT_TRUE(ct->Transform(1, &x, &y));
    EXPECT_NEAR(x, mercator_x(100.45), 1e-6);
    EXPECT_NEAR(y, mercator_y(38.93), 1e-6);

    OgrTransformPtr moved = make_transform(mercator, wgs84);
    ASSERT_NE(moved, nullptr);
    const OgrTransformPtr back = std::move(moved);
    ASSERT_TRUE(back->Transform(1, &x, &y));
    EXPECT_NEAR(x, 100.45, 1e-9);
    EXPECT_NEAR(y, 38.93, 1e-9);
}

TEST(HandlesOgrTransform, NullWhenThereIsNoOperation)
{
    // A local engineering CRS has no relation to the Earth: PROJ finds no operation, GDAL says why.
    OGRSpatialReference local;
    ASSERT_EQ(local.SetLocalCS("site grid"), OGRERR_NONE);
    const OGRSpatialReference wgs84 = gis_order(4326);
    const GdalErrorTrap trap;
    const OgrTransformPtr ct = make_transform(local, wgs84);
    EXPECT_EQ(ct, nullptr);
    EXPECT_TRUE(trap.failed());
    OgrTransformDeleter{}(nullptr);  // what the unique_ptr would do with a null: DestroyCT accepts it
}

}  // namespace geo

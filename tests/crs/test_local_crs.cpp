#include "libgeo/core/error.hpp"
#include "libgeo/crs/local_crs.hpp"

#include <gtest/gtest.h>

namespace geo::crs {

TEST(LocalCrs, AutoPicksTheUtmZoneOfTheCentre)
{
    EXPECT_EQ(utm_epsg(100.45, 38.93), 32647);  // Ganjun, Gansu: zone 47 spans 96–102 E
    EXPECT_EQ(utm_epsg(9.52, 47.14), 32632);    // Liechtenstein
    EXPECT_EQ(utm_epsg(-70.0, -33.0), 32719);   // southern hemisphere
    EXPECT_EQ(utm_epsg(180.0, 10.0), 32660);    // the antimeridian stays in zone 60
    const LocalCrs c = choose_local_crs("auto", 100.45, 38.93);
    EXPECT_EQ(c.id, "EPSG:32647");
    EXPECT_EQ(c.name, "WGS 84 / UTM zone 47N");
    EXPECT_FALSE(c.wkt.empty());
}

TEST(LocalCrs, Cgcs2000PicksTheNearestThreeDegreeZone)
{
    EXPECT_EQ(cgcs2000_gk3_epsg(75.0), 4534);
    EXPECT_EQ(cgcs2000_gk3_epsg(100.45), 4542);  // CM 99E is nearer than CM 102E
    EXPECT_EQ(cgcs2000_gk3_epsg(100.6), 4543);   // now CM 102E is nearer
    EXPECT_EQ(cgcs2000_gk3_epsg(135.0), 4554);
    const LocalCrs c = choose_local_crs("CGCS2000", 100.45, 38.93);
    EXPECT_EQ(c.epsg, 4542);
    EXPECT_NE(c.name.find("CM 99E"), std::string::npos) << c.name;
    EXPECT_THROW(choose_local_crs("cgcs2000", 9.5, 47.1), InputError);
}

TEST(LocalCrs, ExplicitCodeMustBeProjectedInMetres)
{
    EXPECT_EQ(choose_local_crs("EPSG:4547", 114, 30).epsg, 4547);
    EXPECT_THROW(choose_local_crs("EPSG:4326", 100, 38), InputError);   // geographic
    EXPECT_THROW(choose_local_crs("EPSG:2227", -122, 37), InputError);  // US survey feet
    EXPECT_THROW(choose_local_crs("EPSG:99999999", 100, 38), InputError);
    EXPECT_THROW(choose_local_crs("utm", 100, 38), InputError);
}

TEST(Transformer, CentralMeridianMapsToTheFalseEasting)
{
    // On the central meridian a transverse Mercator easting equals the false easting exactly, and on the equator
    // the northing is zero: an oracle that needs no other software.
    Transformer utm("EPSG:4326", "EPSG:32647");
    double x = 99.0, y = 0.0;
    ASSERT_TRUE(utm.transform(x, y));
    EXPECT_NEAR(x, 500000.0, 1e-6);
    EXPECT_NEAR(y, 0.0, 1e-6);

    Transformer gk("EPSG:4490", "EPSG:4542");
    double lon = 99.0, lat = 38.0;
    ASSERT_TRUE(gk.transform(lon, lat));
    EXPECT_NEAR(lon, 500000.0, 1e-6);
    // Meridian arc length to 38 N on the CGCS2000 ellipsoid (GRS80 parameters), scale factor 1.
    // (4207498.02 m by numerical integration of the meridian radius of curvature, done independently).
    EXPECT_NEAR(lat, 4207498.02, 0.01);
}

TEST(Transformer, AxisOrderIsAlwaysLongitudeFirst)
{
    // EPSG:4326 is latitude-first by authority; we always pass longitude first.
    Transformer t("EPSG:4326", "EPSG:32647");
    std::vector<double> xs{100.45, 100.45}, ys{38.93, 38.94};
    ASSERT_TRUE(t.transform(xs, ys));
    EXPECT_GT(xs[0], 400000.0);
    EXPECT_LT(xs[0], 700000.0);
    EXPECT_GT(ys[0], 4300000.0);
    // 0.01 degree of latitude along one meridian, 1.45 degrees from the central meridian (scale ~0.9998).
    EXPECT_NEAR(ys[1] - ys[0], 1110.0, 3.0);
}

}  // namespace geo::crs

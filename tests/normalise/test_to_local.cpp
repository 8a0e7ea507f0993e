// ToLocal: range checks, swapped coordinates, GCJ-02/BD-09 and the PROJ transform. Oracles that need no software:
// the closed-form spherical Web Mercator (EPSG:3857) and the transverse Mercator's false easting on its central
// meridian; for the Chinese offsets, the published forward formulas written out here independently (the library
// inverts them by iteration, so forward-then-convert must come back to the start).
#include "libgeo/core/diagnostics.hpp"
#include "libgeo/core/error.hpp"
#include "libgeo/normalise/to_local.hpp"
#include "support.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <string>

namespace geo::normalise {

namespace {

constexpr double pi = std::numbers::pi;
constexpr double earth_radius = 6378137.0;

double mercator_x(double lon) { return earth_radius * lon * pi / 180.0; }
double mercator_y(double lat) { return earth_radius * std::log(std::tan(pi / 4.0 + lat * pi / 360.0)); }

LocalCrs local(const std::string& id)
{
    LocalCrs crs;
    crs.id = id;
    return crs;
}

const SourceCrs wgs84{"EPSG:4326", true};

SourceGeometry one_point(double x, double y)
{
    SourceGeometry g;
    g.points.emplace_back(x, y);
    return g;
}

// GCJ-02 forward offset, as published (the Krasovsky-ellipsoid form every converter copies).
crs::LonLat gcj02_forward(double lon, double lat)
{
    const double x = lon - 105.0, y = lat - 35.0;
    double dlat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * std::sqrt(std::abs(x));
    dlat += (20.0 * std::sin(6.0 * x * pi) + 20.0 * std::sin(2.0 * x * pi)) * 2.0 / 3.0;
    dlat += (20.0 * std::sin(y * pi) + 40.0 * std::sin(y / 3.0 * pi)) * 2.0 / 3.0;
    dlat += (160.0 * std::sin(y / 12.0 * pi) + 320.0 * std::sin(y * pi / 30.0)) * 2.0 / 3.0;
    double dlon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * std::sqrt(std::abs(x));
    dlon += (20.0 * std::sin(6.0 * x * pi) + 20.0 * std::sin(2.0 * x * pi)) * 2.0 / 3.0;
    dlon += (20.0 * std::sin(x * pi) + 40.0 * std::sin(x / 3.0 * pi)) * 2.0 / 3.0;
    dlon += (150.0 * std::sin(x / 12.0 * pi) + 300.0 * std::sin(x / 30.0 * pi)) * 2.0 / 3.0;
    const double a = 6378245.0, ee = 0.00669342162296594323;
    const double rad_lat = lat / 180.0 * pi;
    const double magic = 1.0 - ee * std::sin(rad_lat) * std::sin(rad_lat);
    const double sqrt_magic = std::sqrt(magic);
    dlat = (dlat * 180.0) / ((a * (1.0 - ee)) / (magic * sqrt_magic) * pi);
    dlon = (dlon * 180.0) / (a / sqrt_magic * std::cos(rad_lat) * pi);
    return {lon + dlon, lat + dlat};
}

// Baidu's BD-09 on top of GCJ-02, as published (x_pi = pi * 3000 / 180).
crs::LonLat bd09_forward(crs::LonLat gcj)
{
    const double x_pi = pi * 3000.0 / 180.0;
    const double z = std::sqrt(gcj.lon * gcj.lon + gcj.lat * gcj.lat) + 0.00002 * std::sin(gcj.lat * x_pi);
    const double theta = std::atan2(gcj.lat, gcj.lon) + 0.000003 * std::cos(gcj.lon * x_pi);
    return {z * std::cos(theta) + 0.0065, z * std::sin(theta) + 0.006};
}

}  // namespace

TEST(ToLocal, EveryVertexProjectsLikeTheFormula)
{
    const ToLocal to_local(wgs84, crs::ChinaCoords::wgs84, local("EPSG:3857"), std::nullopt, false);
    EXPECT_EQ(to_local.source().definition, "EPSG:4326");
    SourceGeometry g;
    g.points.emplace_back(100.45, 38.93);
    g.lines.push_back({{100.0, 38.0}, {100.5, 38.5}, {-70.0, -33.0}});
    Polygon p;
    p.outer() = {{10, 10}, {10, 20}, {20, 20}, {20, 10}, {10, 10}};
    p.inners().push_back({{12, 12}, {14, 12}, {14, 14}, {12, 14}, {12, 12}});
    g.polygons.push_back(p);
    SourceGeometry original = g;

    const Outcome out = to_local.convert(g);
    ASSERT_TRUE(out.ok()) << out.reason << ": " << out.detail;
    EXPECT_FALSE(out.swapped);
    EXPECT_TRUE(out.detail.empty());
    std::vector<Point> expected, got;
    for_each_vertex(original, [&](Point& v) { expected.emplace_back(mercator_x(v.x()), mercator_y(v.y())); });
    for_each_vertex(g, [&](Point& v) { got.push_back(v); });
    ASSERT_EQ(got.size(), expected.size());
    ASSERT_EQ(got.size(), 1u + 3u + 5u + 5u);
    for (std::size_t i = 0; i < got.size(); ++i) {
        EXPECT_NEAR(got[i].x(), expected[i].x(), 1e-6) << i;
        EXPECT_NEAR(got[i].y(), expected[i].y(), 1e-6) << i;
    }
}

TEST(ToLocal, UtmCentralMeridianGivesTheFalseEasting)
{
    // UTM zone 47N has its central meridian at 99 E: easting 500 000 m there, northing 0 on the equator.
    const ToLocal to_local(wgs84, crs::ChinaCoords::wgs84, local("EPSG:32647"), std::nullopt, false);
    SourceGeometry g;
    g.points.emplace_back(99.0, 0.0);
    g.points.emplace_back(99.0, 38.0);
    ASSERT_TRUE(to_local.convert(g).ok());
    EXPECT_NEAR(g.points[0].x(), 500000.0, 1e-6);
    EXPECT_NEAR(g.points[0].y(), 0.0, 1e-6);
    EXPECT_NEAR(g.points[1].x(), 500000.0, 1e-6);
    // 38 degrees of meridian arc on WGS 84 times the UTM scale 0.9996: about 4 207 000 m (well inside 4.2-4.22 Mm).
    EXPECT_GT(g.points[1].y(), 4.20e6);
    EXPECT_LT(g.points[1].y(), 4.22e6);
}

TEST(ToLocal, SourceGivenAsWktIsReadInGisOrder)
{
    // EPSG:4326's WKT declares latitude first; the conversion must still read x as longitude.
    const ToLocal to_local(SourceCrs{test::epsg_wkt(4326), true}, crs::ChinaCoords::wgs84, local("EPSG:3857"),
                           std::nullopt, false);
    SourceGeometry g = one_point(100.45, 38.93);
    ASSERT_TRUE(to_local.convert(g).ok());
    EXPECT_NEAR(g.points[0].x(), mercator_x(100.45), 1e-6);
    EXPECT_NEAR(g.points[0].y(), mercator_y(38.93), 1e-6);
}

TEST(ToLocal, ProjectedSourceSkipsTheDegreeChecks)
{
    // (500 000, 0) in UTM 47N is (99 E, 0 N); (0, 0) there is a real place, not a missing fix.
    const ToLocal to_local(SourceCrs{"EPSG:32647", false}, crs::ChinaCoords::wgs84, local("EPSG:3857"), std::nullopt,
                           false);
    SourceGeometry g = one_point(500000.0, 0.0);
    g.points.emplace_back(0.0, 0.0);
    const Outcome out = to_local.convert(g);
    ASSERT_TRUE(out.ok()) << out.reason;
    EXPECT_NEAR(g.points[0].x(), mercator_x(99.0), 1e-6);
    EXPECT_NEAR(g.points[0].y(), 0.0, 1e-6);
    EXPECT_TRUE(std::isfinite(g.points[1].x()));
    EXPECT_LT(g.points[1].x(), mercator_x(99.0));  // west of the central meridian
}

TEST(ToLocal, NullIslandIsRefused)
{
    const ToLocal to_local(wgs84, crs::ChinaCoords::wgs84, local("EPSG:3857"), std::nullopt, false);
    SourceGeometry zero = one_point(0.0, 0.0);
    const Outcome all = to_local.convert(zero);
    EXPECT_EQ(all.reason, reason::null_island);
    EXPECT_FALSE(all.detail.empty());
    EXPECT_EQ(zero.points[0].x(), 0.0);  // refused geometries are left as they were
    EXPECT_EQ(zero.points[0].y(), 0.0);

    SourceGeometry line;
    line.lines.push_back({{100.0, 38.0}, {0.0, 0.0}, {100.1, 38.1}});
    const Outcome one = to_local.convert(line);
    EXPECT_EQ(one.reason, reason::null_island);
    EXPECT_EQ(line.lines[0][0].x(), 100.0);

    // Only (0, 0) itself: a zero longitude or latitude alone is a real place (Greenwich, the equator).
    SourceGeometry greenwich = one_point(0.0, 51.48);
    EXPECT_TRUE(to_local.convert(greenwich).ok());
    SourceGeometry equator = one_point(100.0, 0.0);
    EXPECT_TRUE(to_local.convert(equator).ok());
}

TEST(ToLocal, ZeroVertexIsAcceptedWhereTheCampaignIsAroundIt)
{
    // A campaign in the Gulf of Guinea may have a real vertex at (0, 0).
    const ToLocal to_local(wgs84, crs::ChinaCoords::wgs84, local("EPSG:3857"), LonLatBox{-1.0, -1.0, 1.0, 1.0}, false);
    SourceGeometry line;
    line.lines.push_back({{-0.5, -0.5}, {0.0, 0.0}, {0.5, 0.5}});
    const Outcome out = to_local.convert(line);
    ASSERT_TRUE(out.ok()) << out.reason;
    EXPECT_NEAR(line.lines[0][1].x(), 0.0, 1e-9);
    EXPECT_NEAR(line.lines[0][2].x(), mercator_x(0.5), 1e-6);
    // Every vertex at (0, 0) is still a missing fix.
    SourceGeometry zero = one_point(0.0, 0.0);
    EXPECT_EQ(to_local.convert(zero).reason, reason::null_island);
}

TEST(ToLocal, SwappedDegreesAreRefusedUnlessFixingIsAsked)
{
    // Latitude 100.45 is impossible; exchanged, the point is valid.
    SourceGeometry refused = one_point(38.93, 100.45);
    const ToLocal strict(wgs84, crs::ChinaCoords::wgs84, local("EPSG:3857"), std::nullopt, false);
    const Outcome no = strict.convert(refused);
    EXPECT_EQ(no.reason, reason::swapped_lat_lon);
    EXPECT_FALSE(no.swapped);
    EXPECT_NE(no.detail.find("fix_swapped"), std::string::npos) << no.detail;
    EXPECT_EQ(refused.points[0].x(), 38.93);

    SourceGeometry fixed = one_point(38.93, 100.45);
    const ToLocal fixing(wgs84, crs::ChinaCoords::wgs84, local("EPSG:3857"), std::nullopt, true);
    const Outcome yes = fixing.convert(fixed);
    ASSERT_TRUE(yes.ok()) << yes.reason;
    EXPECT_TRUE(yes.swapped);
    EXPECT_FALSE(yes.detail.empty());
    EXPECT_NEAR(fixed.points[0].x(), mercator_x(100.45), 1e-6);
    EXPECT_NEAR(fixed.points[0].y(), mercator_y(38.93), 1e-6);
}

TEST(ToLocal, CampaignAreaRevealsSwapsOfPlausibleDegrees)
{
    // (40 E, 75 N) is a real place, but the campaign lies at 70-80 E, 35-45 N, where (75 E, 40 N) is.
    const LonLatBox area{70.0, 35.0, 80.0, 45.0};
    const ToLocal strict(wgs84, crs::ChinaCoords::wgs84, local("EPSG:3857"), area, false);
    SourceGeometry g = one_point(40.0, 75.0);
    EXPECT_EQ(strict.convert(g).reason, reason::swapped_lat_lon);

    const ToLocal fixing(wgs84, crs::ChinaCoords::wgs84, local("EPSG:3857"), area, true);
    SourceGeometry h = one_point(40.0, 75.0);
    const Outcome out = fixing.convert(h);
    ASSERT_TRUE(out.ok()) << out.reason;
    EXPECT_TRUE(out.swapped);
    EXPECT_NEAR(h.points[0].x(), mercator_x(75.0), 1e-6);
    EXPECT_NEAR(h.points[0].y(), mercator_y(40.0), 1e-6);

    // Outside the area both ways round: neither swapped nor refused (the area only breaks ties).
    SourceGeometry far = one_point(10.0, 50.0);
    const Outcome kept = fixing.convert(far);
    EXPECT_TRUE(kept.ok()) << kept.reason;
    EXPECT_FALSE(kept.swapped);
    EXPECT_NEAR(far.points[0].x(), mercator_x(10.0), 1e-6);
}

TEST(ToLocal, GeometryIsJudgedAsAWhole)
{
    // One vertex needs the swap, the other is right as it is: no single reading fits, so out of range.
    const ToLocal fixing(wgs84, crs::ChinaCoords::wgs84, local("EPSG:3857"), std::nullopt, true);
    SourceGeometry mixed;
    mixed.lines.push_back({{100.45, 38.93}, {38.93, 100.45}});
    const Outcome out = fixing.convert(mixed);
    EXPECT_EQ(out.reason, reason::out_of_range);
    EXPECT_FALSE(out.swapped);
    EXPECT_EQ(mixed.lines[0][0].x(), 100.45);  // untouched
}

TEST(ToLocal, OutOfRangeSaysWhenValuesLookLikeMetres)
{
    const ToLocal to_local(wgs84, crs::ChinaCoords::wgs84, local("EPSG:3857"), std::nullopt, false);
    SourceGeometry degrees = one_point(200.0, 95.0);
    const Outcome a = to_local.convert(degrees);
    EXPECT_EQ(a.reason, reason::out_of_range);
    EXPECT_EQ(a.detail.find("metres"), std::string::npos) << a.detail;

    SourceGeometry metres = one_point(523456.0, 4310000.0);  // a UTM coordinate declared as WGS 84
    const Outcome b = to_local.convert(metres);
    EXPECT_EQ(b.reason, reason::out_of_range);
    EXPECT_NE(b.detail.find("metres"), std::string::npos) << b.detail;
    EXPECT_EQ(metres.points[0].x(), 523456.0);

    SourceGeometry not_a_number = one_point(std::nan(""), 38.0);  // NaN compares false with every limit
    EXPECT_EQ(to_local.convert(not_a_number).reason, reason::out_of_range);

    // The limits themselves are valid degrees.
    SourceGeometry corner = one_point(180.0, -85.0);
    EXPECT_TRUE(to_local.convert(corner).ok());
    SourceGeometry beyond = one_point(180.000001, 10.0);
    EXPECT_EQ(to_local.convert(beyond).reason, reason::out_of_range);
}

TEST(ToLocal, Gcj02IsUndoneBeforeProjecting)
{
    const ToLocal to_local(wgs84, crs::ChinaCoords::gcj02, local("EPSG:3857"), std::nullopt, false);
    for (const auto& [lon, lat] :
         {std::pair{116.3912, 39.9073}, std::pair{100.45, 38.93}, std::pair{121.4737, 31.2304}}) {
        const crs::LonLat mars = gcj02_forward(lon, lat);
        // The offset is a few hundred metres: the test would notice if nothing were undone.
        ASSERT_GT(std::hypot(mercator_x(mars.lon) - mercator_x(lon), mercator_y(mars.lat) - mercator_y(lat)), 100.0);
        SourceGeometry g = one_point(mars.lon, mars.lat);
        ASSERT_TRUE(to_local.convert(g).ok());
        EXPECT_NEAR(g.points[0].x(), mercator_x(lon), 1e-3) << lon << ' ' << lat;
        EXPECT_NEAR(g.points[0].y(), mercator_y(lat), 1e-3) << lon << ' ' << lat;
    }
}

TEST(ToLocal, Bd09IsUndoneBeforeProjecting)
{
    const ToLocal to_local(wgs84, crs::ChinaCoords::bd09, local("EPSG:3857"), std::nullopt, false);
    const double lon = 116.3912, lat = 39.9073;
    const crs::LonLat baidu = bd09_forward(gcj02_forward(lon, lat));
    SourceGeometry g = one_point(baidu.lon, baidu.lat);
    ASSERT_TRUE(to_local.convert(g).ok());
    EXPECT_NEAR(g.points[0].x(), mercator_x(lon), 1e-3);
    EXPECT_NEAR(g.points[0].y(), mercator_y(lat), 1e-3);
}

TEST(ToLocal, Gcj02IsTheIdentityOutsideChina)
{
    const ToLocal to_local(wgs84, crs::ChinaCoords::gcj02, local("EPSG:3857"), std::nullopt, false);
    SourceGeometry g = one_point(9.52, 47.14);  // Liechtenstein
    ASSERT_TRUE(to_local.convert(g).ok());
    EXPECT_NEAR(g.points[0].x(), mercator_x(9.52), 1e-6);
    EXPECT_NEAR(g.points[0].y(), mercator_y(47.14), 1e-6);
}

TEST(ToLocal, TransformFailureIsAReasonNotAnException)
{
    // 10^12 m is 25 000 times round the Earth: no longitude/latitude has that UTM easting, PROJ has no inverse.
    // A projected source skips the degree checks, so the failure can only come from PROJ.
    const ToLocal to_local(SourceCrs{"EPSG:32647", false}, crs::ChinaCoords::wgs84, local("EPSG:3857"), std::nullopt,
                           false);
    SourceGeometry g;
    g.lines.push_back({{500000.0, 0.0}, {1e12, 1e12}});
    const Outcome out = to_local.convert(g);
    EXPECT_EQ(out.reason, reason::transform_failed);
    EXPECT_FALSE(out.detail.empty());

    SourceGeometry not_a_number = one_point(std::nan(""), 0.0);
    EXPECT_EQ(to_local.convert(not_a_number).reason, reason::transform_failed);
}

TEST(ToLocal, UnknownSourceCrsIsAnInputError)
{
    EXPECT_THROW(
        ToLocal(SourceCrs{"EPSG:99999999", true}, crs::ChinaCoords::wgs84, local("EPSG:3857"), std::nullopt, false),
        InputError);
    EXPECT_THROW(ToLocal(wgs84, crs::ChinaCoords::wgs84, local("not a crs"), std::nullopt, false), InputError);
}

}  // namespace geo::normalise

// The same village data through every vector format planners bring, and real public data.
#include "fixture.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/crs/gcj02.hpp"
#include "libgeo/crs/local_crs.hpp"

#include <gtest/gtest.h>
#include <ogr_geometry.h>
#include <ogr_spatialref.h>

namespace geo::test {

namespace {

double total_area(const Campaign& c)
{
    double a = 0;
    for (const auto& v : c.villages) a += bg::area(v.area);
    return a;
}

}  // namespace

TEST(LoadFormats, GeoJsonVillagesLandInTheUtmZone)
{
    MiniTown town;
    const Campaign c = town.load("");
    EXPECT_EQ(c.crs.id, "EPSG:32647");
    ASSERT_EQ(c.villages.size(), 2u);
    EXPECT_EQ(c.villages[0].name, "甲村");
    // 0.05 deg x 0.05 deg at 38.925 N: about 4.33 km x 5.55 km. Checked against the ellipsoidal area that
    // GDAL reports for the same polygon through its own path (OGR transform to the same UTM zone).
    OGRSpatialReference wgs, utm;
    wgs.importFromEPSG(4326);
    wgs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    utm.importFromEPSG(32647);
    OGRPolygon* poly = nullptr;
    OGRGeometry* g = nullptr;
    const char* wkt = "POLYGON((100.40 38.90,100.45 38.90,100.45 38.95,100.40 38.95,100.40 38.90))";
    ASSERT_EQ(OGRGeometryFactory::createFromWkt(wkt, &wgs, &g), OGRERR_NONE);
    OGRGeometryUniquePtr holder(g);
    ASSERT_EQ(g->transformTo(&utm), OGRERR_NONE);
    poly = g->toPolygon();
    EXPECT_NEAR(bg::area(c.villages[0].area), poly->get_Area(), poly->get_Area() * 1e-9);
    EXPECT_NEAR(bg::area(c.villages[0].area) / 1e6, 24.0, 0.3);
}

TEST(LoadFormats, GeoPackageShapefileKmlAndCsvGiveTheSameVillages)
{
    MiniTown town;
    const double reference = total_area(town.load(""));
    const auto src = town.dir / "villages.geojson";
    translate(src, town.dir / "v.gpkg", {"-t_srs", "EPSG:4542", "-nln", "villages"});       // surveyors' CGCS2000 GK
    translate(src, town.dir / "v.shp", {"-t_srs", "EPSG:4490", "-lco", "ENCODING=UTF-8"});  // CGCS2000 geographic
    translate(src, town.dir / "v.kml", {});
    translate(src, town.dir / "v.kmz", {"-f", "LIBKML"});
    translate(src, town.dir / "v.csv", {"-lco", "GEOMETRY=AS_WKT"});
    for (const char* file : {"v.gpkg", "v.shp", "v.kml", "v.kmz", "v.csv"}) {
        SCOPED_TRACE(file);
        write_text(town.dir / "c.toml", std::string("[villages]\nsource = \"") + file + "\"\nname_field = \"" +
                                            (std::string(file) == "v.kml" ? "Name" : "name") + "\"\n");
        const Campaign c = load::load_campaign(campaign::read_campaign_file(town.dir / "c.toml"));
        ASSERT_EQ(c.villages.size(), 2u);
        EXPECT_EQ(c.villages[1].name, "乙村");
        // CGCS2000 and WGS 84 differ by centimetres; the areas agree to better than 1e-6.
        EXPECT_NEAR(total_area(c), reference, reference * 1e-6);
    }
}

TEST(LoadFormats, CgcsCampaignCrsIsTheGaussKrugerZone)
{
    MiniTown town;
    const Campaign c = town.load("", "crs = \"cgcs2000\"");
    EXPECT_EQ(c.crs.epsg, 4542);
    const Campaign e = town.load("", "crs = \"EPSG:4547\"");
    EXPECT_EQ(e.crs.epsg, 4547);
}

TEST(LoadFormats, GcjIssuesAreMovedBackToWgs84)
{
    MiniTown town;
    // One issue at a known WGS 84 point, written as a phone app would export it (GCJ-02).
    const crs::LonLat wgs{100.4321, 38.9123};
    const crs::LonLat gcj = crs::wgs84_to_gcj02(wgs);
    char row[200];
    std::snprintf(row, sizeof row, "编号,类别,经度,纬度\nA1,village_road,%.9f,%.9f\n", gcj.lon, gcj.lat);
    write_text(town.dir / "issues.csv", row);
    const Campaign c = town.load("[issues]\nsource = \"issues.csv\"\ncoords = \"gcj02\"\n");
    ASSERT_EQ(c.issues.size(), 1u);
    crs::Transformer to_utm("EPSG:4326", "EPSG:32647");
    double x = wgs.lon, y = wgs.lat;
    ASSERT_TRUE(to_utm.transform(x, y));
    EXPECT_NEAR(c.issues[0].position.x(), x, 0.01);
    EXPECT_NEAR(c.issues[0].position.y(), y, 0.01);
    // Without the correction the point would be hundreds of metres off.
    const Campaign raw = town.load("[issues]\nsource = \"issues.csv\"\n");
    ASSERT_EQ(raw.issues.size(), 1u);
    EXPECT_GT(bg::distance(raw.issues[0].position, Point(x, y)), 100.0);
}

TEST(LoadFormats, RealOsmExtractAndMunicipalities)
{
    const auto dir = reference_dir() / "osm" / "liechtenstein";
    TempDir tmp;
    write_text(tmp / "c.toml", "[villages]\nsource = \"" + (dir / "liechtenstein_layers.gpkg").string() +
                                   "\"\nlayer = \"municipalities\"\n"
                                   "[[network]]\nsource = \"" + (dir / "liechtenstein-2013-08-03.osm.pbf").string() +
                                   "\"\nlayer = \"lines\"\nwhere = \"highway IS NOT NULL\"\ncategory = \"village_road\"\n"
                                   "[[network]]\nsource = \"" + (dir / "liechtenstein-2013-08-03.osm.pbf").string() +
                                   "\"\nlayer = \"lines\"\nwhere = \"waterway IS NOT NULL\"\ncategory = \"river_ditch\"\n");
    const Campaign c = load::load_campaign(campaign::read_campaign_file(tmp / "c.toml"));
    EXPECT_EQ(c.crs.id, "EPSG:32632");
    ASSERT_EQ(c.villages.size(), 11u);  // SOURCE.md: 11 municipalities
    const auto& roads = source(c, "network", 0);
    EXPECT_EQ(roads.read, 2751);  // SOURCE.md: 2,751 highway ways as GDAL 3.6 sees them
    EXPECT_EQ(roads.read, roads.loaded + roads.rejected);
    EXPECT_GT(roads.loaded, 2600);
    const auto& water = source(c, "network", 1);
    EXPECT_EQ(water.read, 76);  // SOURCE.md: 76 waterway ways
    // Municipality areas: SOURCE.md's geodesic areas (GDAL/SQLite ST_Area(geom, 1)) vs our UTM areas; UTM's
    // scale error near 9.5 E in zone 32 (CM 9 E) is ~1e-4, well inside 0.1 %.
    const std::map<std::string, double> published{{"Triesen", 26.461}, {"Schellenberg", 3.562}, {"Gamprin", 6.177},
                                                  {"Triesenberg", 29.721}, {"Eschen", 10.394}, {"Ruggell", 7.385},
                                                  {"Mauren", 7.468}, {"Schaan", 26.973}, {"Balzers", 19.713},
                                                  {"Planken", 5.359}, {"Vaduz", 17.284}};
    for (const auto& v : c.villages) {
        SCOPED_TRACE(v.name);
        ASSERT_TRUE(published.count(v.name));
        EXPECT_NEAR(bg::area(v.area) / 1e6, published.at(v.name), published.at(v.name) * 1e-3);
    }
}

TEST(LoadFormats, RealGpxTracksKeepTheirTimes)
{
    const auto gpx = reference_dir() / "gpx" / "gpxpy";
    TempDir tmp;
    // One village box around the four recordings (Slovenia and Istria).
    write_text(tmp / "v.geojson", R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"box"},
      "geometry":{"type":"Polygon","coordinates":[[[13.6,45.2],[14.5,45.2],[14.5,46.5],[13.6,46.5],[13.6,45.2]]]}}]})");
    write_text(tmp / "c.toml", "[villages]\nsource = \"v.geojson\"\n[[tracks]]\nsource = [\"" + gpx.string() + "/*.gpx\"]\n");
    const Campaign c = load::load_campaign(campaign::read_campaign_file(tmp / "c.toml"));
    // Mojstrovka: 184 fixes whose clock was broken (183 carry the same 1901 timestamp): kept as a track without
    // usable times rather than emptied as "out of order".
    const TrackReport* mojstrovka = nullptr;
    const TrackReport* car = nullptr;
    for (const auto& r : c.track_reports) {
        const auto& s = c.diagnostics.sources().at(static_cast<std::size_t>(r.source));
        if (s.source.find("Mojstrovka") != std::string::npos) mojstrovka = &r;
        if (s.source.find("with-car") != std::string::npos) car = &r;
    }
    ASSERT_TRUE(mojstrovka && car);
    EXPECT_EQ(mojstrovka->cleaning.fixes_read, 184);
    EXPECT_FALSE(mojstrovka->cleaning.has_times);
    EXPECT_EQ(mojstrovka->cleaning.fixes_kept, 184);
    EXPECT_TRUE(car->cleaning.has_times);
    // The partly driven recording (104 fixes over 2.7 km in 8.5 minutes) loses its driven stretch.
    EXPECT_EQ(car->cleaning.fixes_read, 104);
    EXPECT_GT(car->cleaning.too_fast, 10);
    // Every track is accounted for.
    for (const auto& s : c.diagnostics.sources()) EXPECT_EQ(s.read, s.loaded + s.rejected) << s.source;
}

TEST(LoadFormats, RealWalkOnItsOsmStreetMap)
{
    // Hamburg-Altona: OSM XML street map, a real phone-recorded walk on it (GPX), and the city's district polygons.
    const auto dir = reference_dir() / "walks" / "hamburg_altona";
    TempDir tmp;
    write_text(tmp / "c.toml", "[villages]\nsource = \"" + (dir / "hamburg_districts.geojson").string() +
                                   "\"\nname_field = \"Stadtteil\"\n"
                                   "[[network]]\nsource = \"" + (dir / "Altona.osm").string() +
                                   "\"\nlayer = \"lines\"\nwhere = \"highway IS NOT NULL\"\ncategory = \"village_road\"\n"
                                   "[[tracks]]\nsource = \"" + (dir / "altona_walk.gpx").string() + "\"\n");
    const Campaign c = load::load_campaign(campaign::read_campaign_file(tmp / "c.toml"));
    EXPECT_EQ(c.villages.size(), 104u);  // SOURCE.md: 104 districts
    const auto& lines = source(c, "network");
    EXPECT_EQ(lines.read, 617);  // SOURCE.md: GDAL sees 617 line features
    EXPECT_EQ(lines.read, lines.loaded + lines.rejected);
    const auto& tracks = source(c, "tracks");
    EXPECT_EQ(tracks.loaded, 1);
    ASSERT_EQ(c.track_reports.size(), 1u);
    EXPECT_EQ(c.track_reports[0].cleaning.fixes_read, 2179);  // SOURCE.md: 2,179 fixes
    // The walk's haversine length is 1,924.1 m (SOURCE.md); cleaning removes jitter, never most of the walk.
    double length = 0;
    for (const auto& t : c.tracks)
        for (std::size_t i = 1; i < t.fixes.size(); ++i) length += bg::distance(t.fixes[i - 1].position, t.fixes[i].position);
    EXPECT_GT(length, 1700.0);
    EXPECT_LT(length, 1960.0);
    // SOURCE.md point-in-polygon facts: (53.57355, 9.95301) lies in Eimsbüttel.
    crs::Transformer to_local("EPSG:4326", c.crs.id);
    double x = 9.95301, y = 53.57355;
    ASSERT_TRUE(to_local.transform(x, y));
    const auto inside = std::find_if(c.villages.begin(), c.villages.end(),
                                     [&](const Village& v) { return bg::covered_by(Point(x, y), v.area); });
    ASSERT_NE(inside, c.villages.end());
    EXPECT_EQ(inside->name, "Eimsbüttel");
}

}  // namespace geo::test

// The sample town's geography, checked from the written files with GDAL and GEOS only.
#include "town_fixture.hpp"

#include "libgeo/core/error.hpp"

#include <gtest/gtest.h>
#include <toml++/toml.h>

#include <cmath>
#include <map>
#include <numeric>
#include <set>
#include <string>

namespace geo::sample::test {

namespace {

namespace fs = std::filesystem;

std::string authority_code(OGRLayer& layer)
{
    const OGRSpatialReference* srs = layer.GetSpatialRef();
    if (!srs) return "none";
    const char* code = srs->GetAuthorityCode(nullptr);
    return code ? code : "unknown";
}

// Connected components of a set of lines (in a metric CRS) after noding them, joining endpoints that agree to 1 m.
int components(const GeosContext& ctx, const std::vector<OGRGeometryUniquePtr>& lines)
{
    std::vector<GeomPtr> owned;
    for (const auto& g : lines) owned.push_back(to_geos(ctx, *g));
    std::vector<GEOSGeometry*> raw;
    for (auto& g : owned) raw.push_back(g.release());
    GeomPtr all = own(ctx, GEOSGeom_createCollection_r(ctx, GEOS_GEOMETRYCOLLECTION, raw.data(),
                                                       static_cast<unsigned>(raw.size())),
                      "collection");
    GeomPtr noded = own(ctx, GEOSUnaryUnion_r(ctx, all.get()), "union");

    std::map<std::pair<long long, long long>, std::size_t> node_of;
    std::vector<std::size_t> parent;
    auto node = [&](const GEOSGeometry* point) {
        double x = 0, y = 0;
        GEOSGeomGetX_r(ctx, point, &x);
        GEOSGeomGetY_r(ctx, point, &y);
        const auto [it, fresh] = node_of.try_emplace({std::llround(x), std::llround(y)}, parent.size());
        if (fresh) parent.push_back(parent.size());
        return it->second;
    };
    auto find = [&](std::size_t i) {
        while (parent[i] != i) i = parent[i] = parent[parent[i]];
        return i;
    };
    for (int i = 0; i < GEOSGetNumGeometries_r(ctx, noded.get()); ++i) {
        const GEOSGeometry* line = GEOSGetGeometryN_r(ctx, noded.get(), i);
        GeomPtr a = own(ctx, GEOSGeomGetStartPoint_r(ctx, line), "start");
        GeomPtr b = own(ctx, GEOSGeomGetEndPoint_r(ctx, line), "end");
        parent[find(node(a.get()))] = find(node(b.get()));
    }
    std::set<std::size_t> roots;
    for (std::size_t i = 0; i < parent.size(); ++i) roots.insert(find(i));
    return static_cast<int>(roots.size());
}

}  // namespace

TEST(SampleTown, EveryFileOpensWithItsDriverAndCrs)
{
    const fs::path dir = sample_town_dir();
    const auto gpkg = open_vector(dir / "town.gpkg", "GPKG");
    EXPECT_EQ(authority_code(*gpkg->GetLayerByName("villages")), "4542");
    EXPECT_EQ(authority_code(*gpkg->GetLayerByName("roads")), "4542");
    EXPECT_EQ(wkbFlatten(gpkg->GetLayerByName("villages")->GetGeomType()), wkbMultiPolygon);
    EXPECT_EQ(wkbFlatten(gpkg->GetLayerByName("roads")->GetGeomType()), wkbLineString);
    EXPECT_EQ(authority_code(*open_vector(dir / "rivers.geojson", "GeoJSON")->GetLayer(0)), "4326");
    const auto ridges = open_vector(dir / "field_ridges.shp", "ESRI Shapefile");
    const OGRSpatialReference cgcs = epsg(4490);
    EXPECT_TRUE(ridges->GetLayer(0)->GetSpatialRef()->IsSame(&cgcs));
    EXPECT_EQ(geo::test::read_text(dir / "field_ridges.cpg"), "UTF-8");
    EXPECT_EQ(authority_code(*open_vector(dir / "sites.kml", "LIBKML")->GetLayer(0)), "4326");
    EXPECT_EQ(open_vector(dir / "issues.csv", "CSV")->GetLayerCount(), 1);
    std::size_t gpx = 0;
    for (const auto& folder : {"wgs84", "gcj02"})
        for (const auto& entry : fs::directory_iterator(dir / "tracks" / folder)) {
            EXPECT_EQ(entry.path().extension(), ".gpx");
            EXPECT_NE(open_vector(entry.path(), "GPX")->GetLayerByName("track_points"), nullptr);
            ++gpx;
        }
    EXPECT_GE(gpx, 35u);
    EXPECT_TRUE(fs::exists(dir / "campaign.toml"));
}

TEST(SampleTown, TwelveVillagesTileTheTownWithoutGapsOrOverlaps)
{
    GeosContext ctx;
    const auto gpkg = open_vector(sample_town_dir() / "town.gpkg", "GPKG");
    OGRLayer& villages = *gpkg->GetLayerByName("villages");
    std::vector<GeomPtr> areas;
    std::set<std::string> names;
    villages.ResetReading();
    for (auto& f : villages) {
        names.insert(f->GetFieldAsString("name"));
        EXPECT_STRNE(f->GetFieldAsString("name_en"), "");
        EXPECT_EQ(std::string(f->GetFieldAsString("code")).size(), 12u);
        areas.push_back(to_geos(ctx, *f->GetGeometryRef()));
    }
    ASSERT_EQ(areas.size(), 12u);
    EXPECT_EQ(names.size(), 12u);
    EXPECT_TRUE(names.count("甘浚村") && names.count("毛家寺村"));

    double sum = 0.0;
    for (const auto& a : areas) {
        double area = 0.0;
        GEOSArea_r(ctx, a.get(), &area);
        sum += area;
    }
    for (std::size_t i = 0; i < areas.size(); ++i)
        for (std::size_t j = i + 1; j < areas.size(); ++j) {
            GeomPtr both = own(ctx, GEOSIntersection_r(ctx, areas[i].get(), areas[j].get()), "intersection");
            double overlap = 0.0;
            GEOSArea_r(ctx, both.get(), &overlap);
            EXPECT_LT(overlap, 1.0) << "villages " << i << " and " << j;
        }
    // No gaps: the union is one polygon without holes, and its area is the sum of the parts.
    std::vector<GEOSGeometry*> raw;
    for (auto& a : areas) raw.push_back(GEOSGeom_clone_r(ctx, a.get()));
    GeomPtr all = own(ctx, GEOSGeom_createCollection_r(ctx, GEOS_GEOMETRYCOLLECTION, raw.data(), 12), "collection");
    GeomPtr town = own(ctx, GEOSUnaryUnion_r(ctx, all.get()), "union");
    ASSERT_EQ(GEOSGeomTypeId_r(ctx, town.get()), GEOS_POLYGON);
    EXPECT_EQ(GEOSGetNumInteriorRings_r(ctx, town.get()), 0);
    double outline = 0.0;
    GEOSArea_r(ctx, town.get(), &outline);
    EXPECT_NEAR(sum, outline, 0.001 * outline);
    EXPECT_GT(outline, 130e6);
    EXPECT_LT(outline, 170e6);
}

TEST(SampleTown, RoadNetworkIsConnectedAndHasEveryClass)
{
    GeosContext ctx;
    const auto gpkg = open_vector(sample_town_dir() / "town.gpkg", "GPKG");
    OGRLayer& roads = *gpkg->GetLayerByName("roads");
    std::map<std::string, int> classes;
    std::set<std::string> names;
    roads.ResetReading();
    for (auto& f : roads) {
        ++classes[f->GetFieldAsString("class")];
        names.insert(f->GetFieldAsString("name"));
    }
    EXPECT_EQ(classes["highway"], 1);
    EXPECT_EQ(classes["named_road"], 3);
    EXPECT_GE(classes["village_road"], 12);
    EXPECT_GE(classes["field_road"], 12);
    EXPECT_EQ(classes.size(), 4u);
    EXPECT_TRUE(names.count("S213省道") && names.count("甘浚路") && names.count("星光路") && names.count("西洞路"));
    EXPECT_EQ(components(ctx, geometries(roads)), 1);
}

TEST(SampleTown, RiversDitchesRidgesAndSitesHaveSensibleSizes)
{
    const fs::path dir = sample_town_dir();
    const OGRSpatialReference utm = epsg(32647);
    const auto rivers = open_vector(dir / "rivers.geojson", "GeoJSON");
    std::map<std::string, int> kinds;
    for (auto& f : *rivers->GetLayer(0)) ++kinds[f->GetFieldAsString("kind")];
    EXPECT_EQ(kinds["river"], 1);
    EXPECT_GE(kinds["ditch"], 8);
    EXPECT_LE(kinds["ditch"], 15);
    EXPECT_GT(total_length(geometries(*rivers->GetLayer(0), &utm)), 25e3);

    const auto ridges = open_vector(dir / "field_ridges.shp", "ESRI Shapefile");
    const double ridge_m = total_length(geometries(*ridges->GetLayer(0), &utm));
    EXPECT_GT(ridge_m, 60e3);
    EXPECT_LT(ridge_m, 100e3);

    const auto sites = open_vector(dir / "sites.kml", "LIBKML");
    std::map<std::string, int> site_kinds;
    int points = 0;
    for (auto& f : *sites->GetLayer(0)) {
        ++site_kinds[f->GetFieldAsString("kind")];
        EXPECT_STRNE(f->GetFieldAsString("name"), "");
        points += wkbFlatten(f->GetGeometryRef()->getGeometryType()) == wkbPoint;
    }
    EXPECT_EQ(site_kinds["settlement"], 12);
    EXPECT_GE(site_kinds["school"], 4);
    EXPECT_GE(site_kinds["clinic"], 3);
    EXPECT_GE(site_kinds["mine"], 2);
    EXPECT_GE(site_kinds["construction"], 3);
    EXPECT_GE(site_kinds["farm"] + site_kinds["wasteland"], 10);
    EXPECT_EQ(site_kinds.size(), 8u);
    EXPECT_GE(points, 2);
}

TEST(SampleTown, CampaignFileNamesFilesThatExist)
{
    const fs::path dir = sample_town_dir();
    const toml::table campaign = toml::parse_file((dir / "campaign.toml").string());
    EXPECT_EQ(campaign["campaign"]["crs"].value_or(std::string()), "cgcs2000");
    EXPECT_TRUE(fs::exists(dir / campaign["villages"]["source"].value_or(std::string())));
    for (const char* role : {"network", "sites"})
        for (const auto& block : *campaign[role].as_array())
            EXPECT_TRUE(fs::exists(dir / (*block.as_table())["source"].value_or(std::string())));
    EXPECT_EQ(campaign["sites"].as_array()->size(), 6u);
    EXPECT_EQ(campaign["issues"]["fields"]["lat"].value_or(std::string()), "纬度");
    EXPECT_EQ(campaign["hotspots"]["kernel"].value_or(std::string()), "quartic");
}

TEST(SampleTown, SameSeedGivesByteIdenticalFiles)
{
    // Every file, GeoPackage and DBF included (their header dates are pinned), so a checked-in sample never churns.
    geo::test::TempDir again("geowalk-sample-again");
    write_sample_town(again.path(), TownOptions{});
    int files = 0;
    for (const auto& entry : fs::recursive_directory_iterator(sample_town_dir())) {
        if (!entry.is_regular_file()) continue;
        const fs::path relative = fs::relative(entry.path(), sample_town_dir());
        EXPECT_EQ(geo::test::read_text(entry.path()), geo::test::read_text(again.path() / relative)) << relative;
        ++files;
    }
    EXPECT_GT(files, 45);

    geo::test::TempDir other("geowalk-sample-other");
    write_sample_town(other.path(), TownOptions{7, 1});
    EXPECT_NE(geo::test::read_text(sample_town_dir() / "issues.csv"),
              geo::test::read_text(other.path() / "issues.csv"));
}

TEST(SampleTown, ScaleTwoDoublesTheTown)
{
    geo::test::TempDir twice("geowalk-sample-scale2");
    write_sample_town(twice.path(), TownOptions{20170220, 2});
    const auto gpkg = open_vector(twice.path() / "town.gpkg", "GPKG");
    OGRLayer& villages = *gpkg->GetLayerByName("villages");
    EXPECT_EQ(villages.GetFeatureCount(), 24);
    std::set<std::string> names;
    for (auto& f : villages) names.insert(f->GetFieldAsString("name"));
    EXPECT_EQ(names.size(), 24u);
    EXPECT_TRUE(names.count("甘浚村-1") && names.count("甘浚村-2"));
    const auto single = open_vector(sample_town_dir() / "town.gpkg", "GPKG");
    // Each tile draws its own network, so "twice" holds only roughly for the roads.
    const double road_ratio = static_cast<double>(gpkg->GetLayerByName("roads")->GetFeatureCount()) /
                              static_cast<double>(single->GetLayerByName("roads")->GetFeatureCount());
    EXPECT_GT(road_ratio, 1.6);
    EXPECT_LT(road_ratio, 2.4);
    std::size_t gpx = 0;
    for (const auto& entry : fs::recursive_directory_iterator(twice.path() / "tracks")) gpx += entry.is_regular_file();
    EXPECT_EQ(gpx, 80u);
    const auto issues = open_vector(twice.path() / "issues.csv", "CSV");
    EXPECT_GE(issues->GetLayer(0)->GetFeatureCount(), 3800);
    EXPECT_EQ(geo::test::read_text(twice.path() / "campaign.toml"),
              geo::test::read_text(sample_town_dir() / "campaign.toml"));
}

TEST(SampleTown, RejectsScaleOutOfRange)
{
    geo::test::TempDir dir("geowalk-sample-bad");
    EXPECT_THROW(write_sample_town(dir.path(), TownOptions{1, 0}), UsageError);
}

}  // namespace geo::sample::test

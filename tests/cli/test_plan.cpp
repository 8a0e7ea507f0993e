// `geowalk run` on the sample plans the next walks ([plan] in its campaign file). Everything here is read back with
// GDAL/OGR and GEOS (through OGR) from the written files and checked against the other outputs, not against figures
// of our own: the required pieces are the `uncovered` layer's stretches, every planned piece lies on its team-day's
// route, every route is a closed walk from its depot within the day limit, the GPX files are valid WGS 84 walks.
#include "support.hpp"

#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <ogrsf_frmts.h>

#include <fstream>
#include <map>

#include <unistd.h>

namespace geo::test {

namespace {

namespace fs = std::filesystem;

GDALDatasetUniquePtr open_vector(const fs::path& file)
{
    return GDALDatasetUniquePtr(GDALDataset::Open(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
}

double total_length(OGRLayer& layer)
{
    double sum = 0;
    layer.ResetReading();
    for (const auto& f : layer)
        if (const OGRGeometry* g = f->GetGeometryRef()) sum += g->toCurve()->get_Length();
    return sum;
}

nlohmann::json read_json(const fs::path& file)
{
    std::ifstream in(file);
    return nlohmann::json::parse(in);
}

}  // namespace

TEST(Plan, RequiredPiecesAreTheUncoveredStretchesAndEachLiesOnItsRoute)
{
    const fs::path run = sample_run();
    const auto gpkg = open_vector(run / "geowalk.gpkg");
    ASSERT_TRUE(gpkg);
    OGRLayer* uncovered = gpkg->GetLayerByName("uncovered");
    OGRLayer* required = gpkg->GetLayerByName("plan_required");
    OGRLayer* routes = gpkg->GetLayerByName("routes");
    OGRLayer* unreachable = gpkg->GetLayerByName("plan_unreachable");
    ASSERT_TRUE(uncovered && required && routes && unreachable);
    // The same stretches as the dead corners, split at junctions: the same length to the centimetre, but for the
    // line ends snapped onto another line (each adds its gap to its edge). The other pieces are outlines of sites
    // nobody walked round (`site_coverage` visited = 0).
    const auto summary = read_json(run / "summary.json");
    double snapped = 0;
    for (const auto& s : summary["plan"]["graph"]["snaps"]) snapped += s["distance_m"].get<double>();
    required->SetAttributeFilter("reason = 'uncovered'");
    EXPECT_NEAR(total_length(*required), total_length(*uncovered), 0.01 + snapped);
    required->SetAttributeFilter("reason = 'site'");
    OGRLayer* sites = gpkg->GetLayerByName("site_coverage");
    ASSERT_TRUE(sites);
    sites->SetAttributeFilter("visited = 0 AND perimeter_m > 0");
    EXPECT_EQ(required->GetFeatureCount(), sites->GetFeatureCount());
    required->SetAttributeFilter(nullptr);
    ASSERT_GT(required->GetFeatureCount(), 0);

    // Route geometry by its label.
    std::map<std::string, OGRGeometryUniquePtr> route_lines;
    for (const auto& f : *routes) route_lines[f->GetFieldAsString("label")].reset(f->GetGeometryRef()->clone());
    long long planned = 0;
    for (const auto& f : *required) {
        if (f->IsFieldNull(f->GetFieldIndex("route"))) continue;
        ++planned;
        const auto it = route_lines.find(f->GetFieldAsString("route"));
        ASSERT_NE(it, route_lines.end()) << f->GetFieldAsString("route");
        // GEOS through OGR: the piece lies within 1 cm of its route.
        OGRGeometryUniquePtr corridor(it->second->Buffer(0.01));
        EXPECT_TRUE(f->GetGeometryRef()->Within(corridor.get())) << "piece " << f->GetFieldAsInteger("piece");
    }
    EXPECT_EQ(planned + unreachable->GetFeatureCount(), required->GetFeatureCount());
}

TEST(Plan, RoutesAreClosedWalksWithinTheDayLimitAndBeatTheGreedyWalk)
{
    const fs::path run = sample_run();
    const auto summary = read_json(run / "summary.json");
    ASSERT_TRUE(summary.contains("plan"));
    const auto& plan = summary["plan"];
    const double max_m = summary["options"]["plan"]["max_km"].get<double>() * 1000.0;
    const auto gpkg = open_vector(run / "geowalk.gpkg");
    OGRLayer* routes = gpkg->GetLayerByName("routes");
    ASSERT_TRUE(routes);
    ASSERT_EQ(routes->GetFeatureCount(), static_cast<long long>(plan["routes"].size()));
    double total = 0;
    for (const auto& f : *routes) {
        const auto* line = f->GetGeometryRef()->toLineString();
        OGRPoint first, last;
        line->StartPoint(&first);
        line->EndPoint(&last);
        EXPECT_LT(first.Distance(&last), 1e-6) << f->GetFieldAsString("label") << " does not return to its depot";
        // The length written is the geometry's, measured by OGR.
        EXPECT_NEAR(f->GetFieldAsDouble("total_m"), line->get_Length(), 1e-6 * line->get_Length() + 0.01);
        if (!f->GetFieldAsInteger("over_limit")) {
            EXPECT_LE(line->get_Length(), max_m + 0.01);
        }
        total += line->get_Length();
    }
    EXPECT_NEAR(plan["total_m"].get<double>(), total, 0.01);
    EXPECT_LE(plan["lower_bound_m"].get<double>(), plan["total_m"].get<double>() + 0.01);
    // Shorter than always walking to the nearest piece left, under the same limits.
    EXPECT_LT(plan["total_m"].get<double>(), plan["greedy_m"].get<double>());
}

TEST(Plan, GpxFilesAreWgs84WalksWithTheTurnPoints)
{
    const fs::path run = sample_run();
    const auto gpkg = open_vector(run / "geowalk.gpkg");
    OGRLayer* routes = gpkg->GetLayerByName("routes");
    OGRLayer* stops = gpkg->GetLayerByName("route_stops");
    ASSERT_TRUE(routes && stops);
    std::map<std::pair<int, int>, long long> stops_per_route;
    for (const auto& f : *stops) ++stops_per_route[{f->GetFieldAsInteger("team"), f->GetFieldAsInteger("day")}];
    // The villages' extent in WGS 84, from the GeoJSON copy (RFC 7946).
    const auto villages = open_vector(run / "geojson" / "villages.geojson");
    ASSERT_TRUE(villages);
    OGREnvelope area;
    ASSERT_EQ(villages->GetLayer(0)->GetExtent(&area), OGRERR_NONE);
    int files = 0;
    for (const auto& f : *routes) {
        const fs::path file = run / f->GetFieldAsString("gpx");
        const auto gpx = open_vector(file);
        ASSERT_TRUE(gpx) << file;
        ASSERT_STREQ(gpx->GetDriver()->GetDescription(), "GPX");
        ++files;
        OGRLayer* tracks = gpx->GetLayerByName("tracks");
        OGRLayer* waypoints = gpx->GetLayerByName("waypoints");
        ASSERT_TRUE(tracks && waypoints);
        EXPECT_EQ(tracks->GetFeatureCount(), 1);
        EXPECT_EQ(waypoints->GetFeatureCount(), (stops_per_route[{f->GetFieldAsInteger("team"), f->GetFieldAsInteger("day")}]));
        OGREnvelope box;
        ASSERT_EQ(tracks->GetExtent(&box), OGRERR_NONE);
        EXPECT_GE(box.MinX, area.MinX - 0.01);
        EXPECT_LE(box.MaxX, area.MaxX + 0.01);
        EXPECT_GE(box.MinY, area.MinY - 0.01);
        EXPECT_LE(box.MaxY, area.MaxY + 0.01);
        // Ordered points: the track starts and ends at the depot, as the route does.
        tracks->ResetReading();
        OGRFeatureUniquePtr track(tracks->GetNextFeature());
        const auto* line = track->GetGeometryRef()->toMultiLineString()->getGeometryRef(0);
        ASSERT_GT(line->getNumPoints(), 1);
        EXPECT_NEAR(line->getX(0), line->getX(line->getNumPoints() - 1), 1e-7);
        EXPECT_NEAR(line->getY(0), line->getY(line->getNumPoints() - 1), 1e-7);
    }
    EXPECT_GT(files, 0);
    long long on_disk = 0;
    for (const auto& e : fs::directory_iterator(run / "gpx")) on_disk += e.path().extension() == ".gpx";
    EXPECT_EQ(on_disk, files);
}

TEST(Plan, HotspotPiecesLieInHotCells)
{
    const fs::path out = fs::temp_directory_path() / ("geowalk-plan-hot-" + std::to_string(::getpid()));
    const auto result = run_geowalk("run --quiet --no-maps --no-report '" +
                                    (source_dir() / "data/sample/campaign.toml").string() + "' --out '" + out.string() +
                                    "'");
    ASSERT_EQ(result.exit_code, 0) << result.output;
    const auto replan = run_geowalk("plan --quiet --no-maps --no-report '" +
                                    (source_dir() / "data/sample/campaign.toml").string() + "' --out '" + out.string() +
                                    "' --required hotspot:2 --max-km 0");
    ASSERT_EQ(replan.exit_code, 0) << replan.output;
    const auto gpkg = open_vector(out / "geowalk.gpkg");
    OGRLayer* required = gpkg->GetLayerByName("plan_required");
    OGRLayer* cells = gpkg->GetLayerByName("hotspot_cells");
    ASSERT_TRUE(required && cells);
    cells->SetAttributeFilter("gi_bin >= 2");
    OGRMultiPolygon hot;
    for (const auto& f : *cells) hot.addGeometry(f->GetGeometryRef());
    OGRGeometryUniquePtr area(hot.UnionCascaded());
    ASSERT_TRUE(area);
    OGRGeometryUniquePtr grown(area->Buffer(0.01));
    ASSERT_GT(required->GetFeatureCount(), 0);
    for (const auto& f : *required) {
        EXPECT_STREQ(f->GetFieldAsString("reason"), "hotspot");
        // Each edge of a piece has its middle in a hot cell, so the piece meets the hot area.
        EXPECT_TRUE(f->GetGeometryRef()->Intersects(grown.get())) << "piece " << f->GetFieldAsInteger("piece");
    }
    // One walker: a single closed walk per depot, never shorter than the bound.
    const auto summary = read_json(out / "summary.json");
    EXPECT_EQ(summary["plan"]["method"], "postman");
    EXPECT_LE(summary["plan"]["lower_bound_m"].get<double>(), summary["plan"]["total_m"].get<double>() + 0.01);
    fs::remove_all(out);
}

TEST(Plan, AnUnknownDepotSiteNamesTheSitesThereAre)
{
    const fs::path out = fs::temp_directory_path() / ("geowalk-plan-depot-" + std::to_string(::getpid()));
    const auto result = run_geowalk("plan --quiet --no-maps --no-report '" +
                                    (source_dir() / "data/sample/campaign.toml").string() + "' --out '" + out.string() +
                                    "' --depot 'site:No Such School'");
    EXPECT_EQ(result.exit_code, 1) << result.output;
    EXPECT_NE(result.output.find("No Such School"), std::string::npos) << result.output;
    EXPECT_NE(result.output.find("sites there are"), std::string::npos) << result.output;
    fs::remove_all(out);
}

}  // namespace geo::test

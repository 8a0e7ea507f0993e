// `geowalk hotspots` on the sample town, checked from the files it writes: density.tif against a brute-force kernel
// sum over the issues layer of the same run, on the grid QGIS's rule gives for those issues.
#include "hotspot/brute_force_gi.hpp"
#include "support.hpp"

#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <ogrsf_frmts.h>

#include <cmath>
#include <random>
#include <sstream>

namespace geo::test {
namespace {

struct Xy {
    double x, y;
};

std::vector<Xy> issue_points(const std::filesystem::path& gpkg)
{
    GDALDatasetUniquePtr ds(GDALDataset::Open(gpkg.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    std::vector<Xy> out;
    if (!ds) return out;
    OGRLayer* layer = ds->GetLayerByName("issues");
    if (layer == nullptr) return out;
    for (auto& f : *layer) {
        const auto* p = f->GetGeometryRef()->toPoint();
        out.push_back({p->getX(), p->getY()});
    }
    return out;
}

TEST(HotspotsCli, DensityIsTheExactQuarticSumOnQgisGrid)
{
    TempDir dir;
    const auto out = dir / "out";
    const auto result = run_geowalk("hotspots '" + (source_dir() / "data/sample/campaign.toml").string() + "' --out '" +
                                    out.string() + "' --quiet --no-maps --no-report --radius 300 --pixel 20 --gi-rate");
    ASSERT_EQ(result.exit_code, 0) << result.output;
    EXPECT_NE(result.output.find("Hotspots:"), std::string::npos) << result.output;

    const auto points = issue_points(out / "geowalk.gpkg");
    ASSERT_GT(points.size(), 1000U);
    const auto summary = nlohmann::json::parse(read_text(out / "summary.json"));
    EXPECT_EQ(summary.at("hotspots").at("issues_used").get<std::size_t>(), points.size());

    // QGIS's grid: the points' extent grown by the radius; cols = ceil(w / pixel) + 1, rows likewise.
    double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
    for (const auto& p : points) {
        x0 = std::min(x0, p.x), x1 = std::max(x1, p.x), y0 = std::min(y0, p.y), y1 = std::max(y1, p.y);
    }
    const double r = 300, pixel = 20;
    x0 -= r, y0 -= r, x1 += r, y1 += r;
    GDALDatasetUniquePtr tif(GDALDataset::Open((out / "density.tif").c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    ASSERT_TRUE(tif);
    EXPECT_EQ(tif->GetRasterXSize(), static_cast<int>(std::ceil((x1 - x0) / pixel)) + 1);
    EXPECT_EQ(tif->GetRasterYSize(), static_cast<int>(std::ceil((y1 - y0) / pixel)) + 1);
    double gt[6];
    ASSERT_EQ(tif->GetGeoTransform(gt), CE_None);
    EXPECT_NEAR(gt[0], x0, 1e-6);
    EXPECT_NEAR(gt[3], y1, 1e-6);
    EXPECT_EQ(gt[1], pixel);

    // 300 pixels at random plus the pixel of the densest issue cluster's first point.
    GDALRasterBand* band = tif->GetRasterBand(1);
    std::mt19937 rng(1);
    std::uniform_int_distribution<int> col(0, tif->GetRasterXSize() - 1), row(0, tif->GetRasterYSize() - 1);
    int nonzero = 0;
    for (int k = 0; k < 300; ++k) {
        const int c = k == 0 ? static_cast<int>((points[0].x - x0) / pixel) : col(rng);
        const int rr = k == 0 ? static_cast<int>((y1 - points[0].y) / pixel) : row(rng);
        float value = 0;
        ASSERT_EQ(band->RasterIO(GF_Read, c, rr, 1, 1, &value, 1, 1, GDT_Float32, 0, 0, nullptr), CE_None);
        const double cx = x0 + (c + 0.5) * pixel, cy = y1 - (rr + 0.5) * pixel;
        double expected = 0;
        for (const auto& p : points) {
            const double d2 = (p.x - cx) * (p.x - cx) + (p.y - cy) * (p.y - cy);
            if (d2 <= r * r) expected += (1 - d2 / (r * r)) * (1 - d2 / (r * r));
        }
        EXPECT_NEAR(value, expected, 1e-5 * std::max(1.0, expected)) << "pixel " << c << ", " << rr;
        nonzero += expected > 0 ? 1 : 0;
    }
    EXPECT_GT(nonzero, 10);

    GDALDatasetUniquePtr gpkg(GDALDataset::Open((out / "geowalk.gpkg").c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    ASSERT_TRUE(gpkg);
    OGRLayer* cells = gpkg->GetLayerByName("hotspot_cells");
    ASSERT_NE(cells, nullptr);
    EXPECT_GT(cells->GetFeatureCount(), 30);
    for (const char* field : {"count", "walked_km", "inspected", "issues_per_km", "gi_z", "gi_p", "gi_bin", "gi_class"})
        EXPECT_GE(cells->GetLayerDefn()->GetFieldIndex(field), 0) << field;
    EXPECT_NE(gpkg->GetLayerByName("rebounds"), nullptr);

    // --gi-rate: Gi* of issues_per_km over the inspected cells only (empty elsewhere), against the textbook O(n^2)
    // Gi* of the written rates at the written centroids with the band summary.json reports.
    std::vector<Point> centres;
    std::vector<double> rates, written_z;
    int not_inspected = 0;
    for (auto& f : *cells) {
        const bool inspected = f->GetFieldAsInteger("inspected") == 1;
        for (const char* field : {"rate_gi_z", "rate_gi_p", "rate_gi_bin"})
            EXPECT_EQ(f->IsFieldSetAndNotNull(f->GetFieldIndex(field)), inspected) << field << ", cell " << f->GetFID();
        not_inspected += inspected ? 0 : 1;
        if (!inspected) continue;
        OGRPoint centroid;
        ASSERT_EQ(f->GetGeometryRef()->Centroid(&centroid), OGRERR_NONE);
        centres.emplace_back(centroid.getX(), centroid.getY());
        rates.push_back(f->GetFieldAsDouble("issues_per_km"));
        written_z.push_back(f->GetFieldAsDouble("rate_gi_z"));
    }
    ASSERT_GT(centres.size(), 10U);
    EXPECT_GT(not_inspected, 10) << "the sample town has cells nobody walked";
    const auto& cells_summary = summary.at("hotspots").at("cells");
    EXPECT_EQ(cells_summary.at("rate_gi").at("cells").get<std::size_t>(), centres.size());
    const auto expected_z = brute_force_gi_star(centres, rates, cells_summary.at("band_m").get<double>());
    for (std::size_t k = 0; k < centres.size(); ++k) EXPECT_NEAR(written_z[k], expected_z[k], 1e-6) << "cell " << k;

    // No written cell lies outside every village (GEOS through OGR: a shared area with the villages' union), and the
    // summary counts what was written.
    OGRLayer* villages = gpkg->GetLayerByName("villages");
    ASSERT_NE(villages, nullptr);
    OGRGeometryUniquePtr land;
    for (auto& v : *villages)
        land = land ? OGRGeometryUniquePtr(land->Union(v->GetGeometryRef())) : OGRGeometryUniquePtr(v->GetGeometryRef()->clone());
    ASSERT_TRUE(land);
    cells->ResetReading();
    for (auto& f : *cells) {
        OGRGeometryUniquePtr shared(land->Intersection(f->GetGeometryRef()));
        ASSERT_TRUE(shared);
        EXPECT_GT(OGR_G_Area(OGRGeometry::ToHandle(shared.get())), 0.0) << "cell " << f->GetFieldAsInteger("cell_id");
    }
    EXPECT_EQ(cells_summary.at("written").get<long long>(), cells->GetFeatureCount());
    EXPECT_EQ(cells_summary.at("written").get<long long>() + cells_summary.at("not_written_outside_villages").get<long long>(),
              cells_summary.at("count").get<long long>());
    // emerging_hotspots: each feature has a pattern or holds an issue of the run.
    OGRLayer* emerging = gpkg->GetLayerByName("emerging_hotspots");
    ASSERT_NE(emerging, nullptr);
    EXPECT_EQ(summary.at("hotspots").at("emerging").at("written").get<long long>(), emerging->GetFeatureCount());
    EXPECT_LT(emerging->GetFeatureCount(), summary.at("hotspots").at("emerging").at("cells").get<long long>());
    for (auto& f : *emerging) {
        if (std::string(f->GetFieldAsString("pattern")) != "no_pattern") continue;
        OGREnvelope box;
        f->GetGeometryRef()->getEnvelope(&box);
        bool holds = false;
        for (const auto& p : points) holds = holds || (p.x >= box.MinX && p.x < box.MaxX && p.y >= box.MinY && p.y < box.MaxY);
        EXPECT_TRUE(holds) << "emerging cell " << f->GetFieldAsInteger("cell_id") << " has no pattern and no issue";
    }
    // The coverage step did not run: its layers are not there.
    EXPECT_EQ(gpkg->GetLayerByName("network_coverage"), nullptr);
}

// esda's published G_Local(star=True, transform='B') z-scores for its six test points, DistanceBand threshold 15
// (../shared/reference/hotspot/esda_6points), through the whole feature mode: file, CLI, Gi*, gi_features layer.
TEST(HotspotsCli, FeatureModeReproducesEsdaPublishedGiStar)
{
    TempDir dir;
    const auto ref = reference_dir() / "hotspot/esda_6points";
    std::istringstream points(read_text(ref / "points.csv"));
    std::string line;
    std::getline(points, line);  // id,x,y,value
    std::string features;
    while (std::getline(points, line)) {
        std::istringstream row(line);
        std::string id, x, y, value;
        std::getline(row, id, ','), std::getline(row, x, ','), std::getline(row, y, ','), std::getline(row, value, ',');
        features += std::string(features.empty() ? "" : ",") + R"({"type":"Feature","properties":{"value":)" + value +
                    R"(},"geometry":{"type":"Point","coordinates":[)" + x + "," + y + "]}}";
    }
    // Planar coordinates: a projected CRS keeps the distances as published.
    write_text(dir / "points.geojson", R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:3857"}},"features":[)" +
                                           features + "]}");
    const auto out = dir / "out";
    const auto result = run_geowalk("hotspots '" + (source_dir() / "data/sample/campaign.toml").string() + "' --out '" +
                                    out.string() + "' --quiet --no-maps --no-report --gi-features '" +
                                    (dir / "points.geojson").string() + "' --gi-field value --band 15");
    ASSERT_EQ(result.exit_code, 0) << result.output;

    std::istringstream expected(read_text(ref / "expected_esda_G_Local.csv"));
    std::getline(expected, line);  // id,Zs_Gi_binary,Zs_Gistar_binary,...
    std::vector<double> z;
    while (std::getline(expected, line)) {
        std::istringstream row(line);
        std::string id, gi, gi_star;
        std::getline(row, id, ','), std::getline(row, gi, ','), std::getline(row, gi_star, ',');
        z.push_back(std::stod(gi_star));
    }
    GDALDatasetUniquePtr gpkg(GDALDataset::Open((out / "geowalk.gpkg").c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    ASSERT_TRUE(gpkg);
    OGRLayer* layer = gpkg->GetLayerByName("gi_features");
    ASSERT_NE(layer, nullptr);
    ASSERT_EQ(layer->GetFeatureCount(), static_cast<long long>(z.size()));
    std::size_t i = 0;
    for (auto& f : *layer) {
        EXPECT_NEAR(f->GetFieldAsDouble("gi_z"), z[i], 1e-6) << "point " << i;
        EXPECT_EQ(f->GetFieldAsInteger64("id"), static_cast<long long>(i));
        ++i;
    }
    // Its GeoJSON copy comes from the layer's own CRS (Web Mercator here, not the campaign's).
    const auto copy = nlohmann::json::parse(read_text(out / "geojson/gi_features.geojson"));
    ASSERT_EQ(copy.at("features").size(), z.size());
    for (const auto& f : copy["features"]) {
        const auto& xy = f.at("geometry").at("coordinates");
        EXPECT_LT(std::abs(xy.at(0).get<double>()), 0.01) << xy;  // the esda points sit a few metres from 0, 0
        EXPECT_LT(std::abs(xy.at(1).get<double>()), 0.01) << xy;
    }
    EXPECT_EQ(run_geowalk("hotspots '" + (source_dir() / "data/sample/campaign.toml").string() + "' --out '" +
                          out.string() + "' --quiet --gi-features '" + (dir / "points.geojson").string() +
                          "' --gi-field value")
                  .exit_code,
              2);  // no band
}

TEST(HotspotsCli, BadSettingsAreUsageErrors)
{
    TempDir dir;
    const std::string campaign = "'" + (source_dir() / "data/sample/campaign.toml").string() + "'";
    const std::string out = " --out '" + (dir / "o").string() + "' --quiet";
    EXPECT_EQ(run_geowalk("hotspots " + campaign + out + " --kernel cubic").exit_code, 2);
    EXPECT_EQ(run_geowalk("hotspots " + campaign + out + " --radius -3").exit_code, 2);
    EXPECT_EQ(run_geowalk("hotspots " + campaign + out + " --category roads").exit_code, 2);
    const auto weight = run_geowalk("hotspots " + campaign + out + " --weight 备注");
    EXPECT_EQ(weight.exit_code, 1) << weight.output;  // a column of names is not a weight: the file is named
    EXPECT_NE(weight.output.find("issues.csv"), std::string::npos) << weight.output;
}

}  // namespace
}  // namespace geo::test

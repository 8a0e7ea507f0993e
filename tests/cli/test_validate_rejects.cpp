// `geowalk validate --rejects FILE` (issue 23): the row-level rejects in a CSV that Excel opens (UTF-8 with a BOM) or
// a GeoPackage, without running analyses; and the loud stop, exit 1, when a source loses every feature.
#include "load/fixture.hpp"
#include "support.hpp"

#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <map>

namespace geo::test {

namespace {

// Nine issue rows, four of them bad for four different reasons (no reason has more than half of the rows).
const char* issues_csv = "编号,类别,发现时间,经度,纬度\n"
                         "R1,river_ditch,2017-02-21,100.42,38.92\n"
                         "R2,village_road,2017-02-21,100.46,38.92\n"
                         "R3,river_ditch,someday,100.43,38.915\n"
                         "R4,river_ditch,2017-02-21,100.44,38.93\n"
                         "R5,roads,2017-02-21,100.44,38.91\n"
                         "R6,river_ditch,2017-02-21,100.60,38.91\n"
                         "R7,river_ditch,2017-02-21,,\n"
                         "R8,village_road,2017-02-22,100.47,38.94\n"
                         "R9,village_road,2017-02-22,100.48,38.94\n";

std::string quoted(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

// The features of a layer by their `row` field.
std::map<std::string, OGRFeatureUniquePtr> by_row(OGRLayer& layer)
{
    std::map<std::string, OGRFeatureUniquePtr> out;
    layer.ResetReading();
    while (OGRFeatureUniquePtr f{layer.GetNextFeature()}) {
        std::string row = f->GetFieldAsString("row");
        out.emplace(std::move(row), std::move(f));
    }
    return out;
}

}  // namespace

TEST(ValidateRejects, CsvWithBomAndGpkgWithPlacedGeometry)
{
    MiniTown town;
    write_text(town.dir / "issues.csv", issues_csv);
    (void)town.spec("[issues]\nsource = \"issues.csv\"\n");
    const auto campaign = quoted(town.dir / "campaign.toml");

    const auto csv = run_geowalk("validate --quiet " + campaign + " --rejects " + quoted(town.dir / "rejects.csv"));
    ASSERT_EQ(csv.exit_code, 0) << csv.output;
    // The text names each row by its line in issues.csv (header = line 1): R3 is on line 4, R7 on line 8.
    EXPECT_NE(csv.output.find("Rejects (4 rows):"), std::string::npos) << csv.output;
    EXPECT_NE(csv.output.find("issues.csv line 4: unparseable_date (rejected)"), std::string::npos) << csv.output;
    EXPECT_NE(csv.output.find("issues.csv line 8: no_geometry (rejected)"), std::string::npos) << csv.output;

    const std::string text = read_text(town.dir / "rejects.csv");
    ASSERT_GE(text.size(), 3u);
    EXPECT_EQ(text.substr(0, 3), "\xEF\xBB\xBF");  // the UTF-8 byte-order mark Excel needs for Chinese
    // One header line and one line per reject (no field here spans lines).
    long long lines = 0;
    for (char ch : text) lines += ch == '\n' ? 1 : 0;
    EXPECT_EQ(lines, 1 + 4);
    EXPECT_NE(text.find("类别"), std::string::npos);  // attributes kept as UTF-8 text
    {
        GDALDatasetUniquePtr ds = open_readonly(town.dir / "rejects.csv", GDAL_OF_VECTOR);
        ASSERT_TRUE(ds);
        OGRLayer* layer = ds->GetLayer(0);
        ASSERT_TRUE(layer);
        EXPECT_EQ(layer->GetFeatureCount(), 4);
        const auto rows = by_row(*layer);
        for (const char* row : {"line 4", "line 6", "line 7", "line 8"}) EXPECT_EQ(rows.count(row), 1u) << row;
        ASSERT_EQ(rows.count("line 6"), 1u);
        EXPECT_STREQ(rows.at("line 6")->GetFieldAsString("reason"), "unknown_category");
        EXPECT_STREQ(rows.at("line 6")->GetFieldAsString("source"), "issues.csv");
    }

    const auto gpkg = run_geowalk("validate --quiet " + campaign + " --rejects " + quoted(town.dir / "rejects.gpkg"));
    ASSERT_EQ(gpkg.exit_code, 0) << gpkg.output;
    GDALDatasetUniquePtr ds = open_readonly(town.dir / "rejects.gpkg", GDAL_OF_VECTOR);
    ASSERT_TRUE(ds);
    OGRLayer* layer = ds->GetLayerByName("rejects");
    ASSERT_TRUE(layer);
    EXPECT_EQ(layer->GetFeatureCount(), 4);
    const auto rows = by_row(*layer);
    ASSERT_EQ(rows.size(), 4u);
    // R7 has no coordinates: no geometry. R6 lies east of the villages: placed where it is, in the campaign's CRS
    // (UTM 47N for these villages), which OGR computes here independently.
    EXPECT_EQ(rows.at("line 8")->GetGeometryRef(), nullptr);
    const OGRGeometry* outside = rows.at("line 7")->GetGeometryRef();
    ASSERT_NE(outside, nullptr);
    ASSERT_EQ(wkbFlatten(outside->getGeometryType()), wkbPoint);
    OGRSpatialReference wgs84, utm;
    wgs84.SetWellKnownGeogCS("WGS84");
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    utm.importFromEPSG(32647);
    utm.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    const std::unique_ptr<OGRCoordinateTransformation> to_utm(OGRCreateCoordinateTransformation(&wgs84, &utm));
    double x = 100.60, y = 38.91;
    ASSERT_TRUE(to_utm->Transform(1, &x, &y));
    EXPECT_NEAR(outside->toPoint()->getX(), x, 0.01);
    EXPECT_NEAR(outside->toPoint()->getY(), y, 0.01);
    const OGRSpatialReference* srs = layer->GetSpatialRef();
    ASSERT_TRUE(srs);
    EXPECT_STREQ(srs->GetAuthorityCode(nullptr), "32647");

    // Another extension is a usage error, before anything is read; nothing is written.
    const auto usage = run_geowalk("validate --quiet " + campaign + " --rejects " + quoted(town.dir / "rejects.txt"));
    EXPECT_EQ(usage.exit_code, 2) << usage.output;
    EXPECT_FALSE(std::filesystem::exists(town.dir / "rejects.txt"));
    // No temporary file is left beside the outputs.
    for (const auto& entry : std::filesystem::directory_iterator(town.dir.path()))
        EXPECT_EQ(entry.path().filename().string().find(".tmp-"), std::string::npos) << entry.path();
}

TEST(ValidateRejects, ALostLayerStopsValidateAndRunUnlessAllowed)
{
    MiniTown town;
    write_projected_rivers(town.dir / "rivers.geojson");
    const std::string rivers = "[[network]]\nsource = \"rivers.geojson\"\ncategory = \"river_ditch\"\n";
    (void)town.spec(rivers);
    const auto campaign = quoted(town.dir / "campaign.toml");

    // validate prints its report and writes the rejects, then stops: exit 1 with the source and the fix.
    const auto validate = run_geowalk("validate --quiet " + campaign + " --rejects " + quoted(town.dir / "r.csv"));
    EXPECT_EQ(validate.exit_code, 1) << validate.output;
    EXPECT_NE(validate.output.find("rivers.geojson, layer 'rivers': 12 of 12 network lines rejected"), std::string::npos)
        << validate.output;
    EXPECT_NE(validate.output.find("crs = \"EPSG:…\""), std::string::npos) << validate.output;
    EXPECT_NE(validate.output.find("rivers.geojson feature 0: coordinates_out_of_range"), std::string::npos)
        << validate.output;
    GDALDatasetUniquePtr ds = open_readonly(town.dir / "r.csv", GDAL_OF_VECTOR);
    ASSERT_TRUE(ds);
    EXPECT_EQ(ds->GetLayer(0)->GetFeatureCount(), 12);

    // run stops the same way, before any output is written.
    const auto run = run_geowalk("run --quiet " + campaign + " --out " + quoted(town.dir / "out"));
    EXPECT_EQ(run.exit_code, 1) << run.output;
    EXPECT_NE(run.output.find("12 of 12 network lines rejected"), std::string::npos) << run.output;
    EXPECT_FALSE(std::filesystem::exists(town.dir / "out" / "geowalk.gpkg"));

    // allow_rejects = true: a warning line, exit 0.
    (void)town.spec(rivers + "allow_rejects = true\n");
    const auto allowed = run_geowalk("validate --quiet " + campaign);
    EXPECT_EQ(allowed.exit_code, 0) << allowed.output;
    EXPECT_NE(allowed.output.find("warning: rivers.geojson, layer 'rivers': 12 of 12 network lines rejected"),
              std::string::npos)
        << allowed.output;
}

}  // namespace geo::test

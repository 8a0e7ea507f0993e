// End-to-end runs of the geowalk binary: what a planner types, what comes out, and the exit codes.
#include "support.hpp"

#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <ogrsf_frmts.h>

namespace geo::test {

namespace {

long long feature_count(const std::filesystem::path& gpkg, const char* layer)
{
    GDALDatasetUniquePtr ds(GDALDataset::Open(gpkg.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!ds) return -1;
    OGRLayer* l = ds->GetLayerByName(layer);
    return l ? l->GetFeatureCount() : -1;
}

}  // namespace

TEST(Cli, HelpExplainsEveryCommand)
{
    const auto overview = run_geowalk("--help");
    EXPECT_EQ(overview.exit_code, 0);
    for (const char* command : {"demo", "run", "validate"}) {
        EXPECT_NE(overview.output.find(command), std::string::npos);
        const auto help = run_geowalk(std::string(command) + " --help");
        EXPECT_EQ(help.exit_code, 0) << command;
        EXPECT_NE(help.output.find("Usage: geowalk " + std::string(command)), std::string::npos) << help.output;
    }
    EXPECT_EQ(run_geowalk("").exit_code, 2);
    EXPECT_EQ(run_geowalk("frobnicate").exit_code, 2);
    EXPECT_EQ(run_geowalk("run --bogus x").exit_code, 2);
    EXPECT_EQ(run_geowalk("demo --out /tmp/x --scale 0").exit_code, 2);
}

TEST(Cli, UserErrorsExitOneAndNameTheFile)
{
    TempDir dir;
    const auto missing = run_geowalk("validate '" + (dir / "nope.toml").string() + "'");
    EXPECT_EQ(missing.exit_code, 1);
    EXPECT_NE(missing.output.find("nope.toml"), std::string::npos);
    write_text(dir / "c.toml", "[villages]\nsource = \"v.gpkg\"\n[[network]]\nsource = \"r.gpkg\"\ncategory = \"road\"\n");
    const auto bad = run_geowalk("validate '" + (dir / "c.toml").string() + "'");
    EXPECT_EQ(bad.exit_code, 1);
    EXPECT_NE(bad.output.find("c.toml:5"), std::string::npos) << bad.output;
    EXPECT_NE(bad.output.find("hint:"), std::string::npos) << bad.output;
}

TEST(Cli, DemoWritesTheSampleTownAndEveryOutput)
{
    TempDir dir;
    const auto demo = run_geowalk("demo --quiet --out '" + dir.path().string() + "'");
    ASSERT_EQ(demo.exit_code, 0) << demo.output;
    EXPECT_NE(demo.output.find("none unexplained"), std::string::npos) << demo.output;
    EXPECT_TRUE(std::filesystem::exists(dir / "input/campaign.toml"));
    const auto gpkg = dir / "geowalk.gpkg";
    EXPECT_EQ(feature_count(gpkg, "villages"), 12);
    EXPECT_GT(feature_count(gpkg, "network"), 50);
    EXPECT_GT(feature_count(gpkg, "sites"), 20);
    EXPECT_GT(feature_count(gpkg, "tracks"), 30);
    EXPECT_GT(feature_count(gpkg, "issues"), 1900);
    EXPECT_GT(feature_count(gpkg, "rejects"), 0);

    // summary.json: loaded + rejected = read for every source, and the GeoPackage agrees with it.
    const auto summary = nlohmann::json::parse(read_text(dir / "summary.json"));
    long long issues_loaded = 0, rejected = 0;
    for (const auto& s : summary["inputs"]) {
        EXPECT_EQ(s["read"].get<long long>(), s["loaded"].get<long long>() + s["rejected"].get<long long>()) << s.dump();
        for (const char* key : {"role", "source", "layer", "reasons"}) EXPECT_TRUE(s.contains(key)) << key;
        if (s["role"] == "issues") issues_loaded += s["loaded"].get<long long>();
        rejected += s["rejected"].get<long long>();
    }
    EXPECT_EQ(issues_loaded, feature_count(gpkg, "issues"));
    EXPECT_LE(rejected, feature_count(gpkg, "rejects"));  // the rejects layer also lists repairs and notes

    // No staging folder is left behind, and a second run over the same folder is idempotent.
    for (const auto& entry : std::filesystem::directory_iterator(dir.path().parent_path()))
        EXPECT_EQ(entry.path().filename().string().find("." + dir.path().filename().string() + ".partial"), std::string::npos);
    const auto again = run_geowalk("run --quiet '" + (dir / "input/campaign.toml").string() + "' --out '" + dir.path().string() + "'");
    ASSERT_EQ(again.exit_code, 0) << again.output;
    EXPECT_EQ(nlohmann::json::parse(read_text(dir / "summary.json")), summary);
}

TEST(Cli, CoveragePrintsTheMatrixAndWritesItsLayers)
{
    TempDir dir;
    const auto campaign = (source_dir() / "data/sample/campaign.toml").string();
    const auto r = run_geowalk("coverage --quiet --no-maps --no-report '" + campaign + "' --out '" + dir.path().string() + "'");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("Ten-walk coverage matrix"), std::string::npos);
    EXPECT_NE(r.output.find("甘浚村"), std::string::npos);
    const auto gpkg = dir / "geowalk.gpkg";
    for (const char* layer : {"network_coverage", "uncovered", "site_coverage", "village_coverage", "village_matrix", "blind_areas"})
        EXPECT_GT(feature_count(gpkg, layer), 0) << layer;
    EXPECT_EQ(feature_count(gpkg, "village_matrix"), 12);
    EXPECT_EQ(feature_count(gpkg, "village_coverage"), 120);
    const auto summary = nlohmann::json::parse(read_text(dir / "summary.json"));
    const auto& cov = summary["coverage"];
    EXPECT_EQ(cov["sight"]["default_m"].get<double>(), 30.0);
    EXPECT_GT(cov["covered_m"].get<double>(), 0.0);
    EXPECT_LE(cov["covered_m"].get<double>(), cov["length_m"].get<double>());
    EXPECT_NEAR(cov["length_m"].get<double>() / 1000.0, summary["campaign"]["network_km"].get<double>(), 1e-6);
    double by_village_length = 0;
    for (const auto& row : cov["by_village"]) by_village_length += row.value("length_m", 0.0);
    EXPECT_LE(by_village_length, cov["length_m"].get<double>() + 1e-6);
    EXPECT_GT(by_village_length, 0.95 * cov["length_m"].get<double>());
    for (const char* key : {"dead_corners", "blind_area_km2", "sites"}) EXPECT_TRUE(cov.contains(key)) << key;

    // walk_distance.tif: Float32 COG in the campaign CRS, nodata outside villages, distances >= 0 inside.
    GDALDatasetUniquePtr tif(GDALDataset::Open((dir / "walk_distance.tif").c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    ASSERT_TRUE(tif);
    GDALRasterBand* band = tif->GetRasterBand(1);
    EXPECT_EQ(band->GetRasterDataType(), GDT_Float32);
    int has_nodata = 0;
    const double nodata = band->GetNoDataValue(&has_nodata);
    EXPECT_TRUE(has_nodata);
    EXPECT_NE(std::string(tif->GetSpatialRef()->GetName()).find("CM 99E"), std::string::npos);
    double min_max[2] = {0, 0};
    ASSERT_EQ(band->ComputeRasterMinMax(FALSE, min_max), CE_None);
    EXPECT_GE(min_max[0], 0.0);
    EXPECT_GT(min_max[1], 200.0);  // the nearly unwalked village is far from any walk
    EXPECT_NE(min_max[0], nodata);

    // A larger sight never lowers coverage; absurd ones are usage errors.
    TempDir wide;
    ASSERT_EQ(run_geowalk("coverage --quiet --no-maps --no-report --sight 60 '" + campaign + "' --out '" + wide.path().string() + "'").exit_code, 0);
    const auto wide_summary = nlohmann::json::parse(read_text(wide / "summary.json"));
    EXPECT_GT(wide_summary["coverage"]["covered_m"].get<double>(), cov["covered_m"].get<double>());
    for (const char* bad : {"0", "-3", "5001", "abc"}) {
        const auto e = run_geowalk("coverage --quiet --sight " + std::string(bad) + " '" + campaign + "' --out '" + wide.path().string() + "'");
        EXPECT_EQ(e.exit_code, 2) << bad << e.output;
        EXPECT_NE(e.output.find("sight"), std::string::npos) << e.output;
    }
}

// --walk-distance pixel_centres: walk_distance.tif says what it measures and stays within half a pixel diagonal of
// the exact raster; an unknown measure is a usage error that names the choices.
TEST(Cli, WalkDistanceToPixelCentresIsWithinHalfAPixelDiagonalOfExact)
{
    const auto campaign = (source_dir() / "data/sample/campaign.toml").string();
    TempDir exact;
    TempDir centres;
    const std::string fast = " --quiet --no-maps --no-report '" + campaign + "' --out '";
    ASSERT_EQ(run_geowalk("coverage" + fast + exact.path().string() + "'").exit_code, 0);
    const auto r = run_geowalk("coverage --walk-distance pixel_centres" + fast + centres.path().string() + "'");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    auto values = [](const std::filesystem::path& tif, std::string& measure) {
        GDALDatasetUniquePtr ds(GDALDataset::Open(tif.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
        EXPECT_TRUE(ds);
        GDALRasterBand* band = ds->GetRasterBand(1);
        const char* item = ds->GetMetadataItem("GEOWALK_MEASURE");
        measure = item != nullptr ? item : "";
        std::vector<float> out(static_cast<std::size_t>(ds->GetRasterXSize()) * ds->GetRasterYSize());
        EXPECT_EQ(band->RasterIO(GF_Read, 0, 0, ds->GetRasterXSize(), ds->GetRasterYSize(), out.data(),
                                 ds->GetRasterXSize(), ds->GetRasterYSize(), GDT_Float32, 0, 0),
                  CE_None);
        return out;
    };
    std::string exact_measure;
    std::string centres_measure;
    const auto e = values(exact / "walk_distance.tif", exact_measure);
    const auto c = values(centres / "walk_distance.tif", centres_measure);
    EXPECT_NE(exact_measure.find("exact distance"), std::string::npos) << exact_measure;
    EXPECT_NE(centres_measure.find("gdal_proximity"), std::string::npos) << centres_measure;
    // summary.json says so too.
    for (const auto& [dir, name] : {std::pair{exact.path(), "exact"}, std::pair{centres.path(), "pixel_centres"}}) {
        const auto coverage = nlohmann::json::parse(read_text(dir / "summary.json"))["coverage"];
        EXPECT_EQ(coverage.value("walk_distance", ""), name);
        EXPECT_EQ(coverage.value("pixel_m", 0.0), 10.0);
    }
    ASSERT_EQ(e.size(), c.size());
    double largest = 0;
    for (std::size_t i = 0; i < e.size(); ++i) {
        ASSERT_EQ(e[i] == -9999.0F, c[i] == -9999.0F) << i;
        largest = std::max(largest, std::abs(double(e[i]) - double(c[i])));
    }
    EXPECT_LE(largest, 0.5 * std::sqrt(2.0) * 10.0 + 0.01);  // 10 m pixels
    EXPECT_GT(largest, 1.0);
    const auto bad = run_geowalk("coverage --walk-distance chamfer" + fast + centres.path().string() + "'");
    EXPECT_EQ(bad.exit_code, 2);
    EXPECT_NE(bad.output.find("pixel_centres"), std::string::npos) << bad.output;
}

TEST(Cli, FailedRunLeavesPreviousOutputsIntact)
{
    TempDir dir;
    ASSERT_EQ(run_geowalk("demo --quiet --no-maps --no-report --out '" + dir.path().string() + "'").exit_code, 0);
    const std::string before = read_text(dir / "summary.json");
    // Break one source: the run fails before anything is moved into place.
    write_text(dir / "input/rivers.geojson", "{ truncated");
    const auto failed = run_geowalk("run --quiet '" + (dir / "input/campaign.toml").string() + "' --out '" + dir.path().string() + "'");
    EXPECT_EQ(failed.exit_code, 1);
    EXPECT_NE(failed.output.find("rivers.geojson"), std::string::npos) << failed.output;
    EXPECT_EQ(read_text(dir / "summary.json"), before);
    EXPECT_EQ(feature_count(dir / "geowalk.gpkg", "villages"), 12);
}

TEST(Cli, CommittedSampleIsWhatDemoGenerates)
{
    // data/sample is `geowalk demo`'s input folder for the default seed, committed so planners can read it;
    // it must not drift from the generator.
    TempDir dir;
    ASSERT_EQ(run_geowalk("demo --quiet --no-maps --no-report --out '" + dir.path().string() + "'").exit_code, 0);
    const auto committed = source_dir() / "data/sample";
    std::size_t files = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir / "input")) {
        if (!entry.is_regular_file()) continue;
        const auto relative = std::filesystem::relative(entry.path(), dir / "input");
        SCOPED_TRACE(relative.string());
        ASSERT_TRUE(std::filesystem::exists(committed / relative));
        EXPECT_EQ(read_text(entry.path()) == read_text(committed / relative), true);
        ++files;
    }
    EXPECT_GT(files, 40u);
}

TEST(Cli, CommittedSampleValidatesWithNoUnexplainedLoss)
{
    const auto r = run_geowalk("validate --quiet '" + (source_dir() / "data/sample/campaign.toml").string() + "'");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("none unexplained"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("Loaded: 12 villages"), std::string::npos) << r.output;
    // A block's many files are one row of the table, with their count as the folder holds them.
    for (const char* folder : {"wgs84", "gcj02"}) {
        int files = 0;
        for (const auto& f : std::filesystem::directory_iterator(source_dir() / "data/sample/tracks" / folder))
            files += f.path().extension() == ".gpx" ? 1 : 0;
        ASSERT_GT(files, 10) << folder;
        const std::string row = std::string("tracks/") + folder + "/… (" + std::to_string(files) + " files)";
        EXPECT_NE(r.output.find(row), std::string::npos) << row << "\n" << r.output;
    }
}

// `render DIR` redraws the maps and leaves the report; `report DIR` redraws the report and the maps (one language).
TEST(Cli, RenderAndReportRedrawAnEarlierRunInPlace)
{
    TempDir dir("geowalk-redraw");
    std::filesystem::copy(sample_run(), dir.path(), std::filesystem::copy_options::recursive);
    ASSERT_TRUE(std::filesystem::exists(dir / "maps/coverage.png"));
    ASSERT_TRUE(std::filesystem::exists(dir / "report.pdf"));
    const auto report_time = std::filesystem::last_write_time(dir / "report.pdf");

    const auto render = run_geowalk("render --quiet '" + dir.path().string() + "' --lang zh --map-format pdf");
    ASSERT_EQ(render.exit_code, 0) << render.output;
    EXPECT_TRUE(std::filesystem::exists(dir / "maps/coverage.pdf"));
    // The PNG maps and their world files were the previous drawing: gone, not left beside the new ones.
    for (const auto& f : std::filesystem::directory_iterator(dir / "maps"))
        EXPECT_EQ(f.path().extension(), ".pdf") << f.path();
    EXPECT_EQ(std::filesystem::last_write_time(dir / "report.pdf"), report_time) << "render must leave the report";

    const auto maps_time = std::filesystem::last_write_time(dir / "maps/coverage.pdf");
    const auto report = run_geowalk("report --quiet '" + dir.path().string() + "' --lang zh");
    ASSERT_EQ(report.exit_code, 0) << report.output;
    EXPECT_NE(std::filesystem::last_write_time(dir / "report.pdf"), report_time);
    // The maps are redrawn with the report, so both speak the language asked for, in the form they had (PDF).
    EXPECT_NE(std::filesystem::last_write_time(dir / "maps/coverage.pdf"), maps_time) << "report DIR redraws the maps too";
    for (const auto& f : std::filesystem::directory_iterator(dir / "maps"))
        EXPECT_EQ(f.path().extension(), ".pdf") << f.path();
    // Nothing but the outputs: no staging folder left beside them.
    for (const auto& f : std::filesystem::directory_iterator(dir.path().parent_path()))
        EXPECT_EQ(f.path().filename().string().find("." + dir.path().filename().string() + ".partial-"), std::string::npos);

    const auto empty = run_geowalk("render --quiet '" + (dir / "maps").string() + "'");
    EXPECT_EQ(empty.exit_code, 1) << empty.output;
    EXPECT_NE(empty.output.find("manifest.json"), std::string::npos) << empty.output;
}

}  // namespace geo::test

// One step run into a folder that holds a whole run replaces only its own outputs: the other analyses' layers,
// rasters and figures stay, marked stale when the input data changed since, and maps or a report the step did not
// redraw stay too, marked stale until `render`/`report` redraws them.
#include "support.hpp"

#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <ogrsf_frmts.h>

#include <fstream>
#include <set>

namespace geo::test {

namespace {

namespace fs = std::filesystem;

// Every file under `dir`, relative to it.
std::set<std::string> files_under(const fs::path& dir)
{
    std::set<std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file()) out.insert(fs::relative(e.path(), dir).string());
    return out;
}

// Layer name -> feature count, read with OGR.
std::map<std::string, long long> layer_counts(const fs::path& gpkg)
{
    std::map<std::string, long long> out;
    GDALDatasetUniquePtr ds(GDALDataset::Open(gpkg.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!ds) return out;
    for (OGRLayer* l : ds->GetLayers()) out[l->GetName()] = l->GetFeatureCount();
    return out;
}

const nlohmann::json* analysis_entry(const nlohmann::json& manifest, const std::string& name)
{
    for (const auto& a : manifest["analyses"])
        if (a["name"] == name) return &a;
    return nullptr;
}

}  // namespace

TEST(PartialSteps, CoverageAfterRunKeepsEverythingOfTheRun)
{
    TempDir dir("geowalk-partial");
    fs::copy(sample_run(), dir.path(), fs::copy_options::recursive);
    const auto before_files = files_under(dir.path());
    const auto before_layers = layer_counts(dir / "geowalk.gpkg");
    const auto before = nlohmann::json::parse(read_text(dir / "summary.json"));
    ASSERT_TRUE(before_files.count("report.pdf") && before_files.count("density.tif") && before_files.count("maps/coverage.png"));

    const auto campaign = (source_dir() / "data/sample/campaign.toml").string();
    const auto step = run_geowalk("coverage --quiet --no-maps --no-report --sight 60 '" + campaign + "' --out '" +
                                  dir.path().string() + "'");
    ASSERT_EQ(step.exit_code, 0) << step.output;

    // Nothing of the run is missing: every file, every layer with its features (the coverage layers anew).
    const auto after_files = files_under(dir.path());
    for (const auto& f : before_files) EXPECT_TRUE(after_files.count(f)) << f << " was lost";
    const auto after_layers = layer_counts(dir / "geowalk.gpkg");
    for (const auto& [name, count] : before_layers) {
        ASSERT_TRUE(after_layers.count(name)) << "layer " << name << " was lost";
        if (name.rfind("hotspot", 0) == 0 || name == "rebounds" || name == "emerging_hotspots") {
            EXPECT_EQ(after_layers.at(name), count) << name;
        }
    }
    // The coverage figures are the new ones, the hotspot figures the run's.
    const auto after = nlohmann::json::parse(read_text(dir / "summary.json"));
    EXPECT_GT(after["coverage"]["covered_m"].get<double>(), before["coverage"]["covered_m"].get<double>());
    EXPECT_EQ(after["hotspots"], before["hotspots"]);
    EXPECT_EQ(after["options"]["hotspots"], before["options"]["hotspots"]);
    EXPECT_EQ(after["options"]["coverage"]["sight"].get<double>(), 60.0) << after["options"]["coverage"].dump();

    // The manifest says what was kept and that it is current (same inputs), and that the maps and the report
    // predate the step; the step said so too.
    const auto manifest = nlohmann::json::parse(read_text(dir / "manifest.json"));
    const auto* hot = analysis_entry(manifest, "hotspots");
    const auto* cov = analysis_entry(manifest, "coverage");
    ASSERT_TRUE(hot && cov) << manifest["analyses"].dump();
    EXPECT_TRUE((*hot)["carried"].get<bool>());
    EXPECT_FALSE((*hot)["stale"].get<bool>());
    EXPECT_FALSE((*cov)["carried"].get<bool>());
    std::set<std::string> stale;
    for (const auto& s : manifest["stale"]) stale.insert(s["path"].get<std::string>());
    EXPECT_EQ(stale, (std::set<std::string>{"maps", "report.pdf"}));
    EXPECT_NE(step.output.find("Kept from the earlier hotspots run"), std::string::npos) << step.output;
    EXPECT_NE(step.output.find("geowalk render"), std::string::npos) << step.output;
    // The GeoJSON copies follow the GeoPackage, carried layers included.
    EXPECT_TRUE(fs::exists(dir / "geojson/hotspot_cells.geojson"));

    // Redrawing the maps clears their stale mark and leaves the report's.
    const auto render = run_geowalk("render --quiet '" + dir.path().string() + "'");
    ASSERT_EQ(render.exit_code, 0) << render.output;
    const auto redrawn = nlohmann::json::parse(read_text(dir / "manifest.json"));
    ASSERT_EQ(redrawn["stale"].size(), 1U) << redrawn["stale"].dump();
    EXPECT_EQ(redrawn["stale"][0]["path"], "report.pdf");
}

TEST(PartialSteps, KeptResultsOnChangedInputsAreStaleAndSaidSo)
{
    TempDir dir("geowalk-partial-stale");
    fs::copy(sample_run(), dir.path(), fs::copy_options::recursive);
    // The same campaign with one issue fewer: the run's hotspots no longer rest on these inputs.
    TempDir input("geowalk-partial-input");
    fs::copy(source_dir() / "data/sample", input.path(), fs::copy_options::recursive);
    std::string issues = read_text(input / "issues.csv");
    issues.erase(issues.find_last_of('\n', issues.size() - 2) + 1);
    std::ofstream(input / "issues.csv", std::ios::binary | std::ios::trunc) << issues;

    const auto step = run_geowalk("coverage --quiet --no-maps --no-report '" + (input / "campaign.toml").string() +
                                  "' --out '" + dir.path().string() + "'");
    ASSERT_EQ(step.exit_code, 0) << step.output;
    const auto manifest = nlohmann::json::parse(read_text(dir / "manifest.json"));
    const auto* hot = analysis_entry(manifest, "hotspots");
    ASSERT_TRUE(hot) << manifest["analyses"].dump();
    EXPECT_TRUE((*hot)["carried"].get<bool>());
    EXPECT_TRUE((*hot)["stale"].get<bool>());
    EXPECT_NE(step.output.find("warning: kept the earlier hotspots run's outputs"), std::string::npos) << step.output;
    EXPECT_NE(step.output.find("geowalk hotspots '"), std::string::npos) << step.output;
    EXPECT_TRUE(fs::exists(dir / "density.tif"));
    EXPECT_GT(layer_counts(dir / "geowalk.gpkg")["hotspot_cells"], 0);

    // A whole run brings everything up to date: nothing carried, nothing stale.
    const auto run = run_geowalk("run --quiet --no-maps --no-report '" + (input / "campaign.toml").string() +
                                 "' --out '" + dir.path().string() + "'");
    ASSERT_EQ(run.exit_code, 0) << run.output;
    const auto fresh = nlohmann::json::parse(read_text(dir / "manifest.json"));
    for (const auto& a : fresh["analyses"]) EXPECT_FALSE(a["carried"].get<bool>()) << a.dump();
}

}  // namespace geo::test

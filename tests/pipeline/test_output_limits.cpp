// What a run leaves out on purpose: GeoJSON copies above the size limits (lowered here; the CLI keeps 200,000
// features and 100 MB) and village maps beyond the village limit, each recorded in manifest.json and summary.json
// with the reason and how to get it. The GeoPackage keeps every layer.
#include "libgeo/campaign/campaign_file.hpp"
#include "libgeo/coverage/coverage.hpp"
#include "libgeo/export/manifest.hpp"
#include "libgeo/load/loader.hpp"
#include "libgeo/pipeline/outputs.hpp"
#include "support.hpp"

#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <ogrsf_frmts.h>

#include <set>

namespace geo::test {
namespace {

const nlohmann::json* find_skipped(const nlohmann::json& list, const std::string& path)
{
    for (const auto& s : list)
        if (s.at("path") == path) return &s;
    return nullptr;
}

TEST(OutputLimits, LayersAboveTheLimitAreLeftOutAndRecorded)
{
    TempDir dir("geowalk-output-limits");
    const Campaign campaign = load::load_campaign(campaign::read_campaign_file(source_dir() / "data/sample/campaign.toml"));
    coverage::CoverageOptions options;
    options.pixel_m = 0;  // no raster: the layers are what this test is about
    pipeline::AnalysisResults results;
    results.coverage = coverage::analyse(campaign, options);
    pipeline::PresentationOptions presentation;
    presentation.maps = false;
    presentation.report = false;
    // The villages layer (one feature per village) is within the limit; larger layers are not.
    presentation.geojson.max_features = static_cast<long long>(campaign.villages.size());
    pipeline::write_run_outputs(campaign, results, dir.path(), presentation);

    // The oracle: the GeoPackage's own feature counts.
    GDALDatasetUniquePtr gpkg = open_readonly(dir / "geowalk.gpkg", GDAL_OF_VECTOR);
    ASSERT_TRUE(gpkg);
    const nlohmann::json manifest = nlohmann::json::parse(read_text(dir / "manifest.json"));
    const nlohmann::json summary = nlohmann::json::parse(read_text(dir / "summary.json"));
    int left_out = 0, copied = 0;
    for (OGRLayer* layer : gpkg->GetLayers()) {
        if (layer->GetGeomType() == wkbNone) continue;
        const std::string name = layer->GetName();
        SCOPED_TRACE(name);
        const std::string path = "geojson/" + name + ".geojson";
        const bool above = layer->GetFeatureCount(TRUE) > static_cast<GIntBig>(campaign.villages.size());
        EXPECT_EQ(std::filesystem::exists(dir / path), !above);
        const nlohmann::json* in_manifest = find_skipped(manifest.at("skipped"), path);
        const nlohmann::json* in_summary = find_skipped(summary.at("skipped"), path);
        EXPECT_EQ(in_manifest != nullptr, above);
        EXPECT_EQ(in_summary != nullptr, above);
        if (above && in_manifest && in_summary) {
            ++left_out;
            EXPECT_NE(in_manifest->at("reason").get<std::string>().find("features, more than"), std::string::npos);
            EXPECT_NE(in_manifest->at("remedy").get<std::string>().find("--geojson all"), std::string::npos);
            EXPECT_NE(in_manifest->at("remedy").get<std::string>().find("ogr2ogr"), std::string::npos);
            EXPECT_EQ(*in_manifest, *in_summary);
        }
        copied += above ? 0 : 1;
    }
    EXPECT_GT(left_out, 0);
    EXPECT_GT(copied, 0);
    // The manifest reads back with what was left out.
    EXPECT_EQ(output::read_manifest(dir.path()).skipped.size(), manifest.at("skipped").size());
}

// The library's check of a --village-maps list, before the analyses: names, codes and numbers of the villages.
TEST(OutputLimits, VillageListIsCheckedAgainstTheCampaign)
{
    const Campaign campaign = load::load_campaign(campaign::read_campaign_file(source_dir() / "data/sample/campaign.toml"));
    ASSERT_GE(campaign.villages.size(), 2u);
    render::VillageMapChoice choice;
    choice.mode = render::VillageMapChoice::Mode::listed;
    choice.villages = {campaign.villages[0].name, std::to_string(campaign.villages[1].id)};
    EXPECT_NO_THROW(pipeline::check_village_maps(campaign, choice));
    choice.villages = {campaign.villages[0].name, "Nowhere village"};
    try {
        pipeline::check_village_maps(campaign, choice);
        FAIL() << "expected a UsageError";
    } catch (const UsageError& e) {
        EXPECT_NE(std::string(e.what()).find("Nowhere village"), std::string::npos) << e.what();
        EXPECT_NE(e.hint().find(campaign.villages[0].name), std::string::npos) << e.hint();
    }
}

}  // namespace
}  // namespace geo::test

// The READMEs' "your own data, step by step" campaign file is what a planner copies first: it must load as printed,
// in English and in Chinese, on a folder laid out as the READMEs describe it (made here from the sample town).
#include "libgeo/campaign/campaign_file.hpp"
#include "libgeo/load/loader.hpp"

#include "support.hpp"

#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include <map>

using namespace geo;

namespace {

// The TOML block that follows the line starting with `marker` (the step that shows the campaign file).
std::string toml_block_after(const std::string& text, const std::string& marker)
{
    const auto step = text.find("\n" + marker);
    if (step == std::string::npos) return {};
    const auto open = text.find("```toml\n", step);
    if (open == std::string::npos) return {};
    const auto start = open + 8;
    const auto close = text.find("```", start);
    return close == std::string::npos ? std::string() : text.substr(start, close - start);
}

// The folder of step 1–5, from the sample town: villages as a Shapefile with a NAME column, roads in a GeoPackage
// with a class column of the README's two values, rivers, the WGS 84 walks and the issue register.
void make_mytown(const std::filesystem::path& dir)
{
    const auto sample = test::source_dir() / "data" / "sample";
    const auto q = [](const std::filesystem::path& p) { return "'" + p.string() + "'"; };
    const std::string town = q(sample / "town.gpkg");
    for (const std::string& command :
         {"ogr2ogr -f 'ESRI Shapefile' -lco ENCODING=UTF-8 " + q(dir / "villages.shp") + " " + town +
              " -dialect SQLite -sql 'SELECT geom, name AS NAME FROM villages'",
          "ogr2ogr -f GPKG " + q(dir / "roads.gpkg") + " " + town + " -nln roads -dialect SQLite -sql \"SELECT geom, name, "
              "CASE WHEN class IN ('highway', 'named_road') THEN 'highway' ELSE 'village' END AS class FROM roads\"",
          "cp " + q(sample / "rivers.geojson") + " " + q(sample / "issues.csv") + " " + q(dir),
          "mkdir -p " + q(dir / "tracks") + " && cp " + q(sample / "tracks" / "wgs84") + "/*.gpx " + q(dir / "tracks")}) {
        const auto result = test::run_command(command + " 2>&1");
        ASSERT_EQ(result.exit_code, 0) << command << "\n" << result.output;
    }
}

// Features in a file's layer as GDAL counts them, independently of the loader.
long long feature_count(const std::filesystem::path& file, const char* layer = nullptr)
{
    auto ds = test::open_readonly(file, GDAL_OF_VECTOR);
    if (!ds) return -1;
    OGRLayer* l = layer ? ds->GetLayerByName(layer) : ds->GetLayer(0);
    return l ? l->GetFeatureCount(TRUE) : -1;
}

void expect_loads_as_printed(const std::string& readme, const std::string& marker)
{
    SCOPED_TRACE(readme);
    const std::string toml = toml_block_after(test::read_text(test::source_dir() / readme), marker);
    ASSERT_FALSE(toml.empty()) << "no ```toml block after a line starting with '" << marker << "'";
    test::TempDir dir("geowalk-readme");
    ASSERT_NO_FATAL_FAILURE(make_mytown(dir.path()));
    test::write_text(dir / "campaign.toml", toml);

    const Campaign c = load::load_campaign(campaign::read_campaign_file(dir / "campaign.toml"));
    const auto sample = test::source_dir() / "data" / "sample";
    // Every feature of every file is read; all but the issues load whole. The sample register holds ten deliberately
    // bad rows (README, "The sample town"), so its loaded count may fall short by that many.
    std::map<std::string, long long> read;
    for (const auto& s : c.diagnostics.sources()) {
        SCOPED_TRACE(s.source);
        read[std::filesystem::path(s.source).filename().string()] += s.read;
        if (s.source.find("issues") == std::string::npos) EXPECT_EQ(s.loaded, s.read);
        else EXPECT_GE(s.loaded, s.read - 10);
    }
    EXPECT_EQ(read["villages.shp"], feature_count(sample / "town.gpkg", "villages"));
    EXPECT_EQ(read["roads.gpkg"], feature_count(sample / "town.gpkg", "roads"));  // two blocks, every road in one
    EXPECT_EQ(read["rivers.geojson"], feature_count(sample / "rivers.geojson"));
    EXPECT_EQ(read["issues.csv"], feature_count(sample / "issues.csv"));
    EXPECT_EQ(c.villages.size(), static_cast<std::size_t>(feature_count(sample / "town.gpkg", "villages")));
    EXPECT_FALSE(c.tracks.empty());
    for (const auto& v : c.villages) EXPECT_FALSE(v.name.empty());  // NAME is the column the README names
}

}  // namespace

TEST(ReadmeCampaign, TheStepByStepCampaignLoadsAsPrinted)
{
    expect_loads_as_printed("README.md", "**6. The campaign file.**");
}

TEST(ReadmeCampaign, TheChineseStepByStepCampaignLoadsAsPrinted)
{
    expect_loads_as_printed("README.zh.md", "**第六步");
}

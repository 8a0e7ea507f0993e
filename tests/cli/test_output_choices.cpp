// What a command writes besides the GeoPackage, as asked: --geojson all|none|LAYERS, --village-maps
// all|none|NAMES, refused names listed; every geometry table of geowalk.gpkg keeps its R-tree, carried layers too;
// the presentation options' --help lines are the README's rows.
#include "support.hpp"

#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <ogrsf_frmts.h>

#include <set>
#include <sstream>

namespace geo::test {
namespace {

std::string sample_campaign() { return "'" + (source_dir() / "data/sample/campaign.toml").string() + "'"; }

std::set<std::string> files_in(const std::filesystem::path& dir, const std::string& prefix = "", const std::string& ext = "")
{
    std::set<std::string> out;
    if (!std::filesystem::is_directory(dir)) return out;
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
        const std::string name = e.path().filename().string();
        if (name.starts_with(prefix) && name.ends_with(ext)) out.insert(name);
    }
    return out;
}

std::set<std::string> geometry_layers(const std::filesystem::path& gpkg)
{
    GDALDatasetUniquePtr ds = open_readonly(gpkg, GDAL_OF_VECTOR);
    std::set<std::string> out;
    for (OGRLayer* layer : ds->GetLayers())
        if (layer->GetGeomType() != wkbNone) out.insert(layer->GetName());
    return out;
}

// Every table of gpkg_geometry_columns has its R-tree registered in gpkg_extensions and present as a table, read
// with SQLite's own SQL (not through the OGR layer, which would hide a missing index).
void expect_rtree_for_every_geometry_table(const std::filesystem::path& gpkg)
{
    GDALDatasetUniquePtr ds = open_readonly(gpkg, GDAL_OF_VECTOR);
    ASSERT_TRUE(ds);
    std::vector<std::pair<std::string, std::string>> columns;
    if (OGRLayer* r = ds->ExecuteSQL("SELECT table_name, column_name FROM gpkg_geometry_columns", nullptr, nullptr)) {
        for (auto& f : *r) columns.emplace_back(f->GetFieldAsString(0), f->GetFieldAsString(1));
        ds->ReleaseResultSet(r);
    }
    ASSERT_GE(columns.size(), 5u);
    std::set<std::string> tables, extensions;
    if (OGRLayer* r = ds->ExecuteSQL("SELECT name FROM sqlite_master WHERE type = 'table'", nullptr, nullptr)) {
        for (auto& f : *r) tables.insert(f->GetFieldAsString(0));
        ds->ReleaseResultSet(r);
    }
    if (OGRLayer* r = ds->ExecuteSQL("SELECT table_name, column_name FROM gpkg_extensions WHERE extension_name = "
                                     "'gpkg_rtree_index'",
                                     nullptr, nullptr)) {
        for (auto& f : *r) extensions.insert(std::string(f->GetFieldAsString(0)) + "/" + f->GetFieldAsString(1));
        ds->ReleaseResultSet(r);
    }
    for (const auto& [table, column] : columns) {
        SCOPED_TRACE(table);
        EXPECT_TRUE(extensions.count(table + "/" + column));
        EXPECT_TRUE(tables.count("rtree_" + table + "_" + column));
    }
}

TEST(CliOutputChoices, UnknownLayerOrVillageIsAUsageErrorListingTheNames)
{
    TempDir dir("geowalk-choices-usage");
    const auto layer = run_geowalk("coverage --quiet --geojson villages,hotspot_cell " + sample_campaign() + " --out '" +
                                   dir.path().string() + "'");
    EXPECT_EQ(layer.exit_code, 2) << layer.output;
    EXPECT_NE(layer.output.find("hotspot_cell'"), std::string::npos) << layer.output;
    EXPECT_NE(layer.output.find("hotspot_cells"), std::string::npos) << layer.output;
    EXPECT_NE(layer.output.find("network_coverage"), std::string::npos) << layer.output;
    const auto village = run_geowalk("coverage --quiet --village-maps 'Nowhere village' " + sample_campaign() +
                                     " --out '" + dir.path().string() + "'");
    EXPECT_EQ(village.exit_code, 2) << village.output;
    EXPECT_NE(village.output.find("Nowhere village"), std::string::npos) << village.output;
    EXPECT_FALSE(std::filesystem::exists(dir / "geowalk.gpkg")) << "refused before any output";
}

TEST(CliOutputChoices, GeojsonListNoneAndAll)
{
    TempDir dir("geowalk-choices-geojson");
    const std::string out = " --out '" + dir.path().string() + "'";
    const std::string fast = "coverage --quiet --no-maps --no-report --pixel 0 ";
    auto r = run_geowalk(fast + "--geojson villages,uncovered " + sample_campaign() + out);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_EQ(files_in(dir / "geojson"), (std::set<std::string>{"villages.geojson", "uncovered.geojson"}));

    // none: no copies written, and the earlier ones stay, marked stale in the manifest.
    r = run_geowalk(fast + "--geojson none " + sample_campaign() + out);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_EQ(files_in(dir / "geojson"), (std::set<std::string>{"villages.geojson", "uncovered.geojson"}));
    const auto manifest = nlohmann::json::parse(read_text(dir / "manifest.json"));
    bool stale = false;
    for (const auto& s : manifest.at("stale")) stale = stale || s.at("path") == "geojson";
    EXPECT_TRUE(stale) << manifest.at("stale").dump();

    r = run_geowalk(fast + "--geojson all " + sample_campaign() + out);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    std::set<std::string> expected;
    for (const auto& name : geometry_layers(dir / "geowalk.gpkg")) expected.insert(name + ".geojson");
    EXPECT_EQ(files_in(dir / "geojson"), expected);
    EXPECT_TRUE(nlohmann::json::parse(read_text(dir / "manifest.json")).at("stale").empty());

    // A fresh folder without --geojson: the sample town is far below the limits, so every layer is copied.
    TempDir fresh("geowalk-choices-default");
    r = run_geowalk(fast + sample_campaign() + " --out '" + fresh.path().string() + "'");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_EQ(files_in(fresh / "geojson"), expected);
    EXPECT_TRUE(nlohmann::json::parse(read_text(fresh / "summary.json")).at("skipped").empty());
}

// The GeoPackage keeps every layer with its spatial index: written ones, and those a step carries over from the
// folder's earlier run (copied table by table).
TEST(CliOutputChoices, EveryGeometryTableHasItsRtree)
{
    expect_rtree_for_every_geometry_table(sample_run() / "geowalk.gpkg");
    TempDir dir("geowalk-choices-rtree");
    const std::string out = " --out '" + dir.path().string() + "'";
    auto r = run_geowalk("hotspots --quiet --no-maps --no-report " + sample_campaign() + out);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    r = run_geowalk("coverage --quiet --no-maps --no-report --pixel 0 " + sample_campaign() + out);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    ASSERT_TRUE(geometry_layers(dir / "geowalk.gpkg").count("hotspot_cells")) << "carried over";
    expect_rtree_for_every_geometry_table(dir / "geowalk.gpkg");
}

// Under the limit every village has its map (the sample town: 12 villages); `render --village-maps NAMES` draws
// the town maps and those villages only, named by name or code, and the manifest no longer notes any left out.
TEST(CliOutputChoices, RenderDrawsTheNamedVillages)
{
    GDALDatasetUniquePtr gpkg = open_readonly(sample_run() / "geowalk.gpkg", GDAL_OF_VECTOR);
    OGRLayer* villages = gpkg->GetLayerByName("villages");
    ASSERT_NE(villages, nullptr);
    const auto village_count = static_cast<std::size_t>(villages->GetFeatureCount(TRUE));
    const auto drawn = files_in(sample_run() / "maps", "village_", ".png");
    EXPECT_EQ(drawn.size(), village_count);
    const auto town = files_in(sample_run() / "maps", "", ".png").size() - drawn.size();

    TempDir dir("geowalk-choices-render");
    std::filesystem::copy(sample_run(), dir.path(), std::filesystem::copy_options::recursive);
    std::string first_name;
    for (auto& f : *villages) {
        first_name = f->GetFieldAsString("name");
        break;
    }
    // The second village's map file names its code: village_<code>_<name>.png.
    const std::string second_file = *std::next(drawn.begin());
    const std::string second_code = second_file.substr(8, second_file.find('_', 8) - 8);
    const auto r = run_geowalk("render --quiet '" + dir.path().string() + "' --village-maps '" + first_name + "," +
                               second_code + "'");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const auto now = files_in(dir / "maps", "village_", ".png");
    EXPECT_EQ(now.size(), 2u);
    EXPECT_TRUE(now.count(second_file));
    EXPECT_EQ(files_in(dir / "maps", "", ".png").size() - now.size(), town);

    const auto unknown = run_geowalk("render --quiet '" + dir.path().string() + "' --village-maps 'Nowhere village'");
    EXPECT_EQ(unknown.exit_code, 2) << unknown.output;
    EXPECT_NE(unknown.output.find(first_name), std::string::npos) << unknown.output;
}

// The presentation options are declared once (apps/geowalk/presentation_args.cpp): their --help lines, as every
// command that writes outputs prints them, are rows of the README's table.
TEST(CliOutputChoices, TheReadmeListsEveryPresentationOption)
{
    const auto help = run_geowalk("run --help").output;
    const std::string readme = read_text(source_dir() / "README.md");
    std::istringstream lines(help.substr(help.find("  --quiet")));
    std::string line;
    std::getline(lines, line);  // --quiet
    std::vector<std::pair<std::string, std::string>> rows;
    while (std::getline(lines, line) && !line.starts_with("  --max-memory")) {
        if (line.starts_with("  --")) {
            const auto gap = line.find("  ", 2);
            rows.emplace_back(line.substr(2, gap == std::string::npos ? std::string::npos : gap - 2),
                              gap == std::string::npos ? "" : line.substr(line.find_first_not_of(' ', gap)));
        } else if (!rows.empty()) {
            rows.back().second += (rows.back().second.empty() ? "" : " ") + line.substr(line.find_first_not_of(' '));
        }
    }
    ASSERT_GE(rows.size(), 6u) << help;
    std::string all;
    bool missing = false;
    for (auto [usage, text] : rows) {
        std::string escaped;
        for (char c : usage) escaped += c == '|' ? std::string("\\|") : std::string(1, c);
        const std::string row = "| `" + escaped + "` | " + text + " |";
        all += row + "\n";
        missing = missing || readme.find(row + "\n") == std::string::npos;
    }
    EXPECT_FALSE(missing) << "README.md must hold these rows as they are (copy them in):\n" << all;
}

}  // namespace
}  // namespace geo::test

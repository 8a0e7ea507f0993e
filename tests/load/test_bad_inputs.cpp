// The bad-input corpus (tests/data/bad/, issue 6): one real file per failure class and input role, each loaded in
// its role through the real loader, with the exact outcome a planner sees — the fatal message (what, where, hint),
// the rejects rows, or the values accepted. tests/data/bad/README.md lists the same table in words.
#include "fixture.hpp"

#include "libgeo/core/error.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <set>

namespace geo::test {

namespace {

std::filesystem::path corpus_dir() { return source_dir() / "tests" / "data" / "bad"; }

// What loading one corpus file gives. Either `fatal` (InputError::full_message() with the temporary folder
// removed: "file, layer 'x': what\n  hint: ...") or the bookkeeping of the file's source: features read and
// loaded, and every row it put in the rejects layer as "feature N: reason (action): detail".
struct Expected {
    // Implicit, so that a fatal case reads as its message alone.
    Expected(std::string fatal_message) : fatal(std::move(fatal_message)) {}
    Expected(std::string fatal_message, long long features_read, long long features_loaded,
             std::vector<std::string> reject_rows = {}, std::function<void(const Campaign&)> check = {},
             std::function<void(const hotspot::HotspotOptions&)> hotspot_check = {})
        : fatal(std::move(fatal_message)), read(features_read), loaded(features_loaded), rows(std::move(reject_rows)),
          accepted(std::move(check)), hotspots(std::move(hotspot_check))
    {
    }

    std::string fatal;
    long long read = 0;
    long long loaded = 0;
    std::vector<std::string> rows;
    std::function<void(const Campaign&)> accepted;  // checks of the values loaded, when there is something to check
    std::function<void(const hotspot::HotspotOptions&)> hotspots;  // campaign files: the [hotspots] settings read
};

struct Case {
    Case(std::string role_name, std::string file_name, std::string block_keys, Expected outcome,
         std::string campaign_block_keys = {})
        : role(std::move(role_name)), file(std::move(file_name)), keys(std::move(block_keys)),
          expected(std::move(outcome)), campaign_keys(std::move(campaign_block_keys))
    {
    }

    std::string role;  // villages, network, sites, tracks, issues or campaign
    std::string file;  // under tests/data/bad/<role>/
    std::string keys;  // extra keys for the role's block in the campaign file
    Expected expected;
    std::string campaign_keys;  // extra keys for its [campaign] block
};

std::ostream& operator<<(std::ostream& out, const Case& c) { return out << c.role << "/" << c.file; }

// 2017-02-20T00:00+08:00 (`date -u -d '2017-02-19T16:00:00Z' +%s`): local midnight of the campaign's first day.
constexpr double feb20_local_midnight = 1487520000.0;

const std::string empty_hint = "\n  hint: the export or copy that made it did not finish; export or copy it again";
const std::string unreadable_hint =
    "\n  hint: it may be truncated, damaged, or another kind of file under this name; open it in QGIS to check";
const std::string no_crs = ", layer 'no_prj': the layer has no CRS and the campaign declares none\n"
                           "  hint: add crs = \"EPSG:…\" to this source's block (a Shapefile needs its .prj)";
const std::string toml_hint =
    "\n  hint: the campaign file must be TOML; see data/sample/campaign.toml for a complete example";
const std::string utf8_hint = "\n  hint: save it again with the encoding UTF-8 (in Notepad: Save As, Encoding: UTF-8)";
const std::string garbage = "garbage.geojson: GDAL does not recognise this file as any vector format" + unreadable_hint;
const std::string truncated = "truncated.gpkg: GDAL cannot read this file: database disk image is malformed" + unreadable_hint;
const std::string swapped_detail = "latitude and longitude look swapped (the point falls in the campaign area only "
                                   "when exchanged); fix the columns, or set fix_swapped = true in [campaign]";
const std::string metres_detail = "coordinates are not valid longitude/latitude degrees (they look like metres: the file "
                                  "may be projected but declared as WGS 84; set crs = \"EPSG:…\" for the source)";
const std::string null_island_detail = "the coordinates are (0, 0): the device had no position fix";
const std::string shared_name = "village name '甲村' is shared by 2 features: features 0 and 1 of duplicate_ids.geojson "
                                "(layer duplicate_ids); they stay separate villages (ids 1 and 2), but figures given per "
                                "village name will be ambiguous; give each its own name";

// A source that loses every feature (or most for one reason) stops the load unless its block allows it (issue 23).
const std::string crs_fix = "\n  hint: the numbers are not longitude/latitude in the CRS the file gives (a GeoJSON without a \"crs\" "
                            "member is read as WGS 84 degrees); declare the CRS it was made in with crs = \"EPSG:…\" in the "
                            "campaign for this source (a Shapefile needs its .prj); or set allow_rejects = true in this "
                            "source's block to load what remains";
const std::string lost_all = ": nothing of this source would be in any result";

const std::string three_unusable = "3 fixes: 3 without valid position, 0 duplicates, 0 inaccurate, 0 without time, "
                                   "0 out of time order, 0 spikes, 0 too fast, 0 isolated";

std::string too_few(const std::string& counts, const std::string& why = {})
{
    return "feature 0: too_few_fixes (rejected): fewer than two usable fixes are left (" + counts + ")" +
           (why.empty() ? "" : "; first fix without valid position: " + why);
}

std::vector<std::string> names_of(const std::vector<Village>& villages)
{
    std::vector<std::string> out;
    for (const auto& v : villages) out.push_back(v.name);
    return out;
}

std::string attribute_text(const Attributes& attributes, const std::string& name)
{
    const auto* value = find(attributes, name);
    return value ? to_text(*value) : "(missing)";
}

const std::vector<Case>& cases()
{
    static const std::vector<Case> all{
        // villages: the whole campaign is placed by them, so a file that cannot be read is fatal.
        {"villages", "empty.geojson", "", {"empty.geojson: the file is empty (0 bytes)" + empty_hint}},
        {"villages", "garbage.geojson", "", {garbage}},
        {"villages", "truncated.gpkg", "", {truncated}},
        {"villages", "wrong_nesting.geojson", "",
         {"wrong_nesting.geojson: GDAL cannot read this file: Invalid FeatureCollection object. Missing 'features' member." +
          unreadable_hint}},
        {"villages", "no_prj.shp", "", {"no_prj.shp" + no_crs}},
        {"villages", "no_prj.shp", "crs = \"EPSG:4326\"\n", {"", 2, 2, {}, [](const Campaign& c) {
             EXPECT_EQ(names_of(c.villages), (std::vector<std::string>{"甲村", "乙村"}));  // declaring the CRS fixes it
         }}},
        {"villages", "lonlat_swapped.csv", "",
         {"lonlat_swapped.csv, layer 'lonlat_swapped': the village layer's coordinates do not fit its CRS (latitude and "
          "longitude look swapped: fix the file's columns or axis order)\n"
          "  hint: check the CRS (.prj) of the file, or declare crs = \"EPSG:…\" in [villages]"}},
        {"villages", "projected_as_wgs84.geojson", "",
         {"projected_as_wgs84.geojson, layer 'projected_as_wgs84': the village layer's coordinates do not fit its CRS "
          "(they look like metres: the file may be projected but declared as WGS 84; set crs = \"EPSG:…\")\n"
          "  hint: check the CRS (.prj) of the file, or declare crs = \"EPSG:…\" in [villages]"}},
        {"villages", "gbk.csv", "", {"", 2, 2, {}, [](const Campaign& c) {
             EXPECT_EQ(names_of(c.villages), (std::vector<std::string>{"甲村", "乙村"}));
         }}},
        {"villages", "self_intersecting.geojson", "",
         {"", 2, 2, {"feature 0: invalid_geometry (repaired): invalid polygon repaired with GEOS MakeValid: "
                     "Self-intersection[623526.081519419 4309420.33283333]"}, [](const Campaign& c) {
             ASSERT_EQ(c.villages.size(), 2u);
             EXPECT_EQ(c.villages[0].area.size(), 2u);  // the bow-tie becomes two triangles
         }}},
        {"villages", "one_vertex.geojson", "",
         {"", 2, 1, {"feature 1: degenerate_geometry (rejected): the polygon has no area (Too few points in geometry "
                     "component[627436.070764949 4308926.10397115])"}}},
        {"villages", "null_island.geojson", "",
         {"", 2, 1, {"feature 1: point_at_0_0 (rejected): " + null_island_detail}, [](const Campaign& c) {
              EXPECT_EQ(c.crs.id, "EPSG:32647");  // the UTM zone of 甲村, not one pulled towards (0, 0)
          }}},
        {"villages", "duplicate_ids.geojson", "", {"", 2, 2, {"feature 0: duplicate_village_name (noted): " + shared_name,
                                                              "feature 1: duplicate_village_name (noted): " + shared_name},
                                                    [](const Campaign& c) {
             EXPECT_EQ(names_of(c.villages), (std::vector<std::string>{"甲村", "甲村"}));
         }}},

        // network
        {"network", "empty.gpkg", "", {"empty.gpkg: the file is empty (0 bytes)" + empty_hint}},
        {"network", "garbage.geojson", "", {garbage}},
        {"network", "truncated.gpkg", "", {truncated}},
        {"network", "wrong_nesting.geojson", "",
         {"", 2, 1, {"feature 0: no_geometry (rejected): the feature has no usable geometry (GDAL: Invalid 'x' coordinate. "
                     "Type is not double or integer for '[ 100.41, 38.909999999999997 ]'.)"}}},
        {"network", "no_prj.shp", "", {"no_prj.shp" + no_crs}},
        {"network", "lonlat_swapped.csv", "", {"", 2, 1, {"feature 1: lat_lon_swapped (rejected): " + swapped_detail}}},
        {"network", "gbk.csv", "", {"", 1, 1, {}, [](const Campaign& c) {
             ASSERT_EQ(c.network.size(), 1u);
             EXPECT_EQ(attribute_text(c.network[0].attributes, "名称"), "一号路");
         }}},
        {"network", "self_intersecting.geojson", "", {"", 1, 1, {}, [](const Campaign& c) {
             ASSERT_EQ(c.network.size(), 1u);
             EXPECT_EQ(c.network[0].line.size(), 4u);  // a road may cross itself: kept as drawn
         }}},
        {"network", "one_vertex.geojson", "allow_rejects = true\n",
         {"", 3, 1, {"feature 0: degenerate_geometry (rejected): the line has fewer than two distinct vertices",
                     "feature 1: degenerate_geometry (rejected): the line has fewer than two distinct vertices"}}},
        {"network", "null_island.geojson", "allow_rejects = true\n",
         {"", 3, 1, {"feature 0: point_at_0_0 (rejected): " + null_island_detail,
                     "feature 1: point_at_0_0 (rejected): a vertex is at (0, 0), far from the others: a position the "
                     "device did not have"}}},
        {"network", "projected_as_wgs84.geojson", "",
         {"projected_as_wgs84.geojson, layer 'projected_as_wgs84': 1 of 1 network line rejected, 1 as "
          "coordinates_out_of_range (first: feature 0: " + metres_detail + ")" + lost_all + crs_fix}},
        {"network", "projected_as_wgs84.geojson", "allow_rejects = true\n", {"", 1, 0, {"feature 0: coordinates_out_of_range (rejected): " + metres_detail}}},
        {"network", "duplicate_ids.geojson", "", {"", 2, 2, {}, [](const Campaign& c) { EXPECT_EQ(c.network.size(), 2u); }}},

        // sites
        {"sites", "empty.kml", "", {"empty.kml: the file is empty (0 bytes)" + empty_hint}},
        {"sites", "garbage.geojson", "", {garbage}},
        {"sites", "truncated.gpkg", "", {truncated}},
        {"sites", "wrong_nesting.geojson", "",
         {"", 2, 1, {"feature 0: no_geometry (rejected): the feature has no geometry"}}},
        {"sites", "no_prj.shp", "", {"no_prj.shp" + no_crs}},
        {"sites", "lonlat_swapped.csv", "", {"", 2, 1, {"feature 1: lat_lon_swapped (rejected): " + swapped_detail}}},
        {"sites", "gbk.csv", "", {"", 1, 1, {}, [](const Campaign& c) {
             ASSERT_EQ(c.sites.size(), 1u);
             EXPECT_EQ(c.sites[0].name, "甲村小学");
         }}},
        {"sites", "self_intersecting.geojson", "",
         {"", 1, 1, {"feature 0: invalid_geometry (repaired): invalid polygon repaired with GEOS MakeValid: "
                     "Self-intersection[623143.801183764 4308913.57320723]"}}},
        {"sites", "one_vertex.geojson", "allow_rejects = true\n",
         {"", 2, 0, {"feature 0: wrong_geometry_type (rejected): a site must be one point or a polygon (or a closed line "
                     "around it)",
                     "feature 1: degenerate_geometry (rejected): the polygon has no area (Too few points in geometry "
                     "component[627418.177311612 4310035.87814333])"}}},
        {"sites", "null_island.geojson", "", {"", 2, 1, {"feature 0: point_at_0_0 (rejected): " + null_island_detail}}},
        {"sites", "projected_as_wgs84.geojson", "allow_rejects = true\n", {"", 1, 0, {"feature 0: coordinates_out_of_range (rejected): " + metres_detail}}},
        {"sites", "duplicate_ids.geojson", "", {"", 2, 2, {}}},

        // tracks
        {"tracks", "empty.gpx", "", {"empty.gpx: the file is empty (0 bytes)" + empty_hint}},
        {"tracks", "garbage.geojson", "", {garbage}},
        {"tracks", "truncated.gpkg", "", {truncated}},
        {"tracks", "wrong_nesting.geojson", "allow_rejects = true\n",
         {"", 1, 0, {too_few("1 fixes: 1 without valid position, 0 duplicates, 0 inaccurate, 0 without time, 0 out of "
                             "time order, 0 spikes, 0 too fast, 0 isolated",
                             "the fix has no usable geometry (GDAL: Invalid 'x' coordinate. Type is not double or integer "
                             "for '[ 100.42, 38.920000000000002 ]'.)")}}},
        {"tracks", "no_prj.shp", "", {"", 1, 1, {}, [](const Campaign& c) {
             // GPS positions are WGS 84 by definition, so a track without .prj is read as such.
             ASSERT_EQ(c.tracks.size(), 1u);
             ASSERT_EQ(c.tracks[0].fixes.size(), 3u);
             EXPECT_DOUBLE_EQ(c.tracks[0].fixes[0].time, 1487556000.0);  // 2017-02-20 10:00 +08:00
         }}},
        {"tracks", "no_times.gpx", "",
         {"", 1, 1, {"feature 0: track_without_times (noted): the track has no times: kept without speed and gap checks, no walk dates"},
          [](const Campaign& c) {
              ASSERT_EQ(c.tracks.size(), 1u);
              EXPECT_FALSE(c.tracks[0].has_times);
              EXPECT_EQ(c.tracks[0].fixes.size(), 5u);
          }}},
        {"tracks", "backwards_times.gpx", "", {"", 1, 1, {}, [](const Campaign& c) {
             ASSERT_EQ(c.track_reports.size(), 1u);
             EXPECT_EQ(c.track_reports[0].cleaning.out_of_order, 2);
             EXPECT_EQ(c.track_reports[0].cleaning.fixes_kept, 4);
         }}},
        {"tracks", "lonlat_swapped.csv", "allow_rejects = true\n", {"", 1, 0, {too_few(three_unusable, swapped_detail)}}},
        {"tracks", "lonlat_swapped.csv", "",
         {"", 1, 1, {"feature 0: lat_lon_swapped (repaired): latitude and longitude were swapped and have been exchanged "
                     "(fix_swapped = true)"}},
         "fix_swapped = true\n"},
        {"tracks", "gbk.csv", "", {"", 1, 1, {}, [](const Campaign& c) {
             ASSERT_EQ(c.tracks.size(), 1u);
             EXPECT_EQ(c.tracks[0].fixes.size(), 3u);
             EXPECT_DOUBLE_EQ(c.tracks[0].fixes[2].time, 1487556020.0);  // 时间 found once decoded
         }}},
        {"tracks", "one_vertex.geojson", "allow_rejects = true\n",
         {"", 1, 0, {too_few("1 fixes: 0 without valid position, 0 duplicates, 0 inaccurate, 0 without time, 0 out of "
                             "time order, 0 spikes, 0 too fast, 1 isolated")}}},
        {"tracks", "null_island.gpx", "allow_rejects = true\n", {"", 1, 0, {too_few(three_unusable, null_island_detail)}}},
        {"tracks", "projected_as_wgs84.csv", "allow_rejects = true\n", {"", 1, 0, {too_few(three_unusable, metres_detail)}}},
        {"tracks", "duplicate_ids.gpx", "", {"", 2, 2, {}, [](const Campaign& c) {
             // Two recordings with the same name stay two tracks: the name is not an id.
             ASSERT_EQ(c.track_reports.size(), 2u);
             EXPECT_EQ(c.track_reports[0].name, "张三");
             EXPECT_EQ(c.track_reports[1].name, "张三");
             EXPECT_NE(c.track_reports[0].feature, c.track_reports[1].feature);
         }}},
        {"tracks", "dates.csv", "", {"", 1, 1, {}, [](const Campaign& c) {
             // 2017-02-20 10:00:00 +08:00 = 02:00:00Z = 1487556000, then every 10 s, written five ways.
             ASSERT_EQ(c.tracks.size(), 1u);
             ASSERT_EQ(c.tracks[0].fixes.size(), 5u);
             for (std::size_t i = 0; i < 5; ++i)
                 EXPECT_DOUBLE_EQ(c.tracks[0].fixes[i].time, 1487556000.0 + 10.0 * static_cast<double>(i)) << i;
         }}},

        // issues
        {"issues", "empty.csv", "", {"empty.csv: the file is empty (0 bytes)" + empty_hint}},
        {"issues", "garbage.geojson", "", {garbage}},
        {"issues", "truncated.gpkg", "", {truncated}},
        {"issues", "wrong_nesting.geojson", "",
         {"", 2, 1, {"feature 0: no_geometry (rejected): the feature has no geometry"}}},
        {"issues", "no_prj.shp", "", {"no_prj.shp" + no_crs}},
        {"issues", "lonlat_swapped.csv", "",
         {"", 2, 1, {"feature 1: lat_lon_swapped (rejected): " + swapped_detail}, [](const Campaign& c) {
              // The rejects row keeps the original attributes and geometry.
              const Problem& p = c.diagnostics.problems().back();
              EXPECT_EQ(attribute_text(p.attributes, "编号"), "A1");
              EXPECT_EQ(p.wkt, "POINT (38.92 100.42)");
          }}},
        {"issues", "lonlat_swapped.csv", "",
         {"", 2, 2, {"feature 1: lat_lon_swapped (repaired): latitude and longitude were swapped and have been exchanged "
                     "(fix_swapped = true)"}},
         "fix_swapped = true\n"},
        {"issues", "gbk.csv", "", {"", 1, 1, {}, [](const Campaign& c) {
             ASSERT_EQ(c.issues.size(), 1u);
             EXPECT_EQ(c.issues[0].code, "A1");
             EXPECT_EQ(c.issues[0].category, Category::village_road);  // 村道走路肩, found once decoded
             EXPECT_EQ(c.issues[0].problem, "生活垃圾");
         }}},
        {"issues", "null_island.csv", "", {"", 2, 1, {"feature 1: point_at_0_0 (rejected): " + null_island_detail}}},
        {"issues", "projected_as_wgs84.csv", "",
         {"projected_as_wgs84.csv, layer 'projected_as_wgs84': 1 of 1 issue rejected, 1 as coordinates_out_of_range "
          "(first: line 2: " + metres_detail + ")" + lost_all + crs_fix}},
        {"issues", "projected_as_wgs84.csv", "allow_rejects = true\n", {"", 1, 0, {"feature 1: coordinates_out_of_range (rejected): " + metres_detail}}},
        {"issues", "duplicate_ids.csv", "",
         {"", 2, 1, {"feature 2: duplicate_id (rejected): id 'A1' was already used by an earlier row"}, [](const Campaign& c) {
              ASSERT_EQ(c.issues.size(), 1u);
              EXPECT_EQ(c.issues[0].category, Category::village_road);  // the first row wins
          }}},
        {"issues", "dates.csv", "",
         {"", 6, 5, {"feature 6: unparseable_date (rejected): found date '20/02/2017' cannot be read; write it as "
                     "2017-02-20 (day-first dates such as 20/02/2017 are not guessed)"},
          [](const Campaign& c) {
              // 2017-02-20, 2017/2/20, 20170220, 2017年2月20日 and Excel's 42786 are the same day.
              ASSERT_EQ(c.issues.size(), 5u);
              for (const Issue& i : c.issues) {
                  ASSERT_TRUE(i.found) << i.code;
                  EXPECT_DOUBLE_EQ(*i.found, feb20_local_midnight) << i.code;
              }
          }}},

        // campaign: the file itself
        {"campaign", "empty.toml", "",
         {"empty.toml: the campaign has no [villages] section\n"
          "  hint: add [villages] with source = \"…\" naming the village boundary polygons"}},
        {"campaign", "garbage.toml", "",
         {"garbage.toml:1:1: the campaign file is not UTF-8 text (Encountered invalid utf-8 sequence)" + utf8_hint}},
        {"campaign", "truncated.toml", "",
         {"truncated.toml:5:23: Error while parsing string: encountered end-of-file" + toml_hint}},
        {"campaign", "gbk.toml", "",
         {"gbk.toml:2:8: the campaign file is not UTF-8 text (Encountered invalid utf-8 sequence)" + utf8_hint}},
        {"campaign", "wrong_nesting.toml", "",
         {"wrong_nesting.toml:4:1: villages must be a section like [villages]\n  hint: write [villages] once, with single "
          "brackets: the campaign has one villages block"}},
        {"campaign", "duplicate_ids.toml", "",
         {"duplicate_ids.toml:7:1: Error while parsing table header: cannot redefine existing table 'villages'" + toml_hint}},
        {"campaign", "geographic_crs.toml", "",
         {"geographic_crs.toml: EPSG:4326 is not a projected CRS\n  hint: analysis needs metres: use a projected CRS "
          "such as a UTM or Gauss-Kruger zone, or crs = \"auto\""}},
        {"campaign", "dates.toml", "", {"", 0, 0, {}, {}, [](const hotspot::HotspotOptions& o) {
             // from = 2017-02-20 (a TOML date, no quotes) and to = "2017年2月28日": local midnights.
             EXPECT_EQ(o.filter.from, feb20_local_midnight);
             EXPECT_EQ(o.filter.to, feb20_local_midnight + 8 * 86400.0);
         }}},
        {"campaign", "dates_day_first.toml", "",
         {"dates_day_first.toml:8:8: [hotspots] from = '20/02/2017' is not a date\n"
          "  hint: write dates as 2017-02-20 (or 2017/2/20, 20170220, 2017年2月20日)"}},
    };
    return all;
}

// The role's block of the campaign file for a source named `file`.
std::string block(const Case& c, const std::string& file)
{
    const std::string source = "source = \"" + file + "\"\n" + c.keys;
    if (c.role == "villages") return "[villages]\n" + source;
    if (c.role == "network") return "[[network]]\n" + source + "category = \"village_road\"\n";
    if (c.role == "sites") return "[[sites]]\n" + source + "category = \"school_clinic\"\n";
    if (c.role == "tracks") return "[[tracks]]\n" + source;
    return "[issues]\n" + source;
}

// Copies the corpus file, with its Shapefile companions, into dir.
void copy_case_files(const Case& c, const std::filesystem::path& dir)
{
    const auto from = corpus_dir() / c.role / c.file;
    for (const auto& entry : std::filesystem::directory_iterator(from.parent_path()))
        if (entry.path().stem() == from.stem())
            std::filesystem::copy_file(entry.path(), dir / entry.path().filename());
}

std::string without_dir(std::string text, const std::filesystem::path& dir)
{
    const std::string prefix = dir.string() + "/";
    for (auto at = text.find(prefix); at != std::string::npos; at = text.find(prefix)) text.erase(at, prefix.size());
    return text;
}

std::string row_text(const Problem& p)
{
    return "feature " + std::to_string(p.feature) + ": " + p.reason + " (" + std::string(to_string(p.action)) +
           "): " + p.detail;
}

class BadInput : public testing::TestWithParam<Case> {};

TEST_P(BadInput, HasItsExactOutcome)
{
    const Case& c = GetParam();
    MiniTown town;
    copy_case_files(c, town.dir.path());
    const Expected& want = c.expected;
    Campaign campaign;
    hotspot::HotspotOptions options;
    try {
        if (c.role == "campaign") {
            const campaign::CampaignSpec spec = campaign::read_campaign_file(town.dir / c.file);
            campaign = load::load_campaign(spec);
            options = spec.hotspots;  // where [hotspots] dates are read
        } else {
            const std::string text = c.role == "villages" ? block(c, c.file) : "[villages]\nsource = \"villages.geojson\"\n" + block(c, c.file);
            write_text(town.dir / "campaign.toml", "[campaign]\nname = \"bad\"\n" + c.campaign_keys + text);
            campaign = load::load_campaign(campaign::read_campaign_file(town.dir / "campaign.toml"));
        }
    } catch (const InputError& e) {
        EXPECT_EQ(without_dir(e.full_message(), town.dir.path()), want.fatal);
        return;
    }
    ASSERT_EQ("", want.fatal) << "loading succeeded where it should fail";
    if (c.role != "campaign") {
        const std::string role = c.role;
        int index = -1;
        for (std::size_t i = 0; i < campaign.diagnostics.sources().size(); ++i)
            if (campaign.diagnostics.sources()[i].role == role) index = static_cast<int>(i);
        ASSERT_GE(index, 0);
        const SourceSummary& s = campaign.diagnostics.sources().at(static_cast<std::size_t>(index));
        EXPECT_EQ(s.source, c.file);
        EXPECT_EQ(s.read, want.read);
        EXPECT_EQ(s.loaded, want.loaded);
        std::vector<std::string> rows;
        for (const Problem& p : campaign.diagnostics.problems())
            if (p.source == index) rows.push_back(row_text(p));
        EXPECT_EQ(rows, want.rows);
    }
    if (want.accepted) want.accepted(campaign);
    if (want.hotspots) want.hotspots(options);
}

std::string case_name(const testing::TestParamInfo<Case>& info)
{
    std::string name = info.param.role + "_" + info.param.file;
    if (!info.param.keys.empty() || !info.param.campaign_keys.empty())
        name += "_with_" + info.param.keys + info.param.campaign_keys;
    std::string out;
    for (char ch : name)
        if (std::isalnum(static_cast<unsigned char>(ch))) out += ch;
        else if (out.empty() || out.back() != '_') out += '_';
    while (!out.empty() && out.back() == '_') out.pop_back();
    return out;
}

INSTANTIATE_TEST_SUITE_P(Corpus, BadInput, testing::ValuesIn(cases()), case_name);

// The corpus and the table stay in step: every file has its case (Shapefile companions go with their .shp) and
// every file is described in the README.
TEST(BadInputCorpus, EveryFileHasACaseAndAReadmeRow)
{
    std::set<std::string> tested;
    for (const Case& c : cases()) tested.insert(c.role + "/" + c.file);
    const std::string readme = read_text(corpus_dir() / "README.md");
    for (const char* role : {"villages", "network", "sites", "tracks", "issues", "campaign"})
        for (const auto& entry : std::filesystem::directory_iterator(corpus_dir() / role)) {
            const std::string ext = entry.path().extension().string();
            if (ext == ".shx" || ext == ".dbf" || ext == ".cpg") continue;
            const std::string name = std::string(role) + "/" + entry.path().filename().string();
            EXPECT_TRUE(tested.count(name)) << name << " has no case";
            EXPECT_NE(readme.find("`" + name + "`"), std::string::npos) << name << " is not in the README";
        }
}

}  // namespace

}  // namespace geo::test

#include "libgeo/core/error.hpp"
#include "libgeo/campaign/campaign_file.hpp"

#include <gtest/gtest.h>

namespace geo::campaign {

namespace {

InputError parse_error(const std::string& text)
{
    try {
        parse_campaign_text(text, "/data/campaign.toml");
    } catch (const InputError& e) {
        return e;
    }
    ADD_FAILURE() << "no error for:\n" << text;
    return InputError("none");
}

}  // namespace

TEST(CampaignFile, ParsesEveryRoleWithDefaults)
{
    const auto spec = parse_campaign_text(R"(
[campaign]
name = "甘浚镇"
crs = "cgcs2000"

[villages]
source = "town.gpkg"
layer = "villages"

[[network]]
source = "roads.gpkg"
where = "class = 'highway'"
category = "highway_shoulder"
sight_m = 50

[[network]]
source = "rivers.geojson"
category = "河渠沟道走两边"

[[sites]]
source = "sites.kml"
category = "school_clinic"

[tracks]
source = ["tracks/*.gpx", "more.gpx"]
coords = "GCJ-02"

[issues]
source = "issues.csv"
[issues.fields]
id = "编号"

[coverage]
sight_m = 25
[hotspots]
radius_m = 300
kernel = "quartic"
)", "/data/campaign.toml");
    EXPECT_EQ(spec.name, "甘浚镇");
    EXPECT_EQ(spec.crs, "cgcs2000");
    EXPECT_EQ(spec.base_dir, "/data");
    ASSERT_TRUE(spec.villages);
    EXPECT_EQ(spec.villages->name_field, "");  // found by common names at load time
    ASSERT_EQ(spec.network.size(), 2u);
    EXPECT_EQ(spec.network[0].sight_m, 50.0);
    EXPECT_EQ(spec.network[1].category, Category::river_ditch);
    EXPECT_FALSE(spec.network[1].sight_m);
    ASSERT_EQ(spec.tracks.size(), 1u);
    EXPECT_EQ(spec.tracks[0].paths.size(), 2u);
    EXPECT_EQ(spec.tracks[0].coords, "gcj02");
    EXPECT_EQ(spec.tracks[0].max_speed_mps, 4.0);
    EXPECT_EQ(spec.issues->fields.at("id"), "编号");
    EXPECT_EQ(spec.coverage.sight_m, 25.0);
    EXPECT_EQ(spec.hotspots.kde.radius_m, 300.0);
    EXPECT_EQ(spec.hotspots.kde.kernel, raster::Kernel::quartic);
}

TEST(CampaignFile, TracksSpeedWindow)
{
    const std::string head = "[villages]\nsource = \"v\"\n[[tracks]]\nsource = \"t.gpx\"\n";
    const auto defaults = parse_campaign_text(head, "/data/campaign.toml");
    EXPECT_EQ(defaults.tracks.at(0).speed_window_s, 10.0);  // the defaults the README states
    EXPECT_EQ(defaults.tracks.at(0).speed_window_m, 25.0);
    const auto set = parse_campaign_text(head + "speed_window_s = 30\nspeed_window_m = 0\n", "/data/campaign.toml");
    EXPECT_EQ(set.tracks.at(0).speed_window_s, 30.0);
    EXPECT_EQ(set.tracks.at(0).speed_window_m, 0.0);
    EXPECT_NE(parse_error(head + "speed_window_s = -1\n").message().find("out of range"), std::string::npos);
    EXPECT_NE(parse_error(head + "speed_window_m = \"far\"\n").message().find("must be a number"), std::string::npos);
}

TEST(CampaignFile, SyntaxErrorNamesLineAndColumn)
{
    const auto e = parse_error("[villages]\nsource = \"a.gpkg\n");
    ASSERT_TRUE(e.where().line);
    EXPECT_EQ(*e.where().line, 2);
    EXPECT_EQ(e.where().file, "/data/campaign.toml");
    EXPECT_NE(e.full_message().find("campaign.toml:2"), std::string::npos) << e.full_message();
}

TEST(CampaignFile, UnknownCategoryIsFatalAndListsTheCodes)
{
    const auto e = parse_error("[villages]\nsource = \"v.gpkg\"\n[[network]]\nsource = \"r.gpkg\"\ncategory = \"roads\"\n");
    EXPECT_NE(e.message().find("unknown category 'roads'"), std::string::npos);
    EXPECT_NE(e.hint().find("village_road"), std::string::npos);
    EXPECT_EQ(*e.where().line, 5);
}

TEST(CampaignFile, TyposInKeysAreNotIgnored)
{
    const auto e = parse_error("[villages]\nsorce = \"v.gpkg\"\n");
    EXPECT_NE(e.message().find("unknown key 'sorce'"), std::string::npos);
    EXPECT_NE(e.hint().find("source"), std::string::npos);
}

TEST(CampaignFile, BadValuesAreExplained)
{
    EXPECT_NE(parse_error("[villages]\nsource = 3\n").message().find("'source' must be"), std::string::npos);
    EXPECT_NE(parse_error("[villages]\nsource = \"v\"\ncoords = \"mars\"\n").hint().find("gcj02"), std::string::npos);
    EXPECT_NE(parse_error("[villages]\nsource = \"v\"\n[coverage]\nsight_m = -1\n").message().find("out of range"),
              std::string::npos);
    EXPECT_NE(parse_error("[villages]\nsource = \"v\"\n[coverage]\nsight_m = 6000\n").message().find("out of range"),
              std::string::npos);
    EXPECT_NE(parse_error("[network]\nsource = \"v\"\ncategory = \"village_road\"\n").message().find("[villages]"),
              std::string::npos);
    EXPECT_NE(parse_error("[[network]]\ncategory = \"village_road\"\n[villages]\nsource = \"v\"\n").message().find("no 'source'"),
              std::string::npos);
}

TEST(CampaignFile, HotspotSettingsAreCheckedWhereTheyAreWritten)
{
    const std::string head = "[villages]\nsource = \"v\"\n[hotspots]\n";
    const auto spec = parse_campaign_text(head + "kernel = \"gaussian\"\ncategories = [\"village_road\", \"河渠沟道走两边\"]\n"
                                                 "statuses = [\"验收合格\"]\nper_km2 = true\nfrom = \"2017-02-20\"\n",
                                          "/data/campaign.toml");
    EXPECT_EQ(spec.hotspots.kde.kernel, raster::Kernel::gaussian);
    EXPECT_EQ(spec.hotspots.filter.categories, (std::set<Category>{Category::village_road, Category::river_ditch}));
    EXPECT_EQ(spec.hotspots.filter.statuses, std::set<Status>{Status::accepted});
    EXPECT_TRUE(spec.hotspots.kde.per_km2);
    // 2017-02-20 00:00 at the default +08:00 is 2017-02-19 16:00 UTC.
    ASSERT_TRUE(spec.hotspots.filter.from);
    EXPECT_EQ(*spec.hotspots.filter.from, 1487548800.0 - 8 * 3600.0);
    EXPECT_FALSE(spec.hotspots.gi_rate);
    EXPECT_TRUE(parse_campaign_text(head + "gi_rate = true\n", "/data/campaign.toml").hotspots.gi_rate);
    EXPECT_NE(parse_error(head + "gi_rate = \"yes\"\n").message().find("gi_rate"), std::string::npos);
    EXPECT_NE(parse_error(head + "radus_m = 300\n").message().find("unknown key 'radus_m'"), std::string::npos);
    const auto kernel = parse_error(head + "kernel = \"cubic\"\n");
    EXPECT_NE(kernel.hint().find("epanechnikov"), std::string::npos);
    EXPECT_EQ(*kernel.where().line, 4);
    EXPECT_NE(parse_error(head + "radius_m = -5\n").message().find("out of range"), std::string::npos);
    EXPECT_NE(parse_error(head + "categories = \"village_road\"\n").message().find("list"), std::string::npos);
    EXPECT_NE(parse_error(head + "categories = [\"roads\"]\n").message().find("'roads' is not known"),
              std::string::npos);
    EXPECT_NE(parse_error(head + "categories = [\"roads\"]\n").hint().find("walk code"), std::string::npos);
    EXPECT_NE(parse_error(head + "statuses = [\"done\"]\n").message().find("'done' is not known"), std::string::npos);
    EXPECT_NE(parse_error(head + "statuses = [\"done\"]\n").hint().find("rectified"), std::string::npos);
}

TEST(CampaignFile, WalkDistanceMeasureIsOneOfTwoNames)
{
    const std::string head = "[villages]\nsource = \"v\"\n[coverage]\n";
    EXPECT_EQ((parse_campaign_text(head, "/data/campaign.toml").coverage).walk_distance,
              raster::DistanceMeasure::to_segments);
    EXPECT_EQ((parse_campaign_text(head + "walk_distance = \"pixel_centres\"\n", "/data/campaign.toml").coverage)
                  .walk_distance,
              raster::DistanceMeasure::to_seed_centres);
    EXPECT_EQ((parse_campaign_text(head + "walk_distance = \"exact\"\n", "/data/campaign.toml").coverage)
                  .walk_distance,
              raster::DistanceMeasure::to_segments);
    const auto wrong = parse_error(head + "walk_distance = \"chamfer\"\n");
    EXPECT_NE(wrong.message().find("[coverage] walk_distance: 'chamfer' is not known"), std::string::npos);
    EXPECT_NE(wrong.hint().find("pixel_centres"), std::string::npos);
    EXPECT_EQ(*wrong.where().line, 4);
    EXPECT_THROW(raster::parse_distance_measure("chamfer"), UsageError);
}

TEST(CampaignFile, MissingFileSaysHowToGetAnExample)
{
    try {
        read_campaign_file("/nonexistent/campaign.toml");
        FAIL();
    } catch (const InputError& e) {
        EXPECT_EQ(e.where().file, "/nonexistent/campaign.toml");
        EXPECT_NE(e.hint().find("geowalk demo"), std::string::npos);
    }
}

}  // namespace geo::campaign

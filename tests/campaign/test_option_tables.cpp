// The option tables are the one declaration of every analysis option: these tests hold the README, the campaign file
// and the command line to them.
#include "libgeo/campaign/campaign_file.hpp"
#include "libgeo/campaign/option_values.hpp"
#include "libgeo/core/error.hpp"
#include "libgeo/coverage/options.hpp"
#include "libgeo/hotspot/options.hpp"
#include "libgeo/route/options.hpp"

#include "support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>

using namespace geo;

namespace {

// The README's row of an option: | `key` | `--flag` | default | allowed | meaning |.
std::string readme_row(std::string_view section, const options::Spec& spec, const options::Value& fallback)
{
    const auto code = [](std::string_view text) { return text.empty() ? std::string("–") : "`" + std::string(text) + "`"; };
    std::string value = campaign::value_text(spec, fallback, 480);
    if (!value.empty() && spec.kind == options::Kind::number && !spec.unit.empty()) value += " " + std::string(spec.unit);
    std::string allowed = spec.allowed();
    if (allowed.starts_with("use ")) allowed = allowed.substr(4);
    if (allowed.empty()) allowed = "any text";
    return "| " + (spec.key.empty() ? std::string("–") : "`[" + std::string(section) + "] " + std::string(spec.key) + "`") +
           " | " + (spec.flag.empty() ? std::string("–") : code("--" + std::string(spec.flag))) + " | " +
           (value.empty() ? std::string("–") : value) + " | " + allowed + " | " + std::string(spec.help) + " |";
}

template <class Options>
void expect_readme_rows(const options::Table<Options>& table)
{
    const std::string readme = test::read_text(test::source_dir() / "README.md");
    const auto defaults = table.values(Options{});
    std::string all;
    bool missing = false;
    for (std::size_t i = 0; i < table.size(); ++i) {
        const std::string row = readme_row(table.section(), table.specs()[i], defaults[i]);
        all += row + "\n";
        missing = missing || readme.find(row + "\n") == std::string::npos;
    }
    EXPECT_FALSE(missing) << "README.md must hold these rows as they are (copy them in):\n" << all;
}

template <class Options>
void expect_well_declared(const options::Table<Options>& table)
{
    std::set<std::string_view> keys, flags;
    for (const auto& spec : table.specs()) {
        SCOPED_TRACE(spec.name(table.section()));
        EXPECT_FALSE(spec.key.empty() && spec.flag.empty());
        EXPECT_FALSE(spec.help.empty());
        if (!spec.key.empty()) {
            EXPECT_TRUE(keys.insert(spec.key).second) << "key twice";
        }
        if (!spec.flag.empty()) {
            EXPECT_TRUE(flags.insert(spec.flag).second) << "flag twice";
        }
        if (spec.kind == options::Kind::number || spec.kind == options::Kind::whole) {
            EXPECT_LT(spec.min, spec.max);
        }
        if (spec.kind == options::Kind::choice) {
            EXPECT_GE(spec.choices.size(), 2u);
        }
    }
    // The defaults are within their own ranges.
    EXPECT_NO_THROW(table.check(Options{}));
}

// A campaign file with `key = value` in the table's section.
campaign::CampaignSpec campaign_with(std::string_view section, std::string_view key, const std::string& value)
{
    return campaign::parse_campaign_text("[villages]\nsource = \"v\"\n[" + std::string(section) + "]\n" +
                                             std::string(key) + " = " + value + "\n",
                                         "/data/campaign.toml");
}

// Every number that both the campaign file and the command line set is refused by both just beyond its range and
// taken by both at its ends, with the same value in the options.
template <class Options>
void expect_same_ranges(const options::Table<Options>& table, Options campaign::CampaignSpec::*options_of)
{
    for (std::size_t i = 0; i < table.size(); ++i) {
        const auto& spec = table.specs()[i];
        if (spec.key.empty() || spec.flag.empty()) continue;
        if (spec.kind != options::Kind::number && spec.kind != options::Kind::whole) continue;
        SCOPED_TRACE(spec.name(table.section()));
        const double step = spec.kind == options::Kind::whole ? 1.0 : std::max(spec.min * 0.5, 0.001);
        for (double outside : {spec.min - step, spec.max + (spec.kind == options::Kind::whole ? 1.0 : spec.max * 0.01)}) {
            if (spec.zero_allowed && outside == 0.0) continue;
            const std::string text = std::to_string(outside);
            EXPECT_THROW(campaign_with(table.section(), spec.key, text), InputError) << text;
            EXPECT_TRUE(spec.problem(campaign::value_from_text(spec, text, 480))) << text;
        }
        for (double inside : {spec.min, spec.max}) {
            const std::string text = std::to_string(inside);
            const auto from_file = table.values(campaign_with(table.section(), spec.key, text).*options_of)[i];
            EXPECT_FALSE(spec.problem(campaign::value_from_text(spec, text, 480))) << text;
            Options from_flag{};
            table.apply(from_flag, {{i, campaign::value_from_text(spec, text, 480)}});
            EXPECT_EQ(table.values(from_flag)[i], from_file) << text;
        }
    }
}

}  // namespace

TEST(OptionTables, TheReadmeListsEveryOptionAsDeclared)
{
    expect_readme_rows(coverage::coverage_option_table());
    expect_readme_rows(hotspot::hotspot_option_table());
    expect_readme_rows(route::plan_option_table());
}

TEST(OptionTables, AreWellDeclared)
{
    expect_well_declared(coverage::coverage_option_table());
    expect_well_declared(hotspot::hotspot_option_table());
    expect_well_declared(route::plan_option_table());
}

TEST(OptionTables, CampaignFileAndCommandLineRefuseTheSameValues)
{
    expect_same_ranges(coverage::coverage_option_table(), &campaign::CampaignSpec::coverage);
    expect_same_ranges(hotspot::hotspot_option_table(), &campaign::CampaignSpec::hotspots);
}

TEST(OptionTables, ChoicesAndDatesMeanTheSameInBothPlaces)
{
    const auto& table = hotspot::hotspot_option_table();
    for (std::size_t i = 0; i < table.size(); ++i) {
        const auto& spec = table.specs()[i];
        if (spec.kind == options::Kind::choice) {
            for (auto choice : spec.choices) {
                const auto file = table.values(campaign_with("hotspots", spec.key, "\"" + std::string(choice) + "\"").hotspots)[i];
                hotspot::HotspotOptions flag;
                table.apply(flag, {{i, campaign::value_from_text(spec, choice, 480)}});
                EXPECT_EQ(table.values(flag)[i], file) << choice;
                EXPECT_EQ(std::get<std::string>(file), choice);
            }
            EXPECT_THROW(campaign_with("hotspots", spec.key, "\"nonsense\""), InputError);
            EXPECT_TRUE(spec.problem(campaign::value_from_text(spec, "nonsense", 480)));
        }
    }
    // 2017-02-20 local midnight at +08:00 is 2017-02-19 16:00 UTC, whether a TOML date, a text or a flag.
    const double expected = 1487548800.0 - 8 * 3600.0;
    EXPECT_EQ(campaign_with("hotspots", "from", "2017-02-20").hotspots.filter.from, expected);
    EXPECT_EQ(campaign_with("hotspots", "from", "\"2017/2/20\"").hotspots.filter.from, expected);
    const auto specs = table.specs();
    const auto from_spec = std::find_if(specs.begin(), specs.end(), [](const options::Spec& s) { return s.key == "from"; });
    ASSERT_NE(from_spec, specs.end());
    const options::Spec& from = *from_spec;
    EXPECT_EQ(std::get<double>(campaign::value_from_text(from, "2017年2月20日", 480)), expected);
    EXPECT_THROW((void)campaign::value_from_text(from, "20/02/2017", 480), UsageError);
}

TEST(OptionTables, EffectiveSightTakesOverrideThenBlockThenWalkThenDefault)
{
    coverage::CoverageOptions o;
    o.sight_m = 25;
    NetworkLine road;
    road.category = Category::village_road;
    Site school;
    school.category = Category::school_clinic;
    EXPECT_EQ(coverage::effective_sight(o, road), 25);
    EXPECT_EQ(coverage::effective_sight(o, school), 25);
    o.sight_by_category[Category::village_road] = 40;
    o.sight_by_category[Category::school_clinic] = 15;
    EXPECT_EQ(coverage::effective_sight(o, road), 40);
    EXPECT_EQ(coverage::effective_sight(o, school), 15);
    road.block_sight_m = 60;
    EXPECT_EQ(coverage::effective_sight(o, road), 60);
    o.sight_override_m = 10;
    EXPECT_EQ(coverage::effective_sight(o, road), 10);
    EXPECT_EQ(coverage::effective_sight(o, school), 10);
}

TEST(OptionTables, SightByCategoryIsReadIntoTheOptions)
{
    const auto spec = campaign::parse_campaign_text(
        "[villages]\nsource = \"v\"\n[coverage]\nsight_m = 20\n[coverage.sight_by_category]\nhighway_shoulder = 50\n\"河渠沟道走两边\" = 12\n",
        "/data/campaign.toml");
    EXPECT_EQ(spec.coverage.sight_m, 20);
    EXPECT_EQ(spec.coverage.sight_by_category, (std::map<Category, double>{{Category::highway_shoulder, 50}, {Category::river_ditch, 12}}));
    EXPECT_THROW(campaign::parse_campaign_text("[villages]\nsource = \"v\"\n[coverage.sight_by_category]\nroads = 5\n",
                                               "/data/campaign.toml"),
                 InputError);
    EXPECT_THROW(campaign::parse_campaign_text("[villages]\nsource = \"v\"\n[coverage.sight_by_category]\nhighway_shoulder = 0.05\n",
                                               "/data/campaign.toml"),
                 InputError);
}

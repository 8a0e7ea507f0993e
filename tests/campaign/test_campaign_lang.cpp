// [campaign] lang: "zh" or "en", anything else refused at its line; left out, the presentation decides from the
// village names (tests/render/test_village_maps.cpp).
#include "libgeo/campaign/campaign_file.hpp"
#include "libgeo/core/error.hpp"

#include <gtest/gtest.h>

namespace geo::campaign {

namespace {

const std::string villages = "[villages]\nsource = \"town.gpkg\"\n";

}  // namespace

TEST(CampaignLang, ReadsZhOrEnAndLeavesItEmptyWhenUnsaid)
{
    EXPECT_EQ(parse_campaign_text("[campaign]\nname = \"x\"\nlang = \"zh\"\n" + villages, "/d/c.toml").lang, "zh");
    EXPECT_EQ(parse_campaign_text("[campaign]\nname = \"x\"\nlang = \"en\"\n" + villages, "/d/c.toml").lang, "en");
    EXPECT_EQ(parse_campaign_text("[campaign]\nname = \"x\"\n" + villages, "/d/c.toml").lang, "");
    EXPECT_EQ(parse_campaign_text(villages, "/d/c.toml").lang, "");
}

TEST(CampaignLang, AnUnknownLanguageIsRefusedAtItsLine)
{
    try {
        parse_campaign_text("[campaign]\nname = \"x\"\nlang = \"fr\"\n" + villages, "/d/c.toml");
        FAIL() << "lang = \"fr\" accepted";
    } catch (const InputError& e) {
        const std::string message = std::string(e.what()) + " " + e.hint();
        EXPECT_NE(message.find("fr"), std::string::npos) << message;
        EXPECT_NE(message.find("\"zh\""), std::string::npos) << message;
    }
}

}  // namespace geo::campaign

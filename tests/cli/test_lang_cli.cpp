// The language a run speaks without --lang: the sample town's villages have Chinese names, so its QGIS project
// shows Chinese layer names; --lang en and [campaign] lang override that.
#include "support.hpp"

#include <gtest/gtest.h>

#include <string>

namespace geo::test {

namespace {

std::string run_quietly(const std::string& extra, const std::filesystem::path& out)
{
    const auto campaign = (source_dir() / "data/sample/campaign.toml").string();
    const auto r = run_geowalk("coverage --quiet --no-maps --no-report " + extra + " '" + campaign + "' --out '" + out.string() + "'");
    EXPECT_EQ(r.exit_code, 0) << r.output;
    return read_text(out / "geowalk.qgs");
}

}  // namespace

TEST(CliLang, ChineseVillageNamesGiveAChineseProjectUnlessTold)
{
    TempDir dir("geowalk-lang");
    const std::string zh = run_quietly("", dir.path());
    EXPECT_NE(zh.find("<layername>村界</layername>"), std::string::npos);
    EXPECT_NE(zh.find("|layername=villages"), std::string::npos);  // the table keeps its name
    const std::string en = run_quietly("--lang en", dir.path());
    EXPECT_EQ(en.find("<layername>村界</layername>"), std::string::npos);
    EXPECT_NE(en.find("<layername>villages</layername>"), std::string::npos);

    // [campaign] lang = "en" in a copy of the sample campaign: English without the flag.
    TempDir copy("geowalk-lang-campaign");
    std::filesystem::copy(source_dir() / "data/sample", copy.path(), std::filesystem::copy_options::recursive);
    std::string toml = read_text(copy / "campaign.toml");
    const auto at = toml.find("[campaign]\n");
    ASSERT_NE(at, std::string::npos);
    toml.insert(at + 11, "lang = \"en\"\n");
    write_text(copy / "campaign.toml", toml);
    const auto r = run_geowalk("coverage --quiet --no-maps --no-report '" + (copy / "campaign.toml").string() + "' --out '" +
                               (copy / "out").string() + "'");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(read_text(copy / "out/geowalk.qgs").find("<layername>villages</layername>"), std::string::npos);
}

}  // namespace geo::test

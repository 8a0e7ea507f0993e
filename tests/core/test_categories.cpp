#include "libgeo/core/categories.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace geo {

TEST(Categories, TenDistinctCodesInDesignOrder)
{
    std::set<std::string_view> codes;
    for (const auto& c : all_categories()) codes.insert(c.code);
    EXPECT_EQ(codes.size(), 10u);
    EXPECT_EQ(code(Category::highway_shoulder), "highway_shoulder");
    EXPECT_EQ(code(Category::construction_site), "construction_site");
}

TEST(Categories, ParsesCodesEnglishAndChineseLabels)
{
    EXPECT_EQ(parse_category("river_ditch"), Category::river_ditch);
    EXPECT_EQ(parse_category("  RIVER_DITCH "), Category::river_ditch);
    EXPECT_EQ(parse_category("河渠沟道走两边"), Category::river_ditch);
    EXPECT_EQ(parse_category("\xE3\x80\x80学校卫生院走四周\xE3\x80\x80"), Category::school_clinic);
    EXPECT_EQ(parse_category("schools and clinics, four sides"), Category::school_clinic);
    EXPECT_FALSE(parse_category("river"));
    EXPECT_FALSE(parse_category(""));
}

TEST(Categories, EveryCodeAndLabelRoundTrips)
{
    for (const auto& c : all_categories()) {
        EXPECT_EQ(parse_category(c.code), c.category);
        EXPECT_EQ(parse_category(c.label_zh), c.category);
        EXPECT_EQ(parse_category(c.label_en), c.category);
    }
}

TEST(Statuses, ParsesCodesAndChineseLabels)
{
    EXPECT_EQ(parse_status("found"), Status::found);
    EXPECT_EQ(parse_status("发现"), Status::found);
    EXPECT_EQ(parse_status("交办"), Status::assigned);
    EXPECT_EQ(parse_status("整改中"), Status::rectifying);
    EXPECT_EQ(parse_status("已整改"), Status::rectified);
    EXPECT_EQ(parse_status("验收合格"), Status::accepted);
    EXPECT_EQ(parse_status("反弹"), Status::rebounded);
    EXPECT_EQ(parse_status("Accepted"), Status::accepted);
    EXPECT_FALSE(parse_status("done"));
}

TEST(Trim, RemovesAsciiAndIdeographicSpaces)
{
    EXPECT_EQ(trim("  a b \t"), "a b");
    EXPECT_EQ(trim("\xE3\x80\x80x\xE3\x80\x80 "), "x");
    EXPECT_EQ(trim("   "), "");
}

}  // namespace geo

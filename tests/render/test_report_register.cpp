// The report's register pages from a synthetic `register` section (the keys export/register_figures.cpp writes),
// read back with pdftotext: every count where it belongs, shares computed here, medians and look-backs, the first N
// villages and a note of the rest, units and phases; a section of an older run (counts by status only) draws the
// overview and no tables. The chart's bars are checked in pixels (pdftoppm): each status present in the villages
// shows in its colour from the issues layer's style, an absent one does not.
#include "support.hpp"

#include "libgeo/qgis/default_styles.hpp"
#include "libgeo/render/document.hpp"
#include "libgeo/render/report_register.hpp"

#include <gdal_priv.h>
#include <gtest/gtest.h>

#include <regex>

namespace geo::test {
namespace {

using output::Json;
using render::Lang;
namespace report = render::report;

Json synthetic_section(int villages)
{
    Json s = Json::object();
    s["total"] = 0;
    s["by_status"] = {{"found", 0}, {"assigned", 0}, {"rectifying", 0}, {"rectified", 0}, {"accepted", 0}, {"rebounded", 0}};
    s["overdue"] = 0;
    s["by_village"] = Json::array();
    long long total = 0, overdue = 0;
    for (int v = 0; v < villages; ++v) {
        // Village v: v+1 found, 2 accepted, v % 3 overdue; no other status.
        const Json row = {{"village", "测试村" + std::to_string(v + 1)},
                          {"total", v + 3},
                          {"by_status", {{"found", v + 1}, {"accepted", 2}}},
                          {"overdue", v % 3}};
        s["by_village"].push_back(row);
        s["by_status"]["found"] = s["by_status"]["found"].get<int>() + v + 1;
        s["by_status"]["accepted"] = s["by_status"]["accepted"].get<int>() + 2;
        total += v + 3;
        overdue += v % 3;
    }
    s["total"] = total;
    s["overdue"] = overdue;
    s["by_unit"] = Json::array({{{"unit", "环卫站"}, {"total", 7}, {"by_status", {{"found", 5}, {"accepted", 2}}}, {"overdue", 1}}});
    s["median_days"] = {{"found_to_rectified", 4.5}, {"rectified_to_accepted", nullptr}};
    s["phases"] = Json::array({{{"name", "集中整治"}, {"from", "2017-02-21"}, {"to", "2017-04-05"},
                                {"deadlines_in_phase", 12}, {"rectified_by_deadline", 9}, {"overdue", 3}}});
    s["lookback"] = {{"due", 6}, {"done", 4}};
    return s;
}

std::string pdf_text(const std::filesystem::path& pdf)
{
    return run_command("pdftotext -layout -enc UTF-8 '" + pdf.string() + "' - 2>/dev/null").output;
}

// Draws the overview and every table on pages of their own, as write_report does.
void draw_pages(const Json& section, const std::filesystem::path& pdf, std::size_t villages)
{
    render::Document doc(pdf, render::PageFormat::pdf);
    const report::Area area = report::content_area(doc.size());
    report::draw_register_overview(doc.cr(), area, section, Lang::zh, villages);
    for (const auto& [title, table] : report::register_tables(section, Lang::zh, villages)) {
        doc.next_page();
        render::draw_text(doc.cr(), title, {.size_pt = 12}, area.x, area.y - 20);
        report::draw_table_part(doc.cr(), area, table, 0, table.rows.size(), Lang::zh);
    }
    doc.finish();
}

TEST(ReportRegister, EveryFigureOfTheSectionIsPrinted)
{
    TempDir dir;
    const Json section = synthetic_section(8);
    const auto pdf = dir / "register.pdf";
    draw_pages(section, pdf, 5);
    const std::string text = pdf_text(pdf);
    const long long total = section["total"].get<long long>();
    const long long found = section["by_status"]["found"].get<long long>();
    // The status table: counts and shares worked out here.
    char share[32];
    std::snprintf(share, sizeof share, "%.1f%%", 100.0 * static_cast<double>(found) / static_cast<double>(total));
    EXPECT_NE(text.find(share), std::string::npos) << share << "\n" << text;
    EXPECT_NE(text.find("发现"), std::string::npos);
    EXPECT_NE(text.find("验收合格"), std::string::npos);
    EXPECT_NE(text.find(std::to_string(total)), std::string::npos);
    // Medians: a number, and "none yet" where null; look-backs done / due.
    EXPECT_NE(text.find("4.5"), std::string::npos);
    EXPECT_NE(text.find("暂无"), std::string::npos);
    EXPECT_TRUE(std::regex_search(text, std::regex("4\\s*/\\s*6"))) << "look-backs done / due";
    // The first five villages in the chart and the village table, the rest named as left out.
    for (int v = 1; v <= 5; ++v) EXPECT_NE(text.find("测试村" + std::to_string(v)), std::string::npos) << v;
    for (int v = 6; v <= 8; ++v) EXPECT_EQ(text.find("测试村" + std::to_string(v)), std::string::npos) << v;
    EXPECT_NE(text.find("3 个村见 summary.json"), std::string::npos);
    // Unit and phase rows.
    EXPECT_NE(text.find("环卫站"), std::string::npos);
    EXPECT_NE(text.find("集中整治"), std::string::npos);
    EXPECT_NE(text.find("2017-04-05"), std::string::npos);
    EXPECT_EQ(report::register_tables(section, Lang::zh, 5).size(), 3u);
    EXPECT_EQ(report::register_tables(section, Lang::zh, 5)[0].table.rows.size(), 5u);

    // The chart's colours: found (present) and accepted (present) drawn, rectifying (absent everywhere) not.
    const auto png = dir / "page";
    run_command("pdftoppm -r 50 -png -f 1 -l 1 '" + pdf.string() + "' '" + png.string() + "'");
    GDALDatasetUniquePtr image = open_readonly(dir / "page-1.png");
    ASSERT_TRUE(image);
    const int w = image->GetRasterXSize(), h = image->GetRasterYSize();
    std::vector<std::uint8_t> rgb(static_cast<std::size_t>(w) * h * 3);
    ASSERT_EQ(image->RasterIO(GF_Read, 0, 0, w, h, rgb.data(), w, h, GDT_Byte, 3, nullptr, 3, 3 * w, 1), CE_None);
    const auto pixels_of = [&](Status s) {
        const qgis::Rgba c = qgis::issue_status_colour(s);
        long long n = 0;
        for (std::size_t i = 0; i + 2 < rgb.size(); i += 3)
            if (std::abs(rgb[i] - c.r) <= 2 && std::abs(rgb[i + 1] - c.g) <= 2 && std::abs(rgb[i + 2] - c.b) <= 2) ++n;
        return n;
    };
    const long long found_px = pixels_of(Status::found), accepted_px = pixels_of(Status::accepted);
    EXPECT_GT(found_px, 50);
    EXPECT_GT(accepted_px, 50);
    // Bars are proportional: the five villages have 15 found and 10 accepted issues in all. Each status also has a
    // legend key and a swatch in the status table, the same area for every status: a status no village has
    // (rectifying) measures that area, which is taken off before comparing.
    const long long key_px = pixels_of(Status::rectifying);
    EXPECT_GT(found_px, 3 * key_px);
    EXPECT_NEAR(static_cast<double>(found_px - key_px) / static_cast<double>(accepted_px - key_px), 15.0 / 10.0, 0.15);
}

TEST(ReportRegister, AnOlderRunWithCountsByStatusOnly)
{
    TempDir dir;
    const Json section = {{"total", 5}, {"by_status", {{"found", 3}, {"accepted", 2}}}, {"overdue", 1}};
    EXPECT_TRUE(report::register_tables(section, Lang::zh, 20).empty());
    const auto pdf = dir / "old.pdf";
    draw_pages(section, pdf, 20);
    const std::string text = pdf_text(pdf);
    EXPECT_NE(text.find("60.0%"), std::string::npos) << text;  // 3 of 5 found
    EXPECT_NE(text.find("40.0%"), std::string::npos);
    EXPECT_EQ(text.find("暂无"), std::string::npos) << "no median box without median_days";
    EXPECT_EQ(report::register_section(Json{{"campaign", 1}}), nullptr);
}

TEST(ReportRegister, UnknownStatusCodesAreListedAfterTheKnownOnes)
{
    const Json section = {{"total", 2}, {"by_status", {{"found", 1}, {"withdrawn", 1}}}};
    const auto codes = report::register_status_codes(section);
    ASSERT_EQ(codes.size(), static_cast<std::size_t>(status_count) + 1);
    EXPECT_EQ(codes.back(), "withdrawn");
}

}  // namespace
}  // namespace geo::test

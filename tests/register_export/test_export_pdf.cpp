// The day's forms as one PDF, read back with poppler: pdfinfo for the page count, pdftotext page by page for what
// each page says. The continuation pages are checked without the writer's layout: every issue id printed exactly
// once, a village's pages together and in order, every full page of a village holding the same number of one-line
// rows, so the page count must be the ceiling of rows over that number, and every page carrying the headings and the
// three signature lines.
#include "support.hpp"
#include "synthetic.hpp"

#include "libgeo/register_export/export_pdf.hpp"

#include <gtest/gtest.h>

#include <regex>

namespace geo::test {
namespace {

std::vector<std::string> pdf_pages(const std::filesystem::path& pdf)
{
    const std::string text = run_command("pdftotext -enc UTF-8 '" + pdf.string() + "' - 2>/dev/null").output;
    std::vector<std::string> pages;
    std::size_t start = 0;
    for (std::size_t ff = text.find('\f'); ff != std::string::npos; ff = text.find('\f', start)) {
        pages.push_back(text.substr(start, ff - start));
        start = ff + 1;
    }
    return pages;
}

int pdfinfo_pages(const std::filesystem::path& pdf)
{
    const std::string info = run_command("pdfinfo '" + pdf.string() + "' 2>&1").output;
    std::smatch m;
    return std::regex_search(info, m, std::regex("Pages:\\s+([0-9]+)")) ? std::stoi(m[1].str()) : -1;
}

std::vector<std::string> ids_on(const std::string& page)
{
    std::vector<std::string> ids;
    const std::regex id("[A-Z]{2}-[0-9]{4}");
    for (auto it = std::sregex_iterator(page.begin(), page.end(), id); it != std::sregex_iterator(); ++it) ids.push_back(it->str());
    return ids;
}

TEST(RegisterPdf, APagePerVillageWithContinuationPagesHeadingsAndSignatures)
{
    TempDir dir;
    std::vector<reg::VillageRegister> villages{
        synthetic_village("东风村", "1", "DF", 2, 3),
        reg::VillageRegister{"西山村", "2", "2017-02-20", {}, {}},  // nothing found today: still a form to sign
        synthetic_village("南湖村", "3", "NH", 75, 0),
    };
    const std::string long_text = "村道两侧堆放建筑垃圾约二十立方米已影响通行需尽快清运并设置警示标志请环卫站于三日内处理完毕";
    villages[0].rows_of_day[0].description = long_text;
    const auto pdf = dir / "forms.pdf";
    reg::PdfOptions options;
    options.campaign = "甘军春季巡查";
    const int written = reg::write_register_pdf(villages, pdf, options);

    const std::vector<std::string> pages = pdf_pages(pdf);
    ASSERT_EQ(pdfinfo_pages(pdf), written);
    ASSERT_EQ(static_cast<int>(pages.size()), written);

    // Which village each page belongs to, by the title it prints.
    std::vector<int> owner;
    for (const auto& page : pages) {
        int v = -1;
        for (int i = 0; i < 3; ++i)
            if (page.find(villages[static_cast<std::size_t>(i)].village + " 问题交办清单") != std::string::npos) v = i;
        owner.push_back(v);
        for (const char* must : {"序号", "问题编号", "问题描述", "村主任", "站所长", "村支书", "签字", "甘军春季巡查", "2017-02-20"})
            EXPECT_NE(page.find(must), std::string::npos) << "page " << owner.size() << " lacks " << must;
    }
    ASSERT_EQ(owner.front(), 0);
    EXPECT_TRUE(std::is_sorted(owner.begin(), owner.end())) << "each village's pages together, in the villages' order";
    for (int v = 0; v < 3; ++v) EXPECT_NE(std::find(owner.begin(), owner.end(), v), owner.end()) << v;

    // Every issue of the day once; none of the earlier ones (that is the register, not the day's list).
    std::map<std::string, int> seen;
    for (const auto& page : pages)
        for (const auto& id : ids_on(page)) ++seen[id];
    std::size_t expected = 0;
    for (const auto& v : villages)
        for (const auto& row : v.rows_of_day) {
            EXPECT_EQ(seen[row.issue_id], 1) << row.issue_id;
            ++expected;
        }
    EXPECT_EQ(seen.size(), expected);
    EXPECT_EQ(seen.count("DF-0001"), 0u) << "found before the day";

    // The one-page villages, and the empty one saying so.
    EXPECT_EQ(std::count(owner.begin(), owner.end(), 0), 1);
    EXPECT_EQ(std::count(owner.begin(), owner.end(), 1), 1);
    const auto empty_page = static_cast<std::size_t>(std::find(owner.begin(), owner.end(), 1) - owner.begin());
    EXPECT_NE(pages[empty_page].find("无问题"), std::string::npos);

    // The long village continues: its full pages hold the same number of rows, the last the rest.
    std::vector<std::size_t> per_page;
    for (std::size_t p = 0; p < pages.size(); ++p)
        if (owner[p] == 2) per_page.push_back(ids_on(pages[p]).size());
    ASSERT_GT(per_page.size(), 1u) << "75 rows do not fit one page";
    const std::size_t full = per_page.front();
    for (std::size_t i = 0; i + 1 < per_page.size(); ++i) EXPECT_EQ(per_page[i], full) << "page " << i;
    EXPECT_LE(per_page.back(), full);
    EXPECT_EQ(per_page.size(), (75 + full - 1) / full);
    for (std::size_t p = 1; p < pages.size(); ++p) {
        const bool continues = owner[p] == 2 && owner[p - 1] == 2;
        EXPECT_TRUE(!continues || pages[p].find("(续)") != std::string::npos) << p;
    }
    EXPECT_EQ(written, 2 + static_cast<int>(per_page.size()));

    // The long description wrapped, not cut: its characters are all on the page, in order (pdftotext reads the row
    // line by line across the columns, so other cells' lines come between its lines).
    const std::string& page = pages[0];
    std::size_t at = page.find("村道两侧");
    ASSERT_NE(at, std::string::npos);
    for (std::size_t i = 0; i < long_text.size() && at != std::string::npos; i += 3) {  // three bytes a character
        at = page.find(long_text.substr(i, 3), at);
        EXPECT_NE(at, std::string::npos) << "character " << i / 3 << " of the description is missing";
    }
}

TEST(RegisterPdf, ChineseIsDrawnWithTheCjkFont)
{
    TempDir dir;
    const auto pdf = dir / "forms.pdf";
    reg::write_register_pdf({synthetic_village("东风村", "1", "DF", 1, 0)}, pdf, {});
    const std::string fonts = run_command("pdffonts '" + pdf.string() + "' 2>&1").output;
    EXPECT_NE(fonts.find("NotoSansCJK"), std::string::npos) << fonts;
}

}  // namespace
}  // namespace geo::test

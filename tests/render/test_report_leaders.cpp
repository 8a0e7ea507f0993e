// The report's pages of what a leader asks next, read back with poppler's pdftotext and checked against the
// GeoPackage of the same run, computed here: km walked per walker from OGR geometry lengths, overdue issues per
// responsible person by SQLite SQL, and against the report's own headline page (the same overdue total).
#include "support.hpp"

#include "libgeo/render/report.hpp"

#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include <array>
#include <cstdio>
#include <map>
#include <regex>
#include <sstream>
#include <sys/wait.h>

namespace geo::test {
namespace {

using render::Lang;

std::string run(const std::string& command)
{
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return {};
    std::string out;
    std::array<char, 4096> buffer{};
    while (std::size_t n = fread(buffer.data(), 1, buffer.size(), pipe)) out.append(buffer.data(), n);
    pclose(pipe);
    return out;
}

// The whole PDF's text in layout mode, pages separated by form feeds.
std::vector<std::string> pages_of(const std::filesystem::path& pdf)
{
    const std::string text = run("pdftotext -layout '" + pdf.string() + "' - 2>/dev/null");
    std::vector<std::string> pages;
    std::string page;
    for (char ch : text) {
        if (ch == '\f') {
            pages.push_back(page);
            page.clear();
        } else {
            page += ch;
        }
    }
    if (!page.empty()) pages.push_back(page);
    return pages;
}

// Columns of a layout line: runs of text separated by two or more spaces, trimmed.
std::vector<std::string> columns_of(const std::string& line)
{
    std::vector<std::string> out;
    static const std::regex gap(R"(\s{2,})");
    std::sregex_token_iterator it(line.begin(), line.end(), gap, -1), end;
    static const std::regex edges(R"(^\s+|\s+$)");
    for (; it != end; ++it) {
        std::string column = std::regex_replace(it->str(), edges, "");
        if (!column.empty()) out.push_back(column);
    }
    return out;
}

// The rows (as columns) of the pages whose text holds `title`, whose first column is `first`.
std::vector<std::vector<std::string>> rows_starting(const std::vector<std::string>& pages, const std::string& title,
                                                    const std::string& first)
{
    std::vector<std::vector<std::string>> rows;
    for (const auto& page : pages) {
        if (page.find(title) == std::string::npos) continue;
        std::istringstream in(page);
        for (std::string line; std::getline(in, line);) {
            auto cols = columns_of(line);
            if (!cols.empty() && cols[0] == first) rows.push_back(cols);
        }
    }
    return rows;
}

std::string printf_fixed(double v, int decimals)
{
    std::array<char, 64> buffer{};
    std::snprintf(buffer.data(), buffer.size(), "%.*f", decimals, v);
    return buffer.data();
}

class ReportLeaders : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        s_dir = std::make_unique<TempDir>("geowalk-report-leaders");
        for (Lang lang : {Lang::en, Lang::zh}) {
            const render::MapSource source(sample_run(), lang);
            const auto pdf = s_dir->path() / (lang == Lang::zh ? "zh.pdf" : "en.pdf");
            render::write_report(source, pdf, {}, {.top = 20, .maps = false, .village_maps = {}});
            s_pages[lang == Lang::zh ? 1 : 0] = pages_of(pdf);
        }
        s_gpkg.reset(GDALDataset::Open((sample_run() / "geowalk.gpkg").c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    }
    static void TearDownTestSuite()
    {
        s_gpkg.reset();
        s_dir.reset();
    }
    static const std::vector<std::string>& pages(Lang lang) { return s_pages[lang == Lang::zh ? 1 : 0]; }

    static inline std::unique_ptr<TempDir> s_dir;
    static inline std::array<std::vector<std::string>, 2> s_pages;
    static inline GDALDatasetUniquePtr s_gpkg;
};

TEST_F(ReportLeaders, EveryTableHasItsPageInBothLanguages)
{
    const std::array<std::array<const char*, 2>, 4> titles{{{"Who walked what", "巡查人员工作量"},
                                                            {"Week by week", "分周进展"},
                                                            {"Problems by village, walk and type", "分村分类问题"},
                                                            {"Overdue by responsible person", "责任人逾期情况"}}};
    for (const auto& [en, zh] : titles) {
        for (Lang lang : {Lang::en, Lang::zh}) {
            const std::string title = lang == Lang::zh ? zh : en;
            int found = 0;
            for (const auto& page : pages(lang)) found += page.find(title) != std::string::npos ? 1 : 0;
            EXPECT_GE(found, 1) << title;
        }
    }
}

TEST_F(ReportLeaders, KmWalkedPerWalkerMatchesTheTrackGeometries)
{
    ASSERT_TRUE(s_gpkg);
    std::map<std::string, std::pair<double, int>> km;  // walker -> (km, pieces)
    for (auto& t : *s_gpkg->GetLayerByName("tracks")) {
        // The sample's GPX tracks name no walker: "黄勇 2017-02-20 #1" stands for 黄勇 (README).
        std::string who = t->GetFieldAsString("walker");
        if (who.empty())
            who = std::regex_replace(std::string(t->GetFieldAsString("name")),
                                     std::regex(R"( (\d{4}-\d{2}-\d{2}|#\d+))"), "");
        km[who].first += t->GetGeometryRef()->toLineString()->get_Length() / 1000.0;
        ++km[who].second;
    }
    ASSERT_FALSE(km.empty());
    for (Lang lang : {Lang::en, Lang::zh})
        for (const auto& [who, figures] : km) {
            const auto rows = rows_starting(pages(lang), lang == Lang::zh ? "巡查人员工作量" : "Who walked what", who);
            ASSERT_EQ(rows.size(), 1u) << who;
            ASSERT_GE(rows[0].size(), 3u) << who;
            EXPECT_EQ(rows[0][1], std::to_string(figures.second)) << who;
            EXPECT_EQ(rows[0][2], printf_fixed(figures.first, 1)) << who;
        }
}

TEST_F(ReportLeaders, OverduePerResponsibleMatchesSqlAndAddsUpToTheHeadline)
{
    ASSERT_TRUE(s_gpkg);
    OGRLayer* as_of_result = s_gpkg->ExecuteSQL(
        "SELECT MAX(t) FROM (SELECT MAX(julianday(\"end\")) AS t FROM tracks UNION ALL SELECT MAX(julianday(found)) "
        "FROM issues UNION ALL SELECT MAX(julianday(rectified)) FROM issues UNION ALL SELECT MAX(julianday(accepted)) "
        "FROM issues)",
        nullptr, "SQLITE");
    ASSERT_TRUE(as_of_result);
    const std::string as_of = OGRFeatureUniquePtr(as_of_result->GetNextFeature())->GetFieldAsString(0);
    s_gpkg->ReleaseResultSet(as_of_result);
    const std::string sql =
        "SELECT COALESCE(NULLIF(TRIM(responsible), ''), '(none)') AS who, COUNT(*) FROM issues WHERE julianday(deadline) < " +
        as_of + " AND rectified IS NULL AND status NOT IN ('rectified', 'accepted') GROUP BY who";
    OGRLayer* result = s_gpkg->ExecuteSQL(sql.c_str(), nullptr, "SQLITE");
    ASSERT_TRUE(result);
    std::map<std::string, long long> overdue;
    long long total = 0;
    for (auto& f : *result) {
        overdue[f->GetFieldAsString(0)] = f->GetFieldAsInteger64(1);
        total += f->GetFieldAsInteger64(1);
    }
    s_gpkg->ReleaseResultSet(result);
    ASSERT_GT(total, 0);
    for (const auto& [who, count] : overdue) {
        const std::string shown = who == "(none)" ? "(nobody named)" : who;
        const auto rows = rows_starting(pages(Lang::en), "Overdue by responsible person", shown);
        ASSERT_EQ(rows.size(), 1u) << who;
        ASSERT_GE(rows[0].size(), 4u) << who;
        EXPECT_EQ(rows[0][3], std::to_string(count)) << who;
    }
    // Nobody else is listed as overdue: the column adds up to the SQL total (test_report.cpp checks the headline's
    // "Overdue" box against the same SQL).
    long long listed = 0;
    for (const auto& page : pages(Lang::en)) {
        if (page.find("Overdue by responsible person") == std::string::npos) continue;
        std::istringstream in(page);
        for (std::string line; std::getline(in, line);) {
            const auto cols = columns_of(line);
            if (cols.size() == 5 && std::regex_match(cols[3], std::regex(R"(\d+)"))) listed += std::stoll(cols[3]);
        }
    }
    EXPECT_EQ(listed, total);
}

}  // namespace
}  // namespace geo::test

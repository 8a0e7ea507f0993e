// The village workbook read back two ways: GDAL's XLSX driver for the cells (every issue's text where it belongs,
// Chinese intact), and the workbook's own XML (unzip) for what a printer needs: the frozen header, A4 landscape,
// one page wide, the print titles, the Chinese font, the column widths and the signature lines.
#include "support.hpp"
#include "synthetic.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/register_export/export_xlsx.hpp"

#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <map>
#include <regex>

namespace geo::test {
namespace {

std::string unzip(const std::filesystem::path& xlsx, const std::string& member)
{
    return run_command("unzip -p '" + xlsx.string() + "' '" + member + "'").output;
}

// Rows of a sheet as GDAL reads them: every cell as text, no header row guessed.
std::vector<std::vector<std::string>> sheet_rows(const std::filesystem::path& xlsx, const std::string& sheet)
{
    const char* options[] = {"HEADERS=DISABLE", "FIELD_TYPES=STRING", nullptr};
    GDALDatasetUniquePtr ds(GDALDataset::Open(xlsx.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, options));
    EXPECT_TRUE(ds) << xlsx;
    if (!ds) return {};
    OGRLayer* layer = ds->GetLayerByName(sheet.c_str());
    EXPECT_NE(layer, nullptr) << sheet;
    if (!layer) return {};
    std::vector<std::vector<std::string>> rows;
    for (const auto& f : *layer) {
        std::vector<std::string> row;
        for (int i = 0; i < f->GetFieldCount(); ++i) row.emplace_back(f->IsFieldSetAndNotNull(i) ? f->GetFieldAsString(i) : "");
        rows.push_back(row);
    }
    return rows;
}

// Chinese characters count two, ASCII one: the width a column needs, counted here independently of the writer.
int chars_wide(const std::string& s)
{
    int w = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if ((c & 0xC0u) == 0x80u) continue;
        w += c >= 0xE0 ? 2 : 1;
    }
    return w;
}

// Excel stores a column width of w characters as w plus 5 pixels of cell padding at 7 pixels a character, in 1/256
// steps: 42 becomes 42.7109375.
double stored_width(double characters) { return std::floor((characters * 7 + 5) / 7 * 256) / 256; }

double column_width(const std::string& sheet_xml, int column)  // 1-based
{
    const std::regex col("<col min=\"" + std::to_string(column) + "\" max=\"" + std::to_string(column) + "\" width=\"([0-9.]+)\"");
    std::smatch m;
    return std::regex_search(sheet_xml, m, col) ? std::stod(m[1].str()) : -1;
}

TEST(RegisterXlsx, CellsReadBackWithGdalAndThePrintSettingsAreInTheSheetXml)
{
    TempDir dir;
    reg::VillageRegister village = synthetic_village("东风村", "440301001", "DF", 3, 4);
    const std::string long_text = "村道两侧堆放建筑垃圾，约二十立方米，已影响通行，需尽快清运并设置警示标志";
    village.rows_of_day[1].description = long_text;
    village.rows_cumulative[5].description = long_text;
    village.rows_of_day[2].measures = "清运, \"已完成\"\n第二行";
    village.rows_cumulative[6].measures = village.rows_of_day[2].measures;
    const auto file = dir / "东风村.xlsx";
    reg::XlsxOptions options;
    options.campaign = "甘军春季巡查";
    reg::write_village_xlsx(village, file, options);

    // Cells, through GDAL.
    for (const auto& [sheet, rows] : {std::pair{std::string("问题交办清单"), village.rows_of_day},
                                      std::pair{std::string("问题台账"), village.rows_cumulative}}) {
        const auto read = sheet_rows(file, sheet);
        ASSERT_GE(read.size(), rows.size() + 3) << sheet;
        EXPECT_NE(read[0][0].find("东风村"), std::string::npos);
        EXPECT_NE(read[1][0].find("甘军春季巡查"), std::string::npos);
        EXPECT_NE(read[1][0].find("2017-02-20"), std::string::npos);
        // The header row, then one row per issue in order.
        std::size_t header = 0;
        while (header < read.size() && read[header][0] != "序号") ++header;
        ASSERT_LT(header, read.size()) << "no header row in " << sheet;
        EXPECT_EQ(read[header][1], "问题编号");
        EXPECT_EQ(read[header][6], "问题描述");
        for (std::size_t r = 0; r < rows.size(); ++r) {
            const auto& cells = read[header + 1 + r];
            EXPECT_EQ(cells[0], std::to_string(r + 1));
            EXPECT_EQ(cells[1], rows[r].issue_id);
            EXPECT_EQ(cells[2], rows[r].found_at);
            EXPECT_EQ(cells[4], rows[r].category == "highway_shoulder" ? "国省道走路肩" : "河渠沟道走两边");
            EXPECT_EQ(cells[6], rows[r].description);
            EXPECT_EQ(cells[11], rows[r].status == "found" ? "发现" : "交办");
            EXPECT_EQ(cells[12], rows[r].measures);
        }
        // The signature lines under the table.
        std::string below;
        for (std::size_t r = header + 1 + rows.size(); r < read.size(); ++r)
            for (const auto& c : read[r]) below += c;
        for (const char* who : {"村主任", "站所长", "村支书"}) EXPECT_NE(below.find(who), std::string::npos) << who;
    }

    // Print settings, in the XML a spreadsheet program reads.
    const std::string workbook = unzip(file, "xl/workbook.xml");
    EXPECT_NE(workbook.find("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">'问题交办清单'!$1:$3</definedName>"),
              std::string::npos) << workbook;
    EXPECT_NE(workbook.find("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"1\">'问题台账'!$1:$3</definedName>"),
              std::string::npos);
    const std::string styles = unzip(file, "xl/styles.xml");
    EXPECT_NE(styles.find("<name val=\"宋体\"/>"), std::string::npos);
    for (const char* member : {"xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"}) {
        const std::string sheet = unzip(file, member);
        ASSERT_FALSE(sheet.empty()) << member;
        EXPECT_TRUE(std::regex_search(sheet, std::regex("<pane ySplit=\"3\" topLeftCell=\"A4\" activePane=\"bottomLeft\" state=\"frozen\"/>")))
            << member;
        EXPECT_NE(sheet.find("<pageSetUpPr fitToPage=\"1\"/>"), std::string::npos) << member;
        std::smatch setup;
        ASSERT_TRUE(std::regex_search(sheet, setup, std::regex("<pageSetup [^>]*/>"))) << member;
        const std::string page = setup.str();
        EXPECT_NE(page.find("paperSize=\"9\""), std::string::npos) << page;          // A4
        EXPECT_NE(page.find("orientation=\"landscape\""), std::string::npos) << page;
        EXPECT_NE(page.find("fitToHeight=\"0\""), std::string::npos) << page;         // as many pages tall as needed
        // fitToWidth defaults to 1 (one page wide) and is written only when it is not 1.
        EXPECT_TRUE(page.find("fitToWidth") == std::string::npos || page.find("fitToWidth=\"1\"") != std::string::npos);
        // Widths: the description column wraps at 40 + 2 characters; the id column is as wide as its widest id.
        EXPECT_NEAR(column_width(sheet, 7), stored_width(42), 1e-9) << "long descriptions wrap at the column's maximum";
        EXPECT_NEAR(column_width(sheet, 2), stored_width(std::max(chars_wide("问题编号"), chars_wide("DF-0001")) + 2), 1e-9);
        EXPECT_NEAR(column_width(sheet, 10), stored_width(std::max(chars_wide("责任人"), chars_wide("张三")) + 2), 1e-9);
        EXPECT_NE(sheet.find("<mergeCell ref=\"A1:O1\"/>"), std::string::npos) << "the title spans the table";
        // The long description takes more than one line: its row is taller than a one-line row.
        std::map<int, double> row_heights;  // by the sheet's 1-based row number
        const std::regex row_height("<row r=\"([0-9]+)\"[^>]* ht=\"([0-9.]+)\"");
        for (auto it = std::sregex_iterator(sheet.begin(), sheet.end(), row_height); it != std::sregex_iterator(); ++it)
            row_heights[std::stoi((*it)[1].str())] = std::stod((*it)[2].str());
        ASSERT_TRUE(row_heights.count(4)) << "the first issue's row (under title, subtitle and header) has a height";
        const double one_line = row_heights[4];  // the first issue: short text
        const int long_row = std::string(member).find("sheet1") != std::string::npos ? 5 : 9;
        const int lines = (chars_wide(long_text) + 40) / 41;  // 41 characters a line: width 42 less a margin
        ASSERT_EQ(lines, 2);
        EXPECT_NEAR(row_heights[long_row], one_line + (lines - 1) * (one_line - 3), 1e-6);
    }
    const std::string strings = unzip(file, "xl/sharedStrings.xml");
    for (const char* who : {"村主任", "站所长", "村支书"}) EXPECT_NE(strings.find(who), std::string::npos) << who;
}

TEST(RegisterXlsx, AVillageWithoutIssuesStillGetsItsFormToSign)
{
    TempDir dir;
    const reg::VillageRegister village{"西山村", "", "2017-02-21", {}, {}};
    const auto file = dir / "x.xlsx";
    reg::XlsxOptions options;
    options.lang = render::Lang::en;
    reg::write_village_xlsx(village, file, options);
    const auto read = sheet_rows(file, "Problem transfer list");
    std::string all;
    for (const auto& row : read)
        for (const auto& c : row) all += c + "|";
    EXPECT_NE(all.find("No issues."), std::string::npos) << all;
    EXPECT_NE(all.find("Village head"), std::string::npos);
    EXPECT_NE(all.find("西山村"), std::string::npos);
}

TEST(RegisterXlsx, AnUnwritableFileIsAnOutputErrorNamingIt)
{
    const reg::VillageRegister village{"西山村", "", "2017-02-21", {}, {}};
    EXPECT_THROW(reg::write_village_xlsx(village, "/nonexistent-folder/x.xlsx", {}), OutputError);
}

}  // namespace
}  // namespace geo::test

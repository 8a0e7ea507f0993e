// A day's exports as a set: the files per village and the one PDF, names safe on Windows (checked against the rules
// as Microsoft states them, not against the writer's table), progress reported up to 1, other files of the folder
// kept, and every written file readable by the tool that checks its kind (GDAL for XLSX and CSV, pdfinfo for PDF).
#include "support.hpp"
#include "synthetic.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/register_export/export_all.hpp"
#include "libgeo/register_export/file_names.hpp"

#include <gtest/gtest.h>

#include <regex>
#include <set>

namespace geo::test {
namespace {

// Windows' rules (learn.microsoft.com, "Naming Files, Paths, and Namespaces"), written out here.
bool valid_on_windows(const std::string& name)
{
    if (name.empty() || name.back() == '.' || name.back() == ' ') return false;
    for (const char ch : name) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 32 || std::string("<>:\"/\\|?*").find(ch) != std::string::npos) return false;
    }
    const std::regex device("^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\\..*)?$", std::regex::icase);
    return !std::regex_match(name, device);
}

bool valid_utf8(const std::string& s)
{
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (len == 0 || i + len > s.size()) return false;
        for (std::size_t k = 1; k < len; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0u) != 0x80u) return false;
        i += len;
    }
    return true;
}

TEST(RegisterFileNames, UnsafeNamesBecomeSafeAndChineseStays)
{
    for (const std::string name : {"东风村", "a<b>c:d\"e/f\\g|h?i*j", "CON", "com3.txt", "Lpt1", "村. . ", "  ", "",
                                   "tab\there", "nul.东村"}) {
        const std::string safe = reg::safe_file_name(name);
        EXPECT_TRUE(valid_on_windows(safe)) << name << " -> " << safe;
    }
    EXPECT_EQ(reg::safe_file_name("东风村"), "东风村");
    EXPECT_EQ(reg::safe_file_name("a/b"), "a_b");
    // Cut between characters, never inside one.
    std::string long_name;
    for (int i = 0; i < 60; ++i) long_name += "村";
    const std::string cut = reg::safe_file_name(long_name, 80);
    EXPECT_LE(cut.size(), 80u);
    EXPECT_TRUE(valid_utf8(cut));
    EXPECT_EQ(long_name.compare(0, cut.size(), cut), 0);
    EXPECT_EQ(cut.size(), 78u) << "26 whole characters of three bytes";
}

TEST(RegisterFileNames, CollidingVillagesGetDistinctStems)
{
    std::vector<reg::VillageRegister> villages{
        {"东村", "001", "2017-02-20", {}, {}}, {"东村", "002", "2017-02-20", {}, {}}, {"East", "", "2017-02-20", {}, {}},
        {"EAST", "", "2017-02-20", {}, {}},   {"a?b", "", "2017-02-20", {}, {}},    {"a*b", "", "2017-02-20", {}, {}},
    };
    const auto stems = reg::village_file_stems(villages);
    ASSERT_EQ(stems.size(), villages.size());
    std::set<std::string> folded;
    for (const auto& s : stems) {
        std::string lower = s;
        for (auto& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        EXPECT_TRUE(folded.insert(lower).second) << "two villages share " << s << " (case-insensitively)";
        EXPECT_TRUE(valid_on_windows(s)) << s;
    }
    EXPECT_NE(stems[0].find("001"), std::string::npos) << "colliding names tell apart by their code";
    EXPECT_NE(stems[1].find("002"), std::string::npos);
}

int progress_calls = 0;
double progress_last = -1;
bool progress_monotone = true;
int record_progress(double done, const char*, void*)
{
    ++progress_calls;
    if (done + 1e-12 < progress_last) progress_monotone = false;
    progress_last = done;
    return 1;
}

TEST(RegisterExportAll, WritesEveryVillagesFilesAsOneSetAndKeepsOtherFiles)
{
    TempDir dir;
    const auto out = dir / "exports";
    std::filesystem::create_directories(out);
    write_text(out / "notes.txt", "mine");
    std::vector<reg::VillageRegister> villages{synthetic_village("东风村", "1", "DF", 2, 1),
                                               synthetic_village("东风村", "2", "DG", 1, 0),
                                               reg::VillageRegister{"CON", "3", "2017-02-20", {}, {}}};
    reg::ExportOptions options;
    options.campaign = "甘军春季巡查";
    progress_calls = 0;
    progress_last = -1;
    const auto result = reg::export_registers(villages, out, options, Progress{&record_progress, nullptr, "export"});
    EXPECT_GT(progress_calls, 3);
    EXPECT_TRUE(progress_monotone);
    EXPECT_DOUBLE_EQ(progress_last, 1.0);

    EXPECT_EQ(read_text(out / "notes.txt"), "mine");
    ASSERT_EQ(result.files.size(), 3u * 3 + 1);
    std::set<std::string> names;
    int xlsx = 0, csv = 0, pdf = 0;
    for (const auto& rel : result.files) {
        const auto file = out / rel;
        ASSERT_TRUE(std::filesystem::is_regular_file(file)) << rel;
        EXPECT_TRUE(valid_on_windows(rel.filename().string())) << rel;
        EXPECT_NE(rel.filename().string().find("2017-02-20"), std::string::npos) << "the day is in every name";
        EXPECT_TRUE(names.insert(rel.string()).second);
        const std::string ext = rel.extension().string();
        if (ext == ".pdf") {
            ++pdf;
            const std::string info = run_command("pdfinfo '" + file.string() + "'").output;
            EXPECT_TRUE(std::regex_search(info, std::regex("Pages:\\s+3\\n"))) << info;
            EXPECT_EQ(result.pdf_pages, 3);
        } else {
            ext == ".xlsx" ? ++xlsx : ++csv;
            EXPECT_TRUE(open_readonly(file, GDAL_OF_VECTOR)) << "GDAL cannot read " << rel;
        }
    }
    EXPECT_EQ(xlsx, 3);
    EXPECT_EQ(csv, 6);
    EXPECT_EQ(pdf, 1);
    EXPECT_TRUE(std::filesystem::exists(out / "csv" / "东风村_1_2017-02-20_问题交办清单.csv"));
    EXPECT_TRUE(std::filesystem::exists(out / "xlsx" / "_CON_2017-02-20.xlsx")) << "the device name is not used as is";
    EXPECT_TRUE(std::filesystem::exists(out / "2017-02-20_问题交办清单.pdf"));
}

TEST(RegisterExportAll, VillagesOfDifferentDaysAreRefused)
{
    TempDir dir;
    std::vector<reg::VillageRegister> villages{{"a", "", "2017-02-20", {}, {}}, {"b", "", "2017-02-21", {}, {}}};
    EXPECT_THROW(reg::export_registers(villages, dir / "x", {}), UsageError);
    EXPECT_FALSE(std::filesystem::exists(dir / "x")) << "nothing written";
}

}  // namespace
}  // namespace geo::test

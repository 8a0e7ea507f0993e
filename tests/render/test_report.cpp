// The leadership report, checked with real tools: poppler's pdfinfo (page count), pdftotext (the figures on the
// pages) and pdftoppm (every page renders and is not blank). Every number looked for is computed here
// independently from the GeoPackage (OGR SQL, geometry lengths and areas, OGR reprojection), never copied from
// the report's own reading of summary.json.
#include "support.hpp"

#include "libgeo/core/categories.hpp"
#include "libgeo/render/maps.hpp"
#include "libgeo/render/report.hpp"
#include "libgeo/render/report_plan.hpp"

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <array>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <regex>
#include <sstream>
#include <sys/wait.h>

namespace geo::test {
namespace {

using render::Lang;

struct Output {
    int exit_code = -1;
    std::string text;
};

// Runs a shell command, capturing stdout (stderr too when the command redirects it).
Output run(const std::string& command)
{
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return {};
    Output out;
    std::array<char, 4096> buffer{};
    while (std::size_t n = fread(buffer.data(), 1, buffer.size(), pipe)) out.text.append(buffer.data(), n);
    const int status = pclose(pipe);
    out.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return out;
}

std::string quoted(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

int pdf_pages(const std::filesystem::path& pdf)
{
    const Output info = run("pdfinfo " + quoted(pdf) + " 2>&1");
    std::smatch m;
    static const std::regex pages(R"(Pages:\s+(\d+))");
    return info.exit_code == 0 && std::regex_search(info.text, m, pages) ? std::stoi(m[1]) : -1;
}

// Images in the PDF, from poppler's pdfimages -list (two header lines, then one line per image).
int pdf_images(const std::filesystem::path& pdf)
{
    const Output list = run("pdfimages -list " + quoted(pdf) + " 2>&1");
    if (list.exit_code != 0) return -1;
    int lines = 0;
    for (char ch : list.text) lines += ch == '\n' ? 1 : 0;
    return lines - 2;
}

std::string page_text(const std::filesystem::path& pdf, int page)
{
    const std::string n = std::to_string(page);
    return run("pdftotext -layout -f " + n + " -l " + n + " " + quoted(pdf) + " - 2>/dev/null").text;
}

// The page's text in reading order (no -layout), every run of white space made one space: a wrapped note reads as
// one sentence.
std::string flowing_text(const std::filesystem::path& pdf, int page)
{
    const std::string n = std::to_string(page);
    const std::string text = run("pdftotext -f " + n + " -l " + n + " " + quoted(pdf) + " - 2>/dev/null").text;
    static const std::regex space(R"(\s+)");
    return std::regex_replace(text, space, " ");
}

std::vector<std::string> lines_of(const std::string& text)
{
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

// The columns of a layout line: runs of text separated by two or more spaces.
std::vector<std::string> columns_of(const std::string& line)
{
    std::vector<std::string> out;
    static const std::regex gap(R"(\s{2,})");
    std::sregex_token_iterator it(line.begin(), line.end(), gap, -1), end;
    for (; it != end; ++it)
        if (!it->str().empty()) out.push_back(it->str());
    return out;
}

// The rows of a ranked table: lines starting with a rank, as the rank and then the layout columns.
std::vector<std::vector<std::string>> table_rows(const std::string& text)
{
    std::vector<std::vector<std::string>> rows;
    static const std::regex ranked(R"(^\s*(\d+) +(\S.*)$)");
    for (const auto& line : lines_of(text)) {
        std::smatch m;
        if (!std::regex_match(line, m, ranked)) continue;
        std::vector<std::string> row{m[1]};
        for (auto& c : columns_of(m[2])) row.push_back(c);
        rows.push_back(row);
    }
    return rows;
}

// The first line containing `needle`, or empty.
std::string line_with(const std::string& text, const std::string& needle)
{
    for (const auto& line : lines_of(text))
        if (line.find(needle) != std::string::npos) return line;
    return {};
}

// The columns of the first non-empty line after the line holding `label` (the values under a row of figure boxes).
std::vector<std::string> values_below(const std::string& text, const std::string& label)
{
    const auto lines = lines_of(text);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].find(label) == std::string::npos) continue;
        for (std::size_t j = i + 1; j < lines.size(); ++j)
            if (lines[j].find_first_not_of(' ') != std::string::npos) return columns_of(lines[j]);
    }
    return {};
}

std::string printf_fixed(double v, int decimals)
{
    std::array<char, 64> buffer{};
    std::snprintf(buffer.data(), buffer.size(), "%.*f", decimals, v);
    return buffer.data();
}

// The pages of what a leader asks next, which come last (test_report_leaders.cpp checks their figures).
// The walk plan's pages: the team-days, then each team's turn instructions (the sample's campaign plans).
int plan_pages(const std::filesystem::path& pdf)
{
    int count = 0;
    const int pages = pdf_pages(pdf);
    for (int p = 1; p <= pages; ++p) {
        const std::string text = page_text(pdf, p);
        if (text.find("Next walks: team-days") != std::string::npos || text.find("turn instructions") != std::string::npos)
            ++count;
    }
    return count;
}

int leader_pages(const std::filesystem::path& pdf)
{
    int count = 0;
    const int pages = pdf_pages(pdf);
    for (int p = 1; p <= pages; ++p) {
        const std::string text = page_text(pdf, p);
        for (const char* title : {"Who walked what", "Week by week", "Problems by village, walk and type",
                                  "Overdue by responsible person"})
            if (text.find(title) != std::string::npos) {
                ++count;
                break;
            }
    }
    return count;
}

// The register's pages (report_register.hpp): the overview, then its tables by village, unit and phase where the
// run's summary has them.
int register_pages(const std::filesystem::path& pdf)
{
    int count = 0;
    const int pages = pdf_pages(pdf);
    for (int p = 1; p <= pages; ++p) {
        const std::string text = page_text(pdf, p);
        if (text.find("Rectification register") != std::string::npos || text.find("Register by ") != std::string::npos)
            ++count;
    }
    return count;
}

// --- independent figures from the GeoPackage ---------------------------------------------------------------

struct Gpkg {
    GDALDatasetUniquePtr ds;
    explicit Gpkg(const std::filesystem::path& file)
        : ds(GDALDataset::Open(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY))
    {
    }
    // The rows of a SQLite SQL query, each field as text ("" for null).
    [[nodiscard]] std::vector<std::vector<std::string>> query(const std::string& sql) const
    {
        std::vector<std::vector<std::string>> rows;
        OGRLayer* result = ds->ExecuteSQL(sql.c_str(), nullptr, "SQLITE");
        if (!result) return rows;
        for (auto& f : *result) {
            std::vector<std::string> row;
            for (int i = 0; i < f->GetFieldCount(); ++i)
                row.emplace_back(f->IsFieldSetAndNotNull(i) ? f->GetFieldAsString(i) : "");
            rows.push_back(row);
        }
        ds->ReleaseResultSet(result);
        return rows;
    }
    [[nodiscard]] std::string scalar(const std::string& sql) const
    {
        const auto rows = query(sql);
        return rows.empty() || rows[0].empty() ? std::string{} : rows[0][0];
    }
};

// WGS 84 bounds of the first feature of a layer matching `where`, reprojected by OGR.
OGREnvelope wgs84_envelope(GDALDataset& ds, const std::string& layer_name, const std::string& where)
{
    OGRLayer* layer = ds.GetLayerByName(layer_name.c_str());
    layer->SetAttributeFilter(where.c_str());
    layer->ResetReading();
    OGRFeatureUniquePtr f(layer->GetNextFeature());
    layer->SetAttributeFilter(nullptr);
    OGREnvelope e;
    if (!f || !f->GetGeometryRef()) return e;
    OGRGeometryUniquePtr g(f->GetGeometryRef()->clone());
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (g->transformTo(&wgs84) == OGRERR_NONE) g->getEnvelope(&e);
    return e;
}

std::vector<double> numbers_in(const std::string& text)
{
    std::vector<double> out;
    static const std::regex number(R"(-?\d+(\.\d+)?)");
    for (std::sregex_iterator it(text.begin(), text.end(), number), end; it != end; ++it)
        out.push_back(std::stod(it->str()));
    return out;
}

class Report : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        s_dir = std::make_unique<TempDir>("geowalk-report");
        for (Lang lang : {Lang::en, Lang::zh}) {
            const render::MapSource source(test::sample_run(), lang);
            render::write_report(source, pdf(lang));
            if (lang == Lang::en) s_maps = static_cast<int>(render::map_catalogue(source).size());
        }
        s_leader_pages = leader_pages(pdf(Lang::en));
        s_plan_pages = plan_pages(pdf(Lang::en));
        s_register_pages = register_pages(pdf(Lang::en));
    }
    static void TearDownTestSuite() { s_dir.reset(); }

    static std::filesystem::path pdf(Lang lang)
    {
        return s_dir->path() / (lang == Lang::zh ? "report-zh.pdf" : "report-en.pdf");
    }
    static std::filesystem::path gpkg_file() { return test::sample_run() / "geowalk.gpkg"; }
    // Headline, matrix, one page per map, dead corners, hotspots (the sample's tables fit one page each), the four
    // tables of what a leader asks next, the plan's team-days and turn instructions, method notes.
    static int expected_pages() { return 2 + s_maps + 2 + s_leader_pages + s_register_pages + s_plan_pages + 1; }
    static int dead_corner_page() { return 3 + s_maps; }
    static int hotspot_page() { return 4 + s_maps; }
    static int method_page() { return 5 + s_maps + s_leader_pages + s_register_pages + s_plan_pages; }

    static inline std::unique_ptr<TempDir> s_dir;
    static inline int s_maps = 0;
    static inline int s_leader_pages = 0;
    static inline int s_plan_pages = 0;
    static inline int s_register_pages = 0;
};

TEST_F(Report, HasTheExpectedPagesInBothLanguages)
{
    EXPECT_GE(s_maps, 4);  // overview, coverage, hotspots, blind spots, villages
    // Each map is placed as one image (vectors of a county's roads and tracks would fill memory).
    EXPECT_EQ(pdf_images(pdf(Lang::en)), s_maps);
    EXPECT_GE(s_leader_pages, 4);
    EXPECT_GE(s_plan_pages, 2);  // the team-days and at least one team's instructions
    EXPECT_GE(s_register_pages, 1);  // the sample has a register: its overview page
    for (Lang lang : {Lang::en, Lang::zh}) EXPECT_EQ(pdf_pages(pdf(lang)), expected_pages());
}

TEST_F(Report, EveryPageHasHeaderAndFooter)
{
    const Gpkg g(gpkg_file());
    for (Lang lang : {Lang::en, Lang::zh}) {
        const int pages = pdf_pages(pdf(lang));
        for (int p = 1; p <= pages; ++p) {
            const std::string text = page_text(pdf(lang), p);
            EXPECT_NE(text.find("Ganjun"), std::string::npos) << "page " << p;
            EXPECT_NE(text.find(lang == Lang::zh ? "geowalk 制图" : "made with geowalk"), std::string::npos) << p;
            const std::string number = lang == Lang::zh ? "第 " + std::to_string(p) + " 页，共 " +
                                                              std::to_string(pages) + " 页"
                                                        : "Page " + std::to_string(p) + " of " + std::to_string(pages);
            EXPECT_NE(text.find(number), std::string::npos) << text;
        }
    }
}

TEST_F(Report, HeadlineIssueCountsMatchTheRegister)
{
    const Gpkg g(gpkg_file());
    ASSERT_TRUE(g.ds);
    const long long total = std::stoll(g.scalar("SELECT COUNT(*) FROM issues"));
    const long long rectified = std::stoll(g.scalar(
        "SELECT COUNT(*) FROM issues WHERE rectified IS NOT NULL OR status IN ('rectified', 'accepted')"));
    const long long accepted =
        std::stoll(g.scalar("SELECT COUNT(*) FROM issues WHERE accepted IS NOT NULL OR status = 'accepted'"));
    // As of the last record: the latest time written anywhere in tracks or issues.
    const std::string as_of = g.scalar(
        "SELECT MAX(t) FROM (SELECT MAX(julianday(\"end\")) AS t FROM tracks UNION ALL "
        "SELECT MAX(julianday(found)) FROM issues UNION ALL SELECT MAX(julianday(rectified)) FROM issues UNION ALL "
        "SELECT MAX(julianday(accepted)) FROM issues)");
    ASSERT_FALSE(as_of.empty());
    const long long overdue = std::stoll(
        g.scalar("SELECT COUNT(*) FROM issues WHERE julianday(deadline) < " + as_of +
                 " AND rectified IS NULL AND status NOT IN ('rectified', 'accepted')"));
    // The sample town keeps Beijing time (+08:00).
    const std::string as_of_date = g.scalar("SELECT date(" + as_of + ", '+8 hours')");
    EXPECT_GT(overdue, 0);  // the sample stalls a tenth of its rectifications

    const std::string text = page_text(pdf(Lang::en), 1);
    const auto values = values_below(text, "Issues found");
    ASSERT_GE(values.size(), 5u) << text;
    EXPECT_EQ(values[0], std::to_string(total));
    EXPECT_EQ(values[1], std::to_string(rectified));
    EXPECT_EQ(values[2], std::to_string(accepted));
    EXPECT_EQ(values[3], std::to_string(overdue));
    EXPECT_EQ(values[4], g.scalar("SELECT COUNT(*) FROM issues WHERE status = 'rebounded'"));
    EXPECT_NE(text.find("as of " + as_of_date), std::string::npos) << text;
    EXPECT_NE(page_text(pdf(Lang::zh), 1).find("截至 " + as_of_date), std::string::npos);

    // Issues by status: one row per status with its count.
    std::map<std::string, std::string> by_status;
    for (const auto& row : g.query("SELECT status, COUNT(*) FROM issues GROUP BY status")) by_status[row[0]] = row[1];
    for (const auto& s : all_statuses()) {
        const auto it = by_status.find(std::string(s.code));
        const std::string expected = it == by_status.end() ? "0" : it->second;
        for (Lang lang : {Lang::en, Lang::zh}) {
            const std::string label(lang == Lang::zh ? s.label_zh : s.label_en);
            const std::string page = page_text(pdf(lang), 1);
            // The status table is on the right; find the label's last occurrence on its line.
            bool found = false;
            for (const auto& line : lines_of(page)) {
                const auto cols = columns_of(line);
                for (std::size_t i = 0; i + 1 < cols.size(); ++i)
                    if (cols[i] == label && cols[i + 1] == expected) found = true;
            }
            EXPECT_TRUE(found) << label << " " << expected << "\n" << page;
        }
    }
}

TEST_F(Report, HeadlineCoverageMatchesTheLayers)
{
    const Gpkg g(gpkg_file());
    const std::string text = page_text(pdf(Lang::en), 1);
    const auto values = values_below(text, "Network walked");
    ASSERT_GE(values.size(), 5u) << text;

    // Network share from the covered flag of network_coverage pieces, measured by geometry.
    double length = 0, covered = 0;
    for (auto& f : *g.ds->GetLayerByName("network_coverage")) {
        const double l = f->GetGeometryRef()->toLineString()->get_Length();
        length += l;
        covered += f->GetFieldAsInteger("covered") ? l : 0;
    }
    EXPECT_NEAR(numbers_in(values[0]).at(0), 100 * covered / length, 0.051) << values[0];
    EXPECT_EQ(values[1], g.scalar("SELECT SUM(visited) FROM site_coverage") + " / " +
                             g.scalar("SELECT COUNT(*) FROM site_coverage"));

    // Dead corners: count, and their length from the geometries.
    long long dead = 0;
    double dead_m = 0;
    for (auto& f : *g.ds->GetLayerByName("uncovered")) {
        ++dead;
        dead_m += f->GetGeometryRef()->toLineString()->get_Length();
    }
    EXPECT_EQ(values[2], std::to_string(dead));
    EXPECT_NE(text.find(printf_fixed(dead_m / 1000, 1) + " km"), std::string::npos) << text;

    // Blind area from the polygons' areas (kind 'blind'; the grey 'not_required' land is not blind).
    double blind = 0;
    for (auto& f : *g.ds->GetLayerByName("blind_areas"))
        if (std::string(f->GetFieldAsString("kind")) == "blind") blind += f->GetGeometryRef()->toPolygon()->get_Area();
    EXPECT_NEAR(numbers_in(values[3]).at(0), blind / 1e6, 0.0051) << values[3];
    EXPECT_NE(values[3].find("km²"), std::string::npos);

    EXPECT_EQ(values[4], g.scalar("SELECT COUNT(*) FROM rebounds"));

    // Coverage by walk type, per category from the layers themselves: line walks the covered share of the
    // network_coverage pieces' length; site walks "N / M visited (P%)" from site_coverage and, marked "outline", the
    // mean outline ratio.
    std::map<std::string, std::pair<double, double>> by_category;  // covered, total length measured by OGR
    for (auto& f : *g.ds->GetLayerByName("network_coverage")) {
        const double l = f->GetGeometryRef()->toLineString()->get_Length();
        auto& [walked, all] = by_category[f->GetFieldAsString("category")];
        walked += f->GetFieldAsInteger("covered") ? l : 0;
        all += l;
    }
    ASSERT_GE(by_category.size(), 3u);
    for (const auto& [code, lengths] : by_category) {
        const auto category = parse_category(code);
        ASSERT_TRUE(category) << code;
        const double expected = 100 * lengths.first / lengths.second;
        for (Lang lang : {Lang::en, Lang::zh}) {
            const std::string label(lang == Lang::zh ? info(*category).label_zh : info(*category).label_en);
            const std::string line = line_with(page_text(pdf(lang), 1), label);
            ASSERT_FALSE(line.empty()) << label;
            const auto cols = columns_of(line.substr(line.find(label) + label.size()));
            ASSERT_GE(cols.size(), 3u) << line;
            static const std::regex pct(R"(^(\d+\.\d)%$)");
            std::smatch m;
            ASSERT_TRUE(std::regex_match(cols[2], m, pct)) << line;
            EXPECT_NEAR(std::stod(m[1]), expected, 0.051) << line;
        }
    }
    int site_walks = 0;
    for (const auto& row : g.query("SELECT category, SUM(visited), COUNT(*), AVG(ratio) FROM site_coverage GROUP BY category")) {
        const auto category = parse_category(row[0]);
        ASSERT_TRUE(category) << row[0];
        ++site_walks;
        const long long visited = std::stoll(row[1]), count = std::stoll(row[2]);
        const std::string share = printf_fixed(100.0 * static_cast<double>(visited) / static_cast<double>(count), 0) + "%";
        for (Lang lang : {Lang::en, Lang::zh}) {
            const std::string label(lang == Lang::zh ? info(*category).label_zh : info(*category).label_en);
            const std::string line = line_with(page_text(pdf(lang), 1), label);
            ASSERT_FALSE(line.empty()) << label;
            const std::string visited_text = lang == Lang::zh ? row[1] + " / " + row[2] + " 处已到访（" + share + "）"
                                                              : row[1] + " / " + row[2] + " visited (" + share + ")";
            EXPECT_NE(line.find(visited_text), std::string::npos) << visited_text << "\n" << line;
            const std::string outline = (lang == Lang::zh ? "外圈 " : "outline ") + printf_fixed(100 * std::stod(row[3]), 1) + "%";
            EXPECT_NE(line.find(outline), std::string::npos) << outline << "\n" << line;
        }
    }
    EXPECT_GE(site_walks, 3);
}

// Every headline figure of page 1, as pdftotext reads it, against summary.json (where the report takes it from) and
// against the GeoPackage (OGR SQL counts, OGR geometry areas and lengths): the three must agree, and each figure
// must say what it counts or is a share of.
TEST_F(Report, EveryHeadlineFigureAgreesWithSummaryJsonAndTheGeoPackage)
{
    const Gpkg g(gpkg_file());
    const auto summary = nlohmann::json::parse(read_text(test::sample_run() / "summary.json"));
    const auto& cov = summary.at("coverage");
    const auto& reg = summary.at("register");
    const auto& reb = summary.at("hotspots").at("rebounds");
    const std::string text = page_text(pdf(Lang::en), 1);
    const std::string flowing = flowing_text(pdf(Lang::en), 1);
    const auto top = values_below(text, "Network walked");
    const auto bottom = values_below(text, "Issues found");
    ASSERT_EQ(top.size(), 5u) << text;
    ASSERT_EQ(bottom.size(), 5u) << text;

    // Network walked: the share, from the summary and from the pieces' lengths.
    double length = 0, covered = 0;
    for (auto& f : *g.ds->GetLayerByName("network_coverage")) {
        const double l = f->GetGeometryRef()->toLineString()->get_Length();
        length += l;
        covered += f->GetFieldAsInteger("covered") ? l : 0;
    }
    EXPECT_EQ(top[0], printf_fixed(100 * cov.at("covered_share").get<double>(), 1) + "%");
    EXPECT_NEAR(cov.at("covered_share").get<double>(), covered / length, 1e-9);

    // Sites: "N / M" and "P% of the sites".
    const std::string visited = g.scalar("SELECT SUM(visited) FROM site_coverage");
    const std::string sites = g.scalar("SELECT COUNT(*) FROM site_coverage");
    EXPECT_EQ(top[1], visited + " / " + sites);
    EXPECT_EQ(visited, std::to_string(cov.at("sites").at("visited").get<long long>()));
    EXPECT_EQ(sites, std::to_string(cov.at("sites").at("count").get<long long>()));
    const double site_share = std::stod(visited) / std::stod(sites);
    EXPECT_NEAR(cov.at("sites").at("visited_share").get<double>(), site_share, 1e-12);
    EXPECT_NE(flowing.find(printf_fixed(100 * site_share, 0) + "% of the sites"), std::string::npos) << flowing;

    // Dead corners.
    EXPECT_EQ(top[2], g.scalar("SELECT COUNT(*) FROM uncovered"));
    EXPECT_EQ(top[2], std::to_string(cov.at("dead_corners").at("count").get<long long>()));

    // Blind area in km², and its share of the land to walk: the village land less the grey 'not_required' pieces.
    double blind = 0, not_required = 0, land = 0;
    for (auto& f : *g.ds->GetLayerByName("blind_areas")) {
        const double a = f->GetGeometryRef()->toPolygon()->get_Area();
        (std::string(f->GetFieldAsString("kind")) == "blind" ? blind : not_required) += a;
    }
    for (auto& f : *g.ds->GetLayerByName("villages")) {
        const OGRGeometry* v = f->GetGeometryRef();
        const auto type = wkbFlatten(v->getGeometryType());
        ASSERT_TRUE(type == wkbPolygon || type == wkbMultiPolygon);
        land += type == wkbPolygon ? v->toPolygon()->get_Area() : v->toMultiPolygon()->get_Area();
    }
    EXPECT_GT(not_required, 0) << "the sample town has fields away from every route and site";
    EXPECT_EQ(top[3], printf_fixed(cov.at("blind_area_km2").get<double>(), 2) + " km²");
    EXPECT_NEAR(cov.at("blind_area_km2").get<double>(), blind / 1e6, 1e-6);
    EXPECT_NEAR(cov.at("required_area_km2").get<double>(), (land - not_required) / 1e6, 1e-4);
    const double share = cov.at("blind_share").get<double>();
    EXPECT_NEAR(share, blind / (land - not_required), 1e-4);
    EXPECT_NE(flowing.find(printf_fixed(100 * share, 1) + "% of " + printf_fixed(cov.at("required_area_km2").get<double>(), 2) +
                        " km² to walk"),
              std::string::npos)
        << flowing;
    EXPECT_NE(flowing.find("within " + printf_fixed(cov.at("reach_m").get<double>(), 0) + " m of a route or site"),
              std::string::npos)
        << flowing;

    // The two rebound figures, named apart: found again (the rebounds layer) and marked in the register (status).
    EXPECT_EQ(top[4], g.scalar("SELECT COUNT(*) FROM rebounds"));
    EXPECT_EQ(top[4], std::to_string(reb.at("found_again").get<long long>()));
    EXPECT_NE(flowing.find("Found again within " + printf_fixed(reb.at("radius_m").get<double>(), 0) + " m"), std::string::npos);
    EXPECT_NE(flowing.find("≥ " + printf_fixed(reb.at("min_days").get<double>(), 0) + " days after acceptance"), std::string::npos);
    EXPECT_EQ(bottom[4], g.scalar("SELECT COUNT(*) FROM issues WHERE status = 'rebounded'"));
    EXPECT_EQ(bottom[4], std::to_string(reg.at("marked_rebounded").get<long long>()));
    EXPECT_NE(flowing.find("Marked rebounded"), std::string::npos);
    EXPECT_GT(std::stoll(bottom[4]), 0);
    // No rebound is found again sooner than min_days after the acceptance, nor of another problem type.
    EXPECT_EQ(g.scalar("SELECT COUNT(*) FROM rebounds WHERE days < " + printf_fixed(reb.at("min_days").get<double>(), 6)), "0");

    // The register's figures.
    EXPECT_EQ(bottom[0], std::to_string(reg.at("total").get<long long>()));
    EXPECT_EQ(bottom[0], g.scalar("SELECT COUNT(*) FROM issues"));
    EXPECT_EQ(bottom[1], std::to_string(reg.at("rectified").get<long long>()));
    EXPECT_EQ(bottom[2], std::to_string(reg.at("accepted").get<long long>()));
    EXPECT_EQ(bottom[3], std::to_string(reg.at("overdue").get<long long>()));

    // The Chinese page names the two rebound figures apart too.
    const std::string zh = flowing_text(pdf(Lang::zh), 1);
    EXPECT_NE(zh.find("验收后 " + printf_fixed(reb.at("radius_m").get<double>(), 0) + " 米内再发现"), std::string::npos) << zh;
    EXPECT_NE(zh.find("台账登记为反弹"), std::string::npos) << zh;
}

TEST_F(Report, MatrixShowsEveryVillageFromTheMatrixLayer)
{
    const Gpkg g(gpkg_file());
    std::string columns;
    for (const auto& c : all_categories()) columns += ", \"" + std::string(c.code) + "\"";
    const auto rows = g.query("SELECT village, area_pct" + columns + " FROM village_matrix");
    ASSERT_GE(rows.size(), 10u);
    for (Lang lang : {Lang::en, Lang::zh}) {
        const std::string text = page_text(pdf(lang), 2);
        EXPECT_NE(text.find(lang == Lang::zh ? "十走覆盖率" : "The ten walks by village"), std::string::npos);
        for (const auto& row : rows) {
            const std::string line = line_with(text, row[0]);
            ASSERT_FALSE(line.empty()) << row[0] << "\n" << text;  // the village names, in Chinese in both
            std::vector<std::string> expected{row[0]};
            for (std::size_t i = 2; i < row.size(); ++i)
                expected.push_back(row[i].empty() ? "–" : printf_fixed(std::stod(row[i]), 0) + "%");
            expected.push_back(printf_fixed(std::stod(row[1]), 0) + "%");
            std::vector<std::string> cells;
            std::istringstream in(line);
            for (std::string token; in >> token;) cells.push_back(token);
            EXPECT_EQ(cells, expected) << line;
        }
    }
}

TEST_F(Report, DeadCornersAreListedLongestFirstWithTheirPosition)
{
    const Gpkg g(gpkg_file());
    const long long count = std::stoll(g.scalar("SELECT COUNT(*) FROM uncovered"));
    ASSERT_GT(count, 0);
    const std::string text = page_text(pdf(Lang::en), dead_corner_page());
    ASSERT_NE(text.find("Longest dead corners"), std::string::npos) << text;
    // Rows start with their rank; the longest first.
    const auto top = g.query("SELECT village, length_m FROM uncovered ORDER BY length_m DESC LIMIT 1").at(0);
    const auto rows = table_rows(text);
    ASSERT_EQ(static_cast<long long>(rows.size()), std::min<long long>(count, 20)) << text;
    const auto& first = rows[0];
    ASSERT_EQ(first.size(), 7u) << testing::PrintToString(first);
    EXPECT_EQ(first[0], "1");
    EXPECT_EQ(first[1], top[0]);
    EXPECT_EQ(first[3], printf_fixed(std::stod(top[1]), 0));
    // Its middle lies on the line: inside the line's WGS 84 bounds.
    const OGREnvelope e = wgs84_envelope(*g.ds, "uncovered", "rank = 1");
    const double lon = std::stod(first[5]), lat = std::stod(first[6]);
    EXPECT_GE(lon, e.MinX - 1e-6);
    EXPECT_LE(lon, e.MaxX + 1e-6);
    EXPECT_GE(lat, e.MinY - 1e-6);
    EXPECT_LE(lat, e.MaxY + 1e-6);
    EXPECT_NEAR(lon, 100.45, 0.5);  // Ganjun town
    EXPECT_NEAR(lat, 38.93, 0.5);
}

// The hotspot table lists zones, one row per place: never two neighbouring cells of one place, never a zone without
// problems. Figures are checked against the GeoPackage: the zones layer by OGR SQL, and each listed zone's problems
// against the hot cells lying inside it (hotspot_cells.count summed over cells whose centre the zone holds).
TEST_F(Report, HotspotTableListsZonesWithProblemsByRank)
{
    const Gpkg g(gpkg_file());
    const long long zones = std::stoll(g.scalar("SELECT COUNT(*) FROM hotspot_zones WHERE issues > 0"));
    ASSERT_GT(zones, 0);
    const auto top = g.query("SELECT zone_id, village, near, issues, cells, confidence FROM hotspot_zones "
                             "WHERE issues > 0 ORDER BY rank");
    const std::string text = page_text(pdf(Lang::en), hotspot_page());
    ASSERT_NE(text.find("Problem hotspots"), std::string::npos) << text;
    const auto rows = table_rows(text);
    ASSERT_EQ(static_cast<long long>(rows.size()), std::min<long long>(zones, 20)) << text;
    OGRLayer* cells = g.ds->GetLayerByName("hotspot_cells");
    OGRLayer* zone_layer = g.ds->GetLayerByName("hotspot_zones");
    ASSERT_TRUE(cells && zone_layer);
    std::vector<OGRGeometryUniquePtr> listed;
    for (std::size_t k = 0; k < rows.size(); ++k) {
        const auto& row = rows[k];
        ASSERT_EQ(row.size(), 9u) << testing::PrintToString(row);
        EXPECT_EQ(row[1], top[k][1].empty() ? "–" : top[k][1]);
        EXPECT_EQ(row[2], top[k][2].empty() ? "–" : top[k][2]);
        EXPECT_EQ(row[3], top[k][3]);
        EXPECT_GT(std::stoll(row[3]), 0) << "a zone without problems is listed";
        EXPECT_EQ(row[6], top[k][5] + "%");
        if (k > 0) {
            EXPECT_GE(std::stoll(rows[k - 1][3]), std::stoll(row[3])) << "ranked by problems found";
        }

        zone_layer->SetAttributeFilter(("zone_id = " + top[k][0]).c_str());
        zone_layer->ResetReading();
        OGRFeatureUniquePtr zone(zone_layer->GetNextFeature());
        zone_layer->SetAttributeFilter(nullptr);
        ASSERT_TRUE(zone);
        const OGRGeometry* outline = zone->GetGeometryRef();
        // Its problems and cells, counted from the hot cells inside it.
        double issues = 0;
        long long hot = 0;
        for (auto& cell : *cells) {
            OGRPoint centre;
            ASSERT_EQ(cell->GetGeometryRef()->Centroid(&centre), OGRERR_NONE);
            if (!outline->Contains(&centre)) continue;
            EXPECT_GT(cell->GetFieldAsInteger("gi_bin"), 0) << "a zone holds hot cells only";
            issues += cell->GetFieldAsDouble("count");
            ++hot;
        }
        EXPECT_EQ(printf_fixed(issues, 0), top[k][3]);
        EXPECT_EQ(std::to_string(hot), top[k][4]);
        // The listed point lies in the zone.
        OGRGeometryUniquePtr wgs84_outline(outline->clone());
        OGRSpatialReference wgs84;
        wgs84.importFromEPSG(4326);
        wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        ASSERT_EQ(wgs84_outline->transformTo(&wgs84), OGRERR_NONE);
        const OGRPoint listed_point(std::stod(row[7]), std::stod(row[8]));
        EXPECT_LT(wgs84_outline->Distance(&listed_point), 2e-5) << "the position is in the zone (5 decimals)";
        // No two listed zones touch: neighbouring cells of one place are one row.
        for (const auto& other : listed) EXPECT_FALSE(other->Intersects(outline));
        listed.emplace_back(outline->clone());
    }
}

// The method notes close the report, with the run's cell and band rounded for people.
TEST_F(Report, MethodNotesCloseTheReport)
{
    const Gpkg g(gpkg_file());
    // One line of words: a phrase may wrap anywhere in a paragraph.
    const std::string text = std::regex_replace(page_text(pdf(Lang::en), method_page()), std::regex(R"(\s+)"), " ");
    for (const char* word : {"Method notes", "Getis-Ord Gi*", "false discovery rate", "kernel", "share an edge or a corner"})
        EXPECT_NE(text.find(word), std::string::npos) << word << "\n" << text;
    // The cell side from the layer (the sample's cells are squares): the square root of a cell's area, rounded to
    // two significant digits.
    OGRLayer* cells = g.ds->GetLayerByName("hotspot_cells");
    ASSERT_NE(cells, nullptr);
    cells->ResetReading();
    OGRFeatureUniquePtr first(cells->GetNextFeature());
    ASSERT_TRUE(first);
    const double side = std::sqrt(first->GetGeometryRef()->toPolygon()->get_Area());
    const double magnitude = std::pow(10.0, std::floor(std::log10(side)) - 1);
    const std::string cell = printf_fixed(std::round(side / magnitude) * magnitude, 0) + " m";
    EXPECT_NE(text.find("cells of " + cell), std::string::npos) << cell << "\n" << text;
    const std::string zh = page_text(pdf(Lang::zh), method_page());
    EXPECT_NE(zh.find("方法说明"), std::string::npos) << zh;
}

TEST_F(Report, EveryPageRendersAndIsNotBlank)
{
    for (Lang lang : {Lang::en, Lang::zh}) {
        TempDir pngs("geowalk-report-png");
        const Output r = run("pdftoppm -r 50 -png " + quoted(pdf(lang)) + " " + quoted(pngs / "page") + " 2>&1");
        EXPECT_EQ(r.exit_code, 0) << r.text;
        EXPECT_EQ(r.text, "");  // no syntax errors or warnings
        std::vector<std::filesystem::path> files;
        for (const auto& e : std::filesystem::directory_iterator(pngs.path())) files.push_back(e.path());
        ASSERT_EQ(static_cast<int>(files.size()), expected_pages());
        for (const auto& file : files) {
            GDALDatasetUniquePtr png(GDALDataset::Open(file.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
            ASSERT_TRUE(png) << file;
            EXPECT_GT(png->GetRasterXSize(), png->GetRasterYSize());  // landscape
            double min_max[2] = {0, 0};
            ASSERT_EQ(png->GetRasterBand(1)->ComputeRasterMinMax(FALSE, min_max), CE_None);
            EXPECT_LT(min_max[0], 128) << file << " looks blank";
        }
    }
}

TEST_F(Report, ChineseTextIsExtractable)
{
    const std::string first = page_text(pdf(Lang::zh), 1);
    for (const char* word : {"主要指标", "发现问题", "逾期未整改", "巡查盲区面积", "分类巡查覆盖", "国省道走路肩"})
        EXPECT_NE(first.find(word), std::string::npos) << word << "\n" << first;
    // No glyph fell back to a missing-glyph box: pdffonts lists only embedded Noto CJK subsets.
    const Output fonts = run("pdffonts " + quoted(pdf(Lang::zh)) + " 2>&1");
    EXPECT_NE(fonts.text.find("NotoSansCJK"), std::string::npos) << fonts.text;
}

// A run of the coverage step alone: no hotspot layers or summary section. The report still has every page and
// says what was not computed instead of failing or showing zeros.
// A county of hundreds of villages: no village map pages unless asked for, and one page says how to get them.
TEST(ReportManyVillages, VillageMapsLeftOutAreReferredToTheFlag)
{
    TempDir dir("geowalk-report-villages");
    const render::MapSource source(test::sample_run(), Lang::en);
    const auto catalogue = render::map_catalogue(source);
    const auto villages = std::count_if(catalogue.begin(), catalogue.end(),
                                        [](const render::MapSpec& m) { return !m.village.empty(); });
    ASSERT_EQ(villages, 12);
    const auto pdf = dir / "report.pdf";
    render::write_report(source, pdf, {},
                         {.top = 20, .maps = true, .village_maps = {render::VillageMapChoice::Mode::up_to_limit, {}, 11}});
    const int town_maps = static_cast<int>(catalogue.size()) - 12;
    // Headline, matrix, the town maps, the note, dead corners, hotspots, what a leader asks next, method notes.
    ASSERT_EQ(pdf_pages(pdf), 2 + town_maps + 1 + 2 + leader_pages(pdf) + register_pages(pdf) + plan_pages(pdf) + 1);
    const std::string note = page_text(pdf, 3 + town_maps);
    EXPECT_NE(note.find("--village-maps"), std::string::npos) << note;
    EXPECT_EQ(pdf_images(pdf), town_maps) << "one image per map, no village map";
}

// The report prints the village maps maps/ holds: those named (by name or by code), and says the others are not.
TEST(ReportManyVillages, PrintsTheNamedVillagesOnly)
{
    TempDir dir("geowalk-report-named");
    const render::MapSource source(test::sample_run(), Lang::en);
    const auto catalogue = render::map_catalogue(source);
    std::vector<const render::MapSpec*> village_specs;
    for (const auto& m : catalogue)
        if (!m.village.empty()) village_specs.push_back(&m);
    ASSERT_GE(village_specs.size(), 3u);
    const int town_maps = static_cast<int>(catalogue.size() - village_specs.size());
    const auto pdf = dir / "report.pdf";
    render::write_report(source, pdf, {},
                         {.top = 20, .maps = true,
                          .village_maps = {render::VillageMapChoice::Mode::listed,
                                           {village_specs[0]->village, village_specs[2]->village_code},
                                           render::max_village_maps}});
    EXPECT_EQ(pdf_pages(pdf), 2 + town_maps + 2 + 1 + 2 + leader_pages(pdf) + register_pages(pdf) + plan_pages(pdf) + 1);
    EXPECT_EQ(pdf_images(pdf), town_maps + 2);
}

TEST(ReportPartialRun, SaysWhatWasNotComputed)
{
    // The checked-in sample town (what `geowalk demo` generates), read only; coverage alone writes beside it.
    TempDir coverage_only("geowalk-report-coverage");
    const auto r = run_geowalk("coverage --quiet " + quoted(geo::test::source_dir() / "data/sample/campaign.toml") +
                               " --out " + quoted(coverage_only.path()));
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const render::MapSource source(coverage_only.path(), Lang::en);
    ASSERT_EQ(source.layer("hotspot_cells"), nullptr);
    const auto pdf = coverage_only / "report.pdf";
    render::write_report(source, pdf, {}, {.top = 20, .maps = false, .village_maps = {}});
    // Headline, matrix, dead corners, hotspots, what a leader asks next (walkers still from coverage alone), the
    // register's pages (its figures come with the loaded issues: the overview, then its tables by village, unit and
    // phase, counted by their titles), method.
    EXPECT_GE(leader_pages(pdf), 4);
    EXPECT_GE(register_pages(pdf), 1);
    EXPECT_EQ(pdf_pages(pdf), 5 + leader_pages(pdf) + register_pages(pdf));
    EXPECT_NE(page_text(pdf, 4).find("Hotspot cells were not computed"), std::string::npos) << page_text(pdf, 4);
    const auto boxes = values_below(page_text(pdf, 1), "Network walked");
    ASSERT_GE(boxes.size(), 5u);
    EXPECT_EQ(boxes[4], "–");  // rebounds come from the hotspot step
}

// A county's thousands of team-days: one row per team, and each row adds up what the routes layer holds for the
// team (read back with OGR); no turn-instruction tables.
TEST(ReportManyTeamDays, OneRowPerTeamAddingUpTheRoutesLayer)
{
    const render::MapSource source(test::sample_run(), Lang::en);
    struct Totals {
        long long days = 0;
        double km = 0;
    };
    std::map<long long, Totals> expected;
    {
        GDALDatasetUniquePtr gpkg(GDALDataset::Open((test::sample_run() / "geowalk.gpkg").c_str(), GDAL_OF_VECTOR));
        ASSERT_TRUE(gpkg);
        OGRLayer* routes = gpkg->GetLayerByName("routes");
        ASSERT_NE(routes, nullptr);
        for (OGRFeatureUniquePtr f(routes->GetNextFeature()); f; f.reset(routes->GetNextFeature())) {
            auto& t = expected[f->GetFieldAsInteger64("team")];
            ++t.days;
            t.km += f->GetFieldAsDouble("total_m") / 1000.0;
        }
    }
    long long all_days = 0;
    for (const auto& [team, t] : expected) all_days += t.days;
    ASSERT_GT(all_days, 10);
    const auto full = render::report::plan_tables(source, Lang::en);
    EXPECT_GT(full.size(), 1U) << "a town's plan prints each team's turn instructions";
    const auto county = render::report::plan_tables(source, Lang::en, 10);
    ASSERT_EQ(county.size(), 1U);
    const auto& rows = county[0].table.rows;
    ASSERT_EQ(rows.size(), expected.size());
    std::size_t i = 0;
    for (const auto& [team, t] : expected) {
        EXPECT_EQ(rows[i][0].text, std::to_string(team));
        EXPECT_EQ(rows[i][1].text, std::to_string(t.days)) << "team " << team;
        EXPECT_NEAR(std::stod(rows[i][2].text), t.km, 0.051) << "team " << team;
        ++i;
    }
    EXPECT_NE(county[0].table.note.find("route_stops"), std::string::npos);
}

}  // namespace
}  // namespace geo::test

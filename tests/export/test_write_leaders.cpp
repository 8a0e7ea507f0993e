// summary.json's `leaders` section after a CLI run (the shared sample run), each figure against the GeoPackage the
// same run wrote, computed here independently: track lengths and village crossings by OGR/GEOS geometry, issue
// counts by SQLite SQL, ISO weeks by std::chrono's calendar.
#include "support.hpp"

#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <ogrsf_frmts.h>

#include <chrono>
#include <cstdio>
#include <regex>
#include <cmath>
#include <map>
#include <set>

namespace geo::test {
namespace {

using Json = nlohmann::json;

constexpr int beijing = 480;  // the sample town keeps Beijing time

Json leaders()
{
    return Json::parse(read_text(sample_run() / "summary.json"));
}

struct Gpkg {
    GDALDatasetUniquePtr ds;
    Gpkg() : ds(GDALDataset::Open((sample_run() / "geowalk.gpkg").c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY)) {}
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
};

std::string iso_week(double utc)
{
    using namespace std::chrono;
    const sys_days day = floor<days>(sys_seconds{seconds{std::llround(utc) + beijing * 60LL}});
    const sys_days thursday = day - days{weekday{day}.iso_encoding() - 1} + days{3};
    const year_month_day ymd{thursday};
    const auto week = (thursday - sys_days{ymd.year() / January / 1}).count() / 7 + 1;
    return std::to_string(static_cast<int>(ymd.year())) + "-W" + (week < 10 ? "0" : "") + std::to_string(week);
}

// The walker of a track as README defines it, by regular expressions: the walker field, else the name less its
// date words and "#n" piece number (the whole name when nothing else is left), else "(unnamed)".
std::string walker_key(const std::string& walker, const std::string& name)
{
    static const std::regex spaces(R"(^\s+|\s+$)"), word(R"(\S+)"),
        dropped(R"(^(\d{4}([-/.])\d{1,2}\2\d{1,2}|\d{8}|#\d+)$)");
    const std::string w = std::regex_replace(walker, spaces, ""), n = std::regex_replace(name, spaces, "");
    if (!w.empty()) return w;
    if (n.empty()) return "(unnamed)";
    std::string kept;
    for (std::sregex_iterator it(n.begin(), n.end(), word), end; it != end; ++it)
        if (!std::regex_match(it->str(), dropped)) kept += (kept.empty() ? "" : " ") + it->str();
    return kept.empty() ? n : kept;
}

// The local day (Beijing time) of an ISO 8601 UTC time as the layers write it ("2017-02-20T02:41:29Z").
std::chrono::sys_days local_day(const std::string& utc)
{
    int y = 0, m = 0, d = 0, hh = 0, mm = 0;
    std::sscanf(utc.c_str(), "%d-%d-%dT%d:%d", &y, &m, &d, &hh, &mm);
    using namespace std::chrono;
    const auto t = sys_days{year{y} / m / d} + hours{hh} + minutes{mm} + minutes{beijing};
    return floor<days>(t);
}

std::string local_date(std::chrono::sys_days day)
{
    const std::chrono::year_month_day ymd{day};
    std::array<char, 16> text{};
    std::snprintf(text.data(), text.size(), "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    return text.data();
}

std::string local_date(const std::string& utc) { return local_date(local_day(utc)); }

// The as-of instant: the latest time in tracks or issues, as Julian day text for SQL.
std::string as_of_julian(const Gpkg& g)
{
    return g.query("SELECT MAX(t) FROM (SELECT MAX(julianday(\"end\")) AS t FROM tracks UNION ALL "
                   "SELECT MAX(julianday(found)) FROM issues UNION ALL SELECT MAX(julianday(rectified)) FROM issues "
                   "UNION ALL SELECT MAX(julianday(accepted)) FROM issues)")
        .at(0)
        .at(0);
}

}  // namespace

TEST(LeadersSummary, EverySectionIsThereAfterARun)
{
    const Json summary = leaders();
    ASSERT_TRUE(summary.contains("leaders")) << summary.dump(1).substr(0, 2000);
    const Json& l = summary["leaders"];
    EXPECT_EQ(l["as_of"], summary["campaign"]["period"]["last_record"]);
    const std::map<std::string, std::vector<std::string>> keys{
        {"walkers",
         {"walker", "track_pieces", "walked_km", "days_out", "villages_visited", "villages", "dead_corners",
          "dead_corner_km"}},
        {"weeks", {"week", "monday", "walked_km", "found", "rectified", "accepted"}},
        {"problems", {"village", "category", "problem", "issues", "open", "overdue"}},
        {"overdue_by_responsible", {"responsible", "issues", "open", "overdue", "most_days_overdue"}}};
    for (const auto& [section, fields] : keys) {
        ASSERT_TRUE(l.contains(section) && l[section].is_array()) << section;
        EXPECT_FALSE(l[section].empty()) << section;
        for (const Json& row : l[section])
            for (const auto& field : fields) EXPECT_TRUE(row.contains(field)) << section << "." << field;
    }
}

TEST(LeadersSummary, WalkersAgreeWithTheTracksAndVillageLayers)
{
    const Gpkg g;
    ASSERT_TRUE(g.ds);
    OGRLayer* tracks = g.ds->GetLayerByName("tracks");
    OGRLayer* villages = g.ds->GetLayerByName("villages");
    ASSERT_TRUE(tracks && villages);
    std::vector<std::pair<std::string, OGRGeometryUniquePtr>> village_areas;
    for (auto& v : *villages) village_areas.emplace_back(v->GetFieldAsString("name"), OGRGeometryUniquePtr(v->GetGeometryRef()->clone()));

    struct Expected {
        long long pieces = 0;
        double km = 0;
        std::set<std::string> villages, dates;
    };
    std::map<std::string, Expected> expected;
    // Local dates of each walker's track starts and ends: days out lies between their count and the count of
    // every date from a start to its end.
    std::map<std::string, std::pair<std::set<std::string>, std::set<std::string>>> dates;
    for (auto& t : *tracks) {
        const std::string who = walker_key(t->GetFieldAsString("walker"), t->GetFieldAsString("name"));
        const std::string start = t->GetFieldAsString("start"), end = t->GetFieldAsString("end");
        if (!start.empty() && !end.empty()) {
            auto& [ends, spanned] = dates[who];
            ends.insert(local_date(start));
            ends.insert(local_date(end));
            for (auto d = local_day(start); d <= local_day(end); d += std::chrono::days{1})
                spanned.insert(local_date(d));
        }
        Expected& e = expected[who];
        ++e.pieces;
        const OGRGeometry* line = t->GetGeometryRef();
        ASSERT_TRUE(line);
        e.km += line->toLineString()->get_Length() / 1000.0;
        for (const auto& [name, area] : village_areas)
            if (line->Intersects(area.get())) e.villages.insert(name);
    }
    // Dead corners per village, from the uncovered layer.
    std::map<std::string, std::pair<long long, double>> corners;
    for (const auto& row : g.query("SELECT village, COUNT(*), SUM(length_m) FROM uncovered GROUP BY village"))
        corners[row[0]] = {std::stoll(row[1]), std::stod(row[2])};

    const Json walkers = leaders()["leaders"]["walkers"];
    ASSERT_EQ(walkers.size(), expected.size());
    for (const Json& w : walkers) {
        const std::string who = w["walker"];
        ASSERT_TRUE(expected.count(who)) << who;
        const Expected& e = expected[who];
        EXPECT_EQ(w["track_pieces"].get<long long>(), e.pieces) << who;
        EXPECT_NEAR(w["walked_km"].get<double>(), e.km, 1e-6) << who;
        std::set<std::string> names;
        for (const Json& v : w["villages"]) names.insert(v.get<std::string>());
        EXPECT_EQ(names, e.villages) << who;
        EXPECT_EQ(w["villages_visited"].get<std::size_t>(), e.villages.size()) << who;
        long long count = 0;
        double metres = 0;
        for (const auto& v : e.villages)
            if (corners.count(v)) {
                count += corners[v].first;
                metres += corners[v].second;
            }
        EXPECT_EQ(w["dead_corners"].get<long long>(), count) << who;
        EXPECT_NEAR(w["dead_corner_km"].get<double>(), metres / 1000.0, 1e-6) << who;
        const auto& [ends, spanned] = dates[who];
        EXPECT_GE(w["days_out"].get<std::size_t>(), ends.size()) << who;
        EXPECT_LE(w["days_out"].get<std::size_t>(), spanned.size()) << who;
    }
}

TEST(LeadersSummary, OverdueByResponsibleAgreesWithSql)
{
    const Gpkg g;
    ASSERT_TRUE(g.ds);
    const std::string as_of = as_of_julian(g);
    ASSERT_FALSE(as_of.empty());
    std::map<std::string, std::array<long long, 3>> expected;
    const std::string done = "(rectified IS NOT NULL OR status IN ('rectified', 'accepted'))";
    for (const auto& row : g.query("SELECT COALESCE(NULLIF(TRIM(responsible), ''), '(none)') AS who, COUNT(*), "
                                   "SUM(CASE WHEN " + done + " THEN 0 ELSE 1 END), "
                                   "SUM(CASE WHEN julianday(deadline) < " + as_of + " AND NOT " + done +
                                   " THEN 1 ELSE 0 END) FROM issues GROUP BY who"))
        expected[row[0]] = {std::stoll(row[1]), std::stoll(row[2]), std::stoll(row[3])};
    const Json rows = leaders()["leaders"]["overdue_by_responsible"];
    ASSERT_EQ(rows.size(), expected.size());
    long long overdue = 0;
    for (const Json& r : rows) {
        const std::string who = r["responsible"];
        ASSERT_TRUE(expected.count(who)) << who;
        EXPECT_EQ(r["issues"].get<long long>(), expected[who][0]) << who;
        EXPECT_EQ(r["open"].get<long long>(), expected[who][1]) << who;
        EXPECT_EQ(r["overdue"].get<long long>(), expected[who][2]) << who;
        overdue += r["overdue"].get<long long>();
    }
    EXPECT_GT(overdue, 0);  // the sample stalls a tenth of its rectifications
}

TEST(LeadersSummary, ProblemsAgreeWithSql)
{
    const Gpkg g;
    ASSERT_TRUE(g.ds);
    std::map<std::string, long long> expected;
    for (const auto& row : g.query("SELECT COALESCE(village, '-'), category, TRIM(COALESCE(problem, '')), COUNT(*) "
                                   "FROM issues GROUP BY 1, 2, 3"))
        expected[row[0] + "|" + row[1] + "|" + row[2]] = std::stoll(row[3]);
    const Json rows = leaders()["leaders"]["problems"];
    ASSERT_EQ(rows.size(), expected.size());
    for (const Json& p : rows) {
        const std::string key = (p["village"].is_null() ? std::string("-") : p["village"].get<std::string>()) + "|" +
                                p["category"].get<std::string>() + "|" + p["problem"].get<std::string>();
        ASSERT_TRUE(expected.count(key)) << key;
        EXPECT_EQ(p["issues"].get<long long>(), expected[key]) << key;
    }
}

TEST(LeadersSummary, WeeksAgreeWithTheIssuesAndTracks)
{
    const Gpkg g;
    ASSERT_TRUE(g.ds);
    std::map<std::string, std::array<long long, 3>> expected;  // found, rectified, accepted
    std::array<long long, 3> undated{};
    for (const auto& row : g.query(
             "SELECT (julianday(found) - 2440587.5) * 86400, (julianday(rectified) - 2440587.5) * 86400, "
             "(julianday(accepted) - 2440587.5) * 86400, status FROM issues")) {
        const bool rectified = !row[1].empty() || row[3] == "rectified" || row[3] == "accepted";
        const bool accepted = !row[2].empty() || row[3] == "accepted";
        const bool happened[] = {true, rectified, accepted};
        for (std::size_t k = 0; k < 3; ++k) {
            if (!happened[k]) continue;
            if (row[k].empty())
                ++undated[k];
            else
                ++expected[iso_week(std::stod(row[k]))][k];
        }
    }
    OGRLayer* tracks = g.ds->GetLayerByName("tracks");
    double km = 0;
    for (auto& t : *tracks) km += t->GetGeometryRef()->toLineString()->get_Length() / 1000.0;

    const Json weeks = leaders()["leaders"]["weeks"];
    double walked = 0;
    std::set<std::string> seen;
    for (const Json& w : weeks) {
        walked += w["walked_km"].get<double>();
        const std::array<long long, 3> got{w["found"].get<long long>(), w["rectified"].get<long long>(),
                                           w["accepted"].get<long long>()};
        if (w["week"].is_null()) {
            EXPECT_EQ(got, undated);
            continue;
        }
        const std::string week = w["week"];
        seen.insert(week);
        const auto it = expected.find(week);
        const std::array<long long, 3> want = it == expected.end() ? std::array<long long, 3>{} : it->second;
        EXPECT_EQ(got, want) << week;
        EXPECT_EQ(iso_week(std::stod(g.query("SELECT (julianday('" + w["monday"].get<std::string>() +
                                             "') - 2440587.5) * 86400 - 28800")
                                             .at(0)
                                             .at(0))),
                  week);
    }
    for (const auto& [week, counts] : expected) EXPECT_TRUE(seen.count(week)) << week;
    EXPECT_NEAR(walked, km, 1e-6);
}

}  // namespace geo::test

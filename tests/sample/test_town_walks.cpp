// The sample town's walk tracks and issue register, checked from the written GPX and CSV files.
#include "town_fixture.hpp"

#include "libgeo/core/categories.hpp"
#include "libgeo/crs/gcj02.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <map>
#include <optional>
#include <regex>
#include <set>

namespace geo::sample::test {

namespace {

namespace fs = std::filesystem;

struct GpxFix {
    double x = 0, y = 0;             // UTM 47N metres
    std::optional<long long> time;   // seconds since 1970 UTC
    double hdop = 0;
};

long long epoch_seconds(int year, int month, int day, int hour, int minute, int second)
{
    using namespace std::chrono;
    const sys_days d{std::chrono::year{year} / month / day};
    return d.time_since_epoch().count() * 86400LL + hour * 3600 + minute * 60 + second;
}

std::vector<GpxFix> read_gpx(const fs::path& file, bool gcj02)
{
    const auto ds = open_vector(file, "GPX");
    OGRLayer& layer = *ds->GetLayerByName("track_points");
    const OGRSpatialReference wgs84 = epsg(4326), utm = epsg(32647);
    const std::unique_ptr<OGRCoordinateTransformation> ct(OGRCreateCoordinateTransformation(&wgs84, &utm));
    std::vector<GpxFix> fixes;
    for (auto& f : layer) {
        const OGRPoint& p = *f->GetGeometryRef()->toPoint();
        crs::LonLat ll{p.getX(), p.getY()};
        if (gcj02) ll = crs::gcj02_to_wgs84(ll);
        GpxFix fix{ll.lon, ll.lat, std::nullopt, f->GetFieldAsDouble("hdop")};
        ct->Transform(1, &fix.x, &fix.y);
        const int t = f->GetFieldIndex("time");
        if (f->IsFieldSetAndNotNull(t)) {
            int y = 0, mo = 0, d = 0, h = 0, mi = 0, tz = 0;
            float s = 0;
            f->GetFieldAsDateTime(t, &y, &mo, &d, &h, &mi, &s, &tz);
            EXPECT_EQ(tz, 100) << "times are written in UTC";
            fix.time = epoch_seconds(y, mo, d, h, mi, static_cast<int>(s));
        }
        fixes.push_back(fix);
    }
    return fixes;
}

// Every integer in a date text, in order: "2017年2月21日 10:35" -> 2017 2 21 10 35.
std::vector<int> numbers_in(const std::string& text)
{
    std::vector<int> out;
    for (std::size_t i = 0; i < text.size();) {
        if (!std::isdigit(static_cast<unsigned char>(text[i]))) { ++i; continue; }
        int n = 0;
        for (; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])); ++i) n = 10 * n + (text[i] - '0');
        out.push_back(n);
    }
    return out;
}

// Local minutes since 1970 of a register time, or nullopt when it is not a plain date and time.
std::optional<long long> local_minutes(const std::string& text)
{
    const auto n = numbers_in(text);
    if (n.size() != 5 || n[1] < 1 || n[1] > 12 || n[2] < 1 || n[2] > 28 + (n[1] != 2) * 3) return std::nullopt;
    return epoch_seconds(n[0], n[1], n[2], n[3], n[4], 0) / 60;
}

struct Row {
    std::map<std::string, std::string> cells;
    const std::string& operator[](const std::string& column) const { return cells.at(column); }
};

std::vector<Row> read_issues()
{
    const auto ds = open_vector(sample_town_dir() / "issues.csv", "CSV");
    OGRLayer& layer = *ds->GetLayer(0);
    std::vector<Row> rows;
    for (auto& f : layer) {
        Row row;
        for (int i = 0; i < f->GetFieldCount(); ++i)
            row.cells[f->GetFieldDefnRef(i)->GetNameRef()] = f->GetFieldAsString(i);
        rows.push_back(std::move(row));
    }
    return rows;
}

}  // namespace

TEST(SampleTownTracks, FortyDaytimeTracksWithTheFlawsOfRealLogs)
{
    const fs::path dir = sample_town_dir() / "tracks";
    const std::regex name_pattern("2017-0[23]-[0-9]{2}_.+_[0-9]+\\.gpx");
    int files = 0, gcj02_files = 0, without_time = 0, fixes = 0, poor = 0, gaps = 0, spikes = 0, duplicates = 0;
    for (const char* folder : {"wgs84", "gcj02"}) {
        for (const auto& entry : fs::directory_iterator(dir / folder)) {
            const bool gcj02 = std::string(folder) == "gcj02";
            EXPECT_TRUE(std::regex_match(entry.path().filename().string(), name_pattern)) << entry.path();
            const auto track = read_gpx(entry.path(), gcj02);
            ASSERT_GT(track.size(), 100u) << entry.path();
            ++files;
            gcj02_files += gcj02;
            fixes += static_cast<int>(track.size());
            const bool timed = track.front().time.has_value();
            without_time += !timed;
            double walked = 0.0;
            for (std::size_t i = 0; i < track.size(); ++i) {
                poor += track[i].hdop > 6.0;
                EXPECT_EQ(track[i].time.has_value(), timed);
                if (i == 0) continue;
                const double step = std::hypot(track[i].x - track[i - 1].x, track[i].y - track[i - 1].y);
                if (step < 100.0) walked += step;
                if (i + 1 < track.size() && step > 250.0 &&
                    std::hypot(track[i + 1].x - track[i].x, track[i + 1].y - track[i].y) > 250.0)
                    ++spikes;
                if (!timed) continue;
                const long long dt = *track[i].time - *track[i - 1].time;
                EXPECT_GE(dt, 0) << entry.path() << " fix " << i;
                if (dt == 0) {
                    ++duplicates;
                    EXPECT_EQ(step, 0.0) << "a repeated time is a duplicated fix";
                }
                gaps += dt >= 12 * 60;
                const long long local_hour = (*track[i].time + 8 * 3600) / 3600 % 24;
                EXPECT_GE(local_hour, 8);
                EXPECT_LT(local_hour, 19);
            }
            EXPECT_GT(walked, 2500.0) << entry.path();
            EXPECT_LT(walked, 10000.0) << entry.path();
            if (timed) {
                EXPECT_GE(*track.front().time, epoch_seconds(2017, 2, 20, 0, 0, 0) - 8 * 3600);
                EXPECT_LT(*track.back().time, epoch_seconds(2017, 3, 13, 0, 0, 0) - 8 * 3600);
            }
        }
    }
    EXPECT_GE(files, 35);
    EXPECT_LE(files, 45);
    EXPECT_GE(gcj02_files * 4, files);
    EXPECT_LE(gcj02_files * 2, files);
    EXPECT_EQ(without_time, 1);
    EXPECT_GT(fixes, 10000);
    EXPECT_GT(poor, fixes / 200);
    EXPECT_LT(poor, fixes / 10);
    EXPECT_GE(gaps, 3);
    EXPECT_GE(spikes, 3);
    EXPECT_GE(duplicates, 2);
}

TEST(SampleTownTracks, OneVillageIsNearlyUnwalked)
{
    GeosContext ctx;
    const auto gpkg = open_vector(sample_town_dir() / "town.gpkg", "GPKG");
    const OGRSpatialReference utm = epsg(32647);
    OGRLayer& villages = *gpkg->GetLayerByName("villages");
    villages.SetAttributeFilter("name = '毛家寺村'");
    const auto quiet = geometries(villages, &utm);
    ASSERT_EQ(quiet.size(), 1u);
    const GeomPtr area = to_geos(ctx, *quiet.front());
    const PreparedPtr prepared = prepare(ctx, area.get());
    int inside = 0, total = 0;
    for (const auto& entry : fs::directory_iterator(sample_town_dir() / "tracks" / "wgs84"))
        for (const GpxFix& fix : read_gpx(entry.path(), false)) {
            ++total;
            const GeomPtr point = own(ctx, GEOSGeom_createPointFromXY_r(ctx, fix.x, fix.y), "point");
            inside += predicate_result(ctx, GEOSPreparedContains_r(ctx, prepared.get(), point.get()), "contains");
        }
    EXPECT_LT(inside, total / 33) << inside << " of " << total << " fixes in 毛家寺村";
}

TEST(SampleTownIssues, RegisterHasTheColumnsAndAboutTwoThousandRows)
{
    const std::string text = geo::test::read_text(sample_town_dir() / "issues.csv");
    EXPECT_EQ(text.substr(0, text.find('\n')),
              "编号,类别,问题类型,发现时间,状态,责任人,整改期限,整改时间,验收时间,经度,纬度,备注");
    EXPECT_NE(static_cast<unsigned char>(text[0]), 0xEF) << "no byte-order mark";
    const auto rows = read_issues();
    EXPECT_GE(rows.size(), 1950u);
    EXPECT_LE(rows.size(), 2050u);

    std::set<std::string> ids;
    int chinese = 0, bad_category = 0, bad_status = 0, slashes = 0, chinese_dates = 0;
    std::set<Status> statuses;
    const std::set<std::string> problems{"生活垃圾", "建筑垃圾", "秸秆", "废旧农膜",
                                         "畜禽粪污", "污水",     "扬尘", "医疗废物"};
    const std::regex degrees("[0-9]{2,3}\\.[0-9]{7}");
    int empty_coords = 0, zero = 0, swapped = 0, garbled = 0;
    for (const Row& row : rows) {
        ids.insert(row["编号"]);
        const auto category = parse_category(row["类别"]);
        bad_category += !category;
        chinese += category && row["类别"] == info(*category).label_zh;
        const auto status = parse_status(row["状态"]);
        bad_status += !status;
        if (status) statuses.insert(*status);
        EXPECT_TRUE(problems.count(row["问题类型"])) << row["问题类型"];
        slashes += row["发现时间"].find('/') != std::string::npos;
        chinese_dates += row["发现时间"].find("年") != std::string::npos;
        if (status == Status::accepted) {
            EXPECT_FALSE(row["验收时间"].empty());
        }
        if (status == Status::found || status == Status::assigned || status == Status::rectifying) {
            EXPECT_TRUE(row["整改时间"].empty() && row["验收时间"].empty());
        }
        const std::string& lon = row["经度"];
        const std::string& lat = row["纬度"];
        if (lon.empty()) ++empty_coords;
        else if (lon == "0") ++zero;
        else if (!std::regex_match(lon, degrees)) ++garbled;
        else if (std::stod(lon) < 90.0) ++swapped;
        else {
            EXPECT_TRUE(std::regex_match(lat, degrees)) << lat;
        }
    }
    EXPECT_EQ(ids.size(), rows.size() - 1) << "exactly one duplicated id";
    EXPECT_EQ(bad_category, 1);
    EXPECT_EQ(bad_status, 1);
    EXPECT_EQ(statuses.size(), 6u);
    EXPECT_GT(chinese, static_cast<int>(rows.size()) / 5);
    EXPECT_LT(chinese, static_cast<int>(rows.size()) * 2 / 5);
    EXPECT_GT(slashes, 10);
    EXPECT_GT(chinese_dates, 10);
    EXPECT_EQ(empty_coords, 1);
    EXPECT_EQ(zero, 1);
    EXPECT_EQ(swapped, 1);
    EXPECT_EQ(garbled, 1);
}

TEST(SampleTownIssues, IssuesLieOnWhatTheirCategorySaysClusterAndRebound)
{
    GeosContext ctx;
    const OGRSpatialReference utm = epsg(32647), wgs84 = epsg(4326);
    const auto rivers = open_vector(sample_town_dir() / "rivers.geojson", "GeoJSON");
    const auto gpkg = open_vector(sample_town_dir() / "town.gpkg", "GPKG");
    OGRLayer& roads = *gpkg->GetLayerByName("roads");
    roads.SetAttributeFilter("class IN ('highway', 'named_road')");
    std::map<std::string, std::vector<GeomPtr>> lines;
    for (auto& g : geometries(*rivers->GetLayer(0), &utm)) lines["river_ditch"].push_back(to_geos(ctx, *g));
    for (auto& g : geometries(roads, &utm)) lines["highway_shoulder"].push_back(to_geos(ctx, *g));
    const std::unique_ptr<OGRCoordinateTransformation> ct(OGRCreateCoordinateTransformation(&wgs84, &utm));

    struct Located {
        std::string category;
        double x, y;
        std::optional<long long> found, accepted;
    };
    std::vector<Located> issues;
    std::map<std::string, int> near, checked;
    std::map<std::pair<long long, long long>, int> cells;
    int week1 = 0, week3 = 0;
    const long long start = epoch_seconds(2017, 2, 20, 0, 0, 0) / 60;
    for (const Row& row : read_issues()) {
        const auto category = parse_category(row["类别"]);
        if (!category || row["经度"].empty() || row["经度"] == "0") continue;
        char* end = nullptr;
        crs::LonLat ll{std::strtod(row["经度"].c_str(), &end), std::strtod(row["纬度"].c_str(), nullptr)};
        if (*end != '\0' || ll.lon < 90.0) continue;
        ll = crs::gcj02_to_wgs84(ll);
        Located issue{std::string(code(*category)), ll.lon, ll.lat, local_minutes(row["发现时间"]),
                      local_minutes(row["验收时间"])};
        ct->Transform(1, &issue.x, &issue.y);
        ++cells[{static_cast<long long>(issue.x / 300), static_cast<long long>(issue.y / 300)}];
        if (issue.found) {
            const long long day = (*issue.found - start) / 1440;
            week1 += day < 7;
            week3 += day >= 14;
        }
        if (const auto it = lines.find(issue.category); it != lines.end()) {
            GeomPtr point = own(ctx, GEOSGeom_createPointFromXY_r(ctx, issue.x, issue.y), "point");
            double best = 1e12;
            for (const auto& line : it->second) {
                double d = 0;
                GEOSDistance_r(ctx, point.get(), line.get(), &d);
                best = std::min(best, d);
            }
            ++checked[issue.category];
            near[issue.category] += best < 30.0;
        }
        issues.push_back(issue);
    }
    for (const auto& [category, n] : checked) EXPECT_GT(near[category], n * 95 / 100) << category;
    EXPECT_GT(week3, week1 * 5 / 4) << "more is found in week 3: an emerging signal";
    int densest = 0;
    for (const auto& [cell, n] : cells) densest = std::max(densest, n);
    EXPECT_GE(densest, 20) << "dense clusters make hotspots";

    int rebounds = 0;
    for (const Located& a : issues) {
        if (!a.accepted) continue;
        rebounds += std::any_of(issues.begin(), issues.end(), [&](const Located& b) {
            return &b != &a && b.category == a.category && b.found && *b.found > *a.accepted &&
                   std::hypot(b.x - a.x, b.y - a.y) < 50.0;
        });
    }
    EXPECT_GE(rebounds, 5);
}

}  // namespace geo::sample::test

// What a leader asks next, on a small constructed campaign: every figure against a brute-force loop written here
// (segment lengths by std::hypot, ISO weeks by std::chrono's calendar, overdue by filtering), and ISO weeks of
// chosen dates against values written by hand (checked with Python's date.isocalendar()).
#include "libgeo/core/datetime.hpp"
#include "libgeo/leaders/issue_state.hpp"
#include "libgeo/leaders/issue_tables.hpp"
#include "libgeo/leaders/walkers.hpp"
#include "libgeo/leaders/weeks.hpp"

#include <gtest/gtest.h>

#include <boost/geometry/io/wkt/read.hpp>

#include <chrono>
#include <cmath>
#include <map>
#include <random>
#include <set>

namespace geo::leaders {

namespace {

constexpr int beijing = 480;

double beijing_time(int y, int m, int d, int hh, int mm) { return utc_seconds(y, m, d, hh, mm, 0, beijing); }

Village square_village(const std::string& name, double x0, double y0, double size)
{
    Village v;
    v.name = name;
    const std::string a = std::to_string(x0), b = std::to_string(y0), c = std::to_string(x0 + size),
                      d = std::to_string(y0 + size);
    bg::read_wkt("POLYGON((" + a + " " + b + "," + a + " " + d + "," + c + " " + d + "," + c + " " + b + "," + a + " " +
                     b + "))",
                 v.area.emplace_back());
    bg::correct(v.area);
    return v;
}

// Fixes every `step` metres from `from` to `to`, `seconds` apart from t0 (NaN t0: an untimed track).
Track straight_track(int id, std::string walker, std::string name, Point from, Point to, double step, double t0,
                     double seconds)
{
    Track t;
    t.id = id;
    t.walker = std::move(walker);
    t.name = std::move(name);
    const double length = std::hypot(to.x() - from.x(), to.y() - from.y());
    const int n = std::max(1, static_cast<int>(std::ceil(length / step)));
    for (int k = 0; k <= n; ++k) {
        const double u = static_cast<double>(k) / n;
        t.fixes.push_back({Point(from.x() + u * (to.x() - from.x()), from.y() + u * (to.y() - from.y())),
                           std::isnan(t0) ? no_time : t0 + k * seconds, no_time});
    }
    t.has_times = !std::isnan(t0);
    return t;
}

// Villages A, B side by side, C apart, D without area; five track pieces of four walkers (see each).
Campaign town()
{
    Campaign c;
    c.utc_offset_minutes = beijing;
    c.villages = {square_village("A", 0, 0, 1000), square_village("B", 1000, 0, 1000),
                  square_village("C", 0, 2000, 1000)};
    Village d;
    d.name = "D (no area)";
    c.villages.push_back(d);
    // 张伟 walks in A on Monday 2017-02-20, and from A into B late on Sunday 2017-02-26, past midnight.
    c.tracks.push_back(straight_track(0, "张伟", "a", {100, 100}, {900, 100}, 100, beijing_time(2017, 2, 20, 9, 0), 60));
    c.tracks.push_back(
        straight_track(1, "张伟", "b", {900, 500}, {1500, 500}, 50, beijing_time(2017, 2, 26, 23, 50), 120));
    // No walker: the track name stands in. Both fixes lie outside B, the segment between them crosses it.
    c.tracks.push_back(
        straight_track(2, "", "track X", {1500, -100}, {2100, 500}, 1000, beijing_time(2017, 3, 1, 10, 0), 600));
    // Untimed, in C; the walker's name with spaces around it.
    c.tracks.push_back(straight_track(3, " 李娜 ", "c", {100, 2100}, {500, 2500}, 40, no_time, 0));
    // One fix, neither walker nor name.
    c.tracks.push_back(straight_track(4, "", "", {50, 50}, {50, 50}, 10, beijing_time(2017, 3, 2, 8, 0), 0));
    c.tracks.back().fixes.resize(1);
    return c;
}

double hypot_length(const Track& t)
{
    double sum = 0;
    for (std::size_t i = 1; i < t.fixes.size(); ++i)
        sum += std::hypot(t.fixes[i].position.x() - t.fixes[i - 1].position.x(),
                          t.fixes[i].position.y() - t.fixes[i - 1].position.y());
    return sum;
}

// The ISO week by std::chrono's calendar (another implementation than weeks.cpp's day arithmetic).
IsoWeek chrono_week(double utc, int offset_minutes)
{
    using namespace std::chrono;
    const sys_seconds local{seconds{std::llround(utc) + offset_minutes * 60LL}};
    const sys_days day = floor<days>(local);
    const sys_days thursday = day - days{weekday{day}.iso_encoding() - 1} + days{3};
    const year_month_day ymd{thursday};
    const sys_days jan1{ymd.year() / January / 1};
    return {static_cast<int>(ymd.year()), static_cast<int>((thursday - jan1).count() / 7 + 1)};
}

const WalkerFigures& find_walker(const std::vector<WalkerFigures>& all, const std::string& name)
{
    for (const auto& w : all)
        if (w.walker == name) return w;
    throw std::runtime_error("no walker " + name);
}

}  // namespace

TEST(Leaders, IsoWeeksOfChosenDates)
{
    // (local date, ISO year, ISO week), from Python's datetime.date.isocalendar().
    const struct {
        int y, m, d, iso_year, iso_week;
    } cases[] = {{2017, 2, 20, 2017, 8},  {2021, 1, 3, 2020, 53}, {2018, 12, 31, 2019, 1}, {2016, 1, 1, 2015, 53},
                 {2017, 1, 1, 2016, 52},  {2020, 12, 31, 2020, 53}, {2026, 12, 7, 2026, 50}, {2017, 2, 26, 2017, 8},
                 {2017, 2, 27, 2017, 9},  {2015, 12, 28, 2015, 53}, {2010, 1, 3, 2009, 53}, {1969, 12, 31, 1970, 1}};
    for (const auto& c : cases) {
        // Any time of that local day, at the campaign's offset, falls in the same week.
        for (int hour : {0, 7, 23}) {
            const IsoWeek w = iso_week(utc_seconds(c.y, c.m, c.d, hour, 59, 59, beijing), beijing);
            EXPECT_EQ(w.year, c.iso_year) << c.y << "-" << c.m << "-" << c.d << " " << hour;
            EXPECT_EQ(w.week, c.iso_week) << c.y << "-" << c.m << "-" << c.d << " " << hour;
        }
    }
    EXPECT_EQ(week_label({2017, 8}), "2017-W08");
    EXPECT_EQ(week_label({2020, 53}), "2020-W53");
    // Monday 00:30 in Beijing is Sunday in UTC: the campaign's offset decides.
    const double monday_early = utc_seconds(2017, 2, 26, 16, 30, 0, 0);
    EXPECT_EQ(iso_week(monday_early, beijing), (IsoWeek{2017, 9}));
    EXPECT_EQ(iso_week(monday_early, 0), (IsoWeek{2017, 8}));
    // Every hour over three years against std::chrono's calendar.
    for (double t = utc_seconds(2019, 12, 1, 0, 0, 0, 0); t < utc_seconds(2022, 2, 1, 0, 0, 0, 0); t += 3600)
        for (int offset : {beijing, 0, -300}) ASSERT_EQ(iso_week(t, offset), chrono_week(t, offset)) << t;
}

TEST(Leaders, WalkerFromTrackName)
{
    // Phone apps' day names, and names that are nothing but a date: those stay whole.
    const std::pair<const char*, const char*> cases[] = {
        {"黄勇 2017-02-20 #1", "黄勇"},    {"黄勇 2017/2/20 #12", "黄勇"}, {"Anna Berg 20170220", "Anna Berg"},
        {"黄勇 2017.02.20", "黄勇"},       {"2017-02-20 #1", "2017-02-20 #1"}, {"track X", "track X"},
        {"team 2017-02 #a", "team 2017-02 #a"}, {"张伟  #3", "张伟"},  {"2017-02/20 x", "2017-02/20 x"}};
    for (const auto& [name, walker] : cases) EXPECT_EQ(walker_from_name(name), walker) << name;
    Track t;
    t.name = "王芳 2017-03-01 #2";
    EXPECT_EQ(walker_of(t), "王芳");
    t.walker = " 李娜 ";  // the source's walker wins
    EXPECT_EQ(walker_of(t), "李娜");
}

TEST(Leaders, WalkersAgainstBruteForce)
{
    const Campaign c = town();
    coverage::CoverageResult cover;
    auto corner = [](int village, double length) {
        coverage::DeadCorner d;
        d.village = village;
        d.length_m = length;
        return d;
    };
    cover.dead_corners = {corner(2, 300), corner(0, 120), corner(1, 80), corner(1, 40)};
    const auto walkers = walker_figures(c, &cover);
    ASSERT_EQ(walkers.size(), 4u);

    // Hand-chosen expectations: who, villages entered, local days with a timed fix.
    const struct {
        std::string walker;
        std::set<int> villages;
        int days;
        std::vector<int> tracks;
    } expected[] = {{"张伟", {0, 1}, 3, {0, 1}}, {"track X", {1}, 1, {2}}, {"李娜", {2}, 0, {3}}, {"(unnamed)", {0}, 1, {4}}};
    for (const auto& e : expected) {
        const WalkerFigures& w = find_walker(walkers, e.walker);
        double km = 0;
        for (int t : e.tracks) km += hypot_length(c.tracks[static_cast<std::size_t>(t)]);
        EXPECT_NEAR(w.walked_m, km, 1e-6) << e.walker;
        EXPECT_EQ(w.pieces, static_cast<int>(e.tracks.size())) << e.walker;
        EXPECT_EQ(w.days_out, e.days) << e.walker;
        EXPECT_EQ(std::set<int>(w.villages.begin(), w.villages.end()), e.villages) << e.walker;
        long long count = 0;
        double length = 0;
        for (const auto& d : cover.dead_corners)
            if (e.villages.count(d.village) != 0) {
                ++count;
                length += d.length_m;
            }
        ASSERT_TRUE(w.dead_corners && w.dead_corner_m);
        EXPECT_EQ(*w.dead_corners, count) << e.walker;
        EXPECT_NEAR(*w.dead_corner_m, length, 1e-9) << e.walker;
    }
    // Most km first.
    for (std::size_t i = 1; i < walkers.size(); ++i) EXPECT_GE(walkers[i - 1].walked_m, walkers[i].walked_m);
    // Without coverage the dead-corner figures are unset, not zero.
    for (const auto& w : walker_figures(c, nullptr)) EXPECT_FALSE(w.dead_corners.has_value());
}

// Issues with every combination of dates present or missing, statuses and names with stray spaces.
Campaign town_with_issues(std::uint64_t seed)
{
    Campaign c = town();
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> u(0, 1);
    const double start = beijing_time(2017, 2, 15, 0, 0), day = 86400;
    const std::string people[] = {"王芳", "刘强", " 王芳", "", "  "};
    const std::string problems[] = {"生活垃圾", "秸秆", "", " 秸秆"};
    for (int k = 0; k < 400; ++k) {
        Issue i;
        i.id = k;
        i.village = static_cast<int>(rng() % 4) - 1;
        i.category = static_cast<Category>(rng() % category_count);
        i.problem = problems[rng() % 4];
        i.responsible = people[rng() % 5];
        i.status = static_cast<Status>(rng() % status_count);
        const double found = start + u(rng) * 30 * day;
        if (u(rng) < 0.9) i.found = found;
        if (u(rng) < 0.8) i.deadline = found + std::floor(u(rng) * 20) * day;
        if (u(rng) < 0.4) i.rectified = found + u(rng) * 15 * day;
        if (i.rectified && u(rng) < 0.6) i.accepted = *i.rectified + u(rng) * 5 * day;
        c.issues.push_back(i);
    }
    return c;
}

TEST(Leaders, OverdueByResponsibleAgainstFiltering)
{
    for (std::uint64_t seed : {1, 2, 3}) {
        const Campaign c = town_with_issues(seed);
        // The reference instant: the latest time anywhere.
        double as_of = -1;
        for (const auto& t : c.tracks)
            for (const auto& f : t.fixes)
                if (!std::isnan(f.time)) as_of = std::max(as_of, f.time);
        for (const auto& i : c.issues)
            for (const auto& t : {i.found, i.rectified, i.accepted})
                if (t) as_of = std::max(as_of, *t);
        ASSERT_EQ(last_record(c), std::optional<double>(as_of));

        std::map<std::string, std::array<long long, 3>> expected;  // issues, open, overdue
        std::map<std::string, double> longest;
        for (const auto& i : c.issues) {
            std::string name = i.responsible;
            while (!name.empty() && name.front() == ' ') name.erase(0, 1);
            if (name.empty()) name = "(none)";
            const bool done = i.rectified || i.status == Status::rectified || i.status == Status::accepted;
            const bool late = i.deadline && *i.deadline < as_of && !done;
            auto& e = expected[name];
            ++e[0];
            e[1] += done ? 0 : 1;
            e[2] += late ? 1 : 0;
            if (late) longest[name] = std::max(longest[name], (as_of - *i.deadline) / 86400);
        }
        const auto rows = overdue_by_responsible(c, as_of);
        ASSERT_EQ(rows.size(), expected.size());
        long long overdue_total = 0;
        for (const auto& r : rows) {
            ASSERT_TRUE(expected.count(r.responsible)) << r.responsible;
            const auto& e = expected.at(r.responsible);
            EXPECT_EQ(r.issues, e[0]) << r.responsible;
            EXPECT_EQ(r.open, e[1]) << r.responsible;
            EXPECT_EQ(r.overdue, e[2]) << r.responsible;
            EXPECT_NEAR(r.most_days_overdue, longest[r.responsible], 1e-9) << r.responsible;
            overdue_total += r.overdue;
        }
        EXPECT_GT(overdue_total, 0);
        for (std::size_t i = 1; i < rows.size(); ++i) EXPECT_GE(rows[i - 1].overdue, rows[i].overdue);
        EXPECT_TRUE(expected.count("(none)"));
        // Nothing is overdue without a reference instant.
        for (const auto& r : overdue_by_responsible(c, std::nullopt)) EXPECT_EQ(r.overdue, 0);
    }
}

TEST(Leaders, ProblemsByVillageCategoryAndType)
{
    const Campaign c = town_with_issues(7);
    const auto as_of = last_record(c);
    std::map<std::tuple<int, int, std::string>, std::array<long long, 3>> expected;
    for (const auto& i : c.issues) {
        std::string p = i.problem;
        while (!p.empty() && p.front() == ' ') p.erase(0, 1);
        const bool done = i.rectified || i.status == Status::rectified || i.status == Status::accepted;
        auto& e = expected[{i.village, static_cast<int>(i.category), p}];
        ++e[0];
        e[1] += done ? 0 : 1;
        e[2] += (i.deadline && *i.deadline < *as_of && !done) ? 1 : 0;
    }
    const auto rows = problems_by_village(c, as_of);
    ASSERT_EQ(rows.size(), expected.size());
    for (const auto& r : rows) {
        const auto it = expected.find({r.village, static_cast<int>(r.category), r.problem});
        ASSERT_NE(it, expected.end()) << r.village << " " << r.problem;
        EXPECT_EQ(r.issues, it->second[0]);
        EXPECT_EQ(r.open, it->second[1]);
        EXPECT_EQ(r.overdue, it->second[2]);
    }
    // Villages in order, outside every village last, categories in order within a village.
    auto rank = [&](const ProblemRow& r) {
        return std::pair(r.village < 0 ? 1000 : r.village, static_cast<int>(r.category));
    };
    for (std::size_t i = 1; i < rows.size(); ++i) EXPECT_LE(rank(rows[i - 1]), rank(rows[i]));
}

TEST(Leaders, WeeksAgainstBruteForceAndTheTotals)
{
    const Campaign c = town_with_issues(11);
    std::map<IsoWeek, std::array<double, 4>> expected;  // km, found, rectified, accepted
    std::array<double, 4> undated{};
    for (const auto& t : c.tracks)
        for (std::size_t i = 1; i < t.fixes.size(); ++i) {
            const double length = std::hypot(t.fixes[i].position.x() - t.fixes[i - 1].position.x(),
                                             t.fixes[i].position.y() - t.fixes[i - 1].position.y());
            if (std::isnan(t.fixes[i - 1].time))
                undated[0] += length;
            else
                expected[chrono_week(t.fixes[i - 1].time, beijing)][0] += length;
        }
    long long rectified = 0, accepted = 0;
    for (const auto& i : c.issues) {
        const bool done = i.rectified || i.status == Status::rectified || i.status == Status::accepted;
        const bool ok = i.accepted || i.status == Status::accepted;
        rectified += done ? 1 : 0;
        accepted += ok ? 1 : 0;
        auto add = [&](const std::optional<double>& t, bool happened, std::size_t field) {
            if (!happened) return;
            if (t)
                expected[chrono_week(*t, beijing)][field] += 1;
            else
                undated[field] += 1;
        };
        add(i.found, true, 1);
        add(i.rectified, done, 2);
        add(i.accepted, ok, 3);
    }
    const auto weeks = week_figures(c);
    ASSERT_FALSE(weeks.empty());
    ASSERT_FALSE(weeks.back().week.has_value());  // the undated row, last
    std::array<double, 4> total{};
    std::size_t dated = 0;
    for (const auto& w : weeks) {
        const std::array<double, 4> got{w.walked_m, static_cast<double>(w.found), static_cast<double>(w.rectified),
                                        static_cast<double>(w.accepted)};
        for (std::size_t f = 0; f < 4; ++f) total[f] += got[f];
        if (!w.week) {
            for (std::size_t f = 0; f < 4; ++f) EXPECT_NEAR(got[f], undated[f], 1e-6) << f;
            continue;
        }
        ++dated;
        const auto it = expected.find(*w.week);
        const std::array<double, 4> want = it == expected.end() ? std::array<double, 4>{} : it->second;
        for (std::size_t f = 0; f < 4; ++f) EXPECT_NEAR(got[f], want[f], 1e-6) << week_label(*w.week) << " " << f;
        // The Monday printed is the Monday of that week.
        const auto monday = parse_timestamp(w.monday, beijing);
        ASSERT_TRUE(monday) << w.monday;
        EXPECT_EQ(chrono_week(monday->seconds, beijing), *w.week);
        EXPECT_EQ(chrono_week(monday->seconds - 1, beijing) < *w.week, true);
    }
    // Consecutive weeks from the first to the last, none skipped.
    EXPECT_GE(dated, expected.size());
    for (std::size_t i = 1; i < dated; ++i) {
        const auto a = parse_timestamp(weeks[i - 1].monday, beijing), b = parse_timestamp(weeks[i].monday, beijing);
        EXPECT_NEAR(b->seconds - a->seconds, 7 * 86400.0, 1e-6);
    }
    // The columns add up to the totals.
    double km = 0;
    for (const auto& t : c.tracks) km += hypot_length(t);
    EXPECT_NEAR(total[0], km, 1e-6);
    EXPECT_EQ(total[1], static_cast<double>(c.issues.size()));
    EXPECT_EQ(total[2], static_cast<double>(rectified));
    EXPECT_EQ(total[3], static_cast<double>(accepted));
}

}  // namespace geo::leaders

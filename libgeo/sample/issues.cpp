#include "libgeo/sample/issues.hpp"

#include "libgeo/sample/random.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <numbers>

namespace geo::sample {

namespace {

struct Problem {
    std::string_view name;
    double weight;
};

// What is found along each walk (order of geo::Category), with rough shares.
const std::array<std::vector<Problem>, category_count> k_problems{{
    {{"生活垃圾", 0.5}, {"建筑垃圾", 0.3}, {"扬尘", 0.2}},
    {{"生活垃圾", 0.55}, {"建筑垃圾", 0.2}, {"秸秆", 0.25}},
    {{"生活垃圾", 0.5}, {"秸秆", 0.3}, {"畜禽粪污", 0.2}},
    {{"生活垃圾", 0.45}, {"污水", 0.3}, {"秸秆", 0.15}, {"废旧农膜", 0.1}},
    {{"废旧农膜", 0.55}, {"秸秆", 0.45}},
    {{"畜禽粪污", 0.5}, {"废旧农膜", 0.3}, {"秸秆", 0.2}},
    {{"生活垃圾", 0.6}, {"污水", 0.4}},
    {{"生活垃圾", 0.6}, {"医疗废物", 0.4}},
    {{"扬尘", 0.7}, {"建筑垃圾", 0.3}},
    {{"建筑垃圾", 0.6}, {"扬尘", 0.4}},
}};
constexpr std::array<double, category_count> k_category_weights{0.16, 0.20, 0.12, 0.18, 0.08,
                                                                0.12, 0.04, 0.03, 0.03, 0.04};
// Commas and quotes on purpose: the CSV must quote them correctly.
constexpr std::array<std::string_view, 10> k_notes{
    "巡查中发现", "已拍照留存", "群众反映", "村民称\"已清理\",待复核", "涉及两村交界,需协调",
    "需协调镇环卫所清运", "建议设置垃圾收集点", "路肩堆放约2方", "面积约1亩, 农膜残留", "已通知责任人"};
constexpr std::string_view k_rebound_note = "回头看发现, 原问题反弹";

// A place on a feature of one category: a line and a distance along it, or a site.
struct Spot {
    Category category;
    const Polyline* line = nullptr;
    double along = 0.0;
    const Site* site = nullptr;
};

class Sources {
public:
    explicit Sources(const Town& town)
    {
        for (const Road& r : town.roads)
            add_line(r.road_class <= RoadClass::named_road ? Category::highway_shoulder : Category::village_road,
                     r.line);
        for (const Water& w : town.waters) add_line(Category::river_ditch, w.line);
        for (const Ridge& r : town.ridges) add_line(Category::field_ridge, r.line);
        for (const Site& s : town.sites) m_sites[index(category_of(s.kind))].push_back(&s);
    }

    [[nodiscard]] bool has(Category c) const { return !m_lines[index(c)].empty() || !m_sites[index(c)].empty(); }

    Spot anchor(Category c, Random& random) const
    {
        Spot spot{c};
        if (!m_lines[index(c)].empty()) {
            spot.line = m_lines[index(c)][random.weighted(m_lengths[index(c)])];
            spot.along = random.uniform(0.0, length(*spot.line));
        } else {
            spot.site = m_sites[index(c)][random.index(m_sites[index(c)].size())];
        }
        return spot;
    }

    // A point near the spot: on a shoulder or bank of a line (spread metres along it), or at a site.
    static Point near(const Spot& spot, double spread, Random& random)
    {
        if (spot.line) {
            const double along = std::clamp(spot.along + random.normal(0.0, spread), 0.0, length(*spot.line));
            const Point on = point_along(*spot.line, along), dir = direction_along(*spot.line, along);
            // Two statements: the operands of * are unsequenced, and GCC and clang drew them in different orders.
            const double sign = random.chance(0.5) ? 1.0 : -1.0;
            const double side = sign * random.uniform(2.0, 14.0);
            return {on.x - side * dir.y, on.y + side * dir.x};
        }
        const Site& site = *spot.site;
        if (site.boundary.empty()) {
            const double angle = random.uniform(0.0, 2.0 * std::numbers::pi), d = random.uniform(10.0, 45.0);
            return {site.centre.x + d * std::cos(angle), site.centre.y + d * std::sin(angle)};
        }
        if (spot.category == Category::residential_yard || spot.category == Category::construction_site) {
            // Inside the yard or the site: a point of the boundary pulled towards the centre.
            const Point b = point_along(site.boundary, random.uniform(0.0, length(site.boundary)));
            const double t = random.uniform(0.1, 0.9);
            return {site.centre.x + t * (b.x - site.centre.x), site.centre.y + t * (b.y - site.centre.y)};
        }
        // Around the edge, mostly just outside it.
        const Point b = point_along(site.boundary, random.uniform(0.0, length(site.boundary)));
        const double d = std::max(1.0, distance(b, site.centre)), out = random.uniform(-5.0, 25.0);
        return {b.x + out * (b.x - site.centre.x) / d, b.y + out * (b.y - site.centre.y) / d};
    }

private:
    static std::size_t index(Category c) { return static_cast<std::size_t>(c); }

    static Category category_of(SiteKind k)
    {
        switch (k) {
        case SiteKind::settlement: return Category::house_surroundings;
        case SiteKind::residential: return Category::residential_yard;
        case SiteKind::school:
        case SiteKind::clinic: return Category::school_clinic;
        case SiteKind::mine: return Category::mine_perimeter;
        case SiteKind::construction: return Category::construction_site;
        case SiteKind::farm:
        case SiteKind::wasteland: break;
        }
        return Category::farm_wasteland_edge;
    }

    void add_line(Category c, const Polyline& line)
    {
        m_lines[index(c)].push_back(&line);
        m_lengths[index(c)].push_back(length(line));
    }

    std::array<std::vector<const Polyline*>, category_count> m_lines;
    std::array<std::vector<double>, category_count> m_lengths;
    std::array<std::vector<const Site*>, category_count> m_sites;
};

// Moves a time into office hours (08:00-19:00 local), where people record, assign and accept work.
Seconds office(Seconds t, Random& random)
{
    const Civil c = to_local(t);
    if (c.hour < 8) return local_midnight(t) + 8 * k_hour + random.uniform_int(0, 120) * k_minute;
    if (c.hour >= 19) return local_midnight(t) + k_day + 8 * k_hour + random.uniform_int(0, 120) * k_minute;
    return t - c.second;
}

Seconds found_time(Random& random, int week)
{
    // More is found in week 3 than in week 1: the campaign is gathering pace, an "emerging" signal for hotspots.
    if (week < 0) week = static_cast<int>(random.weighted({0.26, 0.32, 0.42}));
    const Seconds day = campaign_start() + (7 * week + random.uniform_int(0, 6)) * k_day;
    return day + 8 * k_hour + 30 * k_minute + random.uniform_int(0, 570) * k_minute;
}

// Walks the issue through the rectification cycle and reads its status at the register cutoff.
void run_cycle(Issue& issue, Random& random)
{
    issue.deadline = local_midnight(issue.found) + random.uniform_int(7, 15) * k_day;
    const Seconds assigned = office(issue.found + random.uniform_int(60, 1200) * k_minute, random);
    const Seconds rectifying = office(assigned + random.uniform_int(4 * 60, 48 * 60) * k_minute, random);
    Seconds rectified = office(rectifying + random.uniform_int(12 * 60, 9 * 24 * 60) * k_minute, random);
    if (random.chance(0.1)) rectified += 10 * k_day;  // stalled: these end up overdue
    const Seconds accepted = office(rectified + random.uniform_int(12 * 60, 4 * 24 * 60) * k_minute, random);
    const Seconds cutoff = register_cutoff();
    issue.status = accepted <= cutoff     ? Status::accepted
                   : rectified <= cutoff  ? Status::rectified
                   : rectifying <= cutoff ? Status::rectifying
                   : assigned <= cutoff   ? Status::assigned
                                          : Status::found;
    if (issue.status == Status::accepted || issue.status == Status::rectified) issue.rectified = rectified;
    if (issue.status == Status::accepted) issue.accepted = accepted;
    if (issue.status == Status::accepted && random.chance(0.03)) issue.status = Status::rebounded;
}

DateStyle date_style(Random& random)
{
    const double r = random.uniform();
    return r < 0.9 ? DateStyle::iso : r < 0.95 ? DateStyle::slashes : DateStyle::chinese;
}

}  // namespace

Seconds register_cutoff() { return campaign_start() + k_campaign_days * k_day - 4 * k_hour; }

std::vector<Issue> generate_issues(const Town& town, std::uint64_t seed, const IssueOptions& options)
{
    Random random(seed);
    const Sources sources(town);
    std::vector<Issue> issues;

    // Nothing is found where nobody walks: not in the dead corner, hardly anything in the quiet village.
    auto make = [&](const Spot& spot, double spread, int week) -> bool {
        const Point p = Sources::near(spot, spread, random);
        if (!contains(town.outline.outer, p) || distance(p, town.dead_corner) < town.dead_corner_radius) return false;
        const std::size_t village = village_at(town, p);
        if (village == town.quiet_village && !random.chance(0.1)) return false;
        Issue issue;
        issue.category = spot.category;
        issue.chinese_label = random.chance(0.3);
        const auto& problems = k_problems[static_cast<std::size_t>(spot.category)];
        std::vector<double> weights;
        for (const Problem& pr : problems) weights.push_back(pr.weight);
        issue.problem = std::string(problems[random.weighted(weights)].name);
        issue.found = found_time(random, week);
        issue.style = date_style(random);
        issue.responsible = town.villages[village].cadre;
        issue.location = p;
        if (random.chance(0.45)) issue.note = std::string(k_notes[random.index(k_notes.size())]);
        run_cycle(issue, random);
        issues.push_back(std::move(issue));
        return true;
    };

    // A few dense clusters (one of them new in week 3), the rest spread by category.
    constexpr std::array<Category, 6> cluster_categories{Category::river_ditch,         Category::highway_shoulder,
                                                         Category::farm_wasteland_edge, Category::village_road,
                                                         Category::house_surroundings,  Category::river_ditch};
    constexpr int rebounds = 12;
    constexpr std::array<Defect, 10> defects{Defect::no_coordinates,   Defect::zero_zero,     Defect::swapped,
                                             Defect::garbled_number,   Defect::unparseable_date,
                                             Defect::impossible_date,  Defect::duplicate_id,  Defect::outside,
                                             Defect::unknown_category, Defect::unknown_status};
    for (std::size_t c = 0; c < cluster_categories.size(); ++c) {
        if (!sources.has(cluster_categories[c])) continue;
        const int size = random.uniform_int(40, 70);
        // An anchor in the dead corner yields nothing: move the cluster after a while.
        int made = 0;
        for (int anchors = 0; made < size && anchors < 5; ++anchors) {
            const Spot centre = sources.anchor(cluster_categories[c], random);
            for (int tries = 0; made < size && tries < 3 * size; ++tries) made += make(centre, 90.0, c == 3 ? 2 : -1);
        }
    }
    const std::vector<double> category_weights(k_category_weights.begin(), k_category_weights.end());
    const int spread_target = options.count - rebounds - static_cast<int>(defects.size());
    for (int tries = 0; static_cast<int>(issues.size()) < spread_target && tries < 20 * options.count; ++tries) {
        const auto c = static_cast<Category>(random.weighted(category_weights));
        if (sources.has(c)) make(sources.anchor(c, random), 0.0, -1);
    }

    // Rebounds: the same problem back beside an accepted issue, found on a look-back a week or more after its
    // acceptance (rebound_min_days' default; sooner is the same problem recorded twice, not a rebound).
    std::vector<std::size_t> accepted;
    for (std::size_t i = 0; i < issues.size(); ++i)
        if (issues[i].status == Status::accepted && *issues[i].accepted < register_cutoff() - 8 * k_day)
            accepted.push_back(i);
    for (std::size_t k : random.permutation(accepted.size())) {
        if (static_cast<int>(issues.size()) >= options.count - static_cast<int>(defects.size())) break;
        Issue again = issues[accepted[k]];
        again.location = {again.location.x + random.normal(0.0, 8.0), again.location.y + random.normal(0.0, 8.0)};
        // Found at least 7 days and a half after acceptance and half a day before the cutoff (accepted is 8+ days
        // old); office() only moves a time later.
        const Seconds earliest = *again.accepted + 7 * k_day + 12 * k_hour;
        const auto window_minutes = static_cast<int>((register_cutoff() - 12 * k_hour - earliest) / k_minute);
        again.found = office(earliest + random.uniform_int(0, window_minutes) * k_minute, random);
        again.rectified.reset();
        again.accepted.reset();
        again.note = std::string(k_rebound_note);
        run_cycle(again, random);
        issues.push_back(std::move(again));
    }

    // Rows broken on purpose, scattered through the register.
    for (Defect d : defects) {
        while (!make(sources.anchor(Category::village_road, random), 0.0, -1)) {}
        issues.back().defect = d;
        if (d == Defect::outside) {
            double min_y = INFINITY;
            for (const Point& p : town.outline.outer) min_y = std::min(min_y, p.y);
            issues.back().location = {0.0, min_y - 600.0};
        }
    }

    std::stable_sort(issues.begin(), issues.end(), [](const Issue& a, const Issue& b) { return a.found < b.found; });
    for (std::size_t i = 0; i < issues.size(); ++i) {
        char number[32];
        std::snprintf(number, sizeof number, "%04zu", i + 1);
        issues[i].id = options.id_prefix + number;
    }
    for (std::size_t i = 1; i < issues.size(); ++i)
        if (issues[i].defect == Defect::duplicate_id) issues[i].id = issues[i - 1].id;
    return issues;
}

}  // namespace geo::sample

#include "libgeo/sample/tracks.hpp"

#include "libgeo/sample/random.hpp"

#include <array>
#include <cmath>
#include <map>
#include <numbers>
#include <set>

namespace geo::sample {

namespace {

constexpr std::array<std::string_view, 10> k_walkers{"张伟", "王芳", "李娜", "刘强", "陈静",
                                                     "杨磊", "赵敏", "黄勇", "周涛", "吴霞"};

// How much a walker on each kind of patrol prefers each kind of line (order of LineKind).
using Preference = std::array<double, k_line_kinds>;
constexpr std::array<Preference, 4> k_themes{{
    {3.0, 3.0, 1.2, 0.4, 0.2, 0.2, 0.05},  // road patrol
    {0.4, 0.8, 3.0, 2.0, 0.2, 0.4, 0.2},   // village patrol
    {0.3, 0.3, 0.6, 0.4, 3.0, 3.0, 0.2},   // river and ditch patrol
    {0.1, 0.2, 1.0, 2.0, 0.3, 1.0, 3.0},   // field patrol
}};
constexpr std::array<double, 4> k_theme_weights{0.35, 0.3, 0.2, 0.15};

double weight_of(const WalkEdge& e, const Preference& pref, const Town& town)
{
    if (e.blocked) return 0.0;
    const double quiet = e.village == town.quiet_village ? 0.03 : 1.0;
    return pref[static_cast<std::size_t>(e.kind)] * quiet;
}

// A random walk on the graph of about target metres, avoiding the dead corner and, mostly, the quiet village.
Polyline random_walk(const Town& town, const WalkGraph& graph, const Preference& pref, double target, Random& random)
{
    // Walks start on a road (the roads form one network; a ridge piece may be an island) outside the quiet village.
    std::vector<double> start_weights;
    for (const WalkEdge& e : graph.edges) {
        const bool road = e.kind <= LineKind::field_road && e.village != town.quiet_village;
        start_weights.push_back(road ? weight_of(e, pref, town) * e.length : 0.0);
    }
    const WalkEdge& first = graph.edges[random.weighted(start_weights)];
    std::size_t at = random.chance(0.5) ? first.from : first.to;

    Polyline path{graph.nodes[at]};
    std::set<std::size_t> walked;
    std::optional<std::size_t> previous;
    double total = 0.0;
    while (total < target) {
        const auto& options = graph.incident[at];
        std::vector<double> weights;
        for (std::size_t e : options) {
            // Turning back is a last resort, walking a stretch twice is unattractive.
            double w = weight_of(graph.edges[e], pref, town);
            if (previous && e == *previous) w *= 0.02;
            else if (walked.count(e)) w *= 0.15;
            weights.push_back(w);
        }
        double sum = 0.0;
        for (double w : weights) sum += w;
        std::size_t chosen = 0;
        if (sum > 0.0) chosen = options[random.weighted(weights)];
        else if (previous) chosen = *previous;
        else break;
        const WalkEdge& e = graph.edges[chosen];
        const bool forward = e.from == at;
        if (forward) path.insert(path.end(), e.line.begin() + 1, e.line.end());
        else path.insert(path.end(), e.line.rbegin() + 1, e.line.rend());
        at = forward ? e.to : e.from;
        total += e.length;
        walked.insert(chosen);
        previous = chosen;
    }
    return total > target ? sub_line(path, 0.0, target) : path;
}

std::vector<Fix> log_fixes(const Polyline& path, Seconds start, bool with_times, Seconds interval, Random& random)
{
    const double speed = random.uniform(1.0, 1.5);
    const double total = length(path);
    // A pause of 12-20 minutes without fixes in about a third of the logs: the phone stops logging while the walker
    // talks to villagers, and the reader must split the track there.
    const double pause_at = random.chance(0.35) ? total * random.uniform(0.3, 0.7) : INFINITY;
    const Seconds pause = random.uniform_int(12 * 60, 20 * 60);
    std::vector<Fix> fixes;
    Point error;  // GPS error drifts slowly: AR(1) with sigma 4 m
    const double keep = 0.85, fresh = std::sqrt(1 - keep * keep);
    Seconds t = start;
    bool paused = false;
    for (double along = 0.0; along <= total;) {
        error = {keep * error.x + fresh * random.normal(0, 4), keep * error.y + fresh * random.normal(0, 4)};
        Fix fix;
        const Point on = point_along(path, along);
        fix.position = {on.x + error.x, on.y + error.y};
        fix.hdop = random.uniform(0.8, 2.0);
        if (random.chance(0.03)) {
            // Under trees or beside a wall: poor geometry and a position to match.
            fix.hdop = random.uniform(6.2, 12.0);
            fix.position.x += random.normal(0, 20);
            fix.position.y += random.normal(0, 20);
        }
        if (with_times) fix.time = t;
        fixes.push_back(fix);
        if (!paused && along >= pause_at) {
            paused = true;
            t += pause;
        }
        t += interval;
        along += speed * static_cast<double>(interval) * std::max(0.5, 1.0 + 0.08 * random.normal());
    }
    // A few single fixes hundreds of metres off (multipath, a cold start) and a few logged twice.
    if (fixes.size() > 10 && random.chance(0.35)) {
        for (int k = random.uniform_int(1, 2); k > 0; --k) {
            Fix& spike = fixes[1 + random.index(fixes.size() - 2)];
            const double angle = random.uniform(0.0, 2.0 * std::numbers::pi), d = random.uniform(300.0, 800.0);
            spike.position.x += d * std::cos(angle);
            spike.position.y += d * std::sin(angle);
        }
    }
    if (fixes.size() > 10 && random.chance(0.25)) {
        for (int k = random.uniform_int(1, 3); k > 0; --k) {
            const std::size_t i = 1 + random.index(fixes.size() - 2);
            fixes.insert(fixes.begin() + static_cast<std::ptrdiff_t>(i), fixes[i]);
        }
    }
    return fixes;
}

}  // namespace

std::vector<Track> generate_tracks(const Town& town, const WalkGraph& graph, std::uint64_t seed,
                                   const TrackOptions& options)
{
    Random random(seed);
    std::vector<Track> tracks;
    std::map<std::string, int> per_walker_day;
    const int no_time = options.count * 3 / 5;
    const std::vector<double> theme_weights(k_theme_weights.begin(), k_theme_weights.end());
    for (int k = 0; k < options.count; ++k) {
        // Two or so walks a day across the three weeks, starting between 08:30 and 14:30.
        const Seconds day = campaign_start() + (k * k_campaign_days / options.count) * k_day;
        const Seconds start = day + 8 * k_hour + 30 * k_minute + random.uniform_int(0, 6 * 3600);
        Track track;
        track.walker = std::string(k_walkers[random.index(k_walkers.size())]);
        const std::string date = format_local_date(start, DateStyle::iso);
        const int n = ++per_walker_day[date + track.walker];
        track.name = track.walker + " " + date + " #" + std::to_string(n);
        track.file_stem = date + "_" + track.walker + "_" + std::to_string(n) + options.file_suffix;
        track.gcj02 = k % 3 == 1;
        const Preference& theme = k_themes[random.weighted(theme_weights)];
        const Polyline path = random_walk(town, graph, theme, random.uniform(3000.0, 8000.0), random);
        track.walked_m = length(path);
        track.fixes = log_fixes(path, start, k != no_time, options.fix_interval_s, random);
        tracks.push_back(std::move(track));
    }
    return tracks;
}

}  // namespace geo::sample

#pragma once
// The walk plan's options (`[plan]` in the campaign file, the flags of `geowalk plan`), declared once in a table
// (core/options.hpp) that the campaign file, the command line, --help, `geowalk validate`, summary.json and the
// README read.
#include "libgeo/core/categories.hpp"
#include "libgeo/core/options.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace geo::route {

// What must be walked (`--required`).
enum class RequiredKind {
    uncovered,      // the dead corners: uncovered pieces of joined stretches at least min_dead_corner_m long
    uncovered_all,  // every uncovered piece, however short
    stale,          // pieces not walked since stale_days before the campaign's last date (uncovered ones too)
    hotspot,        // every network piece inside a Gi* cell of bin >= hot_bin (the hotspot step's cells)
    all,            // every network edge: the Chinese postman problem
};

struct Required {
    RequiredKind kind = RequiredKind::uncovered;
    double stale_days = 0;
    int hot_bin = 1;

    // "uncovered", "uncovered:all", "stale:DAYS", "hotspot:BIN" (1, 2 or 3), "all"; nullopt when the text is none.
    [[nodiscard]] static std::optional<Required> parse(std::string_view text);
    [[nodiscard]] std::string text() const;
};

struct PlanOptions {
    std::string required = "uncovered";     // Required::parse
    std::vector<std::string> categories;     // only pieces of these walks (codes or labels); all when empty
    std::vector<std::string> villages;       // only pieces in these villages (names); all when empty
    int teams = 1;                           // K: team-days are shared out among K teams
    double max_km = 10;                      // L: at most this many km walked per team-day; 0: no limit
    double max_required_km = 0;              // at most this many km of required pieces per team-day; 0: no limit
    // Where team-days start and end: "village" (each village's committee site, or its centroid), "site:NAME",
    // "X,Y" in the campaign CRS, or "lon,lat" with depot_wgs84.
    std::string depot = "village";
    bool depot_wgs84 = false;
    double snap_m = 1;                       // line ends this close to another line's vertex join it
    bool node_crossings = false;             // lines crossing without a shared vertex meet there
    double walk_kmh = 4;                     // for the estimated hours of a team-day
    double time_limit_s = 30;                // the route search's safety cap
    int threads = 2;
    std::uint64_t seed = 1;

    // Throws geo::UsageError naming the first option out of its range.
    void validate() const;
    [[nodiscard]] Required required_pieces() const;  // `required` parsed (validate() checked it)
    [[nodiscard]] std::vector<Category> category_filter() const;
};

const options::Table<PlanOptions>& plan_option_table();

}  // namespace geo::route

#pragma once
// The figures of the leadership report, read from an output folder (summary.json and geowalk.gpkg) into plain
// values before anything is drawn, so the pages only lay them out. A section whose step did not run stays empty
// (std::nullopt or no rows) and the page says "not computed".
#include "libgeo/core/categories.hpp"
#include "libgeo/render/map_source.hpp"

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace geo::render {

// One walk category of a village or of the whole town (lines in metres, sites as counts), as summary.json gives it.
struct WalkTotals {
    double length_m = 0;
    double covered_m = 0;
    int sites = 0;
    int visited = 0;
    double site_ratio_sum = 0;  // sum over sites of the share of the outline walked
    // The whole town's shares as summary.json's coverage.by_walk states them (read, not recomputed): line walks
    // covered_share; site walks visited_share and, apart from it, outline_share.
    std::optional<double> covered_share, visited_share, outline_share;
    [[nodiscard]] bool empty() const { return length_m <= 0 && sites == 0; }
    // Line walks: covered share of length; site walks: mean share per site (the matrix's definition).
    [[nodiscard]] double ratio() const;
    void add(const WalkTotals& other);
};

// Every figure here is a value of summary.json (the run manifest's copy): the report lays them out and computes none.
struct CoverageFigures {
    double network_m = 0, network_covered_m = 0;
    std::optional<double> network_share;
    int sites = 0, sites_visited = 0;
    std::optional<double> sites_visited_share;
    long long dead_corners = 0;
    double dead_corner_m = 0;
    double blind_area_km2 = 0;
    double required_area_km2 = 0;         // the land that should be walked (within reach_m of routes and sites)
    std::optional<double> blind_share;    // blind area / required area
    double reach_m = 0;                   // 0: all village land
    double blind_m = 0;                   // B: blind is farther than this from every track
    std::array<WalkTotals, category_count> by_walk{};
};

// summary.json's `register` section (export/register_figures.hpp holds the definitions).
struct IssueFigures {
    long long total = 0;
    std::array<long long, status_count> by_status{};
    long long rectified = 0;  // a rectification date or status recorded (accepted included)
    long long accepted = 0;   // an acceptance date or the accepted status
    long long overdue = 0;    // deadline before the as-of instant and not rectified
    long long marked_rebounded = 0;  // status 反弹 in the register
};

// Problems found again near an accepted fix (summary.json hotspots.rebounds).
struct ReboundFigures {
    long long found_again = 0;
    double radius_m = 0;
    double min_days = 0;
};

struct MatrixRow {
    std::string village;
    std::array<WalkTotals, category_count> cells{};
    double area_km2 = 0;
    double walked_area_km2 = 0;  // village land within reach of a walk
};

struct DeadCornerRow {
    long long rank = 0;
    std::string village;
    std::optional<Category> category;
    std::string category_code;  // as written, for an unknown code
    double length_m = 0;
    std::optional<double> distance_to_walk_m;
    double lon = 0, lat = 0;  // WGS 84, the middle of the stretch
};

// A hotspot zone (the hotspot_zones layer): neighbouring hot cells merged into one named place.
struct ZoneRow {
    long long rank = 0;
    std::string village;  // the village holding most of the zone; empty outside all villages
    std::string near;     // the nearest named road or river; empty when none within the band
    long long issues = 0;
    std::optional<double> issues_per_km;
    long long cells = 0;
    double area_m2 = 0;
    int confidence = 0;        // 90, 95, 99: the highest of its cells
    double lon = 0, lat = 0;   // WGS 84, a point inside the zone
};

// What the method notes at the back of the report say the hotspot figures rest on (summary.json "hotspots").
struct MethodFigures {
    std::string kernel;          // KDE kernel ("quartic"); empty without density
    double radius_m = 0, pixel_m = 0;
    std::string cell_shape;      // "square" or "hexagon"; empty when Gi* did not run
    double cell_m = 0, band_m = 0;
    bool cell_chosen = false, band_chosen = false;
    bool fdr = true;
    double fdr_alpha = 0.10;
    double min_walk_m = 0;
    long long zones = 0, zones_with_issues = 0;
};

struct ReportData {
    std::string campaign;
    std::string period;  // "2017-02-20 – 2017-03-12" or "no dates recorded"
    std::string as_of;   // local date of the last record (summary campaign.period.to), empty without dates
    std::optional<CoverageFigures> coverage;
    std::optional<IssueFigures> issues;
    std::optional<ReboundFigures> rebounds;
    std::vector<MatrixRow> matrix;  // villages in the campaign's order
    std::vector<DeadCornerRow> dead_corners;      // up to `top`, longest first
    std::vector<ZoneRow> hotspots;                // up to `top` zones with problems, by rank
    bool hotspot_zones = false;                   // the run wrote hotspot_zones
    MethodFigures method;
};

// Reads the figures of `source`: the headline numbers from its summary, the ranked tables from its layers. Throws geo::InputError when a layer the summary promises cannot be read.
ReportData read_report_data(const MapSource& source, std::size_t top = 20);

}  // namespace geo::render

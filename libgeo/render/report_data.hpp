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

// One walk category summed over the villages (lines in metres, sites as counts).
struct WalkTotals {
    double length_m = 0;
    double covered_m = 0;
    int sites = 0;
    int visited = 0;
    double site_ratio_sum = 0;  // sum over sites of the share of the outline walked
    [[nodiscard]] bool empty() const { return length_m <= 0 && sites == 0; }
    // Line walks: covered share of length; site walks: mean share per site (the matrix's definition).
    [[nodiscard]] double ratio() const;
    void add(const WalkTotals& other);
};

struct CoverageFigures {
    double network_m = 0, network_covered_m = 0;
    int sites = 0, sites_visited = 0;
    long long dead_corners = 0;
    double dead_corner_m = 0;
    double blind_area_km2 = 0;
    std::array<WalkTotals, category_count> by_walk{};
};

struct IssueFigures {
    long long total = 0;
    std::array<long long, status_count> by_status{};
    long long unknown_status = 0;
    long long rectified = 0;  // a rectification date or status recorded (accepted included)
    long long accepted = 0;   // an acceptance date or the accepted status
    long long overdue = 0;    // deadline before the as-of instant and not rectified
    std::optional<double> as_of;  // UTC seconds of the campaign's last record
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
    std::optional<long long> rebounds;
    std::vector<MatrixRow> matrix;  // villages in the campaign's order
    std::vector<DeadCornerRow> dead_corners;      // up to `top`, longest first
    std::vector<ZoneRow> hotspots;                // up to `top` zones with problems, by rank
    bool hotspot_zones = false;                   // the run wrote hotspot_zones
    MethodFigures method;
};

// Reads the figures of `source`. Throws geo::InputError when a layer the summary promises cannot be read.
ReportData read_report_data(const MapSource& source, std::size_t top = 20);

}  // namespace geo::render

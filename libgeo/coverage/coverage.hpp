#pragma once
// Walk coverage and dead corners: Campaign + CoverageOptions -> CoverageResult, no I/O.
//
// Definitions (also in the README):
//  - A point of a network line is covered when a cleaned track passes within the line's sight distance S.
//    Computed exactly as intervals along each line (capsule.hpp), not by rasterising or sampling.
//  - A site is covered by the share of its outline within S of a track; a point site is visited when a track
//    passes within S.
//  - A village's area coverage is the share of its area within W of any track.
//  - Dead corners: uncovered network stretches, joined where they connect (same village and walk), at least
//    min_dead_corner_m long; unvisited sites; blind areas = land that should have been walked and was not:
//    village land within R of the network or a site (R defaults to B; R = 0: all village land) and farther than B
//    from every track. Village land beyond R is "not required".
#include "libgeo/core/campaign.hpp"
#include "libgeo/coverage/intervals.hpp"
#include "libgeo/coverage/options.hpp"
#include "libgeo/core/progress.hpp"
#include "libgeo/raster/distance_transform.hpp"
#include "libgeo/raster/grid.hpp"

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace geo::coverage {

// One stretch of a network line inside one village (or outside all: village = -1), with its covered pieces.
struct LineCoverage {
    int line = 0;      // index into Campaign::network
    int village = -1;  // index into Campaign::villages
    Category category = Category::village_road;
    double sight_m = 30.0;  // effective_sight of the line
    LineString geometry;
    std::vector<LinePiece> pieces;
    [[nodiscard]] double length() const { return bg::length(geometry); }
    [[nodiscard]] double covered() const { return covered_length(pieces); }
};

struct SiteCoverage {
    int site = 0;  // index into Campaign::sites
    int village = -1;
    double sight_m = 30.0;   // effective_sight of the site
    double perimeter_m = 0;  // 0 for point sites
    double covered_m = 0;
    bool visited = false;
    double ratio = 0;  // covered share of the outline; 1/0 for point sites
    double last_visit = no_time;
    std::vector<int> passes;
};

struct DeadCorner {
    int village = -1;
    Category category = Category::village_road;
    LineString geometry;
    double length_m = 0;
    double distance_to_walk_m = 0;  // from the nearest walked point (infinity when nothing was walked)
};

struct BlindArea {
    int village = -1;
    Polygon geometry;
    double area_m2 = 0;
};

// Figures of one village for one walk category (lines: metres; sites: counts and outline metres).
struct WalkFigures {
    double length_m = 0;
    double covered_m = 0;
    int sites = 0;
    int visited = 0;
    double site_ratio_sum = 0;  // sum of per-site ratios, for the mean
    [[nodiscard]] bool empty() const { return length_m == 0 && sites == 0; }
    // Line walks: covered share of length; site walks: mean share of each site's outline (point sites 0 or 1).
    [[nodiscard]] double ratio() const;
};

struct VillageCoverage {
    double area_m2 = 0;
    double walked_area_m2 = 0;    // within W of a track
    double required_area_m2 = 0;  // within R of the network or a site: the land that should be walked
    std::array<WalkFigures, category_count> cells{};
};

struct CoverageResult {
    CoverageOptions options;
    std::vector<LineCoverage> lines;
    std::vector<SiteCoverage> sites;
    std::vector<DeadCorner> dead_corners;  // longest first
    std::vector<BlindArea> blind_areas;    // largest first
    std::vector<BlindArea> not_required;   // village land beyond R, largest first (none when R = 0)
    std::vector<VillageCoverage> villages;  // parallel to Campaign::villages
    std::vector<std::string> pass_names;   // walker or track name per pass id
    std::vector<LineString> track_lines;   // the walked lines
    // Distance in metres from every pixel centre of village land to the nearest walk (nodata outside villages,
    // and everywhere when nothing was walked); absent when pixel_m = 0.
    std::optional<raster::Raster> walk_distance;

    [[nodiscard]] double network_length() const;
    [[nodiscard]] double network_covered() const;
    [[nodiscard]] double blind_area_m2() const;     // all blind areas
    [[nodiscard]] double required_area_m2() const;  // all villages' land that should be walked
    // Blind area as a share of the land that should be walked; none when there is no such land.
    [[nodiscard]] std::optional<double> blind_share() const;
};

// Throws geo::UsageError for options out of range; the options are kept in the result.
CoverageResult analyse(const Campaign& campaign, const CoverageOptions& options, Progress progress = {});

}  // namespace geo::coverage

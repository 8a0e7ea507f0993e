#pragma once
// The coverage analysis's options, declared once: the struct, its table (campaign file key, command-line flag,
// range, unit, help; core/options.hpp) and the one place a line's or site's sight distance is resolved.
#include "libgeo/core/campaign.hpp"
#include "libgeo/core/options.hpp"
#include "libgeo/raster/distance_transform.hpp"

#include <map>
#include <optional>

namespace geo::coverage {

struct CoverageOptions {
    double sight_m = 30.0;                       // S: [coverage] sight_m, every walk's default
    std::map<Category, double> sight_by_category;  // S per walk: [coverage.sight_by_category]
    std::optional<double> sight_override_m;      // --sight: S for every line and site, over everything else
    double walked_within_m = 100.0;              // W: a village's land within W of a track is walked
    double blind_beyond_m = 200.0;               // B: village land farther than B from every track is blind
    // R: only land within R of the network or a site should be walked, so only it can be blind; the rest of the
    // village land is "not required". Unset: B. Walking every route and site then leaves no land blind (every point
    // within B of a route is within B of the walk along it), and B is the largest R with that property: land farther
    // out is fields and wasteland that no complete walk of the campaign's routes would clear, and painting it blind
    // (72 % of a town with R = all) tells a leader nothing. 0 = all village land, when a campaign asks for it.
    std::optional<double> required_within_m;
    int threads = 2;

    // R as used: required_within_m, or B when unset (0 = all village land).
    [[nodiscard]] double reach_m() const { return required_within_m.value_or(blind_beyond_m); }
    double min_dead_corner_m = 50.0;
    double pixel_m = 10.0;                       // walk-distance raster; 0 = no raster
    // What the walk-distance raster, and the village and blind areas read from it, measure to.
    raster::DistanceMeasure walk_distance = raster::DistanceMeasure::to_segments;

    // Throws geo::UsageError naming the first option out of its range (coverage_option_table().check).
    void validate() const;
};

// The table: what the campaign file's [coverage] section, the command line, --help, `geowalk validate`,
// summary.json and the README read.
const options::Table<CoverageOptions>& coverage_option_table();

// S of a network line or a site, in this order: the command line's override, the line's [[network]] block
// (lines only), the walk's [coverage.sight_by_category] entry, [coverage] sight_m.
[[nodiscard]] double effective_sight(const CoverageOptions& options, const NetworkLine& line);
[[nodiscard]] double effective_sight(const CoverageOptions& options, const Site& site);

}  // namespace geo::coverage

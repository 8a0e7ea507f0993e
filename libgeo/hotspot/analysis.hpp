#pragma once
// The hotspot step (`geowalk hotspots`, part of `geowalk run`): which issues count, their kernel density, Gi* hot
// and cold spots of cells with the walking effort behind each count, emerging hot spots over time, and rebounds.
// No I/O: the density is returned as a raster::Density (grid, points, kernel) that export/density_writer.hpp drains
// tile by tile into density.tif (staged in memory only when the grid is small enough), so a grid of any size can be
// written.
#include "libgeo/core/campaign.hpp"
#include "libgeo/core/progress.hpp"
#include "libgeo/hotspot/options.hpp"
#include "libgeo/hotspot/zones.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

namespace geo::hotspot {

struct HotspotResult {
    HotspotOptions options;           // what it was computed with
    std::vector<std::size_t> issues;  // indices into Campaign::issues that passed the filter

    // The kernel density of the filtered issues (one point each, weights and radii applied) over its grid, for a
    // writer to drain tile by tile; none without issues (nothing to lay a grid over) unless over the villages.
    std::optional<raster::Density> density;
    std::optional<std::string> density_advice;     // a warning for legal but odd settings

    std::optional<HotspotCells> cells;  // none when Gi* could not run; cells_skipped says why
    std::string cells_skipped;
    // "Inspected" means someone was there: a cell is inspected when at least min_walk_m of cleaned track was
    // walked inside it OR an issue (any of the campaign's, whatever the filter) was found in it. A problem found at
    // a place proves a visit even where the phone recorded no track; "not inspected" is only where neither is.
    std::vector<double> walked_m;        // per cell of `cells`: metres of cleaned track walked inside it
    std::vector<int> issue_locations;    // per cell: issues of the campaign found inside it (unfiltered)
    std::vector<char> inspected;         // per cell: walked_m >= min_walk_m or issue_locations > 0
    double min_walk_m = 0;               // the minimum effort used
    // The effort behind a cell's count: its walked metres, and at least min_walk_m (one walk across it) where an
    // issue was found, so an issue found off the recorded tracks does not give an infinite rate.
    [[nodiscard]] double effort_m(std::size_t cell) const
    {
        return issue_locations[cell] > 0 ? std::max(walked_m[cell], min_walk_m) : walked_m[cell];
    }
    // HotspotOptions::gi_rate: Gi* of issues per walked km over the inspected cells, rate_cells[k] being the cell
    // of rate_gi's entry k. None when not asked for or with fewer than three inspected cells (rate_skipped says why).
    std::optional<GiResult> rate_gi;
    std::vector<std::size_t> rate_cells;
    std::string rate_skipped;

    // Issues per km of effort (effort_m) of a cell of `cells`: finite in every inspected cell.
    [[nodiscard]] double issues_per_km(std::size_t cell) const
    {
        return cells->binning.cells[cell].count / (effort_m(cell) / 1000.0);
    }

    // Hot cells merged into named, ranked places (zones.hpp); empty without cells or hot cells.
    std::vector<Zone> zones;

    std::optional<EmergingResult> emerging;  // none when it could not run; emerging_skipped says why
    std::string emerging_skipped;

    std::vector<Rebound> rebounds;  // over all issues, whatever the filter (a rebound needs the earlier one)

    std::optional<GiResult> gi_features;  // feature mode: one entry per HotspotOptions::gi_features point
};

// Throws geo::UsageError for invalid options or a weight or radius field the issues lack, geo::InputError naming
// the issue's file and feature for a value that is text, negative (weights) or not positive (radii).
HotspotResult analyse(const Campaign& campaign, const HotspotOptions& options, Progress progress = {});

}  // namespace geo::hotspot

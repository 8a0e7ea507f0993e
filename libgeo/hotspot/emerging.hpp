#pragma once
// Emerging hot spots: a space-time cube of cells x time slices, space-time Gi* per bin, Mann-Kendall trends per cell,
// and ArcGIS's pattern categories.
//
// The cube (ArcGIS Create Space Time Cube, time step alignment END, its default): slices of slice_s seconds (default
// one week) counted back from the latest event, so the last slice ends with it; or forward from a given start.
//
// Space-time Gi* (ArcGIS Emerging Hot Spot Analysis, "How Emerging Hot Spot Analysis works"): a bin's neighbours are
// the bins of the cells within the distance band (and the cell itself) in the same slice and in the
// `neighbourhood_slices` slices before it (ArcGIS's Neighborhood Time Step, default 1: "the current time step plus the
// previous one"); the global window is the entire cube (mean and variance over every bin). Bins are FDR-corrected
// over the whole cube; a bin is a significant hot (cold) spot when its Gi_Bin is > 0 (< 0), i.e. at 90 % or more.
//
// Categories (ArcGIS Pro documentation, "Emerging Hot Spot Analysis: learn more"), over the n slices of a cell, with the
// Mann-Kendall trend of its Gi* z series significant when p < trend_alpha:
//   new           hot in the final slice and never a significant hot spot before
//   consecutive   an uninterrupted run of >= 2 hot slices at the end, never hot before the run, < 90 % of slices hot
//   intensifying  hot in >= 90 % of slices including the final one, significant upward trend
//   persistent    hot in >= 90 % of slices, no significant trend
//   diminishing   hot in >= 90 % of slices including the final one, significant downward trend
//   sporadic      hot in the final slice, on-again off-again before, < 90 % hot, never a significant cold spot
//   oscillating   hot in the final slice, a significant cold spot in some earlier slice, < 90 % hot
//   historical    not hot in the final slice, but hot in >= 90 % of slices
// and the cold equivalents (a downward trend intensifies a cold spot). The documentation leaves overlaps open; we
// resolve them by rule order (classify_series): historical, intensifying, diminishing, persistent, oscillating, new,
// consecutive, sporadic; the sense of the final slice is tried first (a cell hot in the final slice is read as a hot
// pattern even with a >= 90 % cold history). "Oscillating" thus wins over "new"/"consecutive" when the cell was cold
// before: the cold history is the more telling fact.
#include "libgeo/core/geometry.hpp"
#include "libgeo/core/progress.hpp"
#include "libgeo/hotspot/binning.hpp"
#include "libgeo/hotspot/mann_kendall.hpp"

#include <optional>
#include <string_view>
#include <vector>

namespace geo::hotspot {

enum class Pattern {
    none,
    new_hot, consecutive_hot, intensifying_hot, persistent_hot, diminishing_hot, sporadic_hot, oscillating_hot, historical_hot,
    new_cold, consecutive_cold, intensifying_cold, persistent_cold, diminishing_cold, sporadic_cold, oscillating_cold, historical_cold,
};

// Stable codes for files ("new_hot_spot", ..., "no_pattern") and ArcGIS's labels ("New Hot Spot", ..., "No Pattern Detected").
std::string_view pattern_code(Pattern p);
std::string_view pattern_label(Pattern p);

// The classifier on one cell's series: bins[t] in -3..3 (significant hot > 0, cold < 0), trend = Mann-Kendall of its
// Gi* z series.
Pattern classify_series(const std::vector<int>& bins, const MannKendall& trend, double trend_alpha = 0.05);

struct EmergingOptions {
    double band_m = 0;                  // spatial neighbourhood (centre to centre), required
    double slice_s = 7 * 86400.0;       // time step
    int neighbourhood_slices = 1;       // earlier slices in a bin's neighbourhood
    std::optional<double> start_s;      // first slice start (UTC seconds); default: END alignment, see above
    double trend_alpha = 0.05;
    bool fdr = true;
    double fdr_alpha = 0.10;            // a bin is a significant hot/cold spot when its q (or p) <= this
    int threads = 1;
    void validate() const;
};

struct EmergingCell {
    Pattern pattern = Pattern::none;
    MannKendall z_trend;                // trend of the Gi* z-scores (what the categories use)
    MannKendall count_trend;            // trend of the raw counts
    int hot_slices = 0, cold_slices = 0;
};

struct EmergingResult {
    double start_s = 0;                 // start of slice 0
    double slice_s = 0;
    int slices = 0;
    // Cube values, cell-major: index = cell * slices + slice.
    std::vector<double> counts, z, p;
    std::vector<int> bin;
    std::vector<EmergingCell> cells;
    long long events_used = 0;          // events inside a cell and the time range
};

// cell_centres: the analysis cells (e.g. Binning::cells' centres); event_cell[k] the cell of event k (-1: none);
// event_time[k] its time in UTC seconds (NaN: skipped). Needs at least one timed event in a cell.
EmergingResult emerging_hotspots(const std::vector<Point>& cell_centres, const std::vector<int>& event_cell,
                                 const std::vector<double>& event_time, const EmergingOptions& options,
                                 Progress progress = {});

// The same on a binning's cells: event k is point k of the binning (binning.cell_of_point), found at event_time[k].
EmergingResult emerging_hotspots(const Binning& binning, const std::vector<double>& event_time,
                                 const EmergingOptions& options, Progress progress = {});

}  // namespace geo::hotspot

#pragma once
// The `hotspot_cells` analysis: issues aggregated to cells, a distance band, Gi* with FDR bins — ArcGIS's Optimized
// Hot Spot Analysis for incident points, step by step, each step overridable.
//
//   1. at least min_incidents (30) issues, else geo::UsageError. ArcGIS asks 30 with a bounding polygon and twice that
//      without; villages are our bounding polygons and nearly always present, so we keep 30 and document it.
//   2. cells (binning.hpp): size given or from the nearest-neighbour rule; empty cells inside villages are zeros.
//   3. at least min_cells (30) cells, else geo::UsageError (ArcGIS: "too few aggregated features").
//   4. distance band given, or chosen on the cells' centres and counts by incremental spatial autocorrelation
//      (moran.hpp: first Moran's I z peak, locational outliers left out of the start distance, nearest-neighbour
//      fallback).
//   5. Gi* on the cell counts (gi_star.hpp; the square-grid fast path for squares), FDR-corrected bins.
#include "libgeo/core/progress.hpp"
#include "libgeo/hotspot/binning.hpp"
#include "libgeo/hotspot/gi_star.hpp"
#include "libgeo/hotspot/moran.hpp"

#include <cstddef>
#include <optional>
#include <vector>

namespace geo::hotspot {

struct HotspotCellsOptions {
    BinningOptions binning;
    GiOptions gi;                   // gi.band_m == 0: chosen (step 4)
    BandSearchOptions band_search;
    std::size_t min_incidents = 30;
    std::size_t min_cells = 30;
    void validate() const;
};

struct HotspotCells {
    Binning binning;                // cells (with counts) and the layout for their polygons
    GiResult gi;                    // one entry per cell, same order as binning.cells
    double band_m = 0;
    std::optional<BandSearch> band_search;  // set when the band was chosen
};

// weights: one per incident to sum instead of counting (empty: counts).
HotspotCells hotspot_cells(const std::vector<Point>& incidents, const std::vector<MultiPolygon>& villages,
                            const HotspotCellsOptions& options, Progress progress = {},
                            const std::vector<double>& weights = {});

// Gi* on the kept cells of a binning with a known band (square fast path or hexagon centres).
GiResult gi_star_cells(const Binning& binning, const std::vector<double>& values, const GiOptions& options,
                       Progress progress = {});

}  // namespace geo::hotspot

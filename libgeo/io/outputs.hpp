#pragma once
// Writes the output folder of a run: geowalk.gpkg, its GeoJSON copies, rasters and summary.json, staged and moved into place
// atomically. Each analysis that ran adds its layers and its summary section.
#include "libgeo/core/campaign.hpp"
#include "libgeo/coverage/coverage.hpp"
#include "libgeo/core/progress.hpp"
#include "libgeo/hotspot/analysis.hpp"
#include "libgeo/io/summary.hpp"

#include <filesystem>
#include <optional>
#include <vector>

namespace geo::io {

struct AnalysisResults {
    std::optional<coverage::CoverageResult> coverage;
    std::optional<hotspot::Analysis> hotspots;
    hotspot::AnalysisOptions hotspot_options;  // what the hotspots were computed with (density.tif is evaluated here)
};

// The files written, final paths; the GeoJSON copies as their folder, geojson/.
// Progress covers the writing, most of which is evaluating density.tif.
std::vector<std::filesystem::path> write_run_outputs(const Campaign& campaign, const AnalysisResults& results,
                                                     const std::filesystem::path& out_dir, Progress progress = {});

}  // namespace geo::io

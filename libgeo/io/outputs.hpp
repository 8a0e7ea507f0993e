#pragma once
// Writes the output folder of a run: geowalk.gpkg, rasters and summary.json, staged and moved into place
// atomically. Each analysis that ran adds its layers and its summary section.
#include "libgeo/core/campaign.hpp"
#include "libgeo/coverage/coverage.hpp"
#include "libgeo/io/summary.hpp"

#include <filesystem>
#include <optional>
#include <vector>

namespace geo::io {

struct AnalysisResults {
    std::optional<coverage::CoverageResult> coverage;
};

// The files written, final paths.
std::vector<std::filesystem::path> write_run_outputs(const Campaign& campaign, const AnalysisResults& results,
                                                     const std::filesystem::path& out_dir);

// The summary of a run: the loaded campaign, then one section per analysis.
Json run_summary(const Campaign& campaign, const AnalysisResults& results);

}  // namespace geo::io

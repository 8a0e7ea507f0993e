#pragma once
// Writes the output folder of a run: geowalk.gpkg and summary.json, staged and moved into place atomically.
#include "libgeo/core/campaign.hpp"
#include "libgeo/io/summary.hpp"

#include <filesystem>

namespace geo::io {

struct RunOutputs {
    std::filesystem::path gpkg;
    std::filesystem::path summary;
};

RunOutputs write_run_outputs(const Campaign& campaign, const std::filesystem::path& out_dir);

// The summary of a loaded campaign, before any analysis adds its section.
Json base_summary(const Campaign& campaign);

}  // namespace geo::io

#pragma once
// The loaded inputs as output layers (villages, network, sites, tracks, issues in the local CRS, with their
// original attributes and an `id`), and the `rejects` table that accounts for every feature not loaded.
#include "libgeo/core/campaign.hpp"
#include "libgeo/coverage/options.hpp"
#include "libgeo/export/vector_writer.hpp"

namespace geo::output {

// The network layer's sight_m is each line's effective sight under `coverage` (empty when coverage did not run).
void write_input_layers(VectorFile& file, const Campaign& campaign, const coverage::CoverageOptions* coverage);
void write_rejects(VectorFile& file, const Campaign& campaign);

}  // namespace geo::output

#pragma once
// The loaded inputs as output layers (villages, network, sites, tracks, issues in the local CRS, with their
// original attributes and an `id`), and the `rejects` table that accounts for every feature not loaded.
#include "libgeo/core/campaign.hpp"
#include "libgeo/coverage/options.hpp"
#include "libgeo/export/vector_writer.hpp"

namespace geo::output {

// The network layer's sight_m is each line's effective sight under `coverage` (empty when coverage did not run).
void write_input_layers(VectorFile& file, const Campaign& campaign, const coverage::CoverageOptions* coverage);
enum class RejectsGeometry {
    none,    // an attribute-only table (geowalk.gpkg): the original geometry is in geometry_wkt
    placed,  // also the geometry in the campaign's CRS, where the feature could be placed (validate --rejects .gpkg)
};
// The rejects layer: one row per rejected, repaired or noted feature; `row` names it as the user finds it (CSV line,
// spreadsheet row, feature id, track name). options: GDAL layer creation options (CSV: WRITE_BOM=YES).
void write_rejects(VectorFile& file, const Campaign& campaign, RejectsGeometry geometry = RejectsGeometry::none,
                   const std::vector<std::string>& options = {});

}  // namespace geo::output

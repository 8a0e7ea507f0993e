#pragma once
// The coverage layers of the output contract: network_coverage, uncovered, site_coverage, village_coverage,
// village_matrix, blind_areas; and the `coverage` section of summary.json.
#include "libgeo/coverage/coverage.hpp"
#include "libgeo/export/summary.hpp"
#include "libgeo/export/vector_writer.hpp"

namespace geo::output {

void write_coverage_layers(VectorFile& file, const Campaign& campaign, const coverage::CoverageResult& result);
Json coverage_section(const Campaign& campaign, const coverage::CoverageResult& result);

}  // namespace geo::output

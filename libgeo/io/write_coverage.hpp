#pragma once
// The coverage layers of the output contract: network_coverage, uncovered, site_coverage, village_coverage,
// village_matrix, blind_areas; and the `coverage` section of summary.json.
#include "libgeo/coverage/coverage.hpp"
#include "libgeo/io/summary.hpp"
#include "libgeo/io/vector_writer.hpp"

namespace geo::io {

void write_coverage_layers(VectorFile& file, const Campaign& campaign, const coverage::CoverageResult& result);
Json coverage_section(const Campaign& campaign, const coverage::CoverageResult& result);

}  // namespace geo::io

#pragma once
// The hotspot layers of the output contract: hotspot_cells (Gi* with the walking effort behind each count),
// emerging_hotspots and rebounds; density.tif; and the `hotspots` section of summary.json.
#include "libgeo/hotspot/analysis.hpp"
#include "libgeo/export/density_writer.hpp"
#include "libgeo/export/summary.hpp"
#include "libgeo/export/vector_writer.hpp"

#include <optional>

namespace geo::output {

void write_hotspot_layers(VectorFile& file, const Campaign& campaign, const hotspot::HotspotResult& analysis);

// Writes density.tif when the analysis has a density grid; returns its statistics.
std::optional<DensityStats> write_density_raster(const std::filesystem::path& file, const Campaign& campaign,
                                                 const hotspot::HotspotResult& analysis, Progress progress = {});

Json hotspots_section(const Campaign& campaign, const hotspot::HotspotResult& analysis,
                      const std::optional<DensityStats>& density);

// "hot spot, 99 % confidence", "not significant", "cold spot, 90 % confidence" for a Gi* bin -3..3.
std::string gi_class(int bin);

}  // namespace geo::output

#pragma once
// Writing `density.tif`, the kernel density raster of the hotspot analysis, in bounded memory for any grid size:
// the density is evaluated tile by tile (raster/kde.hpp) into a staging raster, which GDAL's COG driver then copies
// into the Cloud-Optimized GeoTIFF (the COG driver needs a complete source to build overviews from, so it cannot
// take tiles as they come). The staging raster is held in memory when the grid is at most 256 MB of Float32 and the
// memory limit leaves room for it twice over (a town-sized grid: faster than a file); otherwise it is a temporary
// tiled GeoTIFF next to the target.
#include "libgeo/core/progress.hpp"
#include "libgeo/raster/kde.hpp"

#include <filesystem>
#include <map>
#include <span>
#include <string>

namespace geo::output {

// Band statistics of the written raster (all pixels; the density has no nodata pixel).
struct DensityStats {
    double min = 0.0;
    double max = 0.0;
    double mean = 0.0;
    double stddev = 0.0;      // population standard deviation, as GDAL computes it
    double sum = 0.0;         // sum of all pixel values (times pixel area: the mass on the grid for scaled output)
    long long nonzero = 0;    // pixels within some point's radius (with a positive weight)
};

// Writes the density of `points` over `grid` to `file` (overwritten) as a Float32 COG: DEFLATE + predictor,
// 512 x 512 tiles, averaged overviews, nodata = raster::nodata (declared for consumers; no pixel holds it: a pixel no
// point reaches is 0, a true zero density), band description, CRS from crs_wkt, statistics in the file, and
// dataset + band metadata: GEOWALK_ANALYSIS=hotspots, KDE_KERNEL, KDE_RADIUS_M, KDE_PER_POINT_RADIUS, KDE_PIXEL_M,
// KDE_OUTPUT (raw|scaled), KDE_UNITS, KDE_POINTS, plus `metadata`. A temporary staging file (large grids only) is
// `<file>.tiles.tmp.tif` in the same folder, removed in every case. While writing, GDAL's block cache is capped at
// 256 MB (restored afterwards; GDAL's cache is process-wide) so that memory stays bounded for any grid size.
// Progress: evaluation 0-80 %, COG copy 80-100 %. Throws geo::UsageError for invalid options, grid or points and
// geo::OutputError naming the file when GDAL fails (no partial file is left).
DensityStats write_density(const std::filesystem::path& file, const raster::Density& density,
                           const std::string& crs_wkt, const std::map<std::string, std::string>& metadata = {},
                           Progress progress = {});

// The band description write_density uses, e.g. "kernel density, quartic, r = 300 m, scaled (per km2)".
std::string density_description(const raster::KdeOptions& options, bool per_point_radius);

}  // namespace geo::output

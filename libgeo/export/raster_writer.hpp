#pragma once
// Writing analysis rasters (walk_distance.tif, density.tif) as Cloud-Optimized GeoTIFFs that QGIS and web viewers
// open quickly: tiled, compressed, with overviews, CRS, nodata and statistics inside the one file.
#include "libgeo/raster/grid.hpp"

#include <filesystem>
#include <map>
#include <string>

namespace geo::output {

// Writes one Float32 band with GDAL's COG driver: DEFLATE with the floating-point predictor (DEFLATE rather than
// ZSTD because every GeoTIFF reader in use at townships, old ArcGIS and QGIS builds included, can decode it),
// 512 x 512 tiles, averaged overviews down to one tile (none for a raster within one tile), nodata = raster::nodata,
// the band description, and the CRS from `crs_wkt`. Band statistics (STATISTICS_MINIMUM/MAXIMUM/MEAN/STDDEV,
// nodata excluded) are computed before the copy and travel in the file's GDAL_METADATA tag, so no .aux.xml side
// file appears; a raster with no valid pixel gets none. `metadata` becomes dataset metadata items.
// The pixels are read in place, not copied. Overwrites `file`. Throws geo::OutputError naming the file when GDAL
// fails (the partial file is removed) or when crs_wkt is not a CRS; geo::UsageError for an invalid grid.
// `threads` compress the tiles and compute the overviews; the file does not depend on it.
void write_cog(const std::filesystem::path& file, const raster::Raster& raster, const std::string& crs_wkt,
               const std::string& band_description, const std::map<std::string, std::string>& metadata = {},
               int threads = 1);

}  // namespace geo::output

#pragma once
// The parts of writing a Cloud-Optimized GeoTIFF that every raster output shares (write_cog for rasters held in
// memory, write_density for rasters produced tile by tile): the CRS check, the COG creation options and the
// CreateCopy that either leaves a complete file or none. Internal to libgeo/export.
#include "libgeo/handles/gdal_errors.hpp"

#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <filesystem>
#include <string>

namespace geo::output::detail {

// Throws geo::OutputError naming `file`.
[[noreturn]] void fail_output(const std::filesystem::path& file, const std::string& what, const std::string& hint = {});

// The CRS of a raster output, traditional GIS axis order. Throws geo::OutputError naming `file` when crs_wkt is not
// a CRS (an empty string included).
OGRSpatialReference raster_crs(const std::filesystem::path& file, const std::string& crs_wkt,
                               GdalErrorTrap& errors);

// Copies `source` (one Float32 band with its nodata, description, statistics and metadata already set) to `file`
// with GDAL's COG driver: DEFLATE with the floating-point predictor (DEFLATE rather than ZSTD because every GeoTIFF
// reader in use at townships, old ArcGIS and QGIS builds included, can decode it), 512 x 512 tiles, averaged
// overviews down to one tile, BigTIFF only where needed. Band and dataset metadata travel in the file's
// GDAL_METADATA tag, so no .aux.xml side file appears. On failure the partial file is removed and
// geo::OutputError names `file`. `threads` compress tiles and compute overviews (GDAL's NUM_THREADS; the file is the
// same for any number).
void copy_to_cog(const std::filesystem::path& file, GDALDataset& source, GdalErrorTrap& errors, int threads,
                 GDALProgressFunc progress = nullptr, void* progress_data = nullptr);

}  // namespace geo::output::detail

#include "libgeo/export/cog_support.hpp"

#include "libgeo/core/error.hpp"

#include <cpl_conv.h>
#include <cpl_string.h>

#include <algorithm>
#include <string>
#include <system_error>

namespace geo::output::detail {

void fail_output(const std::filesystem::path& file, const std::string& what, const std::string& hint)
{
    throw OutputError(what, in_file(file.string()), hint);
}

OGRSpatialReference raster_crs(const std::filesystem::path& file, const std::string& crs_wkt, GdalErrorTrap& errors)
{
    OGRSpatialReference srs;
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (crs_wkt.empty() || srs.importFromWkt(crs_wkt.c_str()) != OGRERR_NONE)
        fail_output(file, "the raster's CRS is not valid WKT: " + errors.message());
    errors.reset();
    return srs;
}

void copy_to_cog(const std::filesystem::path& file, GDALDataset& source, GdalErrorTrap& errors, int threads,
                 GDALProgressFunc progress, void* progress_data)
{
    GDALDriver* cog = GetGDALDriverManager()->GetDriverByName("COG");
    if (!cog) fail_output(file, "GDAL has no COG driver", "install GDAL 3.1 or later");
    CPLStringList options;
    options.SetNameValue("COMPRESS", "DEFLATE");
    options.SetNameValue("PREDICTOR", "YES");
    options.SetNameValue("BLOCKSIZE", "512");
    options.SetNameValue("OVERVIEWS", "AUTO");
    options.SetNameValue("OVERVIEW_RESAMPLING", "AVERAGE");
    options.SetNameValue("BIGTIFF", "IF_SAFER");
    options.SetNameValue("NUM_THREADS", std::to_string(std::max(threads, 1)).c_str());
    // The driver computes the overviews into a temporary GeoTIFF first, ZSTD-compressed by default; libtiff then
    // builds and zeroes a ZSTD context per strip, which took a quarter of the copy. DEFLATE (libdeflate) is as
    // small and the file written is the same bytes. Thread-local: GeoJSON copies are written beside the rasters.
    const CPLConfigOptionSetter temporary_compression("COG_TMP_COMPRESSION", "DEFLATE", true);
    GDALDatasetUniquePtr written(
        cog->CreateCopy(file.c_str(), &source, FALSE, options.List(), progress, progress_data));
    const bool created = written != nullptr;
    if (created) {
        written->FlushCache(true);
        written.reset();
    }
    if (created && !errors.failed()) return;
    std::error_code ignored;
    std::filesystem::remove(file, ignored);
    fail_output(file, "cannot write the GeoTIFF: " + errors.message(),
                "check free space and permissions of the output folder");
}

}  // namespace geo::output::detail

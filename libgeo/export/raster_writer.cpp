#include "libgeo/export/raster_writer.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/handles/gdal_errors.hpp"
#include "libgeo/export/cog_support.hpp"

#include <cpl_conv.h>
#include <cpl_string.h>
#include <gdal_priv.h>

#include <algorithm>
#include <array>
#include <string>

namespace geo::output {

namespace {

[[noreturn]] void fail(const std::filesystem::path& file, const std::string& what)
{
    detail::fail_output(file, what);
}

// A MEM dataset over the raster's own pixels. MEM's DATAPOINTER band option is GDAL's documented way to wrap
// caller memory; the dataset is only read from (statistics, CreateCopy), which is why the const_cast is safe.
GDALDatasetUniquePtr wrap(const std::filesystem::path& file, const raster::Raster& raster, const GdalErrorTrap& errors)
{
    GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
    if (!mem) fail(file, "GDAL has no MEM driver");
    GDALDatasetUniquePtr dataset(mem->Create("", raster.grid.cols, raster.grid.rows, 0, GDT_Float32, nullptr));
    if (!dataset) fail(file, "cannot set up the raster in memory: " + errors.message());
    char pointer[64] = {};
    const int length = CPLPrintPointer(pointer, const_cast<float*>(raster.values.data()), sizeof pointer - 1);
    pointer[std::clamp(length, 0, static_cast<int>(sizeof pointer) - 1)] = '\0';
    CPLStringList options;
    options.SetNameValue("DATAPOINTER", pointer);
    options.SetNameValue("PIXELOFFSET", std::to_string(sizeof(float)).c_str());
    const std::size_t line_bytes = sizeof(float) * static_cast<std::size_t>(raster.grid.cols);
    options.SetNameValue("LINEOFFSET", std::to_string(line_bytes).c_str());
    if (dataset->AddBand(GDT_Float32, options.List()) != CE_None)
        fail(file, "cannot set up the raster in memory: " + errors.message());
    return dataset;
}

}  // namespace

void write_cog(const std::filesystem::path& file, const raster::Raster& raster, const std::string& crs_wkt,
               const std::string& band_description, const std::map<std::string, std::string>& metadata, int threads)
{
    raster.grid.validate();
    if (raster.values.size() != raster.grid.cells())
        fail(file, "the raster holds " + std::to_string(raster.values.size()) + " values for " +
                       std::to_string(raster.grid.cells()) + " pixels");
    GdalErrorTrap errors;
    const OGRSpatialReference srs = detail::raster_crs(file, crs_wkt, errors);
    GDALDatasetUniquePtr source = wrap(file, raster, errors);
    std::array<double, 6> transform = raster.grid.geotransform();
    source->SetGeoTransform(transform.data());
    source->SetSpatialRef(&srs);
    for (const auto& [key, value] : metadata) source->SetMetadataItem(key.c_str(), value.c_str());
    GDALRasterBand* band = source->GetRasterBand(1);
    band->SetNoDataValue(raster::nodata);
    band->SetDescription(band_description.c_str());
    // GDAL refuses statistics of a band without valid pixels (an error, not an empty answer).
    const bool any_valid = std::any_of(raster.values.begin(), raster.values.end(),
                                       [](float v) { return v != raster::nodata; });
    if (any_valid) {
        double min = 0, max = 0, mean = 0, stddev = 0;
        if (band->ComputeStatistics(FALSE, &min, &max, &mean, &stddev, nullptr, nullptr) != CE_None)
            fail(file, "cannot compute the band statistics: " + errors.message());
    }
    if (errors.failed()) fail(file, "cannot set up the raster in memory: " + errors.message());
    detail::copy_to_cog(file, *source, errors, threads);
}

}  // namespace geo::output

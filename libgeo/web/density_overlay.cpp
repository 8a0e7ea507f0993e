#include "libgeo/web/density_overlay.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/core/number_text.hpp"
#include "libgeo/handles/cpl.hpp"
#include "libgeo/handles/gdal_apps.hpp"
#include "libgeo/handles/gdal_errors.hpp"
#include "libgeo/handles/ogr_transform.hpp"

#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <algorithm>
#include <array>
#include <atomic>

namespace geo::web {

namespace {

struct ScratchFiles {
    std::vector<std::string> paths;
    ~ScratchFiles()
    {
        for (const auto& p : paths) VSIUnlink(p.c_str());
    }
};

// gdaldem's colour file: "value r g b a" per line; it interpolates between lines as the QGIS ramp does. Below the
// first stop (nodata) nothing is drawn.
std::string colour_file_text(const std::vector<qgis::RampItem>& ramp)
{
    std::string text = "nv 0 0 0 0\n";
    for (const auto& item : ramp)
        text += fixed_text(item.value, 9) + " " + std::to_string(item.colour.r) + " " + std::to_string(item.colour.g) + " " +
                std::to_string(item.colour.b) + " " + std::to_string(item.colour.a) + "\n";
    return text;
}

}  // namespace

Overlay write_density_overlay(const std::filesystem::path& density_tif, const std::vector<qgis::RampItem>& ramp,
                              const std::filesystem::path& web_dir, int max_side)
{
    GdalErrorTrap trap;
    const Where where = in_file(density_tif.string());
    GDALDatasetUniquePtr source(GDALDataset::Open(density_tif.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    if (!source) throw OutputError("cannot open the density grid for the web map", where, trap.message());
    static std::atomic<long> counter{0};
    const std::string stem = "/vsimem/geowalk_density_" + std::to_string(counter++);
    ScratchFiles scratch{{stem + ".tif", stem + ".txt"}};
    const int cols = source->GetRasterXSize(), rows = source->GetRasterYSize();
    const double shrink = std::max(1.0, static_cast<double>(std::max(cols, rows)) / max_side);
    UtilityArgs warp_args({"-t_srs", "EPSG:3857", "-r", "bilinear", "-of", "GTiff", "-ts",
                           std::to_string(static_cast<int>(cols / shrink)), "0", "-dstnodata", "-1"});
    WarpOptionsPtr warp_options(GDALWarpAppOptionsNew(warp_args.argv(), nullptr));
    GDALDatasetH sources[] = {GDALDataset::ToHandle(source.get())};
    int usage_error = 0;
    GDALDatasetUniquePtr warped(
        GDALDataset::FromHandle(GDALWarp(scratch.paths[0].c_str(), nullptr, 1, sources, warp_options.get(), &usage_error)));
    if (!warped || usage_error) throw OutputError("cannot warp the density grid to Web Mercator", where, trap.message());
    const VsiMemFile colours(scratch.paths[1], colour_file_text(ramp));
    scratch.paths.pop_back();  // VsiMemFile unlinks it
    UtilityArgs dem_args({"-alpha", "-of", "PNG"});
    DemOptionsPtr dem_options(GDALDEMProcessingOptionsNew(dem_args.argv(), nullptr));
    Overlay out;
    out.file = "density.png";
    const auto png = web_dir / out.file;
    GDALDatasetUniquePtr coloured(GDALDataset::FromHandle(GDALDEMProcessing(
        png.c_str(), GDALDataset::ToHandle(warped.get()), "color-relief", colours.path().c_str(), dem_options.get(),
        &usage_error)));
    if (!coloured || usage_error) throw OutputError("cannot colour the density grid", where, trap.message());
    coloured.reset();
    std::filesystem::remove(png.string() + ".aux.xml");
    std::array<double, 6> gt{};
    warped->GetGeoTransform(gt.data());
    out.width = warped->GetRasterXSize();
    out.height = warped->GetRasterYSize();
    OGRSpatialReference mercator, wgs84;
    mercator.importFromEPSG(3857);
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    mercator.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    const OgrTransformPtr to_degrees = make_transform(mercator, wgs84);
    if (!to_degrees) throw OutputError("PROJ cannot turn Web Mercator into degrees", where, trap.message());
    std::array<double, 2> x{gt[0], gt[0] + gt[1] * out.width}, y{gt[3] + gt[5] * out.height, gt[3]};
    if (!to_degrees->Transform(2, x.data(), y.data()))
        throw OutputError("PROJ cannot place the density picture", where, trap.message());
    out.west = x[0];
    out.east = x[1];
    out.south = y[0];
    out.north = y[1];
    return out;
}

}  // namespace geo::web

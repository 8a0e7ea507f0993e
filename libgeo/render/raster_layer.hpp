#pragma once
// Draws the output rasters into a map frame through GDAL: read once at the frame's print resolution (GDAL picks
// the COG overview), coloured with the same ramps the QGIS project uses (qgis/raster_styles.hpp), nodata clear.
#include "libgeo/qgis/raster_styles.hpp"
#include "libgeo/render/view.hpp"

#include <filesystem>
#include <vector>

namespace geo::render {

enum class RampKind { interpolated, discrete };

struct RasterLegend {
    RampKind kind = RampKind::interpolated;
    std::vector<qgis::RampItem> items;
};

// Colours every pixel by `items`: discrete takes the first item whose value is at least the pixel's, interpolated
// blends between the two items around it. Throws geo::InputError naming the file when GDAL cannot read it.
void draw_raster(cairo_t* cr, const MapView& view, const std::filesystem::path& tif, const RasterLegend& ramp,
                 double opacity = 1.0);

// The largest value of band 1 (from the COG's statistics, computed when absent); 0 for an empty raster.
double raster_maximum(const std::filesystem::path& tif);

}  // namespace geo::render

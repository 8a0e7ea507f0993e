#include "libgeo/render/raster_layer.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/render/document.hpp"

#include <gdal_priv.h>

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace geo::render {

namespace {

GDALDatasetUniquePtr open_raster(const std::filesystem::path& tif)
{
    GDALDatasetUniquePtr ds(GDALDataset::Open(tif.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    if (!ds || ds->GetRasterCount() < 1)
        throw InputError("cannot read the raster for the map", in_file(tif.string()), "re-run geowalk to write it again");
    return ds;
}

qgis::Rgba blend(const qgis::Rgba& a, const qgis::Rgba& b, double t)
{
    auto mix = [t](int x, int y) { return static_cast<int>(std::lround(x + (y - x) * t)); };
    return {mix(a.r, b.r), mix(a.g, b.g), mix(a.b, b.b), mix(a.a, b.a)};
}

qgis::Rgba colour_of(double v, const RasterLegend& ramp)
{
    const auto& items = ramp.items;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (v > items[i].value) continue;
        if (ramp.kind == RampKind::discrete || i == 0) return items[i].colour;
        const double span = items[i].value - items[i - 1].value;
        return blend(items[i - 1].colour, items[i].colour, span > 0 ? (v - items[i - 1].value) / span : 1.0);
    }
    return items.back().colour;
}

std::uint32_t premultiplied(const qgis::Rgba& c)
{
    const auto pre = [&](int x) { return static_cast<std::uint32_t>(x * c.a / 255); };
    return static_cast<std::uint32_t>(c.a) << 24 | pre(c.r) << 16 | pre(c.g) << 8 | pre(c.b);
}

}  // namespace

void draw_raster(cairo_t* cr, const MapView& view, const std::filesystem::path& tif, const RasterLegend& ramp,
                 double opacity)
{
    if (ramp.items.empty()) return;
    GDALDatasetUniquePtr ds = open_raster(tif);
    GDALRasterBand* band = ds->GetRasterBand(1);
    double gt[6];
    if (ds->GetGeoTransform(gt) != CE_None || gt[1] <= 0 || gt[5] >= 0)
        throw InputError("the raster is not north-up", in_file(tif.string()), "re-run geowalk to write it again");
    const int cols = ds->GetRasterXSize(), rows = ds->GetRasterYSize();
    const Box& w = view.world();
    // The part of the raster inside the frame, in (fractional) pixels.
    const double px0 = std::clamp((w.min_corner().x() - gt[0]) / gt[1], 0.0, double(cols));
    const double px1 = std::clamp((w.max_corner().x() - gt[0]) / gt[1], 0.0, double(cols));
    const double py0 = std::clamp((w.max_corner().y() - gt[3]) / gt[5], 0.0, double(rows));
    const double py1 = std::clamp((w.min_corner().y() - gt[3]) / gt[5], 0.0, double(rows));
    if (px1 - px0 < 1e-6 || py1 - py0 < 1e-6) return;

    // As many samples as the printed frame has dots, never more than the raster has pixels there.
    const double dots_per_point = print_dpi / 72.0;
    const double page_w = (px1 - px0) * gt[1] * view.points_per_metre();
    const double page_h = (py1 - py0) * -gt[5] * view.points_per_metre();
    const int bw = std::max(1, static_cast<int>(std::ceil(std::min(page_w * dots_per_point, px1 - px0))));
    const int bh = std::max(1, static_cast<int>(std::ceil(std::min(page_h * dots_per_point, py1 - py0))));

    std::vector<float> values(static_cast<std::size_t>(bw) * bh);
    GDALRasterIOExtraArg extra;
    INIT_RASTERIO_EXTRA_ARG(extra);
    extra.bFloatingPointWindowValidity = TRUE;
    extra.dfXOff = px0;
    extra.dfYOff = py0;
    extra.dfXSize = px1 - px0;
    extra.dfYSize = py1 - py0;
    // A discrete ramp shows classes: never average a blind pixel into a walked one.
    extra.eResampleAlg = ramp.kind == RampKind::discrete ? GRIORA_NearestNeighbour : GRIORA_Average;
    const int x_off = static_cast<int>(std::floor(px0)), y_off = static_cast<int>(std::floor(py0));
    const int x_size = std::min(cols - x_off, std::max(1, static_cast<int>(std::ceil(px1)) - x_off));
    const int y_size = std::min(rows - y_off, std::max(1, static_cast<int>(std::ceil(py1)) - y_off));
    if (band->RasterIO(GF_Read, x_off, y_off, x_size, y_size, values.data(), bw, bh, GDT_Float32, 0, 0, &extra) != CE_None)
        throw InputError("cannot read the raster for the map", in_file(tif.string()), "re-run geowalk to write it again");

    int has_nodata = 0;
    const double nodata = band->GetNoDataValue(&has_nodata);
    CairoSurfacePtr image(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, bw, bh));
    cairo_surface_flush(image.get());
    auto* data = cairo_image_surface_get_data(image.get());
    const int stride = cairo_image_surface_get_stride(image.get());
    for (int r = 0; r < bh; ++r) {
        auto* row = reinterpret_cast<std::uint32_t*>(data + static_cast<std::ptrdiff_t>(r) * stride);
        for (int c = 0; c < bw; ++c) {
            const float v = values[static_cast<std::size_t>(r) * bw + c];
            const bool empty = !std::isfinite(v) || (has_nodata && v == static_cast<float>(nodata));
            row[c] = empty ? 0U : premultiplied(colour_of(v, ramp));
        }
    }
    cairo_surface_mark_dirty(image.get());

    CairoSaved saved(cr);
    view.clip_to_frame(cr);
    cairo_translate(cr, view.page_x(gt[0] + px0 * gt[1]), view.page_y(gt[3] + py0 * gt[5]));
    cairo_scale(cr, page_w / bw, page_h / bh);
    cairo_set_source_surface(cr, image.get(), 0, 0);
    cairo_pattern_set_filter(cairo_get_source(cr),
                             ramp.kind == RampKind::discrete ? CAIRO_FILTER_NEAREST : CAIRO_FILTER_GOOD);
    cairo_paint_with_alpha(cr, opacity);
}

double raster_maximum(const std::filesystem::path& tif)
{
    GDALDatasetUniquePtr ds = open_raster(tif);
    GDALRasterBand* band = ds->GetRasterBand(1);
    double min = 0, max = 0, mean = 0, sd = 0;
    // Statistics written with the COG; without them compute the range rather than force statistics, which would
    // leave a .aux.xml beside the output.
    if (band->GetStatistics(FALSE, FALSE, &min, &max, &mean, &sd) == CE_None) return max;
    double range[2] = {0, 0};
    if (band->ComputeRasterMinMax(FALSE, range) != CE_None) return 0;
    return range[1];
}

}  // namespace geo::render

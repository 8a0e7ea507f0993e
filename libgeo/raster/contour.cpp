#include "libgeo/raster/contour.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/core/number_text.hpp"
#include "libgeo/handles/gdal_errors.hpp"

#include <gdal_alg.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace geo::raster {

namespace {

GDALDriver* driver(const char* name)
{
    GDALDriver* d = GetGDALDriverManager()->GetDriverByName(name);
    if (d == nullptr) throw Error(std::string("GDAL has no ") + name + " driver; call GDALAllRegister() first");
    return d;
}

// The window's pixels as a Float32 in-memory dataset with the window's own geotransform.
GDALDatasetUniquePtr window_dataset(const Raster& raster, const Window& w)
{
    GDALDatasetUniquePtr ds(driver("MEM")->Create("", w.cols, w.rows, 1, GDT_Float32, nullptr));
    if (!ds) throw Error("GDAL could not create an in-memory raster of " + std::to_string(w.cols) + " x " +
                         std::to_string(w.rows) + " pixels");
    std::array<double, 6> gt = raster.grid.geotransform();
    gt[0] += w.col * raster.grid.pixel;
    gt[3] -= w.row * raster.grid.pixel;
    ds->SetGeoTransform(gt.data());
    GDALRasterBand* band = ds->GetRasterBand(1);
    band->SetNoDataValue(nodata);
    // GDAL takes a non-const buffer for reads and writes alike; GF_Write only reads it.
    auto* first = const_cast<float*>(&raster.values[raster.grid.index(w.col, w.row)]);  // NOLINT(cppcoreguidelines-pro-type-const-cast)
    const auto line_space = static_cast<GSpacing>(raster.grid.cols) * static_cast<GSpacing>(sizeof(float));
    if (band->RasterIO(GF_Write, 0, 0, w.cols, w.rows, first, w.cols, w.rows, GDT_Float32, sizeof(float), line_space,
                       nullptr) != CE_None)
        throw Error("GDAL could not fill an in-memory raster");
    return ds;
}

GeomPtr from_ogr(const GeosContext& ctx, const OGRGeometry& g)
{
    std::vector<unsigned char> wkb(g.WkbSize());
    g.exportToWkb(wkbNDR, wkb.data());
    return own(ctx, GEOSGeomFromWKB_buf_r(ctx, wkb.data(), wkb.size()), "WKB");
}

// One valid polygonal geometry from the band's pieces (none: an empty polygon).
GeomPtr merged(const GeosContext& ctx, std::vector<GeomPtr> parts)
{
    if (parts.empty()) return own(ctx, GEOSGeom_createEmptyPolygon_r(ctx), "empty polygon");
    GeomPtr g;
    if (parts.size() == 1) {
        g = std::move(parts.front());
    } else {
        std::vector<GEOSGeometry*> raw;
        for (auto& p : parts) raw.push_back(p.release());
        const GeomPtr all = own(
            ctx, GEOSGeom_createCollection_r(ctx, GEOS_GEOMETRYCOLLECTION, raw.data(), static_cast<unsigned>(raw.size())),
            "collection");
        g = own(ctx, GEOSUnaryUnion_r(ctx, all.get()), "union");
    }
    const char valid = GEOSisValid_r(ctx, g.get());
    if (valid == 2) throw Error("GEOS could not check a contour polygon: " + ctx.last_error());
    // Rings of the polygonizer can touch themselves where two level lines meet at a pixel centre.
    if (valid == 0) g = own(ctx, GEOSMakeValid_r(ctx, g.get()), "make valid");
    return g;
}

}  // namespace

Window window_covering(const Grid& grid, const Box& box)
{
    const auto clamp_col = [&](double c) { return static_cast<int>(std::clamp(c, 0.0, static_cast<double>(grid.cols))); };
    const auto clamp_row = [&](double r) { return static_cast<int>(std::clamp(r, 0.0, static_cast<double>(grid.rows))); };
    const int col0 = clamp_col(std::floor((box.min_corner().x() - grid.origin_x) / grid.pixel));
    const int col1 = clamp_col(std::floor((box.max_corner().x() - grid.origin_x) / grid.pixel) + 1);
    const int row0 = clamp_row(std::floor((grid.origin_y - box.max_corner().y()) / grid.pixel));
    const int row1 = clamp_row(std::floor((grid.origin_y - box.min_corner().y()) / grid.pixel) + 1);
    return {col0, row0, std::max(0, col1 - col0), std::max(0, row1 - row0)};
}

DistanceBands distance_bands(const GeosContext& ctx, const Raster& raster, const Window& w, double near_m, double far_m)
{
    if (!(near_m > 0 && far_m > 0)) throw UsageError("distance bands need levels above 0 m");
    std::vector<GeomPtr> near_parts, far_parts;
    if (w.cols > 0 && w.rows > 0) {
        const GdalErrorTrap trap;
        const GDALDatasetUniquePtr ds = window_dataset(raster, w);
        const GDALDatasetUniquePtr vectors(driver("Memory")->Create("", 0, 0, 0, GDT_Unknown, nullptr));
        OGRLayer* layer = vectors ? vectors->CreateLayer("bands", nullptr, wkbMultiPolygon, nullptr) : nullptr;
        if (layer == nullptr) throw Error("GDAL could not create an in-memory layer: " + trap.message());
        for (const char* field : {"low", "high"}) {
            OGRFieldDefn def(field, OFTReal);
            layer->CreateField(&def);
        }
        const std::string levels = near_m == far_m ? number_text(near_m)
                                                   : number_text(std::min(near_m, far_m)) + "," + number_text(std::max(near_m, far_m));
        const std::string levels_option = "FIXED_LEVELS=" + levels;
        const std::string nodata_option = "NODATA=" + number_text(nodata);
        const char* options[] = {levels_option.c_str(), nodata_option.c_str(), "POLYGONIZE=YES", "ELEV_FIELD_MIN=0",
                                 "ELEV_FIELD_MAX=1", nullptr};
        if (GDALContourGenerateEx(ds->GetRasterBand(1), OGRLayer::ToHandle(layer), const_cast<char**>(options),  // NOLINT
                                  nullptr, nullptr) != CE_None)
            throw Error("GDAL could not contour the distance raster: " + trap.message());
        // A band's fields hold the levels bounding it (the raster's extremes beyond the outer levels).
        layer->ResetReading();
        for (auto& feature : *layer) {
            const OGRGeometry* g = feature->GetGeometryRef();
            if (g == nullptr || g->IsEmpty()) continue;
            const double low = feature->GetFieldAsDouble(0);
            const double high = feature->GetFieldAsDouble(1);
            if (high <= near_m) near_parts.push_back(from_ogr(ctx, *g));
            if (low >= far_m) far_parts.push_back(from_ogr(ctx, *g));
        }
    }
    return {merged(ctx, std::move(near_parts)), merged(ctx, std::move(far_parts))};
}

}  // namespace geo::raster

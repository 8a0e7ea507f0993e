#pragma once
// Shared by the sample town tests: the scale-1 town generated once per test run, and small readers that look at
// the files through GDAL and GEOS only, independently of the generator's own types.
#include "libgeo/handles/geos.hpp"
#include "libgeo/sample/sample_town.hpp"
#include "support.hpp"

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace geo::sample::test {

// Generated on first use, removed when the test binary exits.
inline const std::filesystem::path& sample_town_dir()
{
    static const auto dir = [] {
        auto temp = std::make_unique<geo::test::TempDir>("geowalk-sample-town");
        write_sample_town(temp->path(), TownOptions{});
        return temp;
    }();
    return dir->path();
}

inline GDALDatasetUniquePtr open_vector(const std::filesystem::path& path, const char* driver)
{
    const char* const drivers[] = {driver, nullptr};
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.string().c_str(), GDAL_OF_VECTOR, drivers));
    if (!ds) throw std::runtime_error("could not open " + path.string() + " with " + driver);
    return ds;
}

inline OGRSpatialReference epsg(int code)
{
    OGRSpatialReference srs;
    srs.importFromEPSG(code);
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return srs;
}

// Through WKB, so coordinates (and shared vertices) stay bit for bit what the file holds.
inline GeomPtr to_geos(const GeosContext& ctx, const OGRGeometry& g)
{
    std::vector<unsigned char> wkb(g.WkbSize());
    g.exportToWkb(wkbNDR, wkb.data(), wkbVariantIso);
    GEOSWKBReader* reader = GEOSWKBReader_create_r(ctx);
    GEOSGeometry* out = GEOSWKBReader_read_r(ctx, reader, wkb.data(), wkb.size());
    GEOSWKBReader_destroy_r(ctx, reader);
    return own(ctx, out, "WKB read");
}

// Every geometry of a layer, transformed to `to` (null: as stored).
inline std::vector<OGRGeometryUniquePtr> geometries(OGRLayer& layer, const OGRSpatialReference* to = nullptr)
{
    std::unique_ptr<OGRCoordinateTransformation> ct;
    if (to) {
        OGRSpatialReference from(*layer.GetSpatialRef());
        from.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        ct.reset(OGRCreateCoordinateTransformation(&from, to));
    }
    std::vector<OGRGeometryUniquePtr> out;
    layer.ResetReading();
    for (auto& feature : layer) {
        OGRGeometryUniquePtr g(feature->StealGeometry());
        if (g && ct && g->transform(ct.get()) != OGRERR_NONE) throw std::runtime_error("transform failed");
        out.push_back(std::move(g));
    }
    return out;
}

inline double total_length(const std::vector<OGRGeometryUniquePtr>& lines)
{
    double sum = 0.0;
    for (const auto& g : lines) {
        if (wkbFlatten(g->getGeometryType()) == wkbMultiLineString)
            sum += g->toMultiLineString()->get_Length();
        else
            sum += g->toCurve()->get_Length();
    }
    return sum;
}

}  // namespace geo::sample::test

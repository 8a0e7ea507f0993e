#pragma once
// Internal helpers for the sample town writers: spatial references, the transform out of UTM 47N, dataset
// creation and checked writes. Everything here throws geo::OutputError naming the file.
#include "libgeo/sample/geometry.hpp"

#include <gdal_priv.h>
#include <ogr_geometry.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace geo::sample::detail {

// The town is generated in UTM zone 47N (Ganjun lies at 100.45 E; the zone's central meridian is 99 E).
inline constexpr int k_generation_epsg = 32647;

// An EPSG CRS with x = easting/longitude, y = northing/latitude whatever the EPSG axis order says.
OGRSpatialReference srs_from_epsg(int epsg);

// Local tile metres (plus the tile's UTM offset) to one target CRS.
class Projector {
public:
    explicit Projector(int target_epsg);
    // x/y in the target CRS, in OGR_TRADITIONAL_GIS_ORDER (lon, lat for geographic CRSs).
    void apply(const std::vector<Point>& local, Point offset, std::vector<double>& xs, std::vector<double>& ys) const;
    [[nodiscard]] Point apply(Point local, Point offset) const;
    [[nodiscard]] const OGRSpatialReference& target() const { return m_target; }

private:
    OGRSpatialReference m_source;
    OGRSpatialReference m_target;
    std::unique_ptr<OGRCoordinateTransformation> m_transform;
};

OGRLineString to_ogr_line(const Projector& projector, const Polyline& line, Point offset);
OGRPolygon to_ogr_polygon(const Projector& projector, const Polygon& polygon, Point offset);
OGRMultiPolygon to_ogr_multipolygon(const Projector& projector, const MultiPolygon& polygons, Point offset);

GDALDatasetUniquePtr create_dataset(const char* driver, const std::filesystem::path& path,
                                    const std::vector<std::string>& options = {});
OGRLayer* create_layer(GDALDataset& ds, const std::filesystem::path& path, const char* name,
                       const OGRSpatialReference* srs, OGRwkbGeometryType type,
                       const std::vector<std::string>& options = {});
void add_string_field(OGRLayer& layer, const std::filesystem::path& path, const char* name, int width = 0);
void create_feature(OGRLayer& layer, OGRFeature& feature, const std::filesystem::path& path);

// Closes the dataset and throws when GDAL reported a failure while flushing: GDALClose cannot return one in 3.6.
void close_dataset(GDALDatasetUniquePtr& ds, const std::filesystem::path& path);

}  // namespace geo::sample::detail

#include "libgeo/sample/ogr_support.hpp"

#include "libgeo/core/error.hpp"

#include <cpl_error.h>
#include <cpl_string.h>

namespace geo::sample::detail {

namespace {

CPLStringList string_list(const std::vector<std::string>& options)
{
    CPLStringList list;
    for (const std::string& o : options) list.AddString(o.c_str());
    return list;
}

Where in_file(const std::filesystem::path& path, const char* layer = nullptr)
{
    Where where;
    where.file = path.string();
    if (layer) where.layer = layer;
    return where;
}

std::string last_gdal_error()
{
    const char* message = CPLGetLastErrorMsg();
    return message && *message ? std::string(": ") + message : std::string();
}

}  // namespace

OGRSpatialReference srs_from_epsg(int epsg)
{
    OGRSpatialReference srs;
    if (srs.importFromEPSG(epsg) != OGRERR_NONE)
        throw Error("unknown CRS EPSG:" + std::to_string(epsg), {}, "is the PROJ database (proj.db) installed?");
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return srs;
}

Projector::Projector(int target_epsg)
    : m_source(srs_from_epsg(k_generation_epsg)),
      m_target(srs_from_epsg(target_epsg)),
      m_transform(OGRCreateCoordinateTransformation(&m_source, &m_target))
{
    if (!m_transform)
        throw Error("no transformation from EPSG:" + std::to_string(k_generation_epsg) + " to EPSG:" +
                    std::to_string(target_epsg) + last_gdal_error());
}

void Projector::apply(const std::vector<Point>& local, Point offset, std::vector<double>& xs,
                      std::vector<double>& ys) const
{
    xs.resize(local.size());
    ys.resize(local.size());
    for (std::size_t i = 0; i < local.size(); ++i) {
        xs[i] = local[i].x + offset.x;
        ys[i] = local[i].y + offset.y;
    }
    std::vector<int> ok(local.size(), 0);
    if (!m_transform->Transform(static_cast<int>(local.size()), xs.data(), ys.data(), nullptr, ok.data()))
        throw Error("coordinate transformation failed" + last_gdal_error());
    for (int success : ok)
        if (!success) throw Error("coordinate transformation failed for a point of the sample town");
}

Point Projector::apply(Point local, Point offset) const
{
    std::vector<double> xs, ys;
    apply(std::vector<Point>{local}, offset, xs, ys);
    return {xs[0], ys[0]};
}

OGRLineString to_ogr_line(const Projector& projector, const Polyline& line, Point offset)
{
    std::vector<double> xs, ys;
    projector.apply(line, offset, xs, ys);
    OGRLineString out;
    out.setPoints(static_cast<int>(xs.size()), xs.data(), ys.data());
    return out;
}

OGRPolygon to_ogr_polygon(const Projector& projector, const Polygon& polygon, Point offset)
{
    OGRPolygon out;
    auto add_ring = [&](const Ring& ring) {
        std::vector<double> xs, ys;
        projector.apply(ring, offset, xs, ys);
        OGRLinearRing r;
        r.setPoints(static_cast<int>(xs.size()), xs.data(), ys.data());
        r.closeRings();
        out.addRing(&r);
    };
    add_ring(polygon.outer);
    for (const Ring& hole : polygon.holes) add_ring(hole);
    return out;
}

OGRMultiPolygon to_ogr_multipolygon(const Projector& projector, const MultiPolygon& polygons, Point offset)
{
    OGRMultiPolygon out;
    for (const Polygon& p : polygons) {
        const OGRPolygon part = to_ogr_polygon(projector, p, offset);
        out.addGeometry(&part);
    }
    return out;
}

GDALDatasetUniquePtr create_dataset(const char* driver_name, const std::filesystem::path& path,
                                    const std::vector<std::string>& options)
{
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driver_name);
    if (!driver)
        throw OutputError(std::string("GDAL has no ") + driver_name + " driver", in_file(path),
                          "install a GDAL build with this driver (the LIBKML driver needs libkml)");
    CPLStringList list = string_list(options);
    GDALDatasetUniquePtr ds(driver->Create(path.string().c_str(), 0, 0, 0, GDT_Unknown, list.List()));
    if (!ds) throw OutputError("could not create the file" + last_gdal_error(), in_file(path),
                               "check that the folder is writable and the disk not full");
    return ds;
}

OGRLayer* create_layer(GDALDataset& ds, const std::filesystem::path& path, const char* name,
                       const OGRSpatialReference* srs, OGRwkbGeometryType type, const std::vector<std::string>& options)
{
    CPLStringList list = string_list(options);
    // GDAL 3.6 takes a non-const pointer but only clones the reference system.
    OGRLayer* layer = ds.CreateLayer(name, const_cast<OGRSpatialReference*>(srs), type, list.List());
    if (!layer) throw OutputError("could not create the layer" + last_gdal_error(), in_file(path, name));
    return layer;
}

void add_string_field(OGRLayer& layer, const std::filesystem::path& path, const char* name, int width)
{
    OGRFieldDefn field(name, OFTString);
    if (width > 0) field.SetWidth(width);
    if (layer.CreateField(&field) != OGRERR_NONE)
        throw OutputError(std::string("could not create the field ") + name + last_gdal_error(),
                          in_file(path, layer.GetName()));
}

void create_feature(OGRLayer& layer, OGRFeature& feature, const std::filesystem::path& path)
{
    if (layer.CreateFeature(&feature) != OGRERR_NONE)
        throw OutputError("could not write a feature" + last_gdal_error(), in_file(path, layer.GetName()),
                          "check that the disk is not full");
}

void close_dataset(GDALDatasetUniquePtr& ds, const std::filesystem::path& path)
{
    CPLErrorReset();
    ds.reset();
    if (CPLGetLastErrorType() == CE_Failure || CPLGetLastErrorType() == CE_Fatal)
        throw OutputError("could not finish writing the file" + last_gdal_error(), in_file(path),
                          "check that the disk is not full");
}

}  // namespace geo::sample::detail

#include "libgeo/export/geojson_export.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/export/contract.hpp"
#include "libgeo/core/parallel.hpp"
#include "libgeo/handles/gdal_errors.hpp"
#include "libgeo/handles/ogr_transform.hpp"
#include "libgeo/handles/wkt.hpp"

#include <cpl_string.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <numeric>
#include <string_view>
#include <system_error>

namespace geo::output {

namespace {

OGRSpatialReference wgs84()
{
    OGRSpatialReference srs;
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (srs.importFromEPSG(4326) != OGRERR_NONE)
        throw OutputError("PROJ does not know EPSG:4326", {}, "check that PROJ's proj.db is installed");
    return srs;
}

// The transformation of one layer to WGS 84, the operation OGR picks for the layer's CRS with longitude first.
// Creating one searches PROJ's database (about 10 ms); layers in the same CRS get a clone of the first one's.
OgrTransformPtr transform_to_wgs84(OGRLayer& source, const std::filesystem::path& file,
                                   std::map<std::string, OgrTransformPtr>& made)
{
    const std::string name = source.GetName();
    // GeoPackage stores a missing CRS as srs_id 0 or -1, which GDAL reads back as "Undefined geographic SRS" or
    // "Undefined Cartesian SRS": neither says where the coordinates are on Earth.
    const OGRSpatialReference* layer_srs = source.GetSpatialRef();
    const char* srs_name = layer_srs ? layer_srs->GetName() : nullptr;
    if (!layer_srs || (srs_name && std::string_view(srs_name).rfind("Undefined ", 0) == 0))
        throw OutputError("the layer has no CRS, so it cannot be written as GeoJSON", in_file(file.string(), name));
    OGRSpatialReference from(*layer_srs);
    from.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    const std::string key = crs_wkt(from);
    GdalErrorTrap errors;
    OgrTransformPtr& first = made[key];
    if (!first) first = make_transform(from, wgs84());
    OgrTransformPtr copy(first ? first->Clone() : nullptr);
    if (!copy) throw OutputError("no transformation to WGS 84: " + errors.message(), in_file(file.string(), name));
    return copy;
}

// One layer into one file. The transformation is done here rather than left to the driver (which would also
// reproject under RFC7946=YES) so that a failure names the feature; the driver then sees WGS 84 and only rounds
// and orients the rings. The transformation is this call's own: it is used on this thread only.
void write_layer(OGRLayer& source, GDALDriver& driver, const std::filesystem::path& file,
                 OGRCoordinateTransformation& transform)
{
    const std::string name = source.GetName();
    GdalErrorTrap errors;
    GDALDatasetUniquePtr out(driver.Create(file.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!out)
        throw OutputError("cannot create the file: " + errors.message(), in_file(file.string()),
                          "check free space and permissions of the output folder");
    CPLStringList options;
    options.SetNameValue("RFC7946", "YES");  // right-hand rule; no "crs" member; WGS 84 only
    options.SetNameValue("COORDINATE_PRECISION", "7");
    options.SetNameValue("WRITE_NAME", "NO");  // the file is named after the layer; no foreign member needed
    OGRSpatialReference layer_crs = wgs84();
    OGRLayer* target = out->CreateLayer(name.c_str(), &layer_crs, source.GetGeomType(), options.List());
    if (!target) throw OutputError("cannot create the layer: " + errors.message(), in_file(file.string(), name));
    OGRFeatureDefn* fields = source.GetLayerDefn();
    for (int i = 0; i < fields->GetFieldCount(); ++i)
        if (target->CreateField(fields->GetFieldDefn(i)) != OGRERR_NONE)
            throw OutputError(std::string("cannot create field '") + fields->GetFieldDefn(i)->GetNameRef() +
                                  "': " + errors.message(),
                              in_file(file.string(), name));

    for (auto& feature : source) {
        Where where = in_file(file.string(), name);
        where.feature = feature->GetFID();
        OGRGeometryUniquePtr geometry(feature->StealGeometry());
        if (geometry && geometry->transform(&transform) != OGRERR_NONE)
            throw OutputError("a geometry could not be transformed to WGS 84: " + errors.message(), where);
        OGRFeatureUniquePtr copy(OGRFeature::CreateFeature(target->GetLayerDefn()));
        if (copy->SetFrom(feature.get(), TRUE) != OGRERR_NONE)
            throw OutputError("cannot copy the feature's fields: " + errors.message(), where);
        copy->SetGeometryDirectly(geometry.release());
        if (target->CreateFeature(copy.get()) != OGRERR_NONE)
            throw OutputError("cannot write a feature: " + errors.message(), where);
    }
    // The driver writes the closing brackets on close; a failure there only shows in the error handler.
    out.reset();
    if (errors.failed()) throw OutputError("writing failed: " + errors.message(), in_file(file.string(), name));
}

std::string thousands(long long n)
{
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

GDALDataset* open_gpkg(const std::filesystem::path& gpkg)
{
    return GDALDataset::Open(gpkg.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr);
}

}  // namespace

double estimated_geojson_mb(OGRLayer& layer, int sample)
{
    // What GDAL's writer puts around a feature and a property, and per position: "[ 100.1234567, 30.1234567 ], ".
    constexpr double feature_bytes = 80, property_bytes = 6, position_bytes = 27, wkb_position_bytes = 16;
    const GIntBig features = layer.GetFeatureCount(TRUE);
    if (features <= 0) return 0;
    OGRFeatureDefn* defn = layer.GetLayerDefn();
    double bytes = 0;
    int read = 0;
    layer.ResetReading();
    for (OGRFeatureUniquePtr f(layer.GetNextFeature()); f && read < sample; f.reset(layer.GetNextFeature()), ++read) {
        bytes += feature_bytes;
        for (int i = 0; i < defn->GetFieldCount(); ++i) {
            bytes += property_bytes + static_cast<double>(std::strlen(defn->GetFieldDefn(i)->GetNameRef()));
            bytes += f->IsFieldSetAndNotNull(i) ? static_cast<double>(std::strlen(f->GetFieldAsString(i))) + 2 : 4;
        }
        // WKB holds 16 bytes per 2D position and a few per part: its size counts the positions closely enough.
        if (const OGRGeometry* g = f->GetGeometryRef()) bytes += static_cast<double>(g->WkbSize()) / wkb_position_bytes * position_bytes;
    }
    layer.ResetReading();
    if (read == 0) return 0;
    return bytes / read * static_cast<double>(features) / 1e6;
}

GeojsonCopies write_geojson_layers(const std::filesystem::path& gpkg, const std::filesystem::path& dir, int threads,
                                   const GeojsonChoice& choice)
{
    struct MapLayer {
        std::string name;
        GIntBig features;
        OgrTransformPtr to_wgs84;
    };
    using Mode = GeojsonChoice::Mode;
    std::vector<MapLayer> layers;
    GeojsonCopies copies;
    {
        GdalErrorTrap errors;
        GDALDatasetUniquePtr source(open_gpkg(gpkg));
        if (!source) throw OutputError("cannot open the GeoPackage: " + errors.message(), in_file(gpkg.string()));
        if (choice.mode == Mode::listed) {
            // Names outside the contract are a typo; a layer of an analysis this run does not hold is only noted.
            std::string unknown, known;
            for (const auto& name : choice.layers) {
                if (std::find(layer::map_layers.begin(), layer::map_layers.end(), name) == layer::map_layers.end())
                    unknown += (unknown.empty() ? "'" : ", '") + name + "'";
                else if (OGRLayer* l = source->GetLayerByName(name.c_str()); !l || l->GetGeomType() == wkbNone)
                    copies.left_out.push_back({name, 0, 0, "this run has no layer " + name, false});
            }
            for (const auto name : layer::map_layers) known += (known.empty() ? "" : ", ") + std::string(name);
            if (!unknown.empty())
                throw UsageError("--geojson: unknown layer " + unknown, {}, "layers with a geometry: " + known);
        }
        std::map<std::string, OgrTransformPtr> made;
        for (OGRLayer* layer : source->GetLayers()) {
            if (layer->GetGeomType() == wkbNone || choice.mode == Mode::none) continue;
            const std::string name = layer->GetName();
            if (choice.mode == Mode::listed &&
                std::find(choice.layers.begin(), choice.layers.end(), name) == choice.layers.end())
                continue;
            const GIntBig count = layer->GetFeatureCount(TRUE);
            if (choice.mode == Mode::within_limits) {
                const double mb = estimated_geojson_mb(*layer);
                std::string reason;
                if (count > choice.max_features)
                    reason = thousands(count) + " features, more than " + thousands(choice.max_features);
                else if (mb > choice.max_mb)
                    reason = "about " + std::to_string(static_cast<long long>(std::lround(mb))) + " MB, more than " +
                             std::to_string(static_cast<long long>(std::lround(choice.max_mb))) + " MB";
                if (!reason.empty()) {
                    copies.left_out.push_back({name, count, mb, reason});
                    continue;
                }
            }
            layers.push_back({name, count, transform_to_wgs84(*layer, dir / (name + ".geojson"), made)});
        }
    }
    if (layers.empty()) return copies;
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GeoJSON");
    if (!driver) throw OutputError("GDAL has no GeoJSON driver", in_file(gpkg.string()));
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) throw OutputError("cannot create the folder: " + ec.message(), in_file(dir.string()));

    // Largest first, so that the longest copy does not start last. Each layer is read through its own handle and
    // transformed by its own transformation: neither a GDAL dataset nor an OGR object may be used by two threads.
    std::vector<std::size_t> order(layers.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return layers[a].features > layers[b].features; });
    detail::parallel_chunks(
        order.size(), 1, threads,
        [&](std::size_t first, std::size_t last) {
            for (std::size_t k = first; k < last; ++k) {
                MapLayer& map_layer = layers[order[k]];
                const std::string& name = map_layer.name;
                const std::filesystem::path file = dir / (name + ".geojson");
                std::error_code remove_ec;
                // The GeoJSON driver refuses to overwrite; a rerun into the same staging folder starts clean.
                std::filesystem::remove(file, remove_ec);
                try {
                    GdalErrorTrap errors;
                    GDALDatasetUniquePtr source(open_gpkg(gpkg));
                    OGRLayer* layer = source ? source->GetLayerByName(name.c_str()) : nullptr;
                    if (!layer)
                        throw OutputError("cannot read the layer back: " + errors.message(),
                                          in_file(gpkg.string(), name));
                    write_layer(*layer, *driver, file, *map_layer.to_wgs84);
                } catch (...) {
                    std::filesystem::remove(file, remove_ec);
                    throw;
                }
            }
        },
        [](double) { return true; });

    copies.written.reserve(layers.size());
    for (const auto& layer : layers) copies.written.push_back(layer.name + ".geojson");
    return copies;
}

}  // namespace geo::output

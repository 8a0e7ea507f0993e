#include "libgeo/qgis/project_spec.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/handles/gdal_errors.hpp"
#include "libgeo/handles/wkt.hpp"
#include "libgeo/qgis/layer_styles.hpp"

#include <gdal_priv.h>
#include <nlohmann/json.hpp>
#include <ogrsf_frmts.h>

#include <cstdlib>
#include <fstream>

namespace geo::qgis {

namespace {

GDALDatasetUniquePtr open_readonly(const std::filesystem::path& file, unsigned int kind)
{
    return GDALDatasetUniquePtr(GDALDataset::Open(file.c_str(), kind | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
}

void set_crs(QgisProjectSpec& spec, const OGRSpatialReference& srs)
{
    if (std::string wkt = crs_wkt(srs, WktFormat::wkt2_2019); !wkt.empty()) spec.crs_wkt = std::move(wkt);
    if (const char* name = srs.GetName()) spec.crs_name = name;
    const char* authority = srs.GetAuthorityName(nullptr);
    const char* code = srs.GetAuthorityCode(nullptr);
    if (authority && code) spec.crs_authid = std::string(authority) + ':' + code;
}

// A threshold written into the raster's metadata by the run (GEOWALK_VILLAGE_M, GEOWALK_BLIND_M).
double metadata_number(GDALDataset& ds, const char* key, double fallback)
{
    const char* value = ds.GetMetadataItem(key);
    return value ? std::strtod(value, nullptr) : fallback;
}

}  // namespace

std::vector<ProjectVector> project_vectors(const std::filesystem::path& gpkg)
{
    std::vector<ProjectVector> out;
    for (const auto& l : gpkg_layers(gpkg)) out.push_back({l.name, l.kind, l.fields});
    return out;
}

Extent layer_extent(const std::filesystem::path& gpkg, const std::string& layer_name)
{
    GdalErrorTrap errors;
    GDALDatasetUniquePtr ds = open_readonly(gpkg, GDAL_OF_VECTOR);
    OGRLayer* layer = ds ? ds->GetLayerByName(layer_name.c_str()) : nullptr;
    OGREnvelope env;
    if (!layer || layer->GetExtent(&env, TRUE) != OGRERR_NONE)
        throw OutputError("no extent for the project: " + errors.message(), in_file(gpkg.string(), layer_name));
    return {env.MinX, env.MinY, env.MaxX, env.MaxY};
}

QgisProjectSpec project_spec_from_outputs(const std::filesystem::path& dir, const std::string& lang)
{
    QgisProjectSpec spec;
    spec.lang = lang;
    const std::filesystem::path gpkg = dir / spec.gpkg;
    spec.vectors = project_vectors(gpkg);
    spec.extent = layer_extent(gpkg, "villages");
    {
        GdalErrorTrap errors;
        GDALDatasetUniquePtr ds = open_readonly(gpkg, GDAL_OF_VECTOR);
        OGRLayer* villages = ds ? ds->GetLayerByName("villages") : nullptr;
        const OGRSpatialReference* srs = villages ? villages->GetSpatialRef() : nullptr;
        if (!srs) throw OutputError("the villages layer has no CRS: " + errors.message(), in_file(gpkg.string(), "villages"));
        set_crs(spec, *srs);
    }
    if (std::filesystem::exists(dir / "summary.json")) {
        std::ifstream in(dir / "summary.json");
        const auto summary = nlohmann::json::parse(in, nullptr, false);
        if (!summary.is_discarded()) {
            if (summary.contains("campaign")) spec.title = summary["campaign"].value("name", spec.title);
            if (summary.contains("coverage")) {
                WalkDistanceRaster w;
                w.sight_m = summary["coverage"].value("sight_m", w.sight_m);
                w.village_m = summary["coverage"].value("village_m", w.village_m);
                w.blind_m = summary["coverage"].value("blind_m", w.blind_m);
                spec.walk_distance = w;
            }
        }
    }
    const std::filesystem::path walk = dir / "walk_distance.tif";
    if (std::filesystem::exists(walk)) {
        WalkDistanceRaster w = spec.walk_distance.value_or(WalkDistanceRaster{});
        GdalErrorTrap quiet;
        if (GDALDatasetUniquePtr ds = open_readonly(walk, GDAL_OF_RASTER)) {
            w.village_m = metadata_number(*ds, "GEOWALK_VILLAGE_M", w.village_m);
            w.blind_m = metadata_number(*ds, "GEOWALK_BLIND_M", w.blind_m);
        }
        spec.walk_distance = w;
    } else {
        spec.walk_distance.reset();
    }
    if (std::filesystem::exists(dir / "density.tif")) spec.density = DensityRaster{};
    return spec;
}

}  // namespace geo::qgis

#include "libgeo/qgis/project_spec.hpp"

namespace geo::qgis {

QgisProjectSpec project_spec(const output::Manifest& manifest, const std::string& lang)
{
    QgisProjectSpec spec;
    spec.lang = lang;
    if (!manifest.title.empty()) spec.title = manifest.title;
    for (const auto& l : manifest.layers) spec.vectors.push_back({l.name, l.kind, l.fields});
    spec.crs_wkt = manifest.crs_wkt;
    spec.crs_name = manifest.crs_name;
    spec.crs_authid = manifest.crs_authid;
    spec.extent = manifest.extent;
    if (const auto& w = manifest.walk_distance) spec.walk_distance = WalkDistanceRaster{w->file, w->sight_m, w->village_m, w->blind_m};
    if (const auto& d = manifest.density) spec.density = DensityRaster{d->file, d->max_value};
    return spec;
}

}  // namespace geo::qgis

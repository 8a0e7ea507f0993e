#include "libgeo/load/gi_features.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/crs/local_crs.hpp"
#include "libgeo/load/source.hpp"

#include <charconv>
#include <cmath>
#include <optional>

namespace geo::load {

namespace {

std::optional<double> numeric(OGRFeature& f, int index)
{
    if (!f.IsFieldSetAndNotNull(index)) return std::nullopt;
    const OGRFieldType type = f.GetFieldDefnRef(index)->GetType();
    if (type == OFTInteger || type == OFTInteger64 || type == OFTReal) return f.GetFieldAsDouble(index);
    const std::string_view text = trim(f.GetFieldAsString(index));
    double v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return v;
}

}  // namespace

hotspot::GiFeatures read_gi_features(const std::filesystem::path& file, const std::string& layer,
                                     const std::string& field, const std::string& local_crs_wkt)
{
    campaign::SourceSpec spec;
    spec.layer = layer;
    OpenedLayer opened = open_layer(file, spec, Role::sites);
    const int index = opened.layer->GetLayerDefn()->GetFieldIndex(field.c_str());
    if (index < 0)
        throw InputError("the layer has no field '" + field + "'", in_file(file.string(), opened.layer_name),
                         "give --gi-field one of the layer's numeric columns");
    hotspot::GiFeatures out;
    out.source = file.string();
    out.crs_wkt = opened.geographic ? local_crs_wkt : opened.srs_definition;
    std::optional<crs::Transformer> to_local;
    if (opened.geographic) to_local.emplace(opened.srs_definition, local_crs_wkt);
    for (auto& feature : *opened.layer) {
        Where where = in_file(file.string(), opened.layer_name);
        where.feature = feature->GetFID();
        const OGRGeometry* g = feature->GetGeometryRef();
        OGRPoint centre;
        if (g == nullptr || g->IsEmpty() || g->Centroid(&centre) != OGRERR_NONE)
            throw InputError("a feature without a usable geometry", where, "Gi* needs a location for every feature");
        const auto value = numeric(*feature, index);
        if (!value || !std::isfinite(*value))
            throw InputError("field '" + field + "' holds '" + feature->GetFieldAsString(index) + "', not a number",
                             where, "fill in every value or leave the feature out");
        double x = centre.getX(), y = centre.getY();
        if (to_local && !to_local->transform(x, y))
            throw InputError("the feature's position could not be transformed", where);
        out.ids.push_back(feature->GetFID());
        out.points.emplace_back(x, y);
        out.values.push_back(*value);
    }
    if (out.points.empty()) throw InputError("the layer has no features", in_file(file.string(), opened.layer_name));
    return out;
}

}  // namespace geo::load

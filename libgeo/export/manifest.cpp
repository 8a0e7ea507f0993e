#include "libgeo/export/manifest.hpp"

#include "libgeo/export/contract.hpp"

#include "libgeo/core/error.hpp"

#include <ogr_spatialref.h>

#include <fstream>

namespace geo::output {

GeometryKind geometry_kind(OGRwkbGeometryType type)
{
    switch (wkbFlatten(type)) {
    case wkbNone: return GeometryKind::none;
    case wkbPoint:
    case wkbMultiPoint: return GeometryKind::point;
    case wkbLineString:
    case wkbMultiLineString:
    case wkbCircularString:
    case wkbCompoundCurve:
    case wkbMultiCurve: return GeometryKind::line;
    case wkbPolygon:
    case wkbMultiPolygon:
    case wkbCurvePolygon:
    case wkbMultiSurface: return GeometryKind::polygon;
    default: return GeometryKind::mixed;
    }
}

const ManifestLayer* Manifest::layer(std::string_view name) const
{
    for (const auto& l : layers)
        if (l.name == name) return &l;
    return nullptr;
}

Manifest manifest_of(const Campaign& campaign)
{
    Manifest m;
    m.title = campaign.name;
    m.crs_wkt = campaign.crs.wkt;
    OGRSpatialReference srs;
    if (srs.importFromWkt(campaign.crs.wkt.c_str()) == OGRERR_NONE) {
        if (const char* name = srs.GetName()) m.crs_name = name;
        const char* authority = srs.GetAuthorityName(nullptr);
        const char* code = srs.GetAuthorityCode(nullptr);
        if (authority && code) m.crs_authid = std::string(authority) + ':' + code;
    }
    if (!campaign.villages.empty()) {
        Box all = bg::return_envelope<Box>(campaign.villages.front().area);
        for (const auto& v : campaign.villages) bg::expand(all, bg::return_envelope<Box>(v.area));
        m.extent = {all.min_corner().x(), all.min_corner().y(), all.max_corner().x(), all.max_corner().y()};
    }
    return m;
}

Json to_json(const Manifest& m)
{
    Json layers = Json::array();
    for (const auto& l : m.layers)
        layers.push_back({{"name", l.name},
                          {"geometry", std::string(options::name_of(geometry_kind_names, l.kind))},
                          {"fields", l.fields},
                          {"features", l.features}});
    Json rasters = Json::object();
    if (m.walk_distance)
        rasters["walk_distance"] = {{"file", m.walk_distance->file},
                                    {"sight_m", m.walk_distance->sight_m},
                                    {"village_m", m.walk_distance->village_m},
                                    {"blind_m", m.walk_distance->blind_m}};
    if (m.density) rasters["density"] = {{"file", m.density->file}, {"max", m.density->max_value}};
    return {{"manifest_version", Manifest::version},
            {"generator", "geowalk"},
            {"title", m.title},
            {"crs", {{"wkt", m.crs_wkt}, {"name", m.crs_name}, {"authid", m.crs_authid}}},
            {"extent", {m.extent.xmin, m.extent.ymin, m.extent.xmax, m.extent.ymax}},
            {"layers", layers},
            {"rasters", rasters},
            {"summary", m.summary}};
}

Manifest manifest_from_json(const Json& j, const std::filesystem::path& file)
{
    const auto bad = [&file](const std::string& what) {
        return InputError("manifest.json " + what, in_file(file.string()),
                          "run the analysis again (`geowalk run CAMPAIGN --out DIR`) to write the folder anew");
    };
    if (!j.is_object() || !j.contains("manifest_version")) throw bad("is not a geowalk run manifest");
    if (j["manifest_version"] != Manifest::version)
        throw bad("has version " + j["manifest_version"].dump() + "; this geowalk reads version " +
                  std::to_string(Manifest::version));
    try {
        Manifest m;
        m.title = j.at("title").get<std::string>();
        const Json& crs = j.at("crs");
        m.crs_wkt = crs.at("wkt").get<std::string>();
        m.crs_name = crs.at("name").get<std::string>();
        m.crs_authid = crs.at("authid").get<std::string>();
        const auto extent = j.at("extent").get<std::array<double, 4>>();
        m.extent = {extent[0], extent[1], extent[2], extent[3]};
        for (const Json& l : j.at("layers")) {
            const auto kind = options::value_named(geometry_kind_names, l.at("geometry").get<std::string>());
            if (!kind) throw bad("names an unknown geometry kind " + l.at("geometry").dump());
            m.layers.push_back({l.at("name").get<std::string>(), *kind, l.at("fields").get<std::vector<std::string>>(),
                                l.at("features").get<long long>()});
        }
        const Json& rasters = j.at("rasters");
        if (rasters.contains("walk_distance")) {
            const Json& w = rasters["walk_distance"];
            m.walk_distance = WalkDistanceEntry{w.at("file").get<std::string>(), w.at("sight_m").get<double>(),
                                                w.at("village_m").get<double>(), w.at("blind_m").get<double>()};
        }
        if (rasters.contains("density"))
            m.density = DensityEntry{rasters["density"].at("file").get<std::string>(), rasters["density"].at("max").get<double>()};
        m.summary = j.at("summary");
        return m;
    } catch (const Json::exception& e) {
        throw bad(std::string("is incomplete: ") + e.what());
    }
}

Manifest read_manifest(const std::filesystem::path& dir)
{
    const auto path = dir / file::manifest;
    std::ifstream in(path);
    if (!in)
        throw InputError("no manifest.json in the output folder", in_file(path.string()),
                         "run `geowalk run CAMPAIGN --out DIR` first; maps and the report are drawn from its outputs");
    const Json j = Json::parse(in, nullptr, false);
    if (j.is_discarded())
        throw InputError("manifest.json is not valid JSON", in_file(path.string()),
                         "run the analysis again to write the folder anew");
    return manifest_from_json(j, path);
}

void write_manifest(const std::filesystem::path& file, const Manifest& manifest) { write_json(file, to_json(manifest)); }

}  // namespace geo::output

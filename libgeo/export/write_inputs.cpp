#include "libgeo/export/write_inputs.hpp"

#include "libgeo/export/contract.hpp"

#include "libgeo/core/datetime.hpp"
#include "libgeo/handles/ogr_geometry.hpp"

#include <nlohmann/json.hpp>

namespace geo::output {

namespace {

AttributeValue optional_time(const std::optional<double>& t)
{
    return t ? AttributeValue(format_utc(*t)) : AttributeValue();
}

// Writes one layer: our fields, then the union of the features' original attributes.
template <class Item, class Geometry, class Values>
void write_layer(VectorFile& file, const Campaign& c, const std::string& name, OGRwkbGeometryType type,
                 std::vector<FieldDef> fields, const std::vector<Item>& items, Geometry&& geometry, Values&& values)
{
    std::vector<const Attributes*> all;
    for (const auto& item : items) all.push_back(&item.attributes);
    const AttributeColumns columns = attribute_columns(all, fields);
    fields.insert(fields.end(), columns.fields.begin(), columns.fields.end());
    VectorLayer layer = file.create_layer(name, type, c.crs.wkt, fields);
    for (const auto& item : items) {
        // Our values, then the originals; VectorLayer::add refuses a row whose length is not the layer's.
        std::vector<AttributeValue> row = values(item);
        const auto original = columns.values(item.attributes);
        row.insert(row.end(), original.begin(), original.end());
        layer.add(geometry(item), row);
    }
    file.end_layer();
}

std::string source_of(const Campaign& c, const Origin& o)
{
    return o.source >= 0 ? c.diagnostics.sources().at(static_cast<std::size_t>(o.source)).source : std::string();
}

double track_length(const Track& t)
{
    double length = 0;
    for (std::size_t i = 1; i < t.fixes.size(); ++i) length += bg::distance(t.fixes[i - 1].position, t.fixes[i].position);
    return length;
}

}  // namespace

void write_input_layers(VectorFile& file, const Campaign& c, const coverage::CoverageOptions* coverage)
{
    write_layer(file, c, layer::villages, wkbMultiPolygon,
                {{"id", OFTInteger}, {"name", OFTString}, {"area_km2", OFTReal}}, c.villages,
                [](const Village& v) { return to_ogr(v.area); },
                [](const Village& v) {
                    return std::vector<AttributeValue>{std::int64_t{v.id}, v.name, bg::area(v.area) / 1e6};
                });
    write_layer(file, c, layer::network, wkbLineString,
                {{"id", OFTInteger}, {"category", OFTString}, {"category_zh", OFTString}, {"sight_m", OFTReal},
                 {"length_m", OFTReal}, {"source", OFTString}, {"source_fid", OFTInteger64}},
                c.network, [](const NetworkLine& n) { return to_ogr(n.line); },
                [&](const NetworkLine& n) {
                    return std::vector<AttributeValue>{std::int64_t{n.id}, std::string(code(n.category)),
                                                       std::string(info(n.category).label_zh),
                                                       coverage ? AttributeValue(coverage::effective_sight(*coverage, n))
                                                                : AttributeValue(),
                                                       static_cast<double>(bg::length(n.line)), source_of(c, n.origin),
                                                       static_cast<std::int64_t>(n.origin.feature)};
                });
    write_layer(file, c, layer::sites, wkbUnknown,
                {{"id", OFTInteger}, {"category", OFTString}, {"category_zh", OFTString}, {"name", OFTString},
                 {"shape", OFTString}, {"source", OFTString}},
                c.sites,
                [](const Site& s) { return s.point ? to_ogr(*s.point) : to_ogr(s.area); },
                [&](const Site& s) {
                    return std::vector<AttributeValue>{std::int64_t{s.id}, std::string(code(s.category)),
                                                       std::string(info(s.category).label_zh), s.name,
                                                       std::string(s.point ? "point" : "area"), source_of(c, s.origin)};
                });
    write_layer(file, c, layer::tracks, wkbLineString,
                {{"id", OFTInteger}, {"name", OFTString}, {"walker", OFTString}, {"part", OFTInteger},
                 {"start", OFTString}, {"end", OFTString}, {"fixes", OFTInteger}, {"length_m", OFTReal},
                 {"has_times", OFTInteger}, {"source", OFTString}},
                c.tracks,
                [](const Track& t) {
                    LineString line;
                    for (const auto& f : t.fixes) line.push_back(f.position);
                    return to_ogr(line);
                },
                [&](const Track& t) {
                    const bool timed = t.has_times && !t.fixes.empty();
                    return std::vector<AttributeValue>{
                        std::int64_t{t.id}, t.name, t.walker, std::int64_t{t.part},
                        timed ? AttributeValue(format_utc(t.fixes.front().time)) : AttributeValue(),
                        timed ? AttributeValue(format_utc(t.fixes.back().time)) : AttributeValue(),
                        static_cast<std::int64_t>(t.fixes.size()), track_length(t), std::int64_t{t.has_times},
                        source_of(c, t.origin)};
                });
    write_layer(file, c, layer::issues, wkbPoint,
                {{"id", OFTInteger}, {"issue_id", OFTString}, {"category", OFTString}, {"category_zh", OFTString},
                 {"problem", OFTString}, {"status", OFTString}, {"status_zh", OFTString}, {"responsible", OFTString},
                 {"found", OFTString}, {"deadline", OFTString}, {"rectified", OFTString}, {"accepted", OFTString},
                 {"village", OFTString}},
                c.issues, [](const Issue& i) { return to_ogr(i.position); },
                [&](const Issue& i) {
                    return std::vector<AttributeValue>{
                        std::int64_t{i.id}, i.code, std::string(code(i.category)), std::string(info(i.category).label_zh),
                        i.problem, std::string(code(i.status)), std::string(info(i.status).label_zh), i.responsible,
                        optional_time(i.found), optional_time(i.deadline), optional_time(i.rectified),
                        optional_time(i.accepted),
                        i.village >= 0 ? AttributeValue(c.villages.at(static_cast<std::size_t>(i.village)).name)
                                       : AttributeValue()};
                });
}

void write_rejects(VectorFile& file, const Campaign& c, RejectsGeometry geometry, const std::vector<std::string>& options)
{
    // In geowalk.gpkg an attribute-only table: a rejected feature's geometry may be exactly what could not be placed,
    // and its WKT in the source CRS is kept. The rejects file of `validate` may add a map of those that could be.
    const bool placed = geometry == RejectsGeometry::placed;
    VectorLayer layer = file.create_layer(layer::rejects, placed ? wkbUnknown : wkbNone, placed ? c.crs.wkt : "",
        {{"role", OFTString}, {"source", OFTString}, {"layer", OFTString}, {"feature", OFTInteger64},
         {"reason", OFTString}, {"action", OFTString}, {"detail", OFTString}, {"attributes", OFTString},
         {"geometry_wkt", OFTString}, {"row", OFTString}}, options);
    for (const Problem& p : c.diagnostics.problems()) {
        const SourceSummary& s = c.diagnostics.sources().at(static_cast<std::size_t>(p.source));
        nlohmann::ordered_json attributes = nlohmann::ordered_json::object();
        for (const auto& a : p.attributes) {
            if (const auto* i = std::get_if<std::int64_t>(&a.value)) attributes[a.name] = *i;
            else if (const auto* d = std::get_if<double>(&a.value)) attributes[a.name] = *d;
            else if (const auto* t = std::get_if<std::string>(&a.value)) attributes[a.name] = *t;
            else attributes[a.name] = nullptr;
        }
        layer.add(placed ? ogr_from_wkt(p.local_wkt) : nullptr, {s.role, s.source, s.layer, static_cast<std::int64_t>(p.feature), p.reason,
                                     std::string(to_string(p.action)), p.detail,
                                     attributes.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), p.wkt,
                                     p.row});
    }
    file.end_layer();
}

}  // namespace geo::output

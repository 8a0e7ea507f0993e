// Villages, network lines and sites: the layers planners get from surveyors and OSM.
#include "libgeo/core/error.hpp"
#include "libgeo/load/load_features.hpp"
#include "libgeo/normalise/repair.hpp"
#include <boost/geometry/algorithms/equals.hpp>

#include <map>
#include <string>
#include <vector>

namespace geo::load::detail {

void fail_on_read_error(const GdalErrorTrap& errors, const OpenedLayer& layer)
{
    if (errors.failed())
        throw InputError("reading stopped with an error: " + errors.message(),
                         in_file(layer.path.string(), layer.layer_name),
                         "the file may be truncated or damaged; export it again or open it in QGIS to check");
}

std::optional<SourceGeometry> local_geometry(LoadContext& ctx, int source, OGRFeature& feature,
                                             const normalise::ToLocal& to_local)
{
    const OGRGeometry* g = feature.GetGeometryRef();
    SourceGeometry geometry;
    if (g) geometry = from_ogr(*g);
    if (geometry.empty()) {
        ctx.report(source, &feature, feature.GetFID(), reason::no_geometry,
                   ctx.read_problem.empty() ? "the feature has no geometry"
                                            : "the feature has no usable geometry (GDAL: " + ctx.read_problem + ")");
        return std::nullopt;
    }
    const normalise::Outcome outcome = to_local.convert(geometry);
    if (!outcome.ok()) {
        ctx.report(source, &feature, feature.GetFID(), outcome.reason, outcome.detail);
        return std::nullopt;
    }
    if (outcome.swapped)
        ctx.report(source, &feature, feature.GetFID(), reason::swapped_lat_lon, outcome.detail, Action::repaired);
    return geometry;
}

namespace {
void require_field_in(const OGRFeature& feature, const std::string& field, const std::string& key, Where where)
{
    if (field.empty() || feature.GetFieldIndex(field.c_str()) >= 0) return;
    std::string fields;
    for (int i = 0; i < feature.GetFieldCount(); ++i)
        fields += std::string(i ? ", " : "") + feature.GetFieldDefnRef(i)->GetNameRef();
    throw InputError(key + " = \"" + field + "\" is not a field of this layer", std::move(where), "its fields are: " + fields);
}
}  // namespace

void require_field(const OGRFeature& feature, const std::string& field, const std::string& key, int source,
                   const LoadContext& ctx)
{
    const auto& s = ctx.campaign.diagnostics.sources().at(static_cast<std::size_t>(source));
    require_field_in(feature, field, key, in_file(s.source, s.layer));
}

void require_field(const OGRFeature& feature, const std::string& field, const std::string& key, const OpenedLayer& layer)
{
    require_field_in(feature, field, key, in_file(layer.path.string(), layer.layer_name));
}

std::string name_field_of(const OGRFeature& feature, const std::string& configured)
{
    if (!configured.empty()) return configured;
    for (const char* name : {"name", "NAME", "Name", "名称", "村名", "村庄名称", "村名称"})
        if (feature.GetFieldIndex(name) >= 0) return name;
    return {};
}

std::string text_field(OGRFeature& feature, const std::string& field)
{
    const int i = field.empty() ? -1 : feature.GetFieldIndex(field.c_str());
    return i >= 0 && feature.IsFieldSetAndNotNull(i) ? std::string(feature.GetFieldAsString(i)) : std::string();
}

namespace {

// Repairs polygons; reports the repair, or the rejection when nothing valid is left.
bool repaired_area(LoadContext& ctx, int source, OGRFeature& feature, MultiPolygon& area)
{
    const normalise::Repair repair = normalise::repair_polygons(ctx.geos, area);
    if (area.empty() || bg::area(area) <= 0.0) {
        ctx.report(source, &feature, feature.GetFID(), reason::degenerate_geometry,
                   "the polygon has no area" + (repair.why.empty() ? std::string() : " (" + repair.why + ")"));
        return false;
    }
    if (repair.was_invalid)
        ctx.report(source, &feature, feature.GetFID(), reason::invalid_geometry,
                   "invalid polygon repaired with GEOS MakeValid: " + repair.why, Action::repaired);
    return true;
}

// Villages that share a name stay separate villages (merging them would change every per-village figure), but
// everything reported by name — tables, summary.json, the report — cannot tell them apart. Each of them gets a
// note naming all features of that name, so the planner can rename one.
void note_duplicate_names(LoadContext& ctx)
{
    const auto& villages = ctx.campaign.villages;
    std::map<std::string, std::vector<std::size_t>> by_name;
    for (std::size_t i = 0; i < villages.size(); ++i) by_name[villages[i].name].push_back(i);
    for (const auto& [name, members] : by_name) {
        if (members.size() < 2) continue;
        // "features 11 and 13 of villages.geojson (layer villages)", by source in the order the villages were read.
        std::vector<std::pair<int, std::vector<long long>>> per_source;
        std::vector<int> ids;
        for (std::size_t i : members) {
            const Village& v = villages[i];
            if (per_source.empty() || per_source.back().first != v.origin.source) per_source.push_back({v.origin.source, {}});
            per_source.back().second.push_back(v.origin.feature);
            ids.push_back(v.id);
        }
        const auto listed = [](const auto& items) {
            std::string out;
            for (std::size_t k = 0; k < items.size(); ++k)
                out += (k == 0 ? "" : k + 1 == items.size() ? " and " : ", ") + std::to_string(items[k]);
            return out;
        };
        std::string features;
        for (const auto& [source, fids] : per_source) {
            const auto& s = ctx.campaign.diagnostics.sources().at(static_cast<std::size_t>(source));
            features += std::string(features.empty() ? "" : "; ") + (fids.size() == 1 ? "feature " : "features ") +
                        listed(fids) + " of " + s.source + (s.layer.empty() ? "" : " (layer " + s.layer + ")");
        }
        const std::string detail = "village name '" + name + "' is shared by " + std::to_string(members.size()) +
                                   " features: " + features + "; they stay separate villages (ids " + listed(ids) +
                                   "), but figures given per village name will be ambiguous; give each its own name";
        for (std::size_t i : members) {
            Problem p;
            p.source = villages[i].origin.source;
            p.feature = villages[i].origin.feature;
            p.row = ctx.row_text(p.source, p.feature);
            p.reason = std::string(reason::duplicate_village_name);
            p.detail = detail;
            p.action = Action::noted;
            p.attributes = villages[i].attributes;  // the geometry is the loaded village's, in the villages layer
            ctx.campaign.diagnostics.report(std::move(p));
        }
    }
}

}  // namespace

void load_villages(LoadContext& ctx)
{
    const campaign::VillagesSpec& spec = *ctx.spec.villages;
    for_each_feature(ctx, Role::villages, spec, [&](int source, OGRFeature& feature, const normalise::ToLocal& tl) {
        require_field(feature, spec.name_field, "name_field", source, ctx);
        const std::string name_field = name_field_of(feature, spec.name_field);
        auto g = local_geometry(ctx, source, feature, tl);
        if (!g) return false;
        if (g->polygons.empty()) {
            ctx.report(source, &feature, feature.GetFID(), reason::wrong_geometry_type,
                       "a village must be a polygon; this feature has points or lines");
            return false;
        }
        if (!repaired_area(ctx, source, feature, g->polygons)) return false;
        Village v;
        v.id = static_cast<int>(ctx.campaign.villages.size()) + 1;
        v.name = text_field(feature, name_field);
        if (v.name.empty()) v.name = "village " + std::to_string(v.id);
        v.area = std::move(g->polygons);
        v.attributes = read_attributes(feature);
        v.origin = {source, feature.GetFID()};
        ctx.campaign.villages.push_back(std::move(v));
        return true;
    });
    note_duplicate_names(ctx);
    if (ctx.campaign.villages.empty())
        throw InputError("no village could be loaded", in_file(ctx.spec.file.string()),
                         "every village feature was rejected; run `geowalk validate` and read the reasons");
}

namespace {

// Lines of [[network]] (walks to cover) or [[access]] (paths the plan may use), the same checks for both.
void load_lines(LoadContext& ctx, Role role, const std::vector<campaign::NetworkSpec>& specs,
                std::vector<NetworkLine>& into)
{
    for (const campaign::NetworkSpec& spec : specs) {
        for_each_feature(ctx, role, spec, [&](int source, OGRFeature& feature, const normalise::ToLocal& tl) {
            auto g = local_geometry(ctx, source, feature, tl);
            if (!g) return false;
            if (g->lines.empty()) {
                ctx.report(source, &feature, feature.GetFID(), reason::wrong_geometry_type,
                           std::string("a ") + (role == Role::access ? "path" : "network") +
                               " feature must be a line; this one has points or polygons");
                return false;
            }
            std::vector<LineString> lines;
            for (auto& line : g->lines)
                if (normalise::clean_line(line)) lines.push_back(std::move(line));
            if (lines.empty()) {
                ctx.report(source, &feature, feature.GetFID(), reason::degenerate_geometry,
                           "the line has fewer than two distinct vertices");
                return false;
            }
            if (!std::any_of(lines.begin(), lines.end(), [&](const LineString& l) { return ctx.villages->touches_any(l); })) {
                ctx.report(source, &feature, feature.GetFID(), reason::outside_villages, "the line lies outside every village");
                return false;
            }
            Attributes attributes = read_attributes(feature);
            for (auto& line : lines) {
                NetworkLine n;
                n.id = static_cast<int>(into.size()) + 1;
                n.category = spec.category;
                n.block_sight_m = spec.sight_m;
                n.line = std::move(line);
                n.attributes = attributes;
                n.origin = {source, feature.GetFID()};
                into.push_back(std::move(n));
            }
            return true;
        });
    }
}

}  // namespace

void load_network(LoadContext& ctx)
{
    load_lines(ctx, Role::network, ctx.spec.network, ctx.campaign.network);
    load_lines(ctx, Role::access, ctx.spec.access, ctx.campaign.access);
}

void load_sites(LoadContext& ctx)
{
    for (const campaign::SitesSpec& spec : ctx.spec.sites) {
        for_each_feature(ctx, Role::sites, spec, [&](int source, OGRFeature& feature, const normalise::ToLocal& tl) {
            require_field(feature, spec.name_field, "name_field", source, ctx);
            auto g = local_geometry(ctx, source, feature, tl);
            if (!g) return false;
            Site s;
            // A closed line drawn around a site is its outline.
            for (const auto& line : g->lines)
                if (line.size() >= 4 && bg::equals(line.front(), line.back())) {
                    Polygon p;
                    p.outer().assign(line.begin(), line.end());
                    bg::correct(p);
                    g->polygons.push_back(std::move(p));
                }
            if (!g->polygons.empty()) {
                if (!repaired_area(ctx, source, feature, g->polygons)) return false;
                if (!ctx.villages->touches_any(g->polygons)) {
                    ctx.report(source, &feature, feature.GetFID(), reason::outside_villages, "the site lies outside every village");
                    return false;
                }
                s.area = std::move(g->polygons);
            } else if (g->points.size() == 1) {
                if (ctx.villages->locate(g->points.front()) < 0) {
                    ctx.report(source, &feature, feature.GetFID(), reason::outside_villages, "the site lies outside every village");
                    return false;
                }
                s.point = g->points.front();
            } else {
                ctx.report(source, &feature, feature.GetFID(), reason::wrong_geometry_type,
                           "a site must be one point or a polygon (or a closed line around it)");
                return false;
            }
            s.id = static_cast<int>(ctx.campaign.sites.size()) + 1;
            s.category = spec.category;
            s.name = text_field(feature, name_field_of(feature, spec.name_field));
            s.attributes = read_attributes(feature);
            s.origin = {source, feature.GetFID()};
            ctx.campaign.sites.push_back(std::move(s));
            return true;
        });
    }
}

}  // namespace geo::load::detail

#include "libgeo/export/write_plan.hpp"

#include "libgeo/core/categories.hpp"
#include "libgeo/crs/local_crs.hpp"
#include "libgeo/export/contract.hpp"
#include "libgeo/handles/gdal_errors.hpp"
#include "libgeo/handles/ogr_geometry.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>

namespace geo::output {

namespace {

using route::PlanResult;
using route::PlanRoute;

std::string route_label(const PlanRoute& r) { return "T" + std::to_string(r.team) + "-D" + std::to_string(r.day); }

std::string villages_text(const Campaign& c, const std::vector<int>& villages)
{
    std::string out;
    for (int v : villages) out += (out.empty() ? "" : "; ") + c.villages.at(static_cast<std::size_t>(v)).name;
    return out;
}

AttributeValue finite_or_null(double value) { return std::isfinite(value) ? AttributeValue(value) : AttributeValue(); }

LineString piece_geometry(const route::WalkGraph& g, const route::RequiredPiece& piece)
{
    LineString out;
    int node = piece.from_node;
    for (int e : piece.edges) {
        const auto& edge = g.edges[static_cast<std::size_t>(e)];
        const bool forward = edge.a == node;
        auto add = [&](const Point& p) {
            if (out.empty() || bg::distance(out.back(), p) > 0) out.push_back(p);
        };
        if (forward) for (const auto& p : edge.geometry) add(p);
        else std::for_each(edge.geometry.rbegin(), edge.geometry.rend(), add);
        node = forward ? edge.b : edge.a;
    }
    return out;
}

void write_routes(VectorFile& file, const Campaign& c, const PlanResult& plan)
{
    VectorLayer layer = file.create_layer(layer::routes, wkbLineString, c.crs.wkt,
        {{"team", OFTInteger}, {"day", OFTInteger}, {"label", OFTString}, {"depot", OFTString},
         {"total_m", OFTReal}, {"required_m", OFTReal}, {"deadhead_m", OFTReal}, {"hours", OFTReal},
         {"pieces", OFTInteger}, {"villages", OFTString}, {"over_limit", OFTInteger}, {"gpx", OFTString}});
    for (const auto& r : plan.routes)
        layer.add(to_ogr(r.geometry(plan.graph)),
                  {std::int64_t{r.team}, std::int64_t{r.day}, route_label(r),
                   plan.depots.at(static_cast<std::size_t>(r.depot)).name, r.total_m, r.required_m, r.deadhead_m,
                   r.hours, static_cast<std::int64_t>(r.pieces.size()), villages_text(c, r.villages),
                   std::int64_t{r.over_limit}, std::string(file::gpx) + "/" + gpx_name(r)});
    file.end_layer();
}

void write_stops(VectorFile& file, const Campaign& c, const PlanResult& plan)
{
    VectorLayer layer = file.create_layer(layer::route_stops, wkbPoint, c.crs.wkt,
        {{"team", OFTInteger}, {"day", OFTInteger}, {"sequence", OFTInteger}, {"from_start_m", OFTReal},
         {"instruction_zh", OFTString}, {"instruction_en", OFTString}});
    for (const auto& r : plan.routes)
        for (const auto& s : r.stops)
            layer.add(to_ogr(s.at), {std::int64_t{r.team}, std::int64_t{r.day}, std::int64_t{s.sequence},
                                     s.from_start_m, s.text_zh, s.text_en});
    file.end_layer();
}

void write_required(VectorFile& file, const Campaign& c, const PlanResult& plan)
{
    VectorLayer layer = file.create_layer(layer::plan_required, wkbLineString, c.crs.wkt,
        {{"piece", OFTInteger}, {"reason", OFTString}, {"village", OFTString}, {"category", OFTString},
         {"category_zh", OFTString}, {"length_m", OFTReal}, {"team", OFTInteger}, {"day", OFTInteger},
         {"route", OFTString}});
    for (std::size_t i = 0; i < plan.pieces.size(); ++i) {
        const auto& p = plan.pieces[i];
        const PlanRoute* r = p.route >= 0 ? &plan.routes.at(static_cast<std::size_t>(p.route)) : nullptr;
        layer.add(to_ogr(piece_geometry(plan.graph, p)),
                  {static_cast<std::int64_t>(i + 1), p.reason,
                   p.village >= 0 ? AttributeValue(c.villages.at(static_cast<std::size_t>(p.village)).name) : AttributeValue(),
                   std::string(code(p.category)), std::string(info(p.category).label_zh), p.length_m,
                   r ? AttributeValue(std::int64_t{r->team}) : AttributeValue(),
                   r ? AttributeValue(std::int64_t{r->day}) : AttributeValue(),
                   r ? AttributeValue(route_label(*r)) : AttributeValue()});
    }
    file.end_layer();
}

void write_unreachable(VectorFile& file, const Campaign& c, const PlanResult& plan)
{
    VectorLayer layer = file.create_layer(layer::plan_unreachable, wkbLineString, c.crs.wkt,
        {{"piece", OFTInteger}, {"village", OFTString}, {"category", OFTString}, {"length_m", OFTReal},
         {"reason", OFTString}, {"nearest_m", OFTReal}});
    for (const auto& u : plan.unreachable) {
        const auto& p = plan.pieces.at(static_cast<std::size_t>(u.piece));
        layer.add(to_ogr(piece_geometry(plan.graph, p)),
                  {static_cast<std::int64_t>(u.piece + 1),
                   p.village >= 0 ? AttributeValue(c.villages.at(static_cast<std::size_t>(p.village)).name) : AttributeValue(),
                   std::string(code(p.category)), p.length_m, u.reason, finite_or_null(u.nearest_m)});
    }
    file.end_layer();
}

// Seven decimals of a degree (about 1 cm): what phones log.
double round7(double degrees) { return std::round(degrees * 1e7) / 1e7; }

struct GpxDataset {
    GDALDatasetUniquePtr ds;
    std::filesystem::path path;
    OGRLayer* create(const char* name, OGRwkbGeometryType type, const OGRSpatialReference& wgs84)
    {
        OGRLayer* layer = ds->CreateLayer(name, const_cast<OGRSpatialReference*>(&wgs84), type, nullptr);
        if (!layer) throw OutputError(std::string("GDAL's GPX driver could not create its ") + name + " layer", in_file(path.string()));
        return layer;
    }
    void add(OGRLayer& layer, OGRFeature& feature)
    {
        if (layer.CreateFeature(&feature) != OGRERR_NONE)
            throw OutputError("GDAL's GPX driver could not write a feature", in_file(path.string()), "check the disk");
    }
};

void write_one_gpx(const std::filesystem::path& path, const Campaign& c, const PlanResult& plan, const PlanRoute& r,
                   const crs::Transformer& to_wgs84)
{
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPX");
    if (!driver) throw OutputError("GDAL has no GPX driver", in_file(path.string()), "install a GDAL built with Expat");
    GpxDataset gpx{GDALDatasetUniquePtr(driver->Create(path.string().c_str(), 0, 0, 0, GDT_Unknown, nullptr)), path};
    if (!gpx.ds) throw OutputError("could not create the GPX file", in_file(path.string()), "check that the folder is writable");
    OGRSpatialReference wgs84;
    wgs84.SetWellKnownGeogCS("WGS84");
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    auto to_lonlat = [&](const Point& p) {
        double x = p.x(), y = p.y();
        if (!to_wgs84.transform(x, y)) throw OutputError("PROJ could not bring a route point to WGS 84", in_file(path.string()));
        return OGRPoint(round7(x), round7(y));
    };
    // Waypoints first: GPX 1.1 orders wpt before trk.
    OGRLayer* waypoints = gpx.create("waypoints", wkbPoint, wgs84);
    for (const auto& s : r.stops) {
        OGRFeatureUniquePtr f(OGRFeature::CreateFeature(waypoints->GetLayerDefn()));
        f->SetField("name", (std::to_string(s.sequence) + ". " + s.text_zh).c_str());
        f->SetField("desc", s.text_en.c_str());
        OGRPoint point = to_lonlat(s.at);
        f->SetGeometry(&point);
        gpx.add(*waypoints, *f);
    }
    OGRLayer* tracks = gpx.create("tracks", wkbMultiLineString, wgs84);
    OGRFeatureUniquePtr f(OGRFeature::CreateFeature(tracks->GetLayerDefn()));
    const std::string name = c.name + " " + route_label(r);
    f->SetField("name", name.c_str());
    const std::string desc = std::to_string(std::lround(r.total_m)) + " m, " +
                             std::to_string(std::lround(r.required_m)) + " m to inspect";
    f->SetField("desc", desc.c_str());
    OGRLineString line;
    for (const Point& p : r.geometry(plan.graph)) {
        const OGRPoint q = to_lonlat(p);
        line.addPoint(q.getX(), q.getY());
    }
    OGRMultiLineString multi;
    multi.addGeometry(&line);
    f->SetGeometry(&multi);
    gpx.add(*tracks, *f);
    GdalErrorTrap errors;
    gpx.ds->FlushCache(true);
    gpx.ds.reset();
    if (errors.failed()) throw OutputError("writing the GPX file failed: " + errors.message(), in_file(path.string()));
}

}  // namespace

std::string gpx_name(const PlanRoute& route)
{
    return "team-" + std::to_string(route.team) + "-day-" + std::to_string(route.day) + ".gpx";
}

void write_plan_layers(VectorFile& file, const Campaign& campaign, const PlanResult& plan)
{
    write_routes(file, campaign, plan);
    write_stops(file, campaign, plan);
    write_required(file, campaign, plan);
    write_unreachable(file, campaign, plan);
}

std::vector<std::string> write_plan_gpx(const std::filesystem::path& folder, const Campaign& campaign,
                                        const PlanResult& plan)
{
    std::vector<std::string> names;
    if (plan.routes.empty()) return names;
    std::filesystem::create_directories(folder);
    const crs::Transformer to_wgs84(campaign.crs.wkt, "EPSG:4326");
    for (const auto& r : plan.routes) {
        names.push_back(gpx_name(r));
        write_one_gpx(folder / names.back(), campaign, plan, r, to_wgs84);
    }
    return names;
}

Json plan_section(const Campaign& campaign, const PlanResult& plan)
{
    Json j;
    j["method"] = plan.method;
    j["required"] = plan.options.required_pieces().text();
    j["total_m"] = plan.total_m;
    j["required_m"] = plan.required_m;
    j["deadhead_m"] = plan.deadhead_m;
    j["lower_bound_m"] = plan.lower_bound_m;
    j["optimal"] = plan.optimal;
    j["greedy_m"] = plan.greedy_m;
    if (plan.greedy_m > 0) j["ratio_to_greedy"] = plan.total_m / plan.greedy_m;
    j["teams"] = plan.teams_used();
    j["team_days"] = plan.routes.size();
    j["stopped_by_time"] = plan.stopped_by_time;
    Json& graph = j["graph"];
    graph["nodes"] = plan.graph.nodes.size();
    graph["edges"] = plan.graph.edges.size();
    graph["components"] = plan.graph.components;
    graph["dangling_ends"] = plan.graph.dangling_ends;
    graph["crossings_noded"] = plan.graph.crossings_noded;
    graph["snapped_ends"] = plan.graph.snaps.size();
    Json snaps = Json::array();
    for (const auto& s : plan.graph.snaps)
        snaps.push_back({{"line_id", (s.access ? campaign.access : campaign.network).at(static_cast<std::size_t>(s.line)).id},
                         {"layer", s.access ? "access" : "network"},
                         {"x", s.end.x()}, {"y", s.end.y()}, {"distance_m", s.distance_m}});
    graph["snaps"] = std::move(snaps);
    Json depots = Json::array();
    for (const auto& d : plan.depots)
        depots.push_back({{"name", d.name}, {"x", d.requested.x()}, {"y", d.requested.y()}, {"snap_m", d.snap_m}});
    j["depots"] = std::move(depots);
    j["pieces"] = plan.pieces.size();
    Json routes = Json::array();
    for (const auto& r : plan.routes)
        routes.push_back({{"team", r.team}, {"day", r.day}, {"depot", plan.depots.at(static_cast<std::size_t>(r.depot)).name},
                          {"total_m", r.total_m}, {"required_m", r.required_m}, {"deadhead_m", r.deadhead_m},
                          {"hours", r.hours}, {"over_limit", r.over_limit}, {"gpx", std::string(file::gpx) + "/" + gpx_name(r)}});
    j["routes"] = std::move(routes);
    Json unreachable = Json::array();
    for (const auto& u : plan.unreachable) {
        const auto& p = plan.pieces.at(static_cast<std::size_t>(u.piece));
        Json item{{"piece", u.piece + 1}, {"length_m", p.length_m}, {"reason", u.reason}};
        if (std::isfinite(u.nearest_m)) item["nearest_m"] = u.nearest_m;
        if (p.village >= 0) item["village"] = campaign.villages.at(static_cast<std::size_t>(p.village)).name;
        unreachable.push_back(std::move(item));
    }
    j["unreachable"] = std::move(unreachable);
    return j;
}

}  // namespace geo::output

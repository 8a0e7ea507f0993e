#include "libgeo/qgis/qgis_project.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/export/contract.hpp"
#include "libgeo/core/number_text.hpp"
#include "libgeo/handles/gdal_errors.hpp"
#include "libgeo/qgis/layer_names.hpp"
#include "libgeo/qgis/qml.hpp"
#include "libgeo/qgis/raster_styles.hpp"
#include "libgeo/qgis/xml.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <optional>

namespace geo::qgis {

namespace {

using qgis::GeometryKind;
using qgis::XmlElement;
namespace L = output::layer;
// The rasters' layer names in the project, and the second view of hotspot_cells (qgis::rate_style).
constexpr char raster_walk[] = "walk_distance";
constexpr char raster_density[] = "density";
constexpr char rate_layer[] = "hotspot_cells_rate";

// Where each layer goes in the layer tree. A layer not listed (one a later analysis adds) goes to Checks
// until it is placed here.
const std::vector<std::pair<std::string, std::vector<std::string>>>& groups()
{
    static const std::vector<std::pair<std::string, std::vector<std::string>>> g{
        {"Base", {L::issues, L::sites, L::tracks, L::network, L::villages}},
        {"Coverage", {L::uncovered, L::network_coverage, L::site_coverage, L::blind_areas, L::village_matrix, L::village_coverage, raster_walk}},
        {"Hotspots", {L::rebounds, L::hotspot_zones, L::hotspot_cells, rate_layer, L::emerging_hotspots, raster_density}},
        {"Plan", {L::route_stops, L::routes, L::plan_required, L::plan_unreachable}},
        {"Checks", {L::rejects, "hidden"}},
    };
    return g;
}

std::string group_label(const std::string& group, const std::string& lang)
{
    if (lang != "zh") return group;
    static const std::map<std::string, std::string> zh{
        {"Base", "基础"}, {"Coverage", "覆盖"}, {"Hotspots", "热点"}, {"Plan", "计划"}, {"Checks", "检查"}};
    return zh.at(group);
}

// Drawing order, top first: points over lines over areas over rasters, and within a kind the layer people look
// at first on top.
const std::vector<std::string>& draw_order()
{
    static const std::vector<std::string> order{
        L::issues, L::sites, L::route_stops, L::rebounds, L::routes, L::plan_required, L::plan_unreachable, L::uncovered, L::network_coverage, L::site_coverage, L::tracks, L::network,
        L::villages, L::blind_areas, L::hotspot_zones, L::hotspot_cells, rate_layer, L::emerging_hotspots, L::village_matrix, L::village_coverage,
        raster_density, raster_walk};
    return order;
}

int draw_rank(const std::string& name, GeometryKind kind)
{
    const auto& order = draw_order();
    const auto it = std::find(order.begin(), order.end(), name);
    if (it != order.end()) return 10 * static_cast<int>(it - order.begin());
    // An unknown layer slots in with its kind: points on top, lines under the coverage lines, areas above rasters.
    switch (kind) {
    case GeometryKind::point: return 5;
    case GeometryKind::line:
    case GeometryKind::mixed: return 75;
    case GeometryKind::polygon: return 135;
    case GeometryKind::none: return 1000;
    }
    return 1000;
}

// Shown when the project opens; the rest are one click away, so the first view is not a pile of layers.
bool visible_at_start(const std::string& name)
{
    static const std::vector<std::string> on{"villages", "tracks", "issues", "network_coverage", "uncovered",
                                             "site_coverage", "blind_areas"};
    return std::find(on.begin(), on.end(), name) != on.end();
}

struct Entry {
    std::string name;
    std::string id;
    bool raster = false;
    GeometryKind kind = GeometryKind::none;
    std::string source;  // as written in the project
    std::optional<qgis::LayerStyle> style;  // an extra style of its table, shown as a layer of its own
};

XmlElement spatial_ref(const QgisProjectSpec& spec)
{
    // No srsid: QGIS then builds the CRS from the WKT instead of its own database id, which differs between
    // installations.
    XmlElement srs("spatialrefsys");
    srs.add_text("wkt", spec.crs_wkt);
    srs.add_text("proj4", "");
    srs.add_text("authid", spec.crs_authid);
    srs.add_text("description", spec.crs_name);
    srs.add_text("geographicflag", "false");
    return srs;
}

XmlElement extent_element(const char* name, const Extent& e)
{
    XmlElement x(name);
    x.add_text("xmin", number_text(e.xmin));
    x.add_text("ymin", number_text(e.ymin));
    x.add_text("xmax", number_text(e.xmax));
    x.add_text("ymax", number_text(e.ymax));
    return x;
}

const char* geometry_name(GeometryKind k)
{
    switch (k) {
    case GeometryKind::point: return "Point";
    case GeometryKind::line: return "Line";
    case GeometryKind::polygon: return "Polygon";
    case GeometryKind::none: return "No geometry";
    case GeometryKind::mixed: return "Unknown geometry";
    }
    return "Unknown geometry";
}

XmlElement map_layer_common(const Entry& e, const QgisProjectSpec& spec)
{
    XmlElement layer("maplayer");
    layer.set("type", e.raster ? "raster" : "vector").set("hasScaleBasedVisibilityFlag", "0")
        .set("styleCategories", "AllStyleCategories").set("autoRefreshEnabled", "0").set("refreshOnNotifyEnabled", "0");
    if (!e.raster) layer.set("geometry", geometry_name(e.kind));
    layer.add_text("id", e.id);
    layer.add_text("datasource", e.source);
    // The name people read; the table stays in the datasource (and in the layer's id) as it is.
    layer.add_text("layername", layer_display_name(e.name, spec.lang));
    layer.add("srs").add(spatial_ref(spec));
    if (e.raster) layer.add_text("provider", "gdal");
    else layer.add_text("provider", "ogr").set("encoding", "UTF-8");
    XmlElement& styles = layer.add("map-layer-style-manager");
    styles.set("current", "default");
    styles.add("map-layer-style").set("name", "default");
    return layer;
}

double raster_maximum(const std::filesystem::path& file)
{
    GdalErrorTrap quiet;  // a missing or empty grid just means the default ramp
    GDALDatasetUniquePtr ds(GDALDataset::Open(file.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
    if (!ds || ds->GetRasterCount() < 1) return 0;
    double min_max[2] = {0, 0};
    if (ds->GetRasterBand(1)->ComputeRasterMinMax(FALSE, min_max) != CE_None) return 0;
    return min_max[1];
}

std::vector<Entry> entries_of(const QgisProjectSpec& spec)
{
    std::vector<Entry> out;
    for (const auto& v : spec.vectors) {
        const std::string source = "./" + spec.gpkg + "|layername=" + v.name;
        out.push_back({v.name, "geowalk_" + v.name, false, v.kind, source, std::nullopt});
        // Two QGIS layers on one table, e.g. hotspot_cells by count Gi* and, as hotspot_cells_rate, by rate Gi*.
        for (auto& extra : qgis::extra_styles(v.name, v.fields, spec.lang))
            out.push_back({extra.title, "geowalk_" + extra.title, false, v.kind, source, std::move(extra)});
    }
    if (spec.walk_distance)
        out.push_back({raster_walk, "geowalk_walk_distance", true, GeometryKind::none, "./" + spec.walk_distance->file,
                       std::nullopt});
    if (spec.density)
        out.push_back({raster_density, "geowalk_density", true, GeometryKind::none, "./" + spec.density->file, std::nullopt});
    return out;
}

std::string group_of(const std::string& name)
{
    for (const auto& [group, members] : groups())
        if (std::find(members.begin(), members.end(), name) != members.end()) return group;
    return "Checks";
}

XmlElement layer_tree(const std::vector<const Entry*>& drawn, const std::string& lang)
{
    XmlElement root("layer-tree-group");
    root.add("customproperties");
    for (const auto& [group, members] : groups()) {
        std::vector<const Entry*> in_group;
        for (const Entry* e : drawn)
            if (group_of(e->name) == group) in_group.push_back(e);
        if (in_group.empty()) continue;
        XmlElement& g = root.add("layer-tree-group");
        g.set("name", group_label(group, lang)).set("expanded", "1").set("checked", "Qt::Checked");
        g.add("customproperties");
        for (const Entry* e : in_group)
            g.add("layer-tree-layer")
                .set("id", e->id)
                .set("name", layer_display_name(e->name, lang))
                .set("source", e->source)
                .set("providerKey", e->raster ? "gdal" : "ogr")
                .set("checked", visible_at_start(e->name) ? "Qt::Checked" : "Qt::Unchecked")
                .set("expanded", "0")
                .add("customproperties");
    }
    // The drawing order is set apart from the grouping: groups read by topic, layers draw by kind.
    XmlElement& order = root.add("custom-order");
    order.set("enabled", "1");
    for (const Entry* e : drawn) order.add_text("item", e->id);
    return root;
}

}  // namespace

std::string qgis_project_xml(const QgisProjectSpec& spec, const std::filesystem::path& project_dir)
{
    const std::vector<Entry> entries = entries_of(spec);
    std::vector<const Entry*> drawn;
    for (const auto& e : entries) drawn.push_back(&e);
    std::stable_sort(drawn.begin(), drawn.end(),
                     [](const Entry* a, const Entry* b) { return draw_rank(a->name, a->kind) < draw_rank(b->name, b->kind); });

    XmlElement root("qgis");
    root.set("version", qgis::qgis_version).set("projectname", spec.title);
    root.add("homePath").set("path", "");
    root.add_text("title", spec.title);
    root.add("projectCrs").add(spatial_ref(spec));
    root.add(layer_tree(drawn, spec.lang));

    XmlElement& layers = root.add("projectlayers");
    for (const Entry* e : drawn) {
        XmlElement layer = map_layer_common(*e, spec);
        if (!e->raster) {
            qgis::add_style_elements(layer, e->style ? *e->style : qgis::default_style(e->name, e->kind, spec.lang));
        } else if (e->name == raster_walk) {
            const auto& w = *spec.walk_distance;
            layer.add(qgis::walk_distance_pipe(w.sight_m, w.village_m, w.blind_m, spec.lang));
            layer.add_text("blendMode", "0");
        } else {
            double top = spec.density->max_value;
            if (top <= 0 && !project_dir.empty()) top = raster_maximum(project_dir / spec.density->file);
            layer.add(qgis::density_pipe(top, spec.lang));
            layer.add_text("blendMode", "0");
        }
        layers.add(std::move(layer));
    }
    XmlElement& order = root.add("layerorder");
    for (const Entry* e : drawn) order.add("layer").set("id", e->id);

    XmlElement& canvas = root.add("mapcanvas");
    canvas.set("name", "theMapCanvas").set("annotationsVisible", "1");
    canvas.add_text("units", "meters");
    canvas.add(extent_element("extent", spec.extent));
    canvas.add_text("rotation", "0");
    canvas.add("destinationsrs").add(spatial_ref(spec));
    canvas.add_text("rendermaptile", "0");

    XmlElement& properties = root.add("properties");
    properties.add("Paths").add_text("Absolute", "false").set("type", "bool");
    // Without this flag QGIS 3.22 ignores <projectCrs> and leaves the project without a CRS.
    properties.add("SpatialRefSys").add_text("ProjectionsEnabled", "1").set("type", "int");
    XmlElement& view = root.add("ProjectViewSettings");
    view.set("UseProjectScales", "0").set("rotation", "0");
    view.add("Scales");
    XmlElement& initial = view.add("DefaultViewExtent");
    initial.set("xmin", spec.extent.xmin).set("ymin", spec.extent.ymin).set("xmax", spec.extent.xmax).set("ymax", spec.extent.ymax);
    initial.add(spatial_ref(spec));
    return "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n" + root.str();
}

void write_qgis_project(const std::filesystem::path& qgs, const QgisProjectSpec& spec)
{
    const std::string xml = qgis_project_xml(spec, qgs.parent_path());
    std::ofstream out(qgs, std::ios::binary | std::ios::trunc);
    out << xml;
    out.close();
    if (!out) throw OutputError("cannot write the QGIS project", in_file(qgs.string()));
}

}  // namespace geo::qgis

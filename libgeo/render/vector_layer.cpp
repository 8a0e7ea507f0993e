#include "libgeo/render/vector_layer.hpp"

#include "libgeo/render/symbols.hpp"

#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <string_view>

namespace geo::render {

namespace {

using qgis::Condition;

std::string_view geometry_kind(const OGRGeometry& g)
{
    switch (wkbFlatten(g.getGeometryType())) {
    case wkbPoint:
    case wkbMultiPoint: return "Point";
    case wkbLineString:
    case wkbMultiLineString: return "Line";
    case wkbPolygon:
    case wkbMultiPolygon: return "Polygon";
    default: return "";
    }
}

// Where a label goes: the middle of a line, a point inside a polygon (not its centroid, which can fall outside).
std::unique_ptr<OGRPoint> label_anchor(const OGRGeometry& g, qgis::LabelPlacement placement)
{
    auto point = std::make_unique<OGRPoint>();
    const auto kind = geometry_kind(g);
    if (kind == "Point") {
        const OGRGeometry* first = &g;
        if (wkbFlatten(g.getGeometryType()) == wkbMultiPoint) first = g.toMultiPoint()->getGeometryRef(0);
        *point = *first->toPoint();
    } else if (kind == "Line" && placement == qgis::LabelPlacement::along_line) {
        const OGRLineString* longest = nullptr;
        if (wkbFlatten(g.getGeometryType()) == wkbLineString) {
            longest = g.toLineString();
        } else {
            for (const auto* part : *g.toMultiLineString())
                if (!longest || part->get_Length() > longest->get_Length()) longest = part;
        }
        if (!longest || longest->getNumPoints() == 0) return nullptr;
        longest->Value(longest->get_Length() / 2, point.get());
    } else if (kind == "Polygon") {
        OGRGeometryUniquePtr inside(OGRGeometry::FromHandle(OGR_G_PointOnSurface(OGRGeometry::ToHandle(const_cast<OGRGeometry*>(&g)))));
        if (!inside || wkbFlatten(inside->getGeometryType()) != wkbPoint) return nullptr;
        *point = *inside->toPoint();
    } else {
        if (g.Centroid(point.get()) != OGRERR_NONE) return nullptr;
    }
    return point;
}

std::string label_text(const OGRFeature& f, const qgis::Labels& labels)
{
    const int i = f.GetFieldIndex(labels.field.c_str());
    if (i < 0 || !f.IsFieldSetAndNotNull(i)) return {};
    const auto type = f.GetFieldDefnRef(i)->GetType();
    if (type == OFTReal || type == OFTInteger || type == OFTInteger64)
        return std::to_string(std::llround(f.GetFieldAsDouble(i))) + labels.unit;
    return f.GetFieldAsString(i);
}

}  // namespace

bool meets(const OGRFeature& feature, const Condition& c)
{
    if (c.op == Condition::Op::geometry_is) {
        const OGRGeometry* g = feature.GetGeometryRef();
        return g && geometry_kind(*g) == c.value;
    }
    const int i = feature.GetFieldIndex(c.field.c_str());
    if (i < 0 || !feature.IsFieldSetAndNotNull(i)) return false;
    if (c.text) return c.op == Condition::Op::equals && c.value == feature.GetFieldAsString(i);
    const double value = feature.GetFieldAsDouble(i);
    const double bound = std::strtod(c.value.c_str(), nullptr);
    switch (c.op) {
    case Condition::Op::equals: return value == bound;
    case Condition::Op::at_least: return value >= bound;
    case Condition::Op::below: return value < bound;
    default: return false;
    }
}

std::vector<LegendEntry> draw_vector_layer(cairo_t* cr, const MapView& view, OGRLayer& layer,
                                           const qgis::LayerStyle& style, Labeller& labels, int label_priority)
{
    std::vector<LegendEntry> legend;
    if (!style.renderer) return legend;
    const auto& classes = style.renderer->classes;
    const bool every_match = style.renderer->kind == qgis::RendererKind::rules;
    std::vector<char> used(classes.size(), 0);

    CairoSaved saved(cr);
    view.clip_to_frame(cr);
    if (style.opacity < 1) cairo_push_group(cr);
    const Box& w = view.world();
    layer.SetSpatialFilterRect(w.min_corner().x(), w.min_corner().y(), w.max_corner().x(), w.max_corner().y());
    layer.ResetReading();
    for (OGRFeatureUniquePtr f(layer.GetNextFeature()); f; f.reset(layer.GetNextFeature())) {
        const OGRGeometry* g = f->GetGeometryRef();
        if (!g || g->IsEmpty()) continue;
        for (std::size_t k = 0; k < classes.size(); ++k) {
            bool all = true;
            for (const auto& c : classes[k].when) all = all && meets(*f, c);
            if (!all) continue;
            draw_symbol(cr, view, *g, classes[k].symbol);
            used[k] = 1;
            if (!every_match) break;
        }
        if (style.labels) {
            if (auto anchor = label_anchor(*g, style.labels->placement)) {
                TextStyle t;
                t.size_pt = style.labels->size_pt * 0.8;  // a page map is smaller than a screen; QGIS sizes are for screens
                t.bold = style.labels->bold;
                t.colour = style.labels->color;
                t.halo = style.labels->halo;
                t.halo_pt = 1;
                labels.add(label_text(*f, *style.labels), view.page_x(anchor->getX()), view.page_y(anchor->getY()), t,
                           label_priority);
            }
        }
    }
    layer.SetSpatialFilter(nullptr);
    if (style.opacity < 1) {
        cairo_pop_group_to_source(cr);
        cairo_paint_with_alpha(cr, style.opacity);
    }
    // Rules per geometry type repeat a label (sites as points and areas): the legend shows it once.
    for (std::size_t k = 0; k < classes.size(); ++k) {
        if (!used[k] || classes[k].label.empty()) continue;
        const bool seen = std::any_of(legend.begin(), legend.end(), [&](const LegendEntry& e) { return e.label == classes[k].label; });
        if (!seen) legend.push_back({classes[k].label, classes[k].symbol});
    }
    return legend;
}

}  // namespace geo::render

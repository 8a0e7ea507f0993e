#include "libgeo/render/symbols.hpp"

#include "libgeo/render/document.hpp"
#include "libgeo/render/text.hpp"

#include <ogr_geometry.h>

#include <cmath>
#include <numbers>
#include <vector>

namespace geo::render {

namespace {

using qgis::ArrowLayer;
using qgis::FillLayer;
using qgis::HatchLayer;
using qgis::LineLayer;
using qgis::MarkerLayer;

// The marker's outline centred on (x, y), size = its width.
void marker_path(cairo_t* cr, const std::string& shape, double x, double y, double size)
{
    const double r = size / 2;
    if (shape == "square") {
        cairo_rectangle(cr, x - r, y - r, size, size);
    } else if (shape == "triangle") {
        cairo_move_to(cr, x, y - r);
        cairo_line_to(cr, x + r * 0.866, y + r * 0.5);
        cairo_line_to(cr, x - r * 0.866, y + r * 0.5);
        cairo_close_path(cr);
    } else if (shape == "diamond") {
        cairo_move_to(cr, x, y - r);
        cairo_line_to(cr, x + r, y);
        cairo_line_to(cr, x, y + r);
        cairo_line_to(cr, x - r, y);
        cairo_close_path(cr);
    } else if (shape == "star") {
        for (int i = 0; i < 10; ++i) {
            const double a = -std::numbers::pi / 2 + i * std::numbers::pi / 5;
            const double rr = i % 2 == 0 ? r : r * 0.45;
            if (i == 0) cairo_move_to(cr, x + rr * std::cos(a), y + rr * std::sin(a));
            else cairo_line_to(cr, x + rr * std::cos(a), y + rr * std::sin(a));
        }
        cairo_close_path(cr);
    } else if (shape == "cross") {
        cairo_move_to(cr, x - r, y);
        cairo_line_to(cr, x + r, y);
        cairo_move_to(cr, x, y - r);
        cairo_line_to(cr, x, y + r);
    } else {
        cairo_new_sub_path(cr);
        cairo_arc(cr, x, y, r, 0, 2 * std::numbers::pi);
    }
}

void draw_marker(cairo_t* cr, const MarkerLayer& m, double x, double y, double scale)
{
    cairo_new_path(cr);
    marker_path(cr, m.shape, x, y, mm(m.size_mm) * scale);
    if (m.shape != "cross") {
        set_colour(cr, m.fill);
        cairo_fill_preserve(cr);
    }
    set_colour(cr, m.shape == "cross" ? m.fill : m.stroke);
    cairo_set_line_width(cr, mm(m.shape == "cross" ? std::max(m.stroke_mm, 0.4) : m.stroke_mm) * scale);
    cairo_stroke(cr);
}

void stroke_style(cairo_t* cr, qgis::Rgba colour, double width_mm, bool dashed, double scale)
{
    set_colour(cr, colour);
    const double w = mm(width_mm) * scale;
    cairo_set_line_width(cr, w);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    if (dashed) {
        const double dashes[] = {std::max(3 * w, 1.5), std::max(2 * w, 1.0)};
        cairo_set_dash(cr, dashes, 2, 0);
    } else {
        cairo_set_dash(cr, nullptr, 0, 0);
    }
}

// Parallel lines across the current clip, `spacing` apart at `angle_deg` from the x axis (counter-clockwise on the
// page as QGIS measures it).
void hatch(cairo_t* cr, const HatchLayer& h, double scale)
{
    double x0, y0, x1, y1;
    cairo_clip_extents(cr, &x0, &y0, &x1, &y1);
    const double a = -h.angle_deg * std::numbers::pi / 180;
    const double dx = std::cos(a), dy = std::sin(a);  // along the lines
    const double nx = -dy, ny = dx;                    // across them
    const double cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
    const double half = std::hypot(x1 - x0, y1 - y0) / 2;
    const double spacing = std::max(mm(h.spacing_mm) * scale, 0.5);
    for (double t = -half; t <= half; t += spacing) {
        cairo_move_to(cr, cx + nx * t - dx * half, cy + ny * t - dy * half);
        cairo_line_to(cr, cx + nx * t + dx * half, cy + ny * t + dy * half);
    }
    stroke_style(cr, h.color, h.width_mm, false, scale);
    cairo_stroke(cr);
}

void for_each_point(const OGRGeometry& g, const auto& fn)
{
    const auto type = wkbFlatten(g.getGeometryType());
    if (type == wkbPoint) {
        fn(*g.toPoint());
    } else if (type == wkbMultiPoint || type == wkbGeometryCollection) {
        for (const auto* part : *g.toGeometryCollection()) for_each_point(*part, fn);
    }
}

void for_each_line(const OGRGeometry& g, const auto& fn)
{
    const auto type = wkbFlatten(g.getGeometryType());
    if (type == wkbLineString) {
        fn(*g.toLineString());
    } else if (type == wkbMultiLineString || type == wkbGeometryCollection) {
        for (const auto* part : *g.toGeometryCollection()) for_each_line(*part, fn);
    }
}

bool has_area(const OGRGeometry& g)
{
    const auto type = wkbFlatten(g.getGeometryType());
    return type == wkbPolygon || type == wkbMultiPolygon;
}

void draw_arrow(cairo_t* cr, const MapView& view, const OGRLineString& line, const ArrowLayer& a)
{
    const int n = line.getNumPoints();
    if (n < 2) return;
    const double x0 = view.page_x(line.getX(0)), y0 = view.page_y(line.getY(0));
    const double x1 = view.page_x(line.getX(n - 1)), y1 = view.page_y(line.getY(n - 1));
    const double len = std::hypot(x1 - x0, y1 - y0);
    if (len <= 0) return;
    stroke_style(cr, a.color, a.width_mm, false, view.symbol_scale());
    cairo_move_to(cr, x0, y0);
    cairo_line_to(cr, x1, y1);
    cairo_stroke(cr);
    const double ux = (x1 - x0) / len, uy = (y1 - y0) / len, head = mm(a.head_mm) * view.symbol_scale();
    cairo_move_to(cr, x1, y1);
    cairo_line_to(cr, x1 - ux * head - uy * head * 0.5, y1 - uy * head + ux * head * 0.5);
    cairo_line_to(cr, x1 - ux * head + uy * head * 0.5, y1 - uy * head - ux * head * 0.5);
    cairo_close_path(cr);
    set_colour(cr, a.color);
    cairo_fill(cr);
}

}  // namespace

void draw_symbol(cairo_t* cr, const MapView& view, const OGRGeometry& geometry, const qgis::Symbol& symbol)
{
    CairoSaved saved(cr);
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
    for (const auto& layer : symbol.layers) {
        cairo_new_path(cr);
        if (const auto* m = std::get_if<MarkerLayer>(&layer)) {
            for_each_point(geometry, [&](const OGRPoint& p) { draw_marker(cr, *m, view.page_x(p.getX()), view.page_y(p.getY()), view.symbol_scale()); });
        } else if (const auto* l = std::get_if<LineLayer>(&layer)) {
            view.add_path(cr, geometry);
            stroke_style(cr, l->color, l->width_mm, l->dashed, view.symbol_scale());
            cairo_stroke(cr);
        } else if (const auto* f = std::get_if<FillLayer>(&layer)) {
            if (!has_area(geometry)) continue;
            view.add_path(cr, geometry);
            set_colour(cr, f->fill);
            if (f->stroke_mm > 0) {
                cairo_fill_preserve(cr);
                stroke_style(cr, f->stroke, f->stroke_mm, false, view.symbol_scale());
                cairo_stroke(cr);
            } else {
                cairo_fill(cr);
            }
        } else if (const auto* h = std::get_if<HatchLayer>(&layer)) {
            if (!has_area(geometry)) continue;
            CairoSaved clip(cr);
            view.add_path(cr, geometry);
            cairo_clip(cr);
            hatch(cr, *h, view.symbol_scale());
        } else if (const auto* a = std::get_if<ArrowLayer>(&layer)) {
            for_each_line(geometry, [&](const OGRLineString& line) { draw_arrow(cr, view, line, *a); });
        }
    }
}

void draw_swatch(cairo_t* cr, const qgis::Symbol& symbol, const Rect& box)
{
    CairoSaved saved(cr);
    // A stand-in geometry in a view that maps metres to points one to one, so draw_symbol does the drawing.
    const MapView unit(Box{{0, -box.h}, {box.w, 0}}, Rect{box.x, box.y, box.w, box.h}, 0);
    switch (symbol.type) {
    case qgis::SymbolType::marker: {
        OGRPoint p(box.w / 2, -box.h / 2);
        draw_symbol(cr, unit, p, symbol);
        break;
    }
    case qgis::SymbolType::line: {
        OGRLineString l;
        l.addPoint(0.5, -box.h / 2);
        l.addPoint(box.w - 0.5, -box.h / 2);
        draw_symbol(cr, unit, l, symbol);
        break;
    }
    case qgis::SymbolType::fill: {
        OGRLinearRing ring;
        ring.addPoint(1, -1);
        ring.addPoint(box.w - 1, -1);
        ring.addPoint(box.w - 1, 1 - box.h);
        ring.addPoint(1, 1 - box.h);
        ring.closeRings();
        OGRPolygon poly;
        poly.addRing(&ring);
        draw_symbol(cr, unit, poly, symbol);
        break;
    }
    }
}

}  // namespace geo::render

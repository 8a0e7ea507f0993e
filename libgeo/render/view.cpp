#include "libgeo/render/view.hpp"

#include <ogr_geometry.h>

#include <algorithm>

namespace geo::render {

namespace {

void add_curve(cairo_t* cr, const MapView& view, const OGRSimpleCurve& curve, bool close)
{
    const int n = curve.getNumPoints();
    for (int i = 0; i < n; ++i) {
        const double x = view.page_x(curve.getX(i));
        const double y = view.page_y(curve.getY(i));
        if (i == 0) cairo_move_to(cr, x, y);
        else cairo_line_to(cr, x, y);
    }
    if (close && n > 0) cairo_close_path(cr);
}

}  // namespace

MapView::MapView(const Box& world, const Rect& frame, double margin) : m_frame(frame)
{
    double x0 = world.min_corner().x(), y0 = world.min_corner().y();
    double x1 = world.max_corner().x(), y1 = world.max_corner().y();
    // A single point or a line along an axis still gets an area to show.
    const double side = std::max({x1 - x0, y1 - y0, 100.0});
    x0 -= margin * side;
    x1 += margin * side;
    y0 -= margin * side;
    y1 += margin * side;
    m_scale = std::min(frame.w / std::max(x1 - x0, 1e-9), frame.h / std::max(y1 - y0, 1e-9));
    const double cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
    const double half_w = frame.w / m_scale / 2, half_h = frame.h / m_scale / 2;
    m_world = Box{{cx - half_w, cy - half_h}, {cx + half_w, cy + half_h}};
}

void MapView::add_path(cairo_t* cr, const OGRGeometry& geometry) const
{
    switch (wkbFlatten(geometry.getGeometryType())) {
    case wkbLineString:
    case wkbLinearRing: add_curve(cr, *this, *geometry.toLineString(), false); break;
    case wkbPolygon:
        for (const auto* ring : *geometry.toPolygon()) add_curve(cr, *this, *ring, true);
        break;
    case wkbMultiLineString:
    case wkbMultiPolygon:
    case wkbGeometryCollection:
        for (const auto* part : *geometry.toGeometryCollection()) add_path(cr, *part);
        break;
    default: break;
    }
}

void MapView::clip_to_frame(cairo_t* cr) const
{
    cairo_rectangle(cr, m_frame.x, m_frame.y, m_frame.w, m_frame.h);
    cairo_clip(cr);
}

}  // namespace geo::render

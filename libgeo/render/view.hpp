#pragma once
// The map frame on the page and the world it shows: metres of the campaign's local CRS to points on paper, north up,
// one scale for both axes.
#include "libgeo/core/geometry.hpp"
#include "libgeo/handles/cairo.hpp"

#include <array>

class OGRGeometry;

namespace geo::render {

struct Rect {
    double x = 0, y = 0, w = 0, h = 0;  // points, y down
};

class MapView {
public:
    // Shows `world` grown by `margin` (a share of its larger side) and then widened to the frame's proportions,
    // centred in `frame`.
    MapView(const Box& world, const Rect& frame, double margin = 0.04);

    [[nodiscard]] const Box& world() const { return m_world; }   // everything visible in the frame
    [[nodiscard]] const Rect& frame() const { return m_frame; }
    [[nodiscard]] double points_per_metre() const { return m_scale; }
    // Symbol sizes are millimetres on paper as in QGIS; a whole-town map of thousands of features draws them
    // smaller so they do not merge into one blot.
    [[nodiscard]] double symbol_scale() const { return m_symbol_scale; }
    void set_symbol_scale(double scale) { m_symbol_scale = scale; }
    // The N of the map's 1:N scale (metres of ground per metre of paper).
    [[nodiscard]] double scale_denominator() const { return 72.0 / 0.0254 / m_scale; }

    [[nodiscard]] double page_x(double x) const { return m_frame.x + (x - m_world.min_corner().x()) * m_scale; }
    [[nodiscard]] double page_y(double y) const { return m_frame.y + (m_world.max_corner().y() - y) * m_scale; }

    // GDAL's affine transform from page points to world metres, for georeferencing a map image.
    [[nodiscard]] std::array<double, 6> points_to_world() const
    {
        return {m_world.min_corner().x() - m_frame.x / m_scale, 1 / m_scale, 0,
                m_world.max_corner().y() + m_frame.y / m_scale, 0, -1 / m_scale};
    }

    // Adds the geometry's lines and rings to the current path (points add nothing).
    void add_path(cairo_t* cr, const OGRGeometry& geometry) const;
    void clip_to_frame(cairo_t* cr) const;

private:
    Box m_world;
    Rect m_frame;
    double m_scale = 1;
    double m_symbol_scale = 1;
};

}  // namespace geo::render

#pragma once
// Draws features with the symbols of the QGIS style catalogue (qgis/symbology.hpp), sizes in millimetres on paper,
// so a printed map and the layer opened in QGIS look alike.
#include "libgeo/qgis/symbology.hpp"
#include "libgeo/render/view.hpp"

class OGRGeometry;

namespace geo::render {

// Draws every symbol layer, first to last, that suits the geometry: markers on points, strokes on lines and
// outlines, fills and hatches inside polygons, arrows along lines.
void draw_symbol(cairo_t* cr, const MapView& view, const OGRGeometry& geometry, const qgis::Symbol& symbol);

// A legend swatch in `box`: a marker, a short line or a small filled square.
void draw_swatch(cairo_t* cr, const qgis::Symbol& symbol, const Rect& box);

}  // namespace geo::render

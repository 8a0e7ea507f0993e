#pragma once
// What makes a map readable on paper: legend, scale bar and north arrow.
#include "libgeo/qgis/raster_styles.hpp"
#include "libgeo/render/vector_layer.hpp"
#include "libgeo/render/view.hpp"
#include "libgeo/render/words.hpp"

#include <string>
#include <vector>

namespace geo::render {

struct LegendGroup {
    std::string title;
    std::vector<LegendEntry> entries;          // symbol swatches
    std::vector<qgis::RampItem> gradient;      // or a continuous ramp, drawn as a bar
    std::string gradient_low, gradient_high;   // its end labels
};

// Draws the groups top-down inside `box`; what does not fit is cut with an ellipsis. Returns the height used.
double draw_legend(cairo_t* cr, const std::vector<LegendGroup>& groups, const Rect& box, Lang lang);

// The bar's length: a round 1, 2 or 5 × 10^k metres close to a fifth of the frame.
double scale_bar_length(const MapView& view);
// Scale bar with "0 … L m|km" (米|公里 in Chinese) and the 1:N scale, its lower-left corner at (x, y).
void draw_scale_bar(cairo_t* cr, const MapView& view, double x, double y, Lang lang);
// What the scale bar covers, its card and the 1:N text included: labels keep out of it.
Rect scale_bar_box(cairo_t* cr, const MapView& view, double x, double y, Lang lang);
// An arrow pointing to grid north (the map's up), centred at (x, y).
void draw_north_arrow(cairo_t* cr, double x, double y, Lang lang);
// What the north arrow covers, its white disc and the "N" above it: labels keep out of it.
Rect north_arrow_box(double x, double y);

}  // namespace geo::render

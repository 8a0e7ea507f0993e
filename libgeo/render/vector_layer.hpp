#pragma once
// Draws a GeoPackage layer with its QGIS default style: the renderer's classes picked per feature by their
// conditions, exactly as QGIS reads the same style from the layer_styles table.
#include "libgeo/qgis/symbology.hpp"
#include "libgeo/render/labels.hpp"
#include "libgeo/render/view.hpp"

#include <string>
#include <vector>

class OGRLayer;
class OGRFeature;

namespace geo::render {

struct LegendEntry {
    std::string label;
    qgis::Symbol symbol;
};

// True when the feature meets the condition (numbers compared as numbers, text as text; geometry_is by kind).
bool meets(const OGRFeature& feature, const qgis::Condition& condition);

// Draws the features inside the view; queues labels; returns the legend entries of the classes that drew at least
// one feature, in the style's order (a legend lists only what the map shows).
std::vector<LegendEntry> draw_vector_layer(cairo_t* cr, const MapView& view, OGRLayer& layer,
                                           const qgis::LayerStyle& style, Labeller& labels, int label_priority);

}  // namespace geo::render

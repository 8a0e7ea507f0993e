#pragma once
// The default look of every geowalk output layer in QGIS: one LayerStyle per layer of the output contract
// (README "Outputs"), plus a plain fallback for a layer this catalogue does not know yet, so a new layer is
// never left with QGIS's random colour.
#include "libgeo/core/categories.hpp"
#include "libgeo/export/manifest.hpp"
#include "libgeo/qgis/symbology.hpp"

#include <string>
#include <vector>

namespace geo::qgis {

using output::GeometryKind;

// The colour of an issue status in the issues layer's style, for charts that must match the map (the report's
// register page).
Rgba issue_status_colour(Status status);

// lang: "en" or "zh", for class labels in the legend. Labels on the map use the data's own text.
LayerStyle default_style(const std::string& layer, GeometryKind kind, const std::string& lang = "en");

// True when the layer has a style of its own here rather than the fallback.
bool has_own_style(const std::string& layer);

// Further named styles a layer offers besides its default, where its fields allow (QGIS: Layer Properties, Style,
// Load Style, From database): hotspot_cells with rate_gi_bin (--gi-rate) also gets "hotspot_cells_rate", the Gi*
// classes of issues per walked km. The style's title is its name.
std::vector<LayerStyle> extra_styles(const std::string& layer, const std::vector<std::string>& fields,
                                     const std::string& lang = "en");

// The layer whose extra style is named `style_name` ("hotspot_cells_rate" -> "hotspot_cells"), or "" when no extra
// style has that name. Maps and the QGIS project show an extra style as a layer of its own under that name.
std::string extra_style_layer(const std::string& style_name);

}  // namespace geo::qgis

#pragma once
// The QGIS style catalogue (libgeo/qgis/default_styles) as JSON for the web page: the page draws each feature with
// the same classes, conditions and colours as QGIS, so the browser, the printed maps and the project agree and the
// colours live in one place only.
#include "libgeo/export/manifest.hpp"
#include "libgeo/qgis/raster_styles.hpp"
#include "libgeo/qgis/symbology.hpp"

namespace geo::web {

// {"renderer": {"kind", "field", "classes": [{"label", "symbol": {"type", "layers": [...]}, "when": [...]}]},
//  "labels": {...} | null, "opacity"}. Colours as {"r","g","b","a"} 0..255; sizes in millimetres as in QGIS.
output::Json style_json(const qgis::LayerStyle& style);

// Ramp stops as [{"value", "colour": {...}, "label"}], the density overlay's legend.
output::Json ramp_json(const std::vector<qgis::RampItem>& ramp);

output::Json colour_json(const qgis::Rgba& colour);

}  // namespace geo::web

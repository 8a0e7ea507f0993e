#pragma once
// What people call each output layer, in English and Chinese: the QGIS project shows these as layer names (the
// GeoPackage tables keep their snake_case names, which scripts and SQL use) and the maps use them as legend headings.
#include <string>
#include <string_view>

namespace geo::qgis {

struct LayerName {
    std::string_view en, zh;
};

// The names of a layer of geowalk.gpkg, a raster ("walk_distance", "density") or an extra style
// ("hotspot_cells_rate"); the layer's own name in both languages when it has none.
LayerName layer_name(std::string_view layer);

// The name a QGIS project in `lang` ("en" or "zh") shows: the Chinese name in Chinese; in English the table name
// itself, as the GeoPackage and the README spell it.
std::string layer_display_name(std::string_view layer, const std::string& lang);

}  // namespace geo::qgis

#pragma once
// Writes a LayerStyle as an OGC SLD 1.1 / Symbology Encoding document, the styleSLD column of layer_styles: the
// portable description other clients (GeoServer, QGIS Server) read. Sizes are converted from millimetres to
// pixels at 0.28 mm per pixel, the SE standard rendering pixel.
#include "libgeo/qgis/symbology.hpp"

#include <string>

namespace geo::qgis {

std::string sld_document(const LayerStyle& style);

}  // namespace geo::qgis

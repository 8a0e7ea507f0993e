#pragma once
// Writes a LayerStyle the way QGIS 3.22 stores a vector layer's style: the <renderer-v2>, <labeling> and related
// elements that appear both in a .qml file (the styleQML column of layer_styles) and inside a project's <maplayer>.
#include "libgeo/qgis/symbology.hpp"
#include "libgeo/qgis/xml.hpp"

#include <string>

namespace geo::qgis {

// The version QGIS writes into documents; readers use it only to upgrade older files.
inline constexpr const char* qgis_version = "3.22.16-Białowieża";

// A QGIS expression for one condition, and for all of them joined with AND ("" when there are none).
std::string expression(const Condition& c);
std::string expression(const std::vector<Condition>& all);

XmlElement qml_symbol(const Symbol& symbol, const std::string& name);
XmlElement qml_renderer(const Renderer& renderer);
XmlElement qml_labeling(const Labels& labels);

// Appends the style's elements to a <qgis> (QML) or <maplayer> (project) element and sets its labelsEnabled.
void add_style_elements(XmlElement& target, const LayerStyle& style);

// A complete .qml document.
std::string qml_document(const LayerStyle& style);

}  // namespace geo::qgis

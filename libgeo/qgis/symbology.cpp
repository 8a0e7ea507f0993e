#include "libgeo/qgis/symbology.hpp"

#include <cstdio>

namespace geo::qgis {

std::string Rgba::qgis() const
{
    return std::to_string(r) + ',' + std::to_string(g) + ',' + std::to_string(b) + ',' + std::to_string(a);
}

std::string Rgba::hex() const
{
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "#%02x%02x%02x", r & 0xff, g & 0xff, b & 0xff);
    return buffer;
}

Symbol marker(const std::string& shape, Rgba fill_color, double size_mm)
{
    MarkerLayer m;
    m.shape = shape;
    m.fill = fill_color;
    m.size_mm = size_mm;
    return {SymbolType::marker, {m}};
}

Symbol line(Rgba color, double width_mm, bool dashed) { return {SymbolType::line, {LineLayer{color, width_mm, dashed}}}; }

Symbol fill(Rgba fill_color, Rgba stroke, double stroke_mm)
{
    return {SymbolType::fill, {FillLayer{fill_color, stroke, stroke_mm}}};
}

Symbol arrow(Rgba color, double width_mm) { return {SymbolType::line, {ArrowLayer{color, width_mm, 3 * width_mm + 1}}}; }

Condition equals(std::string field, std::string value, bool text)
{
    return {std::move(field), Condition::Op::equals, std::move(value), text};
}

Condition geometry_is(std::string kind) { return {"", Condition::Op::geometry_is, std::move(kind), true}; }

}  // namespace geo::qgis

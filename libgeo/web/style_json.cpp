#include "libgeo/web/style_json.hpp"

#include <type_traits>

namespace geo::web {

namespace {

const char* op_name(qgis::Condition::Op op)
{
    switch (op) {
    case qgis::Condition::Op::equals: return "equals";
    case qgis::Condition::Op::at_least: return "at_least";
    case qgis::Condition::Op::below: return "below";
    case qgis::Condition::Op::geometry_is: return "geometry_is";
    }
    return "equals";
}

const char* renderer_name(qgis::RendererKind kind)
{
    switch (kind) {
    case qgis::RendererKind::single: return "single";
    case qgis::RendererKind::categorized: return "categorized";
    case qgis::RendererKind::graduated: return "graduated";
    case qgis::RendererKind::rules: return "rules";
    }
    return "single";
}

const char* symbol_type_name(qgis::SymbolType type)
{
    switch (type) {
    case qgis::SymbolType::marker: return "marker";
    case qgis::SymbolType::line: return "line";
    case qgis::SymbolType::fill: return "fill";
    }
    return "fill";
}

const char* placement_name(qgis::LabelPlacement placement)
{
    switch (placement) {
    case qgis::LabelPlacement::over_point: return "over_point";
    case qgis::LabelPlacement::around_point: return "around_point";
    case qgis::LabelPlacement::along_line: return "along_line";
    case qgis::LabelPlacement::inside_polygon: return "inside_polygon";
    }
    return "over_point";
}

output::Json symbol_layer_json(const qgis::SymbolLayer& layer)
{
    return std::visit(
        [](const auto& l) -> output::Json {
            using T = std::decay_t<decltype(l)>;
            if constexpr (std::is_same_v<T, qgis::MarkerLayer>)
                return {{"kind", "marker"}, {"shape", l.shape}, {"size_mm", l.size_mm}, {"fill", colour_json(l.fill)},
                        {"stroke", colour_json(l.stroke)}, {"stroke_mm", l.stroke_mm}};
            else if constexpr (std::is_same_v<T, qgis::LineLayer>)
                return {{"kind", "line"}, {"color", colour_json(l.color)}, {"width_mm", l.width_mm}, {"dashed", l.dashed}};
            else if constexpr (std::is_same_v<T, qgis::FillLayer>)
                return {{"kind", "fill"}, {"fill", colour_json(l.fill)}, {"stroke", colour_json(l.stroke)},
                        {"stroke_mm", l.stroke_mm}};
            else if constexpr (std::is_same_v<T, qgis::HatchLayer>)
                return {{"kind", "hatch"}, {"color", colour_json(l.color)}, {"angle_deg", l.angle_deg},
                        {"spacing_mm", l.spacing_mm}, {"width_mm", l.width_mm}};
            else
                return {{"kind", "arrow"}, {"color", colour_json(l.color)}, {"width_mm", l.width_mm}, {"head_mm", l.head_mm}};
        },
        layer);
}

}  // namespace

output::Json colour_json(const qgis::Rgba& colour)
{
    return {{"r", colour.r}, {"g", colour.g}, {"b", colour.b}, {"a", colour.a}};
}

output::Json style_json(const qgis::LayerStyle& style)
{
    output::Json out;
    out["opacity"] = style.opacity;
    out["renderer"] = nullptr;
    if (style.renderer) {
        output::Json classes = output::Json::array();
        for (const auto& c : style.renderer->classes) {
            output::Json layers = output::Json::array();
            for (const auto& l : c.symbol.layers) layers.push_back(symbol_layer_json(l));
            output::Json when = output::Json::array();
            for (const auto& w : c.when)
                when.push_back({{"field", w.field}, {"op", op_name(w.op)}, {"value", w.value}, {"text", w.text}});
            classes.push_back({{"label", c.label},
                               {"symbol", {{"type", symbol_type_name(c.symbol.type)}, {"layers", std::move(layers)}}},
                               {"when", std::move(when)}});
        }
        out["renderer"] = {{"kind", renderer_name(style.renderer->kind)},
                           {"field", style.renderer->field},
                           {"classes", std::move(classes)}};
    }
    out["labels"] = nullptr;
    if (style.labels) {
        const auto& l = *style.labels;
        out["labels"] = {{"field", l.field},       {"unit", l.unit},  {"size_pt", l.size_pt},
                         {"bold", l.bold},         {"color", colour_json(l.color)}, {"halo", colour_json(l.halo)},
                         {"placement", placement_name(l.placement)}};
    }
    return out;
}

output::Json ramp_json(const std::vector<qgis::RampItem>& ramp)
{
    output::Json out = output::Json::array();
    for (const auto& item : ramp)
        out.push_back({{"value", item.value}, {"colour", colour_json(item.colour)}, {"label", item.label}});
    return out;
}

}  // namespace geo::web

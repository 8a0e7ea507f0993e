#include "libgeo/qgis/qml.hpp"

#include "libgeo/core/number_text.hpp"

#include <stdexcept>

namespace geo::qgis {

namespace {

// QGIS keeps symbol layer properties as a string map: <Option type="Map"><Option name=.. value=.. type="QString"/>.
class Properties {
public:
    Properties() { m_map.set("type", "Map"); }
    Properties& operator()(const std::string& key, const std::string& value)
    {
        m_map.add("Option").set("name", key).set("type", "QString").set("value", value);
        return *this;
    }
    Properties& operator()(const std::string& key, double value) { return (*this)(key, number_text(value)); }
    XmlElement take() { return std::move(m_map); }

private:
    XmlElement m_map{"Option"};
};

XmlElement symbol_layer(const std::string& klass, Properties& properties)
{
    XmlElement layer("layer");
    layer.set("class", klass).set("enabled", "1").set("locked", "0").set("pass", "0");
    layer.add(properties.take());
    return layer;
}

XmlElement qml_layer(const MarkerLayer& m, const std::string&)
{
    return symbol_layer("SimpleMarker", Properties()("name", m.shape)("color", m.fill.qgis())("size", m.size_mm)(
                                            "size_unit", "MM")("outline_color", m.stroke.qgis())(
                                            "outline_style", m.stroke_mm > 0 ? "solid" : "no")(
                                            "outline_width", m.stroke_mm)("outline_width_unit", "MM")("angle", 0.0)(
                                            "scale_method", "diameter")("joinstyle", "miter"));
}

XmlElement qml_layer(const LineLayer& l, const std::string&)
{
    return symbol_layer("SimpleLine", Properties()("line_color", l.color.qgis())("line_width", l.width_mm)(
                                          "line_width_unit", "MM")("line_style", l.dashed ? "dash" : "solid")(
                                          "capstyle", "round")("joinstyle", "round"));
}

XmlElement qml_layer(const FillLayer& f, const std::string&)
{
    return symbol_layer("SimpleFill", Properties()("color", f.fill.qgis())("style", f.fill.a > 0 ? "solid" : "no")(
                                          "outline_color", f.stroke.qgis())(
                                          "outline_style", f.stroke_mm > 0 ? "solid" : "no")(
                                          "outline_width", f.stroke_mm)("outline_width_unit", "MM")(
                                          "joinstyle", "miter"));
}

// Sub-symbols are named "@<symbol>@<layer index>", as QGIS names them.
XmlElement qml_layer(const HatchLayer& h, const std::string& sub_name)
{
    XmlElement layer = symbol_layer(
        "LinePatternFill", Properties()("lineangle", h.angle_deg)("distance", h.spacing_mm)("distance_unit", "MM")(
                               "line_width", h.width_mm)("line_width_unit", "MM")("color", h.color.qgis())(
                               "offset", 0.0)("offset_unit", "MM"));
    layer.add(qml_symbol(line(h.color, h.width_mm), sub_name));
    return layer;
}

XmlElement qml_layer(const ArrowLayer& a, const std::string& sub_name)
{
    XmlElement layer = symbol_layer(
        "ArrowLine", Properties()("arrow_width", a.width_mm)("arrow_width_unit", "MM")("arrow_start_width", a.width_mm)(
                         "arrow_start_width_unit", "MM")("head_length", a.head_mm)("head_length_unit", "MM")(
                         "head_thickness", a.head_mm * 0.6)("head_thickness_unit", "MM")("head_type", 0.0)(
                         "arrow_type", 0.0)("is_curved", 0.0)("is_repeated", 0.0)("offset", 0.0)("offset_unit", "MM"));
    layer.add(qml_symbol(fill(a.color, a.color, 0), sub_name));
    return layer;
}

const char* type_name(SymbolType t)
{
    switch (t) {
    case SymbolType::marker: return "marker";
    case SymbolType::line: return "line";
    case SymbolType::fill: return "fill";
    }
    return "fill";
}

std::string quoted_field(const std::string& name)
{
    std::string out = "\"";
    for (char ch : name) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    return out + '"';
}

std::string literal(const Condition& c)
{
    if (!c.text) return c.value;
    std::string out = "'";
    for (char ch : c.value) out += ch == '\'' ? std::string("''") : std::string(1, ch);
    return out + '\'';
}

XmlElement symbols_of(const Renderer& r)
{
    XmlElement symbols("symbols");
    for (std::size_t i = 0; i < r.classes.size(); ++i) symbols.add(qml_symbol(r.classes[i].symbol, std::to_string(i)));
    return symbols;
}

// The value a categorized or graduated class tests, checked so that a malformed catalogue fails loudly.
const Condition& test_of(const StyleClass& c, Condition::Op op)
{
    for (const auto& w : c.when)
        if (w.op == op) return w;
    throw std::logic_error("style class '" + c.label + "' lacks the condition its renderer needs");
}

}  // namespace

std::string expression(const Condition& c)
{
    switch (c.op) {
    case Condition::Op::equals: return quoted_field(c.field) + " = " + literal(c);
    case Condition::Op::at_least: return quoted_field(c.field) + " >= " + literal(c);
    case Condition::Op::below: return quoted_field(c.field) + " < " + literal(c);
    case Condition::Op::geometry_is: return "geometry_type($geometry) = " + literal(c);
    }
    return {};
}

std::string expression(const std::vector<Condition>& all)
{
    std::string out;
    for (const auto& c : all) out += (out.empty() ? "" : " AND ") + expression(c);
    return out;
}

XmlElement qml_symbol(const Symbol& symbol, const std::string& name)
{
    XmlElement e("symbol");
    e.set("type", type_name(symbol.type)).set("name", name).set("alpha", "1").set("clip_to_extent", "1").set("force_rhr", "0");
    for (std::size_t i = 0; i < symbol.layers.size(); ++i) {
        const std::string sub_name = "@" + name + "@" + std::to_string(i);
        e.add(std::visit([&](const auto& layer) { return qml_layer(layer, sub_name); }, symbol.layers[i]));
    }
    return e;
}

XmlElement qml_renderer(const Renderer& r)
{
    XmlElement e("renderer-v2");
    e.set("forceraster", "0").set("symbollevels", "0").set("enableorderby", "0").set("referencescale", "-1");
    switch (r.kind) {
    case RendererKind::single:
        e.set("type", "singleSymbol");
        break;
    case RendererKind::categorized: {
        e.set("type", "categorizedSymbol").set("attr", r.field);
        XmlElement& categories = e.add("categories");
        for (std::size_t i = 0; i < r.classes.size(); ++i)
            categories.add("category")
                .set("value", test_of(r.classes[i], Condition::Op::equals).value)
                .set("symbol", std::to_string(i))
                .set("label", r.classes[i].label)
                .set("render", "true");
        break;
    }
    case RendererKind::graduated: {
        e.set("type", "graduatedSymbol").set("attr", r.field).set("graduatedMethod", "GraduatedColor");
        XmlElement& ranges = e.add("ranges");
        for (std::size_t i = 0; i < r.classes.size(); ++i)
            ranges.add("range")
                .set("lower", test_of(r.classes[i], Condition::Op::at_least).value)
                .set("upper", test_of(r.classes[i], Condition::Op::below).value)
                .set("symbol", std::to_string(i))
                .set("label", r.classes[i].label)
                .set("render", "true");
        break;
    }
    case RendererKind::rules: {
        e.set("type", "RuleRenderer");
        XmlElement& rules = e.add("rules");
        rules.set("key", "{geowalk-root}");
        for (std::size_t i = 0; i < r.classes.size(); ++i) {
            XmlElement& rule = rules.add("rule");
            rule.set("key", "{geowalk-rule-" + std::to_string(i) + "}").set("symbol", std::to_string(i)).set("label", r.classes[i].label);
            if (!r.classes[i].when.empty()) rule.set("filter", expression(r.classes[i].when));
        }
        break;
    }
    }
    if (r.kind == RendererKind::single && r.classes.size() != 1)
        throw std::logic_error("a single-symbol renderer needs exactly one class");
    e.add(symbols_of(r));
    return e;
}

XmlElement qml_labeling(const Labels& l)
{
    XmlElement labeling("labeling");
    labeling.set("type", "simple");
    XmlElement& settings = labeling.add("settings");
    settings.set("calloutType", "simple");
    XmlElement& text = settings.add("text-style");
    text.set("fontFamily", l.font)
        .set("namedStyle", l.bold ? "Bold" : "Regular")
        .set("fontSize", l.size_pt)
        .set("fontSizeUnit", "Point")
        .set("fontWeight", l.bold ? 75 : 50)
        .set("fontItalic", "0")
        .set("textColor", l.color.qgis())
        .set("textOpacity", "1")
        .set("fieldName", l.expression.empty() ? l.field : l.expression)
        .set("isExpression", l.expression.empty() ? "0" : "1")
        .set("multilineHeight", "1")
        .set("blendMode", "0");
    text.add("text-buffer")
        .set("bufferDraw", "1")
        .set("bufferSize", 0.8)
        .set("bufferSizeUnits", "MM")
        .set("bufferColor", l.halo.qgis())
        .set("bufferOpacity", l.halo.opacity())
        .set("bufferNoFill", "1")
        .set("bufferJoinStyle", "128");
    settings.add("text-format").set("multilineAlign", "3").set("wrapChar", "").set("formatNumbers", "0");
    // QGIS placement codes: 0 around a point, 1 over a point (a polygon's centroid), 2 parallel to a line;
    // line flags 10 = above the line, kept upright in map orientation.
    XmlElement& placement = settings.add("placement");
    switch (l.placement) {
    case LabelPlacement::around_point: placement.set("placement", 0).set("dist", 1.0).set("distUnits", "MM"); break;
    case LabelPlacement::over_point: placement.set("placement", 1); break;
    case LabelPlacement::along_line: placement.set("placement", 2).set("placementFlags", 10).set("dist", 0.5).set("distUnits", "MM"); break;
    case LabelPlacement::inside_polygon: placement.set("placement", 1).set("centroidInside", "1").set("fitInPolygonOnly", "0"); break;
    }
    placement.set("priority", 5).set("offsetType", 0).set("quadOffset", 4);
    settings.add("rendering")
        .set("drawLabels", "1")
        .set("obstacle", "1")
        .set("obstacleFactor", 1.0)
        .set("labelPerPart", "0")
        .set("mergeLines", "0")
        .set("scaleVisibility", "0")
        .set("upsidedownLabels", "0")
        .set("displayAll", "0");
    return labeling;
}

void add_style_elements(XmlElement& target, const LayerStyle& style)
{
    target.set("labelsEnabled", style.labels ? "1" : "0");
    if (style.renderer) target.add(qml_renderer(*style.renderer));
    if (style.labels) target.add(qml_labeling(*style.labels));
    target.add_text("blendMode", "0");
    target.add_text("featureBlendMode", "0");
    target.add_text("layerOpacity", number_text(style.opacity));
    if (!style.display_expression.empty()) target.add_text("previewExpression", style.display_expression);
}

std::string qml_document(const LayerStyle& style)
{
    XmlElement root("qgis");
    root.set("version", qgis_version).set("styleCategories", "Symbology|Labeling|Rendering|Fields");
    add_style_elements(root, style);
    return "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n" + root.str();
}

}  // namespace geo::qgis

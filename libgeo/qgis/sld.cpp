#include "libgeo/qgis/sld.hpp"

#include "libgeo/core/number_text.hpp"
#include "libgeo/qgis/xml.hpp"

namespace geo::qgis {

namespace {

double px(double mm) { return mm / 0.28; }

XmlElement& parameter(XmlElement& parent, const std::string& name, const std::string& value)
{
    return parent.add_text("se:SvgParameter", value).set("name", name);
}

void stroke(XmlElement& parent, Rgba color, double width_mm, bool dashed = false)
{
    XmlElement& s = parent.add("se:Stroke");
    parameter(s, "stroke", color.hex());
    parameter(s, "stroke-opacity", number_text(color.opacity()));
    parameter(s, "stroke-width", number_text(px(width_mm)));
    parameter(s, "stroke-linejoin", "round");
    if (dashed) parameter(s, "stroke-dasharray", number_text(px(4 * width_mm)) + " " + number_text(px(2 * width_mm)));
}

void fill_with(XmlElement& parent, Rgba color)
{
    XmlElement& f = parent.add("se:Fill");
    parameter(f, "fill", color.hex());
    parameter(f, "fill-opacity", number_text(color.opacity()));
}

void mark(XmlElement& parent, const std::string& well_known, Rgba fill_color, Rgba stroke_color, double stroke_mm)
{
    XmlElement& m = parent.add("se:Mark");
    m.add_text("se:WellKnownName", well_known);
    if (fill_color.a > 0) fill_with(m, fill_color);
    if (stroke_mm > 0) stroke(m, stroke_color, stroke_mm);
}

void symbolizer(XmlElement& rule, const MarkerLayer& m)
{
    XmlElement& graphic = rule.add("se:PointSymbolizer").add("se:Graphic");
    mark(graphic, m.shape, m.fill, m.stroke, m.stroke_mm);
    graphic.add_text("se:Size", number_text(px(m.size_mm)));
}

void symbolizer(XmlElement& rule, const LineLayer& l) { stroke(rule.add("se:LineSymbolizer"), l.color, l.width_mm, l.dashed); }

void symbolizer(XmlElement& rule, const FillLayer& f)
{
    XmlElement& p = rule.add("se:PolygonSymbolizer");
    if (f.fill.a > 0) fill_with(p, f.fill);
    if (f.stroke_mm > 0) stroke(p, f.stroke, f.stroke_mm);
}

// Hatching in SE: a polygon filled with a repeated graphic of one slanted line.
void symbolizer(XmlElement& rule, const HatchLayer& h)
{
    XmlElement& graphic = rule.add("se:PolygonSymbolizer").add("se:Fill").add("se:GraphicFill").add("se:Graphic");
    mark(graphic, "horline", Rgba{0, 0, 0, 0}, h.color, h.width_mm);
    graphic.add_text("se:Size", number_text(px(h.spacing_mm)));
    graphic.add_text("se:Rotation", number_text(-h.angle_deg));
}

// SE has no arrow line; a thick stroke keeps the colour and weight.
void symbolizer(XmlElement& rule, const ArrowLayer& a) { stroke(rule.add("se:LineSymbolizer"), a.color, a.width_mm); }

void filter(XmlElement& rule, const std::vector<Condition>& when, RendererKind kind)
{
    // QGIS's categorized "all other values" class (an empty value) is SE's else rule.
    if (kind == RendererKind::categorized && when.size() == 1 && when.front().value.empty()) {
        rule.add("se:ElseFilter");
        return;
    }
    std::vector<const Condition*> tests;
    for (const auto& c : when)
        if (c.op != Condition::Op::geometry_is) tests.push_back(&c);  // symbolizers already pick geometries
    if (tests.empty()) return;
    XmlElement& f = rule.add("ogc:Filter");
    XmlElement& parent = tests.size() > 1 ? f.add("ogc:And") : f;
    for (const Condition* c : tests) {
        const char* op = c->op == Condition::Op::equals     ? "ogc:PropertyIsEqualTo"
                         : c->op == Condition::Op::at_least ? "ogc:PropertyIsGreaterThanOrEqualTo"
                                                            : "ogc:PropertyIsLessThan";
        XmlElement& e = parent.add(op);
        e.add_text("ogc:PropertyName", c->field);
        e.add_text("ogc:Literal", c->value);
    }
}

void label_rule(XmlElement& style, const Labels& l)
{
    XmlElement& rule = style.add("se:Rule");
    XmlElement& text = rule.add("se:TextSymbolizer");
    text.add("se:Label").add_text("ogc:PropertyName", l.field);
    XmlElement& font = text.add("se:Font");
    parameter(font, "font-family", l.font);
    parameter(font, "font-size", number_text(l.size_pt * 96.0 / 72.0));
    if (l.bold) parameter(font, "font-weight", "bold");
    if (l.placement == LabelPlacement::along_line) text.add("se:LabelPlacement").add("se:LinePlacement");
    XmlElement& halo = text.add("se:Halo");
    halo.add_text("se:Radius", number_text(px(0.8)));
    fill_with(halo, l.halo);
    fill_with(text, l.color);
}

}  // namespace

std::string sld_document(const LayerStyle& style)
{
    XmlElement root("StyledLayerDescriptor");
    root.set("xmlns", "http://www.opengis.net/sld")
        .set("xmlns:ogc", "http://www.opengis.net/ogc")
        .set("xmlns:se", "http://www.opengis.net/se")
        .set("xmlns:xlink", "http://www.w3.org/1999/xlink")
        .set("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance")
        .set("version", "1.1.0")
        .set("xsi:schemaLocation", "http://www.opengis.net/sld http://schemas.opengis.net/sld/1.1.0/StyledLayerDescriptor.xsd");
    XmlElement& layer = root.add("NamedLayer");
    layer.add_text("se:Name", style.layer);
    XmlElement& user = layer.add("UserStyle");
    user.add_text("se:Name", style.title);
    XmlElement& types = user.add("se:FeatureTypeStyle");
    if (style.renderer)
        for (const auto& c : style.renderer->classes) {
            XmlElement& rule = types.add("se:Rule");
            rule.add_text("se:Name", c.label);
            rule.add("se:Description").add_text("se:Title", c.label);
            filter(rule, c.when, style.renderer->kind);
            for (const auto& layer_of_symbol : c.symbol.layers)
                std::visit([&](const auto& l) { symbolizer(rule, l); }, layer_of_symbol);
        }
    if (style.labels) label_rule(types, *style.labels);
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + root.str();
}

}  // namespace geo::qgis

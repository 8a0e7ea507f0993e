#pragma once
// What a layer looks like, independent of how it is written down: symbols built from a few kinds of symbol
// layers, a renderer that picks a symbol per feature, and labels. qml.hpp writes this for QGIS, sld.hpp as OGC
// Symbology Encoding, so both descriptions of a layer's style come from one source.
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace geo::qgis {

struct Rgba {
    int r = 0, g = 0, b = 0, a = 255;
    [[nodiscard]] std::string qgis() const;  // "r,g,b,a" as QGIS stores colours
    [[nodiscard]] std::string hex() const;   // "#rrggbb" for SLD and raster ramps
    [[nodiscard]] double opacity() const { return a / 255.0; }
};

// Sizes are millimetres on the page, so symbols look the same at every map scale.
struct MarkerLayer {
    std::string shape = "circle";  // QGIS marker names: circle, square, triangle, diamond, star, cross
    double size_mm = 2.4;
    Rgba fill;
    Rgba stroke{35, 35, 35, 255};
    double stroke_mm = 0.2;
};
struct LineLayer {
    Rgba color;
    double width_mm = 0.3;
    bool dashed = false;
};
struct FillLayer {
    Rgba fill;                       // alpha 0: outline only
    Rgba stroke{35, 35, 35, 255};
    double stroke_mm = 0.26;         // 0: no outline
};
struct HatchLayer {  // parallel lines across a polygon
    Rgba color;
    double angle_deg = 45;
    double spacing_mm = 2;
    double width_mm = 0.3;
};
struct ArrowLayer {  // a line drawn as an arrow from its first to its last vertex
    Rgba color;
    double width_mm = 0.8;
    double head_mm = 2.5;
};
using SymbolLayer = std::variant<MarkerLayer, LineLayer, FillLayer, HatchLayer, ArrowLayer>;

enum class SymbolType { marker, line, fill };
struct Symbol {
    SymbolType type = SymbolType::fill;
    std::vector<SymbolLayer> layers;  // drawn first to last
};

// One test on a feature. geometry_is compares the geometry's kind ("Point", "Line", "Polygon") and lets one
// layer of mixed points and areas draw each with a symbol of the right type.
struct Condition {
    enum class Op { equals, at_least, below, geometry_is };
    std::string field;
    Op op = Op::equals;
    std::string value;  // as written in an expression: numbers bare, text unquoted (quoted on output)
    bool text = false;
};

struct StyleClass {
    std::string label;
    Symbol symbol;
    std::vector<Condition> when;  // all must hold; empty: every feature
};

// single: one class, no conditions. categorized: each class one `equals` on `field`. graduated: each class an
// `at_least` and a `below` on `field`. rules: free conditions, every matching class draws (overlays allowed).
enum class RendererKind { single, categorized, graduated, rules };
struct Renderer {
    RendererKind kind = RendererKind::single;
    std::string field;
    std::vector<StyleClass> classes;
};

enum class LabelPlacement { over_point, around_point, along_line, inside_polygon };
struct Labels {
    std::string field;       // the labelled field (what SLD shows)
    std::string expression;  // optional QGIS expression used instead of the plain field ("123 m")
    std::string unit;        // where no expression engine runs (printed maps): a number rounded, then this (" m")
    std::string font = "Noto Sans CJK SC";  // has Chinese glyphs; Debian: fonts-noto-cjk
    double size_pt = 9;
    bool bold = false;
    Rgba color{20, 20, 20, 255};
    Rgba halo{255, 255, 255, 230};
    LabelPlacement placement = LabelPlacement::over_point;
};

struct LayerStyle {
    std::string layer;        // the GeoPackage table
    std::string title;        // the style's name shown in QGIS
    std::string description;
    std::optional<Renderer> renderer;  // none for tables without geometry
    std::optional<Labels> labels;
    double opacity = 1.0;
    std::string display_expression;  // what QGIS shows for a feature in identify results and forms
};

// Building blocks used by the style catalogue.
Symbol marker(const std::string& shape, Rgba fill, double size_mm = 2.4);
Symbol line(Rgba color, double width_mm, bool dashed = false);
Symbol fill(Rgba fill, Rgba stroke, double stroke_mm = 0.26);
Symbol arrow(Rgba color, double width_mm = 0.8);
Condition equals(std::string field, std::string value, bool text);
Condition geometry_is(std::string kind);

}  // namespace geo::qgis

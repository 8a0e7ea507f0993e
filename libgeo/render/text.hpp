#pragma once
// Text on maps and report pages, shaped by Pango so Chinese and mixed Chinese-English lines render with the CJK
// font from Debian (fonts-noto-cjk) and fall back through fontconfig for anything else.
#include "libgeo/handles/cairo.hpp"
#include "libgeo/qgis/symbology.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace geo::render {

using qgis::Rgba;

enum class Align { left, centre, right };

struct TextStyle {
    double size_pt = 9;
    bool bold = false;
    Rgba colour{20, 20, 20, 255};
    Align align = Align::left;      // about the x given to draw_text
    double halo_pt = 0;             // white outline for labels over map content
    Rgba halo{255, 255, 255, 230};
    double wrap_width_pt = 0;       // > 0: wrap lines at this width
    bool break_words = true;        // false: wrap only where a line may break (spaces, between CJK characters)
};

struct TextSize {
    double width = 0, height = 0;  // points
};

// The font every geowalk page uses: has Chinese glyphs, and QGIS styles name the same family.
inline constexpr const char* font_family = "Noto Sans CJK SC";

void set_colour(cairo_t* cr, Rgba c);

TextSize measure_text(cairo_t* cr, std::string_view utf8, const TextStyle& style);
// The widest piece of the text that no line may be broken inside (a word; one CJK character), in points, as Pango's
// line breaking (Unicode UAX #14) sees it; trailing spaces not counted.
double widest_word(cairo_t* cr, std::string_view utf8, const TextStyle& style);
// The style set small enough that its widest word fits wrap_width_pt, and wrapping only between words: a table
// heading reads "Field / ridges", never "Field ri / dges". Never below `min_size_pt`.
TextStyle whole_words(cairo_t* cr, std::string_view utf8, TextStyle style, double min_size_pt = 4.5);
// The lines the text is laid out in (wrapped as the style says), for tests.
std::vector<std::string> layout_lines(cairo_t* cr, std::string_view utf8, const TextStyle& style);

// Draws with the top edge at y; x is the left edge, centre or right edge as style.align says. Returns the size.
TextSize draw_text(cairo_t* cr, std::string_view utf8, const TextStyle& style, double x, double y);

}  // namespace geo::render

#include "libgeo/render/text.hpp"

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

namespace geo::render {

namespace {

PangoLayoutPtr make_layout(cairo_t* cr, std::string_view utf8, const TextStyle& style)
{
    PangoLayoutPtr layout(pango_cairo_create_layout(cr));
    FontDescriptionPtr font(pango_font_description_new());
    pango_font_description_set_family(font.get(), font_family);
    pango_font_description_set_weight(font.get(), style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    // Absolute size in user units: the page is measured in points whatever the output resolution.
    pango_font_description_set_absolute_size(font.get(), style.size_pt * PANGO_SCALE);
    pango_layout_set_font_description(layout.get(), font.get());
    if (style.wrap_width_pt > 0) {
        pango_layout_set_width(layout.get(), static_cast<int>(style.wrap_width_pt * PANGO_SCALE));
        pango_layout_set_wrap(layout.get(), style.break_words ? PANGO_WRAP_WORD_CHAR : PANGO_WRAP_WORD);
        pango_layout_set_alignment(layout.get(), style.align == Align::centre  ? PANGO_ALIGN_CENTER
                                                 : style.align == Align::right ? PANGO_ALIGN_RIGHT
                                                                               : PANGO_ALIGN_LEFT);
    }
    pango_layout_set_text(layout.get(), utf8.data(), static_cast<int>(utf8.size()));
    return layout;
}

TextSize size_of(PangoLayout* layout)
{
    PangoRectangle logical;
    pango_layout_get_extents(layout, nullptr, &logical);
    return {static_cast<double>(logical.width) / PANGO_SCALE, static_cast<double>(logical.height) / PANGO_SCALE};
}

}  // namespace

void set_colour(cairo_t* cr, Rgba c)
{
    cairo_set_source_rgba(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0, c.a / 255.0);
}

TextSize measure_text(cairo_t* cr, std::string_view utf8, const TextStyle& style)
{
    return size_of(make_layout(cr, utf8, style).get());
}

double widest_word(cairo_t* cr, std::string_view utf8, const TextStyle& style)
{
    TextStyle one_line = style;
    one_line.wrap_width_pt = 0;
    auto layout = make_layout(cr, utf8, one_line);
    int n = 0;
    const PangoLogAttr* attrs = pango_layout_get_log_attrs_readonly(layout.get(), &n);
    // Byte offset and x position of every character (and of the end).
    const char* text = pango_layout_get_text(layout.get());
    std::vector<int> byte_at;
    for (const char* p = text; byte_at.size() + 1 < static_cast<std::size_t>(n); p = g_utf8_next_char(p))
        byte_at.push_back(static_cast<int>(p - text));
    byte_at.push_back(static_cast<int>(std::strlen(text)));
    const auto x_at = [&](int index) {
        PangoRectangle pos;
        pango_layout_index_to_pos(layout.get(), index, &pos);
        return static_cast<double>(pos.x) / PANGO_SCALE;
    };
    double widest = 0;
    std::size_t start = 0;
    const std::size_t chars = byte_at.size() - 1;
    for (std::size_t i = 1; i <= chars; ++i) {
        if (i < chars && !attrs[i].is_line_break) continue;
        std::size_t end = i;
        while (end > start && attrs[end - 1].is_white) --end;  // a line may end in spaces that take no room
        if (end > start) widest = std::max(widest, x_at(byte_at[end]) - x_at(byte_at[start]));
        start = i;
    }
    return widest;
}

TextStyle whole_words(cairo_t* cr, std::string_view utf8, TextStyle style, double min_size_pt)
{
    style.break_words = false;
    if (style.wrap_width_pt <= 0) return style;
    const double widest = widest_word(cr, utf8, style);
    // Glyph advances scale with the size (hinting aside: 2 % to spare).
    if (widest > style.wrap_width_pt) style.size_pt = std::max(min_size_pt, style.size_pt * style.wrap_width_pt / widest * 0.98);
    return style;
}

std::vector<std::string> layout_lines(cairo_t* cr, std::string_view utf8, const TextStyle& style)
{
    auto layout = make_layout(cr, utf8, style);
    const char* text = pango_layout_get_text(layout.get());
    std::vector<std::string> lines;
    for (GSList* l = pango_layout_get_lines_readonly(layout.get()); l; l = l->next) {
        const auto* line = static_cast<const PangoLayoutLine*>(l->data);
        lines.emplace_back(text + line->start_index, static_cast<std::size_t>(line->length));
    }
    return lines;
}

TextSize draw_text(cairo_t* cr, std::string_view utf8, const TextStyle& style, double x, double y)
{
    auto layout = make_layout(cr, utf8, style);
    const TextSize size = size_of(layout.get());
    double left = x;
    // A wrapped layout aligns inside its own width; a single line is placed by its measured width.
    const double box = style.wrap_width_pt > 0 ? style.wrap_width_pt : size.width;
    if (style.align == Align::centre) left = x - box / 2;
    if (style.align == Align::right) left = x - box;
    CairoSaved saved(cr);
    cairo_move_to(cr, left, y);
    if (style.halo_pt > 0) {
        pango_cairo_layout_path(cr, layout.get());
        set_colour(cr, style.halo);
        cairo_set_line_width(cr, 2 * style.halo_pt);
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
        cairo_stroke(cr);
        cairo_move_to(cr, left, y);
    }
    set_colour(cr, style.colour);
    pango_cairo_show_layout(cr, layout.get());
    return size;
}

}  // namespace geo::render

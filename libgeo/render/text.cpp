#include "libgeo/render/text.hpp"

#include <string>

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
        pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
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

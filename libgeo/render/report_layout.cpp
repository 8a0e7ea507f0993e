#include "libgeo/render/report_layout.hpp"

#include "libgeo/core/number_text.hpp"

#include <algorithm>
#include <cmath>

namespace geo::render::report {

namespace {

void rule(cairo_t* cr, double x0, double x1, double y, double width, Rgba colour)
{
    CairoSaved saved(cr);
    set_colour(cr, colour);
    cairo_set_line_width(cr, width);
    cairo_move_to(cr, x0, y);
    cairo_line_to(cr, x1, y);
    cairo_stroke(cr);
}

void fill_rect(cairo_t* cr, double x, double y, double w, double h, Rgba colour)
{
    CairoSaved saved(cr);
    set_colour(cr, colour);
    cairo_rectangle(cr, x, y, w, h);
    cairo_fill(cr);
}

constexpr Rgba rule_colour{150, 150, 150, 255};
constexpr Rgba grid_colour{205, 205, 205, 255};
constexpr Rgba header_fill{238, 241, 245, 255};

TextStyle wrapped_cell_style(const Column& c, const TableCell& cell, const TableStyle& style)
{
    return {.size_pt = style.font_pt, .bold = cell.bold, .colour = cell.colour, .align = c.align,
            .wrap_width_pt = c.width - 2 * style.padding};
}

// Where a wrapped cell's first line starts below the row's top: where a one-line row's text sits.
double wrapped_top(cairo_t* cr, const TableStyle& style)
{
    return (style.row_height - measure_text(cr, "Ag国", {.size_pt = style.font_pt}).height) / 2;
}

}  // namespace

std::string page_number_text(Lang lang, int page, int pages)
{
    if (lang == Lang::zh)
        return std::string(words::page(lang)) + " " + std::to_string(page) + " " + std::string(words::page_of(lang)) +
               " " + std::to_string(pages) + " " + std::string(words::page_end(lang));
    return std::string(words::page(lang)) + " " + std::to_string(page) + " " + std::string(words::page_of(lang)) + " " +
           std::to_string(pages);
}

Area draw_page_frame(cairo_t* cr, PageSize size, const PageFrame& frame)
{
    const double left = margin, right = size.width_pt - margin;
    const double top = margin * 0.8;
    draw_text(cr, frame.campaign, {.size_pt = 9, .colour = ink_muted}, left, top);
    draw_text(cr, words::report_title(frame.lang), {.size_pt = 9, .colour = ink_muted, .align = Align::right},
              right, top);
    draw_text(cr, frame.title, {.size_pt = 16, .bold = true}, left, top + 13);
    rule(cr, left, right, top + header_height - 4, 0.8, rule_colour);

    const double bottom = size.height_pt - margin * 0.7;
    rule(cr, left, right, bottom - footer_height + 6, 0.5, rule_colour);
    const TextStyle small{.size_pt = 7.5, .colour = ink_muted};
    draw_text(cr, std::string(words::made_with(frame.lang)) + "  ·  " + frame.period, small, left,
              bottom - footer_height + 10);
    TextStyle right_small = small;
    right_small.align = Align::right;
    draw_text(cr, page_number_text(frame.lang, frame.page, frame.pages), right_small, right,
              bottom - footer_height + 10);

    return content_area(size);
}

Area content_area(PageSize size)
{
    const double top = margin * 0.8 + header_height + 6;
    const double bottom = size.height_pt - margin * 0.7 - footer_height - 4;
    return {margin, top, size.width_pt - 2 * margin, bottom - top};
}

std::string percent(double ratio, int decimals) { return fixed_text(ratio * 100.0, decimals) + "%"; }

std::string whole(long long value) { return std::to_string(value); }

Rgba coverage_fill(double ratio)
{
    if (ratio < 0.5) return fill_low;
    if (ratio < 0.8) return fill_mid;
    return fill_high;
}

void draw_figure_box(cairo_t* cr, const Area& box, std::string_view label, std::string_view value,
                     std::string_view note, Rgba value_colour)
{
    {
        CairoSaved saved(cr);
        set_colour(cr, {247, 248, 250, 255});
        cairo_rectangle(cr, box.x, box.y, box.width, box.height);
        cairo_fill_preserve(cr);
        set_colour(cr, grid_colour);
        cairo_set_line_width(cr, 0.8);
        cairo_stroke(cr);
    }
    const double pad = 7;
    draw_text(cr, label, {.size_pt = 8.5, .colour = ink_muted}, box.x + pad, box.y + pad);
    draw_text(cr, value, {.size_pt = 20, .bold = true, .colour = value_colour}, box.x + pad, box.y + pad + 13);
    if (!note.empty())
        draw_text(cr, note, {.size_pt = 7.5, .colour = ink_muted, .wrap_width_pt = box.width - 2 * pad}, box.x + pad,
                  box.y + pad + 42);
}

double table_header_height(cairo_t* cr, const std::vector<Column>& columns, const TableStyle& style)
{
    double tallest = 0;
    for (const auto& c : columns) {
        const TextStyle t = whole_words(
            cr, c.title, {.size_pt = style.header_font_pt, .bold = true, .wrap_width_pt = c.width - 2 * style.padding});
        tallest = std::max(tallest, measure_text(cr, c.title, t).height);
    }
    return std::max(style.row_height, tallest + 2 * style.padding);
}

std::size_t rows_that_fit(cairo_t* cr, const std::vector<Column>& columns, const TableStyle& style, double height)
{
    const double left = height - table_header_height(cr, columns, style);
    return left <= 0 ? 0 : static_cast<std::size_t>(std::floor(left / style.row_height));
}

double table_row_height(cairo_t* cr, const std::vector<Column>& columns, const TableRow& row, const TableStyle& style)
{
    double height = style.row_height;
    for (std::size_t i = 0; i < columns.size() && i < row.size(); ++i) {
        if (!columns[i].wrap || row[i].text.empty()) continue;
        const double text = measure_text(cr, row[i].text, wrapped_cell_style(columns[i], row[i], style)).height;
        // The first line sits where a one-line row's text sits; each further line adds its own height.
        height = std::max(height, text + 2 * wrapped_top(cr, style));
    }
    return height;
}

double draw_table(cairo_t* cr, double x, double y, const std::vector<Column>& columns,
                  const std::vector<TableRow>& rows, const TableStyle& style)
{
    double width = 0;
    for (const auto& c : columns) width += c.width;
    const double head = table_header_height(cr, columns, style);
    fill_rect(cr, x, y, width, head, header_fill);
    double cx = x;
    for (const auto& c : columns) {
        // Headings wrap between words only, set smaller when a word is wider than its column.
        const TextStyle t = whole_words(cr, c.title,
                                        {.size_pt = style.header_font_pt, .bold = true, .align = c.align,
                                         .wrap_width_pt = c.width - 2 * style.padding});
        const double text_height = measure_text(cr, c.title, t).height;
        const double anchor = c.align == Align::left     ? cx + style.padding
                              : c.align == Align::centre ? cx + c.width / 2
                                                         : cx + c.width - style.padding;
        draw_text(cr, c.title, t, anchor, y + head - style.padding - text_height);
        cx += c.width;
    }
    double cy = y + head;
    rule(cr, x, x + width, cy, 0.8, rule_colour);
    for (const auto& row : rows) {
        const double height = table_row_height(cr, columns, row, style);
        cx = x;
        for (std::size_t i = 0; i < columns.size(); ++i) {
            const Column& c = columns[i];
            const TableCell empty;
            const TableCell& cell = i < row.size() ? row[i] : empty;
            if (cell.fill) fill_rect(cr, cx + 0.5, cy + 0.5, c.width - 1, height - 1, *cell.fill);
            const double anchor = c.align == Align::left     ? cx + style.padding
                                  : c.align == Align::centre ? cx + c.width / 2
                                                             : cx + c.width - style.padding;
            if (c.wrap) {
                // Wrapped text starts at the top of its row, one line's padding down, as in a printed form.
                draw_text(cr, cell.text, wrapped_cell_style(c, cell, style), anchor, cy + wrapped_top(cr, style));
                cx += c.width;
                continue;
            }
            TextStyle t{.size_pt = style.font_pt, .bold = cell.bold, .colour = cell.colour};
            // A text wider than its column is set smaller rather than run into the next one.
            const double room = c.width - 2 * style.padding;
            const double text_width = measure_text(cr, cell.text, t).width;
            if (text_width > room) t.size_pt = std::max(5.0, t.size_pt * room / text_width);
            const double text_height = measure_text(cr, cell.text, t).height;
            TextStyle placed = t;
            placed.align = c.align;
            draw_text(cr, cell.text, placed, anchor, cy + (height - text_height) / 2);
            cx += c.width;
        }
        cy += height;
        rule(cr, x, x + width, cy, 0.4, grid_colour);
    }
    return cy;
}

}  // namespace geo::render::report

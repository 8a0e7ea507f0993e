#include "libgeo/render/furniture.hpp"

#include "libgeo/core/number_text.hpp"
#include "libgeo/render/document.hpp"
#include "libgeo/render/symbols.hpp"
#include "libgeo/render/text.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace geo::render {

namespace {

constexpr Rgba ink{30, 30, 30, 255};

void draw_gradient(cairo_t* cr, const LegendGroup& g, const Rect& bar)
{
    CairoSaved saved(cr);
    const double top = g.gradient.back().value;
    CairoPatternPtr pattern(cairo_pattern_create_linear(bar.x, 0, bar.x + bar.w, 0));
    for (const auto& item : g.gradient) {
        const double at = top > 0 ? item.value / top : 0;
        cairo_pattern_add_color_stop_rgba(pattern.get(), at, item.colour.r / 255.0, item.colour.g / 255.0,
                                          item.colour.b / 255.0, item.colour.a / 255.0);
    }
    cairo_rectangle(cr, bar.x, bar.y, bar.w, bar.h);
    cairo_set_source(cr, pattern.get());
    cairo_fill_preserve(cr);
    set_colour(cr, {120, 120, 120, 255});
    cairo_set_line_width(cr, 0.4);
    cairo_stroke(cr);
}

std::string distance_label(double metres, Lang lang)
{
    return metres >= 1000 ? significant_text(metres / 1000) + " " + std::string(words::km(lang))
                          : significant_text(metres) + " " + std::string(words::metres(lang));
}

constexpr double arrow_half = 7, arrow_height = 22;
constexpr double bar_height = 4;

std::string scale_text(const MapView& view)
{
    return "1:" + fixed_text(std::round(view.scale_denominator() / 100) * 100, 0);
}

}  // namespace

double draw_legend(cairo_t* cr, const std::vector<LegendGroup>& groups, const Rect& box, Lang lang)
{
    const TextStyle heading{9, true, ink};
    const TextStyle group_title{7.5, true, ink};
    TextStyle item{7, false, ink};
    item.wrap_width_pt = box.w - 22;
    double y = box.y;
    y += draw_text(cr, words::legend(lang), heading, box.x, y).height + 4;
    const double swatch_w = 16, swatch_h = 9;
    for (const auto& g : groups) {
        const double needed = 12 + (g.gradient.empty() ? swatch_h + 2 : 22);
        if (y + needed > box.y + box.h) {
            draw_text(cr, "…", group_title, box.x, y);
            break;
        }
        y += draw_text(cr, g.title, group_title, box.x, y).height + 2;
        if (!g.gradient.empty()) {
            draw_gradient(cr, g, Rect{box.x, y, box.w - 10, swatch_h});
            y += swatch_h + 1;
            draw_text(cr, g.gradient_low, item, box.x, y);
            TextStyle right = item;
            right.wrap_width_pt = 0;
            right.align = Align::right;
            y += draw_text(cr, g.gradient_high, right, box.x + box.w - 10, y).height + 4;
            continue;
        }
        for (const auto& e : g.entries) {
            const double h = std::max(swatch_h, measure_text(cr, e.label, item).height);
            if (y + h > box.y + box.h) break;
            draw_swatch(cr, e.symbol, Rect{box.x, y + (h - swatch_h) / 2, swatch_w, swatch_h});
            draw_text(cr, e.label, item, box.x + swatch_w + 5, y);
            y += h + 2;
        }
        y += 4;
    }
    return y - box.y;
}

double scale_bar_length(const MapView& view)
{
    const double target = view.frame().w / 5 / view.points_per_metre();
    const double power = std::pow(10.0, std::floor(std::log10(target)));
    for (double step : {5.0, 2.0, 1.0})
        if (step * power <= target) return step * power;
    return power;
}

Rect scale_bar_box(cairo_t* cr, const MapView& view, double x, double y, Lang lang)
{
    const double w = scale_bar_length(view) * view.points_per_metre();
    const double h = bar_height;
    const TextStyle label{6.5, false, ink};
    // The card, then the end label centred on the bar's end and the 1:N text right of it.
    const double end_label = measure_text(cr, distance_label(scale_bar_length(view), lang), label).width / 2;
    const double scale_right = x + w + 8 + measure_text(cr, scale_text(view), label).width;
    const double right = std::max({x + w + 26, x + w + end_label, scale_right});
    return Rect{x - 4, y - h - 20, right - (x - 4), h + 24};
}

void draw_scale_bar(cairo_t* cr, const MapView& view, double x, double y, Lang lang)
{
    CairoSaved saved(cr);
    const double length = scale_bar_length(view);
    const double w = length * view.points_per_metre();
    const double h = bar_height;
    // A white card under the bar keeps it readable over any layer.
    set_colour(cr, {255, 255, 255, 215});
    cairo_rectangle(cr, x - 4, y - h - 20, w + 30, h + 24);
    cairo_fill(cr);
    for (int i = 0; i < 4; ++i) {
        cairo_rectangle(cr, x + i * w / 4, y - h, w / 4, h);
        set_colour(cr, i % 2 == 0 ? ink : Rgba{255, 255, 255, 255});
        cairo_fill_preserve(cr);
        set_colour(cr, ink);
        cairo_set_line_width(cr, 0.5);
        cairo_stroke(cr);
    }
    TextStyle label{6.5, false, ink};
    label.align = Align::centre;
    draw_text(cr, "0", label, x, y - h - 10);
    draw_text(cr, distance_label(length / 2, lang), label, x + w / 2, y - h - 10);
    draw_text(cr, distance_label(length, lang), label, x + w, y - h - 10);
    label.align = Align::left;
    draw_text(cr, scale_text(view), label, x + w + 8, y - h - 1.5);
}

void draw_north_arrow(cairo_t* cr, double x, double y, Lang lang)
{
    CairoSaved saved(cr);
    const double half = arrow_half, height = arrow_height;
    set_colour(cr, {255, 255, 255, 215});
    cairo_arc(cr, x, y, height * 0.75, 0, 2 * std::numbers::pi);
    cairo_fill(cr);
    // Left half dark, right half light: the classic arrow that reads at any size.
    cairo_move_to(cr, x, y - height / 2);
    cairo_line_to(cr, x - half, y + height / 2);
    cairo_line_to(cr, x, y + height / 4);
    cairo_close_path(cr);
    set_colour(cr, ink);
    cairo_fill(cr);
    cairo_move_to(cr, x, y - height / 2);
    cairo_line_to(cr, x + half, y + height / 2);
    cairo_line_to(cr, x, y + height / 4);
    cairo_close_path(cr);
    set_colour(cr, {255, 255, 255, 255});
    cairo_fill_preserve(cr);
    set_colour(cr, ink);
    cairo_set_line_width(cr, 0.6);
    cairo_stroke(cr);
    TextStyle n{8, true, ink};
    n.align = Align::centre;
    draw_text(cr, words::north(lang), n, x, y - height / 2 - 10);
}

Rect north_arrow_box(double x, double y)
{
    // The disc (radius 0.75 of the arrow's height) and the letter above it, whose top is 10 pt over the tip.
    const double radius = arrow_height * 0.75;
    const double top = std::min(y - radius, y - arrow_height / 2 - 10);
    return Rect{x - radius, top, 2 * radius, y + radius - top};
}

}  // namespace geo::render

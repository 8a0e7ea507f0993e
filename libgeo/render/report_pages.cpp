#include "libgeo/render/report_pages.hpp"

#include "libgeo/core/number_text.hpp"
#include "libgeo/core/people_number.hpp"

#include <algorithm>
#include <initializer_list>
#include <optional>
#include <utility>

namespace geo::render::report {

namespace {

std::string str(std::string_view s) { return std::string(s); }

std::string label(const CategoryInfo& c, Lang lang) { return str(lang == Lang::zh ? c.label_zh : c.label_en); }
std::string label(const StatusInfo& s, Lang lang) { return str(lang == Lang::zh ? s.label_zh : s.label_en); }

std::string km_text(double metres, Lang lang) { return fixed_text(metres / 1000.0, 1) + " " + str(words::km(lang)); }

std::string share_of(long long part, long long total)
{
    return total > 0 ? percent(static_cast<double>(part) / static_cast<double>(total)) : std::string("–");
}

std::string share_text(const std::optional<double>& share, int decimals = 1)
{
    return share ? percent(*share, decimals) : std::string("–");
}

// A word with its placeholders ({R}, {P}, ...) replaced: the figures go where each language puts them.
std::string with_values(std::string_view text, std::initializer_list<std::pair<std::string_view, std::string>> values)
{
    std::string out(text);
    for (const auto& [key, value] : values)
        for (auto at = out.find(key); at != std::string::npos; at = out.find(key, at + value.size()))
            out.replace(at, key.size(), value);
    return out;
}

std::string blind_note(const CoverageFigures& c, Lang lang)
{
    return with_values(words::blind_share_note(lang),
                       {{"{P}", share_text(c.blind_share)}, {"{A}", fixed_text(c.required_area_km2, 2)}});
}

// What "land to walk" is, under the coverage table: the box has room for the figures only.
std::string blind_definition(const CoverageFigures& c, Lang lang)
{
    if (c.reach_m > 0)
        return with_values(words::note_blind(lang), {{"{R}", number_text(c.reach_m)}, {"{B}", number_text(c.blind_m)}});
    return with_values(words::note_blind_all(lang), {{"{B}", number_text(c.blind_m)}});
}

// Every figure is summary.json's (report_data.hpp): a box shows it with what it counts or is a share of.
void draw_boxes(cairo_t* cr, const Area& area, const ReportData& d, Lang lang)
{
    const double gap = 8, height = 64;
    const int per_row = 5;
    const double width = (area.width - gap * (per_row - 1)) / per_row;
    auto box = [&](int row, int col) {
        return Area{area.x + col * (width + gap), area.y + row * (height + gap), width, height};
    };
    const std::string missing = "–";
    const std::string not_computed = str(words::not_computed(lang));

    if (d.coverage) {
        const auto& c = *d.coverage;
        draw_figure_box(cr, box(0, 0), words::network_covered(lang), share_text(c.network_share),
                        km_text(c.network_covered_m, lang) + " / " + km_text(c.network_m, lang));
        draw_figure_box(cr, box(0, 1), words::sites_visited(lang), whole(c.sites_visited) + " / " + whole(c.sites),
                        with_values(words::sites_share_note(lang), {{"{P}", share_text(c.sites_visited_share, 0)}}));
        draw_figure_box(cr, box(0, 2), words::dead_corners(lang), whole(c.dead_corners),
                        km_text(c.dead_corner_m, lang), c.dead_corners > 0 ? ink_alert : ink);
        draw_figure_box(cr, box(0, 3), words::blind_area(lang), fixed_text(c.blind_area_km2, 2) + " km²", blind_note(c, lang));
    } else {
        for (int col = 0; col < 4; ++col) {
            const Words* w[] = {&words::network_covered, &words::sites_visited, &words::dead_corners,
                                &words::blind_area};
            draw_figure_box(cr, box(0, col), (*w[col])(lang), missing, not_computed);
        }
    }
    if (d.rebounds) {
        const auto& r = *d.rebounds;
        draw_figure_box(cr, box(0, 4), with_values(words::found_again(lang), {{"{R}", number_text(r.radius_m)}}),
                        whole(r.found_again), with_values(words::found_again_note(lang), {{"{D}", number_text(r.min_days)}}),
                        r.found_again > 0 ? ink_alert : ink);
    } else {
        draw_figure_box(cr, box(0, 4), words::rebounds(lang), missing, not_computed);
    }

    if (d.issues) {
        const auto& i = *d.issues;
        draw_figure_box(cr, box(1, 0), words::issues_found(lang), whole(i.total), "");
        draw_figure_box(cr, box(1, 1), words::rectified(lang), whole(i.rectified), share_of(i.rectified, i.total));
        draw_figure_box(cr, box(1, 2), words::accepted(lang), whole(i.accepted), share_of(i.accepted, i.total));
        draw_figure_box(cr, box(1, 3), words::overdue(lang), whole(i.overdue),
                        d.as_of.empty() ? std::string{} : str(words::as_of(lang)) + " " + d.as_of,
                        i.overdue > 0 ? ink_alert : ink);
        draw_figure_box(cr, box(1, 4), words::marked_rebounded(lang), whole(i.marked_rebounded),
                        words::marked_rebounded_note(lang), i.marked_rebounded > 0 ? ink_alert : ink);
    } else {
        draw_figure_box(cr, box(1, 0), words::issues_found(lang), missing, not_computed);
    }
}

// Line walks: length, length covered and the covered share. Site walks: count, "N / M visited (P)" and, in the
// share column, the outline share marked as such: a share of sites visited never stands beside an outline share
// with nothing to tell them apart.
TableSpec walk_table(const ReportData& d, Lang lang)
{
    TableSpec t;
    t.columns = {{str(words::walk(lang)), 190, Align::left},
                 {str(words::extent(lang)), 75, Align::right},
                 {str(words::walked(lang)), 135, Align::right},
                 {str(words::share_col(lang)), 80, Align::right}};
    t.note = str(words::note_walks(lang));
    if (!d.coverage) return t;
    t.note += " " + blind_definition(*d.coverage, lang);
    for (const auto& cat : all_categories()) {
        const WalkTotals& w = d.coverage->by_walk[static_cast<std::size_t>(cat.category)];
        if (w.empty()) continue;
        if (w.sites > 0) {
            const double outline = w.outline_share.value_or(0);
            t.rows.push_back({{label(cat, lang)},
                              {whole(w.sites) + " " + str(words::sites_unit(lang))},
                              {with_values(words::sites_visited_cell(lang), {{"{N}", whole(w.visited)},
                                                                            {"{M}", whole(w.sites)},
                                                                            {"{P}", share_text(w.visited_share, 0)}})},
                              {with_values(words::outline_cell(lang), {{"{P}", share_text(w.outline_share)}}),
                               coverage_fill(outline)}});
        } else {
            t.rows.push_back({{label(cat, lang)},
                              {km_text(w.length_m, lang)},
                              {km_text(w.covered_m, lang)},
                              {share_text(w.covered_share), coverage_fill(w.covered_share.value_or(0))}});
        }
    }
    return t;
}

TableSpec status_table(const ReportData& d, Lang lang)
{
    TableSpec t;
    t.columns = {{str(words::status(lang)), 130, Align::left},
                 {str(words::count(lang)), 60, Align::right},
                 {str(words::share(lang)), 60, Align::right}};
    if (!d.issues) return t;
    const auto& i = *d.issues;
    for (const auto& s : all_statuses()) {
        const long long n = i.by_status[static_cast<std::size_t>(s.status)];
        t.rows.push_back({{label(s, lang)}, {whole(n)}, {share_of(n, i.total)}});
    }
    t.rows.push_back({{str(words::all_issues(lang)), std::nullopt, true}, {whole(i.total), std::nullopt, true}, {""}});
    return t;
}

void draw_note(cairo_t* cr, std::string_view text, double x, double y, double width)
{
    draw_text(cr, text, {.size_pt = 7.5, .colour = ink_muted, .wrap_width_pt = width}, x, y);
}

}  // namespace

void draw_headline(cairo_t* cr, const Area& area, const ReportData& d, Lang lang)
{
    draw_boxes(cr, area, d, lang);
    const double top = area.y + 2 * 64 + 8 + 18;
    const TextStyle heading{.size_pt = 11, .bold = true};

    const TableSpec walks = walk_table(d, lang);
    draw_text(cr, words::coverage_by_walk(lang), heading, area.x, top);
    double walks_width = 0;
    for (const auto& c : walks.columns) walks_width += c.width;
    if (walks.rows.empty()) {
        draw_text(cr, words::not_computed(lang), {.colour = ink_muted}, area.x, top + 22);
    } else {
        const double bottom = draw_table(cr, area.x, top + 20, walks.columns, walks.rows, walks.style);
        draw_note(cr, walks.note, area.x, bottom + 5, walks_width);
    }

    const double right_x = area.right() - 250;
    draw_text(cr, words::issues_by_status(lang), heading, right_x, top);
    const TableSpec statuses = status_table(d, lang);
    if (statuses.rows.empty()) {
        draw_text(cr, words::not_computed(lang), {.colour = ink_muted}, right_x, top + 22);
        return;
    }
    const double bottom = draw_table(cr, right_x, top + 20, statuses.columns, statuses.rows, statuses.style);
    std::string as_of = str(words::as_of(lang)) + " " + (d.as_of.empty() ? str(words::no_dates(lang)) : d.as_of);
    if (!d.as_of.empty()) as_of += " (" + str(words::last_record(lang)) + ")";
    draw_text(cr, as_of, {.size_pt = 8.5, .bold = true}, right_x, bottom + 6);
    draw_note(cr, words::note_issues(lang), right_x, bottom + 22, 250);
}

TableSpec matrix_table(const ReportData& d, Lang lang, double width)
{
    TableSpec t;
    t.coverage_legend = true;
    t.note = str(words::note_matrix(lang));
    t.style.row_height = 19;
    t.style.header_font_pt = lang == Lang::zh ? 8 : 6.8;
    const double village_w = 92, area_w = 58;
    const double cell_w = (width - village_w - area_w) / category_count;
    t.columns.push_back({str(words::village(lang)), village_w, Align::left});
    for (const auto& cat : all_categories()) t.columns.push_back({label(cat, lang), cell_w, Align::centre});
    t.columns.push_back({str(words::area_walked(lang)), area_w, Align::centre});

    std::array<WalkTotals, category_count> town{};
    double area = 0, walked_area = 0;
    auto row_of = [&](const std::string& name, const std::array<WalkTotals, category_count>& cells, double area_km2,
                      double walked_km2, bool bold) {
        TableRow row{{name, std::nullopt, bold}};
        for (const WalkTotals& w : cells) {
            if (w.empty())
                row.push_back({"–", fill_none, bold, ink_muted});
            else
                row.push_back({percent(w.ratio(), 0), coverage_fill(w.ratio()), bold});
        }
        row.push_back({area_km2 > 0 ? percent(walked_km2 / area_km2, 0) : "–", std::nullopt, bold});
        return row;
    };
    // The whole town's row is summary.json's by_walk (lines and sites outside every village included), not a sum
    // made here.
    if (d.coverage) town = d.coverage->by_walk;
    for (const auto& v : d.matrix) {
        area += v.area_km2;
        walked_area += v.walked_area_km2;
        t.rows.push_back(row_of(v.village, v.cells, v.area_km2, v.walked_area_km2, false));
    }
    if (!d.matrix.empty()) t.rows.push_back(row_of(str(words::whole_town(lang)), town, area, walked_area, true));
    t.empty_text = str(words::not_computed(lang));
    return t;
}

TableSpec dead_corner_table(const ReportData& d, Lang lang)
{
    TableSpec t;
    t.note = str(words::note_dead_corners(lang));
    t.columns = {{str(words::rank(lang)), 42, Align::right},      {str(words::village(lang)), 100, Align::left},
                 {str(words::walk(lang)), 250, Align::left},      {str(words::length_m(lang)), 75, Align::right},
                 {str(words::to_walk_m(lang)), 95, Align::right}, {str(words::longitude(lang)), 90, Align::right},
                 {str(words::latitude(lang)), 90, Align::right}};
    for (const auto& r : d.dead_corners)
        t.rows.push_back({{whole(r.rank)},
                          {r.village},
                          {r.category ? label(info(*r.category), lang) : r.category_code},
                          {fixed_text(r.length_m, 0)},
                          {r.distance_to_walk_m ? fixed_text(*r.distance_to_walk_m, 0) : "–"},
                          {fixed_text(r.lon, 6)},
                          {fixed_text(r.lat, 6)}});
    t.empty_text = d.coverage ? str(words::none_found(lang)) : str(words::not_computed(lang));
    return t;
}

TableSpec hotspot_table(const ReportData& d, Lang lang)
{
    TableSpec t;
    t.note = str(words::note_hotspots(lang));
    t.columns = {{str(words::rank(lang)), 40, Align::right},         {str(words::village(lang)), 95, Align::left},
                 {str(words::near(lang)), 140, Align::left},         {str(words::issues_count(lang)), 55, Align::right},
                 {str(words::per_km(lang)), 95, Align::right},       {str(words::zone_size(lang)), 95, Align::right},
                 {str(words::confidence(lang)), 70, Align::right},   {str(words::longitude(lang)), 80, Align::right},
                 {str(words::latitude(lang)), 80, Align::right}};
    for (const auto& r : d.hotspots) {
        const std::string size = whole(r.cells) + " " + str(words::cells_word(lang)) + ", " +
                                 rounded_for_people(r.area_m2 / 10000.0) + " ha";
        t.rows.push_back({{whole(r.rank)},
                          {r.village.empty() ? "–" : r.village},
                          {r.near.empty() ? "–" : r.near},
                          {whole(r.issues)},
                          {r.issues_per_km ? rounded_for_people(*r.issues_per_km) : "–"},
                          {size},
                          {whole(r.confidence) + "%"},
                          {fixed_text(r.lon, 5)},
                          {fixed_text(r.lat, 5)}});
    }
    t.empty_text = d.hotspot_zones ? str(words::none_found(lang)) : str(words::hotspots_skipped(lang));
    return t;
}

double table_footer_height(cairo_t* cr, const TableSpec& table, double width)
{
    double h = 8;
    if (!table.note.empty())
        h += measure_text(cr, table.note, {.size_pt = 7.5, .wrap_width_pt = width}).height + 6;
    if (table.coverage_legend) h += 20;
    return h;
}

void draw_table_part(cairo_t* cr, const Area& area, const TableSpec& table, std::size_t first, std::size_t last,
                     Lang lang)
{
    double table_width = 0;
    for (const auto& c : table.columns) table_width += c.width;
    double y = area.y;
    if (table.rows.empty()) {
        draw_text(cr, table.empty_text, {.size_pt = 10, .colour = ink_muted}, area.x, y);
        y += 22;
    } else {
        const std::vector<TableRow> part(table.rows.begin() + static_cast<std::ptrdiff_t>(first),
                                         table.rows.begin() + static_cast<std::ptrdiff_t>(last));
        y = draw_table(cr, area.x, y, table.columns, part, table.style) + 6;
    }
    if (table.coverage_legend) {
        const std::pair<Rgba, std::string> keys[] = {{fill_high, "≥ 80%"},
                                                     {fill_mid, "50–80%"},
                                                     {fill_low, "< 50%"},
                                                     {fill_none, "– " + str(words::no_route(lang))}};
        double x = area.x;
        for (const auto& [fill, text] : keys) {
            {
                CairoSaved saved(cr);
                set_colour(cr, fill);
                cairo_rectangle(cr, x, y + 1, 16, 10);
                cairo_fill(cr);
            }
            x += 20 + draw_text(cr, text, {.size_pt = 8}, x + 20, y).width + 16;
        }
        y += 20;
    }
    if (!table.note.empty()) draw_note(cr, table.note, area.x, y, std::max(table_width, area.width * 0.6));
}

}  // namespace geo::render::report

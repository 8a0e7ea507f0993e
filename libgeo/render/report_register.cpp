#include "libgeo/render/report_register.hpp"

#include "libgeo/core/categories.hpp"
#include "libgeo/core/number_text.hpp"
#include "libgeo/qgis/default_styles.hpp"
#include "libgeo/render/words_register.hpp"

#include <algorithm>

namespace geo::render::report {

namespace {

using Json = output::Json;

std::string str(std::string_view s) { return std::string(s); }

const Json* member(const Json& j, const char* key)
{
    if (!j.is_object()) return nullptr;
    const auto it = j.find(key);
    return it != j.end() && !it->is_null() ? &*it : nullptr;
}

const Json* list_of(const Json& j, const char* key)
{
    const Json* list = member(j, key);
    return list && list->is_array() ? list : nullptr;
}

long long count_of(const Json& j, const char* key)
{
    const Json* v = member(j, key);
    return v && v->is_number() ? v->get<long long>() : 0;
}

std::string count_text(const Json& j, const char* key)
{
    const Json* v = member(j, key);
    return v && v->is_number() ? whole(v->get<long long>()) : "–";
}

std::string text_of(const Json& j, const char* key)
{
    const Json* v = member(j, key);
    return v && v->is_string() ? v->get<std::string>() : std::string();
}

std::string status_text(const std::string& code, Lang lang)
{
    if (const auto s = parse_status(code)) return str(lang == Lang::zh ? info(*s).label_zh : info(*s).label_en);
    if (code == "withdrawn") return str(words::status_withdrawn(lang));
    return code;
}

Rgba status_fill(const std::string& code)
{
    if (const auto s = parse_status(code)) return qgis::issue_status_colour(*s);
    return {150, 150, 150, 255};
}

std::string days_text(const Json* median, const char* key, Lang lang)
{
    const Json* v = median ? member(*median, key) : nullptr;
    return v && v->is_number() ? fixed_text(v->get<double>(), 1) : str(words::none_yet(lang));
}

// A table of rows that each have a name, a total, counts by status and an overdue count (by village, by unit).
TableSpec status_table(const Json& list, const char* name_key, const Words& name_title, Lang lang,
                       const std::vector<std::string>& codes, std::size_t limit)
{
    TableSpec t;
    t.empty_text = str(words::none_found(lang));
    t.columns.push_back({str(name_title(lang)), 150, Align::left});
    t.columns.push_back({str(words::total(lang)), 50, Align::right});
    for (const auto& code : codes) t.columns.push_back({status_text(code, lang), 52, Align::right});
    t.columns.push_back({str(words::overdue(lang)), 60, Align::right});
    std::size_t n = 0;
    for (const Json& row : list) {
        if (n++ == limit) break;
        TableRow r{{text_of(row, name_key)}, {count_text(row, "total")}};
        const Json* by = member(row, "by_status");
        for (const auto& code : codes) r.emplace_back(by ? count_text(*by, code.c_str()) : "–");
        const long long overdue = count_of(row, "overdue");
        r.emplace_back(count_text(row, "overdue"), std::nullopt, overdue > 0, overdue > 0 ? ink_alert : ink);
        t.rows.push_back(std::move(r));
    }
    if (list.size() > limit)
        t.note = std::to_string(list.size() - limit) + " " + str(words::villages_left_out(lang));
    return t;
}

// Horizontal bars, one per village, stacked by status in the issues layer's colours, with a legend on top.
void draw_village_chart(cairo_t* cr, const Area& area, const Json& by_village, const std::vector<std::string>& codes,
                        Lang lang, std::size_t villages)
{
    draw_text(cr, words::register_chart(lang), {.size_pt = 10, .bold = true}, area.x, area.y);
    double x = area.x;
    const double legend_y = area.y + 16;
    for (const auto& code : codes) {
        {
            CairoSaved saved(cr);
            set_colour(cr, status_fill(code));
            cairo_rectangle(cr, x, legend_y + 1, 10, 8);
            cairo_fill(cr);
        }
        x += 14 + draw_text(cr, status_text(code, lang), {.size_pt = 7.5}, x + 14, legend_y).width + 10;
    }
    const std::size_t n = std::min(villages, by_village.size());
    if (n == 0) return;
    long long most = 1;
    for (std::size_t i = 0; i < n; ++i) most = std::max(most, count_of(by_village[i], "total"));
    const double label_w = 90, top = legend_y + 18;
    const double bar_room = area.width - label_w - 30;
    const double pitch = std::min(16.0, (area.bottom() - top) / static_cast<double>(n));
    for (std::size_t i = 0; i < n; ++i) {
        const Json& v = by_village[i];
        const double y = top + pitch * static_cast<double>(i);
        const TextStyle label{.size_pt = std::min(7.5, pitch * 0.6), .align = Align::right};
        draw_text(cr, text_of(v, "village"), label, area.x + label_w - 4, y);
        double bx = area.x + label_w;
        const Json* by = member(v, "by_status");
        for (const auto& code : codes) {
            const long long k = by ? count_of(*by, code.c_str()) : 0;
            if (k <= 0) continue;
            const double w = bar_room * static_cast<double>(k) / static_cast<double>(most);
            CairoSaved saved(cr);
            set_colour(cr, status_fill(code));
            cairo_rectangle(cr, bx, y, w, pitch * 0.75);
            cairo_fill(cr);
            bx += w;
        }
        draw_text(cr, count_text(v, "total"), {.size_pt = std::min(7.5, pitch * 0.6)}, bx + 3, y);
    }
}

}  // namespace

const Json* register_section(const Json& summary)
{
    const Json* r = member(summary, "register");
    return r && r->is_object() ? r : nullptr;
}

std::vector<std::string> register_status_codes(const Json& section)
{
    std::vector<std::string> codes;
    for (const auto& s : all_statuses()) codes.emplace_back(s.code);
    if (const Json* by = member(section, "by_status"); by && by->is_object())
        for (const auto& [code, n] : by->items())
            if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(code);
    return codes;
}

void draw_register_overview(cairo_t* cr, const Area& area, const Json& section, Lang lang, std::size_t villages)
{
    const std::vector<std::string> codes = register_status_codes(section);
    // Figure boxes across the top: what exists of them.
    std::vector<std::pair<std::string, std::string>> boxes{{str(words::issues_found(lang)), count_text(section, "total")}};
    if (member(section, "overdue")) boxes.emplace_back(str(words::overdue(lang)), count_text(section, "overdue"));
    if (const Json* median = member(section, "median_days")) {
        boxes.emplace_back(str(words::median_found_to_rectified(lang)), days_text(median, "found_to_rectified", lang));
        boxes.emplace_back(str(words::median_rectified_to_accepted(lang)), days_text(median, "rectified_to_accepted", lang));
    }
    if (const Json* lookback = member(section, "lookback")) {
        boxes.emplace_back(str(words::lookback_done(lang)) + " / " + str(words::lookback_due(lang)),
                           count_text(*lookback, "done") + " / " + count_text(*lookback, "due"));
    }
    const double gap = 8, box_h = 62;
    const double box_w = (area.width - gap * static_cast<double>(boxes.size() - 1)) / static_cast<double>(boxes.size());
    for (std::size_t i = 0; i < boxes.size(); ++i)
        draw_figure_box(cr, {area.x + (box_w + gap) * static_cast<double>(i), area.y, box_w, box_h}, boxes[i].first,
                        boxes[i].second, "", i == 1 && boxes[i].second != "0" ? ink_alert : ink);

    // Issues by status, each row in its status colour, the share of the total beside it.
    const double y = area.y + box_h + 14;
    draw_text(cr, words::register_by_status(lang), {.size_pt = 10, .bold = true}, area.x, y);
    const long long total = count_of(section, "total");
    const Json* by = member(section, "by_status");
    std::vector<Column> columns{{"", 16, Align::left},
                                {str(words::col_status(lang)), 110, Align::left},
                                {str(words::count(lang)), 60, Align::right},
                                {str(words::share(lang)), 60, Align::right}};
    std::vector<TableRow> rows;
    for (const auto& code : codes) {
        const long long n = by ? count_of(*by, code.c_str()) : 0;
        if (!parse_status(code) && n == 0) continue;
        rows.push_back({{"", status_fill(code)}, {status_text(code, lang)}, {whole(n)},
                        {total > 0 ? percent(static_cast<double>(n) / static_cast<double>(total)) : "–"}});
    }
    rows.push_back({{""}, {str(words::total(lang)), std::nullopt, true}, {whole(total), std::nullopt, true}, {""}});
    draw_table(cr, area.x, y + 18, columns, rows, TableStyle{});

    if (const Json* by_village = list_of(section, "by_village"))
        draw_village_chart(cr, {area.x + 290, y, area.width - 290, area.bottom() - y}, *by_village, codes, lang, villages);
}

std::vector<TitledTable> register_tables(const Json& section, Lang lang, std::size_t villages)
{
    const std::vector<std::string> codes = register_status_codes(section);
    std::vector<TitledTable> out;
    if (const Json* list = list_of(section, "by_village"))
        out.push_back({str(words::register_by_village(lang)), status_table(*list, "village", words::col_village, lang, codes, villages)});
    if (const Json* list = list_of(section, "by_unit"))
        out.push_back({str(words::register_by_unit(lang)), status_table(*list, "unit", words::unit, lang, codes, list->size())});
    if (const Json* list = list_of(section, "phases")) {
        TableSpec t;
        t.empty_text = str(words::none_found(lang));
        t.columns = {{str(words::phase(lang)), 160, Align::left},
                     {str(words::from_date(lang)), 90, Align::left},
                     {str(words::to_date(lang)), 90, Align::left},
                     {str(words::deadlines_in_phase(lang)), 110, Align::right},
                     {str(words::rectified_by_deadline(lang)), 110, Align::right},
                     {str(words::overdue(lang)), 80, Align::right}};
        for (const Json& p : *list)
            t.rows.push_back({{text_of(p, "name")}, {text_of(p, "from")}, {text_of(p, "to")},
                              {count_text(p, "deadlines_in_phase")}, {count_text(p, "rectified_by_deadline")},
                              {count_text(p, "overdue")}});
        out.push_back({str(words::register_phases(lang)), std::move(t)});
    }
    return out;
}

}  // namespace geo::render::report

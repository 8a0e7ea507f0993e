#include "libgeo/render/report_leaders.hpp"

#include "libgeo/core/categories.hpp"
#include "libgeo/core/number_text.hpp"
#include "libgeo/render/words_leaders.hpp"

#include <algorithm>
#include <utility>

namespace geo::render::report {

namespace {

using Json = output::Json;

std::string str(std::string_view s) { return std::string(s); }

// Figures as written by write_leaders.cpp; a missing or mistyped member reads as absent, never as zero.
const Json* member(const Json& j, const char* key)
{
    const auto it = j.find(key);
    return it != j.end() && !it->is_null() ? &*it : nullptr;
}

std::string count_text(const Json& row, const char* key)
{
    const Json* v = member(row, key);
    return v && v->is_number() ? whole(v->get<long long>()) : "–";
}

std::string km_text(const Json& row, const char* key)
{
    const Json* v = member(row, key);
    return v && v->is_number() ? fixed_text(v->get<double>(), 1) : "–";
}

std::string text_of(const Json& row, const char* key)
{
    const Json* v = member(row, key);
    return v && v->is_string() ? v->get<std::string>() : std::string();
}

const Json* list_of(const Json* section, const char* key)
{
    if (!section) return nullptr;
    const Json* list = member(*section, key);
    return list && list->is_array() ? list : nullptr;
}

std::string walk_label(const std::string& code, Lang lang)
{
    const auto category = parse_category(code);
    if (!category) return code;
    return str(lang == Lang::zh ? info(*category).label_zh : info(*category).label_en);
}

TableSpec base(const Words& note, Lang lang)
{
    TableSpec t;
    t.note = str(note(lang));
    t.empty_text = str(words::not_computed(lang));
    return t;
}

TableSpec walkers_table(const Json* section, Lang lang)
{
    TableSpec t = base(words::note_walkers, lang);
    t.columns = {{str(words::walker(lang)), 190, Align::left},
                 {str(words::track_pieces(lang)), 60, Align::right},
                 {str(words::km_walked(lang)), 80, Align::right},
                 {str(words::days_out(lang)), 70, Align::right},
                 {str(words::villages_visited(lang)), 80, Align::right},
                 {str(words::dead_corners_left(lang)), 100, Align::right},
                 {str(words::dead_corner_km(lang)), 90, Align::right}};
    if (const Json* list = list_of(section, "walkers")) {
        t.empty_text = str(words::none_found(lang));
        for (const Json& w : *list)
            t.rows.push_back({{text_of(w, "walker")},
                              {count_text(w, "track_pieces")},
                              {km_text(w, "walked_km")},
                              {count_text(w, "days_out")},
                              {count_text(w, "villages_visited")},
                              {count_text(w, "dead_corners")},
                              {km_text(w, "dead_corner_km")}});
    }
    return t;
}

TableSpec weeks_table(const Json* section, Lang lang)
{
    TableSpec t = base(words::note_weeks, lang);
    t.columns = {{str(words::week(lang)), 90, Align::left},
                 {str(words::week_from(lang)), 100, Align::left},
                 {str(words::km_walked(lang)), 100, Align::right},
                 {str(words::issues_found(lang)), 90, Align::right},
                 {str(words::rectified(lang)), 90, Align::right},
                 {str(words::accepted(lang)), 90, Align::right}};
    if (const Json* list = list_of(section, "weeks")) {
        t.empty_text = str(words::none_found(lang));
        for (const Json& w : *list) {
            const std::string week = text_of(w, "week");
            t.rows.push_back({{week.empty() ? str(words::no_date(lang)) : week},
                              {text_of(w, "monday")},
                              {km_text(w, "walked_km")},
                              {count_text(w, "found")},
                              {count_text(w, "rectified")},
                              {count_text(w, "accepted")}});
        }
    }
    return t;
}

// summary.json lists every village x walk x problem type; the page folds the problem types of one village and walk
// into one cell, most first, so a town's table fits a few pages.
TableSpec problems_table(const Json* section, Lang lang)
{
    TableSpec t = base(words::note_problems, lang);
    t.columns = {{str(words::village(lang)), 100, Align::left},   {str(words::walk(lang)), 190, Align::left},
                 {str(words::issues_count(lang)), 55, Align::right}, {str(words::open_issues(lang)), 55, Align::right},
                 {str(words::overdue(lang)), 55, Align::right},    {str(words::problem_types(lang)), 300, Align::left}};
    const Json* list = list_of(section, "problems");
    if (!list) return t;
    t.empty_text = str(words::none_found(lang));
    struct Group {
        std::string village, walk;
        long long issues = 0, open = 0, overdue = 0;
        std::vector<std::pair<long long, std::string>> types;
    };
    std::vector<Group> groups;
    auto number = [](const Json& row, const char* key) {
        const Json* v = member(row, key);
        return v && v->is_number() ? v->get<long long>() : 0LL;
    };
    for (const Json& p : *list) {
        const Json* village = member(p, "village");
        const std::string name = village && village->is_string() ? village->get<std::string>()
                                                                  : str(words::outside_villages(lang));
        const std::string walk = walk_label(text_of(p, "category"), lang);
        // write_leaders lists rows grouped by village and walk, so a group continues the one before it.
        if (groups.empty() || groups.back().village != name || groups.back().walk != walk)
            groups.push_back({name, walk, 0, 0, 0, {}});
        Group& g = groups.back();
        g.issues += number(p, "issues");
        g.open += number(p, "open");
        g.overdue += number(p, "overdue");
        const std::string problem = text_of(p, "problem");
        g.types.emplace_back(number(p, "issues"), problem.empty() ? "–" : problem);
    }
    constexpr std::size_t shown = 4;
    for (Group& g : groups) {
        std::stable_sort(g.types.begin(), g.types.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
        std::string types;
        for (std::size_t i = 0; i < std::min(shown, g.types.size()); ++i)
            types += (i ? ", " : "") + g.types[i].second + " " + whole(g.types[i].first);
        if (g.types.size() > shown)
            types += ", +" + whole(static_cast<long long>(g.types.size() - shown)) + " " + str(words::more(lang));
        t.rows.push_back({{g.village},
                          {g.walk},
                          {whole(g.issues)},
                          {whole(g.open)},
                          {whole(g.overdue), std::nullopt, false, g.overdue > 0 ? ink_alert : ink},
                          {types}});
    }
    return t;
}

TableSpec responsible_table(const Json* section, Lang lang)
{
    TableSpec t = base(words::note_responsible, lang);
    t.columns = {{str(words::responsible(lang)), 190, Align::left},  {str(words::issues_count(lang)), 80, Align::right},
                 {str(words::open_issues(lang)), 80, Align::right},  {str(words::overdue(lang)), 80, Align::right},
                 {str(words::most_days_overdue(lang)), 110, Align::right}};
    const Json* list = list_of(section, "overdue_by_responsible");
    if (!list) return t;
    t.empty_text = str(words::none_found(lang));
    for (const Json& r : *list) {
        const std::string name = text_of(r, "responsible");
        const Json* days = member(r, "most_days_overdue");
        const Json* overdue = member(r, "overdue");
        const bool late = overdue && overdue->is_number() && overdue->get<long long>() > 0;
        t.rows.push_back({{name == "(none)" ? str(words::nobody(lang)) : name},
                          {count_text(r, "issues")},
                          {count_text(r, "open")},
                          {count_text(r, "overdue"), std::nullopt, late, late ? ink_alert : ink},
                          {late && days && days->is_number() ? fixed_text(days->get<double>(), 0) : "–"}});
    }
    return t;
}

}  // namespace

std::vector<TitledTable> leader_tables(const Json& summary, Lang lang)
{
    const Json* section = member(summary, "leaders");
    if (section && !section->is_object()) section = nullptr;
    std::vector<TitledTable> out;
    out.push_back({str(words::report_walkers(lang)), walkers_table(section, lang)});
    out.push_back({str(words::report_weeks(lang)), weeks_table(section, lang)});
    out.push_back({str(words::report_problems(lang)), problems_table(section, lang)});
    out.push_back({str(words::report_responsible(lang)), responsible_table(section, lang)});
    return out;
}

}  // namespace geo::render::report

#include "libgeo/render/report_plan.hpp"

#include "libgeo/core/number_text.hpp"
#include "libgeo/export/contract.hpp"
#include "libgeo/render/words.hpp"

#include <ogrsf_frmts.h>

#include <algorithm>
#include <map>
#include <tuple>

namespace geo::render::report {

namespace {

using Json = output::Json;

constexpr Words team_days_title{"Next walks: team-days", "下一轮巡查：分组分天"};
constexpr Words team_title{"Team", "第"};
constexpr Words team_suffix{"", "组"};
constexpr Words turn_title{"turn instructions", "路线说明"};
constexpr Words note_plan{"Each team-day starts and ends at its depot; km in between is the walking from one piece to "
                          "the next. A day over the limit holds one piece too far to walk there and back within it.",
                          "每个分组每天从出发点出发并返回；“途中”为前往下一待巡查路段所走的路程。超出限额的一天只含一段路，往返即超出每日限额。"};
constexpr Words col_team{"Team", "组"};
constexpr Words col_day{"Day", "天"};
constexpr Words col_depot{"Depot", "出发点"};
constexpr Words col_km{"km", "公里"};
constexpr Words col_inspect{"Inspect km", "巡查公里"};
constexpr Words col_between{"Between km", "途中公里"};
constexpr Words col_hours{"Hours", "小时"};
constexpr Words col_over{"Over limit", "超限"};
constexpr Words col_step{"Step", "序号"};
constexpr Words col_instruction{"Instruction", "说明"};
constexpr Words col_from_start{"From start km", "累计公里"};
constexpr Words yes{"yes", "是"};
constexpr Words col_days{"Team-days", "天数"};
constexpr Words note_county{" Too many team-days to print one by one: one row per team here; every team-day is in the "
                            "routes layer, its turn instructions in route_stops and in gpx/.",
                            "分组分天过多，不逐天打印：此处每组一行；每天的路线见 routes 图层，路线说明见 route_stops 图层和 gpx/ 文件夹。"};

std::string str(std::string_view s) { return std::string(s); }

double number(const Json& j, const char* key) { return j.contains(key) && j[key].is_number() ? j[key].get<double>() : 0.0; }

// A county's thousands of team-days: one row per team (days, km, to inspect, in between, hours, days over the limit).
TableSpec team_totals(const Json& routes, Lang lang)
{
    struct Totals {
        long long days = 0, over = 0;
        double km = 0, inspect = 0, between = 0, hours = 0;
    };
    std::map<long long, Totals> by_team;
    for (const Json& r : routes) {
        auto& t = by_team[static_cast<long long>(number(r, "team"))];
        ++t.days;
        t.over += r.value("over_limit", false) ? 1 : 0;
        t.km += number(r, "total_m") / 1000.0;
        t.inspect += number(r, "required_m") / 1000.0;
        t.between += number(r, "deadhead_m") / 1000.0;
        t.hours += number(r, "hours");
    }
    TableSpec table;
    table.note = str(note_plan(lang)) + str(note_county(lang));
    table.columns = {{str(col_team(lang)), 45, Align::right},    {str(col_days(lang)), 70, Align::right},
                     {str(col_km(lang)), 80, Align::right},      {str(col_inspect(lang)), 80, Align::right},
                     {str(col_between(lang)), 80, Align::right}, {str(col_hours(lang)), 70, Align::right},
                     {str(col_over(lang)), 70, Align::right}};
    for (const auto& [team, t] : by_team)
        table.rows.push_back({{whole(team)}, {whole(t.days)}, {fixed_text(t.km, 1)}, {fixed_text(t.inspect, 1)},
                              {fixed_text(t.between, 1)}, {fixed_text(t.hours, 1)}, {whole(t.over)}});
    return table;
}

}  // namespace

std::vector<TitledTable> plan_tables(const MapSource& source, Lang lang, std::size_t max_team_days)
{
    std::vector<TitledTable> out;
    const Json& summary = source.summary();
    if (!summary.contains("plan") || !summary["plan"].contains("routes")) return out;
    if (summary["plan"]["routes"].size() > max_team_days) {
        out.push_back({str(team_days_title(lang)), team_totals(summary["plan"]["routes"], lang)});
        return out;
    }
    TableSpec days;
    days.note = str(note_plan(lang));
    days.columns = {{str(col_team(lang)), 45, Align::right},   {str(col_day(lang)), 45, Align::right},
                    {str(col_depot(lang)), 150, Align::left},  {str(col_km(lang)), 70, Align::right},
                    {str(col_inspect(lang)), 80, Align::right}, {str(col_between(lang)), 80, Align::right},
                    {str(col_hours(lang)), 60, Align::right},  {str(col_over(lang)), 70, Align::left}};
    for (const Json& r : summary["plan"]["routes"])
        days.rows.push_back({{whole(static_cast<long long>(number(r, "team")))},
                             {whole(static_cast<long long>(number(r, "day")))},
                             {r.value("depot", std::string{})},
                             {fixed_text(number(r, "total_m") / 1000.0, 1)},
                             {fixed_text(number(r, "required_m") / 1000.0, 1)},
                             {fixed_text(number(r, "deadhead_m") / 1000.0, 1)},
                             {fixed_text(number(r, "hours"), 1)},
                             {r.value("over_limit", false) ? str(yes(lang)) : ""}});
    days.empty_text = lang == Lang::zh ? "无待巡查路段" : "nothing left to walk";
    out.push_back({str(team_days_title(lang)), std::move(days)});

    // One table per team, its days in order, each day's stops in walking order.
    OGRLayer* stops = source.layer(output::layer::route_stops);
    if (!stops) return out;
    std::map<int, std::vector<std::tuple<int, int, double, std::string>>> by_team;  // day, sequence, km, text
    stops->ResetReading();
    const char* text_field = lang == Lang::zh ? "instruction_zh" : "instruction_en";
    for (OGRFeatureUniquePtr f(stops->GetNextFeature()); f; f.reset(stops->GetNextFeature()))
        by_team[f->GetFieldAsInteger("team")].emplace_back(f->GetFieldAsInteger("day"), f->GetFieldAsInteger("sequence"),
                                                           f->GetFieldAsDouble("from_start_m") / 1000.0,
                                                           f->GetFieldAsString(text_field));
    for (auto& [team, rows] : by_team) {
        std::sort(rows.begin(), rows.end());
        TableSpec t;
        t.columns = {{str(col_day(lang)), 45, Align::right}, {str(col_step(lang)), 45, Align::right},
                     {str(col_instruction(lang)), 430, Align::left}, {str(col_from_start(lang)), 90, Align::right}};
        for (const auto& [day, sequence, km, text] : rows)
            t.rows.push_back({{whole(day)}, {whole(sequence)}, {text}, {fixed_text(km, 1)}});
        const std::string title = lang == Lang::zh ? str(team_title(lang)) + std::to_string(team) + str(team_suffix(lang)) +
                                                         str(turn_title(lang))
                                                   : str(team_title(lang)) + " " + std::to_string(team) + " — " +
                                                         str(turn_title(lang));
        out.push_back({title, std::move(t)});
    }
    return out;
}

}  // namespace geo::render::report

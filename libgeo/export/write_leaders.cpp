#include "libgeo/export/write_leaders.hpp"

#include "libgeo/core/datetime.hpp"
#include "libgeo/leaders/issue_state.hpp"
#include "libgeo/leaders/issue_tables.hpp"
#include "libgeo/leaders/walkers.hpp"
#include "libgeo/leaders/weeks.hpp"

namespace geo::output {

namespace {

Json village_name(const Campaign& c, int village)
{
    return village >= 0 ? Json(c.villages.at(static_cast<std::size_t>(village)).name) : Json(nullptr);
}

Json walkers_of(const Campaign& c, const coverage::CoverageResult* coverage)
{
    Json list = Json::array();
    for (const auto& w : leaders::walker_figures(c, coverage)) {
        Json names = Json::array();
        for (int v : w.villages) names.push_back(village_name(c, v));
        list.push_back({{"walker", w.walker},
                        {"track_pieces", w.pieces},
                        {"walked_km", w.walked_m / 1000.0},
                        {"days_out", w.days_out},
                        {"villages_visited", w.villages.size()},
                        {"villages", names},
                        {"dead_corners", w.dead_corners ? Json(*w.dead_corners) : Json(nullptr)},
                        {"dead_corner_km", w.dead_corner_m ? Json(*w.dead_corner_m / 1000.0) : Json(nullptr)}});
    }
    return list;
}

Json weeks_of(const Campaign& c)
{
    Json list = Json::array();
    for (const auto& w : leaders::week_figures(c))
        list.push_back({{"week", w.week ? Json(leaders::week_label(*w.week)) : Json(nullptr)},
                        {"monday", w.week ? Json(w.monday) : Json(nullptr)},
                        {"walked_km", w.walked_m / 1000.0},
                        {"found", w.found},
                        {"rectified", w.rectified},
                        {"accepted", w.accepted}});
    return list;
}

}  // namespace

Json leaders_section(const Campaign& c, const coverage::CoverageResult* coverage)
{
    const std::optional<double> as_of = leaders::last_record(c);
    Json problems = Json::array();
    for (const auto& p : leaders::problems_by_village(c, as_of))
        problems.push_back({{"village", village_name(c, p.village)},
                            {"category", std::string(code(p.category))},
                            {"problem", p.problem},
                            {"issues", p.issues},
                            {"open", p.open},
                            {"overdue", p.overdue}});
    Json responsible = Json::array();
    for (const auto& r : leaders::overdue_by_responsible(c, as_of))
        responsible.push_back({{"responsible", r.responsible},
                               {"issues", r.issues},
                               {"open", r.open},
                               {"overdue", r.overdue},
                               {"most_days_overdue", r.most_days_overdue}});
    Json j;
    j["as_of"] = as_of ? Json(format_local_time(*as_of, c.utc_offset_minutes)) : Json(nullptr);
    j["walkers"] = walkers_of(c, coverage);
    j["weeks"] = weeks_of(c);
    j["problems"] = std::move(problems);
    j["overdue_by_responsible"] = std::move(responsible);
    return j;
}

}  // namespace geo::output

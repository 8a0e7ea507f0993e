#include "libgeo/register/replay.hpp"

#include "libgeo/register/merge.hpp"

#include <charconv>
#include <cmath>

namespace geo::reg {

namespace {

double number(const std::string& text)
{
    double v = std::nan("");
    std::from_chars(text.data(), text.data() + text.size(), v);
    return v;
}

}  // namespace

std::map<std::string, Record> replay(const std::vector<HistoryRow>& history, std::vector<std::string>& problems)
{
    std::map<std::string, Record> out;
    for (const HistoryRow& h : history) {
        const std::string where = "history row " + std::to_string(h.fid) + " (issue " + h.issue_id + ", " + h.field + ")";
        if (h.field == created_field) {
            if (out.count(h.issue_id)) problems.push_back(where + ": the issue is created a second time");
            out[h.issue_id] = from_created_json(h.issue_id, h.new_value);
            continue;
        }
        auto it = out.find(h.issue_id);
        if (it == out.end()) {
            problems.push_back(where + ": a change to an issue that was never created");
            continue;
        }
        const auto f = field_named(h.field);
        if (!f) {
            problems.push_back(where + ": no such field");
            continue;
        }
        if (it->second.get(*f) != h.old_value)
            problems.push_back(where + ": old value '" + h.old_value + "' but the history before it gives '" +
                               it->second.get(*f) + "'");
        it->second.set(*f, h.new_value);
    }
    return out;
}

CheckReport check(Store& store, double lookback_days, const VillageAt& village_at)
{
    CheckReport report;
    std::vector<std::string> duplicates;
    const auto stored = store.read_issues(&duplicates);
    for (const auto& id : duplicates) report.problems.push_back("issue " + id + " has more than one row in the issues table");
    const auto history = store.read_history();
    report.issues = static_cast<long long>(stored.size());
    report.history_rows = static_cast<long long>(history.size());
    report.conflicts = static_cast<long long>(store.read_conflicts().size());
    const auto replayed = replay(history, report.problems);

    crs::Transformer to_local("EPSG:4326", store.crs_wkt());
    for (const auto& [id, s] : stored) {
        const auto r = replayed.find(id);
        if (r == replayed.end()) {
            report.problems.push_back("issue " + id + " is in the issues table but its history never created it");
            continue;
        }
        for (Field f : all_fields())
            if (s.record.get(f) != r->second.get(f))
                report.problems.push_back("issue " + id + ": " + std::string(name(f)) + " is '" + s.record.get(f) +
                                          "' but its history gives '" + r->second.get(f) + "'");
        if (s.lookback_due != lookback_due(s.record, lookback_days))
            report.problems.push_back("issue " + id + ": lookback_due is '" + s.lookback_due + "', accepted_at + " +
                                      std::to_string(static_cast<int>(lookback_days)) + " days gives '" +
                                      lookback_due(s.record, lookback_days) + "'");
        const double lon = number(s.record.get(Field::lon)), lat = number(s.record.get(Field::lat));
        double x = lon, y = lat;
        if (!s.has_point || !std::isfinite(lon) || !std::isfinite(lat) || !to_local.transform(x, y) ||
            std::hypot(x - s.x, y - s.y) > 0.01)
            report.problems.push_back("issue " + id + ": its point is not at its lon/lat");
        if (village_at && std::isfinite(lon) && std::isfinite(lat)) {
            const std::string v = village_at(lon, lat);
            if (v.empty()) report.problems.push_back("issue " + id + " lies outside every village");
            else if (v != s.record.get(Field::village))
                report.problems.push_back(std::string("issue ").append(id).append(" lies in ").append(v).append(
                    ", the register says '").append(s.record.get(Field::village)).append("'"));
        }
    }
    for (const auto& [id, r] : replayed)
        if (!stored.count(id)) report.problems.push_back("issue " + id + " has a history but no row in the issues table");
    return report;
}

}  // namespace geo::reg

#include "libgeo/register/queries.hpp"

#include "libgeo/core/datetime.hpp"

namespace geo::reg {

std::optional<double> time_of(const Record& record, Field field, int utc_offset_minutes)
{
    const std::string& text = record.get(field);
    if (text.empty()) return std::nullopt;
    const auto t = parse_timestamp(text, utc_offset_minutes);
    return t ? std::optional<double>(t->seconds) : std::nullopt;
}

bool is_rectified(const Record& record)
{
    const Status s = record.status();
    if (s == Status::rebounded) return false;
    return s == Status::rectified || s == Status::accepted || !record.get(Field::rectified_at).empty();
}

bool is_overdue(const Record& record, double as_of, int utc_offset_minutes)
{
    if (record.status() == Status::withdrawn || is_rectified(record)) return false;
    const auto deadline = time_of(record, Field::deadline, utc_offset_minutes);
    return deadline && *deadline < as_of;
}

bool is_lookback_due(const StoredIssue& issue, double as_of, int utc_offset_minutes)
{
    // Dates compare as text in one form (YYYY-MM-DD).
    return issue.record.status() == Status::accepted && !issue.lookback_due.empty() &&
           issue.record.get(Field::lookback_at).empty() &&
           issue.lookback_due <= format_local_date(as_of, utc_offset_minutes);
}

std::vector<const StoredIssue*> select(const std::map<std::string, StoredIssue>& issues, const ListFilter& f,
                                       int utc_offset_minutes)
{
    std::vector<const StoredIssue*> out;
    for (const auto& [id, s] : issues) {
        if (!f.village.empty() && s.record.get(Field::village) != f.village) continue;
        if (f.status && s.record.status() != *f.status) continue;
        if (f.overdue && !is_overdue(s.record, f.as_of, utc_offset_minutes)) continue;
        if (f.due_lookback && !is_lookback_due(s, f.as_of, utc_offset_minutes)) continue;
        out.push_back(&s);
    }
    return out;
}

}  // namespace geo::reg

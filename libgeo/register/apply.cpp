#include "libgeo/register/apply.hpp"

namespace geo::reg {

ApplySummary apply_rows(Store& store, const std::vector<IncomingRow>& rows, const ApplyOptions& o, long long rejected)
{
    ApplySummary out;
    out.rows = static_cast<long long>(rows.size());
    // Everything below reads and writes under the writer lock: a second import waits here until this one commits.
    Store::Transaction transaction(store);
    std::optional<ImportRow> last;
    if (o.is_import) {
        last = store.last_import(o.source);
        if (last && last->hash == o.hash) {
            out.same_as_last_import = true;
            return out;  // rolled back: nothing was written
        }
    }
    MergeContext context{o.source, o.changed_by, o.changed_at, o.utc_offset_minutes, {}, {}};
    if (last) context.changed_since = store.changed_since(last->history_seen, o.source);
    if (o.is_import)
        for (const auto& c : store.read_conflicts()) context.known_conflicts.emplace(c.issue_id, c.field, c.file_value);
    const auto stored = store.read_issues();
    std::map<std::string, Record> current;
    for (const auto& [id, s] : stored) current.emplace(id, s.record);

    MergeResult merged = merge(current, rows, context);
    store.append_history(merged.history);
    for (const auto& [id, record] : merged.touched) {
        const auto s = stored.find(id);
        store.write_issue(record, s == stored.end() ? -1 : s->second.fid, o.lookback_days, o.changed_at);
    }
    store.add_conflicts(merged.conflicts);
    out.added = static_cast<long long>(merged.added.size());
    out.changed_issues = static_cast<long long>(merged.touched.size()) - out.added;
    out.changed_fields = static_cast<long long>(merged.history.size()) - out.added;
    out.unchanged = merged.unchanged;
    if (o.is_import) {
        ImportRow record{o.source, o.hash, o.changed_at, o.changed_by, out.rows + rejected, out.added, out.changed_issues,
                         static_cast<long long>(merged.conflicts.size()),
                         rejected + static_cast<long long>(merged.problems.size()), store.last_history_fid()};
        store.add_import(record);
    }
    transaction.commit();
    out.conflicts = std::move(merged.conflicts);
    out.problems = std::move(merged.problems);
    return out;
}

}  // namespace geo::reg

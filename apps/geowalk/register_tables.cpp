#include "register_tables.hpp"

#include "text_table.hpp"

#include "libgeo/core/categories.hpp"

#include <nlohmann/json.hpp>

namespace geowalk {

namespace {

using geo::reg::Field;

// "2017-03-01T00:00:00+08:00" shown as its date; other times as they are.
std::string day(const std::string& time) { return time.size() >= 10 ? time.substr(0, 10) : time; }

std::string category_label(const std::string& code)
{
    const auto c = geo::parse_category(code);
    return c ? std::string(geo::info(*c).label_zh) : code;
}

std::string status_label(const std::string& code)
{
    const auto s = geo::reg::parse_status(code);
    return s ? std::string(geo::reg::label_zh(*s)) + " " + std::string(geo::reg::code(*s)) : code;
}

}  // namespace

std::string issue_list_table(const std::vector<const geo::reg::StoredIssue*>& issues)
{
    TextTable table({"id", "village", "walk", "problem", "status", "unit / person", "deadline", "look-back"});
    for (const auto* s : issues) {
        const auto& r = s->record;
        std::string who = r.get(Field::unit);
        if (!r.get(Field::person).empty()) who += (who.empty() ? "" : " / ") + r.get(Field::person);
        table.add({r.id, r.get(Field::village), category_label(r.get(Field::category)), r.get(Field::problem),
                   status_label(r.get(Field::status)), who, day(r.get(Field::deadline)), s->lookback_due});
    }
    return table.render() + std::to_string(issues.size()) + " issues\n";
}

std::string history_table(const std::vector<geo::reg::HistoryRow>& rows)
{
    TextTable table({"changed at", "field", "old", "new", "by", "source", "note"});
    for (const auto& h : rows) {
        if (h.field == geo::reg::created_field) {
            // The first values, one line each, under one "created" line.
            table.add({h.changed_at, "created", "", "", h.changed_by, h.source, h.note});
            const auto j = nlohmann::json::parse(h.new_value, nullptr, false);
            if (j.is_object())
                for (const auto& [key, value] : j.items())
                    table.add({"", "  " + key, "", value.is_string() ? value.get<std::string>() : value.dump(), "", "", ""});
            continue;
        }
        table.add({h.changed_at, h.field, h.old_value, h.new_value, h.changed_by, h.source, h.note});
    }
    return table.render();
}

std::string import_report(const std::string& file, const geo::reg::ApplySummary& s,
                          const std::vector<geo::reg::RowProblem>& rejected)
{
    if (s.same_as_last_import) return file + ": the same bytes as its last import: nothing to do\n";
    std::string out = file + ": " + std::to_string(s.rows + static_cast<long long>(rejected.size())) + " rows, " +
                      std::to_string(s.added) + " new issues, " + std::to_string(s.changed_issues) + " changed (" +
                      std::to_string(s.changed_fields) + " fields), " + std::to_string(s.unchanged) + " unchanged, " +
                      std::to_string(s.conflicts.size()) + " conflicts kept for review, " +
                      std::to_string(rejected.size() + s.problems.size()) + " rows not applied\n";
    if (!rejected.empty() || !s.problems.empty()) {
        TextTable table({"row", "id", "not applied because"});
        for (const auto& p : rejected) table.add({p.row, p.issue_id, p.reason});
        for (const auto& p : s.problems) table.add({p.row, p.issue_id, p.reason});
        out += "\nRows not applied (fix them in " + file + " and import it again):\n" + table.render();
    }
    if (!s.conflicts.empty()) {
        TextTable table({"row", "id", "field", "register (changed since)", "file"});
        for (const auto& c : s.conflicts) table.add({c.row, c.issue_id, c.field, c.register_value, c.file_value});
        out += "\nConflicts (the register keeps its value; the file's is in the conflicts table for review):\n" +
               table.render();
    }
    return out;
}

}  // namespace geowalk

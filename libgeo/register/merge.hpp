#pragma once
// Merging rows into the register: what an import (or an update) changes, as history rows, without touching the
// store. Idempotent by issue id: a new id adds an issue; a field whose value differs becomes one history row; an
// empty cell says nothing (it never clears a field); a row that breaks a lifecycle rule is reported and not
// applied, the other rows are; a field the register changed since this file's last import, to a value other than
// the file's, is a conflict kept for review and never overwritten.
#include "libgeo/register/history.hpp"
#include "libgeo/register/record.hpp"

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace geo::reg {

struct IncomingRow {
    Record record;
    std::string row;              // where the user finds it: "line 7", "row 3"
    std::string deadline_reason;  // why the deadline moves, when it does
    std::string note;             // an update's --note, kept on its history rows
};

struct RowProblem {
    std::string row;
    std::string issue_id;
    std::string reason;
};

struct MergeContext {
    std::string source;      // the file's name, or "command"
    std::string changed_by;
    std::string changed_at;  // ISO 8601 with offset
    int utc_offset_minutes = 480;
    // (issue_id, field) changed in the register by others since the file's last import ("created" = every field).
    std::set<std::pair<std::string, std::string>> changed_since;
    // Conflicts already kept for review (issue_id, field, file_value): not recorded twice.
    std::set<std::tuple<std::string, std::string, std::string>> known_conflicts;
};

struct MergeResult {
    std::vector<HistoryRow> history;
    std::map<std::string, Record> touched;  // the new state of every issue added or changed
    std::set<std::string> added;
    std::vector<Conflict> conflicts;
    std::vector<RowProblem> problems;
    long long unchanged = 0;  // rows that changed nothing
};

MergeResult merge(const std::map<std::string, Record>& current, const std::vector<IncomingRow>& rows,
                  const MergeContext& context);

// The first values of a new issue as the created row's JSON, and back (replay).
std::string created_json(const Record& record);
Record from_created_json(const std::string& id, const std::string& json);

}  // namespace geo::reg

#pragma once
// The rows the register appends: one per changed field of an issue, and the conflicts an import kept for review.
#include <string>

namespace geo::reg {

// The field name of the row that records a new issue: new_value is a JSON object of its first values (one row
// instead of one per field keeps an import of 100,000 issues fast; replay reads it back field by field).
inline constexpr const char* created_field = "created";

struct HistoryRow {
    std::string issue_id;
    std::string field;      // a Field name, or created_field
    std::string old_value;  // empty for a field that had no value
    std::string new_value;
    std::string changed_at;  // ISO 8601 with the UTC offset: "2017-02-20T09:30:00+08:00"
    std::string changed_by;
    std::string source;  // the imported file's name, or "command"
    std::string note;    // why (the reason a deadline moved, an update's --note)
    long long fid = -1;  // as stored (read back), -1 before
};

struct Conflict {
    std::string issue_id;
    std::string field;
    std::string register_value;  // what the register holds (changed since the file's last import)
    std::string file_value;      // what the file says
    std::string file;
    std::string row;  // "line 7", "row 3"
    std::string detected_at;
};

}  // namespace geo::reg

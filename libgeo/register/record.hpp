#pragma once
// One issue of the rectification register (问题台账) as the register keeps it: every field as text, exactly as it is
// written into history (`old_value`, `new_value`), so that the current state is a replay of history and the two can
// be compared field by field (`geowalk register check`). Times are ISO 8601 with their UTC offset, positions WGS 84
// longitude/latitude with 7 decimals (about a centimetre), lists (photos, rebounds) separated by ';'.
#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace geo::reg {

// The fields of an issue, in the order of the issues table's columns. issue_id is the key, not a field.
enum class Field {
    village,          // by location, from the village polygons
    category,         // walk code (DESIGN.md, the ten walks)
    problem,          // problem type (生活垃圾, 建筑垃圾, …)
    description,
    photos,           // paths or URLs, ';' between them
    found_at,
    found_by,
    unit,             // responsible unit (责任单位)
    person,           // responsible person (责任人)
    deadline,
    status,           // Status code
    measures,         // measures taken (整改措施)
    rectified_at,
    accepted_at,
    acceptance_note,  // 验收意见
    rebound_of,       // the accepted issue this finding repeats (a rebound)
    rebounds,         // the later findings that repeat this issue, ';' between them
    lookback_at,      // when the look-back (回头看) was done
    lon,
    lat,
};
inline constexpr int field_count = 20;

// The column name of a field (also its name in history rows): "found_at", "lon".
std::string_view name(Field f);
std::optional<Field> field_named(std::string_view name);
const std::array<Field, field_count>& all_fields();

// The lifecycle (DESIGN.md): found → assigned → rectifying → rectified → accepted; an accepted issue found again
// becomes rebounded (and goes round again); withdrawn (撤销) ends an issue recorded in error.
enum class Status { found, assigned, rectifying, rectified, accepted, rebounded, withdrawn };
inline constexpr int status_count = 7;

std::string_view code(Status s);
std::string_view label_zh(Status s);
// The code, or the Chinese label (发现, 交办, 整改中, 已整改, 验收合格, 反弹, 撤销), trimmed.
std::optional<Status> parse_status(std::string_view text);
const std::array<Status, status_count>& all_statuses();

struct Record {
    std::string id;
    std::array<std::string, field_count> values{};

    [[nodiscard]] const std::string& get(Field f) const { return values[static_cast<std::size_t>(f)]; }
    void set(Field f, std::string v) { values[static_cast<std::size_t>(f)] = std::move(v); }
    // found when the status field is empty (a row that says nothing of it).
    [[nodiscard]] Status status() const;
};

// "100.4019051": a coordinate as the register writes it (fixed 7 decimals, locale independent).
std::string coordinate_text(double degrees);

}  // namespace geo::reg

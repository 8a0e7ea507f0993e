#include "libgeo/register/record.hpp"

#include "libgeo/core/categories.hpp"

#include <charconv>
#include <cmath>

namespace geo::reg {

namespace {

constexpr std::array<std::string_view, field_count> k_names{
    "village",  "category",     "problem",      "description", "photos",          "found_at",   "found_by",
    "unit",     "person",       "deadline",     "status",      "measures",        "rectified_at", "accepted_at",
    "acceptance_note", "rebound_of", "rebounds", "lookback_at", "lon", "lat"};

struct StatusName {
    Status status;
    std::string_view code, zh;
};
constexpr std::array<StatusName, status_count> k_statuses{{{Status::found, "found", "发现"},
                                                           {Status::assigned, "assigned", "交办"},
                                                           {Status::rectifying, "rectifying", "整改中"},
                                                           {Status::rectified, "rectified", "已整改"},
                                                           {Status::accepted, "accepted", "验收合格"},
                                                           {Status::rebounded, "rebounded", "反弹"},
                                                           {Status::withdrawn, "withdrawn", "撤销"}}};

}  // namespace

std::string_view name(Field f) { return k_names.at(static_cast<std::size_t>(f)); }

std::optional<Field> field_named(std::string_view text)
{
    for (int i = 0; i < field_count; ++i)
        if (k_names[static_cast<std::size_t>(i)] == text) return static_cast<Field>(i);
    return std::nullopt;
}

const std::array<Field, field_count>& all_fields()
{
    static const std::array<Field, field_count> fields = [] {
        std::array<Field, field_count> out{};
        for (int i = 0; i < field_count; ++i) out[static_cast<std::size_t>(i)] = static_cast<Field>(i);
        return out;
    }();
    return fields;
}

std::string_view code(Status s) { return k_statuses.at(static_cast<std::size_t>(s)).code; }
std::string_view label_zh(Status s) { return k_statuses.at(static_cast<std::size_t>(s)).zh; }

std::optional<Status> parse_status(std::string_view text)
{
    const std::string_view t = trim(text);
    for (const auto& s : k_statuses)
        if (t == s.code || t == s.zh) return s.status;
    // The labels of the core statuses (English ones, 已撤销) as spreadsheets also write them.
    if (t == "已撤销" || t == "Withdrawn") return Status::withdrawn;
    if (const auto core = geo::parse_status(t)) return static_cast<Status>(static_cast<int>(*core));
    return std::nullopt;
}

const std::array<Status, status_count>& all_statuses()
{
    static const std::array<Status, status_count> out{Status::found,    Status::assigned,  Status::rectifying,
                                                       Status::rectified, Status::accepted, Status::rebounded,
                                                       Status::withdrawn};
    return out;
}

Status Record::status() const
{
    const std::string& s = get(Field::status);
    if (s.empty()) return Status::found;
    return parse_status(s).value_or(Status::found);
}

std::string coordinate_text(double degrees)
{
    char buffer[32];
    const double rounded = std::round(degrees * 1e7) / 1e7;
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, rounded == 0.0 ? 0.0 : rounded,
                                   std::chars_format::fixed, 7);
    return ec == std::errc() ? std::string(buffer, end) : std::string();
}

}  // namespace geo::reg

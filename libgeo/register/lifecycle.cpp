#include "libgeo/register/lifecycle.hpp"

#include "libgeo/core/datetime.hpp"

namespace geo::reg {

namespace {

// Position on the forward path; rebounded and withdrawn are off it.
int rank(Status s)
{
    switch (s) {
    case Status::found: return 0;
    case Status::assigned: return 1;
    case Status::rectifying: return 2;
    case Status::rectified: return 3;
    case Status::accepted: return 4;
    default: return -1;
    }
}

std::optional<std::string> transition_problem(Status from, Status to)
{
    if (from == to) return std::nullopt;
    const std::string move = "status " + std::string(code(from)) + " → " + std::string(code(to));
    if (from == Status::withdrawn) return move + ": a withdrawn issue stays withdrawn";
    if (to == Status::withdrawn)
        return from == Status::accepted ? std::optional<std::string>(move + ": an accepted issue cannot be withdrawn")
                                        : std::nullopt;
    if (to == Status::rebounded)
        return from == Status::accepted ? std::nullopt
                                        : std::optional<std::string>(move + ": only an accepted issue can rebound");
    if (from == Status::rebounded) return std::nullopt;  // reopened: it goes round again
    if (from == Status::rectified && to == Status::rectifying) return std::nullopt;  // failed acceptance
    if (rank(to) < rank(from)) return move + ": the status cannot go back (only a rebound reopens an issue)";
    return std::nullopt;
}

std::optional<double> time_of(const Record& r, Field f, int offset)
{
    const std::string& text = r.get(f);
    if (text.empty()) return std::nullopt;
    const auto t = parse_timestamp(text, offset);
    return t ? std::optional<double>(t->seconds) : std::nullopt;
}

}  // namespace

std::optional<std::string> rule_broken(const Record* before, const Record& after, const std::string& deadline_reason,
                                       int utc_offset_minutes)
{
    const std::string& status_text = after.get(Field::status);
    if (!status_text.empty() && !parse_status(status_text))
        return "status '" + status_text + "' is not known (use found, assigned, rectifying, rectified, accepted, "
               "rebounded, withdrawn or 发现, 交办, 整改中, 已整改, 验收合格, 反弹, 撤销)";
    const Status to = after.status();
    if (before)
        if (auto why = transition_problem(before->status(), to)) return why;
    if (to == Status::accepted) {
        const bool was_rectified = before && (before->status() == Status::rectified || before->status() == Status::accepted);
        if (after.get(Field::rectified_at).empty() && !was_rectified)
            return "accepted before rectification: record the rectification (rectified_at, status rectified) first";
        const auto rectified = time_of(after, Field::rectified_at, utc_offset_minutes);
        const auto accepted = time_of(after, Field::accepted_at, utc_offset_minutes);
        if (rectified && accepted && *accepted < *rectified)
            return "accepted (" + after.get(Field::accepted_at) + ") before it was rectified (" +
                   after.get(Field::rectified_at) + ")";
    }
    if (before && !before->get(Field::deadline).empty() && before->get(Field::deadline) != after.get(Field::deadline) &&
        deadline_reason.empty())
        return "the deadline moves from " + before->get(Field::deadline) + " to " + after.get(Field::deadline) +
               " without a reason: give one (the 延期原因 column, or --reason)";
    return std::nullopt;
}

}  // namespace geo::reg

#pragma once
// The rules of an issue's life (issue 21): the statuses move forward (found → assigned → rectifying → rectified →
// accepted), with two ways back: a failed acceptance returns a rectified issue to rectifying, and a rebound reopens
// an accepted one. No acceptance before rectification; a deadline moves only with a reason; a withdrawn issue
// stays withdrawn, and an accepted one cannot be withdrawn.
#include "libgeo/register/record.hpp"

#include <optional>
#include <string>

namespace geo::reg {

// Why `after` may not follow `before` (nullopt: it may). `before` is null for a new issue. `deadline_reason` is
// the reason given for moving the deadline (an import's 延期原因 column, an update's --reason).
std::optional<std::string> rule_broken(const Record* before, const Record& after, const std::string& deadline_reason,
                                       int utc_offset_minutes);

}  // namespace geo::reg

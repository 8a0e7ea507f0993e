#pragma once
// Option values as people write them, into the typed values of an option table (core/options.hpp): one conversion
// for the campaign file and the command line, so a value means the same and is refused the same way in both.
#include "libgeo/core/options.hpp"

#include <string>
#include <string_view>

namespace geo::campaign {

// A value typed on the command line ("30", "hexagon", "highway,village_road", "2017-02-20"). Dates are read in
// the campaign's time zone. Throws geo::UsageError naming `--flag` with what is allowed.
options::Value value_from_text(const options::Spec& spec, std::string_view text, int utc_offset_minutes);

// The value as text for people (`geowalk validate`, the README): numbers shortest, lists comma-separated, dates
// in local time, "" for an unset value.
std::string value_text(const options::Spec& spec, const options::Value& value, int utc_offset_minutes);

}  // namespace geo::campaign

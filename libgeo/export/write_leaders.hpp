#pragma once
// The `leaders` section of summary.json: what a leader asks next (libgeo/leaders/). Per walker, per ISO week,
// problems by village x walk x problem type, and overdue issues by responsible person, with the instant "overdue"
// was judged at. Keys:
//   as_of                  the campaign's last record as local time with offset, or null (nothing is then overdue)
//   walkers                [{walker, track_pieces, walked_km, days_out, villages_visited, villages [names],
//                            dead_corners, dead_corner_km}]  (the last two null when coverage did not run)
//   weeks                  [{week "2017-W08" or null for the undated row, monday, walked_km, found, rectified,
//                            accepted}]
//   problems               [{village (null outside every village), category, problem, issues, open, overdue}]
//   overdue_by_responsible [{responsible ("(none)" when nobody is named), issues, open, overdue,
//                            most_days_overdue}]
#include "libgeo/coverage/coverage.hpp"
#include "libgeo/export/summary.hpp"

namespace geo::output {

// `coverage` may be null: a step that did not run coverage leaves the dead-corner figures null.
Json leaders_section(const Campaign& campaign, const coverage::CoverageResult* coverage);

}  // namespace geo::output

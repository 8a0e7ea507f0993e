#pragma once
// Rebounds (the "look back", 回头看): the same problem found again where it had been fixed and accepted.
//
// Issue i is a rebound when some earlier issue j
//   - has the same category and, when both record one, the same problem type (trimmed text): a rebound is the old
//     problem coming back; a different problem at the same spot (litter where a drain was fixed) is a new problem,
//     found and counted as such. Registers that leave the problem column empty can only be matched by category.
//   - has an acceptance time (accepted as rectified), and i was found at least min_days after it (strictly after it
//     when min_days is 0): the same problem entered twice the day it was accepted is a duplicate record, not a fix
//     that failed, and a look-back (回头看) is a visit some time after the acceptance,
//   - lies within radius_m of i (inclusive),
// with i != j. Each rebound issue gets one pair: the j accepted most recently before i was found (the fix that just
// failed); ties on acceptance time go to the nearer j, then the smaller index. Issues without a found time are never
// rebounds. Query: a packed Boost.Geometry rtree of accepted issues, then the exact distance and time tests.
#include "libgeo/core/campaign.hpp"

#include <vector>

namespace geo::hotspot {

struct ReboundOptions {
    double radius_m = 50;
    double min_days = 7;  // the shortest time from the acceptance to the finding again that counts
    void validate() const;
};

struct Rebound {
    int issue = -1;        // index into the issues vector: the issue found again
    int earlier = -1;      // index of the accepted issue it rebounds from
    double distance_m = 0;
    double days = 0;       // (found of issue - accepted of earlier) / 86400
};

// Sorted by issue index.
std::vector<Rebound> find_rebounds(const std::vector<Issue>& issues, const ReboundOptions& options = {});

// Whether two issues record the same problem in the sense above (same category; same problem type when both name one).
[[nodiscard]] bool same_problem(const Issue& a, const Issue& b);

}  // namespace geo::hotspot

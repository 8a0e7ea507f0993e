#pragma once
// Rebounds (the "look back", 回头看): a problem found again where one of the same category had been fixed and accepted.
//
// Issue i is a rebound when some earlier issue j
//   - has the same category,
//   - has an acceptance time (accepted as rectified), and i was found strictly after it,
//   - lies within radius_m of i (inclusive),
// with i != j. Each rebound issue gets one pair: the j accepted most recently before i was found (the fix that just
// failed); ties on acceptance time go to the nearer j, then the smaller index. Issues without a found time are never
// rebounds. Query: a packed Boost.Geometry rtree of accepted issues, then the exact distance and time tests.
#include "libgeo/core/campaign.hpp"

#include <vector>

namespace geo::hotspot {

struct ReboundOptions {
    double radius_m = 50;
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

}  // namespace geo::hotspot

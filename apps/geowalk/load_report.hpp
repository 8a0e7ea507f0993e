#pragma once
#include "libgeo/core/campaign.hpp"

#include <string>

namespace geowalk {

// What was read, loaded and rejected per source, why, and what track cleaning did: the `validate` report.
std::string load_report(const geo::Campaign& campaign);

// The first `limit` rejects rows, each naming the row as the user finds it ("issues.csv line 7: ..."), and how many
// more there are.
std::string rejects_listing(const geo::Campaign& campaign, std::size_t limit);

}  // namespace geowalk

#pragma once
#include "libgeo/core/campaign.hpp"

#include <string>

namespace geowalk {

// What was read, loaded and rejected per source, why, and what track cleaning did: the `validate` report.
std::string load_report(const geo::Campaign& campaign);

}  // namespace geowalk

#pragma once
#include "libgeo/hotspot/analysis.hpp"

#include <string>

namespace geowalk {

// What the hotspot step found, for the terminal: issues used, hot and cold cells (and how many cells nobody
// walked enough to judge), emerging patterns, rebounds by village, and why a part did not run.
std::string hotspot_report(const geo::Campaign& campaign, const geo::hotspot::HotspotResult& analysis);

}  // namespace geowalk

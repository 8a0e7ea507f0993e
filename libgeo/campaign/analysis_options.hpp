#pragma once
// Analysis options as the campaign file sets them; the CLI then applies its own flags on top.
#include "libgeo/coverage/coverage.hpp"
#include "libgeo/hotspot/analysis.hpp"
#include "libgeo/campaign/campaign_file.hpp"

namespace geo::campaign {

coverage::CoverageOptions coverage_options(const CampaignSpec& spec);

// [hotspots]; dates in `from` / `to` are read in the campaign's time zone. Throws geo::InputError naming the campaign
// file for a date that does not parse.
hotspot::AnalysisOptions hotspot_options(const CampaignSpec& spec);

}  // namespace geo::campaign

#pragma once
// Loads a whole campaign: every source the campaign file names, through GDAL/OGR, normalised to one local
// metric CRS, with every feature either loaded or reported in the diagnostics.
#include "libgeo/core/campaign.hpp"
#include "libgeo/campaign/campaign_file.hpp"

#include <gdal.h>

namespace geo::load {

// Track files are read on `threads` threads; the campaign does not depend on it. Throws geo::InputError when a
// source lost every feature or most of them for one reason (load/losses.hpp) and its block does not allow it.
Campaign load_campaign(const campaign::CampaignSpec& spec, GDALProgressFunc progress = nullptr, void* progress_data = nullptr,
                       int threads = 1);

// load_campaign without the check of losses, for `validate`, which reports and writes the rejects before it calls
// require_no_losses itself, and for tests of the rejects themselves.
Campaign load_inputs(const campaign::CampaignSpec& spec, GDALProgressFunc progress = nullptr, void* progress_data = nullptr,
                     int threads = 1);

}  // namespace geo::load

#pragma once
// Analysis options as the campaign file sets them; the CLI then applies its own flags on top.
#include "libgeo/coverage/coverage.hpp"
#include "libgeo/io/campaign_file.hpp"

namespace geo::io {

coverage::CoverageOptions coverage_options(const CampaignSpec& spec);

}  // namespace geo::io

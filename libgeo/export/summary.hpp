#pragma once
// summary.json: every headline number, machine-readable. Each analysis contributes one section.
#include "libgeo/core/campaign.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>

namespace geo::output {

using Json = nlohmann::ordered_json;

// campaign name, CRS, counts of what was loaded, and `inputs`: one entry per source with role, source, layer,
// read, loaded, rejected and reasons; plus the track cleaning totals.
Json campaign_section(const Campaign& campaign);
Json inputs_section(const Campaign& campaign);
Json tracks_cleaning_section(const Campaign& campaign);

void write_json(const std::filesystem::path& file, const Json& json);

}  // namespace geo::output

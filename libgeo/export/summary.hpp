#pragma once
// summary.json: every headline number, machine-readable. Each analysis contributes one section.
#include "libgeo/core/campaign.hpp"

#include "libgeo/core/options.hpp"

#include <nlohmann/json.hpp>

#include <span>
#include <vector>

#include <filesystem>

namespace geo::output {

using Json = nlohmann::ordered_json;

// campaign name, CRS, counts of what was loaded, and `inputs`: one entry per source with role, source, layer,
// read, loaded, rejected and reasons; plus the track cleaning totals.
Json campaign_section(const Campaign& campaign);
Json inputs_section(const Campaign& campaign);
Json tracks_cleaning_section(const Campaign& campaign);
// One analysis's options as run, every option of its table (core/options.hpp) by its campaign file key (command-line
// only options by their flag): numbers, true/false, names, lists, {walk: metres}, dates as local dates, null unset.
Json options_section(std::span<const options::Spec> specs, const std::vector<options::Value>& values,
                     int utc_offset_minutes);

void write_json(const std::filesystem::path& file, const Json& json);

}  // namespace geo::output

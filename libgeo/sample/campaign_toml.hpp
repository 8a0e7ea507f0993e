#pragma once
// The campaign file of the sample town: which of its files plays which role.
#include <filesystem>
#include <string>

namespace geo::sample {

// The text of campaign.toml; paths are relative to it and hold for every scale.
std::string campaign_toml();

// Writes campaign.toml into dir; throws OutputError when it cannot.
void write_campaign_toml(const std::filesystem::path& dir);

}  // namespace geo::sample

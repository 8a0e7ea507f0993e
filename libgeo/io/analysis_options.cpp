#include "libgeo/io/analysis_options.hpp"

#include <charconv>

namespace geo::io {

namespace {

// analysis_settings holds numbers the campaign parser has already range-checked, as text.
void read_number(const CampaignSpec& spec, const std::string& key, double& target)
{
    auto it = spec.analysis_settings.find(key);
    if (it == spec.analysis_settings.end()) return;
    double value = 0;
    const auto& text = it->second;
    if (std::from_chars(text.data(), text.data() + text.size(), value).ec == std::errc{}) target = value;
}

}  // namespace

coverage::CoverageOptions coverage_options(const CampaignSpec& spec)
{
    coverage::CoverageOptions o;
    o.default_site_sight_m = spec.sight_m;
    for (const auto& [code_text, sight] : spec.sight_by_category)
        if (auto c = parse_category(code_text)) o.site_sight_m[*c] = sight;
    read_number(spec, "coverage.village_m", o.village_m);
    read_number(spec, "coverage.blind_m", o.blind_m);
    read_number(spec, "coverage.reach_m", o.reach_m);
    read_number(spec, "coverage.min_dead_corner_m", o.min_dead_corner_m);
    read_number(spec, "coverage.pixel_m", o.pixel_m);
    return o;
}

}  // namespace geo::io

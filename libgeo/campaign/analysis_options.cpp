#include "libgeo/campaign/analysis_options.hpp"

#include "libgeo/core/datetime.hpp"
#include "libgeo/core/error.hpp"

#include <charconv>
#include <sstream>

namespace geo::campaign {

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

std::optional<std::string> text(const CampaignSpec& spec, const std::string& key)
{
    auto it = spec.analysis_settings.find(key);
    if (it == spec.analysis_settings.end()) return std::nullopt;
    return it->second;
}

std::vector<std::string> list(const CampaignSpec& spec, const std::string& key)
{
    std::vector<std::string> out;
    if (auto t = text(spec, key)) {
        std::istringstream in(*t);
        for (std::string line; std::getline(in, line);) out.push_back(line);
    }
    return out;
}

std::optional<double> date(const CampaignSpec& spec, const std::string& key, int utc_offset_minutes)
{
    const auto t = text(spec, key);
    if (!t) return std::nullopt;
    const auto stamp = parse_timestamp(*t, utc_offset_minutes);
    if (!stamp)
        throw InputError("[hotspots] " + key.substr(key.find('.') + 1) + " = '" + *t + "' is not a date",
                         in_file(spec.file.string()), "write dates as 2017-02-20 (or 2017/2/20, 20170220, 2017年2月20日)");
    return stamp->seconds;
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
    if (auto m = text(spec, "coverage.walk_distance")) o.walk_distance = raster::parse_distance_measure(*m);
    return o;
}

hotspot::AnalysisOptions hotspot_options(const CampaignSpec& spec)
{
    hotspot::AnalysisOptions o;
    const int offset = parse_utc_offset(spec.timezone).value_or(480);
    for (const auto& c : list(spec, "hotspots.categories")) o.filter.categories.insert(*parse_category(c));
    for (const auto& s : list(spec, "hotspots.statuses")) o.filter.statuses.insert(*parse_status(s));
    for (const auto& p : list(spec, "hotspots.problems")) o.filter.problems.insert(std::string(trim(p)));
    o.filter.from = date(spec, "hotspots.from", offset);
    o.filter.to = date(spec, "hotspots.to", offset);

    read_number(spec, "hotspots.radius_m", o.kde.radius_m);
    read_number(spec, "hotspots.pixel_m", o.kde.pixel_m);
    if (auto k = text(spec, "hotspots.kernel")) o.kde.kernel = raster::parse_kernel(*k);
    if (auto k = text(spec, "hotspots.kde_output")) o.kde.output = raster::parse_kde_output(*k);
    o.kde.per_km2 = text(spec, "hotspots.per_km2") == "true";
    if (auto e = text(spec, "hotspots.extent"))
        o.extent = *e == "villages" ? hotspot::DensityExtent::villages : hotspot::DensityExtent::points;
    o.weight_field = text(spec, "hotspots.weight_field").value_or("");
    o.radius_field = text(spec, "hotspots.radius_field").value_or("");

    if (auto c = text(spec, "hotspots.cell"))
        o.cells.binning.shape = *c == "hexagon" ? hotspot::CellShape::hexagon : hotspot::CellShape::square;
    read_number(spec, "hotspots.cell_m", o.cells.binning.cell_size_m);
    read_number(spec, "hotspots.band_m", o.cells.gi.band_m);
    double permutations = o.cells.gi.permutations, seed = static_cast<double>(o.cells.gi.seed);
    read_number(spec, "hotspots.permutations", permutations);
    read_number(spec, "hotspots.seed", seed);
    o.cells.gi.permutations = static_cast<int>(permutations);
    o.cells.gi.seed = static_cast<std::uint64_t>(seed);
    if (auto f = text(spec, "hotspots.fdr")) o.cells.gi.fdr = o.emerging.fdr = *f == "true";
    read_number(spec, "hotspots.fdr_alpha", o.cells.gi.fdr_alpha);
    o.emerging.fdr_alpha = o.cells.gi.fdr_alpha;

    double slice_days = o.emerging.slice_s / 86400.0, steps = o.emerging.neighbourhood_slices;
    read_number(spec, "hotspots.slice_days", slice_days);
    read_number(spec, "hotspots.time_steps", steps);
    o.emerging.slice_s = slice_days * 86400.0;
    o.emerging.neighbourhood_slices = static_cast<int>(steps);
    read_number(spec, "hotspots.min_walk_m", o.min_walk_m);
    o.gi_rate = text(spec, "hotspots.gi_rate") == "true";
    read_number(spec, "hotspots.rebound_m", o.rebounds.radius_m);
    return o;
}

}  // namespace geo::campaign

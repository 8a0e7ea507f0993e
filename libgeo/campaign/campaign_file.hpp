#pragma once
// The campaign file (TOML): which inputs play which role. Parsing checks every key and value and throws
// geo::InputError naming the file, line and column and how to fix it; paths are made absolute here.
#include "libgeo/campaign/register_options.hpp"
#include "libgeo/core/categories.hpp"
#include "libgeo/coverage/options.hpp"
#include "libgeo/hotspot/options.hpp"
#include "libgeo/normalise/track_cleaning.hpp"
#include "libgeo/route/options.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace geo::campaign {

struct SourceSpec {
    std::vector<std::string> paths;  // as written (globs allowed for tracks)
    std::string layer;
    std::string where;               // OGR SQL attribute filter
    std::string crs;                 // declared CRS when the file has none ("EPSG:4326")
    std::string coords = "wgs84";    // wgs84 | gcj02 | bd09 for phone exports
    bool allow_rejects = false;      // losing every feature, or most for one reason, is not fatal
    int line = 0;                    // where the block starts, for messages
};

struct VillagesSpec : SourceSpec {
    std::string name_field;  // empty: the first of name, NAME, Name, 名称, 村名, 村庄名称 that exists
};

struct NetworkSpec : SourceSpec {
    Category category = Category::village_road;
    std::optional<double> sight_m;
};

struct SitesSpec : SourceSpec {
    Category category = Category::school_clinic;
    std::string name_field;  // empty: found by common names as for villages
};

struct TracksSpec : SourceSpec {
    std::string name_field;       // track name (GPX: name); default: the file name
    std::string walker_field;     // who walked it
    std::string time_field;       // for point layers: fix time (GPX: time)
    std::string accuracy_field;   // for point layers: accuracy in metres, or hdop for GPX
    std::string track_field;      // for point layers: which fixes form one track
    double max_accuracy_m = 30.0;
    double max_speed_mps = 4.0;
    double max_gap_min = 10.0;
    // Driving is judged over windows of at least this time and this distance between their ends (driving.hpp).
    double speed_window_s = normalise::CleaningOptions{}.speed_window_s;
    double speed_window_m = normalise::CleaningOptions{}.speed_window_m;
};

struct IssuesSpec : SourceSpec {
    std::map<std::string, std::string> fields;  // role (id, category, ...) -> column name
};

struct CampaignSpec {
    std::filesystem::path file;
    std::filesystem::path base_dir;
    std::string name;
    std::string crs = "auto";
    std::string timezone = "+08:00";
    bool fix_swapped = false;
    // Language of maps, report and QGIS names: "zh" or "en"; empty: Chinese when most village names are (the
    // presentation decides, render::default_lang). A --lang on the command line overrides it.
    std::string lang;
    std::optional<VillagesSpec> villages;
    std::vector<NetworkSpec> network;
    std::vector<NetworkSpec> access;  // [[access]], same keys as [[network]]: walkable, never required
    std::vector<SitesSpec> sites;
    std::vector<TracksSpec> tracks;
    std::optional<IssuesSpec> issues;
    coverage::CoverageOptions coverage;  // [coverage], through coverage_option_table()
    hotspot::HotspotOptions hotspots;    // [hotspots], through hotspot_option_table()
    // [plan], through plan_option_table(); `geowalk run` plans the next walks when the section is there.
    std::optional<route::PlanOptions> plan;
    RegisterOptions register_options;  // [register], through register_option_table()
    std::vector<Phase> phases;         // [[phase]] blocks, in the order written

    // The campaign's time zone as minutes east of UTC (timezone is checked when read).
    [[nodiscard]] int utc_offset_minutes() const;
};

// The issue field roles the campaign file may map (keys of [issues.fields]).
const std::vector<std::string>& issue_field_roles();

CampaignSpec read_campaign_file(const std::filesystem::path& file);
CampaignSpec parse_campaign_text(const std::string& text, const std::filesystem::path& file);

}  // namespace geo::campaign

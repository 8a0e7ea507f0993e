#pragma once
// Data problems are not exceptions: every feature that is rejected, repaired or changed on load is reported here
// with its source, feature and reason, and the CLI writes them to the `rejects` layer. Nothing is lost silently.
#include "libgeo/core/attributes.hpp"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace geo {

// Stable reason codes (they appear in files and summary.json).
namespace reason {
inline constexpr std::string_view no_geometry = "no_geometry";
inline constexpr std::string_view wrong_geometry_type = "wrong_geometry_type";
inline constexpr std::string_view invalid_geometry = "invalid_geometry";
inline constexpr std::string_view degenerate_geometry = "degenerate_geometry";
inline constexpr std::string_view out_of_range = "coordinates_out_of_range";
inline constexpr std::string_view null_island = "point_at_0_0";
inline constexpr std::string_view swapped_lat_lon = "lat_lon_swapped";
inline constexpr std::string_view outside_villages = "outside_villages";
inline constexpr std::string_view bad_date = "unparseable_date";
inline constexpr std::string_view duplicate_id = "duplicate_id";
inline constexpr std::string_view unknown_category = "unknown_category";
inline constexpr std::string_view unknown_status = "unknown_status";
inline constexpr std::string_view too_few_fixes = "too_few_fixes";
inline constexpr std::string_view transform_failed = "transform_failed";
inline constexpr std::string_view no_times = "track_without_times";
inline constexpr std::string_view duplicate_village_name = "duplicate_village_name";  // noted: both villages kept
}  // namespace reason

enum class Action {
    rejected,  // not loaded
    repaired,  // loaded after a fix (MakeValid, swapped coordinates fixed on request)
    noted,     // loaded as is; worth knowing (track without times)
};
std::string_view to_string(Action action);

struct Problem {
    int source = -1;          // index into Campaign::sources
    long long feature = -1;   // OGR feature id (or track number), -1 for the whole source
    std::string reason;       // one of geo::reason
    std::string detail;       // a sentence a planner understands
    Action action = Action::rejected;
    Attributes attributes;    // the feature's original attributes
    std::string wkt;          // the original geometry in the source CRS, empty when there was none
    std::string row;          // where the user finds it: "line 7" (CSV), "row 3" (spreadsheet), "feature 12"
    std::string local_wkt;    // the geometry in the campaign's CRS where it could be placed, else empty
};

// Per-source bookkeeping: read = loaded + rejected always holds.
struct SourceSummary {
    std::string role;    // villages, network, sites, tracks, issues
    std::string source;  // the path as written in the campaign file (or the matched file of a glob)
    std::string layer;
    long long read = 0;
    long long loaded = 0;
    long long rejected = 0;
    std::map<std::string, long long> reasons;  // reason -> count (rejected, repaired and noted)
    int block = -1;              // which block of the campaign file named it (files of one glob share it)
    bool allow_rejects = false;  // the block says allow_rejects = true: losing most features is not fatal
};

class Diagnostics {
public:
    int add_source(SourceSummary summary);
    void report(Problem problem);
    void count_read(int source, long long n = 1) { m_sources.at(static_cast<std::size_t>(source)).read += n; }
    void count_loaded(int source, long long n = 1) { m_sources.at(static_cast<std::size_t>(source)).loaded += n; }

    [[nodiscard]] const std::vector<SourceSummary>& sources() const { return m_sources; }
    [[nodiscard]] const std::vector<Problem>& problems() const { return m_problems; }

private:
    std::vector<SourceSummary> m_sources;
    std::vector<Problem> m_problems;
};

}  // namespace geo

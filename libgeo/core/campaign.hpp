#pragma once
// The campaign in memory after loading and normalising: every geometry in metres in one local CRS.
// Analyses take a const Campaign& and never read files.
#include "libgeo/core/attributes.hpp"
#include "libgeo/core/categories.hpp"
#include "libgeo/core/diagnostics.hpp"
#include "libgeo/core/geometry.hpp"

#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace geo {

inline constexpr double no_time = std::numeric_limits<double>::quiet_NaN();

struct Origin {
    int source = -1;         // index into Campaign::diagnostics.sources()
    long long feature = -1;  // OGR feature id in that source
};

struct LocalCrs {
    std::string id;    // "EPSG:32647"
    std::string name;  // "WGS 84 / UTM zone 47N"
    std::string wkt;   // WKT2 for writers
    int epsg = 0;
};

struct Village {
    int id = 0;
    std::string name;
    MultiPolygon area;
    Attributes attributes;
    Origin origin;
};

struct NetworkLine {
    int id = 0;
    Category category = Category::village_road;
    std::optional<double> block_sight_m;  // its [[network]] block's sight_m (coverage::effective_sight resolves S)
    LineString line;
    Attributes attributes;
    Origin origin;
};

struct Site {
    int id = 0;
    Category category = Category::school_clinic;
    std::string name;
    std::optional<Point> point;  // set for point sites
    MultiPolygon area;           // set for area sites
    Attributes attributes;
    Origin origin;
};

struct Fix {
    Point position;
    double time = no_time;        // seconds since 1970 UTC
    double accuracy_m = no_time;  // horizontal accuracy estimate when the source gave one
};

// What cleaning did to one input track (counted per track in the validation report).
struct TrackCleaning {
    long long fixes_read = 0;
    long long bad_position = 0;  // no position, (0, 0) or coordinates out of range
    long long duplicates = 0;    // same place and time as the fix before
    long long inaccurate = 0;    // reported accuracy worse than the limit
    long long untimed = 0;       // fixes without a time in a track whose other fixes have one
    long long out_of_order = 0;  // time not after the fix before, or a lone jump ahead of the fixes after it
    long long spikes = 0;        // single fixes far off the path (implied speed above the limit in and out)
    long long too_fast = 0;      // fixes inside a stretch moved faster than walking (driven)
    long long isolated = 0;      // fixes left alone between gaps, too few to form a piece
    long long gaps = 0;          // splits at time gaps
    long long fixes_kept = 0;
    long long pieces = 0;
    bool has_times = true;
};

struct TrackReport {
    int source = -1;
    long long feature = -1;
    std::string name;
    TrackCleaning cleaning;
};

// One continuous piece of walking (an input track split at time gaps).
struct Track {
    int id = 0;
    std::string name;    // track name from the file, or the file name
    std::string walker;  // who walked it, when the source says
    int part = 0;        // piece number after gap splitting
    std::vector<Fix> fixes;
    bool has_times = true;
    Attributes attributes;
    Origin origin;
};

struct Issue {
    int id = 0;
    std::string code;  // the issue's own id from the register
    Category category = Category::village_road;
    std::string problem;
    Status status = Status::found;
    std::string responsible;
    std::optional<double> found, deadline, rectified, accepted;  // seconds since 1970 UTC
    Point position;
    int village = -1;  // index into Campaign::villages
    Attributes attributes;
    Origin origin;
};

struct Campaign {
    std::string name;
    LocalCrs crs;
    int utc_offset_minutes = 480;
    std::vector<Village> villages;
    std::vector<NetworkLine> network;
    std::vector<NetworkLine> access;  // [[access]]: paths the plan may walk along but never needs walked
    std::vector<Site> sites;
    std::vector<Track> tracks;
    std::vector<TrackReport> track_reports;  // one per input track, loaded or not
    std::vector<Issue> issues;
    Diagnostics diagnostics;
};

}  // namespace geo

#pragma once
// Simulated walk tracks of one tile: walkers follow the network on foot and their phones log a fix every 10 s (by
// default), with the flaws real logs have (noise, pauses, spikes, duplicated fixes, poor-accuracy fixes, a log
// without times).
#include "libgeo/sample/clock.hpp"
#include "libgeo/sample/walk_graph.hpp"

#include <optional>
#include <string>
#include <vector>

namespace geo::sample {

struct Fix {
    Point position;              // local metres, noise included
    std::optional<Seconds> time; // absent in the one log exported without times
    double hdop = 1.0;
};

struct Track {
    std::string name;       // "张伟 2017-02-21 #1"
    std::string walker;
    std::string file_stem;  // "2017-02-21_张伟_1", unique within the campaign
    bool gcj02 = false;     // exported from a Chinese map app: coordinates shifted to GCJ-02
    double walked_m = 0.0;  // the path followed on the network, before noise
    std::vector<Fix> fixes;
};

struct TrackOptions {
    int count = 40;
    // Appended to file stems so the tracks of several tiles can share one folder ("" for a single tile).
    std::string file_suffix;
    int fix_interval_s = 10;  // seconds between logged fixes
};

std::vector<Track> generate_tracks(const Town& town, const WalkGraph& graph, std::uint64_t seed,
                                   const TrackOptions& options);

}  // namespace geo::sample

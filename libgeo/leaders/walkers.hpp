#pragma once
// Per walker: km walked, days out, villages visited, and the dead corners left in those villages.
//
// Definitions (also in the README):
//  - The walker is Track::walker (the source's walker_field). GPX files have no such field: phone apps, and the
//    sample town, name each day's track "<who> <date> #<n>" instead, so without a walker the track's name stands
//    in, less its date words (2017-02-20, 2017/2/20, 20170220) and piece number (#1); a name that is nothing but
//    those stays whole. "(unnamed)" when neither is known. All pieces of one walker's tracks count together.
//  - km walked: the length of the cleaned tracks (sum of the straight segments between kept fixes, in the local
//    metric CRS; gaps between pieces are not walked).
//  - Days out: distinct local dates (campaign UTC offset) on which the walker has a kept fix with a time.
//  - Villages visited: villages whose land one of the walker's tracks enters (touches or crosses the village area).
//  - Dead corners left: the dead corners of the coverage analysis (coverage/dead_corners.hpp) lying in the
//    villages the walker visited, counted and summed in length. They say what was left where this walker was, not
//    who should have walked them: a dead corner in a village two walkers visited counts for both.
#include "libgeo/core/campaign.hpp"
#include "libgeo/coverage/coverage.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace geo::leaders {

inline constexpr std::string_view unnamed_walker = "(unnamed)";

struct WalkerFigures {
    std::string walker;
    int pieces = 0;  // track pieces after cleaning
    double walked_m = 0;
    int days_out = 0;
    std::vector<int> villages;  // indices into Campaign::villages, ascending
    // Set when coverage ran.
    std::optional<long long> dead_corners;
    std::optional<double> dead_corner_m;
};

// Who walked a track, as defined above.
std::string walker_of(const Track& track);
// A track name less its date words and piece number, space separated ("黄勇 2017-02-20 #1" -> "黄勇").
std::string walker_from_name(std::string_view name);
// The track's cleaned length in metres.
double walked_length(const Track& track);

// One row per walker, most km walked first (then by name). `coverage` may be null (dead corners then stay unset).
std::vector<WalkerFigures> walker_figures(const Campaign& campaign, const coverage::CoverageResult* coverage);

}  // namespace geo::leaders

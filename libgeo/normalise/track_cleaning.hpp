#pragma once
// Turns the raw fixes of one recorded track into continuous pieces of walking: drops duplicates, inaccurate fixes,
// spikes and driven stretches (judged over a window, see driving.hpp), and splits at time gaps. Pure: metres in,
// pieces, counts and lengths out.
#include "libgeo/core/campaign.hpp"

#include <vector>

namespace geo::normalise {

struct CleaningOptions {
    double max_accuracy_m = 30.0;
    double max_speed_mps = 4.0;
    double max_gap_s = 600.0;
    double speed_window_s = 10.0;  // driving is judged over windows of at least this time...
    double speed_window_m = 25.0;  // ...and this distance between their ends (driving.hpp)
};

// GPX gives HDOP, not metres; a user-equivalent range error of 5 m per unit of HDOP is the usual rule of thumb
// for consumer receivers, so HDOP 6 is treated as 30 m.
inline constexpr double metres_per_hdop = 5.0;

// Lengths in metres of the line through the fixes given (reading order). read = kept + driven + across_gaps +
// dropped_fixes: kept lies in the pieces; driven and across_gaps are the steps cut out at driven stretches and time
// gaps; dropped_fixes is how much shorter the line became when duplicates, inaccurate, untimed, out-of-order and
// spike fixes were taken out (never negative: taking a fix out of a line never lengthens it).
struct TrackLengths {
    double read_m = 0;
    double kept_m = 0;
    double driven_m = 0;
    double across_gaps_m = 0;
    double dropped_fixes_m = 0;
};

struct CleanedTrack {
    std::vector<std::vector<Fix>> pieces;  // each with at least two fixes
    TrackCleaning counts;
    TrackLengths lengths;
};

CleanedTrack clean_track(const std::vector<Fix>& fixes, const CleaningOptions& options);

}  // namespace geo::normalise

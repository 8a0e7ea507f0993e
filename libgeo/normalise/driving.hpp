#pragma once
// Which steps of a timed track were driven rather than walked. Phones at 1 Hz jump 5–10 m from one fix to the next
// now and then; judged fix to fix, such a jump is "faster than walking" and cut a walk into pieces. Speed is
// therefore judged over a window of time and distance around each step, and only sustained speed counts.
#include "libgeo/core/campaign.hpp"

#include <cstddef>
#include <vector>

namespace geo::normalise {

struct DrivingRule {
    double max_speed_mps = 4.0;
    double window_s = 10.0;    // a window spans at least this long...
    double window_m = 25.0;    // ...and its two ends lie at least this far apart
    double max_gap_s = 600.0;  // a step longer than this is a time gap: never driven, and no window reaches over it
    double max_window_s = 600.0;  // a window stops growing at this span even if its ends are still close (standing)
};

// The speed over the window around the step fixes[step] -> fixes[step + 1]: the window starts as the step and grows
// one fix at a time, on the side whose end lies nearer in time to the step (backwards on a tie), until it spans at
// least window_s seconds AND its ends lie at least window_m metres apart, or it spans max_window_s, or neither side
// can grow (the track's end or a time gap). The speed is the straight distance between its ends over its duration:
// a fix that jumps off and back, or jumps and stays, moves the ends by the jump only, not by the jump per second.
// Times must increase strictly (track cleaning drops fixes out of time order before this).
double window_speed(const std::vector<Fix>& fixes, std::size_t step, const DrivingRule& rule);

// One flag per step (fixes[i] -> fixes[i + 1]), 1 where the step lies in a driven stretch: a run of steps whose
// window speed exceeds max_speed_mps, trimmed at both ends to its first and last step that is itself faster than
// max_speed_mps (the window of a walking step just before a drive already reaches into the drive; trimming keeps
// that walking, while a slow step inside a drive, a car at a crossing, stays driven).
std::vector<char> driven_steps(const std::vector<Fix>& fixes, const DrivingRule& rule);

}  // namespace geo::normalise

#include "libgeo/normalise/driving.hpp"

#include <cmath>
#include <limits>

namespace geo::normalise {

namespace {

double distance(const Fix& a, const Fix& b)
{
    return std::hypot(b.position.x() - a.position.x(), b.position.y() - a.position.y());
}

double step_speed(const Fix& a, const Fix& b)
{
    const double dt = b.time - a.time;
    return dt > 0 ? distance(a, b) / dt : std::numeric_limits<double>::infinity();
}

bool is_gap(const std::vector<Fix>& fixes, std::size_t step, const DrivingRule& rule)
{
    return fixes[step + 1].time - fixes[step].time > rule.max_gap_s;
}

}  // namespace

double window_speed(const std::vector<Fix>& fixes, std::size_t step, const DrivingRule& rule)
{
    std::size_t a = step;
    std::size_t b = step + 1;
    for (;;) {
        const double span = fixes[b].time - fixes[a].time;
        if ((span >= rule.window_s && distance(fixes[a], fixes[b]) >= rule.window_m) || span >= rule.max_window_s) break;
        const bool can_back = a > 0 && !is_gap(fixes, a - 1, rule);
        const bool can_forward = b + 1 < fixes.size() && !is_gap(fixes, b, rule);
        if (!can_back && !can_forward) break;
        // Grow on the side that keeps the window centred on the step in time (fixes are not always evenly spaced).
        const bool back = can_back && (!can_forward || fixes[step].time - fixes[a].time <= fixes[b].time - fixes[step + 1].time);
        if (back) --a;
        else ++b;
    }
    return step_speed(fixes[a], fixes[b]);
}

std::vector<char> driven_steps(const std::vector<Fix>& fixes, const DrivingRule& rule)
{
    const std::size_t steps = fixes.size() < 2 ? 0 : fixes.size() - 1;
    std::vector<char> driven(steps, 0);
    for (std::size_t i = 0; i < steps; ++i)
        driven[i] = !is_gap(fixes, i, rule) && window_speed(fixes, i, rule) > rule.max_speed_mps ? 1 : 0;
    const auto fast = [&](std::size_t i) { return step_speed(fixes[i], fixes[i + 1]) > rule.max_speed_mps; };
    for (std::size_t first = 0; first < steps;) {
        if (!driven[first]) {
            ++first;
            continue;
        }
        std::size_t end = first;  // one past the run
        while (end < steps && driven[end]) ++end;
        std::size_t lo = first;
        std::size_t hi = end;
        while (lo < hi && !fast(lo)) driven[lo++] = 0;
        while (hi > lo && !fast(hi - 1)) driven[--hi] = 0;
        first = end;
    }
    return driven;
}

}  // namespace geo::normalise

#include "libgeo/normalise/track_cleaning.hpp"

#include "libgeo/normalise/driving.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace geo::normalise {

namespace {

double distance(const Fix& a, const Fix& b)
{
    return std::hypot(b.position.x() - a.position.x(), b.position.y() - a.position.y());
}

double speed(const Fix& a, const Fix& b)
{
    const double dt = b.time - a.time;
    return dt > 0 ? distance(a, b) / dt : std::numeric_limits<double>::infinity();
}

double line_length(const std::vector<Fix>& fixes)
{
    double length = 0;
    for (std::size_t i = 1; i < fixes.size(); ++i) length += distance(fixes[i - 1], fixes[i]);
    return length;
}

bool same_fix(const Fix& a, const Fix& b)
{
    const bool same_time = (std::isnan(a.time) && std::isnan(b.time)) || a.time == b.time;
    return same_time && std::abs(a.position.x() - b.position.x()) < 1e-3 &&
           std::abs(a.position.y() - b.position.y()) < 1e-3;
}

// A fix whose time lies ahead of the next timed fix, while that next one follows on from the fixes kept so far,
// is a clock glitch: dropping it keeps the rest of the track (comparing with the last kept fix alone would
// reject everything after one fix dated years ahead).
bool jumps_ahead(const std::vector<Fix>& fixes, std::size_t i, const std::vector<Fix>& kept)
{
    for (std::size_t j = i + 1; j < fixes.size(); ++j) {
        if (std::isnan(fixes[j].time)) continue;
        return fixes[i].time > fixes[j].time && (kept.empty() || fixes[j].time > kept.back().time);
    }
    return false;
}

// Inaccurate fixes, fixes without a time (in a timed track), duplicates, and fixes out of time order.
std::vector<Fix> drop_bad_fixes(const std::vector<Fix>& fixes, const CleaningOptions& options, bool timed,
                                TrackCleaning& counts)
{
    std::vector<Fix> out;
    out.reserve(fixes.size());
    for (std::size_t i = 0; i < fixes.size(); ++i) {
        const Fix& f = fixes[i];
        if (!std::isnan(f.accuracy_m) && f.accuracy_m > options.max_accuracy_m) {
            ++counts.inaccurate;
        } else if (timed && std::isnan(f.time)) {
            ++counts.untimed;
        } else if (!out.empty() && same_fix(out.back(), f)) {
            ++counts.duplicates;
        } else if (timed && ((!out.empty() && !(f.time > out.back().time)) || jumps_ahead(fixes, i, out))) {
            ++counts.out_of_order;
        } else {
            out.push_back(f);
        }
    }
    return out;
}

// A spike is one fix that is too far from both neighbours while the neighbours agree with each other.
std::vector<Fix> drop_spikes(const std::vector<Fix>& fixes, double max_speed, TrackCleaning& counts)
{
    std::vector<Fix> out;
    out.reserve(fixes.size());
    for (std::size_t i = 0; i < fixes.size(); ++i) {
        if (!out.empty() && i + 1 < fixes.size()) {
            const Fix& prev = out.back();
            if (speed(prev, fixes[i]) > max_speed && speed(fixes[i], fixes[i + 1]) > max_speed &&
                speed(prev, fixes[i + 1]) <= max_speed) {
                ++counts.spikes;
                continue;
            }
        }
        out.push_back(fixes[i]);
    }
    return out;
}

// Times are usable when most fixes have one and they mostly move forward: receivers with a broken clock write
// the same (or a 1901) time on every fix, and such a track is better treated as one without times than emptied.
// A few fixes without a time in an otherwise timed track are dropped instead (counted as untimed).
bool times_usable(const std::vector<Fix>& fixes)
{
    std::vector<double> times;
    for (const Fix& f : fixes)
        if (!std::isnan(f.time)) times.push_back(f.time);
    if (times.empty() || 2 * times.size() < fixes.size()) return false;
    std::size_t forward = 0;
    for (std::size_t i = 1; i < times.size(); ++i) forward += times[i] > times[i - 1] ? 1 : 0;
    return times.size() < 2 || 2 * forward >= times.size() - 1;
}

}  // namespace

CleanedTrack clean_track(const std::vector<Fix>& fixes, const CleaningOptions& options)
{
    CleanedTrack result;
    TrackCleaning& counts = result.counts;
    counts.fixes_read = static_cast<long long>(fixes.size());
    result.lengths.read_m = line_length(fixes);
    const bool timed = times_usable(fixes);
    counts.has_times = timed;

    std::vector<Fix> kept = drop_bad_fixes(fixes, options, timed, counts);
    if (timed) kept = drop_spikes(kept, options.max_speed_mps, counts);
    result.lengths.dropped_fixes_m = std::max(0.0, result.lengths.read_m - line_length(kept));

    // Split where walking stops being plausible: a time gap, or a driven stretch (sustained speed over a window,
    // so that a one-second GPS jump does not count as driving).
    const DrivingRule rule{options.max_speed_mps, options.speed_window_s, options.speed_window_m, options.max_gap_s,
                           std::max(options.max_gap_s, options.speed_window_s)};
    const std::vector<char> driven = timed ? driven_steps(kept, rule) : std::vector<char>(kept.size(), 0);
    std::vector<Fix> piece;
    auto close_piece = [&] {
        if (piece.size() >= 2) {
            counts.fixes_kept += static_cast<long long>(piece.size());
            result.lengths.kept_m += line_length(piece);
            result.pieces.push_back(std::move(piece));
        } else {
            counts.isolated += static_cast<long long>(piece.size());
        }
        piece.clear();
    };
    for (std::size_t i = 0; i < kept.size(); ++i) {
        bool driven_in = false;
        if (timed && i > 0) {
            const double step = distance(kept[i - 1], kept[i]);
            if (kept[i].time - kept[i - 1].time > options.max_gap_s) {
                ++counts.gaps;
                result.lengths.across_gaps_m += step;
                close_piece();
            } else if (driven[i - 1]) {
                driven_in = true;
                result.lengths.driven_m += step;
                close_piece();
            }
        }
        // A fix reached and left by driven steps lies inside a driven stretch; the fixes at its two ends still
        // belong to the walks before and after it.
        if (driven_in && i + 1 < kept.size() && driven[i]) {
            ++counts.too_fast;
            continue;
        }
        piece.push_back(kept[i]);
    }
    close_piece();
    counts.pieces = static_cast<long long>(result.pieces.size());
    return result;
}

}  // namespace geo::normalise

#pragma once
// Linear referencing of coverage: which stretches of a line lie within sight of a walked track, exactly,
// as intervals of distance along the line, and who walked each stretch when.
#include "libgeo/coverage/track_index.hpp"

#include <vector>

namespace geo::coverage {

struct LinePiece {
    double from = 0;  // metres along the line
    double to = 0;
    bool covered = false;
    std::vector<int> passes;  // distinct recorded tracks that came within sight, sorted
    double first = no_time;   // earliest and latest time a pass was within sight (NaN when the tracks had no times)
    double last = no_time;
    [[nodiscard]] double length() const { return to - from; }
};

// Splits the line into consecutive pieces covering [0, length]: covered ones (within `sight` of a track) and
// uncovered ones, merging neighbours walked by the same passes. Zero-length segments are skipped.
std::vector<LinePiece> cover_line(const LineString& line, double sight, const TrackIndex& tracks);

double covered_length(const std::vector<LinePiece>& pieces);

// The part of `line` between two distances along it.
LineString substring(const LineString& line, double from, double to);

}  // namespace geo::coverage

#pragma once
// The exact piece of a segment that lies within distance s of another segment.
//
// The points within s of segment CD form a capsule (CD swept by a disc of radius s), which is convex, so its
// intersection with segment AB is one interval of AB's parameter. It is the union of AB's intersections with the
// two end discs and the rectangle between them — each found in closed form, no sampling, no polygonised buffer.
#include "libgeo/core/geometry.hpp"

#include <optional>

namespace geo::coverage {

struct Interval {
    double from = 0;  // parameter along AB, 0 at A, 1 at B
    double to = 0;
};

// The parameters t in [0, 1] for which A + t(B - A) is within s of segment CD (s > 0), or nullopt.
// A degenerate AB (A == B) yields nullopt; a degenerate CD is treated as the point C.
std::optional<Interval> within_distance(const Point& a, const Point& b, const Point& c, const Point& d, double s);

}  // namespace geo::coverage

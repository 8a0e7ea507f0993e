#pragma once
// Small geometries the tests build by hand.
#include "libgeo/core/geometry.hpp"

namespace geo::test {

// The axis-aligned rectangle [x0, x1] × [y0, y1] as a one-polygon MultiPolygon, closed, clockwise (Boost.Geometry's
// default orientation, as the loader leaves village outlines).
inline MultiPolygon rectangle(double x0, double y0, double x1, double y1)
{
    MultiPolygon mp;
    mp.resize(1);
    mp[0].outer() = {Point(x0, y0), Point(x0, y1), Point(x1, y1), Point(x1, y0), Point(x0, y0)};
    return mp;
}

}  // namespace geo::test

#pragma once
// The exact distance from every pixel centre to the nearest of a set of segments (DistanceMeasure::to_segments),
// by culling candidates block by block rather than by propagating nearest seeds.
//
// For a square block whose pixel centres lie within h of its centre c, and u the distance from c to any one segment
// (the nearest one known), every pixel centre p of the block has d(p) <= d(c) + h <= u + h; the segment nearest to
// p lies within d(p) of p, so within u + 2h of c. Keeping only the segments within u + 2h of c therefore keeps every
// pixel's nearest one. Far from the walks that ring holds long stretches of track, so a second test drops the
// segments that are farther than a point of the nearest one from every pixel of the block (may_be_nearest in the
// .cpp). Blocks of 128 x 128 pixels take their candidates from an R-tree of all segments; each block passes its
// list on to its four quarters, which keep the part that passes both tests for them, down to blocks of 8 x 8
// pixels, where each pixel takes the minimum over the few segments left. Every value is the exact distance (as exact as the floating-point
// formula of segment_distance2, which gives 0 for a centre on a segment), parts of lines outside the grid included.
// The minimum does not depend on the order of the candidates, so the result is bit-identical for any thread count.
#include "libgeo/raster/grid.hpp"
#include "libgeo/raster/seeds.hpp"

#include <cstdint>
#include <functional>
#include <vector>

namespace geo::raster::detail {

// out: grid.cells() values; the pixels whose centre is inside `mask` (rasterise_area; all when it is null) receive
// the distance in metres, the others are left as they are. segments must not be empty. report(done) runs on the caller's thread;
// when it returns false the work stops and the function returns false.
bool exact_segment_distances(const Grid& grid, const std::vector<Segment>& segments, const MultiPolygon* mask,
                             std::vector<float>& out, int threads, const std::function<bool(double)>& report);

}  // namespace geo::raster::detail

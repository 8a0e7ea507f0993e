#pragma once
// From each pixel's nearest seed to its nearest segment (DistanceMeasure::to_segments).
//
// Step 1. Every pixel takes the nearest of: the segments through its nearest seed and their neighbours along the
//    same line; the segments through any seed among its 8 neighbours; and, when it is nearer to the grid's edge
//    than to all of these, the nearest segment leaving the grid (an rtree query), so parts outside the grid count
//    exactly. This is exact whenever the nearest point lies in the pixel's 3 x 3 block, and never more than one
//    pixel diagonal too high elsewhere (distance_transform.hpp says why). Left at that, it is wrong by tenths of a
//    pixel on a few per cent of pixels where two lines are almost equally far (crossing walks, a walk out and back
//    along one road), because the nearest seed centre then belongs to the farther line.
// Step 2. Until nothing changes, every pixel next to a changed one tries its 8 neighbours' segments. This works
//    because a pixel's nearest point q is also the nearest point of every point between the pixel and q (else the
//    pixel would have a nearer one): the right segment spreads outward from the line along the pixels towards q.
//    Rounds read only the previous round, so the result does not depend on threads or order; values only ever
//    decrease and stay distances to real segments, so the bound of step 1 still holds.
#include "libgeo/raster/grid.hpp"
#include "libgeo/raster/seeds.hpp"

#include <cstdint>
#include <functional>
#include <vector>

namespace geo::raster::detail {

// nearest: in, the nearest seed of each pixel (all -1 when no seed lies in the grid); out, the nearest segment of
// each pixel, an index into seeds.segments. report(done) is called on the caller's thread; when it returns false
// the work stops and the function returns false (nearest is then unspecified).
bool nearest_segments(const Grid& grid, const SeedTable& seeds, std::vector<std::int32_t>& nearest, int threads,
                      const std::function<bool(double)>& report);

}  // namespace geo::raster::detail

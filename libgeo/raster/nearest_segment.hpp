#pragma once
// From each pixel's nearest seed to its nearest segment (DistanceMeasure::to_segments).
//
// 1. Every pixel takes the nearest of the segments through its nearest seed; a pixel nearer to the grid's edge than
//    to that segment also asks an rtree of the segments leaving the grid, so parts outside the grid count exactly.
//    This alone is within one pixel diagonal of the truth (distance_transform.hpp says why), but it is wrong by up
//    to that much wherever two lines are nearly equally far and the nearer seed centre belongs to the farther line
//    (e.g. a walk out and back along one road): a few per cent of pixels on such scenes.
// 2. Then, until nothing changes, every pixel whose neighbour changed tries its 8 neighbours' segments (Jacobi
//    sweeps: each round reads the previous round only, so the result is independent of threads and order). This
//    converges because a pixel's nearest point q is also the nearest point of every point between the pixel and q
//    (otherwise the pixel would have a nearer one), so the right segment spreads outward from the line along the
//    pixels towards q. Values only ever decrease and stay distances to real segments.
#include "libgeo/raster/grid.hpp"
#include "libgeo/raster/seeds.hpp"

#include <cstdint>
#include <functional>
#include <vector>

namespace geo::raster::detail {

// nearest: in, the nearest seed of each pixel (all -1 when no seed lies in the grid); out, the nearest segment of
// each pixel, an index into seeds.segments. report(done) is called on the caller's thread; when it returns false
// the work stops and the function returns false.
bool nearest_segments(const Grid& grid, const SeedTable& seeds, std::vector<std::int32_t>& nearest, int threads,
                      const std::function<bool(double)>& report);

}  // namespace geo::raster::detail

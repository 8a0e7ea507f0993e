#pragma once
// How far every pixel centre is from the nearest walked line: `walk_distance.tif` of the blind-spot analysis.
//
// Method. The pixels the lines pass through are the seeds (rasterise.hpp says exactly which). An exact Euclidean
// distance transform to the seed pixel centres (Felzenszwalb & Huttenlocher 2012: the 1-D lower envelope of
// parabolas down every column, then along every row, O(pixels)) finds each pixel's nearest seed. Then:
//
//  - DistanceMeasure::to_segments (the default, what walk_distance.tif holds): the exact distance from the pixel
//    centre to a segment found from the nearest seed and then improved among neighbouring pixels until no pixel
//    improves (nearest_segment.hpp); parts of lines outside the grid count in full. Planners compare this value
//    with the buffer distances S, W and B, hence exact geometry rather than pixel centres.
//    Accuracy: a value is always the distance to a real segment, so never below the true distance d; it equals d
//    whenever the nearest point lies in the pixel's 3 x 3 block (so always within 1.5 pixels of a line, and a
//    centre exactly on a segment gets exactly 0); elsewhere it is proved at most one pixel diagonal above d
//    (pixel * sqrt 2: the nearest point lies in a seed pixel whose centre is within half a diagonal h of it, so the
//    nearest seed centre is at most d + h away, and a segment through that seed comes within h of its centre).
//    Measured against brute force: the largest excess was 0.0008 pixel on the test scenes (crossing walks with
//    out-and-back companions, tests/raster/test_distance_transform.cpp), 0.037 pixel over 300 denser such scenes
//    (3 M pixels, 0.007 % of them off by more than 1e-4 pixel), 0.046 pixel on a 1,500 x 1,500 grid with 20,000
//    segments of GPS-like walks (203 pixels off by more than 1e-4 pixel).
//  - DistanceMeasure::to_seed_centres: the distance to the nearest seed pixel's centre, the quantity gdal_proximity
//    computes from the same seeds burnt into a raster; within h of the true distance. Only seeds inside the grid
//    count, as for gdal_proximity. (gdal_proximity itself propagates nearest targets in two scans, which is not
//    exact: it reads up to a quarter pixel higher on a few pixels; this transform is exact.)
//
// Memory: about 13 bytes per cell at the peak (the Float32 result, two int32 indices, the mask), checked against
// the memory limit (Grid::require_memory) before anything is allocated.
//
// Pixels whose centre is outside `mask` (when given) get `nodata`; seeds outside the mask still count, since a
// walk just beyond a village boundary does reach the village land next to it. With no line (or only empty ones)
// there is no distance to measure: every pixel is nodata, and the caller reports "no walks". Lines of one vertex or
// of repeated vertices are points. Values are Float32 metres. Every pass computes each column, row or pixel from the
// previous pass only, so the result is bit-identical for any thread count.
#include "libgeo/core/geometry.hpp"
#include "libgeo/raster/grid.hpp"

#include <gdal.h>

#include <cmath>
#include <vector>

namespace geo::raster {

enum class DistanceMeasure {
    to_segments,
    to_seed_centres,
};

struct DistanceOptions {
    DistanceMeasure measure = DistanceMeasure::to_segments;
    int threads = 2;

    // Throws geo::UsageError unless 1 <= threads <= 256.
    void validate() const;
};

// The largest amount by which a to_segments value can exceed the true distance on this grid (see above).
[[nodiscard]] inline double segment_distance_bound(const Grid& grid) { return grid.pixel * std::sqrt(2.0); }

// progress may be null; returning FALSE from it cancels with geo::Error. Throws geo::UsageError for an invalid
// grid or options, geo::Error for a non-finite coordinate. The mask is borrowed for the call only.
Raster distance_to_lines(const Grid& grid, const std::vector<LineString>& lines, const MultiPolygon* mask,
                         const DistanceOptions& options, GDALProgressFunc progress = nullptr,
                         void* progress_data = nullptr);

// The same with default options.
Raster distance_to_lines(const Grid& grid, const std::vector<LineString>& lines, const MultiPolygon* mask,
                         GDALProgressFunc progress = nullptr, void* progress_data = nullptr);

}  // namespace geo::raster

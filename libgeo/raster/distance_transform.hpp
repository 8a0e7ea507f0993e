#pragma once
// How far every pixel centre is from the nearest walked line: `walk_distance.tif` of the blind-spot analysis.
//
// Method. The pixels the lines pass through are the seeds (rasterise.hpp says exactly which). An exact Euclidean
// distance transform to the seed pixel centres (Felzenszwalb & Huttenlocher 2012: the 1-D lower envelope of
// parabolas down every column, then along every row, O(pixels)) finds each pixel's nearest seed. Then:
//
//  - DistanceMeasure::to_segments (the default, what walk_distance.tif holds): the value is the exact distance
//    from the pixel centre to the nearest of the segments passing through the nearest seeds of the pixel and of
//    its 8 neighbours, plus, where a pixel could be nearer to a part of a line outside the grid than to anything
//    inside, the exact distance to the nearest such part (an rtree query, so lines leaving the grid count in full).
//    Accuracy: a value is always the distance to a real segment, so never below the true distance d; and it is at
//    most d + one pixel diagonal (pixel * sqrt 2) above it. Why: the true nearest point lies in a seed pixel whose
//    centre is within half a diagonal h of it, so the nearest seed centre is at most d + h away, and a segment
//    through that seed comes within h of its centre. The excess is 0 wherever the nearest seed's segments include
//    the nearest segment, i.e. almost everywhere; on random track sets the tests find it exact on > 99.9 % of
//    pixels (tests/raster/test_distance_transform.cpp keeps the measured worst case). A centre exactly on a
//    segment gets exactly 0.
//  - DistanceMeasure::to_seed_centres: the distance to the nearest seed pixel's centre, i.e. what gdal_proximity
//    computes from the same seeds burnt into a raster (they agree to float rounding). It is within h of the true
//    distance either way. Only seeds inside the grid count, as for gdal_proximity.
//
// Pixels whose centre is outside `mask` (when given) get `nodata`; seeds outside the mask still count, since a
// walk just beyond a village boundary does reach the village land next to it. With no line (or only empty ones)
// there is no distance to measure: every pixel is nodata, and the caller reports "no walks". Lines of one vertex or
// of repeated vertices are points. Values are Float32 metres; columns and rows are computed independently, so the
// result is bit-identical for any thread count.
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

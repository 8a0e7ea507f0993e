#pragma once
// How far every pixel centre is from the nearest walked line: `walk_distance.tif` of the blind-spot analysis.
//
// Two measures:
//
//  - DistanceMeasure::to_segments (the default, what walk_distance.tif holds): the exact Euclidean distance from the
//    pixel centre to the nearest segment of the lines, parts outside the grid included (segment_field.hpp: blocks
//    of pixels cull the segments that cannot be nearest to any of their pixels, down to 8 x 8 pixels, where each
//    pixel takes the minimum over the rest). Planners compare this value with the buffer distances S, W and B,
//    hence exact geometry rather than pixel centres. A centre exactly on a segment gets exactly 0.
//  - DistanceMeasure::to_seed_centres: the distance to the centre of the nearest pixel a line passes through (the
//    seeds: GDAL's own ALL_TOUCHED burn, seeds.hpp), the quantity gdal_proximity computes on gdal_rasterize -at's
//    raster; within half a pixel diagonal of the true distance. An exact Euclidean distance transform
//    (Felzenszwalb & Huttenlocher 2012): the distance to the nearest seed down each column (read off the column's
//    sorted seeds), then the lower envelope of parabolas along every row (lower_envelope.hpp), in exact integers,
//    O(pixels). Seeds beyond the grid count up to 256 pixels out (they are burnt on the grid grown as far as the
//    lines reach, within that margin), where gdal_proximity sees only its own raster. (gdal_proximity itself
//    propagates nearest targets in two scans, which is not exact: it reads up to a quarter pixel higher on a few
//    pixels; this transform is exact.) 2.5 to 4 times as fast as to_segments on large grids (scripts/bench.sh),
//    and the same cost per pixel everywhere: for fine pixels over large areas.
//
// Memory at the peak: for to_segments about 5 bytes per cell (the Float32 result, a one-byte mask) plus the
// segments and their R-tree; for to_seed_centres 4 bytes per cell (the result; the mask is kept as runs of columns
// per row, the seeds are burnt through buffers of ~4 MB per thread and kept as a list). Checked against the memory
// limit (Grid::require_memory) before anything is allocated. Large buffers are asked for 2 MB pages
// (memory::pixel_buffer).
//
// Pixels whose centre is outside `mask` (when given) get `nodata`; lines outside the mask still count, since a
// walk just beyond a village boundary does reach the village land next to it. With no line (or only empty ones)
// there is no distance to measure: every pixel is nodata, and the caller reports "no walks". Lines of one vertex or
// of repeated vertices are points. Values are Float32 metres, bit-identical for any thread count.
#include "libgeo/core/geometry.hpp"
#include "libgeo/core/options.hpp"
#include "libgeo/raster/grid.hpp"

#include <gdal.h>

#include <array>

#include <string_view>
#include <vector>

namespace geo::raster {

enum class DistanceMeasure {
    to_segments,
    to_seed_centres,
};

// The names of [coverage] walk_distance and --walk-distance.
inline constexpr std::array<options::Named<DistanceMeasure>, 2> distance_measure_names{
    {{DistanceMeasure::to_segments, "exact"}, {DistanceMeasure::to_seed_centres, "pixel_centres"}}};

// "exact" (to_segments) or "pixel_centres" (to_seed_centres). Throws geo::UsageError for any other name.
DistanceMeasure parse_distance_measure(std::string_view name);
// The name parse_distance_measure reads for `measure`.
std::string_view distance_measure_name(DistanceMeasure measure);

struct DistanceOptions {
    DistanceMeasure measure = DistanceMeasure::to_segments;
    int threads = 2;

    // Throws geo::UsageError unless 1 <= threads <= 256.
    void validate() const;
};

// progress may be null; returning FALSE from it cancels with geo::Error. Throws geo::UsageError for an invalid
// grid or options, geo::Error for a non-finite coordinate. The mask is borrowed for the call only.
Raster distance_to_lines(const Grid& grid, const std::vector<LineString>& lines, const MultiPolygon* mask,
                         const DistanceOptions& options, GDALProgressFunc progress = nullptr,
                         void* progress_data = nullptr);

// The same with default options.
Raster distance_to_lines(const Grid& grid, const std::vector<LineString>& lines, const MultiPolygon* mask,
                         GDALProgressFunc progress = nullptr, void* progress_data = nullptr);

}  // namespace geo::raster

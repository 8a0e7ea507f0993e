#pragma once
// The land within a distance and the land beyond another, read off a distance raster by GDAL's contour
// polygonizer (GDALContourGenerateEx with POLYGONIZE=YES): the level lines run by linear interpolation between pixel
// centres, and the polygons are closed along the window's outer pixel edges. Nodata pixels belong to neither band.
//
// Accuracy on a distance field: across a straight walk the distance is linear, so the level line is exact there;
// around the ends and bends of walks (circular level lines of radius r) a chord between neighbouring pixel centres
// cuts inside the circle by at most pixel² / (8 r), 0.125 m for 10 m pixels at r = 100 m — less than the 0.5 m a
// GEOS buffer with 8 segments per quarter circle (PostGIS's default) cuts off the same arc.
#include "libgeo/handles/geos.hpp"
#include "libgeo/raster/grid.hpp"

namespace geo::raster {

// A block of pixels of a raster.
struct Window {
    int col = 0;
    int row = 0;
    int cols = 0;
    int rows = 0;
};

// The pixels whose squares meet `box`, clipped to the grid (cols or rows 0 when the box misses it).
Window window_covering(const Grid& grid, const Box& box);

struct DistanceBands {
    GeomPtr near;  // value <= near_m (an empty polygon when no pixel is that near)
    GeomPtr far;   // value >= far_m
};

// The two bands of the window of `raster`, valid GEOS polygons in the raster's coordinates. Requires near_m > 0 and
// far_m > 0 (they may be equal or in either order). Throws geo::Error when GDAL fails.
DistanceBands distance_bands(const GeosContext& ctx, const Raster& raster, const Window& window, double near_m,
                             double far_m);

}  // namespace geo::raster

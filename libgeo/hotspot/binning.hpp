#pragma once
// Aggregating issue points to square or hexagonal cells for Gi*, and the ArcGIS rule for the cell size.
//
// Kept cells: every cell holding at least one point, and every empty cell that intersects a village polygon (a
// village cell where nothing was found is a zero, not missing). Cells neither inside villages nor holding data are
// dropped — they are outside the study area.
//
// Cell size when not given (ArcGIS Optimized Hot Spot Analysis, OptimizedHotSpotAnalysis.py scaleDecision): over the
// distinct incident locations, take the mean and the median of the non-zero nearest-neighbour distances; the larger
// of the two, times max(2, larger / smaller), is the cell side.
#include "libgeo/core/geometry.hpp"

#include <optional>
#include <vector>

namespace geo::hotspot {

enum class CellShape { square, hexagon };

// The tessellation. Squares: cell (col, row) spans [x0 + col size, x0 + (col + 1) size) x [y0 + row size, ...).
// Hexagons: pointy-top, `size` is the distance between the centres of neighbouring cells (the flat-to-flat width), so
// a hexagon's area is size^2 * sqrt(3) / 2; rows are size * sqrt(3) / 2 apart and odd rows are shifted right by
// size / 2. The same size and distance band give the same centre spacing as squares.
struct CellLayout {
    CellShape shape = CellShape::square;
    double size = 0;
    double x0 = 0, y0 = 0;
    long long cols = 0, rows = 0;

    [[nodiscard]] Point centre(long long col, long long row) const;
    [[nodiscard]] Polygon polygon(long long col, long long row) const;
    // The cell containing p (for hexagons: the nearest centre); nullopt outside the layout.
    [[nodiscard]] std::optional<std::pair<long long, long long>> locate(const Point& p) const;
    [[nodiscard]] double cell_area() const;
};

struct Cell {
    int col = 0, row = 0;
    Point centre;
    double count = 0;  // points in the cell (or summed weights when weights were given)
};

struct BinningOptions {
    CellShape shape = CellShape::square;
    double cell_size_m = 0;     // 0: chosen by the ArcGIS rule above
    std::optional<Box> extent;  // default: the points' and villages' bounding box
    void validate() const;
};

struct Binning {
    CellLayout layout;
    std::vector<Cell> cells;          // sorted by (row, col)
    std::vector<int> cell_of_point;   // index into cells, -1 for a point outside the extent
    bool size_chosen = false;         // cell size came from the nearest-neighbour rule
};

// Aggregates points (weights: one per point, or empty for counts) over villages. Throws geo::UsageError when there
// is nothing to lay cells over or the size rule has fewer than two distinct locations.
Binning make_cells(const std::vector<Point>& points, const std::vector<MultiPolygon>& villages,
                   const BinningOptions& options, const std::vector<double>& weights = {});

// The polygons of the kept cells, in the order of binning.cells (for the output layer).
std::vector<Polygon> cell_polygons(const Binning& binning);

// The ArcGIS cell-size rule alone (needs two distinct locations).
double choose_cell_size(const std::vector<Point>& points);

}  // namespace geo::hotspot

#pragma once
// Aggregating issue points to square or hexagonal cells for Gi*, and the ArcGIS rule for the cell size.
//
// Kept cells: every cell holding at least one point, and every empty cell that intersects a village polygon (a
// village cell where nothing was found is a zero, not missing). Cells neither inside villages nor holding data are
// dropped — they are outside the study area.
//
// Cell size when not given (ArcGIS Optimized Hot Spot Analysis, OptimizedHotSpotAnalysis.py scaleDecision): over the
// distinct incident locations, take the mean and the median of the non-zero nearest-neighbour distances; the larger
// of the two, times max(2, larger / smaller), is the cell side. Then two bounds (CellSizeRule), because on a dense
// county-sized register that rule gives millions of cells a few metres wide that tell a planner nothing:
//   floor:     at least floor_m (default 30 m = max(2 x 10 m, a typical phone's GPS accuracy, twice: an issue's
//              recorded position then lies in its true cell or a neighbour; [coverage] sight_m, 30 m by default: a
//              cell narrower than what a walker sees from the path says nothing the walk did not));
//   max_cells: the layout over the analysed extent has at most max_cells cells (250,000); when the size above
//              gives more, the smallest whole number of metres that gives at most that many.
// A size given by the user is used as it is.
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

// The bounds of a chosen cell size (see above).
inline constexpr double typical_gps_accuracy_m = 10;
inline constexpr double default_cell_floor_m = 30;     // max(2 x typical_gps_accuracy_m, default sight_m 30 m)
inline constexpr long long default_max_cells = 250000;

// How a chosen cell size came about (summary.json hotspots.cells.size).
struct CellSizeRule {
    double nearest_neighbour_m = 0;  // the ArcGIS rule alone
    double floor_m = 0;
    long long max_cells = 0;
    double chosen_m = 0;
    const char* rule = "nearest_neighbour";  // "nearest_neighbour", "floor" or "max_cells": which one set chosen_m
};

struct BinningOptions {
    CellShape shape = CellShape::square;
    double cell_size_m = 0;     // 0: chosen by the ArcGIS rule above, within floor_m and max_cells
    double floor_m = default_cell_floor_m;
    long long max_cells = default_max_cells;
    std::optional<Box> extent;  // default: the points' and villages' bounding box
    void validate() const;
};

struct Binning {
    CellLayout layout;
    std::vector<Cell> cells;          // sorted by (row, col)
    std::vector<int> cell_of_point;   // index into cells, -1 for a point outside the extent
    bool size_chosen = false;         // cell size came from the nearest-neighbour rule (and its bounds)
    std::optional<CellSizeRule> size_rule;  // set when size_chosen
    // Per cell: 1 when it shares area with a village (or there are no villages), 0 for a cell kept only because an
    // issue lies in it outside every village. Gi* runs over all cells; the layers leave the 0s out.
    std::vector<char> in_villages;
};

// The number of cells a layout of this shape and size has over a box of w x h metres (make_cells' layout).
long long layout_cell_count(CellShape shape, double w, double h, double size);

// The nearest-neighbour size within the floor and the cell bound over a w x h extent.
CellSizeRule bounded_cell_size(double nearest_neighbour_m, CellShape shape, double w, double h, double floor_m,
                               long long max_cells);

// Aggregates points (weights: one per point, or empty for counts) over villages. Throws geo::UsageError when there
// is nothing to lay cells over or the size rule has fewer than two distinct locations.
Binning make_cells(const std::vector<Point>& points, const std::vector<MultiPolygon>& villages,
                   const BinningOptions& options, const std::vector<double>& weights = {});

// The polygons of the kept cells, in the order of binning.cells (for the output layer).
std::vector<Polygon> cell_polygons(const Binning& binning);

// The ArcGIS cell-size rule alone (needs two distinct locations).
double choose_cell_size(const std::vector<Point>& points);

}  // namespace geo::hotspot

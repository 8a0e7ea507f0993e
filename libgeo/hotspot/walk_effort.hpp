#pragma once
// Inspection effort per cell: how many kilometres of cleaned track were walked inside each cell. An area nobody
// walked shows no problems, so issue counts are judged against it ("not inspected" is not "clean").
#include "libgeo/core/geometry.hpp"
#include "libgeo/hotspot/binning.hpp"

#include <vector>

namespace geo::hotspot {

// Walked length in metres inside each cell (the length of every track segment's intersection with the cell;
// a track walked twice counts twice; a stretch along an edge two cells share counts in one of them). Cells may be
// any polygons that do not overlap.
std::vector<double> walked_metres(const std::vector<Polygon>& cells, const std::vector<LineString>& tracks);

// How many of `points` lie in each kept cell of `binning` (CellLayout::locate; points in no kept cell are not counted).
// With the issues' positions: an issue found in a cell proves someone was there, whatever the tracks recorded.
std::vector<int> points_per_cell(const Binning& binning, const std::vector<Point>& points);

}  // namespace geo::hotspot

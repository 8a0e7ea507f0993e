#include "libgeo/hotspot/binning.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/core/number_text.hpp"
#include "libgeo/hotspot/moran.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>
#include <boost/geometry/algorithms/touches.hpp>

namespace geo::hotspot {

namespace {

constexpr double sqrt3 = std::numbers::sqrt3;

double row_step(const CellLayout& l) { return l.shape == CellShape::square ? l.size : l.size * sqrt3 / 2; }

}  // namespace

Point CellLayout::centre(long long col, long long row) const
{
    if (shape == CellShape::square)
        return {x0 + (static_cast<double>(col) + 0.5) * size, y0 + (static_cast<double>(row) + 0.5) * size};
    const double shift = (row & 1) ? 0.5 * size : 0.0;
    const double radius = size / sqrt3;  // centre to vertex
    return {x0 + 0.5 * size + static_cast<double>(col) * size + shift, y0 + radius + static_cast<double>(row) * row_step(*this)};
}

Polygon CellLayout::polygon(long long col, long long row) const
{
    Polygon poly;
    const Point c = centre(col, row);
    if (shape == CellShape::square) {
        const double h = 0.5 * size;
        bg::append(poly.outer(), Point(c.x() - h, c.y() - h));
        bg::append(poly.outer(), Point(c.x() - h, c.y() + h));
        bg::append(poly.outer(), Point(c.x() + h, c.y() + h));
        bg::append(poly.outer(), Point(c.x() + h, c.y() - h));
        bg::append(poly.outer(), Point(c.x() - h, c.y() - h));
        return poly;
    }
    const double radius = size / sqrt3;
    // Pointy-top, clockwise from the top vertex (Boost.Geometry's default orientation).
    for (int k = 0; k <= 6; ++k) {
        const double angle = (90.0 - 60.0 * (k % 6)) * std::numbers::pi / 180.0;
        bg::append(poly.outer(), Point(c.x() + radius * std::cos(angle), c.y() + radius * std::sin(angle)));
    }
    return poly;
}

double CellLayout::cell_area() const { return shape == CellShape::square ? size * size : size * size * sqrt3 / 2; }

std::optional<std::pair<long long, long long>> CellLayout::locate(const Point& p) const
{
    if (shape == CellShape::square) {
        const auto col = static_cast<long long>(std::floor((p.x() - x0) / size));
        const auto row = static_cast<long long>(std::floor((p.y() - y0) / size));
        if (col < 0 || row < 0 || col >= cols || row >= rows) return std::nullopt;
        return std::make_pair(col, row);
    }
    // The hexagon holding p is the one with the nearest centre; it is among the rows and columns around the guess.
    const double radius = size / sqrt3;
    const auto guess_row = static_cast<long long>(std::floor((p.y() - y0 - radius) / row_step(*this) + 0.5));
    std::optional<std::pair<long long, long long>> best;
    double best_d2 = 0;
    for (long long row = guess_row - 1; row <= guess_row + 1; ++row) {
        if (row < 0 || row >= rows) continue;
        const double shift = (row & 1) ? 0.5 * size : 0.0;
        const auto guess_col = static_cast<long long>(std::floor((p.x() - x0 - 0.5 * size - shift) / size + 0.5));
        for (long long col = guess_col - 1; col <= guess_col + 1; ++col) {
            if (col < 0 || col >= cols) continue;
            const Point c = centre(col, row);
            const double d2 = (c.x() - p.x()) * (c.x() - p.x()) + (c.y() - p.y()) * (c.y() - p.y());
            if (!best || d2 < best_d2) {
                best = std::make_pair(col, row);
                best_d2 = d2;
            }
        }
    }
    // A point beyond the outer half-cells of the layout is outside it.
    if (best && best_d2 > radius * radius * (1 + 1e-9)) return std::nullopt;
    return best;
}

void BinningOptions::validate() const
{
    if (cell_size_m < 0 || !std::isfinite(cell_size_m))
        throw UsageError("the hot spot cell size must be a positive number of metres (or 0 to choose it)");
    if (floor_m < 0 || !std::isfinite(floor_m)) throw UsageError("the hot spot cell size floor must be 0 or more metres");
    if (max_cells != 0 && max_cells < 4) throw UsageError("the hot spot cell bound must be 0 (none) or at least 4 cells");
    if (extent && (extent->max_corner().x() < extent->min_corner().x() || extent->max_corner().y() < extent->min_corner().y()))
        throw UsageError("the hot spot extent is empty");
}

double choose_cell_size(const std::vector<Point>& points)
{
    // Distinct locations first, as ArcGIS collects coincident incidents before measuring.
    std::vector<Point> distinct = points;
    std::sort(distinct.begin(), distinct.end(), [](const Point& a, const Point& b) {
        return a.x() != b.x() ? a.x() < b.x() : a.y() < b.y();
    });
    distinct.erase(std::unique(distinct.begin(), distinct.end(),
                               [](const Point& a, const Point& b) { return a.x() == b.x() && a.y() == b.y(); }),
                   distinct.end());
    if (distinct.size() < 2)
        throw UsageError("the cell size cannot be chosen: all issues share one location", {}, "give a cell size");
    const NearestNeighbours nn = nearest_neighbours(distinct);
    const double avg = nn.mean_nonzero, med = nn.median_nonzero;
    const double larger = std::max(avg, med), smaller = std::min(avg, med);
    const double scale = smaller > 0 ? std::max(2.0, larger / smaller) : 2.0;
    return larger * scale;
}

std::vector<Polygon> cell_polygons(const Binning& binning)
{
    std::vector<Polygon> out;
    out.reserve(binning.cells.size());
    for (const auto& c : binning.cells) out.push_back(binning.layout.polygon(c.col, c.row));
    return out;
}

Binning make_cells(const std::vector<Point>& points, const std::vector<MultiPolygon>& villages,
                   const BinningOptions& options, const std::vector<double>& weights)
{
    options.validate();
    if (!weights.empty() && weights.size() != points.size())
        throw UsageError("binning got " + std::to_string(weights.size()) + " weights for " + std::to_string(points.size()) + " points");
    Binning out;
    Box extent;
    if (options.extent) {
        extent = *options.extent;
    } else {
        bool any = false;
        auto grow = [&](const Box& b) {
            if (!any) {
                extent = b;
                any = true;
            } else {
                bg::expand(extent, b);
            }
        };
        for (const auto& p : points) grow(Box(p, p));
        for (const auto& v : villages)
            if (!bg::is_empty(v)) grow(bg::return_envelope<Box>(v));
        if (!any) throw UsageError("no issues and no villages: nothing to lay hot spot cells over");
    }
    const double w = extent.max_corner().x() - extent.min_corner().x();
    const double h = extent.max_corner().y() - extent.min_corner().y();
    double size = options.cell_size_m;
    if (size == 0) {
        out.size_rule = bounded_cell_size(choose_cell_size(points), options.shape, w, h, options.floor_m,
                                          options.max_cells);
        size = out.size_rule->chosen_m;
        out.size_chosen = true;
    }
    CellLayout& l = out.layout;
    l.shape = options.shape;
    l.size = size;
    if (l.shape == CellShape::square) {
        l.x0 = extent.min_corner().x();
        l.y0 = extent.min_corner().y();
        l.cols = static_cast<long long>(std::floor(w / size)) + 1;  // ArcGIS numCells: int(length / cell) + 1
        l.rows = static_cast<long long>(std::floor(h / size)) + 1;
    } else {
        // Start half a cell out so the first row and column of centres cover the extent's edges.
        l.x0 = extent.min_corner().x() - 0.5 * size;
        l.y0 = extent.min_corner().y() - size / sqrt3;
        l.cols = static_cast<long long>(std::floor(w / size)) + 2;
        l.rows = static_cast<long long>(std::floor(h / row_step(l))) + 2;
    }
    if (static_cast<double>(l.cols) * static_cast<double>(l.rows) > 2e9)
        throw UsageError("hot spot cells of " + number_text(size) + " m over this extent would be more than 2e9 cells",
                         {}, "choose a larger cell size");

    // Sparse: the layout can be far larger than the cells kept. Each cell is the key row * cols + col (so keys sort
    // as (row, col)); a sorted vector of keys with a flag "shares area with a village" instead of a map per cell.
    auto key_of = [&](long long col, long long row) { return row * l.cols + col; };
    std::vector<long long> where(points.size(), -1);
    std::vector<std::pair<long long, char>> keys;
    keys.reserve(points.size());
    for (std::size_t i = 0; i < points.size(); ++i) {
        const auto at = l.locate(points[i]);
        if (!at) continue;
        where[i] = key_of(at->first, at->second);
        keys.emplace_back(where[i], villages.empty() ? 1 : 0);
    }
    for (const auto& v : villages) {
        if (bg::is_empty(v)) continue;
        const Box b = bg::return_envelope<Box>(v);
        const long long c0 = std::max(0LL, static_cast<long long>(std::floor((b.min_corner().x() - l.x0) / size)) - 1);
        const long long c1 = std::min(l.cols - 1, static_cast<long long>(std::floor((b.max_corner().x() - l.x0) / size)) + 1);
        const long long r0 = std::max(0LL, static_cast<long long>(std::floor((b.min_corner().y() - l.y0) / row_step(l))) - 1);
        const long long r1 = std::min(l.rows - 1, static_cast<long long>(std::floor((b.max_corner().y() - l.y0) / row_step(l))) + 1);
        for (long long r = r0; r <= r1; ++r)
            for (long long c = c0; c <= c1; ++c) {
                const Polygon cell = l.polygon(c, r);
                // Touching along an edge only is not "inside the village": require a shared area.
                if (bg::intersects(cell, v) && !bg::touches(cell, v)) keys.emplace_back(key_of(c, r), 1);
            }
    }
    // By key, a village flag first, then one entry per key.
    std::sort(keys.begin(), keys.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first < b.first : a.second > b.second;
    });
    keys.erase(std::unique(keys.begin(), keys.end(), [](const auto& a, const auto& b) { return a.first == b.first; }),
               keys.end());
    keys.shrink_to_fit();
    out.cells.reserve(keys.size());
    out.in_villages.reserve(keys.size());
    for (const auto& [key, in_village] : keys) {
        Cell cell;
        cell.row = static_cast<int>(key / l.cols);
        cell.col = static_cast<int>(key % l.cols);
        cell.centre = l.centre(cell.col, cell.row);
        out.cells.push_back(cell);
        out.in_villages.push_back(in_village);
    }
    // Counts summed in point order, as before (the same floating-point sums).
    out.cell_of_point.assign(points.size(), -1);
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (where[i] < 0) continue;
        const auto it = std::lower_bound(keys.begin(), keys.end(), where[i],
                                         [](const auto& entry, long long key) { return entry.first < key; });
        const auto index = static_cast<int>(it - keys.begin());
        out.cell_of_point[i] = index;
        out.cells[static_cast<std::size_t>(index)].count += weights.empty() ? 1.0 : weights[i];
    }
    return out;
}

long long layout_cell_count(CellShape shape, double w, double h, double size)
{
    if (shape == CellShape::square)
        return (static_cast<long long>(std::floor(w / size)) + 1) * (static_cast<long long>(std::floor(h / size)) + 1);
    return (static_cast<long long>(std::floor(w / size)) + 2) *
           (static_cast<long long>(std::floor(h / (size * sqrt3 / 2))) + 2);
}

CellSizeRule bounded_cell_size(double nearest_neighbour_m, CellShape shape, double w, double h, double floor_m,
                               long long max_cells)
{
    CellSizeRule rule;
    rule.nearest_neighbour_m = nearest_neighbour_m;
    rule.floor_m = floor_m;
    rule.max_cells = max_cells;
    rule.chosen_m = nearest_neighbour_m;
    if (rule.chosen_m < floor_m) {
        rule.chosen_m = floor_m;
        rule.rule = "floor";
    }
    // A hexagon layout has at least 2 x 2 cells; fewer cannot be asked for.
    if (max_cells > 0 && layout_cell_count(shape, w, h, rule.chosen_m) > max_cells) {
        // The count only falls as the size grows: bisect for the smallest size within the bound, then take the
        // whole metre at or above it (a size people can read; still within the bound).
        double lo = rule.chosen_m, hi = std::max({2 * rule.chosen_m, w, h, 1.0}) + 1;
        while (layout_cell_count(shape, w, h, hi) > max_cells) hi *= 2;
        for (int k = 0; k < 200 && hi - lo > 1e-9 * hi; ++k) {
            const double mid = 0.5 * (lo + hi);
            (layout_cell_count(shape, w, h, mid) > max_cells ? lo : hi) = mid;
        }
        rule.chosen_m = hi >= 1 ? std::ceil(hi) : hi;
        rule.rule = "max_cells";
    }
    return rule;
}

}  // namespace geo::hotspot

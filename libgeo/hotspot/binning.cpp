#include "libgeo/hotspot/binning.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/core/number_text.hpp"
#include "libgeo/hotspot/moran.hpp"

#include <algorithm>
#include <cmath>
#include <map>
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
    double size = options.cell_size_m;
    if (size == 0) {
        size = choose_cell_size(points);
        out.size_chosen = true;
    }
    CellLayout& l = out.layout;
    l.shape = options.shape;
    l.size = size;
    const double w = extent.max_corner().x() - extent.min_corner().x();
    const double h = extent.max_corner().y() - extent.min_corner().y();
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

    // Sparse accumulation keyed by (row, col): the layout can be far larger than the cells kept.
    std::map<std::pair<long long, long long>, double> kept;
    std::vector<std::pair<long long, long long>> where(points.size(), {-1, -1});
    for (std::size_t i = 0; i < points.size(); ++i) {
        const auto at = l.locate(points[i]);
        if (!at) continue;
        where[i] = {at->second, at->first};
        kept[where[i]] += weights.empty() ? 1.0 : weights[i];
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
                if (kept.count({r, c})) continue;
                const Polygon cell = l.polygon(c, r);
                // Touching along an edge only is not "inside the village": require a shared area.
                if (bg::intersects(cell, v) && !bg::touches(cell, v)) kept.emplace(std::make_pair(r, c), 0.0);
            }
    }
    std::map<std::pair<long long, long long>, int> index;
    for (const auto& [key, count] : kept) {
        Cell cell;
        cell.row = static_cast<int>(key.first);
        cell.col = static_cast<int>(key.second);
        cell.centre = l.centre(key.second, key.first);
        cell.count = count;
        index[key] = static_cast<int>(out.cells.size());
        out.cells.push_back(cell);
    }
    out.cell_of_point.assign(points.size(), -1);
    for (std::size_t i = 0; i < points.size(); ++i)
        if (where[i].first >= 0) out.cell_of_point[i] = index.at(where[i]);
    return out;
}

}  // namespace geo::hotspot

#include "libgeo/raster/nearest_segment.hpp"

#include "libgeo/core/parallel.hpp"

#include <boost/geometry/geometries/segment.hpp>
#include <boost/geometry/index/rtree.hpp>

#include <algorithm>
#include <iterator>
#include <limits>
#include <optional>
#include <utility>

namespace geo::raster::detail {

namespace {

namespace bgi = boost::geometry::index;

using LeavingTree = bgi::rtree<std::pair<bg::model::segment<Point>, std::uint32_t>, bgi::rstar<16>>;
using Change = std::pair<std::size_t, std::int32_t>;  // pixel, its new segment

constexpr double infinity = std::numeric_limits<double>::infinity();

std::optional<LeavingTree> leaving_tree(const SeedTable& seeds)
{
    if (seeds.leaving.empty()) return std::nullopt;
    std::vector<LeavingTree::value_type> values;
    values.reserve(seeds.leaving.size());
    for (const std::uint32_t id : seeds.leaving) {
        const Segment& s = seeds.segments[id];
        values.emplace_back(bg::model::segment<Point>(Point(s.ax, s.ay), Point(s.bx, s.by)), id);
    }
    return LeavingTree(values.begin(), values.end());  // the range constructor packs the tree
}

class Refiner {
public:
    Refiner(const Grid& grid, const SeedTable& seeds, const std::vector<std::int32_t>& seed_of,
            const std::vector<std::int32_t>& segment_of)
        : m_grid(grid), m_seeds(seeds), m_seed_of(seed_of), m_segment_of(segment_of), m_leaving(leaving_tree(seeds))
    {
    }

    // Step 1 for one row: for each pixel the nearest of the segments through its nearest seed, through the seeds
    // among its 8 neighbours, and of the segments leaving the grid when they could be nearer.
    void from_seeds(int row, std::int32_t* out) const
    {
        // Seeds are numbered in row-major order, so those of rows row-1..row+1 are three runs sorted by column,
        // walked alongside the pixels.
        std::size_t next[3] = {0, 0, 0};
        std::size_t end[3] = {0, 0, 0};
        for (int i = 0; i < 3; ++i) {
            const int r = row - 1 + i;
            if (r < 0 || r >= m_grid.rows) continue;
            next[i] = m_seeds.row_first[static_cast<std::size_t>(r)];
            end[i] = m_seeds.row_first[static_cast<std::size_t>(r) + 1];
        }
        const double py = (row + 0.5) * m_grid.pixel;
        for (int col = 0; col < m_grid.cols; ++col) {
            const double px = (col + 0.5) * m_grid.pixel;
            std::int32_t best = -1;
            double best_d2 = infinity;
            const std::int32_t own = m_seed_of[m_grid.index(col, row)];
            if (own >= 0) {
                const auto k = static_cast<std::size_t>(own);
                for (std::size_t i = m_seeds.first[k]; i < m_seeds.first[k + 1]; ++i) {
                    // With the neighbours of each segment along its line: near a vertex, the seed centre often
                    // leads to the segment on the wrong side of it.
                    const std::uint32_t id = m_seeds.segment_ids[i];
                    consider(static_cast<std::int32_t>(id), px, py, best, best_d2);
                    if (m_seeds.follows[id]) consider(static_cast<std::int32_t>(id - 1), px, py, best, best_d2);
                    if (id + 1 < m_seeds.follows.size() && m_seeds.follows[id + 1])
                        consider(static_cast<std::int32_t>(id + 1), px, py, best, best_d2);
                }
            }
            // Seeds in the 3 x 3 block: a nearest point within the block is then always found, also where it lies
            // in a pixel whose own nearest segment is another one (so that no chain of pixels leads to it).
            for (int i = 0; i < 3; ++i) {
                while (next[i] < end[i] && m_seeds.seed_col[next[i]] < col - 1) ++next[i];
                for (std::size_t k = next[i]; k < end[i] && m_seeds.seed_col[k] <= col + 1; ++k) {
                    if (static_cast<std::int32_t>(k) == own) continue;
                    for (std::size_t j = m_seeds.first[k]; j < m_seeds.first[k + 1]; ++j)
                        consider(static_cast<std::int32_t>(m_seeds.segment_ids[j]), px, py, best, best_d2);
                }
            }
            if (m_leaving) {
                // Nothing outside the grid is nearer than the grid's edge; only past it can a leaving part win.
                const int cells = std::min(std::min(col, m_grid.cols - 1 - col), std::min(row, m_grid.rows - 1 - row));
                const double edge = (cells + 0.5) * m_grid.pixel;
                if (!(best_d2 <= edge * edge)) {
                    std::pair<bg::model::segment<Point>, std::uint32_t> found;
                    if (m_leaving->query(bgi::nearest(Point(px, py), 1), &found) == 1)
                        consider(static_cast<std::int32_t>(found.second), px, py, best, best_d2);
                }
            }
            out[col] = best;
        }
    }

    // Step 2 for one pixel: the nearest of its 8 neighbours' segments when that one is nearer than its own by more
    // than rounding, else -1. Demanding a real gain keeps ties (the two segments meeting at the nearest vertex)
    // from travelling across whole regions without changing any value.
    [[nodiscard]] std::int32_t from_neighbours(int col, int row) const
    {
        const std::int32_t* const centre = m_segment_of.data() + m_grid.index(col, row);
        const std::int32_t own = *centre;
        const std::ptrdiff_t cols = m_grid.cols;
        const std::ptrdiff_t west = col > 0 ? -1 : 0;
        const std::ptrdiff_t east = col + 1 < m_grid.cols ? 1 : 0;
        const std::ptrdiff_t north = row > 0 ? -cols : 0;
        const std::ptrdiff_t south = row + 1 < m_grid.rows ? cols : 0;
        // Offsets clamped at the grid's edge repeat the pixel itself or an inner neighbour, which costs nothing.
        const std::ptrdiff_t offsets[8] = {north + west, north, north + east, west,
                                           east,         south + west, south, south + east};
        std::int32_t tried[8];
        int count = 0;
        for (const std::ptrdiff_t offset : offsets) {
            const std::int32_t id = centre[offset];
            if (id != own && std::find(tried, tried + count, id) == tried + count) tried[count++] = id;
        }
        if (count == 0) return -1;  // the usual case: the neighbourhood agrees
        const double px = (col + 0.5) * m_grid.pixel;
        const double py = (row + 0.5) * m_grid.pixel;
        std::int32_t best = -1;
        double best_d2 = infinity;
        for (int i = 0; i < count; ++i) consider(tried[i], px, py, best, best_d2);
        if (best < 0) return -1;
        const double own_d2 =
            own < 0 ? infinity : segment_distance2(m_seeds.segments[static_cast<std::size_t>(own)], px, py);
        // A gain below 1e-12 of the value is rounding, far below Float32 output precision.
        return best_d2 < own_d2 * (1.0 - 1e-12) ? best : -1;
    }

private:
    // Keeps the nearer segment; on an exact tie the lower id, so the outcome never depends on the order of trials.
    void consider(std::int32_t id, double px, double py, std::int32_t& best, double& best_d2) const
    {
        if (id < 0) return;
        const double d2 = segment_distance2(m_seeds.segments[static_cast<std::size_t>(id)], px, py);
        if (d2 < best_d2 || (d2 == best_d2 && id < best)) {
            best = id;
            best_d2 = d2;
        }
    }

    const Grid& m_grid;
    const SeedTable& m_seeds;
    const std::vector<std::int32_t>& m_seed_of;
    const std::vector<std::int32_t>& m_segment_of;
    std::optional<LeavingTree> m_leaving;
};

// The pixels whose 3 x 3 neighbourhood holds a change, ascending (ascending keeps memory access local).
std::vector<std::size_t> around(const Grid& grid, const std::vector<Change>& changes, std::vector<std::uint8_t>& flag)
{
    std::vector<std::size_t> out;
    const auto cols = static_cast<std::size_t>(grid.cols);
    for (const auto& [pixel, id] : changes) {
        const int col = static_cast<int>(pixel % cols);
        const int row = static_cast<int>(pixel / cols);
        for (int r = std::max(row - 1, 0); r <= std::min(row + 1, grid.rows - 1); ++r)
            for (int c = std::max(col - 1, 0); c <= std::min(col + 1, grid.cols - 1); ++c) {
                const std::size_t n = grid.index(c, r);
                if (!flag[n]) {
                    flag[n] = 1;
                    out.push_back(n);
                }
            }
    }
    for (const std::size_t n : out) flag[n] = 0;
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

bool nearest_segments(const Grid& grid, const SeedTable& seeds, std::vector<std::int32_t>& nearest, int threads,
                      const std::function<bool(double)>& report)
{
    // Progress never goes back, although later rounds can only estimate how much is left.
    double reported = 0.0;
    auto tell = [&](double done) {
        reported = std::max(reported, done);
        return report(reported);
    };
    // Step 1 reads the seeds of neighbours, so it cannot overwrite them in place.
    std::vector<std::int32_t> segment_of(grid.cells(), -1);
    Refiner refiner(grid, seeds, nearest, segment_of);
    const auto rows = static_cast<std::size_t>(grid.rows);
    auto step1 = [&](std::size_t first, std::size_t last) {
        for (auto row = static_cast<int>(first); row < static_cast<int>(last); ++row)
            refiner.from_seeds(row, segment_of.data() + grid.index(0, row));
    };
    if (!geo::detail::parallel_chunks(rows, 8, threads, step1, [&](double done) { return tell(0.6 * done); })) return false;
    std::vector<std::int32_t>().swap(nearest);  // the seeds are done with; give their memory back for step 2

    // Rounds of step 2. A round collects its changes per chunk and applies them only after all chunks are done,
    // so every pixel of a round sees the same previous state.
    std::vector<std::size_t> active;  // empty in the first round, which visits every pixel
    std::vector<std::uint8_t> flag;
    for (int round = 0;; ++round) {
        const std::size_t items = round == 0 ? rows : active.size();
        const std::size_t chunk = round == 0 ? 8 : 4096;
        std::vector<std::vector<Change>> found((items + chunk - 1) / chunk);
        auto step2 = [&](std::size_t first, std::size_t last) {
            std::vector<Change>& out = found[first / chunk];
            auto visit = [&](int col, int row) {
                const std::int32_t id = refiner.from_neighbours(col, row);
                if (id >= 0) out.emplace_back(grid.index(col, row), id);
            };
            if (round == 0) {
                for (auto row = static_cast<int>(first); row < static_cast<int>(last); ++row)
                    for (int col = 0; col < grid.cols; ++col) visit(col, row);
            } else {
                const auto cols = static_cast<std::size_t>(grid.cols);
                for (std::size_t i = first; i < last; ++i)
                    visit(static_cast<int>(active[i] % cols), static_cast<int>(active[i] / cols));
            }
        };
        if (!geo::detail::parallel_chunks(items, chunk, threads, step2,
                             [&](double done) { return tell(round == 0 ? 0.6 + 0.3 * done : reported); }))
            return false;
        std::vector<Change> changes;
        for (auto& part : found) changes.insert(changes.end(), part.begin(), part.end());
        if (changes.empty()) break;
        for (const auto& [pixel, id] : changes) segment_of[pixel] = id;
        if (flag.empty()) flag.assign(grid.cells(), 0);
        active = around(grid, changes, flag);
        // After the first round, the share of pixels no longer active stands for the work done.
        if (!tell(0.9 + 0.1 * (1.0 - static_cast<double>(active.size()) / static_cast<double>(grid.cells()))))
            return false;
    }
    nearest.swap(segment_of);
    return tell(1.0);
}

}  // namespace geo::raster::detail

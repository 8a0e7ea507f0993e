#include "libgeo/raster/segment_field.hpp"

#include "libgeo/core/parallel.hpp"
#include "libgeo/raster/rasterise.hpp"

#include <boost/geometry/geometries/segment.hpp>
#include <boost/geometry/index/rtree.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <future>
#include <iterator>
#include <limits>
#include <utility>

namespace geo::raster::detail {

namespace {

namespace bgi = boost::geometry::index;

// The R-tree holds runs of up to 16 consecutive, connected segments of one line by their bounding box, not single
// segments: packing the issue scene's 664,000 segments took 0.14 s, a third of the step's serial part, and a top
// block reads a run's segments from the array anyway. Runs of 8, 16 and 32 took 0.61, 0.59 and 0.60 s on that
// scene, single segments 1.15 s. (A run must not jump from the end of one line to the start of
// the next: its box would span the gap, and every block would read it.)
constexpr std::size_t run_length = 16;
using Run = std::pair<bg::model::box<Point>, std::uint32_t>;  // the box, the run's number
using RunTree = bgi::rtree<Run, bgi::rstar<16>>;

struct Runs {
    std::vector<std::uint32_t> first;  // per run, its first segment; one more entry, the segments' count, at the end
    RunTree tree;
};

// Block sides in pixels: the R-tree is asked once per top block; a leaf's row of 8 pixels is one AVX-512 vector. On
// the benchmark scene (31 M pixels of 10 m, 664,000 segments) a leaf keeps 35 candidates. Top blocks of 32,
// 64, 128 and 256 pixels took 1.64, 1.45, 1.33 and 1.29 s there with an R-tree of single segments; with runs, 64 and
// 128 take the same 0.6 s; 128 keeps enough blocks to share among threads on small towns.
constexpr int top_block = 128;
constexpr int leaf_block = 8;
constexpr int levels = 5;  // 128, 64, 32, 16, 8
using LeafValues = std::array<double, static_cast<std::size_t>(leaf_block) * leaf_block>;  // row-major

constexpr double infinity = std::numeric_limits<double>::infinity();

Runs make_runs(const std::vector<Segment>& segments)
{
    Runs runs;
    std::vector<Run> boxes;
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const Segment& s = segments[i];
        const bool joined = i > 0 && s.ax == segments[i - 1].bx && s.ay == segments[i - 1].by;
        if (!joined || i - runs.first.back() == run_length) {
            runs.first.push_back(static_cast<std::uint32_t>(i));
            boxes.emplace_back(bg::model::box<Point>(Point(s.ax, s.ay), Point(s.ax, s.ay)),
                               static_cast<std::uint32_t>(boxes.size()));
        }
        bg::expand(boxes.back().first, Point(s.ax, s.ay));
        bg::expand(boxes.back().first, Point(s.bx, s.by));
    }
    runs.first.push_back(static_cast<std::uint32_t>(segments.size()));
    runs.tree = RunTree(boxes.begin(), boxes.end());  // the range constructor packs the tree
    return runs;
}

// The radius around a block's centre within which its pixels' nearest segments lie (see the header), widened by a
// margin far above the rounding of the arithmetic: a candidate too many costs a little time, one too few a value.
double reach(double u, double half_diagonal)
{
    const double r = u + 2.0 * half_diagonal;
    return r + 1e-9 * r + 1e-9;
}

// A candidate as the leaf kernel wants it: segment_distance2's operands, precomputed, and its midpoint and half
// length for may_be_nearest.
struct LeafSegment {
    double ax, ay, bx, by, dx, dy, length2, divisor, mx, my, half;

    static LeafSegment of(const Segment& s)
    {
        const double dx = s.bx - s.ax;
        const double dy = s.by - s.ay;
        const double length2 = dx * dx + dy * dy;
        return {s.ax,         s.ay, s.bx, s.by, dx, dy, length2, length2 > 0.0 ? length2 : 1.0, 0.5 * (s.ax + s.bx),
                0.5 * (s.ay + s.by), 0.5 * std::sqrt(length2)};
    }

    // The point of the segment nearest to (px, py).
    [[nodiscard]] std::pair<double, double> nearest_point(double px, double py) const
    {
        const double along = (px - ax) * dx + (py - ay) * dy;
        if (along <= 0.0) return {ax, ay};
        if (along >= length2) return {bx, by};
        const double t = along / length2;
        return {ax + t * dx, ay + t * dy};
    }
};

// The square of a block's pixel centres (centre (cx, cy), half side a, half diagonal h), and a point x of the
// segment nearest to its centre, relative to that centre.
struct CentreSquare {
    double cx, cy, a, h;
    double xx, xy, x2;  // x - c and |x - c|^2
};

// Whether s can be the nearest segment of any pixel centre p of the square, given the point x of some segment (so
// d(p)^2 <= |p - x|^2). With m the midpoint of s and r its half length, every point of s is within r of m, so
// d(p, s) >= |p - m| - r, and where |p - m| >= r, d(p, s)^2 >= |p - m|^2 - 2 r R + r^2 with R = |c - m| + h >=
// |p - m| over the square. That lower bound minus |p - x|^2 is affine in p (the squares cancel): relative to c it is
// |m - c|^2 - |x - c|^2 - 2 (p - c).(m - x) - 2 r R + r^2, least at a corner, where -2 (p - c).(m - x) is
// -2 a (|mx - xx| + |my - xy|). When that is positive s is farther than x from every pixel and is dropped. The test
// follows the nearest stretch of a track instead of a ring of width 2h around the block: on the benchmark
// scene a leaf keeps 35 candidates instead of 178. Margins as in reach().
inline bool may_be_nearest(const LeafSegment& s, const CentreSquare& square)
{
    const double mx = s.mx - square.cx;
    const double my = s.my - square.cy;
    const double dm2 = mx * mx + my * my;
    const double dm = std::sqrt(dm2);
    if (dm - square.h <= s.half) return true;  // the bound needs |p - m| >= r everywhere
    const double far = dm + square.h;
    const double nearest_corner = dm2 - square.x2 - 2.0 * square.a * (std::abs(mx - square.xx) + std::abs(my - square.xy));
    return nearest_corner <= 2.0 * s.half * far - s.half * s.half + 1e-9 * far * far + 1e-9;
}

using v2d = double __attribute__((vector_size(16)));
using v4d = double __attribute__((vector_size(32)));
using v8d = double __attribute__((vector_size(64)));

// segment_distance2 over a vector of points (py a vector too, or one value for a row of pixels): the same operations
// on every lane, its three cases chosen by selects instead of branches (the divisor stands in for a zero length,
// whose lanes take the first case), so each lane's value is bit-identical to segment_distance2's.
template <typename V, typename Y>
[[gnu::always_inline]] inline void distance2(const LeafSegment& s, const V& px, const Y& py, V& out)
{
    const V wx = px - s.ax;
    const Y wy = py - s.ay;
    const V along = wx * s.dx + wy * s.dy;
    const V ex = px - s.bx;
    const Y ey = py - s.by;
    const V to_a = wx * wx + wy * wy;
    const V to_b = ex * ex + ey * ey;
    const V cross = wx * s.dy - wy * s.dx;
    const V to_line = cross * cross / s.divisor;
    out = along <= 0.0 ? to_a : (along >= s.length2 ? to_b : to_line);
}

// The leaf's pixels, a row of them per vector (or two or four vectors, by the processor's width).
template <typename V>
[[gnu::always_inline]] inline void leaf_rows(const std::vector<LeafSegment>& candidates, int col, int row,
                                            double pixel, LeafValues& best)
{
    constexpr int lanes = sizeof(V) / sizeof(double);
    constexpr int per_row = leaf_block / lanes;
    V px[per_row];
    for (int v = 0; v < per_row; ++v)
        for (int l = 0; l < lanes; ++l) px[v][l] = (col + v * lanes + l + 0.5) * pixel;
    V acc[leaf_block][per_row];
    for (auto& r : acc)
        for (auto& v : r) v = V{} + infinity;
    for (const LeafSegment& s : candidates)
        for (int r = 0; r < leaf_block; ++r) {
            const double py = (row + r + 0.5) * pixel;
            for (int v = 0; v < per_row; ++v) {
                V d2;
                distance2(s, px[v], py, d2);
                acc[r][v] = d2 < acc[r][v] ? d2 : acc[r][v];
            }
        }
    for (int r = 0; r < leaf_block; ++r)
        for (int v = 0; v < per_row; ++v)
            for (int l = 0; l < lanes; ++l) {
                const int pixel_in_leaf = r * leaf_block + v * lanes + l;
                best[static_cast<std::size_t>(pixel_in_leaf)] = acc[r][v][l];
            }
}

void leaf_sse2(const std::vector<LeafSegment>& c, int col, int row, double pixel,
               LeafValues& best)
{
    leaf_rows<v2d>(c, col, row, pixel, best);
}

[[gnu::target("avx2")]] void leaf_avx2(const std::vector<LeafSegment>& c, int col, int row, double pixel,
                                       LeafValues& best)
{
    leaf_rows<v4d>(c, col, row, pixel, best);
}

[[gnu::target("avx512f")]] void leaf_avx512(const std::vector<LeafSegment>& c, int col, int row, double pixel,
                                            LeafValues& best)
{
    leaf_rows<v8d>(c, col, row, pixel, best);
}

// The squared distance from each pixel centre of the leaf at (col, row) to its nearest candidate.
void leaf_minimum(const std::vector<LeafSegment>& c, int col, int row, double pixel,
                  LeafValues& best)
{
    static const bool has_avx512 = __builtin_cpu_supports("avx512f");
    static const bool has_avx2 = __builtin_cpu_supports("avx2");
    if (has_avx512) return leaf_avx512(c, col, row, pixel, best);
    if (has_avx2) return leaf_avx2(c, col, row, pixel, best);
    leaf_sse2(c, col, row, pixel, best);
}

// The squared distances from the four quarter centres (x, y) to every candidate, four to a vector.
[[gnu::always_inline]] inline void quarter_distances_body(const std::vector<LeafSegment>& candidates,
                                                          const std::array<double, 4>& x,
                                                          const std::array<double, 4>& y, std::vector<double>& out)
{
    const v4d cx = {x[0], x[1], x[2], x[3]};
    const v4d cy = {y[0], y[1], y[2], y[3]};
    out.resize(4 * candidates.size());
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        v4d d;
        distance2(candidates[i], cx, cy, d);
        std::memcpy(out.data() + 4 * i, &d, sizeof d);
    }
}

void quarter_distances_sse2(const std::vector<LeafSegment>& c, const std::array<double, 4>& x,
                            const std::array<double, 4>& y, std::vector<double>& out)
{
    quarter_distances_body(c, x, y, out);
}

[[gnu::target("avx2")]] void quarter_distances_avx2(const std::vector<LeafSegment>& c, const std::array<double, 4>& x,
                                                     const std::array<double, 4>& y, std::vector<double>& out)
{
    quarter_distances_body(c, x, y, out);
}

void quarter_distances(const std::vector<LeafSegment>& c, const std::array<double, 4>& x,
                       const std::array<double, 4>& y, std::vector<double>& out)
{
    static const bool has_avx2 = __builtin_cpu_supports("avx2");
    if (has_avx2) return quarter_distances_avx2(c, x, y, out);
    quarter_distances_sse2(c, x, y, out);
}

class Field {
public:
    Field(const Grid& grid, const std::vector<Segment>& segments, const Runs& runs,
          const std::vector<std::uint8_t>& inside, std::vector<float>& out)
        : m_grid(grid), m_segments(segments), m_runs(runs), m_inside(inside), m_out(out)
    {
    }

    // One top block, its candidates from the R-tree.
    void top(int col, int row)
    {
        if (!any_inside(col, row, top_block)) return;
        const double cx = (col + 0.5 * top_block) * m_grid.pixel;
        const double cy = (row + 0.5 * top_block) * m_grid.pixel;
        // u: the distance to the nearest segment of the run whose box is nearest, some segment's distance.
        std::vector<Run> nearest;
        m_runs.tree.query(bgi::nearest(Point(cx, cy), 1), std::back_inserter(nearest));
        const Segment* closest = nullptr;
        double u2 = infinity;
        for_run(nearest.front().second, [&](const Segment& s) {
            const double d2 = segment_distance2(s, cx, cy);
            if (d2 < u2) {
                u2 = d2;
                closest = &s;
            }
        });
        const double r = reach(std::sqrt(u2), half_diagonal(top_block));
        const bg::model::box<Point> box(Point(cx - r, cy - r), Point(cx + r, cy + r));
        const CentreSquare square = centres(col, row, top_block, LeafSegment::of(*closest));
        std::vector<LeafSegment>& list = m_lists[0];
        list.clear();
        for (auto it = m_runs.tree.qbegin(bgi::intersects(box)); it != m_runs.tree.qend(); ++it)
            for_run(it->second, [&](const Segment& s) {
                if (segment_distance2(s, cx, cy) > r * r) return;
                const LeafSegment candidate = LeafSegment::of(s);
                if (may_be_nearest(candidate, square)) list.push_back(candidate);
            });
        descend(col, row, top_block, 0);
    }

private:
    template <class Visit>
    void for_run(std::uint32_t run, Visit&& visit) const
    {
        for (std::uint32_t i = m_runs.first[run]; i < m_runs.first[run + 1]; ++i) visit(m_segments[i]);
    }

    // The block's quarters keep the candidates within their own reach.
    void descend(int col, int row, int size, int level)
    {
        const std::vector<LeafSegment>& parent = m_lists[static_cast<std::size_t>(level)];
        if (size == leaf_block) {
            LeafValues best;
            leaf_minimum(parent, col, row, m_grid.pixel, best);
            store(col, row, best);
            return;
        }
        const int half = size / 2;
        const double p = m_grid.pixel;
        const double west = (col + 0.5 * half) * p;
        const double north = (row + 0.5 * half) * p;
        const double east = (col + 1.5 * half) * p;
        const double south = (row + 1.5 * half) * p;
        quarter_distances(parent, {west, east, west, east}, {north, north, south, south},
                          m_d2[static_cast<std::size_t>(level)]);
        const std::vector<double>& d2 = m_d2[static_cast<std::size_t>(level)];  // 4 per candidate
        std::vector<LeafSegment>& child = m_lists[static_cast<std::size_t>(level) + 1];
        for (int q = 0; q < 4; ++q) {
            const int c = col + (q % 2) * half;
            const int r = row + (q / 2) * half;
            if (c >= m_grid.cols || r >= m_grid.rows || !any_inside(c, r, half)) continue;
            std::size_t best = 0;
            for (std::size_t i = 1; i < parent.size(); ++i)
                if (d2[4 * i + q] < d2[4 * best + q]) best = i;
            const double reach2 = std::pow(reach(std::sqrt(d2[4 * best + q]), half_diagonal(half)), 2);
            const CentreSquare square = centres(c, r, half, parent[best]);
            child.clear();
            for (std::size_t i = 0; i < parent.size(); ++i)
                if (d2[4 * i + q] <= reach2 && may_be_nearest(parent[i], square)) child.push_back(parent[i]);
            descend(c, r, half, level + 1);
        }
    }

    void store(int col, int row, const LeafValues& best)
    {
        const int rows = std::min(leaf_block, m_grid.rows - row);
        const int cols = std::min(leaf_block, m_grid.cols - col);
        for (int r = 0; r < rows; ++r)
            for (int c = 0; c < cols; ++c) {
                const std::size_t i = m_grid.index(col + c, row + r);
                const int pixel_in_leaf = r * leaf_block + c;
                if (m_inside.empty() || m_inside[i])
                    m_out[i] = static_cast<float>(std::sqrt(best[static_cast<std::size_t>(pixel_in_leaf)]));
            }
    }

    // Whether any pixel of the block (as far as it lies in the grid) is to receive a value.
    [[nodiscard]] bool any_inside(int col, int row, int size) const
    {
        if (m_inside.empty()) return true;
        const int last_row = std::min(row + size, m_grid.rows);
        const int cols = std::min(size, m_grid.cols - col);
        for (int r = row; r < last_row; ++r) {
            const std::uint8_t* first = m_inside.data() + m_grid.index(col, r);
            if (std::any_of(first, first + cols, [](std::uint8_t v) { return v != 0; })) return true;
        }
        return false;
    }

    // The block's square of pixel centres, with the point of `nearest` nearest to its centre.
    [[nodiscard]] CentreSquare centres(int col, int row, int size, const LeafSegment& nearest) const
    {
        const auto [cx, cy] = centre(col, row, size);
        const auto [xs, ys] = nearest.nearest_point(cx, cy);
        const double xx = xs - cx;
        const double xy = ys - cy;
        return {cx, cy, 0.5 * (size - 1) * m_grid.pixel, half_diagonal(size), xx, xy, xx * xx + xy * xy};
    }
    [[nodiscard]] std::pair<double, double> centre(int col, int row, int size) const
    {
        return {(col + 0.5 * size) * m_grid.pixel, (row + 0.5 * size) * m_grid.pixel};
    }
    // Of the square of the block's pixel centres: only they need a value.
    [[nodiscard]] double half_diagonal(int size) const { return 0.5 * std::sqrt(2.0) * (size - 1) * m_grid.pixel; }

    const Grid& m_grid;
    const std::vector<Segment>& m_segments;
    const Runs& m_runs;
    const std::vector<std::uint8_t>& m_inside;
    std::vector<float>& m_out;
    std::array<std::vector<LeafSegment>, levels> m_lists;  // the candidates of the current block at each level
    std::array<std::vector<double>, levels> m_d2;          // their distances to its quarters' centres
};

}  // namespace

bool exact_segment_distances(const Grid& grid, const std::vector<Segment>& segments, const MultiPolygon* mask,
                             std::vector<float>& out, int threads, const std::function<bool(double)>& report)
{
    if (segments.empty()) return true;  // nothing to measure to; the values stay as they are
    const int block_cols = (grid.cols + top_block - 1) / top_block;
    const int block_rows = (grid.rows + top_block - 1) / top_block;
    // The mask is burnt on a second thread while this one packs the tree.
    auto burning = std::async(threads > 1 ? std::launch::async : std::launch::deferred, [&] {
        return mask != nullptr ? rasterise_area(grid, *mask) : std::vector<std::uint8_t>{};
    });
    const Runs runs = make_runs(segments);
    const std::vector<std::uint8_t> inside = burning.get();
    auto work = [&](std::size_t first, std::size_t last) {
        Field field(grid, segments, runs, inside, out);
        for (std::size_t b = first; b < last; ++b)
            field.top(static_cast<int>(b % static_cast<std::size_t>(block_cols)) * top_block,
                      static_cast<int>(b / static_cast<std::size_t>(block_cols)) * top_block);
    };
    return geo::detail::parallel_chunks(static_cast<std::size_t>(block_cols) * static_cast<std::size_t>(block_rows),
                                        4, threads, work, report);
}

}  // namespace geo::raster::detail

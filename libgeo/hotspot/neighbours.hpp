#pragma once
// Who is a neighbour of whom: distance-band neighbours of points, found through a uniform bucket grid, and explicit
// neighbour lists (CSR) for any other definition (queen contiguity, space-time).
//
// The band is inclusive: j is a neighbour of i when |p_i - p_j| <= band, with a relative tolerance of 1e-9 so that
// cell centres exactly one band apart (1000 m band, 100 m cells, offset (6, 8)) are in whatever rounding the
// centres' coordinates carry. libpysal's DistanceBand is inclusive too.
//
// Weights are binary (w_ij = 1) or row-standardised (1 / row count); both are uniform within a row, so a count per
// feature is all any statistic here needs besides the neighbour ids.
#include "libgeo/core/geometry.hpp"

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

namespace geo::hotspot {

inline constexpr double band_tolerance = 1e-9;

// Neighbour lists in compressed sparse row form: the neighbours of i are ids[offsets[i] .. offsets[i + 1]).
// Self is never listed; Gi* adds it (w_ii = 1) itself.
struct NeighbourList {
    std::vector<std::int64_t> offsets{0};
    std::vector<std::int32_t> ids;

    [[nodiscard]] std::size_t size() const { return offsets.size() - 1; }
    [[nodiscard]] int count(std::size_t i) const { return static_cast<int>(offsets[i + 1] - offsets[i]); }

    // From one vector of neighbour ids per feature (validated: ids in range, no self, no duplicates).
    static NeighbourList from_lists(const std::vector<std::vector<int>>& lists);
};

// A uniform grid of buckets over points, bucket side = the query radius, so a radius query scans 3 x 3 buckets.
// Built once in O(n); queries are read-only and safe from several threads.
class PointBuckets {
public:
    PointBuckets(const std::vector<Point>& points, double radius);

    // Calls visit(j, squared_distance) for every j != i with |p_i - p_j| <= radius (inclusive, with tolerance).
    template <class Visit>
    void for_each_within(std::size_t i, Visit&& visit) const
    {
        const Point& p = (*m_points)[i];
        const auto [bx, by] = bucket_of(p);
        for (long long y = std::max<long long>(by - 1, 0); y <= std::min<long long>(by + 1, m_ny - 1); ++y)
            for (long long x = std::max<long long>(bx - 1, 0); x <= std::min<long long>(bx + 1, m_nx - 1); ++x) {
                const std::size_t b = static_cast<std::size_t>(y * m_nx + x);
                for (std::int64_t k = m_start[b]; k < m_start[b + 1]; ++k) {
                    const auto j = static_cast<std::size_t>(m_order[static_cast<std::size_t>(k)]);
                    if (j == i) continue;
                    const double dx = (*m_points)[j].x() - p.x();
                    const double dy = (*m_points)[j].y() - p.y();
                    const double d2 = dx * dx + dy * dy;
                    if (d2 <= m_limit2) visit(j, d2);
                }
            }
    }

    [[nodiscard]] double radius() const { return m_radius; }

private:
    [[nodiscard]] std::pair<long long, long long> bucket_of(const Point& p) const;

    const std::vector<Point>* m_points;
    double m_radius;
    double m_limit2;
    double m_x0 = 0, m_y0 = 0, m_side = 1;
    long long m_nx = 1, m_ny = 1;
    std::vector<std::int64_t> m_start;
    std::vector<std::int32_t> m_order;
};

// Distance-band neighbour lists (materialised; fine up to a few hundred thousand points at moderate bands, use the
// streaming paths of gi_star.hpp beyond that).
NeighbourList distance_band(const std::vector<Point>& points, double band, int threads = 1);

// Neighbour count (self excluded) of every point within the band, without storing the lists.
std::vector<int> distance_band_counts(const std::vector<Point>& points, double band, int threads = 1);

}  // namespace geo::hotspot

#include "libgeo/hotspot/neighbours.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/core/parallel.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

namespace geo::hotspot {

NeighbourList NeighbourList::from_lists(const std::vector<std::vector<int>>& lists)
{
    NeighbourList out;
    out.offsets.reserve(lists.size() + 1);
    const auto n = static_cast<long long>(lists.size());
    for (std::size_t i = 0; i < lists.size(); ++i) {
        std::vector<int> row = lists[i];
        std::sort(row.begin(), row.end());
        for (std::size_t k = 0; k < row.size(); ++k) {
            if (row[k] < 0 || row[k] >= n)
                throw UsageError("neighbour id " + std::to_string(row[k]) + " of feature " + std::to_string(i) +
                                 " is out of range");
            if (static_cast<std::size_t>(row[k]) == i)
                throw UsageError("feature " + std::to_string(i) + " lists itself as a neighbour",
                                 {}, "Gi* adds the feature itself; list only the others");
            if (k > 0 && row[k] == row[k - 1])
                throw UsageError("feature " + std::to_string(i) + " lists neighbour " + std::to_string(row[k]) + " twice");
            out.ids.push_back(row[k]);
        }
        out.offsets.push_back(static_cast<std::int64_t>(out.ids.size()));
    }
    return out;
}

PointBuckets::PointBuckets(const std::vector<Point>& points, double radius)
    : m_points(&points), m_radius(radius), m_limit2(radius * radius * (1.0 + band_tolerance))
{
    if (!(radius > 0) || !std::isfinite(radius)) throw UsageError("the neighbour distance must be a positive number of metres");
    if (points.size() > static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max()))
        throw UsageError("too many points for one neighbour search");
    double x1 = 0, y1 = 0;
    if (!points.empty()) {
        m_x0 = x1 = points.front().x();
        m_y0 = y1 = points.front().y();
    }
    for (const auto& p : points) {
        m_x0 = std::min(m_x0, p.x());
        m_y0 = std::min(m_y0, p.y());
        x1 = std::max(x1, p.x());
        y1 = std::max(y1, p.y());
    }
    // A bucket no smaller than the radius keeps queries to 3 x 3 buckets; cap the bucket count near the point count
    // so a tiny radius over a wide extent does not allocate a huge empty grid.
    m_side = radius;
    const double cap = std::max(16.0, 4.0 * static_cast<double>(points.size()));
    while (((x1 - m_x0) / m_side + 1) * ((y1 - m_y0) / m_side + 1) > cap) m_side *= 2;
    m_nx = static_cast<long long>(std::floor((x1 - m_x0) / m_side)) + 1;
    m_ny = static_cast<long long>(std::floor((y1 - m_y0) / m_side)) + 1;
    const auto buckets = static_cast<std::size_t>(m_nx * m_ny);
    m_start.assign(buckets + 1, 0);
    std::vector<std::size_t> bucket(points.size());
    for (std::size_t i = 0; i < points.size(); ++i) {
        const auto [bx, by] = bucket_of(points[i]);
        bucket[i] = static_cast<std::size_t>(by * m_nx + bx);
        ++m_start[bucket[i] + 1];
    }
    for (std::size_t b = 0; b < buckets; ++b) m_start[b + 1] += m_start[b];
    m_order.resize(points.size());
    std::vector<std::int64_t> fill(m_start.begin(), m_start.end() - 1);
    for (std::size_t i = 0; i < points.size(); ++i)
        m_order[static_cast<std::size_t>(fill[bucket[i]]++)] = static_cast<std::int32_t>(i);
    // With buckets wider than the radius (the cap above), 3 x 3 still covers the radius; nothing else changes.
}

std::pair<long long, long long> PointBuckets::bucket_of(const Point& p) const
{
    const auto bx = std::clamp(static_cast<long long>(std::floor((p.x() - m_x0) / m_side)), 0LL, m_nx - 1);
    const auto by = std::clamp(static_cast<long long>(std::floor((p.y() - m_y0) / m_side)), 0LL, m_ny - 1);
    return {bx, by};
}

NeighbourList distance_band(const std::vector<Point>& points, double band, int threads)
{
    const PointBuckets buckets(points, band);
    std::vector<std::vector<int>> rows(points.size());
    detail::parallel_chunks(
        points.size(), 1024, threads,
        [&](std::size_t first, std::size_t last) {
            for (std::size_t i = first; i < last; ++i) {
                buckets.for_each_within(i, [&](std::size_t j, double) { rows[i].push_back(static_cast<int>(j)); });
                std::sort(rows[i].begin(), rows[i].end());
            }
        },
        [](double) { return true; });
    NeighbourList out;
    out.offsets.reserve(points.size() + 1);
    for (auto& row : rows) {
        out.ids.insert(out.ids.end(), row.begin(), row.end());
        out.offsets.push_back(static_cast<std::int64_t>(out.ids.size()));
        std::vector<int>().swap(row);
    }
    return out;
}

std::vector<int> distance_band_counts(const std::vector<Point>& points, double band, int threads)
{
    const PointBuckets buckets(points, band);
    std::vector<int> counts(points.size(), 0);
    detail::parallel_chunks(
        points.size(), 4096, threads,
        [&](std::size_t first, std::size_t last) {
            for (std::size_t i = first; i < last; ++i) buckets.for_each_within(i, [&](std::size_t, double) { ++counts[i]; });
        },
        [](double) { return true; });
    return counts;
}

}  // namespace geo::hotspot

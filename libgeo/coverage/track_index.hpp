#pragma once
// Every segment of every cleaned track in one packed rtree, with what coverage needs to know about it:
// which recorded track (pass) it belongs to, when it was walked, and by whom.
#include "libgeo/core/campaign.hpp"

#include <boost/geometry/index/rtree.hpp>

#include <string>
#include <vector>

namespace geo::coverage {

struct TrackSegment {
    Point a, b;
    int pass = 0;        // one per recorded track (pieces split at gaps stay one pass)
    double time = no_time;  // mid-time of the segment, seconds since 1970 UTC
};

class TrackIndex {
public:
    explicit TrackIndex(const Campaign& campaign);

    // Calls f(const TrackSegment&) for every segment whose bounding box comes within `distance` of box.
    template <class F>
    void near(const Box& box, double distance, F&& f) const
    {
        const Box grown(Point(box.min_corner().x() - distance, box.min_corner().y() - distance),
                        Point(box.max_corner().x() + distance, box.max_corner().y() + distance));
        for (auto it = m_tree.qbegin(boost::geometry::index::intersects(grown)); it != m_tree.qend(); ++it)
            f(m_segments[it->second]);
    }

    // Distance from a geometry to the nearest track segment (+infinity without tracks).
    [[nodiscard]] double distance_to_nearest(const Point& p) const;
    [[nodiscard]] double distance_to_nearest(const LineString& line) const;

    [[nodiscard]] const std::vector<TrackSegment>& segments() const { return m_segments; }
    [[nodiscard]] const std::string& pass_name(int pass) const { return m_pass_names.at(static_cast<std::size_t>(pass)); }
    [[nodiscard]] int pass_count() const { return static_cast<int>(m_pass_names.size()); }
    // Each cleaned track piece as a line, for buffers and rasters.
    [[nodiscard]] const std::vector<LineString>& lines() const { return m_lines; }

private:
    using Entry = std::pair<Box, std::size_t>;
    std::vector<TrackSegment> m_segments;
    std::vector<std::string> m_pass_names;  // walker, or the track's name when no walker is known
    std::vector<LineString> m_lines;
    boost::geometry::index::rtree<Entry, boost::geometry::index::rstar<16>> m_tree;
};

}  // namespace geo::coverage

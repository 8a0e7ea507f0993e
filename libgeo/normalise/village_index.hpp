#pragma once
// Which village a geometry lies in: a packed rtree of village bounding boxes, then an exact Boost.Geometry test.
#include "libgeo/core/campaign.hpp"

#include <boost/geometry/index/rtree.hpp>

#include <utility>
#include <vector>

namespace geo::normalise {

class VillageIndex {
public:
    explicit VillageIndex(const std::vector<Village>& villages);

    // Index of the first village (in input order) that contains p, or -1.
    [[nodiscard]] int locate(const Point& p) const;
    [[nodiscard]] bool touches_any(const LineString& line) const;
    [[nodiscard]] bool touches_any(const MultiPolygon& area) const;
    [[nodiscard]] bool empty() const { return m_villages.empty(); }

private:
    using Entry = std::pair<Box, int>;
    const std::vector<Village>& m_villages;
    boost::geometry::index::rtree<Entry, boost::geometry::index::rstar<16>> m_tree;
};

}  // namespace geo::normalise

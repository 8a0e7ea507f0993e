#include "libgeo/normalise/village_index.hpp"

#include <algorithm>

namespace geo::normalise {

namespace bgi = boost::geometry::index;

namespace {
std::vector<std::pair<Box, int>> boxes(const std::vector<Village>& villages)
{
    std::vector<std::pair<Box, int>> out;
    // A village without area has no envelope (Boost returns an inverted box, which an R-tree must not hold); it
    // contains nothing, so it is left out.
    for (std::size_t i = 0; i < villages.size(); ++i)
        if (!bg::is_empty(villages[i].area))
            out.emplace_back(bg::return_envelope<Box>(villages[i].area), static_cast<int>(i));
    return out;
}
}  // namespace

VillageIndex::VillageIndex(const std::vector<Village>& villages) : m_villages(villages), m_tree(boxes(villages)) {}

int VillageIndex::locate(const Point& p) const
{
    int best = -1;
    for (auto it = m_tree.qbegin(bgi::intersects(p)); it != m_tree.qend(); ++it)
        if (bg::covered_by(p, m_villages[static_cast<std::size_t>(it->second)].area))
            if (best < 0 || it->second < best) best = it->second;
    return best;
}

bool VillageIndex::touches_any(const LineString& line) const
{
    const Box box = bg::return_envelope<Box>(line);
    for (auto it = m_tree.qbegin(bgi::intersects(box)); it != m_tree.qend(); ++it)
        if (bg::intersects(line, m_villages[static_cast<std::size_t>(it->second)].area)) return true;
    return false;
}

bool VillageIndex::touches_any(const MultiPolygon& area) const
{
    const Box box = bg::return_envelope<Box>(area);
    for (auto it = m_tree.qbegin(bgi::intersects(box)); it != m_tree.qend(); ++it)
        if (bg::intersects(area, m_villages[static_cast<std::size_t>(it->second)].area)) return true;
    return false;
}

}  // namespace geo::normalise

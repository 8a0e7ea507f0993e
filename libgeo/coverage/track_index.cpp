#include "libgeo/coverage/track_index.hpp"

#include <cmath>
#include <limits>
#include <map>

namespace geo::coverage {

namespace bgi = boost::geometry::index;

namespace {

double segment_distance(const Point& p, const TrackSegment& s)
{
    return bg::distance(p, bg::model::segment<Point>(s.a, s.b));
}

std::vector<std::pair<Box, std::size_t>> entries(const std::vector<TrackSegment>& segments)
{
    std::vector<std::pair<Box, std::size_t>> out;
    out.reserve(segments.size());
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const auto& s = segments[i];
        out.emplace_back(Box(Point(std::min(s.a.x(), s.b.x()), std::min(s.a.y(), s.b.y())),
                             Point(std::max(s.a.x(), s.b.x()), std::max(s.a.y(), s.b.y()))),
                         i);
    }
    return out;
}

}  // namespace

TrackIndex::TrackIndex(const Campaign& campaign)
{
    std::map<std::pair<int, long long>, int> passes;
    for (const Track& t : campaign.tracks) {
        auto [it, fresh] = passes.try_emplace({t.origin.source, t.origin.feature}, static_cast<int>(m_pass_names.size()));
        if (fresh) m_pass_names.push_back(t.walker.empty() ? t.name : t.walker);
        LineString line;
        for (const Fix& f : t.fixes) line.push_back(f.position);
        m_lines.push_back(line);
        if (t.fixes.size() == 1) {
            m_segments.push_back({t.fixes[0].position, t.fixes[0].position, it->second, t.fixes[0].time});
            continue;
        }
        for (std::size_t i = 1; i < t.fixes.size(); ++i) {
            const Fix& f0 = t.fixes[i - 1];
            const Fix& f1 = t.fixes[i];
            m_segments.push_back({f0.position, f1.position, it->second, 0.5 * (f0.time + f1.time)});
        }
    }
    m_tree = decltype(m_tree)(entries(m_segments));
}

double TrackIndex::distance_to_nearest(const Point& p) const
{
    // The nearest boxes first; the exact distance of a segment is at least its box distance, so once the box
    // distance exceeds the best exact distance nothing nearer can follow.
    double best = std::numeric_limits<double>::infinity();
    if (m_segments.empty()) return best;
    for (auto it = m_tree.qbegin(bgi::nearest(p, static_cast<unsigned>(m_segments.size()))); it != m_tree.qend(); ++it) {
        if (bg::distance(p, it->first) > best) break;
        best = std::min(best, segment_distance(p, m_segments[it->second]));
    }
    return best;
}

double TrackIndex::distance_to_nearest(const LineString& line) const
{
    // Growing box queries: a dead corner usually ends where coverage starts (at the sight distance), so a small
    // radius nearly always finds the answer; an incremental k-nearest query with a line predicate costs far more.
    double best = std::numeric_limits<double>::infinity();
    if (m_segments.empty() || line.empty()) return best;
    const Box box = bg::return_envelope<Box>(line);
    const Box all = bg::return_envelope<Box>(m_tree.bounds());
    const double span = std::max(all.max_corner().x() - all.min_corner().x(), all.max_corner().y() - all.min_corner().y()) +
                        bg::distance(box, all);
    for (double radius = 32.0;; radius *= 2.0) {
        near(box, radius, [&](const TrackSegment& s) {
            best = std::min(best, bg::distance(line, bg::model::segment<Point>(s.a, s.b)));
        });
        // Every segment within `radius` of the line's box was seen; the answer is final once it is that close.
        if (best <= radius || radius > span) return best;
    }
}

}  // namespace geo::coverage

#include "libgeo/hotspot/rebounds.hpp"

#include "libgeo/core/error.hpp"

#include <boost/geometry/index/rtree.hpp>

#include <cmath>
#include <iterator>
#include <utility>

namespace geo::hotspot {

namespace bgi = boost::geometry::index;

void ReboundOptions::validate() const
{
    if (!(radius_m >= 0) || !std::isfinite(radius_m))
        throw UsageError("the rebound radius must be a number of metres, 0 or more", {}, "e.g. 50");
    if (!(min_days >= 0) || !std::isfinite(min_days))
        throw UsageError("the rebound minimum time must be a number of days, 0 or more", {}, "e.g. 7");
}

bool same_problem(const Issue& a, const Issue& b)
{
    if (a.category != b.category) return false;
    const std::string_view pa = trim(a.problem), pb = trim(b.problem);
    return pa.empty() || pb.empty() || pa == pb;
}

std::vector<Rebound> find_rebounds(const std::vector<Issue>& issues, const ReboundOptions& options)
{
    options.validate();
    using Entry = std::pair<Point, int>;
    std::vector<Entry> accepted;
    for (std::size_t j = 0; j < issues.size(); ++j)
        if (issues[j].accepted && std::isfinite(*issues[j].accepted)) accepted.emplace_back(issues[j].position, static_cast<int>(j));
    const bgi::rtree<Entry, bgi::rstar<16>> tree(accepted);  // packing constructor
    const double limit = options.radius_m * (1 + 1e-12);
    const double min_seconds = options.min_days * 86400.0;
    std::vector<Rebound> out;
    std::vector<Entry> near;
    for (std::size_t i = 0; i < issues.size(); ++i) {
        const Issue& issue = issues[i];
        if (!issue.found || !std::isfinite(*issue.found)) continue;
        near.clear();
        const Point& p = issue.position;
        const Box box(Point(p.x() - limit, p.y() - limit), Point(p.x() + limit, p.y() + limit));
        tree.query(bgi::intersects(box), std::back_inserter(near));
        Rebound best;
        double best_accepted = 0;
        for (const auto& [position, j] : near) {
            const Issue& earlier = issues[static_cast<std::size_t>(j)];
            if (static_cast<std::size_t>(j) == i || !same_problem(earlier, issue)) continue;
            const double a = *earlier.accepted;
            if (!(*issue.found > a) || *issue.found - a < min_seconds) continue;
            const double d = bg::distance(p, position);
            if (d > limit) continue;
            const bool better = best.earlier < 0 || a > best_accepted ||
                                (a == best_accepted && (d < best.distance_m || (d == best.distance_m && j < best.earlier)));
            if (better) {
                best = {static_cast<int>(i), j, d, (*issue.found - a) / 86400.0};
                best_accepted = a;
            }
        }
        if (best.earlier >= 0) out.push_back(best);
    }
    return out;
}

}  // namespace geo::hotspot

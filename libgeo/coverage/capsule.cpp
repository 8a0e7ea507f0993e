#include "libgeo/coverage/capsule.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace geo::coverage {

namespace {

struct Range {
    double lo = std::numeric_limits<double>::infinity();
    double hi = -std::numeric_limits<double>::infinity();
    [[nodiscard]] bool empty() const { return !(lo <= hi); }
    void unite(const Range& r)
    {
        if (r.empty()) return;
        lo = std::min(lo, r.lo);
        hi = std::max(hi, r.hi);
    }
};

// t with |A + t u - C|^2 <= s^2.
Range in_disc(double ax, double ay, double ux, double uy, double cx, double cy, double s)
{
    const double fx = ax - cx, fy = ay - cy;
    const double qa = ux * ux + uy * uy;
    const double qb = 2.0 * (ux * fx + uy * fy);
    const double qc = fx * fx + fy * fy - s * s;
    const double disc = qb * qb - 4.0 * qa * qc;
    if (disc < 0.0) return {};
    const double root = std::sqrt(disc);
    // The numerically stable pair of roots (no cancellation between qb and root).
    const double q = -0.5 * (qb + std::copysign(root, qb));
    double t1 = q / qa;
    double t2 = q != 0.0 ? qc / q : t1;
    if (t1 > t2) std::swap(t1, t2);
    return {t1, t2};
}

// t with lo <= p0 + p1 t <= hi.
Range in_slab(double p0, double p1, double lo, double hi)
{
    if (p1 == 0.0) return p0 >= lo && p0 <= hi ? Range{-std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity()} : Range{};
    double t1 = (lo - p0) / p1, t2 = (hi - p0) / p1;
    if (t1 > t2) std::swap(t1, t2);
    return {t1, t2};
}

Range intersect(const Range& a, const Range& b) { return {std::max(a.lo, b.lo), std::min(a.hi, b.hi)}; }

}  // namespace

std::optional<Interval> within_distance(const Point& a, const Point& b, const Point& c, const Point& d, double s)
{
    const double ux = b.x() - a.x(), uy = b.y() - a.y();
    if (ux == 0.0 && uy == 0.0) return std::nullopt;
    Range all = in_disc(a.x(), a.y(), ux, uy, c.x(), c.y(), s);
    const double vx = d.x() - c.x(), vy = d.y() - c.y();
    const double m = std::hypot(vx, vy);
    if (m > 0.0) {
        all.unite(in_disc(a.x(), a.y(), ux, uy, d.x(), d.y(), s));
        // Rectangle: position along CD in [0, m], signed distance across it in [-s, s].
        const double nx = vx / m, ny = vy / m;
        const double ax = a.x() - c.x(), ay = a.y() - c.y();
        const Range along = in_slab(ax * nx + ay * ny, ux * nx + uy * ny, 0.0, m);
        const Range across = in_slab(-ax * ny + ay * nx, -ux * ny + uy * nx, -s, s);
        all.unite(intersect(along, across));
    }
    const Range clipped = intersect(all, {0.0, 1.0});
    if (clipped.empty()) return std::nullopt;
    return Interval{clipped.lo, clipped.hi};
}

}  // namespace geo::coverage

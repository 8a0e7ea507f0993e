#include "libgeo/coverage/capsule.hpp"

#include <gtest/gtest.h>

#include <random>

namespace geo::coverage {

namespace {

double segment_distance(const Point& p, const Point& c, const Point& d)
{
    return bg::distance(p, bg::model::segment<Point>(c, d));
}

}  // namespace

TEST(Capsule, ParallelSegmentWithinSight)
{
    // AB along the x axis from 0 to 100; CD parallel at 20 m from x = 30 to 60; s = 30: covered from
    // 30 - sqrt(30^2 - 20^2) to 60 + sqrt(30^2 - 20^2).
    const auto t = within_distance(Point(0, 0), Point(100, 0), Point(30, 20), Point(60, 20), 30);
    ASSERT_TRUE(t);
    const double r = std::sqrt(900.0 - 400.0);
    EXPECT_NEAR(t->from * 100, 30 - r, 1e-9);
    EXPECT_NEAR(t->to * 100, 60 + r, 1e-9);
}

TEST(Capsule, CrossingCoversTwoSightDistances)
{
    // A perpendicular crossing covers 2 s of the line, not the whole line.
    const auto t = within_distance(Point(0, 0), Point(1000, 0), Point(500, -400), Point(500, 400), 30);
    ASSERT_TRUE(t);
    EXPECT_NEAR((t->to - t->from) * 1000, 60.0, 1e-9);
}

TEST(Capsule, FarDegenerateAndTouchingCases)
{
    EXPECT_FALSE(within_distance(Point(0, 0), Point(100, 0), Point(0, 31), Point(100, 31), 30));
    EXPECT_FALSE(within_distance(Point(5, 5), Point(5, 5), Point(5, 5), Point(6, 6), 30));  // zero-length AB
    const auto point = within_distance(Point(0, 0), Point(100, 0), Point(50, 0), Point(50, 0), 10);  // CD a point
    ASSERT_TRUE(point);
    EXPECT_NEAR(point->from, 0.4, 1e-12);
    EXPECT_NEAR(point->to, 0.6, 1e-12);
}

TEST(Capsule, AgreesWithBruteForceOnRandomSegments)
{
    // Oracle: the exact point-segment distance of Boost.Geometry at 2,001 points along AB.
    std::mt19937_64 rng(42);
    std::uniform_real_distribution<double> coord(-100.0, 100.0);
    std::uniform_real_distribution<double> sight(1.0, 60.0);
    for (int trial = 0; trial < 2000; ++trial) {
        const Point a(coord(rng), coord(rng)), b(coord(rng), coord(rng)), c(coord(rng), coord(rng)), d(coord(rng), coord(rng));
        const double s = sight(rng);
        const auto t = within_distance(a, b, c, d, s);
        const double length = bg::distance(a, b);
        const int n = 2000;
        for (int i = 0; i <= n; ++i) {
            const double u = static_cast<double>(i) / n;
            const Point p(a.x() + u * (b.x() - a.x()), a.y() + u * (b.y() - a.y()));
            const double dist = segment_distance(p, c, d);
            const bool inside = t && u >= t->from && u <= t->to;
            // Points well inside or outside must agree; right at the boundary rounding may decide.
            if (dist < s - 1e-7) {
                EXPECT_TRUE(inside) << "trial " << trial << " u " << u << " length " << length;
            }
            if (dist > s + 1e-7) {
                EXPECT_FALSE(inside) << "trial " << trial << " u " << u;
            }
        }
        if (t) {
            // The interval's ends lie exactly at distance s (unless clipped at A or B).
            for (double u : {t->from, t->to}) {
                if (u <= 0.0 || u >= 1.0) continue;
                const Point p(a.x() + u * (b.x() - a.x()), a.y() + u * (b.y() - a.y()));
                EXPECT_NEAR(segment_distance(p, c, d), s, 1e-6 * std::max(1.0, s));
            }
        }
    }
}

}  // namespace geo::coverage

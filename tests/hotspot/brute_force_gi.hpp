#pragma once
// An O(n^2) textbook Gi*, written for the tests independently of libgeo/hotspot: the oracle of test_gi_star.cpp and
// of the effort-adjusted rate Gi* read back from a run's hotspot_cells layer.
#include "libgeo/core/geometry.hpp"

#include <cmath>
#include <vector>

namespace geo::test {

// The textbook Gi* (Getis & Ord 1995; ArcGIS's documented formula), binary weights with w_ii = 1, by brute force.
inline std::vector<double> brute_force_gi_star(const std::vector<Point>& pts, const std::vector<double>& x, double band)
{
    const std::size_t n = pts.size();
    double sum = 0, sum2 = 0;
    for (double v : x) {
        sum += v;
        sum2 += v * v;
    }
    const double nd = static_cast<double>(n);
    const double mean = sum / nd;
    const double s = std::sqrt(sum2 / nd - mean * mean);
    std::vector<double> z(n);
    for (std::size_t i = 0; i < n; ++i) {
        double wx = 0, w = 0, w2 = 0;
        for (std::size_t j = 0; j < n; ++j) {
            const double d = std::hypot(pts[i].x() - pts[j].x(), pts[i].y() - pts[j].y());
            if (d <= band * (1 + 1e-10)) {
                wx += x[j];
                w += 1;
                w2 += 1;
            }
        }
        z[i] = (wx - mean * w) / (s * std::sqrt((nd * w2 - w * w) / (nd - 1)));
    }
    return z;
}

}  // namespace geo::test

#include "libgeo/hotspot/fdr.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <numeric>

namespace geo::hotspot {

double two_sided_p(double z)
{
    if (!std::isfinite(z)) return std::isnan(z) ? 1.0 : 0.0;
    return std::erfc(std::fabs(z) / std::sqrt(2.0));
}

std::vector<double> benjamini_hochberg(const std::vector<double>& p)
{
    const std::size_t n = p.size();
    auto value = [&](std::size_t i) { return std::isnan(p[i]) ? 1.0 : p[i]; };
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return value(a) < value(b); });
    std::vector<double> q(n, 1.0);
    // Step-up: walk from the largest p down, keeping the running minimum so q is monotone in p.
    double running = 1.0;
    for (std::size_t k = n; k-- > 0;) {
        const std::size_t i = order[k];
        const double candidate = value(i) * static_cast<double>(n) / static_cast<double>(k + 1);
        running = std::min(running, candidate);
        q[i] = std::min(running, 1.0);
    }
    return q;
}

int confidence_bin(double z, double p)
{
    if (!std::isfinite(z) || z == 0.0 || std::isnan(p)) return 0;
    int level = 0;
    if (p <= 0.01)
        level = 3;
    else if (p <= 0.05)
        level = 2;
    else if (p <= 0.10)
        level = 1;
    return z > 0 ? level : -level;
}

std::vector<int> confidence_bins(const std::vector<double>& z, const std::vector<double>& p)
{
    std::vector<int> bins(z.size(), 0);
    for (std::size_t i = 0; i < z.size() && i < p.size(); ++i) bins[i] = confidence_bin(z[i], p[i]);
    return bins;
}

}  // namespace geo::hotspot

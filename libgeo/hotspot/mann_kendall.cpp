#include "libgeo/hotspot/mann_kendall.hpp"

#include "libgeo/hotspot/fdr.hpp"

#include <algorithm>
#include <cmath>

namespace geo::hotspot {

MannKendall mann_kendall(const std::vector<double>& series)
{
    MannKendall r;
    r.n = static_cast<int>(series.size());
    if (r.n < 2) return r;
    const double n = r.n;
    long long s = 0;
    for (std::size_t i = 0; i + 1 < series.size(); ++i)
        for (std::size_t j = i + 1; j < series.size(); ++j) s += (series[j] > series[i]) - (series[j] < series[i]);
    r.s = static_cast<double>(s);
    std::vector<double> sorted = series;
    std::sort(sorted.begin(), sorted.end());
    double ties = 0;
    for (std::size_t i = 0; i < sorted.size();) {
        std::size_t j = i;
        while (j < sorted.size() && sorted[j] == sorted[i]) ++j;
        const double t = static_cast<double>(j - i);
        ties += t * (t - 1) * (2 * t + 5);
        i = j;
    }
    r.variance = (n * (n - 1) * (2 * n + 5) - ties) / 18.0;
    r.tau = r.s / (n * (n - 1) / 2);
    if (r.variance > 0 && s != 0) r.z = (s > 0 ? r.s - 1 : r.s + 1) / std::sqrt(r.variance);
    r.p = two_sided_p(r.z);
    return r;
}

}  // namespace geo::hotspot

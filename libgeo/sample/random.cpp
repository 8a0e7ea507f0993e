#include "libgeo/sample/random.hpp"

#include <cmath>
#include <numbers>
#include <numeric>
#include <stdexcept>
#include <utility>

namespace geo::sample {

std::uint64_t derive_seed(std::uint64_t seed, std::uint64_t stream)
{
    std::uint64_t z = seed + 0x9E3779B97F4A7C15ULL * (stream + 1);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

double Random::uniform()
{
    // The top 53 bits fill a double's mantissa exactly; the result is never 1.0.
    return static_cast<double>(m_engine() >> 11) * 0x1.0p-53;
}

int Random::uniform_int(int lo, int hi)
{
    // An empty range would make the rejection loop below spin for ever.
    if (hi < lo) throw std::invalid_argument("Random::uniform_int: empty range");
    const auto span = static_cast<std::uint64_t>(static_cast<std::int64_t>(hi) - lo + 1);
    // Rejection keeps the draw unbiased; the limit is the largest multiple of span below 2^64.
    const std::uint64_t limit = span == 0 ? 0 : (~std::uint64_t{0} / span) * span;
    std::uint64_t r = m_engine();
    while (r >= limit) r = m_engine();
    return static_cast<int>(lo + static_cast<std::int64_t>(r % span));
}

double Random::normal(double mean, double sigma)
{
    if (m_spare) {
        const double z = *m_spare;
        m_spare.reset();
        return mean + sigma * z;
    }
    // 1 - uniform() lies in (0, 1], so the logarithm is finite.
    const double u1 = 1.0 - uniform();
    const double u2 = uniform();
    const double radius = std::sqrt(-2.0 * std::log(u1));
    const double angle = 2.0 * std::numbers::pi * u2;
    m_spare = radius * std::sin(angle);
    return mean + sigma * radius * std::cos(angle);
}

std::size_t Random::weighted(const std::vector<double>& weights)
{
    const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
    double target = uniform() * total;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        if (target < weights[i]) return i;
        target -= weights[i];
    }
    // Rounding can leave target just above the last weight: return the last positive one.
    for (std::size_t i = weights.size(); i-- > 0;)
        if (weights[i] > 0) return i;
    return 0;
}

std::vector<std::size_t> Random::permutation(std::size_t n)
{
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    for (std::size_t i = n; i > 1; --i) std::swap(order[i - 1], order[index(i)]);
    return order;
}

}  // namespace geo::sample

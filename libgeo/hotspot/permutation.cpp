// Conditional permutation inference for Gi* (esda's crand, see gi_star.hpp): per feature, a seeded stream of random
// draws without replacement from the other features.
#include "libgeo/core/error.hpp"
#include "libgeo/core/parallel.hpp"
#include "libgeo/hotspot/gi_star.hpp"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <numeric>

namespace geo::hotspot::detail {

namespace {

// SplitMix64 (Steele, Lea, Flood 2014): tiny, fast, passes BigCrush, and any 64-bit seed is a good one — which lets
// every feature have its own stream seeded from (seed, i), independent of how the features are split over threads.
class SplitMix64 {
public:
    explicit SplitMix64(std::uint64_t seed) : m_state(seed) {}
    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    // Uniform in [0, bound) by Lemire's multiply-shift with rejection (unbiased).
    std::uint64_t below(std::uint64_t bound)
    {
        __extension__ using u128 = unsigned __int128;
        u128 m = static_cast<u128>(next()) * bound;
        auto low = static_cast<std::uint64_t>(m);
        if (low < bound) {
            const std::uint64_t threshold = (0 - bound) % bound;
            while (low < threshold) {
                m = static_cast<u128>(next()) * bound;
                low = static_cast<std::uint64_t>(m);
            }
        }
        return static_cast<std::uint64_t>(m >> 64);
    }

private:
    std::uint64_t m_state;
};

std::uint64_t feature_seed(std::uint64_t seed, std::size_t i)
{
    SplitMix64 mix(seed ^ (0xD1B54A32D192ED03ULL * (static_cast<std::uint64_t>(i) + 1)));
    return mix.next();
}

}  // namespace

std::vector<double> permutation_p(const std::vector<double>& values, const BinarySums& sums, int permutations,
                                  std::uint64_t seed, int threads, Progress progress)
{
    const std::size_t n = values.size();
    std::vector<double> p(n, 1.0);
    if (n < 2) return p;
    std::atomic<bool> cancelled{false};
    const bool finished = geo::detail::parallel_chunks(
        n, 256, threads,
        [&](std::size_t first, std::size_t last) {
            // One pool of the other features' ids per chunk; a partial Fisher–Yates shuffle draws k distinct ones and
            // its swaps are undone afterwards, so every draw starts from the same pool whatever ran before.
            std::vector<std::uint32_t> pool(n);
            std::iota(pool.begin(), pool.end(), std::uint32_t{0});
            std::vector<std::pair<std::size_t, std::size_t>> swaps;
            for (std::size_t i = first; i < last; ++i) {
                const auto k = static_cast<std::size_t>(sums.count[i]);
                if (k == 0 || k >= n - 1) continue;  // nothing to permute: every draw equals the observed sum
                std::swap(pool[i], pool[n - 1]);  // the other features are pool[0 .. n - 2]
                SplitMix64 rng(feature_seed(seed, i));
                const double observed = sums.sum[i];
                long long larger = 0;
                for (int perm = 0; perm < permutations; ++perm) {
                    double s = values[i];
                    swaps.clear();
                    for (std::size_t d = 0; d < k; ++d) {
                        const std::size_t pick = d + static_cast<std::size_t>(rng.below(n - 1 - d));
                        std::swap(pool[d], pool[pick]);
                        swaps.emplace_back(d, pick);
                        s += values[pool[d]];
                    }
                    for (auto it = swaps.rbegin(); it != swaps.rend(); ++it) std::swap(pool[it->first], pool[it->second]);
                    if (s >= observed) ++larger;
                }
                std::swap(pool[i], pool[n - 1]);  // back to the identity for the next feature
                if (permutations - larger < larger) larger = permutations - larger;
                p[i] = static_cast<double>(larger + 1) / static_cast<double>(permutations + 1);
            }
        },
        [&](double done) {
            try {
                progress(0.5 + 0.5 * done, "Gi* permutations");
            } catch (...) {
                cancelled = true;
                return false;
            }
            return true;
        });
    if (!finished && cancelled) throw Error("Gi* permutations were cancelled");
    return p;
}

}  // namespace geo::hotspot::detail

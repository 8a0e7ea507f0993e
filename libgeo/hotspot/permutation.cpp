// Conditional permutation inference for Gi* (esda's crand, see gi_star.hpp): one seeded matrix of draws without
// replacement, read by every feature as draws from the other features.
#include "libgeo/core/error.hpp"
#include "libgeo/core/parallel.hpp"
#include "libgeo/hotspot/gi_star.hpp"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <numeric>
#include <string>

namespace geo::hotspot::detail {

namespace {

// SplitMix64 (Steele, Lea, Flood 2014): tiny, fast, passes BigCrush, and any 64-bit seed is a good one (the user's
// seed may well be 0 or 1).
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

std::uint64_t stream_seed(std::uint64_t seed, std::size_t i)
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
    // esda's crand: one matrix of random draws shared by every feature — row r holds max_k distinct ids of 0 .. n - 2,
    // and feature i reads the first k_i of them as ids of the other features (id >= i means id + 1). Drawing once keeps
    // the cost at n * permutations * k look-ups with no random numbers per feature, and the matrix comes from the seed
    // alone, so p_sim does not depend on the thread count.
    std::size_t max_k = 0;
    for (int k : sums.count) max_k = std::max(max_k, static_cast<std::size_t>(k));
    max_k = std::min(max_k, n - 1);
    const auto rows = static_cast<std::size_t>(permutations);
    if (static_cast<double>(rows) * static_cast<double>(max_k) > 2e8)
        throw UsageError(std::to_string(permutations) + " permutations of up to " + std::to_string(max_k) +
                             " neighbours need too much memory",
                         {}, "use fewer permutations or a smaller band");
    std::vector<std::uint32_t> draws(rows * max_k);
    {
        SplitMix64 rng(stream_seed(seed, 0));
        std::vector<std::uint32_t> pool(n - 1);
        std::iota(pool.begin(), pool.end(), std::uint32_t{0});
        for (std::size_t r = 0; r < rows; ++r)
            // A partial Fisher–Yates shuffle; the pool carries on shuffled into the next row, which is as random.
            for (std::size_t d = 0; d < max_k; ++d) {
                const std::size_t pick = d + static_cast<std::size_t>(rng.below(n - 1 - d));
                std::swap(pool[d], pool[pick]);
                draws[r * max_k + d] = pool[d];
            }
    }
    std::atomic<bool> cancelled{false};
    const bool finished = geo::detail::parallel_chunks(
        n, 256, threads,
        [&](std::size_t first, std::size_t last) {
            for (std::size_t i = first; i < last; ++i) {
                const auto k = static_cast<std::size_t>(sums.count[i]);
                if (k == 0 || k >= n - 1) continue;  // nothing to permute: every draw equals the observed sum
                const double observed = sums.sum[i];
                long long larger = 0;
                for (std::size_t r = 0; r < rows; ++r) {
                    const std::uint32_t* row = draws.data() + r * max_k;
                    double s = values[i];
                    for (std::size_t d = 0; d < k; ++d) s += values[row[d] + (row[d] >= i ? 1 : 0)];
                    if (s >= observed) ++larger;
                }
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

#pragma once
// A deterministic random source for the sample town. The standard distributions (uniform_real_distribution,
// normal_distribution, ...) are implementation-defined, so the same seed would give different towns with libstdc++,
// libc++ and MSVC; here only the raw std::mt19937_64 stream (fully specified by the standard) is used and every
// distribution is written out by hand.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <random>
#include <vector>

namespace geo::sample {

// Mixes a seed and a stream number into an independent seed (splitmix64), so tile 7 of a town and the tracks of
// tile 7 get their own streams and adding a generation step never shifts the numbers drawn by another step.
std::uint64_t derive_seed(std::uint64_t seed, std::uint64_t stream);

class Random {
public:
    explicit Random(std::uint64_t seed) : m_engine(seed) {}

    // Uniform in [0, 1) with 53 random bits.
    double uniform();
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    // Uniform integer in [lo, hi], both inclusive; throws std::invalid_argument when hi < lo.
    int uniform_int(int lo, int hi);
    // Uniform index into a container of `size` (> 0) elements.
    std::size_t index(std::size_t size)
    {
        return static_cast<std::size_t>(uniform_int(0, static_cast<int>(size) - 1));
    }
    // Normal by Box–Muller; the second value of each pair is kept for the next call.
    double normal(double mean = 0.0, double sigma = 1.0);
    bool chance(double probability) { return uniform() < probability; }
    // Index drawn with probability proportional to weights (all >= 0, at least one > 0).
    std::size_t weighted(const std::vector<double>& weights);

    // 0 .. n-1 in random order (Fisher–Yates).
    std::vector<std::size_t> permutation(std::size_t n);

private:
    std::mt19937_64 m_engine;
    std::optional<double> m_spare;
};

}  // namespace geo::sample

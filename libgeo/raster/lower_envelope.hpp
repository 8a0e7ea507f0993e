#pragma once
// The one-dimensional distance transform of Felzenszwalb & Huttenlocher, "Distance Transforms of Sampled
// Functions" (Theory of Computing 8, 2012), algorithm DT(f), for whole-pixel sites and squared whole-pixel values:
// the lower envelope of the parabolas (x - q)^2 + f(q) rooted at the sites q, then read off at every x, in O(n).
// The breakpoints are kept as fractions and compared by cross-multiplying in 64-bit integers, so the envelope is
// exact (no rounding can pick the wrong parabola) and no division is done; for grids of up to 10^6 pixels a side
// every product stays below 2^63.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace geo::raster::detail {

class LowerEnvelope {
public:
    // Starts a new envelope; room for n sites.
    void reset(std::size_t n)
    {
        m_count = 0;
        if (m_site.size() < n) {
            m_site.resize(n);
            m_height.resize(n);
            m_num.resize(n);
            m_den.resize(n);
        }
    }

    // Adds the parabola rooted at site q with value f; sites must come in increasing order.
    void add(std::int64_t q, std::int64_t f)
    {
        const std::int64_t height = f + q * q;  // the parabola is x^2 - 2qx + height
        std::int64_t num = 0;
        std::int64_t den = 1;
        while (m_count > 0) {
            const std::size_t k = m_count - 1;
            // Where the new parabola becomes lower than parabola k: x > num / den.
            num = height - m_height[k];
            den = 2 * (q - m_site[k]);
            if (k == 0 || num * m_den[k] > m_num[k] * den) break;
            --m_count;  // parabola k is nowhere lowest any more
        }
        m_site[m_count] = q;
        m_height[m_count] = height;
        m_num[m_count] = num;
        m_den[m_count] = den;
        ++m_count;
    }

    [[nodiscard]] bool empty() const { return m_count == 0; }

    // out[x] = min over the sites q of (x - q)^2 + f(q), for x in [0, n); the envelope must not be empty.
    void minimum(std::size_t n, std::int64_t* out) const
    {
        std::size_t k = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const auto x = static_cast<std::int64_t>(i);
            while (k + 1 < m_count && m_num[k + 1] < x * m_den[k + 1]) ++k;
            out[i] = x * x - 2 * x * m_site[k] + m_height[k];
        }
    }

private:
    std::size_t m_count = 0;
    std::vector<std::int64_t> m_site;    // v in the paper
    std::vector<std::int64_t> m_height;  // f(v) + v^2
    std::vector<std::int64_t> m_num;     // z, where each parabola starts being lowest, as num / den (den > 0)
    std::vector<std::int64_t> m_den;
};

}  // namespace geo::raster::detail

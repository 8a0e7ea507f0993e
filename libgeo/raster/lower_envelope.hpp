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
        if (m_parabolas.size() < n) m_parabolas.resize(n);
    }

    // Adds the parabola rooted at site q with value f; sites must come in increasing order.
    void add(std::int64_t q, std::int64_t f)
    {
        const std::int64_t height = f + q * q;  // the parabola is x^2 - 2qx + height
        std::int64_t num = 0;
        std::int64_t den = 1;
        while (m_count > 0) {
            const Parabola& top = m_parabolas[m_count - 1];
            // Where the new parabola becomes lower than the top one: x > num / den.
            num = height - top.height;
            den = 2 * (q - top.site);
            if (m_count == 1 || num * top.den > top.num * den) break;
            --m_count;  // the top parabola is nowhere lowest any more
        }
        m_parabolas[m_count++] = Parabola{q, height, num, den};
    }

    [[nodiscard]] bool empty() const { return m_count == 0; }

    // out[x - first] = min over the sites q of (x - q)^2 + f(q), for x in [first, last), as float (exact below
    // 2^24, i.e. within 4096 pixels of a site; farther, rounded to float precision); the envelope must not be empty.
    void minimum(std::int64_t first, std::int64_t last, float* out) const
    {
        const Parabola* p = m_parabolas.data();
        const Parabola* end = p + m_count - 1;
        for (std::int64_t x = first; x < last; ++x) {
            while (p != end && p[1].num < x * p[1].den) ++p;
            out[x - first] = static_cast<float>(x * (x - 2 * p->site) + p->height);
        }
    }

private:
    struct Parabola {
        std::int64_t site;    // v in the paper
        std::int64_t height;  // f(v) + v^2
        std::int64_t num;     // z, where it starts being lowest, as num / den (den > 0)
        std::int64_t den;
    };
    std::size_t m_count = 0;
    std::vector<Parabola> m_parabolas;
};

}  // namespace geo::raster::detail

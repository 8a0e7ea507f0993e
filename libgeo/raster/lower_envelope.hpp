#pragma once
// The one-dimensional distance transform of Felzenszwalb & Huttenlocher, "Distance Transforms of Sampled
// Functions" (Theory of Computing 8, 2012), algorithm DT(f): the lower envelope of the parabolas
// (x - q)^2 + f(q) rooted at the sites q with finite f, then read off at every x, in O(n).
// Here it returns the minimising site rather than the minimum, because the caller needs to know which seed is
// nearest. Sites and f are whole pixels and squared whole pixels, exact in double; the breakpoints s are rounded
// but a rounding can only move an x across a breakpoint where both parabolas give the same whole value, so the
// minimum found is exact and only the choice between equally near sites can differ from exact arithmetic (it is
// still deterministic).
#include <limits>
#include <vector>

namespace geo::raster::detail {

class LowerEnvelope {
public:
    // Starts a new envelope over positions [0, n).
    void reset(int n)
    {
        m_n = n;
        m_count = 0;
        m_site.resize(static_cast<std::size_t>(n));
        m_value.resize(static_cast<std::size_t>(n));
        m_from.resize(static_cast<std::size_t>(n));
    }

    // Adds the parabola rooted at site q with value f; sites must come in increasing order.
    void add(int q, double f)
    {
        const double qq = static_cast<double>(q) * q;
        double s = -std::numeric_limits<double>::infinity();
        while (m_count > 0) {
            const std::size_t k = m_count - 1;
            const double v = m_site[k];
            s = ((f + qq) - (m_value[k] + v * v)) / (2.0 * (q - v));
            if (s > m_from[k]) break;
            --m_count;  // parabola k is nowhere lowest any more
        }
        if (m_count == 0) s = -std::numeric_limits<double>::infinity();
        m_site[m_count] = q;
        m_value[m_count] = f;
        m_from[m_count] = s;
        ++m_count;
    }

    // nearest[x] = the site whose parabola is lowest at x (the western one on a tie), or -1 when no site was added.
    void nearest(int* out) const
    {
        if (m_count == 0) {
            for (int x = 0; x < m_n; ++x) out[x] = -1;
            return;
        }
        std::size_t k = 0;
        for (int x = 0; x < m_n; ++x) {
            while (k + 1 < m_count && m_from[k + 1] < x) ++k;
            out[x] = static_cast<int>(m_site[k]);
        }
    }

private:
    int m_n = 0;
    std::size_t m_count = 0;
    std::vector<double> m_site;   // v in the paper
    std::vector<double> m_value;  // f(v)
    std::vector<double> m_from;   // z: where each parabola starts being lowest
};

}  // namespace geo::raster::detail

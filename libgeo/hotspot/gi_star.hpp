#pragma once
// Getis-Ord Gi* local statistic: z-scores, two-sided normal p-values, conditional permutation pseudo p-values,
// Benjamini–Hochberg FDR and ArcGIS's seven confidence bins.
//
// The z-score is the one of esda's G_Local(star=True) (esda/getisord.py, calc()), with the feature itself in its
// neighbourhood (w_ii = 1 for binary weights, as esda star=True binary and ArcGIS):
//     z_i = (L_i - xbar W_i) / (S sqrt(W_i (n - W_i) / (n - 1))),   L_i = sum_j w_ij x_j,  W_i = sum_j w_ij,
//     xbar = sum x / n,  S^2 = sum (x - xbar)^2 / n.
// With binary weights W_i = sum_j w_ij^2, so this is the textbook Getis–Ord (1995) / ArcGIS formula. With
// row-standardised weights (w_ij = 1 / (k_i + 1)) it is esda's transform='R' variant, which treats the row sum as the
// cardinality; the textbook formula would give the binary z again (Gi* z does not change when a row is scaled).
// We divide nothing by sum x, so unlike esda the sign does not flip when the values sum to a negative number.
//
// Zero variance (all values equal), a single feature, or a feature whose neighbourhood is everything: z = 0, p = 1,
// bin 0 — a defined result, never NaN.
//
// Permutation inference follows esda's crand (esda/crand.py): for feature i, permutations times draw k_i distinct
// other features at random (k_i = its neighbour count), hold x_i in place, and recompute L_i. With
// larger = #(permuted L_i >= observed L_i), folded to permutations - larger when that is smaller, the pseudo p-value
// is (larger + 1) / (permutations + 1) — a folded one-sided value, as esda's p_sim. As in esda, one matrix of
// random draws (permutations x largest k) is shared by all features; it comes from the seed alone, so p_sim does not
// depend on the thread count. Our generator is not numpy's, so values agree with esda statistically, not bit for
// bit. Cost: n * permutations * mean k look-ups. A feature with no neighbours, or with every other feature as a
// neighbour, has nothing to permute: p_sim = 1 (esda would report 1 / (permutations + 1)).
#include "libgeo/core/geometry.hpp"
#include "libgeo/core/progress.hpp"
#include "libgeo/hotspot/neighbours.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace geo::hotspot {

enum class Weighting { binary, row_standardised };
// Which p-value the FDR correction and the bins use: the normal approximation (ArcGIS) or the permutation one.
enum class BinSource { normal, permutation };

struct GiOptions {
    double band_m = 0;                     // distance band for the point and grid front ends (centre to centre)
    Weighting weighting = Weighting::binary;
    int permutations = 0;                  // 0: no permutation inference (p_sim stays empty); esda's default is 999
    std::uint64_t seed = 12345;
    bool fdr = true;                       // bins from BH q-values (ArcGIS Optimized Hot Spot Analysis) or raw p
    double fdr_alpha = 0.10;               // no bin where that q (or p) exceeds it; 0.10 keeps all three classes
    BinSource bin_from = BinSource::normal;
    int threads = 1;

    // Throws geo::UsageError for negative permutations, a permutation bin source without permutations, threads < 1,
    // fdr_alpha outside (0, 1].
    void validate() const;
    // validate() plus a positive, finite band.
    void validate_band() const;
};

struct GiResult {
    std::vector<double> z;          // Gi* z-score
    std::vector<double> p;          // two-sided normal p-value of z (uncorrected)
    std::vector<double> p_sim;      // permutation pseudo p-value; empty when permutations == 0
    std::vector<double> q;          // BH-adjusted p-value of the p the bins use
    std::vector<int> bin;           // -3..3 (99/95/90 % cold/hot), after FDR when options.fdr, 0 where q > fdr_alpha
    std::vector<int> neighbours;    // neighbours of each feature, itself not counted
    bool zero_variance = false;     // all values equal: every z is 0

    // Features in a hot (bin > 0) or cold (bin < 0) class.
    [[nodiscard]] int hot() const
    {
        return static_cast<int>(std::count_if(bin.begin(), bin.end(), [](int b) { return b > 0; }));
    }
    [[nodiscard]] int cold() const
    {
        return static_cast<int>(std::count_if(bin.begin(), bin.end(), [](int b) { return b < 0; }));
    }
};

// Gi* with explicit neighbour lists (self excluded; added by the statistic). band_m is not used.
GiResult gi_star(const NeighbourList& neighbours, const std::vector<double>& values, const GiOptions& options,
                 Progress progress = {});

// Feature mode: Gi* on points (centroids) with values and a distance band (options.band_m). Streams the neighbour
// sums through a bucket grid, so memory stays O(n) whatever the band.
GiResult gi_star_points(const std::vector<Point>& points, const std::vector<double>& values, const GiOptions& options,
                        Progress progress = {});

// A regular grid of square cells: cell (col, row) spans [x0 + col size, x0 + (col + 1) size) and likewise in y,
// its centre at x0 + (col + 0.5) size.
struct SquareGrid {
    double x0 = 0, y0 = 0;
    double size = 1;
    long long cols = 0, rows = 0;

    [[nodiscard]] Point centre(long long col, long long row) const
    {
        return {x0 + (static_cast<double>(col) + 0.5) * size, y0 + (static_cast<double>(row) + 0.5) * size};
    }
};

struct GridCell {
    int col = 0, row = 0;
};

// Gi* on some cells of a square grid (the others are not part of the analysis, not zeros). Fast path: the band is
// a disc stencil of integer offsets (di, dj) with (di^2 + dj^2) size^2 <= band^2; per-row prefix sums turn the
// stencil sum into one subtraction per stencil row, so the cost is n * (2 band / size + 1), independent of the
// number of neighbours. Same neighbours, hence the same z, as gi_star_points on the cell centres.
GiResult gi_star_grid(const SquareGrid& grid, const std::vector<GridCell>& cells, const std::vector<double>& values,
                      const GiOptions& options, Progress progress = {});

namespace detail {

// Binary neighbourhood sums, self included: sum_i = x_i + sum of neighbours' x; count_i = neighbours (self excluded).
struct BinarySums {
    std::vector<double> sum;
    std::vector<int> count;
};

// z, p, permutations, FDR and bins from the sums.
GiResult finish_gi(const std::vector<double>& values, BinarySums sums, const GiOptions& options, Progress progress);

// esda-style conditional permutation pseudo p-values (see the header comment).
std::vector<double> permutation_p(const std::vector<double>& values, const BinarySums& sums, int permutations,
                                  std::uint64_t seed, int threads, Progress progress);

}  // namespace detail

}  // namespace geo::hotspot

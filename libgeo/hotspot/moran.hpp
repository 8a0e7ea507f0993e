#pragma once
// Global Moran's I with distance-band weights, and the choice of a distance band from it (incremental spatial
// autocorrelation, as ArcGIS's Optimized Hot Spot Analysis does).
//
// Moran's I (Cliff & Ord 1981): I = (n / S0) sum_ij w_ij z_i z_j / sum_i z_i^2, E[I] = -1 / (n - 1),
//   normality:     Var = (n^2 S1 - n S2 + 3 S0^2) / ((n^2 - 1) S0^2) - E[I]^2
//   randomisation: Var = (n ((n^2 - 3n + 3) S1 - n S2 + 3 S0^2) - b2 ((n^2 - n) S1 - 2n S2 + 6 S0^2))
//                        / ((n - 1)(n - 2)(n - 3) S0^2) - E[I]^2,   b2 = n sum z^4 / (sum z^2)^2
// with S1 = 1/2 sum_ij (w_ij + w_ji)^2 and S2 = sum_i (w_i. + w_.i)^2. Features without neighbours keep a zero row
// and stay in n (PySAL's convention; ArcGIS drops them from n).
#include "libgeo/core/geometry.hpp"
#include "libgeo/hotspot/neighbours.hpp"

#include <optional>
#include <vector>

namespace geo::hotspot {

struct MoranResult {
    double i = 0;             // Moran's I
    double expected = 0;      // -1 / (n - 1)
    double variance_normal = 0, variance_random = 0;
    double z_normal = 0, z_random = 0;
    double p_normal = 1, p_random = 1;  // two-sided
    long long pairs = 0;      // ordered neighbour pairs (S0 for binary weights)
};

// Moran's I of the values over distance-band neighbours (binary weights, or row-standardised). Zero variance or
// fewer than 4 features: I = 0, z = 0, p = 1.
MoranResult global_moran(const std::vector<Point>& points, const std::vector<double>& values, double band,
                         bool row_standardised = false, int threads = 1);
MoranResult global_moran(const NeighbourList& neighbours, const std::vector<double>& values,
                         bool row_standardised = false);

// Incremental spatial autocorrelation (ArcGIS's Spatial Statistics scripts, MoransI_Increment.py GlobalI_Step as
// OptimizedHotSpotAnalysis.py calls it, and SSUtilities.py):
//   - nearest-neighbour distance of every feature; a feature is a locational outlier when its distance lies 3 or more
//     standard deviations above the mean of the non-zero distances; outliers are left out of the two numbers below;
//   - start distance = largest remaining nearest-neighbour distance * 1.0001 (so every feature has a neighbour),
//     increment = mean remaining nearest-neighbour distance, `increments` (10) distances start + k * increment;
//   - if any of them exceeds the standard distance of the features (sqrt of the mean squared distance to the mean
//     centre), the distances are spread evenly from the start to the standard distance instead;
//   - Moran's I z-score at each distance (ArcGIS: row-standardised weights and the randomisation variance); the band
//     is the first peak: a z that rose before and falls after, with z > 1.65;
//   - no peak: the mean distance to the k-th nearest neighbour, k = 5 % of n clamped to [3, 30], capped at the
//     standard distance (ArcGIS's knnDecision).
struct BandSearchOptions {
    int increments = 10;
    std::optional<double> start_m;      // given: used instead of the nearest-neighbour rule
    std::optional<double> increment_m;
    bool row_standardised = true;       // ArcGIS's default for the search
    bool randomisation = true;          // z under randomisation (ArcGIS) or normality
    double outlier_sd = 3.0;
    double peak_min_z = 1.65;
    int threads = 1;
    void validate() const;
};

enum class BandSource { first_peak, nearest_neighbours, standard_distance };

struct BandSearch {
    double band_m = 0;
    BandSource source = BandSource::first_peak;
    int peak = -1;                      // index into distances when source == first_peak
    std::vector<double> distances;
    std::vector<MoranResult> moran;
    int locational_outliers = 0;
    double start_m = 0, increment_m = 0, standard_distance_m = 0;
};

// Needs at least 4 features with values that are not all equal (geo::UsageError otherwise).
BandSearch choose_band(const std::vector<Point>& points, const std::vector<double>& values,
                       const BandSearchOptions& options = {});

// Nearest-neighbour facts shared by the cell-size and band rules.
struct NearestNeighbours {
    std::vector<double> distance;       // to the nearest other feature (0 for coincident features)
    double mean_nonzero = 0, median_nonzero = 0, sd_nonzero = 0;
    std::vector<bool> outlier;          // (distance - mean_nonzero) / sd_nonzero >= outlier_sd
    int outliers = 0;
};
NearestNeighbours nearest_neighbours(const std::vector<Point>& points, double outlier_sd = 3.0);

// sqrt(mean squared distance to the mean centre).
double standard_distance(const std::vector<Point>& points);

// Mean over features of the distance to their k-th nearest other feature.
double mean_kth_neighbour_distance(const std::vector<Point>& points, int k);

}  // namespace geo::hotspot

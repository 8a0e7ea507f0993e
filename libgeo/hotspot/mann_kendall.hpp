#pragma once
// The Mann-Kendall trend test (Mann 1945, Kendall 1975), as ArcGIS's Emerging Hot Spot Analysis runs it on each
// location's series of Gi* z-scores (and, here, also on its counts).
//
//   S = sum over i < j of sign(x_j - x_i)
//   Var(S) = (n (n - 1)(2n + 5) - sum over tie groups of t (t - 1)(2t + 5)) / 18
//   Z = (S - 1) / sqrt(Var) for S > 0, (S + 1) / sqrt(Var) for S < 0, 0 for S = 0 (continuity correction)
//   p = two-sided normal p-value of Z;  tau = S / (n (n - 1) / 2)  (Kendall's tau-a)
// Values are tied when exactly equal (counts and the z-scores computed from equal sums are).
#include <vector>

namespace geo::hotspot {

struct MannKendall {
    int n = 0;
    double s = 0;
    double variance = 0;
    double z = 0;
    double p = 1;
    double tau = 0;
};

// Fewer than 2 values, or all tied: S = 0, z = 0, p = 1.
MannKendall mann_kendall(const std::vector<double>& series);

}  // namespace geo::hotspot

#pragma once
// Significance after multiple testing: two-sided normal p-values, Benjamini–Hochberg false discovery rate and the
// seven confidence bins of ArcGIS's Gi_Bin.
//
// How ArcGIS applies FDR to Gi_Bin (Spatial Statistics scripts, Stats.py fdrTransform): for each confidence level
// alpha in {0.10, 0.05, 0.01} it takes the Benjamini–Hochberg step-up cut-off k/n * alpha over the p-values sorted
// ascending; a feature is significant at that level when its p-value is at or below the largest p_(k) that passes.
// That is exactly "BH-adjusted p-value (q) <= alpha", so we compute q once and bin on it: +-3 at q <= 0.01, +-2 at
// q <= 0.05, +-1 at q <= 0.10, the sign being the z-score's. The z and p fields themselves stay uncorrected, as in
// ArcGIS ("the z-score and p-value fields do not reflect any kind of FDR correction").
#include <vector>

namespace geo::hotspot {

// Two-sided p-value of a standard normal z-score, erfc(|z| / sqrt 2). NaN in, 1 out (no evidence).
double two_sided_p(double z);

// Benjamini–Hochberg adjusted p-values (q-values): q_(k) = min over j >= k of (n / j) p_(j), capped at 1, in the
// input order. Ties keep their input order, so the result is deterministic. NaN p-values count as 1.
std::vector<double> benjamini_hochberg(const std::vector<double>& p);

// The Gi_Bin class of one feature: sign(z) * (3 if p <= 0.01, 2 if p <= 0.05, 1 if p <= 0.10, else 0); 0 when z is
// 0 or not finite. Pass the BH q-value for the FDR-corrected bin, the raw p-value for the uncorrected one.
int confidence_bin(double z, double p);

std::vector<int> confidence_bins(const std::vector<double>& z, const std::vector<double>& p);

}  // namespace geo::hotspot

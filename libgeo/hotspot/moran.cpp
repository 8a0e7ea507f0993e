#include "libgeo/hotspot/moran.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/core/parallel.hpp"
#include "libgeo/hotspot/fdr.hpp"

#include <boost/geometry/index/rtree.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <utility>

namespace geo::hotspot {

namespace bgi = boost::geometry::index;

namespace {

struct Sums {
    double cross = 0;  // sum_ij w_ij z_i z_j
    double s0 = 0, s1 = 0, s2 = 0;
    long long pairs = 0;
};

MoranResult from_sums(const std::vector<double>& z, const Sums& s)
{
    MoranResult r;
    const double n = static_cast<double>(z.size());
    double m2 = 0, m4 = 0;
    for (double v : z) {
        m2 += v * v;
        m4 += v * v * v * v;
    }
    r.pairs = s.pairs;
    r.expected = z.size() > 1 ? -1.0 / (n - 1) : 0.0;
    double largest = 0;
    bool all_equal = true;
    for (double v : z) {
        largest = std::max(largest, std::fabs(v));
        all_equal = all_equal && v == z.front();
    }
    if (z.size() < 4 || s.s0 <= 0 || all_equal || m2 <= 1e-24 * std::max(1.0, largest * largest) * n) return r;
    r.i = n / s.s0 * s.cross / m2;
    const double s02 = s.s0 * s.s0, n2 = n * n, e2 = r.expected * r.expected;
    r.variance_normal = (n2 * s.s1 - n * s.s2 + 3 * s02) / ((n2 - 1) * s02) - e2;
    const double b2 = n * m4 / (m2 * m2);
    r.variance_random = (n * ((n2 - 3 * n + 3) * s.s1 - n * s.s2 + 3 * s02) - b2 * ((n2 - n) * s.s1 - 2 * n * s.s2 + 6 * s02)) /
                            ((n - 1) * (n - 2) * (n - 3) * s02) -
                        e2;
    if (r.variance_normal > 0) r.z_normal = (r.i - r.expected) / std::sqrt(r.variance_normal);
    if (r.variance_random > 0) r.z_random = (r.i - r.expected) / std::sqrt(r.variance_random);
    r.p_normal = two_sided_p(r.z_normal);
    r.p_random = two_sided_p(r.z_random);
    return r;
}

std::vector<double> deviations(const std::vector<double>& values)
{
    for (std::size_t i = 0; i < values.size(); ++i)
        if (!std::isfinite(values[i])) throw UsageError("Moran's I value of feature " + std::to_string(i) + " is not finite");
    double mean = 0;
    for (double v : values) mean += v;
    mean = values.empty() ? 0 : mean / static_cast<double>(values.size());
    std::vector<double> z(values.size());
    for (std::size_t i = 0; i < values.size(); ++i) z[i] = values[i] - mean;
    return z;
}

// Symmetric neighbourhoods (distance bands, contiguity) only: S1 and S2 use w_ji = weight of i in j's row.
// for_each(i, f) calls f(j) for every neighbour j of i.
template <class ForEach>
Sums accumulate(const std::vector<double>& z, const std::vector<int>& k, bool row, ForEach&& for_each)
{
    Sums s;
    for (std::size_t i = 0; i < z.size(); ++i) {
        if (k[i] == 0) continue;
        const double wi = row ? 1.0 / k[i] : 1.0;
        double zsum = 0, s1 = 0, col = 0;
        for_each(i, [&](std::size_t j) {
            const double wj = row ? 1.0 / k[j] : 1.0;
            zsum += z[j];
            s1 += (wi + wj) * (wi + wj);
            col += wj;
        });
        s.cross += wi * z[i] * zsum;
        s.s0 += wi * k[i];
        s.s1 += 0.5 * s1;
        s.s2 += (wi * k[i] + col) * (wi * k[i] + col);
        s.pairs += k[i];
    }
    return s;
}

}  // namespace

MoranResult global_moran(const std::vector<Point>& points, const std::vector<double>& values, double band,
                         bool row_standardised, int threads)
{
    if (points.size() != values.size()) throw UsageError("Moran's I got a value count different from the point count");
    const auto z = deviations(values);
    if (points.empty()) return {};
    const PointBuckets buckets(points, band);
    const std::vector<int> k = distance_band_counts(points, band, threads);
    const Sums s = accumulate(z, k, row_standardised, [&](std::size_t i, auto&& f) {
        buckets.for_each_within(i, [&](std::size_t j, double) { f(j); });
    });
    return from_sums(z, s);
}

MoranResult global_moran(const NeighbourList& neighbours, const std::vector<double>& values, bool row_standardised)
{
    if (neighbours.size() != values.size()) throw UsageError("Moran's I got a value count different from the feature count");
    const auto z = deviations(values);
    std::vector<int> k(values.size());
    for (std::size_t i = 0; i < k.size(); ++i) k[i] = neighbours.count(i);
    const Sums s = accumulate(z, k, row_standardised, [&](std::size_t i, auto&& f) {
        for (auto e = neighbours.offsets[i]; e < neighbours.offsets[i + 1]; ++e)
            f(static_cast<std::size_t>(neighbours.ids[static_cast<std::size_t>(e)]));
    });
    return from_sums(z, s);
}

void BandSearchOptions::validate() const
{
    if (increments < 2) throw UsageError("the band search needs at least 2 distances");
    if (start_m && !(*start_m > 0)) throw UsageError("the band search start distance must be positive");
    if (increment_m && !(*increment_m > 0)) throw UsageError("the band search increment must be positive");
    if (!(outlier_sd > 0)) throw UsageError("the locational outlier limit must be positive");
    if (threads < 1) throw UsageError("threads must be at least 1");
}

namespace {

using Entry = std::pair<Point, std::size_t>;

bgi::rtree<Entry, bgi::rstar<16>> index_of(const std::vector<Point>& points)
{
    std::vector<Entry> entries;
    entries.reserve(points.size());
    for (std::size_t i = 0; i < points.size(); ++i) entries.emplace_back(points[i], i);
    return bgi::rtree<Entry, bgi::rstar<16>>(entries);  // packing constructor
}

// Distance from each point to its k-th nearest other point.
std::vector<double> kth_distances(const std::vector<Point>& points, int k)
{
    const auto tree = index_of(points);
    std::vector<double> out(points.size(), 0.0);
    std::vector<Entry> found;
    for (std::size_t i = 0; i < points.size(); ++i) {
        found.clear();
        tree.query(bgi::nearest(points[i], static_cast<unsigned>(k + 1)), std::back_inserter(found));
        std::vector<double> d;
        for (const auto& e : found)
            if (e.second != i) d.push_back(bg::distance(points[i], e.first));
        std::sort(d.begin(), d.end());
        if (!d.empty()) out[i] = d[std::min<std::size_t>(static_cast<std::size_t>(k), d.size()) - 1];
    }
    return out;
}

}  // namespace

NearestNeighbours nearest_neighbours(const std::vector<Point>& points, double outlier_sd)
{
    NearestNeighbours nn;
    nn.distance = kth_distances(points, 1);
    std::vector<double> nonzero;
    for (double d : nn.distance)
        if (d > 0) nonzero.push_back(d);
    nn.outlier.assign(points.size(), false);
    if (nonzero.empty()) return nn;
    nn.mean_nonzero = std::accumulate(nonzero.begin(), nonzero.end(), 0.0) / static_cast<double>(nonzero.size());
    double ss = 0;
    for (double d : nonzero) ss += (d - nn.mean_nonzero) * (d - nn.mean_nonzero);
    nn.sd_nonzero = std::sqrt(ss / static_cast<double>(nonzero.size()));  // numpy std: population
    std::sort(nonzero.begin(), nonzero.end());
    const std::size_t m = nonzero.size();
    nn.median_nonzero = m % 2 ? nonzero[m / 2] : 0.5 * (nonzero[m / 2 - 1] + nonzero[m / 2]);
    if (nn.sd_nonzero > 0)
        for (std::size_t i = 0; i < points.size(); ++i)
            if ((nn.distance[i] - nn.mean_nonzero) / nn.sd_nonzero >= outlier_sd) {
                nn.outlier[i] = true;
                ++nn.outliers;
            }
    return nn;
}

double standard_distance(const std::vector<Point>& points)
{
    if (points.empty()) return 0;
    double mx = 0, my = 0;
    for (const auto& p : points) {
        mx += p.x();
        my += p.y();
    }
    mx /= static_cast<double>(points.size());
    my /= static_cast<double>(points.size());
    double ss = 0;
    for (const auto& p : points) ss += (p.x() - mx) * (p.x() - mx) + (p.y() - my) * (p.y() - my);
    return std::sqrt(ss / static_cast<double>(points.size()));
}

double mean_kth_neighbour_distance(const std::vector<Point>& points, int k)
{
    const auto d = kth_distances(points, k);
    return d.empty() ? 0.0 : std::accumulate(d.begin(), d.end(), 0.0) / static_cast<double>(d.size());
}

BandSearch choose_band(const std::vector<Point>& points, const std::vector<double>& values, const BandSearchOptions& options)
{
    options.validate();
    if (points.size() != values.size()) throw UsageError("the band search got a value count different from the point count");
    if (points.size() < 4) throw UsageError("the distance band search needs at least 4 features");
    BandSearch out;
    const NearestNeighbours nn = nearest_neighbours(points, options.outlier_sd);
    out.locational_outliers = nn.outliers;
    double threshold = 0, sum = 0;
    std::size_t kept = 0;
    for (std::size_t i = 0; i < points.size(); ++i)
        if (!nn.outlier[i]) {
            threshold = std::max(threshold, nn.distance[i]);
            sum += nn.distance[i];
            ++kept;
        }
    out.start_m = options.start_m.value_or(threshold * 1.0001);
    out.increment_m = options.increment_m.value_or(kept ? sum / static_cast<double>(kept) : 0.0);
    if (!(out.start_m > 0) || !(out.increment_m > 0))
        throw UsageError("all features share one location: no distance band can be chosen");
    out.standard_distance_m = standard_distance(points);
    // ArcGIS caps the search at the standard distance when it chose the distances itself, at 75 % of the extent's
    // longer side when the user gave one of them.
    double cap = out.standard_distance_m;
    if (options.start_m || options.increment_m) {
        double x0 = points[0].x(), x1 = x0, y0 = points[0].y(), y1 = y0;
        for (const auto& p : points) {
            x0 = std::min(x0, p.x());
            x1 = std::max(x1, p.x());
            y0 = std::min(y0, p.y());
            y1 = std::max(y1, p.y());
        }
        cap = 0.75 * std::max(x1 - x0, y1 - y0);
    }
    const int n = options.increments;
    for (int k = 0; k < n; ++k) out.distances.push_back(out.start_m + k * out.increment_m);
    if (out.distances.back() > cap && out.start_m < cap) {
        const double step = (cap - out.start_m) / n;
        for (int k = 0; k < n; ++k) out.distances[static_cast<std::size_t>(k)] = out.start_m + k * step;
    }
    std::vector<double> zs;
    for (double d : out.distances) {
        out.moran.push_back(global_moran(points, values, d, options.row_standardised, options.threads));
        zs.push_back(options.randomisation ? out.moran.back().z_random : out.moran.back().z_normal);
    }
    // SSUtilities.returnPeakIndices with levelFilter 1.65.
    bool gone_up = false;
    for (std::size_t c = 0; c + 1 < zs.size(); ++c) {
        const double diff = zs[c + 1] - zs[c];
        if (diff > 0) gone_up = true;
        if (diff < 0 && gone_up && zs[c] > options.peak_min_z) {
            out.peak = static_cast<int>(c);
            out.band_m = out.distances[c];
            out.source = BandSource::first_peak;
            return out;
        }
    }
    const int k = std::clamp(static_cast<int>(static_cast<double>(points.size()) * 0.05), 3, 30);
    const double knn = mean_kth_neighbour_distance(points, k);
    if (knn > out.standard_distance_m && out.standard_distance_m > 0) {
        out.band_m = out.standard_distance_m;
        out.source = BandSource::standard_distance;
    } else {
        out.band_m = knn;
        out.source = BandSource::nearest_neighbours;
    }
    return out;
}

}  // namespace geo::hotspot

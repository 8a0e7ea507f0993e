#include "libgeo/hotspot/gi_star.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/core/parallel.hpp"
#include "libgeo/hotspot/fdr.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace geo::hotspot {

void GiOptions::validate() const
{
    if (permutations < 0) throw UsageError("the number of permutations must be 0 or more");
    if (bin_from == BinSource::permutation && permutations == 0)
        throw UsageError("bins from permutation p-values need permutations", {}, "set permutations, e.g. 999");
    if (threads < 1) throw UsageError("threads must be at least 1");
    if (!(fdr_alpha > 0 && fdr_alpha <= 1)) throw UsageError("the FDR significance level must lie in (0, 1]", {}, "e.g. 0.05");
}

void GiOptions::validate_band() const
{
    validate();
    if (!(band_m > 0) || !std::isfinite(band_m))
        throw UsageError("the Gi* distance band must be a positive number of metres", {}, "e.g. band = 1000");
}

namespace {

void check_sizes(std::size_t features, std::size_t values)
{
    if (features != values)
        throw UsageError("Gi* got " + std::to_string(values) + " values for " + std::to_string(features) + " features");
}

void check_values(const std::vector<double>& values)
{
    for (std::size_t i = 0; i < values.size(); ++i)
        if (!std::isfinite(values[i]))
            throw UsageError("Gi* value of feature " + std::to_string(i) + " is not a finite number");
}

auto always = [](double) { return true; };

}  // namespace

namespace detail {

GiResult finish_gi(const std::vector<double>& values, BinarySums sums, const GiOptions& options, Progress progress)
{
    const std::size_t n = values.size();
    GiResult r;
    r.z.assign(n, 0.0);
    r.p.assign(n, 1.0);
    r.neighbours = std::move(sums.count);
    sums.count = r.neighbours;  // permutation_p reads it

    // Two-pass moments: a one-pass sum of squares leaves a rounding residue that turns constant input into noise.
    double mean = 0;
    for (double v : values) mean += v;
    mean = n > 0 ? mean / static_cast<double>(n) : 0.0;
    double ss = 0, largest = 0;
    bool all_equal = true;
    for (double v : values) {
        ss += (v - mean) * (v - mean);
        largest = std::max(largest, std::fabs(v));
        all_equal = all_equal && v == values.front();
    }
    const double s = n > 0 ? std::sqrt(ss / static_cast<double>(n)) : 0.0;
    // Equal values are caught exactly: their mean carries a rounding error that a tolerance on s cannot bound for
    // large n, and dividing that residue by itself would give z ~ -sqrt(W) everywhere.
    r.zero_variance = n < 2 || all_equal || s <= 1e-12 * largest;

    if (!r.zero_variance) {
        const double nd = static_cast<double>(n);
        const bool row = options.weighting == Weighting::row_standardised;
        for (std::size_t i = 0; i < n; ++i) {
            const double k = static_cast<double>(r.neighbours[i]) + 1.0;
            const double local = row ? sums.sum[i] / k : sums.sum[i];
            const double w = row ? 1.0 : k;
            const double var = w * (nd - w) / (nd - 1.0);
            if (!(var > 0)) continue;  // neighbourhood = everything: no evidence either way
            r.z[i] = (local - mean * w) / (s * std::sqrt(var));
            r.p[i] = two_sided_p(r.z[i]);
        }
    }
    if (options.permutations > 0) {
        if (r.zero_variance)
            r.p_sim.assign(n, 1.0);
        else
            r.p_sim = permutation_p(values, sums, options.permutations, options.seed, options.threads, progress);
    }
    const std::vector<double>& basis = options.bin_from == BinSource::permutation ? r.p_sim : r.p;
    r.q = options.fdr ? benjamini_hochberg(basis) : basis;
    r.bin = confidence_bins(r.z, r.q);
    for (std::size_t i = 0; i < n; ++i)
        if (r.q[i] > options.fdr_alpha) r.bin[i] = 0;
    return r;
}

}  // namespace detail

GiResult gi_star(const NeighbourList& neighbours, const std::vector<double>& values, const GiOptions& options,
                 Progress progress)
{
    options.validate();
    check_sizes(neighbours.size(), values.size());
    check_values(values);
    detail::BinarySums sums;
    sums.sum.resize(values.size());
    sums.count.resize(values.size());
    for (std::size_t i = 0; i < values.size(); ++i) {
        double s = values[i];
        for (auto k = neighbours.offsets[i]; k < neighbours.offsets[i + 1]; ++k)
            s += values[static_cast<std::size_t>(neighbours.ids[static_cast<std::size_t>(k)])];
        sums.sum[i] = s;
        sums.count[i] = neighbours.count(i);
    }
    return detail::finish_gi(values, std::move(sums), options, progress);
}

GiResult gi_star_points(const std::vector<Point>& points, const std::vector<double>& values, const GiOptions& options,
                        Progress progress)
{
    options.validate_band();
    check_sizes(points.size(), values.size());
    check_values(values);
    detail::BinarySums sums;
    sums.sum.assign(values.size(), 0.0);
    sums.count.assign(values.size(), 0);
    if (!points.empty()) {
        const PointBuckets buckets(points, options.band_m);
        geo::detail::parallel_chunks(
            points.size(), 2048, options.threads,
            [&](std::size_t first, std::size_t last) {
                for (std::size_t i = first; i < last; ++i) {
                    double s = values[i];
                    int c = 0;
                    buckets.for_each_within(i, [&](std::size_t j, double) {
                        s += values[j];
                        ++c;
                    });
                    sums.sum[i] = s;
                    sums.count[i] = c;
                }
            },
            always);
    }
    progress(0.5, "Gi* neighbour sums");
    return detail::finish_gi(values, std::move(sums), options, progress);
}

GiResult gi_star_grid(const SquareGrid& grid, const std::vector<GridCell>& cells, const std::vector<double>& values,
                      const GiOptions& options, Progress progress)
{
    options.validate_band();
    check_sizes(cells.size(), values.size());
    check_values(values);
    if (!(grid.size > 0) || grid.cols < 0 || grid.rows < 0) throw UsageError("the grid needs a positive cell size");
    const double dense = static_cast<double>(grid.cols) * static_cast<double>(grid.rows);
    if (dense > std::max(4e6, 8.0 * static_cast<double>(cells.size()))) {
        // Few cells scattered over a huge grid: the dense arrays would cost more than the point path.
        std::vector<Point> centres;
        centres.reserve(cells.size());
        for (const auto& c : cells) centres.push_back(grid.centre(c.col, c.row));
        return gi_star_points(centres, values, options, progress);
    }
    const auto cols = static_cast<std::size_t>(grid.cols);
    const auto rows = static_cast<std::size_t>(grid.rows);
    // Padded row prefix sums: prefix[r][c] = sum of the first c cells of row r, c = 0..cols.
    std::vector<double> value_prefix((cols + 1) * rows, 0.0);
    std::vector<int> present_prefix((cols + 1) * rows, 0);
    for (std::size_t i = 0; i < cells.size(); ++i) {
        const auto& c = cells[i];
        if (c.col < 0 || c.row < 0 || c.col >= grid.cols || c.row >= grid.rows)
            throw UsageError("grid cell " + std::to_string(i) + " lies outside the grid");
        const std::size_t at = static_cast<std::size_t>(c.row) * (cols + 1) + static_cast<std::size_t>(c.col) + 1;
        if (present_prefix[at] != 0) throw UsageError("grid cell " + std::to_string(i) + " is listed twice");
        value_prefix[at] = values[i];
        present_prefix[at] = 1;
    }
    for (std::size_t r = 0; r < rows; ++r)
        for (std::size_t c = 1; c <= cols; ++c) {
            value_prefix[r * (cols + 1) + c] += value_prefix[r * (cols + 1) + c - 1];
            present_prefix[r * (cols + 1) + c] += present_prefix[r * (cols + 1) + c - 1];
        }
    // Half-width of the disc stencil on each row offset, with the tolerance of the point path.
    const double reach = options.band_m / grid.size;
    const double reach2 = reach * reach * (1.0 + band_tolerance);
    const auto max_di = static_cast<long long>(std::floor(std::sqrt(reach2)));
    std::vector<long long> half(static_cast<std::size_t>(max_di) + 1);
    for (long long di = 0; di <= max_di; ++di) {
        long long h = static_cast<long long>(std::floor(std::sqrt(std::max(0.0, reach2 - static_cast<double>(di * di)))));
        while (static_cast<double>(h * h + di * di) > reach2) --h;
        while (static_cast<double>((h + 1) * (h + 1) + di * di) <= reach2) ++h;
        half[static_cast<std::size_t>(di)] = h;
    }
    detail::BinarySums sums;
    sums.sum.assign(values.size(), 0.0);
    sums.count.assign(values.size(), 0);
    geo::detail::parallel_chunks(
        cells.size(), 4096, options.threads,
        [&](std::size_t first, std::size_t last) {
            for (std::size_t i = first; i < last; ++i) {
                const long long c = cells[i].col, r = cells[i].row;
                double s = 0;
                long long k = 0;
                for (long long di = -max_di; di <= max_di; ++di) {
                    const long long rr = r + di;
                    if (rr < 0 || rr >= grid.rows) continue;
                    const long long h = half[static_cast<std::size_t>(std::llabs(di))];
                    const auto lo = static_cast<std::size_t>(std::max(c - h, 0LL));
                    const auto hi = static_cast<std::size_t>(std::min(c + h + 1, grid.cols));
                    const std::size_t base = static_cast<std::size_t>(rr) * (cols + 1);
                    s += value_prefix[base + hi] - value_prefix[base + lo];
                    k += present_prefix[base + hi] - present_prefix[base + lo];
                }
                sums.sum[i] = s;  // includes the cell itself (offset (0, 0))
                sums.count[i] = static_cast<int>(k - 1);
            }
        },
        always);
    progress(0.5, "Gi* neighbour sums");
    return detail::finish_gi(values, std::move(sums), options, progress);
}

}  // namespace geo::hotspot

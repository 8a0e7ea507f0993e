#include "libgeo/hotspot/emerging.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/core/parallel.hpp"
#include "libgeo/hotspot/gi_star.hpp"
#include "libgeo/hotspot/neighbours.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

namespace geo::hotspot {

void EmergingOptions::validate() const
{
    if (!(band_m > 0) || !std::isfinite(band_m))
        throw UsageError("emerging hot spots need a positive distance band in metres");
    if (!(slice_s > 0) || !std::isfinite(slice_s)) throw UsageError("the time slice must be a positive number of seconds");
    if (neighbourhood_slices < 0) throw UsageError("the neighbourhood time step must be 0 or more slices");
    if (start_s && !std::isfinite(*start_s)) throw UsageError("the first slice start must be a time");
    if (!(trend_alpha > 0 && trend_alpha < 1)) throw UsageError("the trend significance level must lie in (0, 1)");
    if (threads < 1) throw UsageError("threads must be at least 1");
}

EmergingResult emerging_hotspots(const std::vector<Point>& cell_centres, const std::vector<int>& event_cell,
                                 const std::vector<double>& event_time, const EmergingOptions& options,
                                 Progress progress)
{
    options.validate();
    if (event_cell.size() != event_time.size())
        throw UsageError("emerging hot spots got " + std::to_string(event_time.size()) + " times for " +
                         std::to_string(event_cell.size()) + " events");
    const auto cells = cell_centres.size();
    EmergingResult out;
    out.slice_s = options.slice_s;

    // The time range of the events that fall in a cell.
    double first = std::numeric_limits<double>::infinity(), last = -first;
    for (std::size_t k = 0; k < event_cell.size(); ++k) {
        if (event_cell[k] < 0 || static_cast<std::size_t>(event_cell[k]) >= cells) continue;
        if (!std::isfinite(event_time[k])) continue;
        if (options.start_s && event_time[k] < *options.start_s) continue;
        first = std::min(first, event_time[k]);
        last = std::max(last, event_time[k]);
    }
    if (cells == 0 || !std::isfinite(first))
        throw UsageError("emerging hot spots need issues with a found time inside the cells");
    auto slice_of = [&](double t) -> long long {
        return static_cast<long long>(std::floor((t - out.start_s) / options.slice_s));
    };
    if (options.start_s) {
        out.start_s = *options.start_s;
        out.slices = static_cast<int>(slice_of(last)) + 1;
    } else {
        // END alignment: the final slice is (last - slice, last]; count back until the first event is covered.
        const auto slices = static_cast<long long>(std::floor((last - first) / options.slice_s)) + 1;
        out.slices = static_cast<int>(slices);
        out.start_s = last - static_cast<double>(slices) * options.slice_s;
    }
    if (static_cast<double>(out.slices) * static_cast<double>(cells) > 5e8)
        throw UsageError("the space-time cube would have more than 5e8 bins", {}, "use longer time slices or larger cells");
    const auto T = static_cast<std::size_t>(out.slices);
    out.counts.assign(cells * T, 0.0);
    for (std::size_t k = 0; k < event_cell.size(); ++k) {
        if (event_cell[k] < 0 || static_cast<std::size_t>(event_cell[k]) >= cells || !std::isfinite(event_time[k])) continue;
        const double t = event_time[k];
        if (t < first || t > last) continue;
        long long s = options.start_s ? slice_of(t) : static_cast<long long>(T) - 1 - static_cast<long long>(std::floor((last - t) / options.slice_s));
        s = std::clamp<long long>(s, 0, static_cast<long long>(T) - 1);
        out.counts[static_cast<std::size_t>(event_cell[k]) * T + static_cast<std::size_t>(s)] += 1;
        ++out.events_used;
    }
    progress(0.1, "space-time cube");

    // Spatial sums per slice (self included), then the backward time window.
    const PointBuckets buckets(cell_centres, options.band_m);
    detail::BinarySums sums;
    sums.sum.assign(cells * T, 0.0);
    sums.count.assign(cells * T, 0);
    const auto window = static_cast<std::size_t>(options.neighbourhood_slices);
    geo::detail::parallel_chunks(
        cells, 512, options.threads,
        [&](std::size_t begin, std::size_t end) {
            std::vector<double> spatial(T);
            for (std::size_t i = begin; i < end; ++i) {
                std::copy_n(out.counts.begin() + static_cast<std::ptrdiff_t>(i * T), T, spatial.begin());
                int k = 0;
                buckets.for_each_within(i, [&](std::size_t j, double) {
                    ++k;
                    for (std::size_t t = 0; t < T; ++t) spatial[t] += out.counts[j * T + t];
                });
                double running = 0;
                for (std::size_t t = 0; t < T; ++t) {
                    running += spatial[t];
                    if (t > window) running -= spatial[t - window - 1];
                    const std::size_t depth = std::min(t, window) + 1;
                    sums.sum[i * T + t] = running;
                    sums.count[i * T + t] = static_cast<int>(static_cast<std::size_t>(k + 1) * depth) - 1;
                }
            }
        },
        [](double) { return true; });
    progress(0.5, "space-time Gi*");
    GiOptions gi;
    gi.fdr = options.fdr;
    gi.fdr_alpha = options.fdr_alpha;
    gi.validate();
    gi.threads = options.threads;
    GiResult g = detail::finish_gi(out.counts, std::move(sums), gi, {});
    out.z = std::move(g.z);
    out.p = std::move(g.p);
    out.bin = std::move(g.bin);

    out.cells.resize(cells);
    std::vector<double> zs(T), cs(T);
    std::vector<int> bins(T);
    for (std::size_t i = 0; i < cells; ++i) {
        for (std::size_t t = 0; t < T; ++t) {
            zs[t] = out.z[i * T + t];
            cs[t] = out.counts[i * T + t];
            bins[t] = out.bin[i * T + t];
        }
        EmergingCell& c = out.cells[i];
        c.z_trend = mann_kendall(zs);
        c.count_trend = mann_kendall(cs);
        for (int b : bins) {
            c.hot_slices += b > 0;
            c.cold_slices += b < 0;
        }
        c.pattern = classify_series(bins, c.z_trend, options.trend_alpha);
    }
    progress(1.0, "emerging hot spots");
    return out;
}

EmergingResult emerging_hotspots(const Binning& binning, const std::vector<double>& event_time,
                                 const EmergingOptions& options, Progress progress)
{
    std::vector<Point> centres;
    centres.reserve(binning.cells.size());
    for (const auto& c : binning.cells) centres.push_back(c.centre);
    return emerging_hotspots(centres, binning.cell_of_point, event_time, options, progress);
}

}  // namespace geo::hotspot

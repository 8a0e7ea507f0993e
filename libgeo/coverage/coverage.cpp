#include "libgeo/coverage/coverage.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/core/number_text.hpp"
#include "libgeo/core/parallel.hpp"
#include "libgeo/core/progress.hpp"
#include "libgeo/coverage/areas.hpp"
#include "libgeo/coverage/dead_corners.hpp"
#include "libgeo/coverage/sites.hpp"
#include "libgeo/coverage/split.hpp"
#include "libgeo/raster/distance_transform.hpp"
#include "libgeo/raster/rasterise.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

namespace geo::coverage {

namespace {

MultiPolygon all_land(const Campaign& c)
{
    MultiPolygon land;
    for (const auto& v : c.villages) land.insert(land.end(), v.area.begin(), v.area.end());
    return land;
}

// walk_distance.tif: the areas' distance raster with nodata outside the villages, or all nodata when nothing was
// walked (there is no distance to measure).
raster::Raster walk_distance_output(const Campaign& c, std::optional<raster::Raster> distance, double pixel)
{
    const MultiPolygon land = all_land(c);
    if (!distance) {
        raster::Raster none;
        none.grid = raster::grid_covering(bg::return_envelope<Box>(land), pixel);
        none.grid.require_memory(sizeof(float), "walk_distance.tif");
        none.values.assign(none.grid.cells(), raster::nodata);
        return none;
    }
    const std::vector<std::uint8_t> inside = raster::rasterise_area(distance->grid, land);
    for (std::size_t i = 0; i < inside.size(); ++i)
        if (inside[i] == 0) distance->values[i] = raster::nodata;
    return std::move(*distance);
}

// Each i writes only its own result slot, so the output does not depend on the thread count.
template <class Work>
void parallel_for(std::size_t n, int threads, Work&& work)
{
    detail::parallel_chunks(
        n, 1, threads, [&](std::size_t first, std::size_t last) {
            for (std::size_t i = first; i < last; ++i) work(i);
        },
        [](double) { return true; });
}

}  // namespace

double WalkFigures::ratio() const
{
    if (sites > 0) return site_ratio_sum / sites;
    return length_m > 0 ? covered_m / length_m : 0.0;
}

double CoverageResult::network_length() const
{
    double sum = 0;
    for (const auto& l : lines) sum += l.length();
    return sum;
}

double CoverageResult::network_covered() const
{
    double sum = 0;
    for (const auto& l : lines) sum += l.covered();
    return sum;
}

double CoverageResult::blind_area_m2() const
{
    double sum = 0;
    for (const auto& b : blind_areas) sum += b.area_m2;
    return sum;
}

double CoverageResult::required_area_m2() const
{
    double sum = 0;
    for (const auto& v : villages) sum += v.required_area_m2;
    return sum;
}

std::optional<double> CoverageResult::blind_share() const
{
    const double required = required_area_m2();
    return required > 0 ? std::optional<double>(blind_area_m2() / required) : std::nullopt;
}

CoverageResult analyse(const Campaign& c, const CoverageOptions& options, Progress progress)
{
    options.validate();
    const Progress& step = progress;
    CoverageResult result;
    result.options = options;
    GeosContext ctx;

    step(0.0, "indexing tracks");
    const TrackIndex tracks(c);
    for (int p = 0; p < tracks.pass_count(); ++p) result.pass_names.push_back(tracks.pass_name(p));
    result.track_lines = tracks.lines();

    step(0.05, "splitting the network by village");
    result.lines = split_by_villages(ctx, c);
    for (auto& l : result.lines) l.sight_m = effective_sight(options, c.network[static_cast<std::size_t>(l.line)]);

    step(0.15, "covered intervals");
    parallel_for(result.lines.size(), options.threads, [&](std::size_t i) {
        auto& l = result.lines[i];
        l.pieces = cover_line(l.geometry, l.sight_m, tracks);
    });

    step(0.5, "sites");
    result.sites.resize(c.sites.size());
    parallel_for(c.sites.size(), options.threads, [&](std::size_t i) {
        thread_local GeosContext site_ctx;  // GEOS contexts are per thread
        const double sight = effective_sight(options, c.sites[i]);
        result.sites[i] = cover_site(site_ctx, c, i, sight, tracks);
        result.sites[i].sight_m = sight;
    });

    step(0.6, "dead corners");
    result.dead_corners = dead_corners(ctx, result.lines, tracks, options.min_dead_corner_m);

    step(0.65, "walk distance raster");
    std::optional<raster::Raster> distance;
    if (!c.villages.empty() && !result.track_lines.empty()) {
        const MultiPolygon land = all_land(c);
        const double pixel = options.pixel_m > 0 ? options.pixel_m : default_area_pixel_m;
        const raster::Grid grid = raster::grid_covering(bg::return_envelope<Box>(land), pixel);
        const MultiPolygon mask = area_mask(c, grid);
        SubProgress part{progress.fn, progress.data, 0.65, 0.85};
        raster::DistanceOptions how;
        how.threads = options.threads;
        how.measure = options.walk_distance;
        distance = raster::distance_to_lines(grid, result.track_lines, &mask, how, &SubProgress::callback, &part);
    }

    step(0.85, "village and blind areas");
    AreaFigures areas = area_figures(c, distance ? &*distance : nullptr,
                                     {options.walked_within_m, options.blind_beyond_m, options.reach_m(), options.threads});
    result.blind_areas = std::move(areas.blind);
    result.not_required = std::move(areas.not_required);
    result.villages.resize(c.villages.size());
    for (std::size_t i = 0; i < c.villages.size(); ++i) {
        result.villages[i].area_m2 = bg::area(c.villages[i].area);
        result.villages[i].walked_area_m2 = areas.walked_m2[i];
        result.villages[i].required_area_m2 = areas.required_m2[i];
    }
    for (const auto& l : result.lines) {
        if (l.village < 0) continue;
        WalkFigures& cell = result.villages[static_cast<std::size_t>(l.village)].cells[static_cast<std::size_t>(l.category)];
        cell.length_m += l.length();
        cell.covered_m += l.covered();
    }
    for (const auto& s : result.sites) {
        if (s.village < 0) continue;
        const Category category = c.sites[static_cast<std::size_t>(s.site)].category;
        WalkFigures& cell = result.villages[static_cast<std::size_t>(s.village)].cells[static_cast<std::size_t>(category)];
        ++cell.sites;
        cell.visited += s.visited ? 1 : 0;
        cell.site_ratio_sum += s.ratio;
    }

    if (options.pixel_m > 0 && !c.villages.empty()) {
        step(0.95, "walk distance raster");
        result.walk_distance = walk_distance_output(c, std::move(distance), options.pixel_m);
    }
    step(1.0, "coverage done");
    return result;
}

}  // namespace geo::coverage

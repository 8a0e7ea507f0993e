#include "libgeo/hotspot/hotspot_cells.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/core/number_text.hpp"

#include <string>

namespace geo::hotspot {

void HotspotCellsOptions::validate() const
{
    binning.validate();
    gi.validate();
    if (gi.band_m != 0) gi.validate_band();
    band_search.validate();
}

GiResult gi_star_cells(const Binning& binning, const std::vector<double>& values, const GiOptions& options,
                       Progress progress)
{
    if (binning.layout.shape == CellShape::square) {
        SquareGrid grid{binning.layout.x0, binning.layout.y0, binning.layout.size, binning.layout.cols, binning.layout.rows};
        std::vector<GridCell> cells;
        cells.reserve(binning.cells.size());
        for (const auto& c : binning.cells) cells.push_back({c.col, c.row});
        return gi_star_grid(grid, cells, values, options, progress);
    }
    std::vector<Point> centres;
    centres.reserve(binning.cells.size());
    for (const auto& c : binning.cells) centres.push_back(c.centre);
    return gi_star_points(centres, values, options, progress);
}

HotspotCells hotspot_cells(const std::vector<Point>& incidents, const std::vector<MultiPolygon>& villages,
                            const HotspotCellsOptions& options, Progress progress, const std::vector<double>& weights)
{
    options.validate();
    if (incidents.size() < options.min_incidents)
        throw UsageError("hot spot analysis needs at least " + std::to_string(options.min_incidents) + " issues; " +
                             std::to_string(incidents.size()) + " were given",
                         {}, "widen the filters (categories, time window), or use the kernel density map for few issues");
    HotspotCells out;
    progress(0.0, "hot spot cells");
    out.binning = make_cells(incidents, villages, options.binning, weights);
    if (out.binning.cells.size() < options.min_cells)
        throw UsageError("hot spot analysis needs at least " + std::to_string(options.min_cells) + " cells; the " +
                             number_text(out.binning.layout.size) + " m cells give " +
                             std::to_string(out.binning.cells.size()),
                         {}, "choose a smaller cell size");
    std::vector<double> values;
    std::vector<Point> centres;
    values.reserve(out.binning.cells.size());
    for (const auto& c : out.binning.cells) {
        values.push_back(c.count);
        centres.push_back(c.centre);
    }
    GiOptions gi = options.gi;
    if (gi.band_m == 0) {
        progress(0.2, "distance band");
        out.band_search = choose_band(centres, values, options.band_search);
        gi.band_m = out.band_search->band_m;
    }
    out.band_m = gi.band_m;
    progress(0.6, "Gi*");
    out.gi = gi_star_cells(out.binning, values, gi, {});
    progress(1.0, "hot spot cells");
    return out;
}

}  // namespace geo::hotspot

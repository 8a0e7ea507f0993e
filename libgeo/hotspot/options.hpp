#pragma once
// The hotspot analysis's options, declared once: the struct and its table (campaign file key, command-line flag,
// range, unit, help; core/options.hpp), which the campaign file, the command line, --help, `geowalk validate`,
// summary.json and the README all read.
#include "libgeo/core/options.hpp"
#include "libgeo/hotspot/emerging.hpp"
#include "libgeo/hotspot/hotspot_cells.hpp"
#include "libgeo/hotspot/issue_filter.hpp"
#include "libgeo/hotspot/rebounds.hpp"
#include "libgeo/raster/kde.hpp"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace geo::hotspot {

enum class DensityExtent {
    points,    // QGIS's heatmap grid: the issues' extent grown by the radius (cell by cell comparable with QGIS)
    villages,  // the villages' extent, aligned like walk_distance.tif
};
inline constexpr std::array<options::Named<DensityExtent>, 2> density_extent_names{
    {{DensityExtent::points, "points"}, {DensityExtent::villages, "villages"}}};

// The Gi* feature mode's input: one location and value per feature, no aggregation (ArcGIS's plain Hot Spot
// Analysis), e.g. per-village rates or published test data. Read by load/gi_features.hpp.
struct GiFeatures {
    std::string source;        // the file, for messages and metadata
    std::string crs_wkt;       // of `points`
    std::vector<long long> ids;  // the input feature ids
    std::vector<Point> points;
    std::vector<double> values;
};

struct HotspotOptions {
    IssueFilter filter;
    raster::KdeOptions kde;
    DensityExtent extent = DensityExtent::points;
    std::string weight_field;  // issue attribute summed instead of counting issues (density and Gi*); "" = counts
    std::string radius_field;  // issue attribute holding each issue's own density radius in metres; "" = kde.radius_m
    HotspotCellsOptions cells;      // cells, band and Gi* (hotspot_cells.hpp)
    // A cell whose walked length is below this is "not inspected": its count says nothing. 0 = one cell side, the
    // length of a single walk straight across the cell.
    double min_walk_m = 0;
    // Also Gi* on the effort-adjusted rate (issues per walked km) over the inspected cells only, with the cells'
    // band: where problems are dense for the walking done, not where walking was dense. Not-inspected cells are
    // left out (not zeros): their rate is unknown.
    bool gi_rate = false;
    EmergingOptions emerging;  // band_m 0 = the band the cells' Gi* used
    ReboundOptions rebounds;
    std::optional<GiFeatures> gi_features;  // feature mode, with cells.gi.band_m as the band (required then)
    int threads = 2;

    // Throws geo::UsageError naming the option at fault: the table's ranges, then what only the parts know.
    void validate() const;
};

inline constexpr std::array<options::Named<CellShape>, 2> cell_shape_names{
    {{CellShape::square, "square"}, {CellShape::hexagon, "hexagon"}}};

const options::Table<HotspotOptions>& hotspot_option_table();

}  // namespace geo::hotspot

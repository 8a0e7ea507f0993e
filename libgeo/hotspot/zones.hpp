#pragma once
// Hotspot zones: what a leader is told instead of a list of cells. Neighbouring hot cells are one place, so they are
// merged into one zone, named by its village and the nearest named road or river, and ranked.
//
//   - Members: the cells Gi* calls hot (bin > 0: significant after the FDR correction and confidence level the
//     analysis used). Cold cells are "fewer problems than chance", not a place to send anyone, so they form no zone.
//   - Contiguity: cells sharing an edge or a corner (queen contiguity). A diagonal run of hot cells along a road that
//     crosses the grid at 45 degrees is one place on the ground; rook contiguity would cut it into single cells.
//     Hexagons only ever meet along edges, so for them the two rules agree.
//   - Outline: the GEOS union of the member cells (a MultiPolygon where cells meet only at a corner).
//   - Village: the one whose polygon holds most of the zone's area (GEOS intersection areas); none outside all.
//   - Near: the named network line (road, river or ditch; its name from line_name_fields) nearest to the zone, within one
//     distance band of it (the scale Gi* looked at; further away the name would mislead). When several named lines
//     cross the zone, the one with the longest stretch inside it.
//   - Rank: by problems found (issues of the filter inside the zone's cells), ties by problems per walked km, then
//     the strongest z, then the id. rank_per_km orders by problems per walked km; zones where nothing was walked
//     have no rate and come last.
#include "libgeo/core/campaign.hpp"
#include "libgeo/hotspot/binning.hpp"
#include "libgeo/hotspot/gi_star.hpp"

#include <cmath>
#include <cstddef>
#include <limits>
#include <string>
#include <vector>

namespace geo::hotspot {

// The attributes a network line's name is read from, first non-empty wins.
inline constexpr const char* line_name_fields[] = {"name", "NAME", "Name", "名称", "路名", "道路名称", "河名", "河流名称"};

struct Zone {
    int id = 0;                      // 1.., in the order of each zone's first cell (row, then column): stable
    int rank = 0;                    // 1 = most problems
    int rank_per_km = 0;             // 1 = most problems per walked km
    std::vector<std::size_t> cells;  // indices into Binning::cells, ascending
    MultiPolygon outline;            // GEOS union of the cells
    double area_m2 = 0;
    long long issues = 0;            // filtered issues inside the zone's cells
    double walked_m = 0;             // cleaned track walked inside the zone's cells
    int bin = 0;                     // the highest confidence bin of its cells: 1 (90 %), 2 (95 %), 3 (99 %)
    double max_z = 0;                // the strongest Gi* z of its cells
    int village = -1;                // index into Campaign::villages; -1 outside every village
    std::string near;                // name of the nearest named network line; empty when none within the band
    double near_m = std::numeric_limits<double>::quiet_NaN();  // distance to it (0: it crosses the zone)

    // Problems per walked km; NaN where nothing was walked.
    [[nodiscard]] double issues_per_km() const
    {
        return walked_m > 0 ? static_cast<double>(issues) / (walked_m / 1000.0) : std::numeric_limits<double>::quiet_NaN();
    }
    // 90, 95 or 99.
    [[nodiscard]] int confidence_pct() const { return bin >= 3 ? 99 : bin == 2 ? 95 : 90; }
};

struct ZoneInput {
    const Binning& binning;
    const GiResult& gi;                     // one entry per binning cell
    const std::vector<double>& walked_m;    // one entry per binning cell
    double band_m = 0;                      // the Gi* distance band: how far a name may be
    const std::vector<Village>& villages;
    const std::vector<NetworkLine>& network;
};

// The zones, in id order. Pure computation (GEOS for the union, areas and distances).
std::vector<Zone> hotspot_zones(const ZoneInput& in);

}  // namespace geo::hotspot

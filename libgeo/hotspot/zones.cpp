#include "libgeo/hotspot/zones.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/handles/geos_convert.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>
#include <utility>

namespace geo::hotspot {

namespace {

// Hot cells grouped by queen contiguity, each group's cells ascending, groups in the order of their first cell.
// A flood fill over a (col, row) map: every hot cell is looked up once per neighbour position.
std::vector<std::vector<std::size_t>> hot_groups(const Binning& binning, const GiResult& gi)
{
    std::map<std::pair<int, int>, std::size_t> hot;
    for (std::size_t i = 0; i < binning.cells.size(); ++i)
        if (gi.bin[i] > 0) hot.emplace(std::make_pair(binning.cells[i].col, binning.cells[i].row), i);
    const CellLayout& layout = binning.layout;
    // Hexagons: of the cells in the 3x3 block of (col, row) positions, the six whose centres are one size away touch;
    // the two others are sqrt(3) sizes away. Squares: all eight touch.
    auto touches = [&](std::size_t a, std::size_t b) {
        if (layout.shape == CellShape::square) return true;
        return bg::distance(binning.cells[a].centre, binning.cells[b].centre) <= layout.size * 1.001;
    };
    std::vector<char> seen(binning.cells.size(), 0);
    std::vector<std::vector<std::size_t>> groups;
    for (const auto& entry : hot) {
        const std::size_t start = entry.second;
        if (seen[start]) continue;
        std::vector<std::size_t> group{start}, todo{start};
        seen[start] = 1;
        while (!todo.empty()) {
            const std::size_t i = todo.back();
            todo.pop_back();
            const Cell& c = binning.cells[i];
            for (int dr = -1; dr <= 1; ++dr)
                for (int dc = -1; dc <= 1; ++dc) {
                    const auto it = hot.find({c.col + dc, c.row + dr});
                    if (it == hot.end() || seen[it->second] || !touches(i, it->second)) continue;
                    seen[it->second] = 1;
                    group.push_back(it->second);
                    todo.push_back(it->second);
                }
        }
        std::sort(group.begin(), group.end());
        groups.push_back(std::move(group));
    }
    // The map iterates by (col, row); ids follow the first cell in the binning's (row, col) order instead.
    std::sort(groups.begin(), groups.end(), [](const auto& a, const auto& b) { return a.front() < b.front(); });
    return groups;
}

GeomPtr union_of(const GeosContext& ctx, const Binning& binning, const std::vector<std::size_t>& cells)
{
    MultiPolygon parts;
    for (std::size_t i : cells) parts.push_back(binning.layout.polygon(binning.cells[i].col, binning.cells[i].row));
    const GeomPtr collection = to_geos(ctx, parts);
    // Neighbouring squares share exact corner coordinates; hexagon corners are computed from each centre and may
    // differ in the last bit, which a plain union would keep as slivers. A micrometre grid joins them.
    if (binning.layout.shape == CellShape::hexagon)
        return own(ctx, GEOSUnaryUnionPrec_r(ctx, collection.get(), 1e-6), "union of hotspot cells");
    return own(ctx, GEOSUnaryUnion_r(ctx, collection.get()), "union of hotspot cells");
}

double area_of(const GeosContext& ctx, const GEOSGeometry* g)
{
    double area = 0;
    if (!GEOSArea_r(ctx, g, &area)) throw Error("GEOS could not measure an area: " + ctx.last_error());
    return area;
}

double length_of(const GeosContext& ctx, const GEOSGeometry* g)
{
    double length = 0;
    if (!GEOSLength_r(ctx, g, &length)) throw Error("GEOS could not measure a length: " + ctx.last_error());
    return length;
}

double distance_between(const GeosContext& ctx, const GEOSGeometry* a, const GEOSGeometry* b)
{
    double d = 0;
    if (!GEOSDistance_r(ctx, a, b, &d)) throw Error("GEOS could not measure a distance: " + ctx.last_error());
    return d;
}

// The village holding most of the zone: the envelope rules most villages out before GEOS intersects.
int village_of(const GeosContext& ctx, const GEOSGeometry* zone, const Box& zone_box, const std::vector<Village>& villages)
{
    int best = -1;
    double best_area = 0;
    for (std::size_t v = 0; v < villages.size(); ++v) {
        if (villages[v].area.empty() || !bg::intersects(bg::return_envelope<Box>(villages[v].area), zone_box)) continue;
        const GeomPtr area = to_geos(ctx, villages[v].area);
        const GeomPtr common = own(ctx, GEOSIntersection_r(ctx, zone, area.get()), "zone and village intersection");
        const double a = area_of(ctx, common.get());
        if (a > best_area) {
            best_area = a;
            best = static_cast<int>(v);
        }
    }
    return best;
}

// The name of a network line: the first non-empty of the fields roads and rivers are usually named by. The loader
// keeps every input field as an attribute, so no field needs declaring for the sample town or common data.
std::string line_name(const NetworkLine& line)
{
    for (const char* field : line_name_fields) {
        const AttributeValue* value = find(line.attributes, field);
        if (!value) continue;
        std::string text = to_text(*value);
        if (!trim(text).empty()) return text;
    }
    return {};
}

struct Named {
    const LineString* line;
    std::string name;
    Box box;
};

double box_gap(const Box& a, const Box& b)
{
    const double dx = std::max({0.0, a.min_corner().x() - b.max_corner().x(), b.min_corner().x() - a.max_corner().x()});
    const double dy = std::max({0.0, a.min_corner().y() - b.max_corner().y(), b.min_corner().y() - a.max_corner().y()});
    return std::hypot(dx, dy);
}

// The nearest named line within max_m: candidates by envelope gap (a lower bound of the true distance), each
// measured exactly until the next gap exceeds the best distance. Lines crossing the zone compete by the length
// inside it, summed per name (one road is often many network lines).
std::pair<std::string, double> nearest_name(const GeosContext& ctx, const GEOSGeometry* zone, const Box& zone_box,
                                            const std::vector<Named>& named, double max_m)
{
    std::vector<std::pair<double, const Named*>> candidates;
    for (const auto& n : named) {
        const double gap = box_gap(zone_box, n.box);
        if (gap <= max_m) candidates.emplace_back(gap, &n);
    }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::string best;
    double best_m = max_m;
    std::map<std::string, double> inside;  // name -> metres inside the zone
    for (const auto& [gap, n] : candidates) {
        if (gap > best_m) break;
        const GeomPtr line = to_geos(ctx, *n->line);
        const double d = distance_between(ctx, zone, line.get());
        if (d <= 0) {
            const GeomPtr part = own(ctx, GEOSIntersection_r(ctx, zone, line.get()), "line inside a zone");
            inside[n->name] += length_of(ctx, part.get());
        }
        if (d <= best_m && (best.empty() || d < best_m)) {
            best_m = d;
            best = n->name;
        }
    }
    if (!inside.empty()) {
        const auto longest = std::max_element(inside.begin(), inside.end(),
                                              [](const auto& a, const auto& b) { return a.second < b.second; });
        return {longest->first, 0.0};
    }
    if (best.empty()) return {std::string(), std::numeric_limits<double>::quiet_NaN()};
    return {best, best_m};
}

void rank_zones(std::vector<Zone>& zones)
{
    std::vector<Zone*> order;
    order.reserve(zones.size());
    for (auto& z : zones) order.push_back(&z);
    // NaN rates (nothing walked) sort below every rate.
    auto rate = [](const Zone* z) {
        const double r = z->issues_per_km();
        return std::isnan(r) ? -1.0 : r;
    };
    std::sort(order.begin(), order.end(), [&](const Zone* a, const Zone* b) {
        if (a->issues != b->issues) return a->issues > b->issues;
        if (rate(a) != rate(b)) return rate(a) > rate(b);
        if (a->max_z != b->max_z) return a->max_z > b->max_z;
        return a->id < b->id;
    });
    for (std::size_t k = 0; k < order.size(); ++k) order[k]->rank = static_cast<int>(k) + 1;
    std::sort(order.begin(), order.end(), [&](const Zone* a, const Zone* b) {
        if (rate(a) != rate(b)) return rate(a) > rate(b);
        if (a->issues != b->issues) return a->issues > b->issues;
        return a->id < b->id;
    });
    for (std::size_t k = 0; k < order.size(); ++k) order[k]->rank_per_km = static_cast<int>(k) + 1;
}

}  // namespace

std::vector<Zone> hotspot_zones(const ZoneInput& in)
{
    const Binning& binning = in.binning;
    if (in.gi.bin.size() != binning.cells.size() || in.walked_m.size() != binning.cells.size())
        throw Error("hotspot zones need one Gi* bin and one walked length per cell");
    std::vector<long long> issues_in(binning.cells.size(), 0);
    for (int cell : binning.cell_of_point)
        if (cell >= 0) ++issues_in[static_cast<std::size_t>(cell)];
    std::vector<Named> named;
    for (const auto& n : in.network) {
        std::string name = line_name(n);
        if (!name.empty() && !n.line.empty()) named.push_back({&n.line, std::move(name), bg::return_envelope<Box>(n.line)});
    }

    const GeosContext ctx;
    std::vector<Zone> zones;
    for (auto& cells : hot_groups(binning, in.gi)) {
        Zone z;
        z.id = static_cast<int>(zones.size()) + 1;
        z.cells = std::move(cells);
        for (std::size_t i : z.cells) {
            z.issues += issues_in[i];
            z.walked_m += in.walked_m[i];
            if (in.gi.bin[i] > z.bin) z.bin = in.gi.bin[i];
            if (i == z.cells.front() || in.gi.z[i] > z.max_z) z.max_z = in.gi.z[i];
        }
        const GeomPtr outline = union_of(ctx, binning, z.cells);
        z.outline = polygons_from_geos(ctx, outline.get());
        z.area_m2 = area_of(ctx, outline.get());
        const Box box = bg::return_envelope<Box>(z.outline);
        z.village = village_of(ctx, outline.get(), box, in.villages);
        std::tie(z.near, z.near_m) = nearest_name(ctx, outline.get(), box, named, in.band_m);
        zones.push_back(std::move(z));
    }
    rank_zones(zones);
    return zones;
}

}  // namespace geo::hotspot

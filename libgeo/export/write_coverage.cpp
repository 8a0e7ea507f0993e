#include "libgeo/export/write_coverage.hpp"

#include "libgeo/export/contract.hpp"

#include "libgeo/core/datetime.hpp"
#include "libgeo/handles/ogr_geometry.hpp"
#include "libgeo/raster/distance_transform.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>

namespace geo::output {

namespace {

using coverage::CoverageResult;

AttributeValue village_name(const Campaign& c, int village)
{
    return village >= 0 ? AttributeValue(c.villages.at(static_cast<std::size_t>(village)).name) : AttributeValue();
}

AttributeValue local_date(const Campaign& c, double t)
{
    return std::isnan(t) ? AttributeValue() : AttributeValue(format_local_date(t, c.utc_offset_minutes));
}

std::string names_of(const CoverageResult& r, const std::vector<int>& passes)
{
    std::vector<std::string> names;
    for (int p : passes) names.push_back(r.pass_names.at(static_cast<std::size_t>(p)));
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : "; ") + n;
    return out;
}

AttributeValue category_code(Category c) { return std::string(code(c)); }
AttributeValue category_zh(Category c) { return std::string(info(c).label_zh); }

void write_network_coverage(VectorFile& file, const Campaign& c, const CoverageResult& r)
{
    VectorLayer layer = file.create_layer(layer::network_coverage, wkbLineString, c.crs.wkt,
        {{"line_id", OFTInteger}, {"village", OFTString}, {"category", OFTString}, {"category_zh", OFTString},
         {"covered", OFTInteger}, {"sight_m", OFTReal}, {"length_m", OFTReal}, {"passes", OFTInteger},
         {"walkers", OFTString}, {"first_walk", OFTString}, {"last_walk", OFTString}});
    for (const auto& lc : r.lines)
        for (const auto& p : lc.pieces) {
            if (p.length() <= 0) continue;
            layer.add(to_ogr(coverage::substring(lc.geometry, p.from, p.to)),
                      {std::int64_t{c.network.at(static_cast<std::size_t>(lc.line)).id}, village_name(c, lc.village),
                       category_code(lc.category), category_zh(lc.category), std::int64_t{p.covered}, lc.sight_m,
                       p.length(), static_cast<std::int64_t>(p.passes.size()), names_of(r, p.passes),
                       local_date(c, p.first), local_date(c, p.last)});
        }
    file.end_layer();
}

void write_uncovered(VectorFile& file, const Campaign& c, const CoverageResult& r)
{
    VectorLayer layer = file.create_layer(layer::uncovered, wkbLineString, c.crs.wkt,
                                          {{"rank", OFTInteger}, {"village", OFTString}, {"category", OFTString},
                                           {"category_zh", OFTString}, {"length_m", OFTReal},
                                           {"distance_to_walk_m", OFTReal}});
    std::int64_t rank = 0;
    for (const auto& d : r.dead_corners)
        layer.add(to_ogr(d.geometry), {++rank, village_name(c, d.village), category_code(d.category),
                                       category_zh(d.category), d.length_m,
                                       std::isfinite(d.distance_to_walk_m) ? AttributeValue(d.distance_to_walk_m) : AttributeValue()});
    file.end_layer();
}

void write_sites(VectorFile& file, const Campaign& c, const CoverageResult& r)
{
    VectorLayer layer = file.create_layer(layer::site_coverage, wkbUnknown, c.crs.wkt,
        {{"site_id", OFTInteger}, {"name", OFTString}, {"village", OFTString}, {"category", OFTString},
         {"category_zh", OFTString}, {"visited", OFTInteger}, {"perimeter_m", OFTReal}, {"covered_m", OFTReal},
         {"ratio", OFTReal}, {"passes", OFTInteger}, {"walkers", OFTString}, {"last_visit", OFTString},
         {"sight_m", OFTReal}});
    for (const auto& s : r.sites) {
        const Site& site = c.sites.at(static_cast<std::size_t>(s.site));
        layer.add(site.point ? to_ogr(*site.point) : to_ogr(site.area),
                  {std::int64_t{site.id}, site.name, village_name(c, s.village), category_code(site.category),
                   category_zh(site.category), std::int64_t{s.visited}, s.perimeter_m, s.covered_m, s.ratio,
                   static_cast<std::int64_t>(s.passes.size()), names_of(r, s.passes), local_date(c, s.last_visit),
                   s.sight_m});
    }
    file.end_layer();
}

void write_villages(VectorFile& file, const Campaign& c, const CoverageResult& r)
{
    // Long form: one row per village and walk, for filtering and charts.
    VectorLayer rows = file.create_layer(layer::village_coverage, wkbMultiPolygon, c.crs.wkt,
        {{"village", OFTString}, {"category", OFTString}, {"category_zh", OFTString}, {"length_m", OFTReal},
         {"covered_m", OFTReal}, {"sites", OFTInteger}, {"visited", OFTInteger}, {"ratio", OFTReal}});
    for (std::size_t v = 0; v < c.villages.size(); ++v)
        for (const auto& cat : all_categories()) {
            const auto& cell = r.villages[v].cells[static_cast<std::size_t>(cat.category)];
            rows.add(to_ogr(c.villages[v].area),
                     {c.villages[v].name, std::string(cat.code), std::string(cat.label_zh), cell.length_m, cell.covered_m,
                      std::int64_t{cell.sites}, std::int64_t{cell.visited},
                      cell.empty() ? AttributeValue() : AttributeValue(cell.ratio())});
        }
    file.end_layer();

    // Wide form: the ten-walk matrix, one row per village, percent per walk (null where the village has none).
    std::vector<FieldDef> fields{{"village", OFTString}, {"area_km2", OFTReal}, {"walked_area_km2", OFTReal},
                                 {"area_pct", OFTReal}, {"network_km", OFTReal}, {"network_pct", OFTReal}};
    for (const auto& cat : all_categories()) fields.push_back({std::string(cat.code), OFTReal});
    VectorLayer matrix = file.create_layer(layer::village_matrix, wkbMultiPolygon, c.crs.wkt, fields);
    for (std::size_t v = 0; v < c.villages.size(); ++v) {
        const auto& vc = r.villages[v];
        double length = 0, covered = 0;
        for (const auto& cell : vc.cells) {
            length += cell.length_m;
            covered += cell.covered_m;
        }
        std::vector<AttributeValue> row{c.villages[v].name, vc.area_m2 / 1e6, vc.walked_area_m2 / 1e6,
                                        vc.area_m2 > 0 ? AttributeValue(100.0 * vc.walked_area_m2 / vc.area_m2) : AttributeValue(),
                                        length / 1000.0, length > 0 ? AttributeValue(100.0 * covered / length) : AttributeValue()};
        for (const auto& cell : vc.cells) row.push_back(cell.empty() ? AttributeValue() : AttributeValue(100.0 * cell.ratio()));
        matrix.add(to_ogr(c.villages[v].area), row);
    }
    file.end_layer();
}

void write_blind_areas(VectorFile& file, const Campaign& c, const CoverageResult& r)
{
    // kind "blind": should have been walked (within R of a route or site) and no track came within B; ranked.
    // kind "not_required": the rest of the village land, beyond R; drawn grey so a map shows it was not asked for.
    VectorLayer layer = file.create_layer(layer::blind_areas, wkbPolygon, c.crs.wkt,
                                          {{"rank", OFTInteger}, {"kind", OFTString}, {"village", OFTString},
                                           {"area_m2", OFTReal}, {"area_ha", OFTReal}});
    std::int64_t rank = 0;
    for (const auto& b : r.blind_areas)
        layer.add(to_ogr(b.geometry), {++rank, std::string("blind"), village_name(c, b.village), b.area_m2, b.area_m2 / 1e4});
    for (const auto& b : r.not_required)
        layer.add(to_ogr(b.geometry),
                  {AttributeValue(), std::string("not_required"), village_name(c, b.village), b.area_m2, b.area_m2 / 1e4});
    file.end_layer();
}

}  // namespace

void write_coverage_layers(VectorFile& file, const Campaign& c, const CoverageResult& r)
{
    write_network_coverage(file, c, r);
    write_uncovered(file, c, r);
    write_sites(file, c, r);
    write_villages(file, c, r);
    write_blind_areas(file, c, r);
}

namespace {

// The sight distances in use: per line and site they are each feature's sight_m; here the range and, per walk that
// has lines or sites, the range of that walk (one number where all agree).
Json sight_section(const Campaign& c, const CoverageResult& r)
{
    std::map<Category, std::pair<double, double>> by_walk;
    const auto add = [&by_walk](Category category, double sight) {
        auto [it, fresh] = by_walk.try_emplace(category, sight, sight);
        it->second = {std::min(it->second.first, sight), std::max(it->second.second, sight)};
    };
    for (const auto& l : r.lines) add(l.category, l.sight_m);
    for (const auto& site : r.sites) add(c.sites[static_cast<std::size_t>(site.site)].category, site.sight_m);
    Json walks = Json::object();
    double low = r.options.sight_override_m.value_or(r.options.sight_m), high = low;
    bool first = true;
    for (const auto& [category, range] : by_walk) {
        walks[std::string(code(category))] = range.first == range.second ? Json(range.first) : Json::array({range.first, range.second});
        low = first ? range.first : std::min(low, range.first);
        high = first ? range.second : std::max(high, range.second);
        first = false;
    }
    return {{"default_m", r.options.sight_override_m.value_or(r.options.sight_m)}, {"min_m", low}, {"max_m", high},
            {"by_walk", walks}};
}

// One row per walk the town has, summed over the villages (and the lines and sites outside all villages), every
// share named by what it is of: line walks the covered share of their length; site walks the share of sites
// visited and, apart from it, the mean share of each site's outline walked (a point site 0 or 1).
Json by_walk_section(const Campaign& c, const CoverageResult& r)
{
    std::array<coverage::WalkFigures, category_count> walks{};
    for (const auto& l : r.lines) {
        auto& w = walks[static_cast<std::size_t>(l.category)];
        w.length_m += l.length();
        w.covered_m += l.covered();
    }
    for (const auto& s : r.sites) {
        auto& w = walks[static_cast<std::size_t>(c.sites[static_cast<std::size_t>(s.site)].category)];
        ++w.sites;
        w.visited += s.visited ? 1 : 0;
        w.site_ratio_sum += s.ratio;
    }
    Json out = Json::array();
    for (const auto& cat : all_categories()) {
        const auto& w = walks[static_cast<std::size_t>(cat.category)];
        if (w.empty()) continue;
        Json row{{"category", cat.code}};
        if (w.length_m > 0) {
            row["length_m"] = w.length_m;
            row["covered_m"] = w.covered_m;
            row["covered_share"] = w.covered_m / w.length_m;
        }
        if (w.sites > 0) {
            row["sites"] = w.sites;
            row["visited"] = w.visited;
            row["visited_share"] = static_cast<double>(w.visited) / w.sites;
            row["outline_share"] = w.site_ratio_sum / w.sites;
        }
        out.push_back(row);
    }
    return out;
}

}  // namespace

Json coverage_section(const Campaign& c, const CoverageResult& r)
{
    Json j;
    j["sight"] = sight_section(c, r);
    j["village_m"] = r.options.walked_within_m;
    j["blind_m"] = r.options.blind_beyond_m;
    j["reach_m"] = r.options.reach_m();  // as used: B when not set
    // The areas are contoured from the walk-distance raster: its measure and pixel size (0: no raster written,
    // the areas used a 10 m one) say how they were measured.
    j["walk_distance"] = raster::distance_measure_name(r.options.walk_distance);
    j["pixel_m"] = r.options.pixel_m;
    j["length_m"] = r.network_length();
    j["covered_m"] = r.network_covered();
    j["covered_share"] = r.network_length() > 0 ? Json(r.network_covered() / r.network_length()) : Json();
    Json by_village = Json::array();
    for (std::size_t v = 0; v < c.villages.size(); ++v)
        for (const auto& cat : all_categories()) {
            const auto& cell = r.villages[v].cells[static_cast<std::size_t>(cat.category)];
            if (cell.empty()) continue;
            Json row{{"village", c.villages[v].name}, {"category", cat.code}};
            if (cell.length_m > 0) {
                row["length_m"] = cell.length_m;
                row["covered_m"] = cell.covered_m;
            }
            if (cell.sites > 0) {
                row["sites"] = cell.sites;
                row["visited"] = cell.visited;
            }
            row["ratio"] = cell.ratio();
            by_village.push_back(row);
        }
    j["by_village"] = by_village;
    j["by_walk"] = by_walk_section(c, r);
    double dead_length = 0;
    for (const auto& d : r.dead_corners) dead_length += d.length_m;
    j["dead_corners"] = {{"count", r.dead_corners.size()}, {"length_m", dead_length}, {"min_length_m", r.options.min_dead_corner_m}};
    // Blind area with what it is a share of: the land that should be walked (within reach_m of the network or a
    // site), never all village land.
    const double blind = r.blind_area_m2(), required = r.required_area_m2();
    double not_required = 0;
    for (const auto& b : r.not_required) not_required += b.area_m2;
    j["blind_area_km2"] = blind / 1e6;
    j["required_area_km2"] = required / 1e6;
    j["blind_share"] = r.blind_share() ? Json(*r.blind_share()) : Json();
    j["not_required_area_km2"] = not_required / 1e6;
    int visited = 0;
    for (const auto& s : r.sites) visited += s.visited ? 1 : 0;
    j["sites"] = {{"count", r.sites.size()},
                  {"visited", visited},
                  {"visited_share", r.sites.empty() ? Json() : Json(static_cast<double>(visited) / static_cast<double>(r.sites.size()))}};
    Json areas = Json::array();
    for (std::size_t v = 0; v < c.villages.size(); ++v)
        areas.push_back({{"village", c.villages[v].name}, {"area_km2", r.villages[v].area_m2 / 1e6},
                         {"walked_area_km2", r.villages[v].walked_area_m2 / 1e6},
                         {"required_area_km2", r.villages[v].required_area_m2 / 1e6}});
    j["village_area"] = areas;
    return j;
}

}  // namespace geo::output

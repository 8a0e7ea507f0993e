#include "libgeo/export/write_hotspots.hpp"

#include "libgeo/export/contract.hpp"

#include "libgeo/core/datetime.hpp"
#include "libgeo/handles/ogr_geometry.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

namespace geo::output {

namespace {

// The zones summary.json lists with their figures (all are in the hotspot_zones layer).
constexpr std::size_t zones_in_summary = 10;

AttributeValue number_or_null(double v) { return std::isfinite(v) ? AttributeValue(v) : AttributeValue(); }

AttributeValue issue_code(const Campaign& c, int index)
{
    const Issue& issue = c.issues.at(static_cast<std::size_t>(index));
    return issue.code.empty() ? AttributeValue(std::to_string(issue.id)) : AttributeValue(issue.code);
}

// Cells that share no area with any village are analysed (Gi* and its global mean and variance include them, so
// the written cells' numbers do not depend on it) but not written: they are outside the study area.
bool written_cell(const hotspot::Binning& b, std::size_t i) { return b.in_villages.empty() || b.in_villages[i] != 0; }

// emerging_hotspots holds the cells with a pattern or at least one issue in the cube; the rest of the grid is "no
// pattern, nothing found", which the summary counts.
bool written_emerging(const hotspot::Binning& b, const hotspot::EmergingResult& e, std::size_t i)
{
    if (!written_cell(b, i)) return false;
    if (e.cells[i].pattern != hotspot::Pattern::none) return true;
    const auto T = static_cast<std::size_t>(e.slices);
    for (std::size_t t = 0; t < T; ++t)
        if (e.counts[i * T + t] > 0) return true;
    return false;
}

AttributeValue village_of(const Campaign& c, int village)
{
    return village >= 0 ? AttributeValue(c.villages.at(static_cast<std::size_t>(village)).name) : AttributeValue();
}

void write_cells(VectorFile& file, const Campaign& c, const hotspot::HotspotResult& a)
{
    const auto& r = *a.cells;
    const bool permutations = !r.gi.p_sim.empty();
    // inspected = walked_km >= min_walk_m / 1000 or issue_locations > 0; issues_per_km = count / effort_km.
    std::vector<FieldDef> fields{{"cell_id", OFTInteger},    {"count", OFTReal},      {"walked_km", OFTReal},
                                 {"issue_locations", OFTInteger}, {"effort_km", OFTReal},
                                 {"inspected", OFTInteger},  {"issues_per_km", OFTReal}, {"neighbours", OFTInteger},
                                 {"gi_z", OFTReal},          {"gi_p", OFTReal},       {"gi_q", OFTReal}};
    if (permutations) fields.push_back({"gi_p_sim", OFTReal});
    fields.push_back({"gi_bin", OFTInteger});
    fields.push_back({"gi_class", OFTString});
    // Gi* of the rate, null where the cell was not inspected.
    std::vector<std::optional<std::size_t>> rate_entry(r.binning.cells.size());
    const bool rate_permutations = a.rate_gi && !a.rate_gi->p_sim.empty();
    if (a.rate_gi) {
        for (std::size_t k = 0; k < a.rate_cells.size(); ++k) rate_entry[a.rate_cells[k]] = k;
        fields.insert(fields.end(), {{"rate_gi_z", OFTReal}, {"rate_gi_p", OFTReal}});
        if (rate_permutations) fields.push_back({"rate_gi_p_sim", OFTReal});
        fields.push_back({"rate_gi_bin", OFTInteger});
    }
    VectorLayer layer = file.create_layer(layer::hotspot_cells, wkbPolygon, c.crs.wkt, fields);
    for (std::size_t i = 0; i < r.binning.cells.size(); ++i) {
        if (!written_cell(r.binning, i)) continue;
        const auto& cell = r.binning.cells[i];
        const double km = a.walked_m[i] / 1000.0;
        std::vector<AttributeValue> values{static_cast<std::int64_t>(i + 1), cell.count, km,
                                           std::int64_t{a.issue_locations[i]}, a.effort_m(i) / 1000.0,
                                           std::int64_t{a.inspected[i]},
                                           a.inspected[i] ? number_or_null(a.issues_per_km(i)) : AttributeValue(),
                                           std::int64_t{r.gi.neighbours[i]}, r.gi.z[i], r.gi.p[i], r.gi.q[i]};
        if (permutations) values.emplace_back(r.gi.p_sim[i]);
        values.emplace_back(std::int64_t{r.gi.bin[i]});
        values.emplace_back(gi_class(r.gi.bin[i]));
        if (a.rate_gi) {
            const auto k = rate_entry[i];  // none: not inspected, every rate field null
            values.emplace_back(k ? AttributeValue(a.rate_gi->z[*k]) : AttributeValue());
            values.emplace_back(k ? AttributeValue(a.rate_gi->p[*k]) : AttributeValue());
            if (rate_permutations) values.emplace_back(k ? AttributeValue(a.rate_gi->p_sim[*k]) : AttributeValue());
            values.emplace_back(k ? AttributeValue(std::int64_t{a.rate_gi->bin[*k]}) : AttributeValue());
        }
        layer.add(to_ogr(r.binning.layout.polygon(cell.col, cell.row)), values);
    }
    file.end_layer();
}

// One row per zone in id order; issues_per_km and near_m null where there is none.
void write_zones(VectorFile& file, const Campaign& c, const hotspot::HotspotResult& a)
{
    VectorLayer layer = file.create_layer(layer::hotspot_zones, wkbMultiPolygon, c.crs.wkt,
        {{"zone_id", OFTInteger}, {"rank", OFTInteger}, {"rank_per_km", OFTInteger}, {"village", OFTString},
         {"near", OFTString}, {"near_m", OFTReal}, {"cells", OFTInteger}, {"area_m2", OFTReal},
         {"issues", OFTInteger}, {"walked_km", OFTReal}, {"issues_per_km", OFTReal}, {"confidence", OFTInteger},
         {"max_z", OFTReal}});
    for (const auto& z : a.zones) {
        layer.add(to_ogr(z.outline),
                  {std::int64_t{z.id}, std::int64_t{z.rank}, std::int64_t{z.rank_per_km}, village_of(c, z.village),
                   z.near.empty() ? AttributeValue() : AttributeValue(z.near), number_or_null(z.near_m),
                   static_cast<std::int64_t>(z.cells.size()), z.area_m2, static_cast<std::int64_t>(z.issues),
                   z.walked_m / 1000.0, number_or_null(z.issues_per_km()), std::int64_t{z.confidence_pct()}, z.max_z});
    }
    file.end_layer();
}

// The zones for summary.json: how many, and the first `top` by rank with their figures.
Json zones_section(const Campaign& c, const hotspot::HotspotResult& a, std::size_t top)
{
    std::vector<const hotspot::Zone*> ranked;
    for (const auto& z : a.zones) ranked.push_back(&z);
    std::sort(ranked.begin(), ranked.end(), [](const auto* x, const auto* y) { return x->rank < y->rank; });
    Json rows = Json::array();
    for (const auto* z : ranked) {
        if (rows.size() >= top) break;
        const double per_km = z->issues_per_km();
        rows.push_back({{"zone_id", z->id},
                        {"rank", z->rank},
                        {"rank_per_km", z->rank_per_km},
                        {"village", z->village >= 0 ? Json(c.villages.at(static_cast<std::size_t>(z->village)).name) : Json()},
                        {"near", z->near.empty() ? Json() : Json(z->near)},
                        {"near_m", std::isfinite(z->near_m) ? Json(z->near_m) : Json()},
                        {"cells", z->cells.size()},
                        {"area_m2", z->area_m2},
                        {"issues", z->issues},
                        {"walked_km", z->walked_m / 1000.0},
                        {"issues_per_km", std::isfinite(per_km) ? Json(per_km) : Json()},
                        {"confidence", z->confidence_pct()},
                        {"max_z", z->max_z}});
    }
    const auto with_issues = std::count_if(a.zones.begin(), a.zones.end(), [](const auto& z) { return z.issues > 0; });
    return {{"count", a.zones.size()},
            {"with_issues", with_issues},
            {"contiguity", "edge or corner"},
            {"top", rows}};
}

void write_emerging(VectorFile& file, const Campaign& c, const hotspot::HotspotResult& a)
{
    const auto& cells = a.cells->binning;
    const auto& e = *a.emerging;
    VectorLayer layer = file.create_layer(layer::emerging_hotspots, wkbPolygon, c.crs.wkt,
        {{"cell_id", OFTInteger}, {"pattern", OFTString}, {"pattern_label", OFTString}, {"slices", OFTInteger},
         {"hot_slices", OFTInteger}, {"cold_slices", OFTInteger}, {"trend_z", OFTReal}, {"trend_p", OFTReal},
         {"count_trend_z", OFTReal}, {"count_trend_p", OFTReal}, {"first_slice", OFTString}, {"last_slice", OFTString}});
    const AttributeValue first = format_local_date(e.start_s, c.utc_offset_minutes);
    const AttributeValue last = format_local_date(e.start_s + (e.slices - 1) * e.slice_s, c.utc_offset_minutes);
    for (std::size_t i = 0; i < e.cells.size(); ++i) {
        if (!written_emerging(cells, e, i)) continue;
        const auto& ec = e.cells[i];
        const auto& cell = cells.cells[i];
        layer.add(to_ogr(cells.layout.polygon(cell.col, cell.row)),
                  {static_cast<std::int64_t>(i + 1), std::string(hotspot::pattern_code(ec.pattern)),
                   std::string(hotspot::pattern_label(ec.pattern)), std::int64_t{e.slices}, std::int64_t{ec.hot_slices},
                   std::int64_t{ec.cold_slices}, ec.z_trend.z, ec.z_trend.p, ec.count_trend.z, ec.count_trend.p, first,
                   last});
    }
    file.end_layer();
}

void write_rebounds(VectorFile& file, const Campaign& c, const hotspot::HotspotResult& a)
{
    VectorLayer layer = file.create_layer(layer::rebounds, wkbLineString, c.crs.wkt,
        {{"issue", OFTString}, {"earlier_issue", OFTString}, {"village", OFTString}, {"category", OFTString},
         {"category_zh", OFTString}, {"problem", OFTString}, {"found", OFTString}, {"earlier_accepted", OFTString},
         {"days", OFTReal}, {"distance_m", OFTReal}});
    for (const auto& r : a.rebounds) {
        const Issue& now = c.issues.at(static_cast<std::size_t>(r.issue));
        const Issue& before = c.issues.at(static_cast<std::size_t>(r.earlier));
        // A line from the accepted issue to the one found again, so the map shows where the problem came back from.
        const LineString link{before.position, now.position};
        layer.add(to_ogr(link),
                  {issue_code(c, r.issue), issue_code(c, r.earlier), village_of(c, now.village),
                   std::string(code(now.category)), std::string(info(now.category).label_zh), now.problem,
                   format_local_date(*now.found, c.utc_offset_minutes),
                   format_local_date(*before.accepted, c.utc_offset_minutes), r.days, r.distance_m});
    }
    file.end_layer();
}

// The feature mode: the input's ids and values with the same Gi* fields as hotspot_cells, at the features' centres.
void write_gi_features(VectorFile& file, const hotspot::GiFeatures& in, const hotspot::GiResult& gi)
{
    const bool permutations = !gi.p_sim.empty();
    std::vector<FieldDef> fields{{"id", OFTInteger64}, {"value", OFTReal}, {"neighbours", OFTInteger},
                                 {"gi_z", OFTReal},    {"gi_p", OFTReal},  {"gi_q", OFTReal}};
    if (permutations) fields.push_back({"gi_p_sim", OFTReal});
    fields.push_back({"gi_bin", OFTInteger});
    fields.push_back({"gi_class", OFTString});
    VectorLayer layer = file.create_layer(layer::gi_features, wkbPoint, in.crs_wkt, fields);
    for (std::size_t i = 0; i < in.points.size(); ++i) {
        std::vector<AttributeValue> values{std::int64_t{in.ids[i]}, in.values[i], std::int64_t{gi.neighbours[i]},
                                           gi.z[i], gi.p[i], gi.q[i]};
        if (permutations) values.emplace_back(gi.p_sim[i]);
        values.emplace_back(std::int64_t{gi.bin[i]});
        values.emplace_back(gi_class(gi.bin[i]));
        layer.add(to_ogr(in.points[i]), values);
    }
    file.end_layer();
}

}  // namespace

std::string gi_class(int bin)
{
    if (bin == 0) return "not significant";
    static const char* const levels[] = {"", "90", "95", "99"};
    return std::string(bin > 0 ? "hot" : "cold") + " spot, " + levels[std::abs(bin)] + " % confidence";
}

void write_hotspot_layers(VectorFile& file, const Campaign& c, const hotspot::HotspotResult& a)
{
    const hotspot::HotspotOptions& options = a.options;
    if (a.cells) write_cells(file, c, a);
    if (a.cells) write_zones(file, c, a);
    if (a.cells && a.emerging) write_emerging(file, c, a);
    write_rebounds(file, c, a);
    if (a.gi_features && options.gi_features) write_gi_features(file, *options.gi_features, *a.gi_features);
}

std::optional<DensityStats> write_density_raster(const std::filesystem::path& file, const Campaign& c,
                                                 const hotspot::HotspotResult& a, Progress progress)
{
    const hotspot::HotspotOptions& options = a.options;
    if (!a.density) return std::nullopt;
    return write_density(
        file, *a.density, c.crs.wkt,
        {{"GEOWALK_ISSUES", options.filter.describe(c.utc_offset_minutes)},
         {"GEOWALK_WEIGHT_FIELD", options.weight_field},
         {"GEOWALK_EXTENT", std::string(geo::options::name_of(hotspot::density_extent_names, options.extent))}},
        progress);
}

Json hotspots_section(const Campaign& c, const hotspot::HotspotResult& a, const std::optional<DensityStats>& density)
{
    const hotspot::HotspotOptions& options = a.options;
    Json s;
    s["issues"] = options.filter.describe(c.utc_offset_minutes);
    s["issues_used"] = a.issues.size();
    if (density) {
        s["density"] = {{"kernel", std::string(raster::kernel_name(options.kde.kernel))},
                        {"radius_m", options.kde.radius_m},
                        {"pixel_m", a.density->grid.pixel},
                        {"output", std::string(raster::kde_output_name(options.kde.output))},
                        {"units", raster::kde_units(options.kde)},
                        {"cols", a.density->grid.cols},
                        {"rows", a.density->grid.rows},
                        {"max", density->max},
                        {"sum_times_pixel_area", density->sum * a.density->grid.pixel * a.density->grid.pixel}};
    }
    if (a.cells) {
        const auto& r = *a.cells;
        std::map<int, int> bins;
        int not_inspected = 0, cold_not_inspected = 0, by_issues_only = 0;
        for (std::size_t i = 0; i < r.gi.bin.size(); ++i) {
            ++bins[r.gi.bin[i]];
            not_inspected += a.inspected[i] ? 0 : 1;
            by_issues_only += a.inspected[i] && a.walked_m[i] < a.min_walk_m ? 1 : 0;
        }
        for (std::size_t i = 0; i < r.gi.bin.size(); ++i) cold_not_inspected += (!a.inspected[i] && r.gi.bin[i] < 0) ? 1 : 0;
        Json by_bin = Json::object();
        for (int b = -3; b <= 3; ++b) by_bin[std::to_string(b)] = bins[b];
        s["cells"] = {{"shape", r.binning.layout.shape == hotspot::CellShape::square ? "square" : "hexagon"},
                      {"size_m", r.binning.layout.size},
                      {"size_chosen", r.binning.size_chosen},
                      {"band_m", r.band_m},
                      {"band_chosen", r.band_search.has_value()},
                      {"count", r.binning.cells.size()},
                      {"hot", bins[1] + bins[2] + bins[3]},
                      {"cold", bins[-1] + bins[-2] + bins[-3]},
                      {"by_bin", by_bin},
                      {"min_walk_m", a.min_walk_m},
                      {"not_inspected", not_inspected},
                      {"inspected_by_issues_only", by_issues_only},
                      {"cold_but_not_inspected", cold_not_inspected}};
        if (const auto& rule = r.binning.size_rule) {
            s["cells"]["size"] = {{"nearest_neighbour_m", rule->nearest_neighbour_m},
                                  {"floor_m", rule->floor_m},
                                  {"max_cells", rule->max_cells},
                                  {"chosen_m", rule->chosen_m},
                                  {"rule", rule->rule}};
        }
        // count, hot, cold and by_bin are over every analysed cell, as before; the layer leaves out cells outside
        // every village (kept only because an issue lies in them).
        std::size_t written = 0, outside_hot = 0;
        for (std::size_t i = 0; i < r.binning.cells.size(); ++i) {
            if (written_cell(r.binning, i)) ++written;
            else if (r.gi.bin[i] > 0) ++outside_hot;
        }
        s["cells"]["written"] = written;
        s["cells"]["not_written_outside_villages"] = r.binning.cells.size() - written;
        s["cells"]["not_written_hot"] = outside_hot;
        s["cells"]["fdr"] = options.cells.gi.fdr;
        s["cells"]["fdr_alpha"] = options.cells.gi.fdr_alpha;
        s["zones"] = zones_section(c, a, zones_in_summary);
        if (a.rate_gi) {
            s["cells"]["rate_gi"] = {{"cells", a.rate_cells.size()}, {"hot", a.rate_gi->hot()}, {"cold", a.rate_gi->cold()}};
        } else if (options.gi_rate) {
            s["cells"]["rate_gi"] = {{"skipped", a.rate_skipped}};
        }
    } else {
        s["cells"] = {{"skipped", a.cells_skipped}};
    }
    if (a.emerging) {
        std::map<std::string, int> patterns;
        for (const auto& cell : a.emerging->cells) ++patterns[std::string(hotspot::pattern_code(cell.pattern))];
        std::size_t written = 0;
        for (std::size_t i = 0; i < a.emerging->cells.size(); ++i)
            written += written_emerging(a.cells->binning, *a.emerging, i) ? 1 : 0;
        s["emerging"] = {{"slices", a.emerging->slices},
                         {"slice_days", a.emerging->slice_s / 86400.0},
                         {"first_slice", format_local_date(a.emerging->start_s, c.utc_offset_minutes)},
                         {"patterns", patterns},
                         {"cells", a.emerging->cells.size()},
                         // emerging_hotspots holds the cells with a pattern or an issue (inside the villages).
                         {"written", written}};
    } else {
        s["emerging"] = {{"skipped", a.emerging_skipped}};
    }
    std::map<std::string, int> by_village;
    for (const auto& r : a.rebounds) {
        const int v = c.issues.at(static_cast<std::size_t>(r.issue)).village;
        ++by_village[v >= 0 ? c.villages.at(static_cast<std::size_t>(v)).name : std::string()];
    }
    Json villages = Json::array();
    for (const auto& [name, n] : by_village) villages.push_back({{"village", name}, {"rebounds", n}});
    // "found_again": problems found again near an accepted fix, this analysis's figure. Not the issues the register
    // marks as rebounded (a status someone set): that is `register.marked_rebounded`, a different question.
    s["rebounds"] = {{"radius_m", options.rebounds.radius_m},
                     {"min_days", options.rebounds.min_days},
                     {"found_again", a.rebounds.size()},
                     {"by_village", villages}};
    if (a.gi_features && options.gi_features) {
        s["gi_features"] = {{"source", options.gi_features->source},
                            {"features", options.gi_features->points.size()},
                            {"band_m", options.cells.gi.band_m},
                            {"hot", a.gi_features->hot()},
                            {"cold", a.gi_features->cold()}};
    }
    return s;
}

}  // namespace geo::output

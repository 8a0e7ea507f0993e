#include "libgeo/qgis/default_styles.hpp"

#include "libgeo/core/categories.hpp"
#include "libgeo/core/number_text.hpp"
#include "libgeo/qgis/xml.hpp"

#include <algorithm>
#include <array>
#include <functional>
#include <map>
#include <tuple>
#include <vector>

namespace geo::qgis {

namespace {

struct Lang {
    bool zh;
    [[nodiscard]] std::string operator()(std::string_view en, std::string_view zh_text) const
    {
        return std::string(zh ? zh_text : en);
    }
};

constexpr Rgba dark_outline{60, 60, 60, 255};
constexpr Rgba no_colour{0, 0, 0, 0};
constexpr Rgba covered_green{26, 150, 65, 255};
constexpr Rgba missed_red{215, 25, 28, 255};

// A symbol for a class colour that suits the geometry: markers for points, strokes for lines, fills for areas.
Symbol symbol_for(GeometryKind kind, Rgba colour)
{
    switch (kind) {
    case GeometryKind::point: return marker("circle", colour);
    case GeometryKind::line: return line(colour, 0.5);
    default: return fill(Rgba{colour.r, colour.g, colour.b, 170}, dark_outline, 0.15);
    }
}

// One rule per geometry type for a layer that mixes them (sites are points or areas).
std::vector<StyleClass> mixed_classes(const std::string& label, std::vector<Condition> when, Rgba colour)
{
    std::vector<StyleClass> out;
    auto with = [&](const char* kind) {
        auto w = when;
        w.push_back(geometry_is(kind));
        return w;
    };
    out.push_back({label, marker("square", colour, 2.6), with("Point")});
    out.push_back({label, line(colour, 0.6), with("Line")});
    out.push_back({label, fill(Rgba{colour.r, colour.g, colour.b, 120}, colour, 0.4), with("Polygon")});
    return out;
}

// A categorized renderer, or rules per geometry type when the layer mixes points and areas.
Renderer by_value(const std::string& field, GeometryKind kind,
                  const std::vector<std::tuple<std::string, std::string, Rgba>>& values, bool text)
{
    Renderer r;
    r.field = field;
    if (kind == GeometryKind::mixed) {
        r.kind = RendererKind::rules;
        for (const auto& [value, label, colour] : values) {
            auto classes = mixed_classes(label, {equals(field, value, text)}, colour);
            r.classes.insert(r.classes.end(), classes.begin(), classes.end());
        }
        return r;
    }
    r.kind = RendererKind::categorized;
    for (const auto& [value, label, colour] : values)
        r.classes.push_back({label, symbol_for(kind, colour), {equals(field, value, text)}});
    return r;
}

Renderer single(Symbol s, const std::string& label = "")
{
    return {RendererKind::single, "", {StyleClass{label, std::move(s), {}}}};
}

Renderer graduated(const std::string& field, const std::vector<std::tuple<double, double, std::string, Rgba>>& ranges)
{
    Renderer r{RendererKind::graduated, field, {}};
    for (const auto& [lower, upper, label, colour] : ranges)
        r.classes.push_back({label, fill(colour, Rgba{90, 90, 90, 255}, 0.2),
                             {{field, Condition::Op::at_least, number_text(lower), false},
                              {field, Condition::Op::below, number_text(upper), false}}});
    return r;
}

Renderer fallback(GeometryKind kind)
{
    const Rgba grey{110, 110, 110, 255};
    if (kind == GeometryKind::mixed) return {RendererKind::rules, "", mixed_classes("", {}, grey)};
    return single(symbol_for(kind, grey));
}

Rgba walk_colour(Category c)
{
    switch (c) {
    case Category::highway_shoulder: return {215, 48, 39, 255};
    case Category::village_road: return {244, 165, 60, 255};
    case Category::river_ditch: return {49, 130, 189, 255};
    case Category::field_ridge: return {102, 166, 30, 255};
    case Category::house_surroundings: return {140, 81, 10, 255};
    case Category::farm_wasteland_edge: return {191, 129, 45, 255};
    case Category::residential_yard: return {197, 27, 125, 255};
    case Category::school_clinic: return {118, 42, 131, 255};
    case Category::mine_perimeter: return {77, 77, 77, 255};
    case Category::construction_site: return {230, 171, 2, 255};
    }
    return {110, 110, 110, 255};
}

Rgba status_colour(Status s)
{
    switch (s) {
    case Status::found: return {227, 26, 28, 255};
    case Status::assigned: return {255, 127, 0, 255};
    case Status::rectifying: return {255, 215, 0, 255};
    case Status::rectified: return {31, 120, 180, 255};
    case Status::accepted: return {51, 160, 44, 255};
    case Status::rebounded: return {106, 61, 154, 255};
    }
    return {110, 110, 110, 255};
}

std::vector<std::tuple<std::string, std::string, Rgba>> walks(bool lines_only, const Lang& tr)
{
    std::vector<std::tuple<std::string, std::string, Rgba>> out;
    for (const auto& c : all_categories())
        if (!lines_only || c.walked == GeometryWalked::lines)
            out.emplace_back(std::string(c.code), tr(c.label_en, c.label_zh), walk_colour(c.category));
    return out;
}

LayerStyle villages(GeometryKind, const Lang&)
{
    LayerStyle s;
    s.renderer = single(fill(no_colour, Rgba{90, 60, 30, 255}, 0.7));
    Labels l;
    l.field = "name";
    l.size_pt = 11;
    l.bold = true;
    l.placement = LabelPlacement::inside_polygon;
    s.labels = l;
    s.display_expression = "\"name\"";
    return s;
}

LayerStyle network(GeometryKind kind, const Lang& tr)
{
    LayerStyle s;
    s.renderer = by_value("category", kind, walks(true, tr), true);
    // The empty value is QGIS's "all other values" class: a line of a walk that is not listed still shows.
    if (kind != GeometryKind::mixed) s.renderer->classes.push_back({tr("other", "其他"), line({150, 150, 150, 255}, 0.3), {equals("category", "", true)}});
    return s;
}

LayerStyle sites(GeometryKind kind, const Lang& tr)
{
    LayerStyle s;
    s.renderer = by_value("category", kind, walks(false, tr), true);
    s.display_expression = "\"name\"";
    return s;
}

LayerStyle tracks(GeometryKind, const Lang& tr)
{
    LayerStyle s;
    s.renderer = single(line({31, 120, 180, 200}, 0.25), tr("walk track", "巡查轨迹"));
    s.display_expression = "\"walker\" || ' ' || \"start\"";
    return s;
}

LayerStyle issues(GeometryKind kind, const Lang& tr)
{
    std::vector<std::tuple<std::string, std::string, Rgba>> values;
    for (const auto& st : all_statuses())
        values.emplace_back(std::string(st.code), tr(st.label_en, st.label_zh), status_colour(st.status));
    LayerStyle s;
    s.renderer = by_value("status", kind, values, true);
    // A rebound is the thing leaders ask about: a triangle stands out among the circles.
    for (auto& c : s.renderer->classes)
        if (c.when.front().value == "rebounded" && c.symbol.type == SymbolType::marker)
            std::get<MarkerLayer>(c.symbol.layers.front()) = MarkerLayer{"triangle", 3.2, status_colour(Status::rebounded)};
    s.display_expression = "\"issue_id\" || ' ' || \"problem\"";
    return s;
}

LayerStyle network_coverage(GeometryKind, const Lang& tr)
{
    LayerStyle s;
    s.renderer = Renderer{RendererKind::categorized, "covered",
                          {{tr("covered", "已走到"), line(covered_green, 0.6), {equals("covered", "1", false)}},
                           {tr("not covered", "未走到"), line(missed_red, 0.6), {equals("covered", "0", false)}}}};
    return s;
}

LayerStyle uncovered(GeometryKind, const Lang& tr)
{
    LayerStyle s;
    s.renderer = single(line({200, 0, 0, 255}, 1.6), tr("dead corner", "死角"));
    Labels l;
    l.field = "length_m";
    // The unit in the map's language, as the legend is.
    l.unit = tr(" m", " 米");
    l.expression = "concat(to_int(round(\"length_m\")), '" + l.unit + "')";
    l.color = {160, 0, 0, 255};
    l.placement = LabelPlacement::along_line;
    s.labels = l;
    s.display_expression = "concat('#', \"rank\", ' ', \"village\", ' ', to_int(round(\"length_m\")), ' m')";
    return s;
}

LayerStyle site_coverage(GeometryKind kind, const Lang& tr)
{
    LayerStyle s;
    s.renderer = by_value("visited", kind,
                          {{"1", tr("visited", "已走到"), covered_green}, {"0", tr("not visited", "未走到"), missed_red}}, false);
    s.display_expression = "\"name\"";
    return s;
}

std::vector<std::tuple<double, double, std::string, Rgba>> share_ranges(double scale, const Lang& tr)
{
    return {{0, 0.5 * scale, tr("under 50%", "低于50%"), {215, 25, 28, 150}},
            {0.5 * scale, 0.8 * scale, tr("50–80%", "50–80%"), {253, 174, 97, 150}},
            {0.8 * scale, 0.95 * scale, tr("80–95%", "80–95%"), {166, 217, 106, 150}},
            {0.95 * scale, 1.0001 * scale, tr("95–100%", "95–100%"), {26, 150, 65, 150}}};
}

LayerStyle village_coverage(GeometryKind, const Lang& tr)
{
    LayerStyle s;  // one row per village and walk: filter by category to read one walk
    s.renderer = graduated("ratio", share_ranges(1.0, tr));
    s.display_expression = "\"village\" || ' ' || \"category\"";
    return s;
}

LayerStyle village_matrix(GeometryKind, const Lang& tr)
{
    LayerStyle s;
    s.renderer = graduated("network_pct", share_ranges(100.0, tr));
    Labels l;
    l.field = "village";
    l.placement = LabelPlacement::inside_polygon;
    s.labels = l;
    s.display_expression = "\"village\"";
    return s;
}

LayerStyle blind_areas(GeometryKind, const Lang& tr)
{
    LayerStyle s;
    const Rgba brown{170, 30, 30, 255};
    // The legend says the definition: blind is land someone should have walked, not every field; the rest is grey.
    s.renderer = Renderer{
        RendererKind::categorized,
        "kind",
        {{tr("blind: near a route or site, no walk came near", "盲区：路线或点位附近、无人走到"),
          Symbol{SymbolType::fill, {HatchLayer{Rgba{170, 30, 30, 150}, 45, 2.5, 0.25}, FillLayer{no_colour, brown, 0.5}}},
          {equals("kind", "blind", true)}},
         {tr("not required: away from routes and sites", "非必巡：远离路线和点位"),
          Symbol{SymbolType::fill, {FillLayer{Rgba{170, 170, 170, 230}, Rgba{140, 140, 140, 160}, 0.2}}},
          {equals("kind", "not_required", true)}}}};
    s.display_expression = "concat(\"kind\", ' ', \"village\", ' ', round(\"area_ha\", 1), ' ha')";
    return s;
}

LayerStyle rejects(GeometryKind kind, const Lang&)
{
    LayerStyle s;
    if (kind != GeometryKind::none) s.renderer = fallback(kind);
    s.display_expression = "\"reason\" || ': ' || \"source\"";
    return s;
}

// Gi* bins -3..3 of `bin_field`: the usual seven classes, blue (cold) through a nearly clear middle to red (hot),
// labelled in plain words: a leader reads "more problems than chance would give", not "hot spot, z > 2.58".
// `per_km`: the classes are of problems per walked km (the rate Gi*).
Renderer gi_bins(const std::string& bin_field, const Lang& tr, bool per_km = false)
{
    const std::string more = per_km ? tr("more problems per km walked than chance would give", "每公里问题多于随机")
                                     : tr("more problems than chance would give", "问题多于随机");
    const std::string fewer = per_km ? tr("fewer problems per km walked than chance would give", "每公里问题少于随机")
                                     : tr("fewer problems than chance would give", "问题少于随机");
    auto at = [&](const std::string& what, const char* pct) {
        return tr(what + ", " + pct + " % confidence", what + "（" + pct + "%置信度）");
    };
    const std::array<std::tuple<int, Rgba, std::string>, 7> bins{{
        {-3, {33, 102, 172, 220}, at(fewer, "99")},
        {-2, {103, 169, 207, 200}, at(fewer, "95")},
        {-1, {209, 229, 240, 180}, at(fewer, "90")},
        {0, {247, 247, 247, 40}, tr("as chance would give", "与随机无显著差异")},
        {1, {253, 219, 199, 180}, at(more, "90")},
        {2, {239, 138, 98, 200}, at(more, "95")},
        {3, {178, 24, 43, 220}, at(more, "99")},
    }};
    Renderer r{RendererKind::rules, bin_field, {}};
    for (const auto& [bin, colour, label] : bins)
        r.classes.push_back({label, fill(colour, Rgba{150, 150, 150, 120}, 0.1), {equals(bin_field, std::to_string(bin), false)}});
    // Drawn over the bin colour: a cell nobody walked has no issues because nobody looked.
    // "inspected" = a track walked through or an issue was found in the cell (hotspot/analysis.hpp).
    r.classes.push_back({tr("not inspected: no track, no issue (not clean)", "未巡查：无轨迹、无问题记录（不等于无问题）"),
                         Symbol{SymbolType::fill, {HatchLayer{{110, 110, 110, 230}, -45, 1.5, 0.25}}},
                         {equals("inspected", "0", false)}});
    return r;
}

LayerStyle hotspot_cells(GeometryKind, const Lang& tr)
{
    LayerStyle s;
    s.renderer = gi_bins("gi_bin", tr);
    s.display_expression = "concat(\"gi_class\", ' z=', round(\"gi_z\", 2))";
    return s;
}

// The same classes on Gi* of issues per walked km (--gi-rate): where problems are dense for the effort spent.
LayerStyle hotspot_cells_rate(const Lang& tr)
{
    LayerStyle s;
    s.renderer = gi_bins("rate_gi_bin", tr, true);
    s.display_expression = "concat(round(\"issues_per_km\", 2), ' /km z=', round(\"rate_gi_z\", 2))";
    s.description = tr("geowalk: hot and cold spots of issues per walked km", "geowalk：每巡查公里问题数的热点与冷点");
    return s;
}

LayerStyle emerging_hotspots(GeometryKind kind, const Lang& tr)
{
    struct Pattern {
        const char* code;
        const char* en;
        const char* zh;
        Rgba hot, cold;
    };
    const std::array<Pattern, 8> patterns{{
        {"new", "new", "新", {255, 150, 150, 220}, {150, 190, 255, 220}},
        {"consecutive", "consecutive", "连续", {240, 90, 60, 220}, {90, 140, 230, 220}},
        {"intensifying", "intensifying", "加剧", {200, 0, 0, 230}, {0, 60, 200, 230}},
        {"persistent", "persistent", "持续", {140, 0, 20, 230}, {10, 30, 130, 230}},
        {"diminishing", "diminishing", "减弱", {250, 180, 140, 220}, {170, 210, 240, 220}},
        {"sporadic", "sporadic", "零星", {255, 200, 90, 220}, {120, 220, 220, 220}},
        {"oscillating", "oscillating", "振荡", {230, 130, 40, 220}, {60, 170, 190, 220}},
        {"historical", "historical", "历史", {190, 150, 140, 220}, {140, 150, 190, 220}},
    }};
    std::vector<std::tuple<std::string, std::string, Rgba>> values;
    for (const auto& p : patterns)
        values.emplace_back(std::string(p.code) + "_hot_spot", tr(std::string(p.en) + " hot spot", std::string(p.zh) + "热点"), p.hot);
    for (const auto& p : patterns)
        values.emplace_back(std::string(p.code) + "_cold_spot", tr(std::string(p.en) + " cold spot", std::string(p.zh) + "冷点"), p.cold);
    values.emplace_back("no_pattern", tr("no pattern", "无模式"), Rgba{220, 220, 220, 60});
    LayerStyle s;
    s.renderer = by_value("pattern", kind, values, true);
    return s;
}

// Purple, the register's colour for "rebounded": drawn over the red hot cells, a red arrow vanished into them.
LayerStyle rebounds(GeometryKind, const Lang& tr)
{
    LayerStyle s;
    s.renderer = single(arrow({106, 61, 154, 240}, 0.8), tr("rebound (earlier → later issue)", "反弹（先前问题 → 后来问题）"));
    return s;
}

// Zones are outlines over the cells they merge, labelled by rank so the map and the report's table meet.
LayerStyle hotspot_zones(GeometryKind, const Lang& tr)
{
    LayerStyle s;
    s.renderer = single(fill(Rgba{178, 24, 43, 25}, Rgba{120, 0, 30, 255}, 0.7),
                        tr("hotspot zone: neighbouring cells with more problems than chance would give",
                           "热点区域：问题多于随机的相邻网格"));
    Labels l;
    l.field = "rank";
    l.expression = "concat('#', \"rank\")";
    l.bold = true;
    l.color = {120, 0, 30, 255};
    l.placement = LabelPlacement::inside_polygon;
    s.labels = l;
    s.display_expression = "concat('#', \"rank\", ' ', \"village\", ' ', \"near\", ' ', \"issues\")";
    return s;
}

// The plan: one colour per team (the teams' order, eight before they repeat), the day as the label.
LayerStyle routes(GeometryKind kind, const Lang& tr)
{
    static constexpr std::array<Rgba, 8> team_colours{{{31, 120, 180, 255}, {51, 160, 44, 255}, {255, 127, 0, 255},
                                                       {106, 61, 154, 255}, {177, 89, 40, 255}, {227, 26, 28, 255},
                                                       {0, 150, 150, 255}, {90, 90, 90, 255}}};
    std::vector<std::tuple<std::string, std::string, Rgba>> values;
    for (std::size_t t = 0; t < team_colours.size(); ++t) {
        const std::string n = std::to_string(t + 1);
        values.emplace_back(n, tr("team " + n, "第" + n + "组"), team_colours[t]);
    }
    LayerStyle s;
    s.renderer = by_value("team", kind, values, false);
    Labels l;
    l.field = "label";
    l.expression = "\"label\"";
    l.placement = LabelPlacement::along_line;
    s.labels = l;
    s.display_expression = "concat(\"label\", ' ', \"depot\", ' ', to_int(round(\"total_m\")), ' m')";
    return s;
}

LayerStyle route_stops(GeometryKind, const Lang& tr)
{
    LayerStyle s;
    s.renderer = single(marker("circle", {30, 30, 30, 255}, 1.6), tr("turn point", "转向点"));
    s.display_expression = tr("\"instruction_en\"", "\"instruction_zh\"");
    return s;
}

LayerStyle plan_required(GeometryKind, const Lang& tr)
{
    LayerStyle s;
    s.renderer = single(line({200, 0, 0, 255}, 0.9, true), tr("to walk next (planned)", "待巡查（已排入计划）"));
    s.display_expression = "concat(\"route\", ' ', \"village\", ' ', to_int(round(\"length_m\")), ' m')";
    return s;
}

LayerStyle plan_unreachable(GeometryKind, const Lang& tr)
{
    LayerStyle s;
    s.renderer = single(line({110, 110, 110, 255}, 1.2, true), tr("cannot be reached from the depot", "从出发点无法到达"));
    s.display_expression = "\"reason\"";
    return s;
}

using Builder = LayerStyle (*)(GeometryKind, const Lang&);

const std::map<std::string, Builder, std::less<>>& catalogue()
{
    static const std::map<std::string, Builder, std::less<>> styles{
        {"villages", villages},
        {"network", network},
        {"sites", sites},
        {"tracks", tracks},
        {"issues", issues},
        {"rejects", rejects},
        {"network_coverage", network_coverage},
        {"uncovered", uncovered},
        {"site_coverage", site_coverage},
        {"village_coverage", village_coverage},
        {"village_matrix", village_matrix},
        {"blind_areas", blind_areas},
        {"hotspot_cells", hotspot_cells},
        {"hotspot_zones", hotspot_zones},
        {"emerging_hotspots", emerging_hotspots},
        {"rebounds", rebounds},
        {"routes", routes},
        {"route_stops", route_stops},
        {"plan_required", plan_required},
        {"plan_unreachable", plan_unreachable},
    };
    return styles;
}

}  // namespace

LayerStyle default_style(const std::string& layer, GeometryKind kind, const std::string& lang)
{
    const Lang tr{lang == "zh"};
    LayerStyle style;
    const auto it = catalogue().find(layer);
    if (it != catalogue().end()) style = it->second(kind, tr);
    else if (kind != GeometryKind::none) style.renderer = fallback(kind);
    style.layer = layer;
    style.title = "geowalk " + layer;
    style.description = tr("geowalk default style", "geowalk 默认样式");
    return style;
}

bool has_own_style(const std::string& layer) { return catalogue().count(layer) > 0; }

std::vector<LayerStyle> extra_styles(const std::string& layer, const std::vector<std::string>& fields,
                                     const std::string& lang)
{
    const Lang tr{lang == "zh"};
    std::vector<LayerStyle> out;
    const auto has = [&](const char* field) { return std::find(fields.begin(), fields.end(), field) != fields.end(); };
    if (layer == "hotspot_cells" && has("rate_gi_bin")) {
        LayerStyle s = hotspot_cells_rate(tr);
        s.layer = layer;
        s.title = "hotspot_cells_rate";
        out.push_back(std::move(s));
    }
    return out;
}

std::string extra_style_layer(const std::string& style_name)
{
    return style_name == "hotspot_cells_rate" ? "hotspot_cells" : "";
}

Rgba issue_status_colour(Status status) { return status_colour(status); }

}  // namespace geo::qgis

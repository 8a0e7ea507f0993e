#include "libgeo/render/maps.hpp"

#include "libgeo/export/contract.hpp"
#include "libgeo/core/error.hpp"
#include "libgeo/core/number_text.hpp"
#include "libgeo/core/parallel.hpp"
#include "libgeo/qgis/default_styles.hpp"
#include "libgeo/render/furniture.hpp"
#include "libgeo/render/labels.hpp"
#include "libgeo/render/page_image.hpp"
#include "libgeo/render/raster_layer.hpp"
#include "libgeo/render/text.hpp"
#include "libgeo/render/vector_layer.hpp"
#include "libgeo/render/village_maps.hpp"

#include <ogrsf_frmts.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <mutex>

namespace geo::render {

namespace L = output::layer;
namespace F = output::file;

namespace {

constexpr double margin = 28;        // 10 mm
constexpr double panel_width = 170;  // legend column right of the map
constexpr Rgba ink{30, 30, 30, 255};
constexpr Rgba grey{110, 110, 110, 255};

const char* lang_code(Lang lang) { return lang == Lang::zh ? "zh" : "en"; }

Box envelope_box(const OGREnvelope& e) { return Box{{e.MinX, e.MinY}, {e.MaxX, e.MaxY}}; }

Box town_extent(const MapSource& source)
{
    const auto& e = source.outputs().extent;
    return Box{{e.xmin, e.ymin}, {e.xmax, e.ymax}};
}

qgis::GeometryKind kind_of(const MapSource& source, const std::string& layer)
{
    for (const auto& v : source.outputs().vectors)
        if (v.name == layer) return v.kind;
    return qgis::GeometryKind::none;
}

// Label priority by layer: village names first, then sites, then everything else (dead corner lengths).
int label_priority(const std::string& layer)
{
    if (layer == L::villages) return 0;
    if (layer == L::sites || layer == L::site_coverage) return 1;
    return 2;
}

// A vector layer of a map: a table of the GeoPackage with its default style, or with one of its extra styles under
// that style's name (hotspot_cells_rate: hotspot_cells coloured by the Gi* of issues per walked km).
struct StyledTable {
    OGRLayer* table = nullptr;
    qgis::LayerStyle style;
};

std::optional<StyledTable> styled_table(const MapSource& source, const std::string& name)
{
    const std::string lang = lang_code(source.lang());
    const std::string extra_of = qgis::extra_style_layer(name);
    OGRLayer* table = source.layer(extra_of.empty() ? name : extra_of);
    if (!table) return std::nullopt;
    if (extra_of.empty()) return StyledTable{table, qgis::default_style(name, kind_of(source, name), lang)};
    std::vector<std::string> fields;
    const OGRFeatureDefn* definition = table->GetLayerDefn();
    fields.reserve(static_cast<std::size_t>(definition->GetFieldCount()));
    for (int i = 0; i < definition->GetFieldCount(); ++i) fields.emplace_back(definition->GetFieldDefn(i)->GetNameRef());
    for (auto& style : qgis::extra_styles(extra_of, fields, lang))
        if (style.title == name) return StyledTable{table, std::move(style)};
    return std::nullopt;
}

bool has_features(const MapSource& source, const std::string& layer)
{
    const auto styled = styled_table(source, layer);
    return styled && styled->table->GetFeatureCount() > 0;
}

std::optional<LegendGroup> draw_layer(cairo_t* cr, const MapView& view, const MapSource& source,
                                      const std::string& layer, Labeller& labels)
{
    const Lang lang = source.lang();
    const std::string title(layer_title(layer)(lang));
    if (layer == F::density) {
        const auto tif = source.raster(layer);
        if (tif.empty()) return std::nullopt;
        RasterLegend ramp{RampKind::interpolated, qgis::density_stops(raster_maximum(tif), lang_code(lang))};
        draw_raster(cr, view, tif, ramp);
        return LegendGroup{std::string(words::density(lang)), {}, ramp.items, std::string(words::density_low(lang)),
                           std::string(words::density_high(lang))};
    }
    if (layer == F::walk_distance) {
        const auto tif = source.raster(layer);
        const auto& w = source.outputs().walk_distance;
        if (tif.empty() || !w) return std::nullopt;
        RasterLegend ramp{RampKind::discrete, qgis::walk_distance_steps(w->sight_m, w->village_m, w->blind_m, lang_code(lang))};
        draw_raster(cr, view, tif, ramp, 0.7);
        LegendGroup group{std::string(words::walk_distance(lang)), {}, {}, {}, {}};
        for (const auto& item : ramp.items)
            group.entries.push_back({item.label, qgis::fill(qgis::Rgba{item.colour.r, item.colour.g, item.colour.b, 180},
                                                            qgis::Rgba{0, 0, 0, 0}, 0)});
        return group;
    }
    const auto styled = styled_table(source, layer);
    if (!styled) return std::nullopt;
    auto entries = draw_vector_layer(cr, view, *styled->table, styled->style, labels, label_priority(layer));
    if (entries.empty()) return std::nullopt;
    return LegendGroup{title, std::move(entries), {}, {}, {}};
}

// "CGCS2000 / 3-degree Gauss-Kruger CM 99E (EPSG:4547) · 8 villages, 322 km of routes, 120 problems · made with geowalk"
std::string data_note(const MapSource& source)
{
    const Lang lang = source.lang();
    const auto& o = source.outputs();
    std::string note = std::string(words::coordinates(lang)) + (lang == Lang::zh ? "：" : ": ") + crs_name_text(o.crs_name, lang);
    if (!o.crs_authid.empty()) note += " (" + o.crs_authid + ")";
    const auto c = source.summary().value("campaign", output::Json::object());
    char figures[160];
    if (lang == Lang::zh)
        std::snprintf(figures, sizeof figures, "  ·  %s: %d 个村, 路线 %s 公里, 轨迹 %d 段, 问题 %d 个", words::data_note(lang).data(),
                      c.value("villages", 0), fixed_text(c.value("network_km", 0.0), 0).c_str(), c.value("track_pieces", 0), c.value("issues", 0));
    else
        std::snprintf(figures, sizeof figures, "  ·  %s: %d villages, %s km of routes, %d walk pieces, %d problems",
                      words::data_note(lang).data(), c.value("villages", 0), fixed_text(c.value("network_km", 0.0), 0).c_str(),
                      c.value("track_pieces", 0), c.value("issues", 0));
    return note + figures + "  ·  " + std::string(words::made_with(lang));
}

// The outline of one village drawn bold over everything, for the village maps.
void highlight_village(cairo_t* cr, const MapView& view, const MapSource& source, const std::string& name)
{
    OGRLayer* villages = source.layer(L::villages);
    if (!villages) return;
    CairoSaved saved(cr);
    view.clip_to_frame(cr);
    villages->ResetReading();
    for (OGRFeatureUniquePtr f(villages->GetNextFeature()); f; f.reset(villages->GetNextFeature())) {
        if (name != f->GetFieldAsString("name") || !f->GetGeometryRef()) continue;
        cairo_new_path(cr);
        view.add_path(cr, *f->GetGeometryRef());
        set_colour(cr, {20, 20, 20, 255});
        cairo_set_line_width(cr, 1.6);
        cairo_stroke(cr);
    }
}

bool has_any(const MapSource& source, const std::vector<std::string>& layers)
{
    return std::any_of(layers.begin(), layers.end(), [&](const std::string& l) {
        if (l == L::villages) return false;
        if (l.ends_with(".tif")) return !source.raster(l).empty();
        return has_features(source, l);
    });
}

}  // namespace

std::vector<MapSpec> map_catalogue(const MapSource& source)
{
    const Lang lang = source.lang();
    // The walks over the covered routes (a thin blue line on a wider green one, both visible), dead corners on top.
    const std::vector<std::string> coverage{L::villages, L::network_coverage, L::site_coverage, L::tracks, L::uncovered};
    std::vector<MapSpec> maps{
        {"overview", std::string(words::map_overview(lang)), {L::villages, F::density, L::network, L::sites}, {}, {}, {}},
        {"coverage", std::string(words::map_coverage(lang)), coverage, {}, {}, {}},
        {"hotspots", std::string(words::map_hotspots(lang)), {L::villages, L::hotspot_cells, L::hotspot_zones, L::rebounds}, {}, {}, {}},
        // Blind areas over the distance raster: the grey "not required" land hides the raster's red beyond B there.
        {"blind_spots", std::string(words::map_blind_spots(lang)), {L::villages, F::walk_distance, L::blind_areas, L::tracks}, {}, {}, {}},
    };
    // The plan: routes coloured by team and labelled team-day over the pieces they walk, and in grey what no route
    // reaches. The turn points are for the phones and the team pages; on a town map they would hide the routes.
    if (has_features(source, L::routes) || has_features(source, L::plan_required))
        maps.push_back({"plan", std::string(words::map_plan(lang)),
                        {L::villages, L::network, L::plan_required, L::plan_unreachable, L::routes}, {}, {}, {}});
    // With --gi-rate: where problems are dense for the walking done, unwalked cells hatched as not inspected.
    if (has_features(source, "hotspot_cells_rate"))
        maps.insert(maps.begin() + 3, {"hotspots_per_km", std::string(words::map_hotspots_rate(lang)),
                                       {L::villages, "hotspot_cells_rate", L::rebounds}, {}, {}, {}});
    if (OGRLayer* villages = source.layer(L::villages)) {
        const int width = village_code_width(*villages);
        villages->ResetReading();
        for (OGRFeatureUniquePtr f(villages->GetNextFeature()); f; f.reset(villages->GetNextFeature())) {
            const OGRGeometry* g = f->GetGeometryRef();
            if (!g || g->IsEmpty()) continue;
            OGREnvelope e;
            g->getEnvelope(&e);
            const std::string name = f->GetFieldAsString("name");
            const std::string code = village_code(*f, width);
            maps.push_back({village_map_name(code, name), std::string(words::map_village(lang)) + " — " + name,
                            coverage, envelope_box(e), name, code});
        }
    }
    std::erase_if(maps, [&](const MapSpec& m) { return !has_any(source, m.layers); });
    return maps;
}

MapView draw_map_page(cairo_t* cr, PageSize page, const MapSource& source, const MapSpec& spec,
                      FrameDrawing frame_drawing, MapPageLayout* layout)
{
    const Lang lang = source.lang();
    CairoSaved saved(cr);
    // Title block.
    const TextStyle title{17, true, ink};
    const TextStyle subtitle{9, false, grey};
    double y = margin - 6;
    y += draw_text(cr, spec.title, title, margin, y).height;
    const std::string campaign = source.summary().value("campaign", output::Json::object()).value("name", std::string{});
    y += draw_text(cr, campaign + "  ·  " + std::string(words::period(lang)) + " " + source.period_text(), subtitle, margin, y + 1).height;
    // A village map says how its village stands, so a printed page needs no table beside it.
    if (!spec.village.empty()) {
        const std::string figures = village_figures_text(village_figures(source, spec.village), lang);
        if (!figures.empty()) y += draw_text(cr, figures, TextStyle{9, true, ink}, margin, y + 2).height + 1;
    }
    const double top = y + 5;
    const double bottom = page.height_pt - margin - 12;
    const Rect frame{margin, top, page.width_pt - 2 * margin - panel_width - 10, bottom - top};
    MapView view(spec.extent.value_or(town_extent(source)), frame);
    // Town maps at 1:50,000-1:100,000 carry thousands of features; a village map is zoomed in enough for full size.
    view.set_symbol_scale(spec.village.empty() ? 0.6 : 1.0);

    Labeller labels;
    std::vector<LegendGroup> legend;
    const auto draw_layers = [&](cairo_t* c) {
        for (const auto& layer : spec.layers)
            if (auto group = draw_layer(c, view, source, layer, labels)) legend.push_back(std::move(*group));
        if (!spec.village.empty()) highlight_village(c, view, source, spec.village);
    };
    if (frame_drawing == FrameDrawing::image) draw_as_image(cr, frame, print_dpi, draw_layers);
    else draw_layers(cr);
    // The furniture's places are kept free before any label is placed: a label goes elsewhere or is left out,
    // never under the north arrow.
    const double arrow_x = frame.x + frame.w - 22, arrow_y = frame.y + 26;
    const double bar_x = frame.x + 10, bar_y = frame.y + frame.h - 8;
    const Rect arrow_box = north_arrow_box(arrow_x, arrow_y);
    const Rect bar_box = scale_bar_box(cr, view, bar_x, bar_y, lang);
    labels.reserve(arrow_box);
    labels.reserve(bar_box);
    std::vector<PlacedLabel> placed;
    {
        CairoSaved clip(cr);
        view.clip_to_frame(cr);
        placed = labels.draw(cr, frame);
    }
    // Frame, furniture, legend, note.
    set_colour(cr, grey);
    cairo_set_line_width(cr, 0.6);
    cairo_rectangle(cr, frame.x, frame.y, frame.w, frame.h);
    cairo_stroke(cr);
    draw_north_arrow(cr, arrow_x, arrow_y, lang);
    draw_scale_bar(cr, view, bar_x, bar_y, lang);
    if (layout) *layout = MapPageLayout{frame, std::move(placed), arrow_box, bar_box};
    // The village layer's legend says little; groups keep the map's drawing order, top layer first as in QGIS.
    std::reverse(legend.begin(), legend.end());
    draw_legend(cr, legend, Rect{frame.x + frame.w + 12, frame.y, panel_width - 2, frame.h}, lang);
    TextStyle note{6.5, false, grey};
    note.wrap_width_pt = page.width_pt - 2 * margin;
    draw_text(cr, data_note(source), note, margin, bottom + 4);
    return view;
}

std::vector<MapSpec> select_maps(std::vector<MapSpec> maps, const VillageMapChoice& choice)
{
    using Mode = VillageMapChoice::Mode;
    const auto villages = static_cast<std::size_t>(
        std::count_if(maps.begin(), maps.end(), [](const MapSpec& m) { return !m.village.empty(); }));
    if (choice.mode == Mode::listed) {
        std::vector<std::string> unknown;
        for (const auto& wanted : choice.villages)
            if (std::none_of(maps.begin(), maps.end(), [&](const MapSpec& m) {
                    return !m.village.empty() && (m.village == wanted || m.village_code == wanted);
                }))
                unknown.push_back(wanted);
        if (!unknown.empty()) {
            std::string names, known;
            for (const auto& u : unknown) names += (names.empty() ? "'" : ", '") + u + "'";
            std::size_t shown = 0;
            for (const auto& m : maps)
                if (!m.village.empty() && shown < 5) {
                    known += (shown++ == 0 ? "" : ", ") + m.village + " (" + m.village_code + ")";
                }
            if (villages > shown) known += ", … (" + std::to_string(villages) + " villages)";
            throw UsageError("--village-maps: no village " + names, {},
                             "give village names or codes as in the villages layer, comma-separated, e.g. " + known);
        }
    }
    const bool draw_all = choice.mode == Mode::all || (choice.mode == Mode::up_to_limit && villages <= choice.limit);
    std::erase_if(maps, [&](const MapSpec& m) {
        if (m.village.empty() || draw_all) return false;
        if (choice.mode != Mode::listed) return true;
        return std::find_if(choice.villages.begin(), choice.villages.end(), [&](const std::string& w) {
                   return m.village == w || m.village_code == w;
               }) == choice.villages.end();
    });
    return maps;
}

namespace {

// Map sources for the drawing threads, one per thread at a time: a GDAL dataset, with its layers' read cursors and
// spatial filters, must not be used by two threads. Each opens the same folder, so every map sees the same data.
class SourcePool {
public:
    explicit SourcePool(const MapSource& like) : m_like(like) {}

    std::unique_ptr<MapSource> take()
    {
        {
            const std::lock_guard lock(m_mutex);
            if (!m_free.empty()) {
                auto source = std::move(m_free.back());
                m_free.pop_back();
                return source;
            }
        }
        return std::make_unique<MapSource>(m_like.folder(), m_like.manifest(), m_like.lang());
    }

    void give_back(std::unique_ptr<MapSource> source)
    {
        const std::lock_guard lock(m_mutex);
        m_free.push_back(std::move(source));
    }

private:
    const MapSource& m_like;  // its folder, manifest (in memory, as the run made it) and language
    std::mutex m_mutex;
    std::vector<std::unique_ptr<MapSource>> m_free;
};

void render_map(const MapSource& source, const MapSpec& spec, const std::filesystem::path& file, PageFormat format)
{
    Document doc(file, format, a4_landscape);
    const MapView view = draw_map_page(doc.cr(), doc.size(), source, spec,
                                       format == PageFormat::pdf ? FrameDrawing::image : FrameDrawing::vectors);
    if (format == PageFormat::png) doc.georeference(view.points_to_world(), source.outputs().crs_wkt);
    doc.finish();
}

}  // namespace

std::vector<std::filesystem::path> render_maps(const MapSource& source, const std::filesystem::path& maps_dir,
                                               PageFormat format, Progress progress, int threads,
                                               const VillageMapChoice& villages)
{
    std::filesystem::create_directories(maps_dir);
    const auto maps = select_maps(map_catalogue(source), villages);
    std::vector<std::filesystem::path> written;
    written.reserve(maps.size());
    for (const auto& spec : maps) written.push_back(maps_dir / (spec.name + (format == PageFormat::png ? ".png" : ".pdf")));
    progress(0.0, "maps");
    if (threads <= 1 || maps.size() < 2) {
        for (std::size_t i = 0; i < maps.size(); ++i) {
            render_map(source, maps[i], written[i], format);
            progress(static_cast<double>(i + 1) / static_cast<double>(maps.size()), maps[i].name.c_str());
        }
        return written;
    }
    // Each map is drawn on its own surface and Cairo context, with its own MapSource (GDAL datasets are not shared)
    // and its thread's own Pango font map (pango_cairo_font_map_get_default is per thread since Pango 1.32.6), so
    // the files are the same whatever the thread count. Progress is reported on this thread only.
    SourcePool pool(source);
    geo::detail::parallel_chunks(
        maps.size(), 1, threads,
        [&](std::size_t first, std::size_t last) {
            auto own = pool.take();
            for (std::size_t i = first; i < last; ++i) render_map(*own, maps[i], written[i], format);
            pool.give_back(std::move(own));
        },
        [&](double done) {
            progress(done, "maps");
            return true;
        });
    return written;
}

}  // namespace geo::render

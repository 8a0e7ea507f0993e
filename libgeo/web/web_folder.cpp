#include "libgeo/web/web_folder.hpp"

#include "libgeo/core/categories.hpp"
#include "libgeo/core/error.hpp"
#include "libgeo/export/contract.hpp"
#include "libgeo/handles/gdal_errors.hpp"
#include "libgeo/qgis/default_styles.hpp"
#include "libgeo/qgis/layer_names.hpp"
#include "libgeo/web/density_overlay.hpp"
#include "libgeo/web/font_subset.hpp"
#include "libgeo/web/layer_scripts.hpp"
#include "libgeo/web/style_json.hpp"

#include <gdal_priv.h>

#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

namespace geo::web {

namespace fs = std::filesystem;

namespace {

// Shown when the page opens; the others wait in the layer list (they repeat a shown layer in another form, or, as
// the Gi* grid with its hatch over every cell nobody walked, would hide the rest of a town-wide view).
bool shown_at_start(const std::string& layer, const output::Manifest& manifest)
{
    if (layer == output::layer::network) return manifest.layer(output::layer::network_coverage) == nullptr;
    if (layer == output::layer::sites) return manifest.layer(output::layer::site_coverage) == nullptr;
    static const std::set<std::string, std::less<>> later{output::layer::village_coverage, output::layer::village_matrix,
                                                          output::layer::emerging_hotspots, output::layer::route_stops,
                                                          output::layer::plan_required, output::layer::tracks,
                                                          output::layer::hotspot_cells};
    return !later.contains(layer);
}

// Areas under lines under points, each in the manifest's order, so nothing hides a smaller thing.
int draw_rank(output::GeometryKind kind)
{
    switch (kind) {
    case output::GeometryKind::polygon: return 0;
    case output::GeometryKind::mixed: return 1;
    case output::GeometryKind::line: return 2;
    default: return 3;
    }
}

// The fields a style reads: its renderer's, its conditions', its labels'.
std::vector<std::string> style_fields(const qgis::LayerStyle& style)
{
    std::set<std::string> fields;
    if (style.renderer) {
        if (!style.renderer->field.empty()) fields.insert(style.renderer->field);
        for (const auto& c : style.renderer->classes)
            for (const auto& w : c.when)
                if (!w.field.empty()) fields.insert(w.field);
    }
    if (style.labels) fields.insert(style.labels->field);
    return {fields.begin(), fields.end()};
}

// The village panel's figures, as the manifest holds them (the same as summary.json's): the ten walks per village,
// its areas, and its issues by walk and problem.
output::Json village_figures(const output::Json& summary)
{
    output::Json villages = output::Json::object();
    if (summary.contains("coverage")) {
        for (const auto& row : summary["coverage"].value("by_village", output::Json::array()))
            villages[row["village"].get<std::string>()]["walks"].push_back(row);
        for (const auto& row : summary["coverage"].value("village_area", output::Json::array()))
            villages[row["village"].get<std::string>()]["area"] = row;
    }
    if (summary.contains("leaders"))
        for (const auto& row : summary["leaders"].value("problems", output::Json::array()))
            villages[row["village"].get<std::string>()]["problems"].push_back(row);
    return villages;
}

output::Json vocabulary()
{
    output::Json words;
    for (const auto& c : all_categories())
        words["category"][std::string(c.code)] = {{"en", c.label_en}, {"zh", c.label_zh}};
    for (const auto& s : all_statuses())
        words["status"][std::string(s.code)] = {{"en", s.label_en}, {"zh", s.label_zh}};
    return words;
}

std::string read_text(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void write_text(const fs::path& file, const std::string& text)
{
    std::ofstream out(file, std::ios::binary);
    out << text;
    out.close();
    if (!out) throw OutputError("cannot write " + file.string(), in_file(file.string()), "check the free disk space");
}

void copy_asset(const fs::path& from, const fs::path& to)
{
    std::error_code ec;
    fs::copy_file(from, to, fs::copy_options::overwrite_existing, ec);
    if (ec)
        throw OutputError("cannot copy the web map's " + from.filename().string() + ": " + ec.message(),
                          in_file(from.string()), "build geowalk again (the build tree holds the page's files)");
}

}  // namespace

fs::path assets_dir()
{
    const char* env = std::getenv("GEOWALK_WEB_ASSETS");
    fs::path dir = env && *env ? fs::path(env) : fs::path(GEOWALK_WEB_ASSETS_DIR);
    if (!fs::exists(dir / "index.html"))
        throw OutputError("the web map's page files are missing", in_file(dir.string()),
                          "build geowalk (CMake copies libgeo/web/assets there) or set GEOWALK_WEB_ASSETS");
    return dir;
}

WebFolder write_web_folder(const fs::path& data_dir, const output::Manifest& manifest, const fs::path& web_dir,
                           const std::string& lang)
{
    const fs::path assets = assets_dir();
    fs::create_directories(web_dir);
    WebFolder result;
    std::string page_text;  // every word the page can show, for the font subset
    for (const char* name : {"index.html", "geowalk.js", "geowalk.css", "leaflet.js", "leaflet.css", "LICENSE.leaflet.txt"}) {
        copy_asset(assets / name, web_dir / name);
        if (std::string_view(name).starts_with("geowalk") || std::string_view(name) == "index.html")
            page_text += read_text(assets / name);
    }
    std::vector<const output::ManifestLayer*> shown;
    output::Json left_out = output::Json::array();
    for (const auto& l : manifest.layers) {
        if (l.kind == output::GeometryKind::none || l.name == output::layer::rejects || !qgis::has_own_style(l.name) ||
            l.features == 0)
            continue;
        if (l.features > max_page_features) {
            const qgis::LayerName names = qgis::layer_name(l.name);
            left_out.push_back({{"name", l.name}, {"features", l.features}, {"title", {{"en", names.en}, {"zh", names.zh}}}});
            continue;
        }
        shown.push_back(&l);
    }
    std::stable_sort(shown.begin(), shown.end(),
                     [](const auto* a, const auto* b) { return draw_rank(a->kind) < draw_rank(b->kind); });
    output::Json data;
    data["title"] = manifest.title;
    data["lang"] = lang;
    data["layers"] = output::Json::array();
    const fs::path gpkg = data_dir / output::file::gpkg;
    GdalErrorTrap trap;
    GDALDatasetUniquePtr source(GDALDataset::Open(gpkg.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!source) throw OutputError("cannot open the GeoPackage for the web map", in_file(gpkg.string()), trap.message());
    for (const auto* l : shown) {
        const qgis::LayerStyle en = qgis::default_style(l->name, l->kind, "en");
        std::vector<std::string> fields = style_fields(en);
        for (auto& f : page_fields(l->name)) fields.push_back(std::move(f));
        const LayerScript script =
            write_layer_script(*source, gpkg, l->name, fields, l->features > slim_above_features, web_dir);
        page_text += read_text(web_dir / script.file);
        const qgis::LayerName names = qgis::layer_name(l->name);
        data["layers"].push_back({{"name", l->name},
                                  {"file", script.file},
                                  {"kind", output::geometry_kind_names[static_cast<std::size_t>(l->kind)].name},
                                  {"features", script.features},
                                  {"title", {{"en", names.en}, {"zh", names.zh}}},
                                  {"on", shown_at_start(l->name, manifest)},
                                  {"style", {{"en", style_json(en)}, {"zh", style_json(qgis::default_style(l->name, l->kind, "zh"))}}}});
        result.layers.push_back(l->name);
    }
    data["density"] = nullptr;
    if (manifest.density && fs::exists(data_dir / manifest.density->file)) {
        const Overlay o = write_density_overlay(data_dir / manifest.density->file,
                                                qgis::density_stops(manifest.density->max_value, lang), web_dir);
        const qgis::LayerName names = qgis::layer_name("density");
        data["density"] = {{"file", o.file},
                           {"bounds", {{o.south, o.west}, {o.north, o.east}}},
                           {"title", {{"en", names.en}, {"zh", names.zh}}},
                           {"ramp", {{"en", ramp_json(qgis::density_stops(manifest.density->max_value, "en"))},
                                     {"zh", ramp_json(qgis::density_stops(manifest.density->max_value, "zh"))}}}};
    }
    data["left_out"] = std::move(left_out);
    data["villages"] = village_figures(manifest.summary);
    // The campaign's weeks (Monday to Sunday, local time) for the slider; issues without a date have no week.
    data["weeks"] = output::Json::array();
    data["as_of"] = nullptr;
    if (manifest.summary.contains("leaders")) {
        const output::Json& leaders = manifest.summary["leaders"];
        for (const auto& w : leaders.value("weeks", output::Json::array()))
            if (w.contains("monday") && w["monday"].is_string()) data["weeks"].push_back(w);
        if (leaders.contains("as_of")) data["as_of"] = leaders["as_of"];
    }
    data["words"] = vocabulary();
    const std::string data_text = "var GEOWALK = " + data.dump() + ";\n";
    write_text(web_dir / "geowalk_data.js", data_text);
    page_text += data_text;
    write_font_css(page_text, web_dir / "geowalk_font.css");
    for (const auto& entry : fs::directory_iterator(web_dir))
        if (entry.is_regular_file()) result.bytes += entry.file_size();
    return result;
}

}  // namespace geo::web

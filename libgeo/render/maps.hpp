#pragma once
// The map catalogue and its pages. A map is a list of layers, bottom to top — output rasters ("density.tif",
// "walk_distance.tif") and GeoPackage layers drawn with their QGIS default styles — plus a title and an extent, so
// adding a map (walk routes come next) is one more entry in map_catalogue().
#include "libgeo/core/geometry.hpp"
#include "libgeo/core/progress.hpp"
#include "libgeo/render/document.hpp"
#include "libgeo/render/labels.hpp"
#include "libgeo/render/map_source.hpp"
#include "libgeo/render/view.hpp"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace geo::render {

struct MapSpec {
    std::string name;                 // file stem: maps/<name>.png; village maps: village_<code>_<name>
    std::string title;
    std::vector<std::string> layers;  // bottom to top
    std::optional<Box> extent;        // what to show; default: the villages' extent
    std::string village;              // a village map: this village's outline is drawn bold and named in the title
    std::string village_code;         // a village map: its village's code (village_maps.hpp village_code)
};

// Per-village maps are drawn (and printed in the report) by default only up to this many villages: a county of
// 1,000 villages would spend most of a run drawing 1,000 pages at 300 dpi, which a planner there does not read
// (the QGIS project and the web map serve them better). The one declaration of the limit.
inline constexpr std::size_t max_village_maps = 40;

// Which villages get a map of their own: up to the limit (all villages when there are at most max_village_maps,
// else none), all, none, or those listed by name or code.
struct VillageMapChoice {
    enum class Mode { up_to_limit, all, none, listed } mode = Mode::up_to_limit;
    std::vector<std::string> villages;  // listed: names or codes, as the user wrote them
    std::size_t limit = max_village_maps;  // up_to_limit: lowered by tests, the CLI keeps the default

    // Whether a town of `villages` villages gets none of its village maps only because of the limit.
    [[nodiscard]] bool skips_for_limit(std::size_t villages) const
    {
        return mode == Mode::up_to_limit && villages > limit;
    }
};

// The town maps of `maps` and the village maps `choice` selects, in catalogue order. Throws geo::UsageError naming
// the listed villages that match no village map (by name or code), with a few of the names there are.
std::vector<MapSpec> select_maps(std::vector<MapSpec> maps, const VillageMapChoice& choice);

// The maps the folder's outputs support: town overview, coverage, hotspots, blind spots, then one coverage map per
// village. A map none of whose thematic layers exist is left out.
std::vector<MapSpec> map_catalogue(const MapSource& source);

// How the layers inside the map frame reach the page: drawn as they are (onto a PNG's pixels, or into the report's
// page image), or as one image at print resolution (a PDF map: its size no longer grows with the vertices and
// raster cells drawn, page_image.hpp; title, legend, labels, scale bar and north arrow stay text and vectors).
enum class FrameDrawing { vectors, image };

// Where the things inside the map frame went, in page points: for tests that no label hides another or is hidden.
struct MapPageLayout {
    Rect frame;
    std::vector<PlacedLabel> labels;  // every label drawn, all layers' together
    Rect north_arrow, scale_bar;
};

// Draws one map as a whole page on the current page of `cr` (measured in points): map frame, title, period (and a
// village map's figures), legend, scale bar, north arrow, labels and a data note. Returns the map frame's view;
// `layout`, when given, receives where the labels and the furniture went.
MapView draw_map_page(cairo_t* cr, PageSize page, const MapSource& source, const MapSpec& spec,
                      FrameDrawing frame_drawing = FrameDrawing::vectors, MapPageLayout* layout = nullptr);

// Writes <maps_dir>/<name>.png (300 dpi, georeferenced by a world file .wld) or .pdf (the frame as a 300 dpi image)
// for every map of the catalogue that `villages` selects (select_maps);
// returns the map files written, in catalogue order. With threads > 1 the maps are drawn side by side, each thread
// reading the folder through its own MapSource; the files are the same as with one thread.
std::vector<std::filesystem::path> render_maps(const MapSource& source, const std::filesystem::path& maps_dir,
                                               PageFormat format, Progress progress = {}, int threads = 1,
                                               const VillageMapChoice& villages = {});

}  // namespace geo::render

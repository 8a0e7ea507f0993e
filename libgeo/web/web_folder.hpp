#pragma once
// DIR/web/: the offline web map of a run, a folder that opens in any browser from file:// with no server and no
// network. index.html, the page's script and style sheet, Leaflet (Debian libjs-leaflet) with its licence, a subset
// of Noto Sans CJK for the Chinese text, the density picture, one script per layer, and geowalk_data.js: the styles
// of the QGIS catalogue, the layer list and the figures of the village panel, taken from the run manifest.
#include "libgeo/export/manifest.hpp"

#include <array>
#include <filesystem>
#include <string_view>
#include <string>
#include <vector>

namespace geo::web {

// The folder name inside the run folder, and the kinds of file it owns (OutputTransaction::commit drops an earlier
// run's files of these kinds that this one did not write, e.g. a layer no longer in the run).
inline constexpr char folder[] = "web";
inline constexpr std::array<std::string_view, 5> owned_extensions{".html", ".js", ".css", ".png", ".txt"};

// A layer of more features than this is left out of the page (listed there as such, with where to see it): a
// browser parses a script of 100,000 grid cells (about 30 MB) in seconds, and a county's million would not open.
inline constexpr long long max_page_features = 100'000;

struct WebFolder {
    std::vector<std::string> layers;  // the GeoPackage layers the page shows, in drawing order
    std::uintmax_t bytes = 0;         // the folder's size
};

// Where the page's static files are: GEOWALK_WEB_ASSETS when set, else the build tree's copy (CMake puts
// libgeo/web/assets and Leaflet there). Throws geo::OutputError when index.html is not there.
std::filesystem::path assets_dir();

// Writes `web_dir` (created) from the run in `data_dir` (its geowalk.gpkg and density.tif, as `manifest` lists
// them): `lang` is the page's first language ("en" or "zh"); the reader switches. Throws geo::OutputError naming
// the file that could not be read or written.
WebFolder write_web_folder(const std::filesystem::path& data_dir, const output::Manifest& manifest,
                           const std::filesystem::path& web_dir, const std::string& lang);

}  // namespace geo::web

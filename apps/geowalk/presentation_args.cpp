#include "presentation_args.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/export/contract.hpp"

#include <algorithm>

#include <array>
#include <sstream>
#include <string_view>

namespace geowalk {

namespace {

// The one declaration of each presentation option: its name, whether it takes a value, and its help lines. The
// option lists, --help and the README rows (tests/cli/test_presentation_cli.cpp) come from it.
struct PresentationFlag {
    std::string_view name;
    bool valued;
    std::string_view usage;  // "--lang zh|en"
    std::string_view help;
};

constexpr std::array<PresentationFlag, 7> presentation_flags{{
    {"lang", true, "--lang zh|en", "language of the maps, the report and the QGIS legends; default en"},
    {"map-format", true, "--map-format png|pdf",
     "maps/*.png at 300 dpi with world files (default), or one PDF per map"},
    {"no-maps", false, "--no-maps", "skip maps/ (faster when only the data layers are wanted)"},
    {"no-report", false, "--no-report", "skip report.pdf"},
    {"no-web", false, "--no-web", "skip web/, the offline web map (index.html opens in any browser)"},
    {"village-maps", true, "--village-maps all|none|NAMES",
     "one map per village: by default only for a town of at most 40 villages; all, none, or village names or codes, "
     "comma-separated"},
    {"geojson", true, "--geojson all|none|LAYERS",
     "GeoJSON copies: by default of every layer of at most 200,000 features and about 100 MB; all, none, or layer "
     "names, comma-separated"},
}};

std::vector<std::string> comma_list(const std::string& text)
{
    std::vector<std::string> out;
    std::stringstream in(text);
    for (std::string item; std::getline(in, item, ',');) {
        const auto first = item.find_first_not_of(' ');
        const auto last = item.find_last_not_of(' ');
        if (first != std::string::npos) out.push_back(item.substr(first, last - first + 1));
    }
    return out;
}

std::string help_text()
{
    constexpr std::size_t column = 15, width = 112;
    std::string out;
    for (const auto& f : presentation_flags) {
        std::string line = "  " + std::string(f.usage);
        // Aligned like the commands' own help: the text at the column, or from the next line.
        if (line.size() + 2 <= column) line += std::string(column - line.size(), ' ');
        else out += line + "\n", line = std::string(column, ' ');
        // Wrapped at word boundaries.
        std::istringstream words{std::string(f.help)};
        bool first = true;
        for (std::string word; words >> word; first = false) {
            if (!first && line.size() + 1 + word.size() > width) out += line + "\n", line = std::string(column, ' ');
            else if (!first) line += ' ';
            line += word;
        }
        out += line + "\n";
    }
    return out;
}

}  // namespace

std::vector<std::string> with_presentation_options(std::vector<std::string> options)
{
    for (const auto& f : presentation_flags)
        if (f.valued) options.emplace_back(f.name);
    return options;
}

std::vector<std::string> with_presentation_flags(std::vector<std::string> flags)
{
    for (const auto& f : presentation_flags)
        if (!f.valued) flags.emplace_back(f.name);
    return flags;
}

std::vector<std::pair<std::string, std::string>> presentation_option_rows()
{
    std::vector<std::pair<std::string, std::string>> rows;
    rows.reserve(std::size(presentation_flags));
    for (const auto& f : presentation_flags) rows.emplace_back(f.usage, f.help);
    return rows;
}

geo::pipeline::PresentationOptions presentation_from(const Args& args)
{
    geo::pipeline::PresentationOptions p;
    if (args.has("lang")) {
        const auto lang = geo::render::parse_lang(args.get("lang"));
        if (!lang) throw geo::UsageError("unknown --lang '" + args.get("lang") + "'", {}, "use --lang zh or --lang en");
        p.lang = *lang;
    }
    const std::string format = args.get("map-format", "png");
    if (format == "pdf") p.map_format = geo::render::PageFormat::pdf;
    else if (format != "png") throw geo::UsageError("unknown --map-format '" + format + "'", {}, "use png or pdf");
    p.maps = !args.has("no-maps");
    p.report = !args.has("no-report");
    p.web = !args.has("no-web");
    // The maps are drawn on every core unless the step says how many threads it may use.
    if (args.has("threads")) p.threads = args.get_int("threads", 2, 1, 256);
    if (args.has("village-maps")) {
        using Mode = geo::render::VillageMapChoice::Mode;
        const std::string v = args.get("village-maps");
        if (v == "all") p.village_maps.mode = Mode::all;
        else if (v == "none") p.village_maps.mode = Mode::none;
        else {
            p.village_maps.mode = Mode::listed;
            p.village_maps.villages = comma_list(v);
            if (p.village_maps.villages.empty())
                throw geo::UsageError("--village-maps needs all, none or village names", {},
                                      "e.g. --village-maps all, or --village-maps 'Ganjun,03'");
        }
    }
    if (args.has("geojson")) {
        using Mode = geo::output::GeojsonChoice::Mode;
        const std::string v = args.get("geojson");
        if (v == "all") p.geojson.mode = Mode::all;
        else if (v == "none") p.geojson.mode = Mode::none;
        else {
            p.geojson.mode = Mode::listed;
            p.geojson.layers = comma_list(v);
            // Checked here against the contract's layer names, before any heavy work; the GeoPackage is checked again
            // when written (a layer of an analysis that did not run).
            std::string unknown;
            for (const auto& name : p.geojson.layers)
                if (std::find(geo::output::layer::map_layers.begin(), geo::output::layer::map_layers.end(), name) ==
                    geo::output::layer::map_layers.end())
                    unknown += (unknown.empty() ? "'" : ", '") + name + "'";
            if (!unknown.empty() || p.geojson.layers.empty()) {
                std::string known;
                for (const auto& name : geo::output::layer::map_layers) known += (known.empty() ? "" : ", ") + std::string(name);
                throw geo::UsageError("--geojson: unknown layer " + (unknown.empty() ? std::string("(none given)") : unknown),
                                      {}, "use all, none, or layer names, comma-separated: " + known);
            }
        }
    }
    return p;
}

std::string presentation_help() { return help_text(); }

}  // namespace geowalk

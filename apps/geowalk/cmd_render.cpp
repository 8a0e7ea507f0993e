#include "args.hpp"
#include "command.hpp"
#include "presentation_args.hpp"
#include "progress.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/pipeline/outputs.hpp"
#include "libgeo/render/lang_default.hpp"

#include <filesystem>

#include <iostream>

namespace geowalk {

namespace {

class RenderCommand : public Command {
public:
    std::string name() const override { return "render"; }
    std::string summary() const override { return "redraw the maps of an earlier run (another language or PDF)"; }
    std::string about() const override
    {
        return std::string(R"(Usage: geowalk render DIR [--lang zh|en] [--map-format png|pdf] [--village-maps all|none|NAMES] [--quiet]

Redraws DIR/maps/ from the outputs an earlier `geowalk run` (or demo, coverage, hotspots) wrote to DIR,
without running the analyses again: e.g. Chinese maps for the leadership meeting from an English run.
Without --lang: Chinese when most village names are Chinese, else English.

Maps (A4 landscape, 300 dpi): overview (villages, routes, sites, problems over the heatmap), coverage
(covered routes green, dead corners thick red with their length), hotspots (Gi* hot and cold spots,
problems, rebounds), blind spots (distance to the nearest walk, blind areas hatched), and one coverage map
per village (by default only for a town of at most 40 villages: --village-maps). Each has a title, the campaign's dates, a legend, scale bar, north arrow, village names and a
data note. The PNGs carry a world file (.wld) and their CRS, so they also open in place in QGIS.

Options:
)");
    }
    Flags flags() const override { return {{}, {}, true, false}; }
    int execute(const Args& args) override
    {
        if (args.positional().size() != 1)
            throw geo::UsageError("render needs the output folder of an earlier run", {}, "geowalk render DIR --lang zh");
        auto presentation = presentation_from(args);
        if (args.has("no-maps")) throw geo::UsageError("render with --no-maps has nothing to draw");
        if (args.has("geojson"))
            throw geo::UsageError("render draws maps only; --geojson belongs to the steps that write the data", {},
                                  "geowalk run CAMPAIGN --out DIR --geojson all");
        presentation.report = false;  // `geowalk report DIR` redraws that
        // Without --lang, the language the village names suggest ([campaign] lang is not in the folder).
        if (!args.has("lang")) presentation.lang = geo::render::default_lang(std::filesystem::path(args.positional().front()));
        ProgressBar bar = ProgressBar::for_terminal();
        bar.enabled = bar.enabled && !args.has("quiet");
        const auto written = geo::pipeline::redraw_presentation(args.positional().front(), presentation,
                                                          {progress_callback, &bar, "drawing"});
        std::cout << "Redrawn:\n";
        for (const auto& f : written) std::cout << "  " << f.string() << "\n";
        for (const auto& skipped : geo::output::read_manifest(args.positional().front()).skipped)
            if (skipped.path.starts_with("maps/"))
                std::cout << "\nnote: not drawn: " << skipped.path << " (" << skipped.reason << ")\n  to get them: "
                          << skipped.remedy << "\n";
        return 0;
    }
};

}  // namespace

std::unique_ptr<Command> make_render_command() { return std::make_unique<RenderCommand>(); }

}  // namespace geowalk

#include "args.hpp"
#include "command.hpp"
#include "pipeline.hpp"
#include "presentation_args.hpp"
#include "progress.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/pipeline/outputs.hpp"
#include "libgeo/render/lang_default.hpp"

#include <filesystem>
#include <iostream>

namespace geowalk {

namespace {

bool holds_pdf_maps_only(const std::filesystem::path& maps)
{
    std::error_code ec;
    bool pdf = false;
    for (const auto& f : std::filesystem::directory_iterator(maps, ec)) {
        if (f.path().extension() == ".png") return false;
        pdf = pdf || f.path().extension() == ".pdf";
    }
    return pdf;
}

class ReportCommand : public Command {
public:
    std::string name() const override { return "report"; }
    std::string summary() const override { return "the leadership report (report.pdf): run everything, or redraw it"; }
    std::string about() const override
    {
        return std::string(R"(Usage: geowalk report CAMPAIGN.toml --out DIR [--lang zh|en] [--quiet]
       geowalk report DIR [--lang zh|en] [--quiet]

The meeting pack, DIR/report.pdf (A4 landscape, English or Chinese):
  1. headline figures: routes walked, sites visited, dead corners, blind area, rebounds; problems found,
     rectified, accepted and overdue "as of" the campaign's last record, with how each is counted
  2. the ten-walk matrix: villages x the ten walks, percent covered, cells coloured red / orange / green
  3. every map of `geowalk render` (overview, coverage, hotspots, blind spots, one per village)
  4. the longest dead corners and the strongest hot spots, with WGS 84 longitude / latitude to walk to

With a campaign file it runs every analysis like `geowalk run` and writes all outputs, the report included.
With the output folder of an earlier run it redraws report.pdf and maps/ from those outputs (e.g. in Chinese;
without --lang: Chinese when most village names are Chinese, else English).

Options:
  --out DIR    output folder (with a campaign file)
)");
    }
    Flags flags() const override { return {{"out"}, {}, true}; }
    int execute(const Args& args) override
    {
        if (args.positional().size() != 1)
            throw geo::UsageError("report needs a campaign file (with --out DIR) or the output folder of a run", {},
                                  "geowalk report CAMPAIGN.toml --out DIR, or geowalk report DIR");
        auto presentation = presentation_from(args);
        if (args.has("no-report")) throw geo::UsageError("report with --no-report has nothing to write");
        const std::filesystem::path target = args.positional().front();
        if (std::filesystem::is_directory(target)) {
            if (args.has("out")) throw geo::UsageError("--out goes with a campaign file; a folder is redrawn in place");
            // The maps too, so that maps/ and the report speak one language; without --lang, the one the village
            // names suggest.
            if (!args.has("lang")) presentation.lang = geo::render::default_lang(target);
            // ... and in the form they have: PDF maps stay PDF.
            if (!args.has("map-format") && holds_pdf_maps_only(target / "maps"))
                presentation.map_format = geo::render::PageFormat::pdf;
            ProgressBar bar = ProgressBar::for_terminal();
            bar.enabled = bar.enabled && !args.has("quiet");
            for (const auto& f : geo::pipeline::redraw_presentation(target, presentation, {progress_callback, &bar, "drawing"}))
                std::cout << "Redrawn: " << f.string() << "\n";
            return 0;
        }
        if (!args.has("out")) throw geo::UsageError("report needs --out DIR", {}, "geowalk report CAMPAIGN.toml --out DIR");
        PipelineOptions options;
        options.show_progress = !args.has("quiet");
        options.print_matrix = true;
        options.presentation = presentation;
        return run_pipeline(target.string(), args.get("out"), options);
    }
};

}  // namespace

std::unique_ptr<Command> make_report_command() { return std::make_unique<ReportCommand>(); }

}  // namespace geowalk

#include "args.hpp"
#include "command.hpp"
#include "option_flags.hpp"
#include "pipeline.hpp"
#include "presentation_args.hpp"

#include "libgeo/core/error.hpp"

#include <iostream>

namespace geowalk {

namespace {

// Both analyses have a --pixel of their own; --threads is listed once in the help.
FlagsLeftOut run_leaves_out() { return {"pixel"}; }
FlagsLeftOut leave_out_threads() { return {"pixel", "threads"}; }

class RunCommand : public Command {
public:
    std::string name() const override { return "run"; }
    std::string summary() const override { return "load a campaign, run every analysis and write all outputs"; }
    std::string about() const override
    {
        return std::string(R"(Usage: geowalk run CAMPAIGN.toml --out DIR [--quiet]

Loads the campaign (as `geowalk validate` does), runs every analysis (coverage and hotspots; see
`geowalk coverage --help` and `geowalk hotspots --help` for their definitions) with the campaign file's
settings, and writes into DIR:
  geowalk.gpkg       the inputs in the local metric CRS (villages, network, sites, tracks, issues, each with
                     its original attributes and an `id`); `rejects`: every feature not loaded, with file,
                     layer, feature id, reason, original attributes and geometry (WKT); the coverage layers
                     network_coverage, uncovered, site_coverage, village_coverage, village_matrix, blind_areas;
                     the hotspot layers hotspot_cells, emerging_hotspots, rebounds
  walk_distance.tif  distance in metres from every point of village land to the nearest walk
  density.tif        kernel density of the issues (the heatmap)
  summary.json       headline numbers: `inputs` (read / loaded / rejected per source), `coverage`,
                     `hotspots`, ...
  geojson/           an RFC 7946 copy (WGS 84) of every layer with geometry
  geowalk.qgs        a QGIS project with every layer and raster, grouped and styled
  maps/              A4 maps at 300 dpi (see `geowalk render --help`)
  report.pdf         the leadership report (see `geowalk report --help`)

Outputs are written to a staging folder beside DIR and moved into place only when complete, so an
interrupted run never leaves a half-written file; re-running replaces the previous outputs.

Options:
  --out DIR              output folder (created if missing)
The options of `geowalk coverage` and `geowalk hotspots` over the campaign file's settings (not --pixel, which
each has its own: set [coverage] pixel_m or [hotspots] pixel_m):
)") + flags_help(geo::coverage::coverage_option_table(), run_leaves_out()) +
               flags_help(geo::hotspot::hotspot_option_table(), leave_out_threads());
    }
    Flags flags() const override
    {
        Flags f{{"out"}, {}, true};
        add_flags(geo::coverage::coverage_option_table(), f.valued, f.switches, run_leaves_out());
        add_flags(geo::hotspot::hotspot_option_table(), f.valued, f.switches, run_leaves_out());
        return f;
    }
    int execute(const Args& args) override
    {
        if (args.positional().size() != 1) throw geo::UsageError("run needs exactly one campaign file", {}, "geowalk run CAMPAIGN.toml --out DIR");
        if (!args.has("out")) throw geo::UsageError("run needs --out DIR", {}, "geowalk run CAMPAIGN.toml --out DIR");
        PipelineOptions options;
        options.show_progress = !args.has("quiet");
        options.print_matrix = true;
        options.presentation = presentation_from(args);
        options.plan = PipelineOptions::Plan::when_configured;
        options.lang_given = args.has("lang");
        options.adjust_coverage = [&args](geo::coverage::CoverageOptions& o, int utc_offset) {
            apply_flags(args, geo::coverage::coverage_option_table(), o, utc_offset);
        };
        options.adjust_hotspots = [&args](geo::hotspot::HotspotOptions& o, int utc_offset) {
            apply_flags(args, geo::hotspot::hotspot_option_table(), o, utc_offset);
        };
        return run_pipeline(args.positional().front(), args.get("out"), options);
    }
};

}  // namespace

std::unique_ptr<Command> make_run_command() { return std::make_unique<RunCommand>(); }

}  // namespace geowalk

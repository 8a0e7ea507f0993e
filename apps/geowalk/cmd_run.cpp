#include "args.hpp"
#include "command.hpp"
#include "pipeline.hpp"
#include "memory_args.hpp"
#include "presentation_args.hpp"

#include "libgeo/core/error.hpp"

#include <iostream>

namespace geowalk {

namespace {

class RunCommand : public Command {
public:
    std::string name() const override { return "run"; }
    std::string summary() const override { return "load a campaign, run every analysis and write all outputs"; }
    std::string help() const override
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
  --out DIR   output folder (created if missing)
  --quiet     no progress bar
)") + presentation_help + memory_help();
    }
    int run(const std::vector<std::string>& argv) override
    {
        const Args args(argv, with_memory_option(with_presentation_options({"out"})), with_presentation_flags({"quiet"}));
        if (args.help()) {
            std::cout << help();
            return 0;
        }
        if (args.positional().size() != 1) throw geo::UsageError("run needs exactly one campaign file", {}, "geowalk run CAMPAIGN.toml --out DIR");
        if (!args.has("out")) throw geo::UsageError("run needs --out DIR", {}, "geowalk run CAMPAIGN.toml --out DIR");
        PipelineOptions options;
        options.show_progress = !args.has("quiet");
        options.print_matrix = true;
        options.presentation = presentation_from(args);
        apply_memory_limit(args);
        return run_pipeline(args.positional().front(), args.get("out"), options);
    }
};

}  // namespace

std::unique_ptr<Command> make_run_command() { return std::make_unique<RunCommand>(); }

}  // namespace geowalk

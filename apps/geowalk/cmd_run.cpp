#include "args.hpp"
#include "command.hpp"
#include "load_report.hpp"
#include "progress.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/io/campaign_file.hpp"
#include "libgeo/io/loader.hpp"
#include "libgeo/io/outputs.hpp"

#include <iostream>

namespace geowalk {

namespace {

class RunCommand : public Command {
public:
    std::string name() const override { return "run"; }
    std::string summary() const override { return "load a campaign, run every analysis and write all outputs"; }
    std::string help() const override
    {
        return R"(Usage: geowalk run CAMPAIGN.toml --out DIR [--quiet]

Loads the campaign (as `geowalk validate` does), runs every analysis available, and writes into DIR:
  geowalk.gpkg   the inputs in the local metric CRS (villages, network, sites, tracks, issues, each with its
                 original attributes and an `id`) and `rejects`: every feature not loaded, with file, layer,
                 feature id, reason, original attributes and geometry (WKT)
  summary.json   headline numbers; `inputs` lists read / loaded / rejected per source with reasons

Outputs are written to a staging folder beside DIR and moved into place only when complete, so an
interrupted run never leaves a half-written file; re-running replaces the previous outputs.

Options:
  --out DIR   output folder (created if missing)
  --quiet     no progress bar
)";
    }
    int run(const std::vector<std::string>& argv) override
    {
        const Args args(argv, {"out"}, {"quiet"});
        if (args.help()) {
            std::cout << help();
            return 0;
        }
        if (args.positional().size() != 1) throw geo::UsageError("run needs exactly one campaign file", {}, "geowalk run CAMPAIGN.toml --out DIR");
        if (!args.has("out")) throw geo::UsageError("run needs --out DIR", {}, "geowalk run CAMPAIGN.toml --out DIR");
        return run_campaign(args.positional().front(), args.get("out"), !args.has("quiet"));
    }
};

}  // namespace

int run_campaign(const std::string& campaign_file, const std::string& out_dir, bool show_progress)
{
    const auto spec = geo::io::read_campaign_file(campaign_file);
    ProgressBar bar = ProgressBar::for_terminal();
    bar.enabled = bar.enabled && show_progress;
    const geo::Campaign campaign = geo::io::load_campaign(spec, progress_callback, &bar);
    std::cout << load_report(campaign);
    const auto outputs = geo::io::write_run_outputs(campaign, out_dir);
    std::cout << "\nOutputs:\n  " << outputs.gpkg.string() << "\n  " << outputs.summary.string() << "\n";
    return 0;
}

std::unique_ptr<Command> make_run_command() { return std::make_unique<RunCommand>(); }

}  // namespace geowalk

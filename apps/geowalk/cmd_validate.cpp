#include "args.hpp"
#include "command.hpp"
#include "load_report.hpp"
#include "memory_args.hpp"
#include "progress.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/campaign/campaign_file.hpp"
#include "libgeo/load/loader.hpp"

#include <iostream>

namespace geowalk {

namespace {

class ValidateCommand : public Command {
public:
    std::string name() const override { return "validate"; }
    std::string summary() const override { return "read every input of a campaign and report what was loaded or rejected"; }
    std::string help() const override
    {
        return R"(Usage: geowalk validate CAMPAIGN.toml [--max-memory GB] [--quiet]

Reads every source the campaign file names (villages, network, sites, tracks, issues) through GDAL, brings
them into one local metric CRS, and prints, per source, how many features were read, loaded and rejected and
why. Nothing is written. Every feature is either loaded or rejected with a reason; the same rejects are
written to the `rejects` layer by `geowalk run`.

It also prints what track cleaning did to each track: fixes dropped as duplicates, inaccurate (accuracy or
HDOP x 5 m above max_accuracy_m), out of time order, spikes, driven stretches (faster than max_speed_mps),
and splits at time gaps longer than max_gap_min.

Exit status: 0 when the campaign loads (even with rejected features), 1 when a file or setting must be fixed.

Options:
  --quiet      no progress bar
)" + memory_help() + R"(
Example:
  geowalk validate data/sample/campaign.toml
)";
    }
    int run(const std::vector<std::string>& argv) override
    {
        const Args args(argv, with_memory_option({}), {"quiet"});
        if (args.help()) {
            std::cout << help();
            return 0;
        }
        if (args.positional().size() != 1) throw geo::UsageError("validate needs exactly one campaign file", {}, "geowalk validate CAMPAIGN.toml");
        apply_memory_limit(args);
        const auto spec = geo::campaign::read_campaign_file(args.positional().front());
        ProgressBar bar = ProgressBar::for_terminal();
        bar.enabled = bar.enabled && !args.has("quiet");
        const geo::Campaign campaign = geo::load::load_campaign(spec, progress_callback, &bar);
        std::cout << load_report(campaign);
        return 0;
    }
};

}  // namespace

std::unique_ptr<Command> make_validate_command() { return std::make_unique<ValidateCommand>(); }

}  // namespace geowalk

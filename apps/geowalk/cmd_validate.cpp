#include "args.hpp"
#include "command.hpp"
#include "load_report.hpp"
#include "option_flags.hpp"
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
    std::string about() const override
    {
        return R"(Usage: geowalk validate CAMPAIGN.toml [--threads N] [--max-memory GB] [--quiet]

Reads every source the campaign file names (villages, network, sites, tracks, issues) through GDAL, brings
them into one local metric CRS, and prints, per source, how many features were read, loaded and rejected and
why. Nothing is written. Every feature is either loaded or rejected with a reason; the same rejects are
written to the `rejects` layer by `geowalk run`.

It also prints what track cleaning did to each track: fixes dropped as duplicates, inaccurate (accuracy or
HDOP x 5 m above max_accuracy_m), out of time order, spikes, driven stretches (faster than max_speed_mps
over windows of at least speed_window_s and speed_window_m), and splits at time gaps longer than
max_gap_min.

Last it prints the settings the analyses will run with: every key of [coverage] and [hotspots], as the campaign
file sets it or by default.

Exit status: 0 when the campaign loads (even with rejected features), 1 when a file or setting must be fixed.

Example:
  geowalk validate data/sample/campaign.toml

Options:
  --threads N            threads for reading and cleaning, default 2 (results do not depend on it)
)";
    }
    Flags flags() const override { return {{"threads"}, {}, false}; }
    int execute(const Args& args) override
    {
        if (args.positional().size() != 1) throw geo::UsageError("validate needs exactly one campaign file", {}, "geowalk validate CAMPAIGN.toml");
        const auto spec = geo::campaign::read_campaign_file(args.positional().front());
        ProgressBar bar = ProgressBar::for_terminal();
        bar.enabled = bar.enabled && !args.has("quiet");
        const geo::Campaign campaign =
            geo::load::load_campaign(spec, progress_callback, &bar, args.get_int("threads", 2, 1, 256));
        std::cout << load_report(campaign) << "\nSettings:\n"
                  << settings_lines(geo::coverage::coverage_option_table(), spec.coverage, spec.utc_offset_minutes())
                  << settings_lines(geo::hotspot::hotspot_option_table(), spec.hotspots, spec.utc_offset_minutes());
        return 0;
    }
};

}  // namespace

std::unique_ptr<Command> make_validate_command() { return std::make_unique<ValidateCommand>(); }

}  // namespace geowalk

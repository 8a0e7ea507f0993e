#include "args.hpp"
#include "command.hpp"
#include "load_report.hpp"
#include "option_flags.hpp"
#include "progress.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/campaign/campaign_file.hpp"
#include "libgeo/export/rejects_file.hpp"
#include "libgeo/load/loader.hpp"
#include "libgeo/load/losses.hpp"

#include <iostream>

namespace geowalk {

namespace {

class ValidateCommand : public Command {
public:
    std::string name() const override { return "validate"; }
    std::string summary() const override { return "read every input of a campaign and report what was loaded or rejected"; }
    std::string about() const override
    {
        return R"(Usage: geowalk validate CAMPAIGN.toml [--rejects FILE] [--threads N] [--max-memory GB] [--quiet]

Reads every source the campaign file names (villages, network, sites, tracks, issues) through GDAL, brings
them into one local metric CRS, and prints, per source, how many features were read, loaded and rejected and
why, then the first rejected rows, each named as you find it: the line of a CSV file (its header is line 1),
the row of a spreadsheet, else the feature id. Every feature is either loaded or rejected with a reason; the
same rejects are written to the `rejects` layer by `geowalk run`, and with --rejects FILE to a file of their
own: FILE.csv (UTF-8 with a byte-order mark, so Excel shows Chinese as it is) or FILE.gpkg (a layer `rejects`,
with the geometry where it could be placed). No analysis runs.

A source that loses every feature, or more than half of them for one reason, is almost always read the wrong
way (a projected GeoJSON without a "crs" member, swapped columns): validate (and every command that loads)
stops with exit 1, naming the source and the likely fix, unless its block says allow_rejects = true; then
it is a warning. The report and the rejects file are written first.

It also prints what track cleaning did to each track: fixes dropped as duplicates, inaccurate (accuracy or
HDOP x 5 m above max_accuracy_m), out of time order, spikes, driven stretches (faster than max_speed_mps
over windows of at least speed_window_s and speed_window_m), and splits at time gaps longer than
max_gap_min.

Last it prints the settings the analyses will run with: every key of [coverage] and [hotspots], as the campaign
file sets it or by default.

Exit status: 0 when the campaign loads (even with some rejected features), 1 when a file or setting must be
fixed or a source lost too much, 2 for bad usage (--rejects FILE must end in .csv or .gpkg).

Example:
  geowalk validate data/sample/campaign.toml

Options:
  --rejects FILE         write every rejected, repaired or noted feature to FILE (.csv or .gpkg)
  --threads N            threads for reading and cleaning, default 2 (results do not depend on it)
)";
    }
    Flags flags() const override { return {{"threads", "rejects"}, {}, false}; }
    int execute(const Args& args) override
    {
        if (args.positional().size() != 1) throw geo::UsageError("validate needs exactly one campaign file", {}, "geowalk validate CAMPAIGN.toml");
        const std::string rejects_file = args.get("rejects");
        if (args.has("rejects") && !geo::output::rejects_format(rejects_file))
            throw geo::UsageError("--rejects " + rejects_file + ": the file must end in .csv or .gpkg", {},
                                  "use rejects.csv (opens in Excel) or rejects.gpkg (opens in QGIS)");
        const auto spec = geo::campaign::read_campaign_file(args.positional().front());
        ProgressBar bar = ProgressBar::for_terminal();
        bar.enabled = bar.enabled && !args.has("quiet");
        // Loaded without the check of losses, which comes last: a planner whose river file lost every feature needs
        // the report and the rejects file most.
        const geo::Campaign campaign =
            geo::load::load_inputs(spec, progress_callback, &bar, args.get_int("threads", 2, 1, 256));
        std::cout << load_report(campaign) << rejects_listing(campaign, 20) << "\nSettings:\n"
                  << settings_lines(geo::coverage::coverage_option_table(), spec.coverage, spec.utc_offset_minutes())
                  << settings_lines(geo::hotspot::hotspot_option_table(), spec.hotspots, spec.utc_offset_minutes());
        if (spec.plan) std::cout << settings_lines(geo::route::plan_option_table(), *spec.plan, spec.utc_offset_minutes());
        if (args.has("rejects")) {
            geo::output::write_rejects_file(rejects_file, campaign);
            std::cout << "\nRejects written to " << rejects_file << " (" << campaign.diagnostics.problems().size()
                      << " rows)\n";
        }
        geo::load::require_no_losses(campaign);
        return 0;
    }
};

}  // namespace

std::unique_ptr<Command> make_validate_command() { return std::make_unique<ValidateCommand>(); }

}  // namespace geowalk

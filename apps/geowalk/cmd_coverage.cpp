#include "args.hpp"
#include "command.hpp"
#include "option_flags.hpp"
#include "pipeline.hpp"
#include "presentation_args.hpp"

#include "libgeo/core/error.hpp"

#include <iostream>

namespace geowalk {

namespace {

class CoverageCommand : public Command {
public:
    std::string name() const override { return "coverage"; }
    std::string summary() const override { return "walk coverage per village and walk, dead corners, blind areas"; }
    std::string about() const override
    {
        return std::string(R"(Usage: geowalk coverage CAMPAIGN.toml --out DIR [options]

Answers "where did we walk, and what did we miss?" and prints the ten-walk matrix (villages x walk types,
percent covered). Settings come from the campaign's [coverage] section; the options below override them.

Definitions:
  covered     a point of a route is covered when a cleaned track passes within the sight distance S of it
              ([coverage] sight_m; per walk via [coverage.sight_by_category], per [[network]] block via
              sight_m; --sight over all of them).
              Computed exactly as intervals along each line, not by sampling or rasterising.
  sites       a site is covered by the share of its outline within S of a track ("walk the four sides");
              a point site is visited when a track passes within S. The matrix shows the mean share per
              village and walk.
  area        a village's walked area is its land within W (--village-m) of any track.
  dead corner an uncovered stretch of network, joined along connected lines of one village and walk, at
              least --min-dead-corner metres long, with its distance to the nearest walk.
  blind area  land that should have been walked and was not: village land within R (--reach-m, default
              B) of the network or a site and farther than B (--blind-m) from every track; ranked by area,
              with its share of the land to walk. The rest of the village land is "not required" (kind
              not_required in blind_areas, grey on maps); --reach-m 0 makes all village land required.

Writes into DIR what `geowalk run` writes; the coverage layers are network_coverage (each line split at
interval ends: covered, passes, walkers, first and last walk date), uncovered (dead corners), site_coverage,
village_coverage (one row per village and walk), village_matrix (one row per village, percent per walk),
blind_areas, and walk_distance.tif (distance to the nearest walk, metres).

Options:
  --out DIR              output folder
)") + flags_help(geo::coverage::coverage_option_table());
    }
    Flags flags() const override
    {
        Flags f{{"out"}, {}, true};
        add_flags(geo::coverage::coverage_option_table(), f.valued, f.switches);
        return f;
    }
    int execute(const Args& args) override
    {
        if (args.positional().size() != 1 || !args.has("out"))
            throw geo::UsageError("coverage needs a campaign file and --out DIR", {}, "geowalk coverage CAMPAIGN.toml --out DIR");
        PipelineOptions options;
        options.show_progress = !args.has("quiet");
        options.print_matrix = true;
        options.hotspots = false;
        options.presentation = presentation_from(args);
        options.lang_given = args.has("lang");
        options.adjust_coverage = [&args](geo::coverage::CoverageOptions& o, int utc_offset) {
            apply_flags(args, geo::coverage::coverage_option_table(), o, utc_offset);
        };
        return run_pipeline(args.positional().front(), args.get("out"), options);
    }
};

}  // namespace

std::unique_ptr<Command> make_coverage_command() { return std::make_unique<CoverageCommand>(); }

}  // namespace geowalk

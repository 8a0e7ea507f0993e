#include "args.hpp"
#include "command.hpp"
#include "pipeline.hpp"
#include "memory_args.hpp"
#include "presentation_args.hpp"

#include "libgeo/core/error.hpp"

#include <iostream>

namespace geowalk {

namespace {

class CoverageCommand : public Command {
public:
    std::string name() const override { return "coverage"; }
    std::string summary() const override { return "walk coverage per village and walk, dead corners, blind areas"; }
    std::string help() const override
    {
        return std::string(R"(Usage: geowalk coverage CAMPAIGN.toml --out DIR [options]

Answers "where did we walk, and what did we miss?" and prints the ten-walk matrix (villages x walk types,
percent covered). Settings come from the campaign's [coverage] section; the options below override them.

Definitions:
  covered     a point of a route is covered when a cleaned track passes within the sight distance S of it
              (default 30 m; per walk via [coverage.sight_by_category], per [[network]] block via sight_m).
              Computed exactly as intervals along each line, not by sampling or rasterising.
  sites       a site is covered by the share of its outline within S of a track ("walk the four sides");
              a point site is visited when a track passes within S. The matrix shows the mean share per
              village and walk.
  area        a village's walked area is its land within W (--village-m, default 100 m) of any track.
  dead corner an uncovered stretch of network, joined along connected lines of one village and walk, at
              least --min-dead-corner metres long (default 50 m), with its distance to the nearest walk.
  blind area  village land farther than B (--blind-m, default 200 m) from every track; with --reach-m R
              only land within R of the network or a site counts. Ranked by area.

Writes into DIR what `geowalk run` writes; the coverage layers are network_coverage (each line split at
interval ends: covered, passes, walkers, first and last walk date), uncovered (dead corners), site_coverage,
village_coverage (one row per village and walk), village_matrix (one row per village, percent per walk),
blind_areas, and walk_distance.tif (distance to the nearest walk, metres).

Options:
  --out DIR             output folder
  --sight M             S for every route and site, overriding the campaign
  --village-m M         W, default 100
  --blind-m M           B, default 200
  --reach-m M           R, default 0 (all village land)
  --min-dead-corner M   shortest dead corner reported, default 50
  --pixel M             walk-distance raster pixel size, default 10 (0 = no raster)
  --walk-distance HOW   what walk_distance.tif, walked and blind areas measure to: exact (default; the walked
                        lines themselves) or pixel_centres (the centres of the pixels the tracks pass through,
                        what gdal_proximity measures: about twice as fast on large towns, within 0.71 pixel
                        of exact; for fine pixels over large areas)
  --threads N           threads, default 2 (results do not depend on it)
  --quiet               no progress bar
)") + presentation_help + memory_help();
    }
    int run(const std::vector<std::string>& argv) override
    {
        const Args args(argv, with_memory_option(with_presentation_options({"out", "sight", "village-m", "blind-m", "reach-m", "min-dead-corner", "pixel", "walk-distance", "threads"})),
                        with_presentation_flags({"quiet"}));
        if (args.help()) {
            std::cout << help();
            return 0;
        }
        if (args.positional().size() != 1 || !args.has("out"))
            throw geo::UsageError("coverage needs a campaign file and --out DIR", {}, "geowalk coverage CAMPAIGN.toml --out DIR");
        PipelineOptions options;
        options.show_progress = !args.has("quiet");
        options.print_matrix = true;
        options.hotspots = false;
        options.presentation = presentation_from(args);
        apply_memory_limit(args);
        options.adjust_coverage = [&args](geo::coverage::CoverageOptions& o) {
            if (args.has("sight")) o.sight_m = args.get_number("sight", 0);
            o.village_m = args.get_number("village-m", o.village_m);
            o.blind_m = args.get_number("blind-m", o.blind_m);
            o.reach_m = args.get_number("reach-m", o.reach_m);
            o.min_dead_corner_m = args.get_number("min-dead-corner", o.min_dead_corner_m);
            o.pixel_m = args.get_number("pixel", o.pixel_m);
            if (args.has("walk-distance")) o.walk_distance = geo::raster::parse_distance_measure(args.get("walk-distance"));
            o.threads = args.get_int("threads", o.threads, 1, 256);
        };
        return run_pipeline(args.positional().front(), args.get("out"), options);
    }
};

}  // namespace

std::unique_ptr<Command> make_coverage_command() { return std::make_unique<CoverageCommand>(); }

}  // namespace geowalk

#include "args.hpp"
#include "command.hpp"
#include "option_flags.hpp"
#include "pipeline.hpp"
#include "presentation_args.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/route/options.hpp"

namespace geowalk {

namespace {

class PlanCommand : public Command {
public:
    std::string name() const override { return "plan"; }
    std::string summary() const override { return "plan the next walks: routes over what was missed, team-days, GPX"; }
    std::string about() const override
    {
        return std::string(R"HELP(Usage: geowalk plan CAMPAIGN.toml --out DIR [options]

Answers "where do we walk next, and who walks it?". Coverage shows what nobody walked; the plan sends teams to
walk exactly that, with as little walking in between as possible, in team-days that start and end at a depot.
Settings come from the campaign's [plan] section; the options below override them.

  What must be walked (--required): uncovered = the dead corners (the `uncovered` layer: uncovered stretches
  joined within a village and walk, at least [coverage] min_dead_corner_m long); uncovered:all = every
  uncovered piece; stale:DAYS = also pieces walked last more than DAYS days before the campaign's last record;
  all = every network line (the Chinese postman problem). --categories and --villages narrow it.
  The walk graph: lines meet where they share a vertex or where an end lies within --snap metres of another
  line's vertex; lines crossing without a shared vertex are bridges or culverts unless --node-crossings.
  One walker (--max-km 0): one closed walk per depot, the shortest possible when the pieces and the depot are
  connected (shortest paths between odd junctions, minimum-weight perfect matching, Euler circuit); otherwise the
  pieces are joined first (Frederickson's heuristic) and the lower bound says how far from optimal it can be.
  Team-days (--max-km L): routes of at most L km each, the walking in between included, found by a route
  search (giant tours cut into routes, local search) that stops on a fixed budget (so the same data give the
  same plan) or at --time-limit; then shared among --teams teams, longest first, to balance their kilometres.
  Village depots are planned side by side; more than 12 share the search of 12 (a county plans in minutes).
  A piece that does not fit a day with the way there and back gets a day of its own, flagged over_limit.
  A piece no path reaches from its depot is listed in plan_unreachable with the reason; the rest is planned.

Writes, keeping the folder's other outputs:
  routes             one line per team-day, depot back to depot: team, day, total_m, required_m, deadhead_m,
                     hours (at --walk-kmh), villages, over_limit, its GPX file
  route_stops        turn points with an instruction in Chinese and English
  plan_required      each piece that must be walked, its reason, length and team-day
  plan_unreachable   pieces no path reaches, with the reason and the distance to the network that is reached
  gpx/team-T-day-D.gpx   the route as a track plus the turn points as waypoints (WGS 84), for phone apps
  summary.json plan  total_m, required_m, deadhead_m, lower_bound_m, greedy_m, routes, unreachable, graph

Options:
  --out DIR              output folder
)HELP") + flags_help(geo::route::plan_option_table());
    }
    Flags flags() const override
    {
        Flags f{{"out"}, {}, true};
        add_flags(geo::route::plan_option_table(), f.valued, f.switches);
        return f;
    }
    int execute(const Args& args) override
    {
        if (args.positional().size() != 1 || !args.has("out"))
            throw geo::UsageError("plan needs a campaign file and --out DIR", {}, "geowalk plan CAMPAIGN.toml --out DIR");
        PipelineOptions options;
        options.show_progress = !args.has("quiet");
        options.coverage = false;
        options.hotspots = false;
        options.plan = PipelineOptions::Plan::yes;
        options.presentation = presentation_from(args);
        options.lang_given = args.has("lang");
        options.adjust_plan = [&args](geo::route::PlanOptions& o, int utc_offset) {
            apply_flags(args, geo::route::plan_option_table(), o, utc_offset);
        };
        return run_pipeline(args.positional().front(), args.get("out"), options);
    }
};

}  // namespace

std::unique_ptr<Command> make_plan_command() { return std::make_unique<PlanCommand>(); }

}  // namespace geowalk

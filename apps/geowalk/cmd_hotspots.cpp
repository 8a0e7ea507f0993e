#include "args.hpp"
#include "command.hpp"
#include "option_flags.hpp"
#include "pipeline.hpp"
#include "presentation_args.hpp"

#include "libgeo/core/error.hpp"

#include <iostream>

namespace geowalk {

namespace {

class HotspotsCommand : public Command {
public:
    std::string name() const override { return "hotspots"; }
    std::string summary() const override { return "heatmap, Gi* hot and cold spots, walking effort, emerging hot spots, rebounds"; }
    std::string about() const override
    {
        return std::string(R"HELP(Usage: geowalk hotspots CAMPAIGN.toml --out DIR [options]

Answers "where do problems concentrate, which concentrations are real, which grow, and where did fixed
problems come back?". Settings come from the campaign's [hotspots] section; the options below override them.

  density.tif        kernel density of the issues (the leaders' heatmap): the exact kernel sum at every pixel
                     centre. --kde-output raw: sum of weight x k(d/r) with QGIS's kernel shapes (quartic
                     (1-u²)², ...), the numbers QGIS's "Heatmap (Kernel Density Estimation)" writes on the same
                     grid; scaled: a density per m² (per km² with --per-km2) that integrates to the issue count,
                     as GRASS v.kernel. Grid: QGIS's rule (the issues' extent grown by the radius), or
                     --extent villages to line up with walk_distance.tif.
  hotspot_cells      issues counted in square or hexagonal cells; Getis-Ord Gi* z-score and p-value per cell
                     (binary weights, the cell itself included, as ArcGIS and esda's G_Local(star=True)),
                     Benjamini-Hochberg false discovery rate correction, and the seven classes gi_bin -3..3
                     (cold/hot spot at 99/95/90 % confidence). ArcGIS's Optimized Hot Spot rules: at least 30
                     issues; the cell size from the issues' nearest-neighbour spacing unless --cell-m, but at
                     least max(20 m = twice a phone's 10 m GPS accuracy, [coverage] sight_m) and at most 250,000
                     cells over the analysed extent (summary.json hotspots.cells.size says which rule set it);
                     empty cells inside villages count as zeros; cells outside every village are not written; the distance band at the first peak of Moran's I z-score
                     over increasing distances (locational outliers beyond 3 standard deviations left out of the
                     search; without a peak, the distance at which every cell has a neighbour) unless --band.
                     Effort: walked_km of cleaned track in each cell, issue_locations (issues found in it, any
                     filter), effort_km (walked_km, at least --min-walk where an issue was found) and
                     issues_per_km = count / effort_km; a cell walked less than --min-walk metres (default one
                     cell side) where no issue was found is flagged inspected = 0 — an issue proves someone was
                     there; "not inspected" is not "clean", whatever its count or class says. With --gi-rate,
                     also Gi* on issues_per_km over the inspected cells only (rate_gi_z, rate_gi_p,
                     rate_gi_bin; empty where not inspected): problems dense for the walking done, rather than
                     where the walking was dense.
  emerging_hotspots  a space-time cube of cells x --slice-days slices: Gi* per cell and slice (the band in space,
                     the slice and --time-steps earlier ones in time), the Mann-Kendall trend of each cell's z
                     series, and ArcGIS's patterns: new, consecutive, intensifying, persistent, diminishing,
                     sporadic, oscillating, historical hot (or cold) spot, or no pattern.
  rebounds           an issue found within --rebound-m metres of an issue of the same category and problem type
                     (category alone when either has none) that had already been accepted as rectified, at least
                     --rebound-min-days (default 7) after that acceptance: a line from the earlier to the later
                     issue, with the days between. Not the issues the register marks "rebounded" (a status).

Options:
  --out DIR              output folder
)HELP") + flags_help(geo::hotspot::hotspot_option_table()) + R"HELP(  --gi-features FILE     also Gi* on the features of FILE (any GDAL vector; --gi-layer NAME picks a layer) with
  --gi-field FIELD       the numbers in FIELD, no aggregation (ArcGIS's plain Hot Spot Analysis), band --band
                         (required): layer gi_features with the input id, value and the same Gi* fields. Planar
                         data keep their own projected CRS; lon/lat is taken into the campaign's local CRS.
)HELP";
    }
    Flags flags() const override
    {
        Flags f{{"out", "gi-features", "gi-layer", "gi-field"}, {}, true};
        add_flags(geo::hotspot::hotspot_option_table(), f.valued, f.switches);
        return f;
    }
    int execute(const Args& args) override
    {
        if (args.positional().size() != 1 || !args.has("out"))
            throw geo::UsageError("hotspots needs a campaign file and --out DIR", {},
                                  "geowalk hotspots CAMPAIGN.toml --out DIR");
        PipelineOptions options;
        options.show_progress = !args.has("quiet");
        options.coverage = false;
        options.presentation = presentation_from(args);
        options.lang_given = args.has("lang");
        options.gi_features_file = args.get("gi-features");
        options.gi_features_layer = args.get("gi-layer");
        options.gi_features_field = args.get("gi-field");
        options.adjust_hotspots = [&args](geo::hotspot::HotspotOptions& o, int utc_offset) {
            apply_flags(args, geo::hotspot::hotspot_option_table(), o, utc_offset);
        };
        return run_pipeline(args.positional().front(), args.get("out"), options);
    }
};

}  // namespace

std::unique_ptr<Command> make_hotspots_command() { return std::make_unique<HotspotsCommand>(); }

}  // namespace geowalk

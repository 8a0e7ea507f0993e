#include "args.hpp"
#include "command.hpp"
#include "pipeline.hpp"
#include "memory_args.hpp"
#include "presentation_args.hpp"

#include "libgeo/core/categories.hpp"
#include "libgeo/core/datetime.hpp"
#include "libgeo/core/error.hpp"

#include <iostream>
#include <sstream>

namespace geowalk {

namespace {

std::vector<std::string> comma_list(const std::string& text)
{
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string item; std::getline(in, item, ',');)
        if (!geo::trim(item).empty()) out.emplace_back(geo::trim(item));
    return out;
}

double date_option(const Args& args, const std::string& name, int utc_offset_minutes)
{
    const auto stamp = geo::parse_timestamp(args.get(name), utc_offset_minutes);
    if (!stamp) throw geo::UsageError("--" + name + " '" + args.get(name) + "' is not a date", {}, "write e.g. 2017-02-20");
    return stamp->seconds;
}

class HotspotsCommand : public Command {
public:
    std::string name() const override { return "hotspots"; }
    std::string summary() const override { return "heatmap, Gi* hot and cold spots, walking effort, emerging hot spots, rebounds"; }
    std::string help() const override
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
                     issues; the cell size from the issues' nearest-neighbour spacing unless --cell-m; empty cells
                     inside villages count as zeros; the distance band at the first peak of Moran's I z-score
                     over increasing distances (locational outliers beyond 3 standard deviations left out of the
                     search; without a peak, the distance at which every cell has a neighbour) unless --band.
                     Effort: walked_km of cleaned track in each cell and issues_per_km; a cell walked less than
                     --min-walk metres (default one cell side) is flagged inspected = 0 — "not inspected" is not
                     "clean", whatever its count or class says. With --gi-rate, also Gi* on issues_per_km over
                     the inspected cells only (rate_gi_z, rate_gi_p, rate_gi_bin; empty where not inspected):
                     problems dense for the walking done, rather than where the walking was dense.
  emerging_hotspots  a space-time cube of cells x --slice-days slices: Gi* per cell and slice (the band in space,
                     the slice and --time-steps earlier ones in time), the Mann-Kendall trend of each cell's z
                     series, and ArcGIS's patterns: new, consecutive, intensifying, persistent, diminishing,
                     sporadic, oscillating, historical hot (or cold) spot, or no pattern.
  rebounds           an issue found within --rebound-m metres of an issue of the same category that had already
                     been accepted as rectified, after that acceptance: a line from the earlier to the later
                     issue, with the days between.

Options:
  --out DIR              output folder
  --radius M             kernel radius, default 300
  --radius-field FIELD   per-issue radius in metres from an issue column
  --pixel M              density pixel size, default 10
  --kernel K             quartic (default), triangular, uniform, triweight, epanechnikov, gaussian (sigma = r/4,
                         cut at r, as GRASS)
  --kde-output O         raw (default) or scaled
  --per-km2              scaled output per km² instead of per m²
  --weight FIELD         sum an issue column instead of counting issues (density and Gi*)
  --extent E             points (default, QGIS's grid) or villages
  --category LIST        only these walk categories (codes or labels, comma-separated)
  --problem LIST         only these problem types
  --status LIST          only these statuses (found, assigned, rectifying, rectified, accepted, rebounded)
  --from DATE, --to DATE only issues found from DATE and before DATE (local time)
  --cell square|hexagon  cell shape, default square
  --cell-m M             cell size (side; for hexagons the distance between neighbouring centres)
  --band M               Gi* distance band, centre to centre
  --permutations N       conditional permutations for the pseudo p-value gi_p_sim (default 0: none; esda: 999)
  --seed N               permutation seed, default 12345
  --no-fdr               bins from raw p-values instead of FDR-corrected ones
  --min-walk M           walked length below which a cell is "not inspected", default the cell side
  --gi-rate              also Gi* on the effort-adjusted rate (issues per walked km) of the inspected cells
  --slice-days D         emerging hot spots time step, default 7
  --time-steps N         earlier slices in a bin's neighbourhood, default 1
  --rebound-m M          rebound distance, default 50
  --gi-features FILE     also Gi* on the features of FILE (any GDAL vector; --gi-layer NAME picks a layer) with
  --gi-field FIELD       the numbers in FIELD, no aggregation (ArcGIS's plain Hot Spot Analysis), band --band
                         (required): layer gi_features with the input id, value and the same Gi* fields. Planar
                         data keep their own projected CRS; lon/lat is taken into the campaign's local CRS.
  --threads N            threads, default 2 (results do not depend on it)
  --quiet                no progress bar
)HELP") + presentation_help + memory_help();
    }
    int run(const std::vector<std::string>& argv) override
    {
        const Args args(argv, with_memory_option(with_presentation_options(
                        {"out", "radius", "radius-field", "pixel", "kernel", "kde-output", "weight", "extent", "category",
                         "problem", "status", "from", "to", "cell", "cell-m", "band", "permutations", "seed", "min-walk",
                         "slice-days", "time-steps", "rebound-m", "threads", "gi-features", "gi-layer", "gi-field"})),
                        with_presentation_flags({"quiet", "per-km2", "no-fdr", "gi-rate"}));
        if (args.help()) {
            std::cout << help();
            return 0;
        }
        if (args.positional().size() != 1 || !args.has("out"))
            throw geo::UsageError("hotspots needs a campaign file and --out DIR", {},
                                  "geowalk hotspots CAMPAIGN.toml --out DIR");
        PipelineOptions options;
        options.show_progress = !args.has("quiet");
        options.coverage = false;
        options.presentation = presentation_from(args);
        apply_memory_limit(args);
        options.gi_features_file = args.get("gi-features");
        options.gi_features_layer = args.get("gi-layer");
        options.gi_features_field = args.get("gi-field");
        options.adjust_hotspots = [&args](geo::hotspot::AnalysisOptions& o, int utc_offset) { apply(args, o, utc_offset); };
        return run_pipeline(args.positional().front(), args.get("out"), options);
    }

private:
    static void apply(const Args& args, geo::hotspot::AnalysisOptions& o, int utc_offset)
    {
        o.kde.radius_m = args.get_number("radius", o.kde.radius_m);
        o.kde.pixel_m = args.get_number("pixel", o.kde.pixel_m);
        if (args.has("kernel")) o.kde.kernel = geo::raster::parse_kernel(args.get("kernel"));
        if (args.has("kde-output")) o.kde.output = geo::raster::parse_kde_output(args.get("kde-output"));
        if (args.has("per-km2")) o.kde.per_km2 = true;
        o.radius_field = args.get("radius-field", o.radius_field);
        o.weight_field = args.get("weight", o.weight_field);
        if (args.has("extent")) {
            const std::string e = args.get("extent");
            if (e != "points" && e != "villages") throw geo::UsageError("--extent must be points or villages");
            o.extent = e == "villages" ? geo::hotspot::DensityExtent::villages : geo::hotspot::DensityExtent::points;
        }
        if (args.has("category")) {
            o.filter.categories.clear();
            for (const auto& c : comma_list(args.get("category"))) {
                const auto category = geo::parse_category(c);
                if (!category) throw geo::UsageError("--category: unknown walk category '" + c + "'");
                o.filter.categories.insert(*category);
            }
        }
        if (args.has("problem")) {
            const auto problems = comma_list(args.get("problem"));
            o.filter.problems = {problems.begin(), problems.end()};
        }
        if (args.has("status")) {
            o.filter.statuses.clear();
            for (const auto& s : comma_list(args.get("status"))) {
                const auto status = geo::parse_status(s);
                if (!status) throw geo::UsageError("--status: unknown status '" + s + "'");
                o.filter.statuses.insert(*status);
            }
        }
        if (args.has("from")) o.filter.from = date_option(args, "from", utc_offset);
        if (args.has("to")) o.filter.to = date_option(args, "to", utc_offset);
        if (args.has("cell")) {
            const std::string c = args.get("cell");
            if (c != "square" && c != "hexagon") throw geo::UsageError("--cell must be square or hexagon");
            o.cells.binning.shape = c == "hexagon" ? geo::hotspot::CellShape::hexagon : geo::hotspot::CellShape::square;
        }
        o.cells.binning.cell_size_m = args.get_number("cell-m", o.cells.binning.cell_size_m);
        o.cells.gi.band_m = args.get_number("band", o.cells.gi.band_m);
        o.cells.gi.permutations = args.get_int("permutations", o.cells.gi.permutations, 0, 99999);
        o.cells.gi.seed = static_cast<std::uint64_t>(args.get_int("seed", static_cast<int>(o.cells.gi.seed), 0, 2147483647));
        if (args.has("no-fdr")) o.cells.gi.fdr = false;
        o.min_walk_m = args.get_number("min-walk", o.min_walk_m);
        if (args.has("gi-rate")) o.gi_rate = true;
        o.emerging.slice_s = args.get_number("slice-days", o.emerging.slice_s / 86400.0) * 86400.0;
        o.emerging.neighbourhood_slices = args.get_int("time-steps", o.emerging.neighbourhood_slices, 0, 100);
        o.rebounds.radius_m = args.get_number("rebound-m", o.rebounds.radius_m);
        o.threads = args.get_int("threads", o.threads, 1, 256);
        o.kde.threads = o.threads;
    }
};

}  // namespace

std::unique_ptr<Command> make_hotspots_command() { return std::make_unique<HotspotsCommand>(); }

}  // namespace geowalk

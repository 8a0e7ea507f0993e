#include "libgeo/hotspot/options.hpp"

#include "libgeo/core/error.hpp"

namespace geo::hotspot {

namespace {

using options::Kind;
using options::Value;
using O = HotspotOptions;

// A set of codes (walk categories, statuses) as the list of names the table reads and writes.
template <class T, class Parse, class Code>
options::Binding<O> bind_codes(std::set<T> IssueFilter::*field, Parse parse, Code code_of)
{
    return {[field, code_of](const O& o) {
                std::vector<std::string> names;
                for (const T& item : o.filter.*field) names.emplace_back(code_of(item));
                return Value(names);
            },
            [field, parse](O& o, const Value& v) {
                (o.filter.*field).clear();
                for (const auto& name : std::get<std::vector<std::string>>(v))
                    if (auto item = parse(name)) (o.filter.*field).insert(*item);
            }};
}

options::Binding<O> bind_problems()
{
    return {[](const O& o) { return Value(std::vector<std::string>(o.filter.problems.begin(), o.filter.problems.end())); },
            [](O& o, const Value& v) {
                o.filter.problems.clear();
                for (const auto& p : std::get<std::vector<std::string>>(v))
                    if (!trim(p).empty()) o.filter.problems.emplace(trim(p));
            }};
}

// The two Gi* runs over cells (in space, and in space and time) take one false discovery rate setting.
options::Binding<O> bind_fdr()
{
    return {[](const O& o) { return Value(o.cells.gi.fdr); },
            [](O& o, const Value& v) { o.cells.gi.fdr = o.emerging.fdr = std::get<bool>(v); }};
}

options::Binding<O> bind_fdr_alpha()
{
    return {[](const O& o) { return Value(o.cells.gi.fdr_alpha); },
            [](O& o, const Value& v) { o.cells.gi.fdr_alpha = o.emerging.fdr_alpha = std::get<double>(v); }};
}

options::Binding<O> bind_slice_days()
{
    return {[](const O& o) { return Value(o.emerging.slice_s / 86400.0); },
            [](O& o, const Value& v) { o.emerging.slice_s = std::get<double>(v) * 86400.0; }};
}

options::Binding<O> bind_threads()
{
    return {[](const O& o) { return Value(static_cast<double>(o.threads)); },
            [](O& o, const Value& v) { o.threads = o.kde.threads = static_cast<int>(std::get<double>(v)); }};
}

bool is_category(std::string_view text) { return parse_category(text).has_value(); }
bool is_status(std::string_view text) { return parse_status(text).has_value(); }

options::Table<O> make_table()
{
    return {"hotspots",
            {{{.key = "categories", .flag = "category", .kind = Kind::texts,
               .help = "only issues of these walks (codes or labels; all when empty)", .item_ok = is_category,
               .item_hint = "use a walk code or its label, as in [[network]]"},
              bind_codes(&IssueFilter::categories, parse_category, [](Category c) { return code(c); })},
             {{.key = "problems", .flag = "problem", .kind = Kind::texts,
               .help = "only issues of these problem types (as written in the issues' problem column)"},
              bind_problems()},
             {{.key = "statuses", .flag = "status", .kind = Kind::texts,
               .help = "only issues of these statuses", .item_ok = is_status,
               .item_hint = "use found, assigned, rectifying, rectified, accepted or rebounded (or 发现, 交办, 整改中, "
                            "已整改, 验收合格, 反弹)"},
              bind_codes(&IssueFilter::statuses, parse_status, [](Status s) { return code(s); })},
             {{.key = "from", .flag = "from", .kind = Kind::date, .help = "only issues found from this date (local time)"},
              options::bind_optional_number<O>([](O& o) -> auto& { return o.filter.from; })},
             {{.key = "to", .flag = "to", .kind = Kind::date, .help = "only issues found before this date (local time)"},
              options::bind_optional_number<O>([](O& o) -> auto& { return o.filter.to; })},
             {{.key = "radius_m", .flag = "radius", .kind = Kind::number, .unit = "m", .help = "kernel radius",
               .min = 0.01, .max = 100000},
              options::bind_number<O>([](O& o) -> auto& { return o.kde.radius_m; })},
             {{.key = "radius_field", .flag = "radius-field", .kind = Kind::text,
               .help = "an issue column holding each issue's own radius in metres"},
              options::bind_text<O>([](O& o) -> auto& { return o.radius_field; })},
             {{.key = "pixel_m", .flag = "pixel", .kind = Kind::number, .unit = "m", .help = "density.tif pixel size",
               .min = 0.01, .max = 10000},
              options::bind_number<O>([](O& o) -> auto& { return o.kde.pixel_m; })},
             {{.key = "kernel", .flag = "kernel", .kind = Kind::choice,
               .help = "kernel shape (QGIS's; gaussian: sigma = r/4, cut at r, as GRASS)",
               .choices = options::names_of(raster::kernel_names)},
              options::bind_choice<O>([](O& o) -> auto& { return o.kde.kernel; }, raster::kernel_names)},
             {{.key = "kde_output", .flag = "kde-output", .kind = Kind::choice,
               .help = "raw: QGIS's kernel sums; scaled: a density that integrates to the issue count",
               .choices = options::names_of(raster::kde_output_names)},
              options::bind_choice<O>([](O& o) -> auto& { return o.kde.output; }, raster::kde_output_names)},
             {{.key = "per_km2", .flag = "per-km2", .kind = Kind::boolean, .help = "scaled output per km² instead of per m²"},
              options::bind_boolean<O>([](O& o) -> auto& { return o.kde.per_km2; })},
             {{.key = "weight_field", .flag = "weight", .kind = Kind::text,
               .help = "sum this issue column instead of counting issues (density and Gi*)"},
              options::bind_text<O>([](O& o) -> auto& { return o.weight_field; })},
             {{.key = "extent", .flag = "extent", .kind = Kind::choice,
               .help = "density grid: points (QGIS's: the issues' extent grown by the radius) or villages (aligned "
                       "with walk_distance.tif)",
               .choices = options::names_of(density_extent_names)},
              options::bind_choice<O>([](O& o) -> auto& { return o.extent; }, density_extent_names)},
             {{.key = "cell", .flag = "cell", .kind = Kind::choice, .help = "Gi* cell shape",
               .choices = options::names_of(cell_shape_names)},
              options::bind_choice<O>([](O& o) -> auto& { return o.cells.binning.shape; }, cell_shape_names)},
             {{.key = "cell_m", .flag = "cell-m", .kind = Kind::number, .unit = "m",
               .help = "cell size (side; for hexagons the distance between neighbouring centres); 0: from the issues' "
                       "spacing (ArcGIS's nearest-neighbour rule), at least max(20 m, [coverage] sight_m) and at most "
                       "250,000 cells over the analysed extent",
               .min = 0, .max = 100000},
              options::bind_number<O>([](O& o) -> auto& { return o.cells.binning.cell_size_m; })},
             {{.key = "band_m", .flag = "band", .kind = Kind::number, .unit = "m",
               .help = "Gi* distance band, centre to centre; 0: at the first peak of Moran's I", .min = 0,
               .max = 1000000},
              options::bind_number<O>([](O& o) -> auto& { return o.cells.gi.band_m; })},
             {{.key = "permutations", .flag = "permutations", .kind = Kind::whole,
               .help = "conditional permutations for the pseudo p-value gi_p_sim (0: none; esda: 999)", .min = 0,
               .max = 99999},
              options::bind_number<O>([](O& o) -> auto& { return o.cells.gi.permutations; })},
             {{.key = "seed", .flag = "seed", .kind = Kind::whole, .help = "permutation seed", .min = 0,
               .max = 4294967295.0},
              options::bind_number<O>([](O& o) -> auto& { return o.cells.gi.seed; })},
             {{.key = "fdr", .flag = "no-fdr", .kind = Kind::boolean,
               .help = "Gi* classes from p-values corrected for the false discovery rate (Benjamini-Hochberg); --no-fdr: from "
                       "raw p-values",
               .switch_value = false},
              bind_fdr()},
             {{.key = "fdr_alpha", .kind = Kind::number, .help = "false discovery rate", .min = 0.001, .max = 0.5},
              bind_fdr_alpha()},
             {{.key = "min_walk_m", .flag = "min-walk", .kind = Kind::number, .unit = "m",
               .help = "walked length below which a cell is \"not inspected\" (0: one cell side)", .min = 0,
               .max = 100000},
              options::bind_number<O>([](O& o) -> auto& { return o.min_walk_m; })},
             {{.key = "gi_rate", .flag = "gi-rate", .kind = Kind::boolean,
               .help = "also Gi* on issues per walked km over the inspected cells"},
              options::bind_boolean<O>([](O& o) -> auto& { return o.gi_rate; })},
             {{.key = "slice_days", .flag = "slice-days", .kind = Kind::number, .unit = "days",
               .help = "emerging hot spots time step", .min = 1, .max = 3660},
              bind_slice_days()},
             {{.key = "time_steps", .flag = "time-steps", .kind = Kind::whole,
               .help = "earlier slices in a bin's neighbourhood", .min = 0, .max = 100},
              options::bind_number<O>([](O& o) -> auto& { return o.emerging.neighbourhood_slices; })},
             {{.key = "rebound_m", .flag = "rebound-m", .kind = Kind::number, .unit = "m",
               .help = "an issue this close to an accepted one of the same walk and problem type, found at least "
                       "rebound_min_days after the acceptance, is a rebound",
               .min = 0.01, .max = 100000},
              options::bind_number<O>([](O& o) -> auto& { return o.rebounds.radius_m; })},
             {{.key = "rebound_min_days", .flag = "rebound-min-days", .kind = Kind::number, .unit = "days",
               .help = "a rebound is found at least this long after the acceptance (sooner: the same problem "
                       "recorded twice)",
               .min = 0, .max = 3660},
              options::bind_number<O>([](O& o) -> auto& { return o.rebounds.min_days; })},
             {{.flag = "threads", .kind = Kind::whole, .help = "threads (results do not depend on it)", .min = 1,
               .max = 256},
              bind_threads()}}};
}

}  // namespace

const options::Table<HotspotOptions>& hotspot_option_table()
{
    static const options::Table<HotspotOptions> table = make_table();
    return table;
}

void HotspotOptions::validate() const
{
    hotspot_option_table().check(*this);
    kde.validate();
    cells.validate();
    // emerging is validated once its band is known (the cells' band when not given).
    rebounds.validate();
    if (gi_features && !(cells.gi.band_m > 0))
        throw UsageError("the Gi* feature mode needs a distance band", {}, "add --band METRES (centre to centre)");
}

}  // namespace geo::hotspot

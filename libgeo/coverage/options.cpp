#include "libgeo/coverage/options.hpp"

namespace geo::coverage {

namespace {

using options::Kind;

options::Binding<CoverageOptions> bind_sight_by_category()
{
    return {[](const CoverageOptions& o) {
                std::map<std::string, double> out;
                for (const auto& [category, sight] : o.sight_by_category) out[std::string(code(category))] = sight;
                return options::Value(out);
            },
            [](CoverageOptions& o, const options::Value& v) {
                o.sight_by_category.clear();
                for (const auto& [name, sight] : std::get<std::map<std::string, double>>(v))
                    if (auto category = parse_category(name)) o.sight_by_category[*category] = sight;
            }};
}

bool is_category(std::string_view text) { return parse_category(text).has_value(); }

// Distances the analysis measures with: above 0 and at most 5 km, the same whichever way they come in.
constexpr double min_distance_m = 0.1;
constexpr double max_distance_m = 5000.0;

options::Table<CoverageOptions> make_table()
{
    using O = CoverageOptions;
    return {"coverage",
            {{{.key = "sight_m", .kind = Kind::number, .unit = "m",
               .help = "S: a point of a route is covered when a cleaned track passes within S of it; a site's outline "
                       "likewise (every walk's default)",
               .min = min_distance_m, .max = max_distance_m},
              options::bind_number<O>([](O& o) -> auto& { return o.sight_m; })},
             {{.key = "sight_by_category", .kind = Kind::by_category, .unit = "m",
               .help = "S per walk, a table of walk code = metres (a [[network]] block's own sight_m comes first)",
               .min = min_distance_m, .max = max_distance_m, .item_ok = is_category,
               .item_hint = "use the ten walk codes, e.g. highway_shoulder = 50"},
              bind_sight_by_category()},
             {{.flag = "sight", .kind = Kind::number, .unit = "m",
               .help = "S for every route and site, over the campaign file's values",
               .min = min_distance_m, .max = max_distance_m},
              options::bind_optional_number<O>([](O& o) -> auto& { return o.sight_override_m; })},
             {{.key = "village_m", .flag = "village-m", .kind = Kind::number, .unit = "m",
               .help = "W: a village's walked area is its land within W of any track",
               .min = min_distance_m, .max = max_distance_m},
              options::bind_number<O>([](O& o) -> auto& { return o.walked_within_m; })},
             {{.key = "blind_m", .flag = "blind-m", .kind = Kind::number, .unit = "m",
               .help = "B: village land farther than B from every track is a blind area",
               .min = min_distance_m, .max = max_distance_m},
              options::bind_number<O>([](O& o) -> auto& { return o.blind_beyond_m; })},
             {{.key = "reach_m", .flag = "reach-m", .kind = Kind::number, .unit = "m",
               .help = "R: only land within R of the network or a site should be walked and can be blind; the rest "
                       "is \"not required\" (default: B, blind_m; 0: all village land)",
               .min = min_distance_m, .max = max_distance_m, .zero_allowed = true},
              options::bind_optional_number<O>([](O& o) -> auto& { return o.required_within_m; })},
             {{.key = "min_dead_corner_m", .flag = "min-dead-corner", .kind = Kind::number, .unit = "m",
               .help = "shortest uncovered stretch reported as a dead corner", .min = 0, .max = 100000},
              options::bind_number<O>([](O& o) -> auto& { return o.min_dead_corner_m; })},
             {{.key = "pixel_m", .flag = "pixel", .kind = Kind::number, .unit = "m",
               .help = "pixel size of walk_distance.tif (0: no raster)", .min = 0.1, .max = 1000,
               .zero_allowed = true},
              options::bind_number<O>([](O& o) -> auto& { return o.pixel_m; })},
             {{.key = "walk_distance", .flag = "walk-distance", .kind = Kind::choice,
               .help = "what walk_distance.tif, walked and blind areas measure to: exact (the walked lines) or "
                       "pixel_centres (the centres of the pixels the tracks pass through, as gdal_proximity: about "
                       "twice as fast on large towns, within 0.71 pixel of exact)",
               .choices = options::names_of(raster::distance_measure_names)},
              options::bind_choice<O>([](O& o) -> auto& { return o.walk_distance; }, raster::distance_measure_names)},
             {{.flag = "threads", .kind = Kind::whole, .help = "threads (results do not depend on it)", .min = 1,
               .max = 256},
              options::bind_number<O>([](O& o) -> auto& { return o.threads; })}}};
}

double category_sight(const CoverageOptions& o, Category category)
{
    const auto it = o.sight_by_category.find(category);
    return it != o.sight_by_category.end() ? it->second : o.sight_m;
}

}  // namespace

const options::Table<CoverageOptions>& coverage_option_table()
{
    static const options::Table<CoverageOptions> table = make_table();
    return table;
}

void CoverageOptions::validate() const { coverage_option_table().check(*this); }

double effective_sight(const CoverageOptions& options, const NetworkLine& line)
{
    if (options.sight_override_m) return *options.sight_override_m;
    if (line.block_sight_m) return *line.block_sight_m;
    return category_sight(options, line.category);
}

double effective_sight(const CoverageOptions& options, const Site& site)
{
    if (options.sight_override_m) return *options.sight_override_m;
    return category_sight(options, site.category);
}

}  // namespace geo::coverage

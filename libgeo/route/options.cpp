#include "libgeo/route/options.hpp"

#include "libgeo/core/number_text.hpp"

#include <charconv>

namespace geo::route {

namespace {

using options::Kind;
using O = PlanOptions;

bool is_category(std::string_view text) { return parse_category(text).has_value(); }
bool any_text(std::string_view text) { return !text.empty(); }

template <class Field>
options::Binding<O> bind_texts(Field field)
{
    return {[field](const O& o) { return options::Value(field(const_cast<O&>(o))); },
            [field](O& o, const options::Value& v) { field(o) = std::get<std::vector<std::string>>(v); }};
}

options::Table<O> make_table()
{
    return {"plan",
            {{{.key = "required", .flag = "required", .kind = Kind::text,
               .help = "what must be walked: uncovered (the dead corners, at least min_dead_corner_m), uncovered:all "
                       "(every uncovered piece), stale:DAYS (also pieces last walked more than DAYS days before the "
                       "campaign's last record), hotspot:BIN (every line inside a Gi* hot spot cell of bin BIN or more: 1, 2, "
                       "3 for 90, 95, 99 % confidence), all (every network line: the Chinese postman problem)"},
              options::bind_text<O>([](O& o) -> auto& { return o.required; })},
             {{.key = "categories", .flag = "categories", .kind = Kind::texts,
               .help = "only pieces of these walks (codes or labels; all when empty)", .item_ok = is_category,
               .item_hint = "use a walk code or its label, as in [[network]]"},
              bind_texts([](O& o) -> auto& { return o.categories; })},
             {{.key = "villages", .flag = "villages", .kind = Kind::texts,
               .help = "only pieces in these villages (names as in the villages layer; all when empty)",
               .item_ok = any_text, .item_hint = "a village name"},
              bind_texts([](O& o) -> auto& { return o.villages; })},
             {{.key = "teams", .flag = "teams", .kind = Kind::whole,
               .help = "K: the team-days are shared out among K teams, balancing their kilometres", .min = 1,
               .max = 1000},
              options::bind_number<O>([](O& o) -> auto& { return o.teams; })},
             {{.key = "max_km", .flag = "max-km", .kind = Kind::number, .unit = "km",
               .help = "L: at most this many km walked per team-day, the walking in between included (0: no "
                       "limit; with one team, one closed walk over everything)",
               .min = 0.1, .max = 1000, .zero_allowed = true},
              options::bind_number<O>([](O& o) -> auto& { return o.max_km; })},
             {{.key = "max_required_km", .flag = "max-required-km", .kind = Kind::number, .unit = "km",
               .help = "at most this many km of required pieces per team-day (0: no limit)", .min = 0.1,
               .max = 1000, .zero_allowed = true},
              options::bind_number<O>([](O& o) -> auto& { return o.max_required_km; })},
             {{.key = "depot", .flag = "depot", .kind = Kind::text,
               .help = "where team-days start and end: village (each village's committee site, else its centre), "
                       "site:NAME, or X,Y in the campaign CRS (lon,lat with depot_wgs84)"},
              options::bind_text<O>([](O& o) -> auto& { return o.depot; })},
             {{.key = "depot_wgs84", .flag = "depot-wgs84", .kind = Kind::boolean,
               .help = "the depot's X,Y are WGS 84 longitude,latitude"},
              options::bind_boolean<O>([](O& o) -> auto& { return o.depot_wgs84; })},
             {{.key = "snap_m", .flag = "snap", .kind = Kind::number, .unit = "m",
               .help = "a line's end this close to another line joins it there (at its nearest vertex or point)", .min = 0,
               .max = 100},
              options::bind_number<O>([](O& o) -> auto& { return o.snap_m; })},
             {{.key = "node_crossings", .flag = "node-crossings", .kind = Kind::boolean,
               .help = "lines that cross without a shared vertex meet there (data digitised without nodes; "
                       "otherwise a crossing is a bridge or culvert)"},
              options::bind_boolean<O>([](O& o) -> auto& { return o.node_crossings; })},
             {{.key = "walk_kmh", .flag = "walk-kmh", .kind = Kind::number, .unit = "km/h",
               .help = "walking speed for the estimated hours of a team-day", .min = 0.5, .max = 30},
              options::bind_number<O>([](O& o) -> auto& { return o.walk_kmh; })},
             {{.key = "time_limit_s", .flag = "time-limit", .kind = Kind::number, .unit = "s",
               .help = "the route search stops by this time at the latest (it usually ends sooner, on a fixed "
                       "budget, so the same data give the same plan)",
               .min = 0.1, .max = 86400},
              options::bind_number<O>([](O& o) -> auto& { return o.time_limit_s; })},
             {{.key = "seed", .flag = "seed", .kind = Kind::whole, .help = "route search seed", .min = 0,
               .max = 4294967295.0},
              options::bind_number<O>([](O& o) -> auto& { return o.seed; })},
             {{.flag = "threads", .kind = Kind::whole, .help = "threads (the plan does not depend on it)", .min = 1,
               .max = 256},
              options::bind_number<O>([](O& o) -> auto& { return o.threads; })}}};
}

}  // namespace

std::optional<Required> Required::parse(std::string_view text)
{
    if (text == "uncovered") return Required{RequiredKind::uncovered, 0};
    if (text == "uncovered:all") return Required{RequiredKind::uncovered_all, 0};
    if (text == "all") return Required{RequiredKind::all, 0};
    if (text == "hotspot:1" || text == "hotspot:2" || text == "hotspot:3")
        return Required{RequiredKind::hotspot, 0, text.back() - '0'};
    if (text.starts_with("stale:")) {
        const std::string_view days = text.substr(6);
        double value = 0;
        const auto [end, ec] = std::from_chars(days.data(), days.data() + days.size(), value);
        if (ec == std::errc() && end == days.data() + days.size() && value >= 0 && value <= 3650)
            return Required{RequiredKind::stale, value};
    }
    return std::nullopt;
}

std::string Required::text() const
{
    switch (kind) {
    case RequiredKind::uncovered: return "uncovered";
    case RequiredKind::uncovered_all: return "uncovered:all";
    case RequiredKind::all: return "all";
    case RequiredKind::stale: return "stale:" + significant_text(stale_days);
    case RequiredKind::hotspot: return "hotspot:" + std::to_string(hot_bin);
    }
    return "?";
}

const options::Table<PlanOptions>& plan_option_table()
{
    static const options::Table<PlanOptions> table = make_table();
    return table;
}

void PlanOptions::validate() const
{
    plan_option_table().check(*this);
    if (!Required::parse(required))
        throw UsageError("[plan] required / --required: \"" + required + "\" is not known", {},
                         "use uncovered, uncovered:all, stale:DAYS (e.g. stale:14), hotspot:BIN (1, 2 or 3: 90, 95 or "
                         "99 % hot spots) or all");
}

Required PlanOptions::required_pieces() const { return Required::parse(required).value_or(Required{}); }

std::vector<Category> PlanOptions::category_filter() const
{
    std::vector<Category> out;
    for (const auto& name : categories)
        if (auto c = parse_category(name)) out.push_back(*c);
    return out;
}

}  // namespace geo::route

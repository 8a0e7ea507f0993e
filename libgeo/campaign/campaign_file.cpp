#include "libgeo/campaign/campaign_file.hpp"

#include "libgeo/core/datetime.hpp"
#include "libgeo/core/error.hpp"
#include "libgeo/core/number_text.hpp"
#include "libgeo/crs/gcj02.hpp"

#include <cpl_string.h>
#include <toml++/toml.h>

#include <algorithm>
#include <climits>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>

namespace geo::campaign {

namespace {

class Parser {
public:
    Parser(std::filesystem::path file) : m_file(std::move(file)) {}

    [[noreturn]] void fail(const toml::node* node, const std::string& what, const std::string& hint = {}) const
    {
        Where where = in_file(m_file.string());
        if (node && node->source().begin) {
            where.line = static_cast<int>(node->source().begin.line);
            where.column = static_cast<int>(node->source().begin.column);
        }
        throw InputError(what, where, hint);
    }

    // Rejects keys the section does not know, suggesting the closest known one: a typo must not be silently ignored.
    void check_keys(const toml::table& table, const std::string& section, const std::set<std::string>& known) const
    {
        for (const auto& [key, value] : table) {
            const std::string k(key.str());
            if (known.count(k)) continue;
            std::string hint = "known keys in " + section + ": ";
            for (const auto& name : known) hint += name + " ";
            fail(&value, "unknown key '" + k + "' in " + section, hint);
        }
    }

    std::string string(const toml::table& t, const char* key, const std::string& fallback = {}) const
    {
        const toml::node* n = t.get(key);
        if (!n) return fallback;
        if (!n->is_string()) fail(n, std::string("'") + key + "' must be a text in quotes");
        return n->as_string()->get();
    }

    double number(const toml::table& t, const char* key, double fallback, double min, double max) const
    {
        const toml::node* n = t.get(key);
        if (!n) return fallback;
        double v = 0;
        if (n->is_integer()) v = static_cast<double>(n->as_integer()->get());
        else if (n->is_floating_point()) v = n->as_floating_point()->get();
        else fail(n, std::string("'") + key + "' must be a number");
        if (!(v >= min && v <= max))
            fail(n, std::string("'") + key + "' = " + number_text(v) + " is out of range",
                 "use a value between " + number_text(min) + " and " + number_text(max));
        return v;
    }

    bool boolean(const toml::table& t, const char* key, bool fallback) const
    {
        const toml::node* n = t.get(key);
        if (!n) return fallback;
        if (!n->is_boolean()) fail(n, std::string("'") + key + "' must be true or false");
        return n->as_boolean()->get();
    }

    void read_source(const toml::table& t, SourceSpec& spec, const std::string& section, bool allow_list) const
    {
        spec.line = t.source().begin ? static_cast<int>(t.source().begin.line) : 0;
        const toml::node* source = t.get("source");
        if (!source) fail(&t, section + " has no 'source'", "add source = \"file.gpkg\" (a path relative to the campaign file)");
        if (source->is_string()) {
            spec.paths.push_back(source->as_string()->get());
        } else if (allow_list && source->is_array()) {
            for (const auto& item : *source->as_array()) {
                if (!item.is_string()) fail(&item, "every entry of 'source' must be a path in quotes");
                spec.paths.push_back(item.as_string()->get());
            }
            if (spec.paths.empty()) fail(source, "'source' is an empty list");
        } else {
            fail(source, "'source' must be a path in quotes" + std::string(allow_list ? " or a list of paths" : ""));
        }
        for (const auto& p : spec.paths)
            if (p.empty()) fail(source, "'source' is empty");
        spec.layer = string(t, "layer");
        spec.where = string(t, "where");
        spec.crs = string(t, "crs");
        spec.coords = string(t, "coords", "wgs84");
        spec.allow_rejects = boolean(t, "allow_rejects", false);
        const auto coords = crs::parse_china_coords(spec.coords);
        if (!coords)
            fail(t.get("coords"), "coords = \"" + spec.coords + "\" is not known",
                 "use \"wgs84\", \"gcj02\" (Amap, Tencent, WeChat exports) or \"bd09\" (Baidu exports)");
        spec.coords = std::string(crs::code(*coords));
    }

    Category category(const toml::table& t, const std::string& section) const
    {
        const toml::node* n = t.get("category");
        if (!n) fail(&t, section + " has no 'category'", "add category = \"village_road\" (one of the ten walk codes)");
        if (!n->is_string()) fail(n, "'category' must be a text in quotes");
        const std::string text = n->as_string()->get();
        if (auto c = parse_category(text)) return *c;
        std::string hint = "use one of:";
        for (const auto& info : all_categories()) hint += " " + std::string(info.code);
        fail(n, "unknown category '" + text + "'", hint);
    }

    const toml::table& table(const toml::node& n, const std::string& section) const
    {
        if (!n.is_table())
            fail(&n, section + " must be a section like [" + section + "]",
                 "write [" + section + "] once, with single brackets: the campaign has one " + section + " block");
        return *n.as_table();
    }

    // Accepts both [x] (one table) and [[x]] (an array of tables).
    std::vector<const toml::table*> tables(const toml::node& n, const std::string& section) const
    {
        std::vector<const toml::table*> out;
        if (n.is_table()) out.push_back(n.as_table());
        else if (n.is_array_of_tables())
            for (const auto& item : *n.as_array()) out.push_back(item.as_table());
        else fail(&n, section + " must be written [[" + section + "]] blocks");
        return out;
    }

private:
    std::filesystem::path m_file;
};

const std::set<std::string> k_source_keys{"source", "layer", "where", "crs", "coords", "allow_rejects"};

std::set<std::string> with(std::set<std::string> keys, std::initializer_list<const char*> more)
{
    for (const char* k : more) keys.insert(k);
    return keys;
}

}  // namespace

const std::vector<std::string>& issue_field_roles()
{
    static const std::vector<std::string> roles{"id",        "category",  "problem", "found", "status",
                                                "responsible", "deadline", "rectified", "accepted", "lon",
                                                "lat",       "wkt"};
    return roles;
}

namespace {

// A value of the campaign file in the kind its option table declares, or the reason it is not.
std::optional<options::Value> toml_value(const options::Spec& spec, const toml::node& n, int utc_offset_minutes)
{
    using options::Kind;
    switch (spec.kind) {
    case Kind::number:
    case Kind::whole:
        if (n.is_integer()) return static_cast<double>(n.as_integer()->get());
        if (n.is_floating_point()) return n.as_floating_point()->get();
        return std::nullopt;
    case Kind::boolean:
        if (n.is_boolean()) return n.as_boolean()->get();
        return std::nullopt;
    case Kind::choice:
    case Kind::text:
        if (n.is_string()) return n.as_string()->get();
        return std::nullopt;
    case Kind::texts: {
        if (!n.is_array()) return std::nullopt;
        std::vector<std::string> items;
        for (const auto& item : *n.as_array()) {
            if (!item.is_string()) return std::nullopt;
            items.push_back(item.as_string()->get());
        }
        return items;
    }
    case Kind::date: {
        // from = 2017-02-20 without quotes is a TOML date, not a text: take it as the date it plainly is.
        std::string text;
        if (const auto* date = n.as_date()) {
            const toml::date& d = date->get();
            char buffer[16];
            std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", static_cast<int>(d.year), static_cast<int>(d.month),
                          static_cast<int>(d.day));
            text = buffer;
        } else if (n.is_string()) {
            text = n.as_string()->get();
        } else {
            return std::nullopt;
        }
        if (const auto stamp = parse_timestamp(text, utc_offset_minutes)) return stamp->seconds;
        return std::nullopt;
    }
    case Kind::by_category: {
        if (!n.is_table()) return std::nullopt;
        std::map<std::string, double> numbers;
        for (const auto& [key, value] : *n.as_table()) {
            if (value.is_integer()) numbers[std::string(key.str())] = static_cast<double>(value.as_integer()->get());
            else if (value.is_floating_point()) numbers[std::string(key.str())] = value.as_floating_point()->get();
            else return std::nullopt;
        }
        return numbers;
    }
    }
    return std::nullopt;
}

std::string expected_kind(const options::Spec& spec)
{
    using options::Kind;
    switch (spec.kind) {
    case Kind::number:
    case Kind::whole: return "must be a number";
    case Kind::boolean: return "must be true or false";
    case Kind::choice:
    case Kind::text: return "must be a text in quotes";
    case Kind::texts: return "must be a list of texts, e.g. [\"a\", \"b\"]";
    case Kind::date: return "is not a date";
    case Kind::by_category: return "must be a table of walk code = metres";
    }
    return {};
}

// One section through its option table: unknown keys, wrong types, ranges and choices are refused at their line.
template <class Options>
void read_section(const Parser& p, const toml::table& t, const options::Table<Options>& table, Options& out,
                  int utc_offset_minutes)
{
    const std::string section = "[" + std::string(table.section()) + "]";
    std::set<std::string> known;
    for (const auto& spec : table.specs())
        if (!spec.key.empty()) known.emplace(spec.key);
    p.check_keys(t, section, known);
    std::vector<std::pair<std::size_t, options::Value>> values;
    for (std::size_t i = 0; i < table.size(); ++i) {
        const options::Spec& spec = table.specs()[i];
        const toml::node* n = spec.key.empty() ? nullptr : t.get(spec.key);
        if (n == nullptr) continue;
        const std::string name = section + " " + std::string(spec.key);
        auto value = toml_value(spec, *n, utc_offset_minutes);
        if (!value)
            p.fail(n, name + (n->is_string() ? " = '" + n->as_string()->get() + "'" : std::string()) + " " +
                          expected_kind(spec),
                   spec.allowed());
        if (auto why = spec.problem(*value)) p.fail(n, name + ": " + *why, spec.allowed());
        values.emplace_back(i, std::move(*value));
    }
    table.apply(out, values);
}

// [[phase]] name, from, to: dates as the option tables read them (TOML dates or text); `to` covers its whole day.
void read_phases(const Parser& p, const toml::node& n, int utc_offset, std::vector<Phase>& out)
{
    options::Spec date_spec;
    date_spec.kind = options::Kind::date;
    for (const toml::table* t : p.tables(n, "phase")) {
        p.check_keys(*t, "[[phase]]", {"name", "from", "to"});
        Phase phase;
        phase.line = t->source().begin ? static_cast<int>(t->source().begin.line) : 0;
        phase.name = p.string(*t, "name");
        if (phase.name.empty()) p.fail(t, "[[phase]] has no 'name'", "add name = \"rectification\" (or 集中整改)");
        double* slots[] = {&phase.from, &phase.to};
        const char* keys[] = {"from", "to"};
        for (int i = 0; i < 2; ++i) {
            const toml::node* d = t->get(keys[i]);
            if (!d) p.fail(t, "[[phase]] " + phase.name + " has no '" + keys[i] + "'", "add " + std::string(keys[i]) + " = 2017-02-20");
            const auto value = toml_value(date_spec, *d, utc_offset);
            if (!value || !std::holds_alternative<double>(*value))
                p.fail(d, "[[phase]] " + std::string(keys[i]) + " is not a date", "write dates as 2017-02-20");
            *slots[i] = std::get<double>(*value);
        }
        phase.to += 86400.0;  // the last day written is part of the phase
        if (!(phase.to > phase.from))
            p.fail(t, "[[phase]] " + phase.name + " ends before it begins", "check 'from' and 'to'");
        out.push_back(std::move(phase));
    }
}

}  // namespace

CampaignSpec parse_campaign_text(const std::string& text, const std::filesystem::path& file)
{
    Parser p(file);
    toml::table root;
    try {
        root = toml::parse(text, file.string());
    } catch (const toml::parse_error& e) {
        Where where = in_file(file.string());
        where.line = static_cast<int>(e.source().begin.line);
        where.column = static_cast<int>(e.source().begin.column);
        // Notepad on a Chinese Windows may save GBK; TOML is UTF-8 only, and toml++ only says "invalid UTF-8".
        if (!CPLIsUTF8(text.data(), static_cast<int>(std::min<std::size_t>(text.size(), INT_MAX))))
            throw InputError("the campaign file is not UTF-8 text (" + std::string(e.description()) + ")", where,
                             "save it again with the encoding UTF-8 (in Notepad: Save As, Encoding: UTF-8)");
        throw InputError(std::string(e.description()), where,
                         "the campaign file must be TOML; see data/sample/campaign.toml for a complete example");
    }

    CampaignSpec spec;
    spec.file = std::filesystem::absolute(file);
    spec.base_dir = spec.file.parent_path();
    p.check_keys(root, "the campaign file",
                 {"campaign", "villages", "network", "sites", "tracks", "issues", "coverage", "hotspots", "plan", "access",
                  "register", "phase"});

    if (const toml::node* n = root.get("campaign")) {
        const auto& t = p.table(*n, "campaign");
        p.check_keys(t, "[campaign]", {"name", "crs", "timezone", "fix_swapped", "lang"});
        spec.name = p.string(t, "name");
        spec.crs = p.string(t, "crs", "auto");
        spec.timezone = p.string(t, "timezone", "+08:00");
        spec.fix_swapped = p.boolean(t, "fix_swapped", false);
        spec.lang = p.string(t, "lang");
        if (!spec.lang.empty() && spec.lang != "zh" && spec.lang != "en")
            p.fail(t.get("lang"), "lang = \"" + spec.lang + "\" is not known",
                   "use lang = \"zh\" or \"en\", or leave it out: Chinese when most village names are Chinese");
    }
    if (spec.name.empty()) spec.name = file.stem().string();

    const int utc_offset = spec.utc_offset_minutes();
    if (const toml::node* n = root.get("coverage"))
        read_section(p, p.table(*n, "coverage"), coverage::coverage_option_table(), spec.coverage, utc_offset);
    if (const toml::node* n = root.get("hotspots"))
        read_section(p, p.table(*n, "hotspots"), hotspot::hotspot_option_table(), spec.hotspots, utc_offset);
    if (const toml::node* n = root.get("plan")) {
        spec.plan.emplace();
        read_section(p, p.table(*n, "plan"), route::plan_option_table(), *spec.plan, utc_offset);
    }

    if (const toml::node* n = root.get("register"))
        read_section(p, p.table(*n, "register"), register_option_table(), spec.register_options, utc_offset);
    if (const toml::node* n = root.get("phase")) read_phases(p, *n, utc_offset, spec.phases);

    if (const toml::node* n = root.get("villages")) {
        const auto& t = p.table(*n, "villages");
        p.check_keys(t, "[villages]", with(k_source_keys, {"name_field"}));
        VillagesSpec v;
        p.read_source(t, v, "[villages]", false);
        v.name_field = p.string(t, "name_field");
        spec.villages = v;
    }
    if (const toml::node* n = root.get("network")) {
        for (const toml::table* t : p.tables(*n, "network")) {
            p.check_keys(*t, "[[network]]", with(k_source_keys, {"category", "sight_m"}));
            NetworkSpec s;
            p.read_source(*t, s, "[[network]]", true);
            s.category = p.category(*t, "[[network]]");
            if (t->get("sight_m")) s.sight_m = p.number(*t, "sight_m", 30, 0.1, 5000);
            spec.network.push_back(s);
        }
    }
    if (const toml::node* n = root.get("access")) {
        for (const toml::table* t : p.tables(*n, "access")) {
            p.check_keys(*t, "[[access]]", with(k_source_keys, {"category", "sight_m"}));
            NetworkSpec s;
            p.read_source(*t, s, "[[access]]", true);
            if (t->get("category")) s.category = p.category(*t, "[[access]]");
            spec.access.push_back(s);
        }
    }
    if (const toml::node* n = root.get("sites")) {
        for (const toml::table* t : p.tables(*n, "sites")) {
            p.check_keys(*t, "[[sites]]", with(k_source_keys, {"category", "name_field"}));
            SitesSpec s;
            p.read_source(*t, s, "[[sites]]", true);
            s.category = p.category(*t, "[[sites]]");
            s.name_field = p.string(*t, "name_field");
            spec.sites.push_back(s);
        }
    }
    if (const toml::node* n = root.get("tracks")) {
        for (const toml::table* t : p.tables(*n, "tracks")) {
            p.check_keys(*t, "[tracks]",
                         with(k_source_keys, {"name_field", "walker_field", "time_field", "accuracy_field", "track_field",
                                              "max_accuracy_m", "max_speed_mps", "max_gap_min", "speed_window_s",
                                              "speed_window_m"}));
            TracksSpec s;
            p.read_source(*t, s, "[tracks]", true);
            s.name_field = p.string(*t, "name_field");
            s.walker_field = p.string(*t, "walker_field");
            s.time_field = p.string(*t, "time_field");
            s.accuracy_field = p.string(*t, "accuracy_field");
            s.track_field = p.string(*t, "track_field");
            s.max_accuracy_m = p.number(*t, "max_accuracy_m", 30.0, 1.0, 10000.0);
            s.max_speed_mps = p.number(*t, "max_speed_mps", 4.0, 0.1, 1000.0);
            s.max_gap_min = p.number(*t, "max_gap_min", 10.0, 0.1, 100000.0);
            // Defaults from TracksSpec (which takes them from the cleaning options). 0 and 0 judge speed fix to fix.
            s.speed_window_s = p.number(*t, "speed_window_s", s.speed_window_s, 0.0, 3600.0);
            s.speed_window_m = p.number(*t, "speed_window_m", s.speed_window_m, 0.0, 10000.0);
            spec.tracks.push_back(s);
        }
    }
    if (const toml::node* n = root.get("issues")) {
        const auto& t = p.table(*n, "issues");
        p.check_keys(t, "[issues]", with(k_source_keys, {"fields"}));
        IssuesSpec s;
        p.read_source(t, s, "[issues]", false);
        if (const toml::node* f = t.get("fields")) {
            const auto& ft = p.table(*f, "issues.fields");
            const auto& roles = issue_field_roles();
            p.check_keys(ft, "[issues.fields]", std::set<std::string>(roles.begin(), roles.end()));
            for (const auto& [key, value] : ft) s.fields[std::string(key.str())] = p.string(ft, std::string(key.str()).c_str());
        }
        spec.issues = s;
    }
    if (!spec.villages)
        throw InputError("the campaign has no [villages] section", in_file(file.string()),
                         "add [villages] with source = \"…\" naming the village boundary polygons");
    return spec;
}

int CampaignSpec::utc_offset_minutes() const { return parse_utc_offset(timezone).value_or(480); }

CampaignSpec read_campaign_file(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw InputError("cannot open the campaign file", in_file(file.string()),
                         "check the path; `geowalk demo --out DIR` writes a complete example campaign.toml");
    std::stringstream ss;
    ss << in.rdbuf();
    return parse_campaign_text(ss.str(), file);
}

}  // namespace geo::campaign

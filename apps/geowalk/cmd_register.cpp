#include "args.hpp"
#include "command.hpp"
#include "option_flags.hpp"
#include "progress.hpp"
#include "register_tables.hpp"

#include "libgeo/campaign/campaign_file.hpp"
#include "libgeo/core/datetime.hpp"
#include "libgeo/core/error.hpp"
#include "libgeo/crs/local_crs.hpp"
#include "libgeo/load/register_rows.hpp"
#include "libgeo/normalise/village_index.hpp"
#include "libgeo/register/apply.hpp"
#include "libgeo/register/queries.hpp"
#include "libgeo/register/replay.hpp"
#include "libgeo/register_export/day_forms.hpp"
#include "libgeo/register_export/export_all.hpp"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <iostream>

namespace geowalk {

namespace {

using geo::reg::Field;

std::string now_text(int utc_offset_minutes)
{
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    return geo::format_local_time(static_cast<double>(std::chrono::duration_cast<std::chrono::seconds>(now).count()),
                                  utc_offset_minutes);
}

std::string user_name(const Args& args)
{
    if (args.has("by")) return args.get("by");
    const char* user = std::getenv("USER");
    return user && *user ? user : "geowalk";
}

struct Opened {
    geo::campaign::CampaignSpec spec;
    std::string location;
};

Opened open_campaign(const Args& args)
{
    Opened o{geo::campaign::read_campaign_file(args.positional().at(1)), {}};
    apply_flags(args, geo::campaign::register_option_table(), o.spec.register_options, o.spec.utc_offset_minutes());
    o.location = geo::campaign::store_location(o.spec.register_options, o.spec.base_dir.string(), o.spec.file.string());
    return o;
}

bool already_imported(const std::string& location, const std::string& file)
{
    std::optional<geo::reg::Store> store;
    try {
        store.emplace(geo::reg::Store::open(location, std::nullopt));
    } catch (const geo::InputError&) {
        return false;  // no register yet (or none that opens: the import itself will say why)
    }
    const auto last = store->last_import(std::filesystem::path(file).filename().string());
    return last && last->hash == geo::load::file_sha256(file);
}

int run_import(const Args& args)
{
    const auto& p = args.positional();
    if (p.size() < 3) throw geo::UsageError("register import needs a campaign file and at least one file", {}, "geowalk register import CAMPAIGN.toml FILE…");
    const Opened o = open_campaign(args);
    for (std::size_t i = 2; i < p.size(); ++i) {
        // The bytes of the file's last import: nothing to read (apply_rows checks it again under the lock).
        if (std::filesystem::exists(p[i]) && already_imported(o.location, p[i])) {
            std::cout << p[i] << ": the same bytes as its last import: nothing to do\n";
            continue;
        }
        const auto rows = geo::load::read_register_rows(o.spec, p[i], args.get("coords"));
        auto store = geo::reg::Store::open(o.location, rows.crs_wkt);
        geo::reg::ApplyOptions options{rows.file_name, rows.hash, user_name(args), now_text(o.spec.utc_offset_minutes()),
                                       o.spec.utc_offset_minutes(), o.spec.register_options.lookback_days, true};
        const auto summary = geo::reg::apply_rows(store, rows.rows, options, static_cast<long long>(rows.rejected.size()));
        std::cout << import_report(p[i], summary, rows.rejected);
    }
    return 0;
}

int run_update(const Args& args)
{
    const auto& p = args.positional();
    if (p.size() != 3 || !args.has("by"))
        throw geo::UsageError("register update needs a campaign file, an issue id and --by", {},
                              "geowalk register update CAMPAIGN.toml ID --status rectified --by 张三");
    if (args.has("deadline") != args.has("reason"))
        throw geo::UsageError("--deadline and --reason go together: a deadline moves only with a reason", {},
                              "--deadline 2017-03-20 --reason \"雨雪天气\"");
    const Opened o = open_campaign(args);
    const int offset = o.spec.utc_offset_minutes();
    auto store = geo::reg::Store::open(o.location, std::nullopt);
    const std::string now = now_text(offset);
    geo::reg::IncomingRow row;
    row.record.id = p[2];
    row.row = "the command line";
    row.note = args.get("note");
    row.deadline_reason = args.get("reason");
    if (args.has("status")) {
        const auto status = geo::reg::parse_status(args.get("status"));
        if (!status)
            throw geo::UsageError("--status " + args.get("status") + " is not known", {},
                                  "use found, assigned, rectifying, rectified, accepted, rebounded or withdrawn (or 发现, 交办, 整改中, 已整改, 验收合格, 反弹, 撤销)");
        row.record.set(Field::status, std::string(geo::reg::code(*status)));
    }
    if (args.has("deadline")) {
        const auto t = geo::parse_timestamp(args.get("deadline"), offset);
        if (!t) throw geo::UsageError("--deadline " + args.get("deadline") + " is not a date", {}, "write it as 2017-03-20");
        row.record.set(Field::deadline, geo::format_local_time(t->seconds, offset));
    }
    if (args.has("unit")) row.record.set(Field::unit, args.get("unit"));
    if (args.has("person")) row.record.set(Field::person, args.get("person"));
    const auto issues = store.read_issues();
    const auto it = issues.find(row.record.id);
    if (it == issues.end())
        throw geo::InputError("the register has no issue '" + row.record.id + "'", geo::in_file(o.location),
                              "check the id with geowalk register list CAMPAIGN");
    // Reaching rectified or accepted records when, unless the register already knows.
    const auto& before = it->second.record;
    const auto to = row.record.status();
    if (args.has("status") && to == geo::reg::Status::rectified && before.get(Field::rectified_at).empty())
        row.record.set(Field::rectified_at, now);
    if (args.has("status") && to == geo::reg::Status::accepted && before.get(Field::accepted_at).empty())
        row.record.set(Field::accepted_at, now);
    if (args.has("looked-back")) row.record.set(Field::lookback_at, now);
    if (to == geo::reg::Status::accepted && args.has("note")) row.record.set(Field::acceptance_note, args.get("note"));
    geo::reg::ApplyOptions options{"command", {}, args.get("by"), now, offset, o.spec.register_options.lookback_days, false};
    const auto summary = geo::reg::apply_rows(store, {row}, options);
    if (!summary.problems.empty())
        throw geo::InputError("issue " + row.record.id + " cannot change so: " + summary.problems.front().reason,
                              geo::in_file(o.location), "geowalk register history CAMPAIGN " + row.record.id + " shows its life so far");
    std::cout << row.record.id << ": " << summary.changed_fields << " fields changed\n";
    return 0;
}

int run_list(const Args& args)
{
    if (args.positional().size() != 2) throw geo::UsageError("register list needs a campaign file", {}, "geowalk register list CAMPAIGN.toml");
    const Opened o = open_campaign(args);
    auto store = geo::reg::Store::open(o.location, std::nullopt);
    const auto issues = store.read_issues();
    geo::reg::ListFilter filter;
    filter.village = args.get("village");
    if (args.has("status")) {
        filter.status = geo::reg::parse_status(args.get("status"));
        if (!filter.status) throw geo::UsageError("--status " + args.get("status") + " is not known", {}, "use a status code or its Chinese label");
    }
    filter.overdue = args.has("overdue");
    filter.due_lookback = args.has("due-lookback");
    const auto now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch());
    filter.as_of = static_cast<double>(now.count());
    std::cout << issue_list_table(geo::reg::select(issues, filter, o.spec.utc_offset_minutes()));
    return 0;
}

int run_history(const Args& args)
{
    if (args.positional().size() != 3) throw geo::UsageError("register history needs a campaign file and an issue id", {}, "geowalk register history CAMPAIGN.toml ID");
    const Opened o = open_campaign(args);
    auto store = geo::reg::Store::open(o.location, std::nullopt);
    const auto rows = store.read_history(args.positional()[2]);
    if (rows.empty())
        throw geo::InputError("the register has no issue '" + args.positional()[2] + "'", geo::in_file(o.location),
                              "check the id with geowalk register list CAMPAIGN");
    std::cout << history_table(rows);
    return 0;
}

int run_check(const Args& args)
{
    if (args.positional().size() != 2) throw geo::UsageError("register check needs a campaign file", {}, "geowalk register check CAMPAIGN.toml");
    const Opened o = open_campaign(args);
    auto store = geo::reg::Store::open(o.location, std::nullopt);
    const geo::Campaign villages = geo::load::load_villages_only(o.spec);
    const geo::normalise::VillageIndex index(villages.villages);
    const geo::crs::Transformer to_local("EPSG:4326", villages.crs.wkt);
    const auto village_at = [&](double lon, double lat) {
        double x = lon, y = lat;
        if (!to_local.transform(x, y)) return std::string();
        const int v = index.locate(geo::Point(x, y));
        return v < 0 ? std::string() : villages.villages.at(static_cast<std::size_t>(v)).name;
    };
    const auto report = geo::reg::check(store, o.spec.register_options.lookback_days, village_at);
    std::cout << report.issues << " issues, " << report.history_rows << " history rows, " << report.conflicts
              << " conflicts kept for review\n";
    for (const auto& p : report.problems) std::cout << "  " << p << "\n";
    if (!report.problems.empty())
        throw geo::InputError(std::to_string(report.problems.size()) + " problems in the register", geo::in_file(o.location),
                              "the history is the record: report this register with the lines above");
    std::cout << "history and current state agree; every issue lies in its village; ids are unique\n";
    return 0;
}

int run_export(const Args& args)
{
    if (args.positional().size() != 2 || !args.has("day") || !args.has("out"))
        throw geo::UsageError("register export needs a campaign file, --day and --out", {},
                              "geowalk register export CAMPAIGN.toml --day 2017-02-20 --out forms/");
    const std::string lang = args.has("lang") ? args.get("lang") : "zh";
    if (lang != "zh" && lang != "en") throw geo::UsageError("--lang " + lang + " is not known", {}, "use --lang zh or --lang en");
    const Opened o = open_campaign(args);
    auto store = geo::reg::Store::open(o.location, std::nullopt);
    const geo::Campaign villages = geo::load::load_villages_only(o.spec);
    const auto forms = geo::reg::day_forms(store.read_issues(), villages.villages, args.get("day"));
    geo::reg::ExportOptions options;
    options.lang = lang == "en" ? geo::reg::Lang::en : geo::reg::Lang::zh;
    options.campaign = o.spec.name;
    ProgressBar bar = ProgressBar::for_terminal();
    bar.enabled = bar.enabled && !args.has("quiet");
    const auto written = geo::reg::export_registers(forms.villages, args.get("out"), options,
                                                    {progress_callback, &bar, "the register export"});
    std::size_t of_day = 0, in_register = 0;
    for (const auto& v : forms.villages) {
        of_day += v.rows_of_day.size();
        in_register += v.rows_cumulative.size();
    }
    std::cout << forms.villages.size() << " villages: " << of_day << " issues found on " << args.get("day") << ", "
              << in_register << " in the registers up to that day; " << written.files.size() << " files ("
              << written.pdf_pages << " PDF pages) in " << args.get("out") << "\n";
    if (forms.outside_villages > 0)
        std::cout << forms.outside_villages << " issues lie in no village of the campaign and are on no form: "
                  << "geowalk register check CAMPAIGN names them\n";
    return 0;
}

class RegisterCommand : public Command {
public:
    std::string name() const override { return "register"; }
    std::string summary() const override { return "the rectification register: import, update, list, history, check, export"; }
    std::string about() const override
    {
        return std::string(R"(Usage: geowalk register VERB CAMPAIGN.toml …
  geowalk register import  CAMPAIGN.toml FILE… [--coords wgs84|gcj02|bd09] [--by NAME]
  geowalk register update  CAMPAIGN.toml ID --by NAME [--status S] [--note TEXT] [--deadline DATE --reason TEXT]
                                           [--unit UNIT] [--person NAME] [--looked-back]
  geowalk register list    CAMPAIGN.toml [--village NAME] [--status S] [--overdue] [--due-lookback]
  geowalk register history CAMPAIGN.toml ID
  geowalk register check   CAMPAIGN.toml
  geowalk register export  CAMPAIGN.toml --day YYYY-MM-DD --out DIR [--lang zh|en]

The register (问题台账) keeps every problem's life: found → assigned → rectifying → rectified → accepted, rebounded,
withdrawn. Every change is a history row (field, old and new value, when with its UTC offset, by whom, from which
file or command); nothing is ever deleted. It is kept where [register] store says: a GeoPackage (default:
register.gpkg beside the campaign file) or PostgreSQL ("PG:host=… dbname=… user=…", password from PGPASSWORD or
~/.pgpass).

import merges field uploads by issue id: CSV (UTF-8 or GBK), XLSX, GeoPackage or GeoJSON from QField, ODK/KoBo CSV
exports (a geopoint column "lat lon alt acc"), the columns found as for [issues]. New ids are added; changed fields
become history; an empty cell changes nothing; a field the register changed since the file's last import is kept
for review in the conflicts table, never overwritten; a row that breaks a rule (acceptance before rectification, a
deadline moved without a 延期原因, a status going back) is listed and not applied; the same file again changes
nothing. One transaction per file: an import that is interrupted leaves the register as it was.

Exit status: 0 done (rows not applied are listed), 1 a file, the register or a rule must be fixed, 2 bad usage.

Options:
  --coords C             import: the uploads' coordinates (wgs84, gcj02, bd09); default: [issues] coords
  --by NAME              who makes the change (import: default the login name)
  --status S             update: the new status; list: only issues with this status
  --note TEXT            update: a note kept on the history rows (an acceptance's note)
  --deadline DATE        update: a new deadline (with --reason)
  --reason TEXT          update: why the deadline moves
  --unit UNIT            update: the responsible unit
  --person NAME          update: the responsible person
  --looked-back          update: the look-back (回头看) is done now
  --village NAME         list: only this village
  --overdue              list: only issues whose deadline has passed without rectification
  --due-lookback         list: only accepted issues whose look-back is due
  --day YYYY-MM-DD       export: the day whose forms are printed: each village's transfer list (问题交办清单, the
                         issues found that day) and its register (问题台账, every issue found up to that day), as
                         XLSX for printing, CSV (UTF-8 with BOM) and one PDF with a page per village
  --out DIR              export: the folder; earlier days' files in it are kept
  --lang zh|en           export: the forms' language (default zh)
)") + flags_help(geo::campaign::register_option_table());
    }
    Flags flags() const override
    {
        Flags f{{"coords", "by", "status", "note", "deadline", "reason", "unit", "person", "village", "day", "out", "lang"},
                {"overdue", "due-lookback", "looked-back"}, false, false};
        add_flags(geo::campaign::register_option_table(), f.valued, f.switches);
        return f;
    }
    int execute(const Args& args) override
    {
        const auto& p = args.positional();
        if (p.size() < 2) throw geo::UsageError("register needs a verb and a campaign file", {}, "geowalk register list CAMPAIGN.toml");
        const std::string& verb = p.front();
        if (verb == "import") return run_import(args);
        if (verb == "update") return run_update(args);
        if (verb == "list") return run_list(args);
        if (verb == "history") return run_history(args);
        if (verb == "check") return run_check(args);
        if (verb == "export") return run_export(args);
        throw geo::UsageError("register " + verb + ": no such verb", {}, "use import, update, list, history, check or export");
    }
};

}  // namespace

std::unique_ptr<Command> make_register_command() { return std::make_unique<RegisterCommand>(); }

}  // namespace geowalk

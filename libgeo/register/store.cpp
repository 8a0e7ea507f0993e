#include "libgeo/register/store.hpp"

#include "libgeo/core/datetime.hpp"
#include "libgeo/core/error.hpp"
#include "libgeo/handles/gdal_errors.hpp"
#include "libgeo/handles/wkt.hpp"

#include <cpl_string.h>

#include <charconv>
#include <cmath>
#include <filesystem>
#include <unistd.h>

namespace geo::reg {

namespace {

// The key of the advisory lock every geowalk register writer takes on PostgreSQL ("geowalk" in ASCII, truncated).
constexpr const char* k_pg_lock = "SELECT pg_advisory_xact_lock(7452140131)";

const char* const k_history_fields[] = {"issue_id", "field", "old_value", "new_value", "changed_at",
                                        "changed_by", "source", "note"};
const char* const k_import_texts[] = {"file", "hash", "imported_at", "imported_by"};
const char* const k_import_counts[] = {"rows", "added", "changed", "conflicts", "rejected", "history_seen"};
const char* const k_conflict_fields[] = {"issue_id", "field", "register_value", "file_value", "file", "row",
                                         "detected_at"};

bool is_pg_location(const std::string& s) { return s.rfind("PG:", 0) == 0 || s.rfind("pg:", 0) == 0; }

Where at(const std::string& location, const char* table = "")
{
    // A PG: connection names no file; the message still says which register.
    return in_file(is_pg_location(location) ? "the PostgreSQL register" : location, table);
}

void add_field(OGRLayer& layer, const char* name, OGRFieldType type, const std::string& location)
{
    OGRFieldDefn defn(name, type);
    if (layer.CreateField(&defn) != OGRERR_NONE)
        throw OutputError(std::string("cannot create the register's field ") + name, at(location, layer.GetName()),
                          "check that the store is writable");
}

OGRLayer& create_table(GDALDataset& ds, const char* name, const OGRSpatialReference* srs, OGRwkbGeometryType type,
                       const std::string& location)
{
    CPLStringList options;
    options.SetNameValue("FID", "fid");
    if (type != wkbNone) options.SetNameValue("GEOMETRY_NAME", "geom");
    GdalErrorTrap errors;
    OGRLayer* layer = ds.CreateLayer(name, const_cast<OGRSpatialReference*>(srs), type, options.List());
    if (!layer)
        throw OutputError(std::string("cannot create the register's table ") + name + ": " + errors.message(),
                          at(location), "check that the store is writable (and, on PostgreSQL, that PostGIS is installed)");
    return *layer;
}

std::string text_of(OGRFeature& f, const char* field)
{
    const int i = f.GetFieldIndex(field);
    return i >= 0 && f.IsFieldSetAndNotNull(i) ? std::string(f.GetFieldAsString(i)) : std::string();
}

void set_text(OGRFeature& f, const char* field, const std::string& value)
{
    if (value.empty()) f.SetFieldNull(f.GetFieldIndex(field));
    else f.SetField(field, value.c_str());
}

std::optional<double> number_of(const std::string& text)
{
    double v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(v)) return std::nullopt;
    return v;
}

}  // namespace

std::string lookback_due(const Record& record, double days, int fallback_offset_minutes)
{
    if (record.status() != Status::accepted) return {};
    const std::string& accepted = record.get(Field::accepted_at);
    if (accepted.empty()) return {};
    const auto t = parse_timestamp(accepted, fallback_offset_minutes);
    if (!t) return {};
    // The date in the offset accepted_at was written in (the register writes every time with one).
    int offset = fallback_offset_minutes;
    if (accepted.size() >= 6) {
        if (const auto o = parse_utc_offset(accepted.substr(accepted.size() - 6))) offset = *o;
    }
    return format_local_date(t->seconds + days * 86400.0, offset);
}

Store Store::open(const std::string& location, const std::optional<std::string>& create_crs_wkt)
{
    Store s;
    s.m_location = location;
    s.m_pg = is_pg_location(location);
    GdalErrorTrap errors;
    const bool exists = s.m_pg || std::filesystem::exists(location);
    if (exists) {
        s.m_ds.reset(GDALDataset::Open(location.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        if (!s.m_ds)
            throw InputError("cannot open the register: " + errors.message(), at(location),
                             s.m_pg ? "check the connection (host, dbname, user; the password in PGPASSWORD or "
                                      "~/.pgpass) and that the server runs"
                                    : "check the [register] store path; the file may be damaged");
    }
    const bool has_schema = s.m_ds && s.m_ds->GetLayerByName("schema_version") != nullptr;
    if (!has_schema) {
        if (!create_crs_wkt)
            throw InputError("there is no register yet", at(location),
                             "import the issues first: geowalk register import CAMPAIGN FILE");
        if (s.m_pg) {
            s.create_schema(*create_crs_wkt);
        } else {
            // Built aside and renamed into place, so that a killed creation leaves no half-made register.
            const std::string temp = location + ".creating-" + std::to_string(::getpid());
            {
                GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
                Store t;
                t.m_location = temp;
                t.m_ds.reset(driver->Create(temp.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
                if (!t.m_ds)
                    throw OutputError("cannot create the register: " + errors.message(), at(location),
                                      "check that the folder exists and is writable");
                t.create_schema(*create_crs_wkt);
            }
            std::error_code ec;
            std::filesystem::rename(temp, location, ec);
            if (ec) throw OutputError("cannot create the register: " + ec.message(), at(location));
            s.m_ds.reset(GDALDataset::Open(location.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
            if (!s.m_ds) throw OutputError("cannot open the new register: " + errors.message(), at(location));
        }
    }
    if (!s.m_pg) {
        // Another writer holds the file: wait for it (a minute) rather than fail at once.
        s.m_ds->ReleaseResultSet(s.m_ds->ExecuteSQL("PRAGMA busy_timeout = 60000", nullptr, nullptr));
    }
    s.check_version();
    OGRSpatialReference wgs84;
    wgs84.SetWellKnownGeogCS("WGS84");
    s.m_to_local = std::make_unique<crs::Transformer>(geo::crs_wkt(wgs84), s.crs_wkt());
    return s;
}

Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

std::string Store::crs_wkt() const
{
    OGRLayer* issues = m_ds->GetLayerByName("issues");
    const OGRSpatialReference* srs = issues ? issues->GetSpatialRef() : nullptr;
    if (!srs) throw InputError("the register's issues table has no CRS", at(m_location, "issues"));
    return geo::crs_wkt(*srs);
}

OGRLayer& Store::layer(const char* name)
{
    OGRLayer* l = m_ds->GetLayerByName(name);
    if (!l)
        throw InputError(std::string("the register has no table ") + name, at(m_location),
                         "the store is not a geowalk register, or it is damaged");
    return *l;
}

void Store::create_schema(const std::string& wkt)
{
    OGRSpatialReference srs;
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (srs.importFromWkt(wkt.c_str()) != OGRERR_NONE) throw Error("the campaign CRS cannot be read back");
    // PostgreSQL creates the tables inside the transaction; the GeoPackage is being built aside anyway.
    if (m_pg && m_ds->StartTransaction() != OGRERR_NONE) throw OutputError("cannot start a transaction", at(m_location));
    OGRLayer& issues = create_table(*m_ds, "issues", &srs, wkbPoint, m_location);
    add_field(issues, "issue_id", OFTString, m_location);
    for (Field f : all_fields())
        add_field(issues, std::string(name(f)).c_str(), f == Field::lon || f == Field::lat ? OFTReal : OFTString, m_location);
    add_field(issues, "lookback_due", OFTString, m_location);
    add_field(issues, "updated_at", OFTString, m_location);
    OGRLayer& history = create_table(*m_ds, "history", nullptr, wkbNone, m_location);
    for (const char* f : k_history_fields) add_field(history, f, OFTString, m_location);
    OGRLayer& imports = create_table(*m_ds, "imports", nullptr, wkbNone, m_location);
    for (const char* f : k_import_texts) add_field(imports, f, OFTString, m_location);
    for (const char* f : k_import_counts) add_field(imports, f, OFTInteger64, m_location);
    OGRLayer& conflicts = create_table(*m_ds, "conflicts", nullptr, wkbNone, m_location);
    for (const char* f : k_conflict_fields) add_field(conflicts, f, OFTString, m_location);
    OGRLayer& version = create_table(*m_ds, "schema_version", nullptr, wkbNone, m_location);
    add_field(version, "version", OFTInteger, m_location);
    add_field(version, "written_by", OFTString, m_location);
    OGRFeature row(version.GetLayerDefn());
    row.SetField("version", schema_version);
    row.SetField("written_by", "geowalk");
    if (version.CreateFeature(&row) != OGRERR_NONE) throw OutputError("cannot write the schema version", at(m_location));
    if (m_pg && m_ds->CommitTransaction() != OGRERR_NONE)
        throw OutputError("cannot create the register's tables", at(m_location));
}

void Store::check_version()
{
    OGRLayer& table = layer("schema_version");
    table.ResetReading();
    int version = 0;
    for (auto& f : table) version = std::max(version, f->GetFieldAsInteger("version"));
    if (version > schema_version)
        throw InputError("the register was written by a newer geowalk (schema " + std::to_string(version) +
                             ", this one knows " + std::to_string(schema_version) + ")",
                         at(m_location), "use the newer geowalk, or install it here; this one will not change the register");
    if (version < schema_version) migrate(version);
}

// Schema 1 (the first register) had no conflicts table and no history note; both are added in one transaction.
void Store::migrate(int from)
{
    Transaction t(*this);
    if (from < 2) {
        if (!m_ds->GetLayerByName("conflicts")) {
            OGRLayer& conflicts = create_table(*m_ds, "conflicts", nullptr, wkbNone, m_location);
            for (const char* f : k_conflict_fields) add_field(conflicts, f, OFTString, m_location);
        }
        OGRLayer& history = layer("history");
        if (history.GetLayerDefn()->GetFieldIndex("note") < 0) add_field(history, "note", OFTString, m_location);
    }
    OGRLayer& version = layer("schema_version");
    OGRFeature row(version.GetLayerDefn());
    row.SetField("version", schema_version);
    row.SetField("written_by", ("geowalk (migrated from " + std::to_string(from) + ")").c_str());
    if (version.CreateFeature(&row) != OGRERR_NONE) throw OutputError("cannot write the schema version", at(m_location));
    t.commit();
}

void Store::begin()
{
    GdalErrorTrap errors;
    if (m_ds->StartTransaction() != OGRERR_NONE)
        throw OutputError("cannot start a transaction on the register: " + errors.message(), at(m_location));
    if (m_pg) {
        m_ds->ReleaseResultSet(m_ds->ExecuteSQL(k_pg_lock, nullptr, nullptr));
    } else {
        // Take SQLite's write lock now (a write that changes nothing), before anything is read: two writers that
        // both read first would deadlock on upgrading their locks; this way the second waits for the first.
        m_ds->ReleaseResultSet(m_ds->ExecuteSQL("UPDATE schema_version SET version = version", nullptr, nullptr));
    }
    if (errors.failed())
        throw OutputError("cannot lock the register for writing: " + errors.message(), at(m_location),
                          "another import may be running for a long time; try again when it has finished");
}

void Store::commit()
{
    GdalErrorTrap errors;
    if (m_ds->CommitTransaction() != OGRERR_NONE)
        throw OutputError("cannot commit the changes to the register: " + errors.message(), at(m_location),
                          "nothing was changed; check the disk space and try again");
}

void Store::rollback() { m_ds->RollbackTransaction(); }

Store::Transaction::Transaction(Store& store) : m_store(&store) { m_store->begin(); }
Store::Transaction::~Transaction()
{
    if (m_open) m_store->rollback();
}
void Store::Transaction::commit()
{
    m_store->commit();
    m_open = false;
}

std::map<std::string, StoredIssue> Store::read_issues(std::vector<std::string>* duplicates)
{
    std::map<std::string, StoredIssue> out;
    OGRLayer& issues = layer("issues");
    issues.ResetReading();
    for (auto& f : issues) {
        StoredIssue s;
        s.record.id = text_of(*f, "issue_id");
        s.fid = f->GetFID();
        for (Field field : all_fields()) {
            const int i = f->GetFieldIndex(std::string(name(field)).c_str());
            if (i < 0 || !f->IsFieldSetAndNotNull(i)) continue;
            s.record.set(field, field == Field::lon || field == Field::lat ? coordinate_text(f->GetFieldAsDouble(i))
                                                                            : std::string(f->GetFieldAsString(i)));
        }
        s.lookback_due = text_of(*f, "lookback_due");
        if (const auto* p = dynamic_cast<const OGRPoint*>(f->GetGeometryRef()); p && !p->IsEmpty()) {
            s.x = p->getX();
            s.y = p->getY();
            s.has_point = true;
        }
        if (duplicates && out.count(s.record.id)) duplicates->push_back(s.record.id);
        out[s.record.id] = std::move(s);
    }
    return out;
}

std::vector<HistoryRow> Store::read_history(const std::string& issue_id)
{
    OGRLayer& history = layer("history");
    std::string filter;
    if (!issue_id.empty()) {
        char* quoted = CPLEscapeString(issue_id.c_str(), -1, CPLES_SQL);
        filter = "issue_id = '" + std::string(quoted) + "'";
        CPLFree(quoted);
    }
    history.SetAttributeFilter(filter.empty() ? nullptr : filter.c_str());
    history.ResetReading();
    std::vector<HistoryRow> out;
    for (auto& f : history) {
        HistoryRow r{text_of(*f, "issue_id"), text_of(*f, "field"),    text_of(*f, "old_value"),
                     text_of(*f, "new_value"), text_of(*f, "changed_at"), text_of(*f, "changed_by"),
                     text_of(*f, "source"),    text_of(*f, "note"),      f->GetFID()};
        out.push_back(std::move(r));
    }
    history.SetAttributeFilter(nullptr);
    std::sort(out.begin(), out.end(), [](const HistoryRow& a, const HistoryRow& b) { return a.fid < b.fid; });
    return out;
}

std::vector<ImportRow> Store::read_imports()
{
    OGRLayer& imports = layer("imports");
    imports.ResetReading();
    std::vector<std::pair<long long, ImportRow>> rows;
    for (auto& f : imports) {
        ImportRow r{text_of(*f, "file"), text_of(*f, "hash"), text_of(*f, "imported_at"), text_of(*f, "imported_by")};
        long long* counts[] = {&r.rows, &r.added, &r.changed, &r.conflicts, &r.rejected, &r.history_seen};
        for (std::size_t i = 0; i < std::size(k_import_counts); ++i) *counts[i] = f->GetFieldAsInteger64(k_import_counts[i]);
        rows.emplace_back(f->GetFID(), std::move(r));
    }
    std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<ImportRow> out;
    out.reserve(rows.size());
    for (auto& [fid, r] : rows) out.push_back(std::move(r));
    return out;
}

std::optional<ImportRow> Store::last_import(const std::string& file)
{
    std::optional<ImportRow> last;
    for (auto& r : read_imports())
        if (r.file == file) last = std::move(r);
    return last;
}

long long Store::last_history_fid()
{
    OGRLayer& history = layer("history");
    const std::string sql = "SELECT MAX(fid) AS last FROM history";
    OGRLayer* result = m_ds->ExecuteSQL(sql.c_str(), nullptr, nullptr);
    long long last = 0;
    if (result) {
        OGRFeatureUniquePtr f(result->GetNextFeature());
        if (f && f->IsFieldSetAndNotNull(0)) last = f->GetFieldAsInteger64(0);
        m_ds->ReleaseResultSet(result);
    }
    (void)history;
    return last;
}

std::set<std::pair<std::string, std::string>> Store::changed_since(long long after_fid, const std::string& except_source)
{
    OGRLayer& history = layer("history");
    char* quoted = CPLEscapeString(except_source.c_str(), -1, CPLES_SQL);
    const std::string filter = "fid > " + std::to_string(after_fid) + " AND source <> '" + quoted + "'";
    CPLFree(quoted);
    history.SetAttributeFilter(filter.c_str());
    history.ResetReading();
    std::set<std::pair<std::string, std::string>> out;
    for (auto& f : history) out.emplace(text_of(*f, "issue_id"), text_of(*f, "field"));
    history.SetAttributeFilter(nullptr);
    return out;
}

std::vector<Conflict> Store::read_conflicts()
{
    OGRLayer& conflicts = layer("conflicts");
    conflicts.ResetReading();
    std::vector<Conflict> out;
    for (auto& f : conflicts)
        out.push_back({text_of(*f, "issue_id"), text_of(*f, "field"), text_of(*f, "register_value"),
                       text_of(*f, "file_value"), text_of(*f, "file"), text_of(*f, "row"), text_of(*f, "detected_at")});
    return out;
}

void Store::append_history(const std::vector<HistoryRow>& rows)
{
    OGRLayer& history = layer("history");
    OGRFeature f(history.GetLayerDefn());
    for (const auto& r : rows) {
        const std::string* values[] = {&r.issue_id,   &r.field,      &r.old_value, &r.new_value,
                                       &r.changed_at, &r.changed_by, &r.source,    &r.note};
        for (std::size_t i = 0; i < std::size(k_history_fields); ++i) set_text(f, k_history_fields[i], *values[i]);
        f.SetFID(OGRNullFID);
        if (history.CreateFeature(&f) != OGRERR_NONE)
            throw OutputError("cannot append to the register's history", at(m_location, "history"));
    }
}

void Store::write_issue(const Record& record, long long fid, double lookback_days, const std::string& updated_at)
{
    OGRLayer& issues = layer("issues");
    OGRFeature f(issues.GetLayerDefn());
    set_text(f, "issue_id", record.id);
    for (Field field : all_fields()) {
        const std::string& v = record.get(field);
        const std::string column(name(field));
        if (field == Field::lon || field == Field::lat) {
            if (const auto d = number_of(v)) f.SetField(column.c_str(), *d);
            else f.SetFieldNull(f.GetFieldIndex(column.c_str()));
        } else {
            set_text(f, column.c_str(), v);
        }
    }
    set_text(f, "lookback_due", lookback_due(record, lookback_days));
    set_text(f, "updated_at", updated_at);
    const auto lon = number_of(record.get(Field::lon));
    const auto lat = number_of(record.get(Field::lat));
    if (lon && lat) {
        double x = *lon, y = *lat;
        if (m_to_local->transform(x, y)) f.SetGeometryDirectly(new OGRPoint(x, y));
    }
    f.SetFID(fid < 0 ? OGRNullFID : fid);
    const OGRErr err = fid < 0 ? issues.CreateFeature(&f) : issues.SetFeature(&f);
    if (err != OGRERR_NONE) throw OutputError("cannot write issue " + record.id + " to the register", at(m_location, "issues"));
}

void Store::add_import(const ImportRow& r)
{
    OGRLayer& imports = layer("imports");
    OGRFeature f(imports.GetLayerDefn());
    const std::string* texts[] = {&r.file, &r.hash, &r.imported_at, &r.imported_by};
    for (std::size_t i = 0; i < std::size(k_import_texts); ++i) set_text(f, k_import_texts[i], *texts[i]);
    const long long counts[] = {r.rows, r.added, r.changed, r.conflicts, r.rejected, r.history_seen};
    for (std::size_t i = 0; i < std::size(k_import_counts); ++i)
        f.SetField(k_import_counts[i], static_cast<GIntBig>(counts[i]));
    if (imports.CreateFeature(&f) != OGRERR_NONE) throw OutputError("cannot record the import", at(m_location, "imports"));
}

void Store::add_conflicts(const std::vector<Conflict>& rows)
{
    OGRLayer& conflicts = layer("conflicts");
    OGRFeature f(conflicts.GetLayerDefn());
    for (const auto& c : rows) {
        const std::string* values[] = {&c.issue_id, &c.field, &c.register_value, &c.file_value,
                                       &c.file,     &c.row,   &c.detected_at};
        for (std::size_t i = 0; i < std::size(k_conflict_fields); ++i) set_text(f, k_conflict_fields[i], *values[i]);
        f.SetFID(OGRNullFID);
        if (conflicts.CreateFeature(&f) != OGRERR_NONE)
            throw OutputError("cannot record a conflict", at(m_location, "conflicts"));
    }
}

}  // namespace geo::reg

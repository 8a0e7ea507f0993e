#pragma once
// The register's store, through GDAL/OGR only, so that the same code keeps it in a GeoPackage (one file beside the
// campaign) or in PostgreSQL/PostGIS (a district's database): tables
//   issues          the current state, one row per issue, a point in the campaign's local CRS plus lon/lat WGS 84
//   history         every change ever made, append-only (issue_id, field, old_value, new_value, changed_at with its
//                   UTC offset, changed_by, source = file or command, note)
//   imports         every import: file name, content hash, time, counts, the last history row it saw
//   conflicts       edits of an import that clashed with a change made in the register since, kept for review
//   schema_version  the schema's version: a newer one is refused, an older one migrated in a transaction
// Nothing is ever deleted. Writers take a lock first (PostgreSQL: a transaction-scoped advisory lock; GeoPackage:
// SQLite's write lock, waited for through its busy timeout), so that two imports never interleave.
#include "libgeo/crs/local_crs.hpp"
#include "libgeo/register/history.hpp"
#include "libgeo/register/record.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace geo::reg {

inline constexpr int schema_version = 2;

struct StoredIssue {
    Record record;
    long long fid = -1;
    std::string lookback_due;  // derived: accepted_at + lookback_days, empty when not accepted
    double x = 0, y = 0;       // the stored point, in the local CRS
    bool has_point = false;
};

struct ImportRow {
    std::string file;        // the file's name (uploads keep their names from day to day)
    std::string hash;        // SHA-256 of its bytes
    std::string imported_at;
    std::string imported_by;
    long long rows = 0, added = 0, changed = 0, conflicts = 0, rejected = 0;
    long long history_seen = 0;  // the last history row (fid) present when it was imported
};

class Store {
public:
    // Opens the store at `location` (a .gpkg path or "PG:…"), creating it when it does not exist and
    // `create_crs_wkt` is given (the campaign's local CRS). Refuses a newer schema; migrates an older one.
    static Store open(const std::string& location, const std::optional<std::string>& create_crs_wkt);

    Store(Store&&) noexcept;
    Store& operator=(Store&&) noexcept;
    ~Store();

    [[nodiscard]] bool is_postgres() const { return m_pg; }
    [[nodiscard]] const std::string& location() const { return m_location; }
    [[nodiscard]] std::string crs_wkt() const;

    // One write transaction: begin() takes the writer lock (waiting for another writer to finish), commit() makes
    // everything written since visible at once; a Transaction that goes out of scope uncommitted rolls back.
    class Transaction {
    public:
        explicit Transaction(Store& store);
        Transaction(const Transaction&) = delete;
        Transaction& operator=(const Transaction&) = delete;
        ~Transaction();
        void commit();

    private:
        Store* m_store;
        bool m_open = true;
    };

    // duplicates: ids found on more than one row (the map keeps the last); `register check` reports them.
    [[nodiscard]] std::map<std::string, StoredIssue> read_issues(std::vector<std::string>* duplicates = nullptr);
    // Every history row in the order written (of one issue when `issue_id` is given).
    [[nodiscard]] std::vector<HistoryRow> read_history(const std::string& issue_id = {});
    [[nodiscard]] std::optional<ImportRow> last_import(const std::string& file);
    [[nodiscard]] std::vector<ImportRow> read_imports();
    [[nodiscard]] long long last_history_fid();
    // (issue_id, field) of every history row after `after_fid` whose source is not `except_source`.
    [[nodiscard]] std::set<std::pair<std::string, std::string>> changed_since(long long after_fid,
                                                                             const std::string& except_source);
    [[nodiscard]] std::vector<Conflict> read_conflicts();

    void append_history(const std::vector<HistoryRow>& rows);
    // Writes the current state of one issue (a new row when fid < 0). lookback_days derives lookback_due.
    void write_issue(const Record& record, long long fid, double lookback_days, const std::string& updated_at);
    void add_import(const ImportRow& row);
    void add_conflicts(const std::vector<Conflict>& rows);

private:
    Store() = default;
    void begin();
    void commit();
    void rollback();
    OGRLayer& layer(const char* name);
    void create_schema(const std::string& crs_wkt);
    void check_version();
    void migrate(int from);

    GDALDatasetUniquePtr m_ds;
    std::string m_location;
    bool m_pg = false;
    std::unique_ptr<crs::Transformer> m_to_local;  // WGS 84 lon/lat to the layer's CRS
};

// lookback_due of an accepted issue: accepted_at plus `days`, in accepted_at's own offset; empty otherwise.
std::string lookback_due(const Record& record, double days, int fallback_offset_minutes = 480);

}  // namespace geo::reg

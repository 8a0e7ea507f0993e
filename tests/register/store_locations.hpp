#pragma once
// The stores every register test runs on: a GeoPackage in a temporary folder always, and PostgreSQL when
// GEOWALK_TEST_PG holds a connection ("PG:host=127.0.0.1 dbname=… user=…", set by the throw-away cluster script):
// each test then works in a schema of its own, dropped afterwards.
#include "support.hpp"

#include <atomic>
#include <cstdlib>
#include <memory>
#include <stdexcept>
#include <unistd.h>
#include <string>
#include <vector>

namespace geo::test {

// "gpkg" and "pg", whatever the environment: ctest lists the tests when they are built, before scripts/test.sh
// starts the cluster. A "pg" test without GEOWALK_TEST_PG is skipped on a developer's machine and fails under CI.
std::vector<std::string> register_store_kinds();
// In a fixture's SetUp: skips (or, with CI set, fails) a "pg" test when no cluster is named.
#define GEOWALK_REQUIRE_STORE(kind)                                                                                    \
    do {                                                                                                               \
        if ((kind) == "pg" && geo::test::detail::pg_base().empty()) {                                                  \
            if (std::getenv("CI") != nullptr) FAIL() << "GEOWALK_TEST_PG is not set: scripts/test.sh starts a cluster"; \
            GTEST_SKIP() << "GEOWALK_TEST_PG is not set (scripts/pg_cluster.sh start names a throw-away cluster)";      \
        }                                                                                                              \
    } while (false)

// A fresh, empty place for a register of the given kind; removed (folder, or schema) when the object dies.
class StoreLocation {
public:
    explicit StoreLocation(const std::string& kind);
    ~StoreLocation();
    StoreLocation(const StoreLocation&) = delete;
    StoreLocation& operator=(const StoreLocation&) = delete;
    [[nodiscard]] const std::string& location() const { return m_location; }

private:
    std::unique_ptr<TempDir> m_dir;
    std::string m_location;
    std::string m_pg_base, m_schema;
};

namespace detail {

inline std::string pg_base()
{
    const char* pg = std::getenv("GEOWALK_TEST_PG");
    return pg && *pg ? pg : "";
}

inline void pg_sql(const std::string& connection, const std::string& sql)
{
    GDALDatasetUniquePtr ds(GDALDataset::Open(connection.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
    if (!ds) throw std::runtime_error("cannot connect to GEOWALK_TEST_PG: " + connection);
    ds->ReleaseResultSet(ds->ExecuteSQL(sql.c_str(), nullptr, nullptr));
}

}  // namespace detail

inline std::vector<std::string> register_store_kinds()
{
    return {"gpkg", "pg"};
}

inline StoreLocation::StoreLocation(const std::string& kind)
{
    if (kind == "pg" && detail::pg_base().empty()) return;  // the test skips itself (GEOWALK_REQUIRE_STORE)
    if (kind == "pg") {
        static std::atomic<int> counter{0};
        m_pg_base = detail::pg_base();
        m_schema = "geowalk_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
        detail::pg_sql(m_pg_base, "CREATE SCHEMA " + m_schema);
        m_location = m_pg_base + " active_schema=" + m_schema;
    } else {
        m_dir = std::make_unique<TempDir>("geowalk-register");
        m_location = (m_dir->path() / "register.gpkg").string();
    }
}

inline StoreLocation::~StoreLocation()
{
    if (!m_schema.empty()) {
        try {
            detail::pg_sql(m_pg_base, "DROP SCHEMA " + m_schema + " CASCADE");
        } catch (...) {
            // A schema left behind goes with the throw-away cluster.
        }
    }
}

}  // namespace geo::test

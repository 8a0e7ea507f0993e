#pragma once
// RAII for the reentrant GEOS C API. One GeosContext per thread; every GeomPtr remembers the context that made it.
#include <geos_c.h>

#include <memory>
#include <string>

namespace geo {

class GeosContext {
public:
    GeosContext();
    ~GeosContext();
    GeosContext(const GeosContext&) = delete;
    GeosContext& operator=(const GeosContext&) = delete;

    [[nodiscard]] GEOSContextHandle_t get() const { return m_handle; }
    operator GEOSContextHandle_t() const { return m_handle; }  // NOLINT(google-explicit-constructor): C API calls read naturally

    // The last error GEOS reported on this context (empty when none).
    [[nodiscard]] const std::string& last_error() const { return m_last_error; }

private:
    GEOSContextHandle_t m_handle;
    std::string m_last_error;
};

struct GeomDeleter {
    GEOSContextHandle_t ctx = nullptr;
    void operator()(GEOSGeometry* g) const
    {
        if (g) GEOSGeom_destroy_r(ctx, g);
    }
};
using GeomPtr = std::unique_ptr<GEOSGeometry, GeomDeleter>;

// Takes ownership of a geometry returned by a GEOS call; throws geo::Error when GEOS returned null.
GeomPtr own(const GeosContext& ctx, GEOSGeometry* g, const char* operation);

struct PreparedDeleter {
    GEOSContextHandle_t ctx = nullptr;
    void operator()(const GEOSPreparedGeometry* g) const
    {
        if (g) GEOSPreparedGeom_destroy_r(ctx, g);
    }
};
using PreparedPtr = std::unique_ptr<const GEOSPreparedGeometry, PreparedDeleter>;
PreparedPtr prepare(const GeosContext& ctx, const GEOSGeometry* g);

// GEOS predicates return 0, 1, or 2 on error; this turns 2 into an exception.
bool predicate_result(const GeosContext& ctx, char result, const char* operation);

GeomPtr geom_from_wkt(const GeosContext& ctx, const std::string& wkt);
std::string geom_to_wkt(const GeosContext& ctx, const GEOSGeometry* g, int precision = 3);

}  // namespace geo

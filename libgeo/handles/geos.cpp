#include "libgeo/handles/geos.hpp"

#include "libgeo/core/error.hpp"

#include <cstdarg>
#include <cstdio>

namespace geo {

namespace {
void store_error(const char* message, void* userdata)
{
    if (userdata) *static_cast<std::string*>(userdata) = message ? message : "";
}
}  // namespace

GeosContext::GeosContext() : m_handle(GEOS_init_r())
{
    if (!m_handle) throw Error("could not create a GEOS context (out of memory?)");
    GEOSContext_setErrorMessageHandler_r(m_handle, store_error, &m_last_error);
}

GeosContext::~GeosContext() { GEOS_finish_r(m_handle); }

GeomPtr own(const GeosContext& ctx, GEOSGeometry* g, const char* operation)
{
    if (!g) throw Error(std::string("GEOS ") + operation + " failed: " + ctx.last_error());
    return GeomPtr(g, GeomDeleter{ctx.get()});
}

PreparedPtr prepare(const GeosContext& ctx, const GEOSGeometry* g)
{
    const GEOSPreparedGeometry* p = GEOSPrepare_r(ctx, g);
    if (!p) throw Error("GEOS prepare failed: " + ctx.last_error());
    return PreparedPtr(p, PreparedDeleter{ctx.get()});
}

bool predicate_result(const GeosContext& ctx, char result, const char* operation)
{
    if (result == 2) throw Error(std::string("GEOS ") + operation + " failed: " + ctx.last_error());
    return result == 1;
}

GeomPtr geom_from_wkt(const GeosContext& ctx, const std::string& wkt)
{
    GEOSWKTReader* reader = GEOSWKTReader_create_r(ctx);
    GEOSGeometry* g = GEOSWKTReader_read_r(ctx, reader, wkt.c_str());
    GEOSWKTReader_destroy_r(ctx, reader);
    return own(ctx, g, "WKT read");
}

std::string geom_to_wkt(const GeosContext& ctx, const GEOSGeometry* g, int precision)
{
    GEOSWKTWriter* writer = GEOSWKTWriter_create_r(ctx);
    GEOSWKTWriter_setRoundingPrecision_r(ctx, writer, precision);
    GEOSWKTWriter_setTrim_r(ctx, writer, 1);
    char* text = GEOSWKTWriter_write_r(ctx, writer, g);
    GEOSWKTWriter_destroy_r(ctx, writer);
    if (!text) throw Error("GEOS WKT write failed: " + ctx.last_error());
    std::string out(text);
    GEOSFree_r(ctx, text);
    return out;
}

}  // namespace geo

#include "libgeo/handles/wkt.hpp"

#include <cpl_conv.h>

#include <memory>

namespace geo {

namespace {

struct CplFree {
    void operator()(char* text) const { CPLFree(text); }
};

}  // namespace

std::string crs_wkt(const OGRSpatialReference& srs, WktFormat format)
{
    const char* wkt2_options[] = {"FORMAT=WKT2_2019", nullptr};
    char* raw = nullptr;
    const OGRErr err = srs.exportToWkt(&raw, format == WktFormat::wkt2_2019 ? wkt2_options : nullptr);
    const std::unique_ptr<char, CplFree> text(raw);
    return err == OGRERR_NONE && text ? std::string(text.get()) : std::string();
}

}  // namespace geo

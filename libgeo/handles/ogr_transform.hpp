#pragma once
// RAII for OGR coordinate transformations: created through OGR (PROJ underneath), freed with OGR's own
// DestroyCT so that the object is released by the library that allocated it.
#include <ogr_spatialref.h>

#include <memory>

namespace geo {

struct OgrTransformDeleter {
    void operator()(OGRCoordinateTransformation* ct) const { OGRCoordinateTransformation::DestroyCT(ct); }
};
using OgrTransformPtr = std::unique_ptr<OGRCoordinateTransformation, OgrTransformDeleter>;

// A transformation between two CRSs as OGR sees them (set OAMS_TRADITIONAL_GIS_ORDER on both first); null when
// PROJ finds no operation, with the reason in GDAL's error handler.
inline OgrTransformPtr make_transform(const OGRSpatialReference& from, const OGRSpatialReference& to)
{
    return OgrTransformPtr(OGRCreateCoordinateTransformation(&from, &to));
}

}  // namespace geo

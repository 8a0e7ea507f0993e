#pragma once
// An OGR coordinate transformation, released by OGR's own DestroyCT. Create one per source CRS and reuse it:
// PROJ searches its database for the operation on every creation (OGRGeometry::transformTo creates one per call).
#include <ogr_spatialref.h>

#include <memory>

namespace geo {

struct OgrTransformDeleter {
    void operator()(OGRCoordinateTransformation* t) const { OGRCoordinateTransformation::DestroyCT(t); }
};
using OgrTransformPtr = std::unique_ptr<OGRCoordinateTransformation, OgrTransformDeleter>;

}  // namespace geo

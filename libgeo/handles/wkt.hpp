#pragma once
// A CRS as WKT text: OGR allocates the text with CPLMalloc, and it is copied and freed here, in one place.
#include <ogr_spatialref.h>

#include <string>

namespace geo {

enum class WktFormat {
    gdal_default,  // exportToWkt without options: WKT1 in GDAL 3, what GDAL's own drivers write and compare
    wkt2_2019,     // FORMAT=WKT2_2019: every CRS PROJ knows, with its datum ensembles and axis order
};

// The WKT of srs; empty when GDAL cannot write it in that format (GDAL returns "" and an error code then).
std::string crs_wkt(const OGRSpatialReference& srs, WktFormat format = WktFormat::gdal_default);

}  // namespace geo

#pragma once
// Brings one source geometry into the campaign's local metric CRS: range checks, lat/lon swap detection,
// GCJ-02/BD-09 correction, PROJ transform. Every refusal comes back as a reason, never as an exception.
#include "libgeo/core/campaign.hpp"
#include "libgeo/crs/gcj02.hpp"
#include "libgeo/crs/local_crs.hpp"
#include "libgeo/handles/ogr_geometry.hpp"

#include <optional>
#include <string>

namespace geo::normalise {

// Where the campaign lies, in WGS 84 degrees; used to recognise swapped latitude/longitude.
struct LonLatBox {
    double min_lon, min_lat, max_lon, max_lat;
    [[nodiscard]] bool contains(double lon, double lat) const
    {
        return lon >= min_lon && lon <= max_lon && lat >= min_lat && lat <= max_lat;
    }
};

struct SourceCrs {
    std::string definition;   // WKT or "EPSG:4326"
    bool geographic = false;  // coordinates are longitude/latitude degrees
};

struct Outcome {
    std::string reason;  // empty when the geometry was converted
    std::string detail;
    bool swapped = false;  // coordinates were swapped back (fix_swapped = true)
    [[nodiscard]] bool ok() const { return reason.empty(); }
};

class ToLocal {
public:
    ToLocal(SourceCrs source, crs::ChinaCoords coords, const LocalCrs& local, std::optional<LonLatBox> area,
            bool fix_swapped);

    Outcome convert(SourceGeometry& geometry) const;
    [[nodiscard]] const SourceCrs& source() const { return m_source; }

private:
    Outcome check_degrees(SourceGeometry& geometry) const;

    SourceCrs m_source;
    crs::ChinaCoords m_coords;
    std::optional<LonLatBox> m_area;
    bool m_fix_swapped;
    crs::Transformer m_transform;
};

}  // namespace geo::normalise

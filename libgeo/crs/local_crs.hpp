#pragma once
// The one metric CRS every analysis works in, and PROJ transforms into it.
#include "libgeo/core/campaign.hpp"
#include "libgeo/handles/proj.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace geo::crs {

// "auto": the WGS 84 UTM zone of (lon, lat); "cgcs2000": the CGCS2000 3-degree Gauss-Kruger zone (EPSG:4534–4554)
// whose central meridian is nearest; "EPSG:nnnn": that CRS, which must be projected with metre units.
// Throws geo::InputError for anything else.
LocalCrs choose_local_crs(std::string_view spec, double lon, double lat);

int utm_epsg(double lon, double lat);
int cgcs2000_gk3_epsg(double lon);

// A PROJ transformation from a source CRS (any definition PROJ or GDAL can export as WKT) to another CRS,
// always in GIS order (x = easting or longitude, y = northing or latitude).
class Transformer {
public:
    Transformer(const std::string& source_definition, const std::string& target_definition);
    Transformer(Transformer&&) noexcept;
    Transformer& operator=(Transformer&&) noexcept;
    ~Transformer();

    // Transforms in place; returns false when PROJ could not transform any coordinate (values become inf).
    bool transform(std::vector<double>& x, std::vector<double>& y) const;
    bool transform(double& x, double& y) const;

private:
    std::unique_ptr<ProjContext> m_context;
    PjPtr m_pj;
};

}  // namespace geo::crs

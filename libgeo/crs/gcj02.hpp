#pragma once
// The offset coordinate systems of Chinese map apps. Tracks and issues exported from Amap/Tencent/Google China
// come in GCJ-02 ("Mars coordinates"), from Baidu in BD-09; both are WGS84 moved by a few hundred metres by a
// deliberately obscure formula. normalise/ calls to_wgs84 once at load time so everything downstream is WGS84.
//
// All functions take and return degrees, (lon, lat) order — note eviltransform and many Chinese APIs use
// (lat, lng). They are pure and thread-safe.
#include <optional>
#include <string_view>

namespace geo::crs {

enum class ChinaCoords { wgs84, gcj02, bd09 };

struct LonLat {
    double lon;
    double lat;
};

// "wgs84", "gcj02", "bd09" in any case, also with a '-', '_' or ' ' before the digits ("GCJ-02", "WGS 84");
// surrounding spaces are ignored. Anything else is std::nullopt so the caller can name the bad value.
std::optional<ChinaCoords> parse_china_coords(std::string_view text);
// The stable code used in campaign files: "wgs84", "gcj02", "bd09".
std::string_view code(ChinaCoords coords);

// True outside the rough rectangle (lon 72.004..137.8347, lat 0.8293..55.8271) in which the reference
// implementations apply the GCJ-02 offset. The rectangle also covers neighbouring countries; we keep it anyway so
// that data converted by other tools converts back identically here.
bool outside_china(LonLat p);

// GCJ-02 offset (Krasovsky-ellipsoid form); identity outside_china.
LonLat wgs84_to_gcj02(LonLat p);
// Exact inverse of wgs84_to_gcj02 (iterated to < 1e-9 deg, ~0.1 mm), not the common one-step approximation
// that is off by metres; identity outside_china.
LonLat gcj02_to_wgs84(LonLat p);

// Baidu's BD-09 offset on top of GCJ-02 (x_pi = pi * 3000 / 180 form). Baidu's formula has no region test, so
// neither do these.
LonLat gcj02_to_bd09(LonLat p);
// Exact inverse of gcj02_to_bd09: the usual closed-form reverse formula refined by iteration, because on its own
// it is off by up to ~0.2 m.
LonLat bd09_to_gcj02(LonLat p);
LonLat wgs84_to_bd09(LonLat p);
LonLat bd09_to_wgs84(LonLat p);

// Dispatch on a campaign's `coords` setting; wgs84 is the identity.
LonLat to_wgs84(LonLat p, ChinaCoords from);
LonLat from_wgs84(LonLat p, ChinaCoords to);

}  // namespace geo::crs

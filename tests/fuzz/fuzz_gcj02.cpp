// GCJ-02 / BD-09 conversions on arbitrary doubles (NaN, infinities and huge values included: none may crash or
// hit undefined behaviour) and their round trips on real positions: inside China away from the edge of the offset
// rectangle, wgs84 -> gcj02 -> wgs84, gcj02 -> wgs84 -> gcj02 and the same through bd09 return within 1e-8 degrees
// (about a millimetre; the promise in gcj02.hpp is 0.01 m). Near the rectangle's edge the forward map jumps, so no
// inverse can be exact there; those points are only run, not checked.
#include "libgeo/crs/gcj02.hpp"
#include "fuzz_support.hpp"

#include <cmath>
#include <cstring>
#include <string>

namespace {

using geo::crs::LonLat;

constexpr double tolerance_deg = 1e-8;

std::string show(LonLat p)
{
    char buf[96];
    std::snprintf(buf, sizeof buf, "(%.17g, %.17g)", p.lon, p.lat);
    return buf;
}

// Inside the offset rectangle by a margin wider than any offset (BD-09 adds under 0.02 degrees to GCJ-02's ~0.01).
bool well_inside_china(LonLat p)
{
    constexpr double margin = 0.1;
    return p.lon > 72.004 + margin && p.lon < 137.8347 - margin && p.lat > 0.8293 + margin &&
           p.lat < 55.8271 - margin;
}

void expect_close(LonLat got, LonLat want, const char* what, LonLat input)
{
    if (!(std::abs(got.lon - want.lon) <= tolerance_deg && std::abs(got.lat - want.lat) <= tolerance_deg))
        geo::fuzz::fail(what, show(input) + " -> " + show(got));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 2 * sizeof(double)) return 0;
    LonLat raw{};
    std::memcpy(&raw.lon, data, sizeof(double));
    std::memcpy(&raw.lat, data + sizeof(double), sizeof(double));

    // Everything runs on anything.
    for (const auto from : {geo::crs::ChinaCoords::wgs84, geo::crs::ChinaCoords::gcj02, geo::crs::ChinaCoords::bd09}) {
        (void)geo::crs::to_wgs84(raw, from);
        (void)geo::crs::from_wgs84(raw, from);
    }
    (void)geo::crs::gcj02_to_bd09(raw);
    (void)geo::crs::bd09_to_gcj02(raw);

    // Round trips on a position: the raw doubles folded into lon/lat degrees (a uniform spread over China when the
    // fuzzer's bytes are random, the exact raw values when they are already in range).
    if (!std::isfinite(raw.lon) || !std::isfinite(raw.lat)) return 0;
    LonLat p = raw;
    if (std::abs(p.lon) > 180 || std::abs(p.lat) > 90) p = {std::fmod(std::abs(p.lon), 180.0), std::fmod(std::abs(p.lat), 90.0)};
    if (!well_inside_china(p)) {
        (void)geo::crs::gcj02_to_wgs84(geo::crs::wgs84_to_gcj02(p));
        return 0;
    }
    expect_close(geo::crs::gcj02_to_wgs84(geo::crs::wgs84_to_gcj02(p)), p, "wgs84->gcj02->wgs84", p);
    expect_close(geo::crs::wgs84_to_gcj02(geo::crs::gcj02_to_wgs84(p)), p, "gcj02->wgs84->gcj02", p);
    expect_close(geo::crs::bd09_to_gcj02(geo::crs::gcj02_to_bd09(p)), p, "gcj02->bd09->gcj02", p);
    expect_close(geo::crs::gcj02_to_bd09(geo::crs::bd09_to_gcj02(p)), p, "bd09->gcj02->bd09", p);
    expect_close(geo::crs::bd09_to_wgs84(geo::crs::wgs84_to_bd09(p)), p, "wgs84->bd09->wgs84", p);
    expect_close(geo::crs::wgs84_to_bd09(geo::crs::bd09_to_wgs84(p)), p, "bd09->wgs84->bd09", p);
    return 0;
}

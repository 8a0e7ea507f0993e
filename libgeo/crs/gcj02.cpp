#include "libgeo/crs/gcj02.hpp"

#include "libgeo/core/categories.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <numbers>
#include <stdexcept>

namespace geo::crs {

namespace {

constexpr double pi = std::numbers::pi;

// GCJ-02 is officially unpublished; the formula every open implementation uses (eviltransform, gcoord,
// coordtransform) is the reverse-engineered one that has circulated since about 2010. It computes a smooth
// offset in metres and turns it into degrees with the radii of curvature of the Krasovsky 1940 ellipsoid
// (a = 6378245 m, 1/f = 298.3, so e^2 = 2f - f^2), the ellipsoid of the old Beijing 1954 datum.
constexpr double krasovsky_a = 6378245.0;
constexpr double krasovsky_ee = 0.00669342162296594323;

// BD-09 rotates and scales GCJ-02 slightly about (0, 0) and shifts it; the wobble terms use the angle
// pi * 3000 / 180. eviltransform uses plain pi here instead, which lands 10-45 m away from Baidu's own maps.
constexpr double baidu_x_pi = pi * 3000.0 / 180.0;
constexpr double baidu_dlon = 0.0065;
constexpr double baidu_dlat = 0.006;

// The inverses iterate until the forward image is this close to the target: 1e-9 deg is ~0.1 mm, well inside
// the 0.01 m round trip we promise. Convergence is geometric (see invert_by_iteration) so the limit is never
// reached for finite input; it only stops NaN from looping.
constexpr double inverse_tolerance_deg = 1e-9;
constexpr int inverse_max_iterations = 30;

// The offset polynomials take the position relative to (105 E, 35 N), roughly the middle of China.
double offset_north_m(double x, double y)
{
    double m = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * std::sqrt(std::abs(x));
    m += (20.0 * std::sin(6.0 * x * pi) + 20.0 * std::sin(2.0 * x * pi)) * 2.0 / 3.0;
    m += (20.0 * std::sin(y * pi) + 40.0 * std::sin(y / 3.0 * pi)) * 2.0 / 3.0;
    m += (160.0 * std::sin(y / 12.0 * pi) + 320.0 * std::sin(y * pi / 30.0)) * 2.0 / 3.0;
    return m;
}

double offset_east_m(double x, double y)
{
    double m = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * std::sqrt(std::abs(x));
    m += (20.0 * std::sin(6.0 * x * pi) + 20.0 * std::sin(2.0 * x * pi)) * 2.0 / 3.0;
    m += (20.0 * std::sin(x * pi) + 40.0 * std::sin(x / 3.0 * pi)) * 2.0 / 3.0;
    m += (150.0 * std::sin(x / 12.0 * pi) + 300.0 * std::sin(x / 30.0 * pi)) * 2.0 / 3.0;
    return m;
}

// The GCJ-02 offset without the region test: the inverse iterates with it so that a guess stepping just across
// the rectangle's edge is still moved consistently.
LonLat wgs84_to_gcj02_unbounded(LonLat p)
{
    const double north_m = offset_north_m(p.lon - 105.0, p.lat - 35.0);
    const double east_m = offset_east_m(p.lon - 105.0, p.lat - 35.0);
    const double lat_rad = p.lat / 180.0 * pi;
    const double s = std::sin(lat_rad);
    const double w2 = 1.0 - krasovsky_ee * s * s;
    const double w = std::sqrt(w2);
    // Metres per radian north is the meridian radius M = a(1-e^2)/W^3; east it is N cos(lat) with N = a/W.
    const double meridian_radius = (krasovsky_a * (1.0 - krasovsky_ee)) / (w2 * w);
    const double parallel_radius = krasovsky_a / w * std::cos(lat_rad);
    return {p.lon + (east_m * 180.0) / (parallel_radius * pi), p.lat + (north_m * 180.0) / (meridian_radius * pi)};
}

// Solves forward(x) = target. Neither offset has a closed-form inverse, because the offset depends on the very
// point we are solving for. But it varies slowly (its gradient is a few thousandths of a degree per degree), so
// x <- x - (forward(x) - target) is a contraction that gains two to three digits per step: the one-step
// approximation most libraries stop at is still metres off, three or four steps reach 1e-9 deg.
template <typename Forward>
LonLat invert_by_iteration(Forward forward, LonLat target, LonLat guess)
{
    for (int i = 0; i < inverse_max_iterations; ++i) {
        const LonLat image = forward(guess);
        const double dlon = image.lon - target.lon;
        const double dlat = image.lat - target.lat;
        if (std::abs(dlon) < inverse_tolerance_deg && std::abs(dlat) < inverse_tolerance_deg) break;
        guess.lon -= dlon;
        guess.lat -= dlat;
    }
    return guess;
}

struct CoordsName {
    ChinaCoords coords;
    std::string_view code;
    std::string_view letters;  // code = letters + digits; people write a separator between them
    std::string_view digits;
};

constexpr std::array<CoordsName, 3> k_names{{
    {ChinaCoords::wgs84, "wgs84", "wgs", "84"},
    {ChinaCoords::gcj02, "gcj02", "gcj", "02"},
    {ChinaCoords::bd09, "bd09", "bd", "09"},
}};

bool starts_with_ignoring_ascii_case(std::string_view text, std::string_view prefix)
{
    return text.size() >= prefix.size() &&
           std::equal(prefix.begin(), prefix.end(), text.begin(), [](char p, char t) {
               return p == std::tolower(static_cast<unsigned char>(t));
           });
}

}  // namespace

std::optional<ChinaCoords> parse_china_coords(std::string_view text)
{
    text = geo::trim(text);
    for (const auto& name : k_names) {
        if (!starts_with_ignoring_ascii_case(text, name.letters) || !text.ends_with(name.digits)) continue;
        if (text.size() < name.letters.size() + name.digits.size()) continue;
        const std::string_view separator =
            text.substr(name.letters.size(), text.size() - name.letters.size() - name.digits.size());
        if (separator.empty() || separator == "-" || separator == "_" || separator == " ") return name.coords;
    }
    return std::nullopt;
}

std::string_view code(ChinaCoords coords)
{
    for (const auto& name : k_names)
        if (name.coords == coords) return name.code;
    throw std::logic_error("invalid geo::crs::ChinaCoords value");
}

bool outside_china(LonLat p)
{
    return p.lon < 72.004 || p.lon > 137.8347 || p.lat < 0.8293 || p.lat > 55.8271;
}

LonLat wgs84_to_gcj02(LonLat p)
{
    if (outside_china(p)) return p;
    return wgs84_to_gcj02_unbounded(p);
}

LonLat gcj02_to_wgs84(LonLat p)
{
    if (outside_china(p)) return p;
    return invert_by_iteration(wgs84_to_gcj02_unbounded, p, p);
}

LonLat gcj02_to_bd09(LonLat p)
{
    const double radius = std::hypot(p.lon, p.lat) + 0.00002 * std::sin(p.lat * baidu_x_pi);
    const double angle = std::atan2(p.lat, p.lon) + 0.000003 * std::cos(p.lon * baidu_x_pi);
    return {radius * std::cos(angle) + baidu_dlon, radius * std::sin(angle) + baidu_dlat};
}

LonLat bd09_to_gcj02(LonLat p)
{
    // Baidu's reverse formula evaluates the wobble at the BD-09 point instead of the unknown GCJ-02 one; that is
    // a good first guess but up to ~0.2 m off, so refine it against the forward formula.
    const double x = p.lon - baidu_dlon;
    const double y = p.lat - baidu_dlat;
    const double radius = std::hypot(x, y) - 0.00002 * std::sin(y * baidu_x_pi);
    const double angle = std::atan2(y, x) - 0.000003 * std::cos(x * baidu_x_pi);
    const LonLat first_guess{radius * std::cos(angle), radius * std::sin(angle)};
    return invert_by_iteration(gcj02_to_bd09, p, first_guess);
}

LonLat wgs84_to_bd09(LonLat p) { return gcj02_to_bd09(wgs84_to_gcj02(p)); }
LonLat bd09_to_wgs84(LonLat p) { return gcj02_to_wgs84(bd09_to_gcj02(p)); }

LonLat to_wgs84(LonLat p, ChinaCoords from)
{
    switch (from) {
    case ChinaCoords::wgs84: return p;
    case ChinaCoords::gcj02: return gcj02_to_wgs84(p);
    case ChinaCoords::bd09: return bd09_to_wgs84(p);
    }
    throw std::logic_error("invalid geo::crs::ChinaCoords value");
}

LonLat from_wgs84(LonLat p, ChinaCoords to)
{
    switch (to) {
    case ChinaCoords::wgs84: return p;
    case ChinaCoords::gcj02: return wgs84_to_gcj02(p);
    case ChinaCoords::bd09: return wgs84_to_bd09(p);
    }
    throw std::logic_error("invalid geo::crs::ChinaCoords value");
}

}  // namespace geo::crs

#include "libgeo/normalise/to_local.hpp"

#include "libgeo/core/diagnostics.hpp"

#include <cmath>

namespace geo::normalise {

namespace {

bool valid_degrees(double lon, double lat) { return std::abs(lon) <= 180.0 && std::abs(lat) <= 90.0; }

}  // namespace

ToLocal::ToLocal(SourceCrs source, crs::ChinaCoords coords, const LocalCrs& local, std::optional<LonLatBox> area,
                 bool fix_swapped)
    : m_source(std::move(source)), m_coords(coords), m_area(area), m_fix_swapped(fix_swapped),
      m_transform(m_source.definition, local.id)
{
}

Outcome ToLocal::check_degrees(SourceGeometry& g) const
{
    // A geometry is judged as a whole: either all its vertices are plausible, or all become plausible once
    // swapped (a spreadsheet with the two columns exchanged), or it is out of range.
    bool all_valid = true, all_valid_swapped = true, all_in_area = true, all_in_area_swapped = true;
    bool all_zero = true, any_zero = false;
    for_each_vertex(g, [&](Point& p) {
        const double x = p.x(), y = p.y();
        all_valid = all_valid && valid_degrees(x, y);
        all_valid_swapped = all_valid_swapped && valid_degrees(y, x);
        if (m_area) {
            all_in_area = all_in_area && m_area->contains(x, y);
            all_in_area_swapped = all_in_area_swapped && m_area->contains(y, x);
        }
        all_zero = all_zero && x == 0.0 && y == 0.0;
        any_zero = any_zero || (x == 0.0 && y == 0.0);
    });
    if (all_zero)
        return {std::string(reason::null_island), "the coordinates are (0, 0): the device had no position fix", false};
    // One vertex at (0, 0) among real ones would draw a line or polygon thousands of kilometres long.
    if (any_zero && !(m_area && m_area->contains(0.0, 0.0)))
        return {std::string(reason::null_island),
                "a vertex is at (0, 0), far from the others: a position the device did not have", false};
    const bool swapped_likely = (!all_valid && all_valid_swapped) || (m_area && !all_in_area && all_in_area_swapped);
    if (swapped_likely) {
        if (!m_fix_swapped)
            return {std::string(reason::swapped_lat_lon),
                    "latitude and longitude look swapped (the point falls in the campaign area only when exchanged); "
                    "fix the columns, or set fix_swapped = true in [campaign]",
                    false};
        for_each_vertex(g, [](Point& p) { p = Point(p.y(), p.x()); });
        return {{}, "latitude and longitude were swapped and have been exchanged (fix_swapped = true)", true};
    }
    if (!all_valid) {
        std::string detail = "coordinates are not valid longitude/latitude degrees";
        bool looks_projected = false;
        for_each_vertex(g, [&](Point& p) { looks_projected = looks_projected || std::abs(p.x()) > 1000.0; });
        if (looks_projected) detail += " (they look like metres: the file may be projected but declared as WGS 84; set crs = \"EPSG:…\" for the source)";
        return {std::string(reason::out_of_range), detail, false};
    }
    return {};
}

Outcome ToLocal::convert(SourceGeometry& g) const
{
    Outcome outcome;
    if (m_source.geographic) {
        outcome = check_degrees(g);
        if (!outcome.ok()) return outcome;
        if (m_coords != crs::ChinaCoords::wgs84)
            for_each_vertex(g, [&](Point& p) {
                const auto w = crs::to_wgs84({p.x(), p.y()}, m_coords);
                p = Point(w.lon, w.lat);
            });
    }
    std::vector<double> xs, ys;
    for_each_vertex(g, [&](Point& p) {
        xs.push_back(p.x());
        ys.push_back(p.y());
    });
    if (!m_transform.transform(xs, ys))
        return {std::string(reason::transform_failed), "PROJ could not transform the coordinates to the campaign CRS",
                false};
    std::size_t i = 0;
    for_each_vertex(g, [&](Point& p) {
        p = Point(xs[i], ys[i]);
        ++i;
    });
    return outcome;
}

}  // namespace geo::normalise

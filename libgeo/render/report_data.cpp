#include "libgeo/render/report_data.hpp"

#include "libgeo/export/contract.hpp"
#include "libgeo/core/error.hpp"
#include "libgeo/handles/ogr_transform.hpp"

#include <ogr_api.h>
#include <ogr_feature.h>
#include <ogr_geometry.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>
#include <map>

namespace geo::render {

namespace {

using json = nlohmann::ordered_json;  // as the run manifest holds the figures

double number(const json& j, const char* key, double fallback = 0)
{
    const auto it = j.find(key);
    return it != j.end() && it->is_number() ? it->get<double>() : fallback;
}

const json* section(const json& j, const char* key)
{
    const auto it = j.find(key);
    return it != j.end() && it->is_object() ? &*it : nullptr;
}

// Filters set on a layer of the shared GeoPackage are cleared again at scope exit: the maps read the same layers.
class LayerScan {
public:
    explicit LayerScan(OGRLayer* layer) : m_layer(layer) { m_layer->ResetReading(); }
    ~LayerScan()
    {
        m_layer->SetSpatialFilter(nullptr);
        m_layer->SetAttributeFilter(nullptr);
        m_layer->ResetReading();
    }
    LayerScan(const LayerScan&) = delete;
    LayerScan& operator=(const LayerScan&) = delete;
    [[nodiscard]] OGRFeatureUniquePtr next() { return OGRFeatureUniquePtr(m_layer->GetNextFeature()); }

private:
    OGRLayer* m_layer;
};

std::string text_field(const OGRFeature& f, const char* name)
{
    const int i = f.GetFieldIndex(name);
    return i >= 0 && f.IsFieldSetAndNotNull(i) ? std::string(f.GetFieldAsString(i)) : std::string{};
}

std::optional<double> real_field(const OGRFeature& f, const char* name)
{
    const int i = f.GetFieldIndex(name);
    if (i < 0 || !f.IsFieldSetAndNotNull(i)) return std::nullopt;
    const double v = f.GetFieldAsDouble(i);
    return std::isfinite(v) ? std::optional<double>(v) : std::nullopt;
}

// Lon/lat of points of the layer's CRS, reprojected by OGR/PROJ with one transformation per layer.
class ToWgs84 {
public:
    explicit ToWgs84(const OGRSpatialReference* from)
    {
        if (!from) return;
        OGRSpatialReference source(*from), wgs84;
        source.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        wgs84.SetWellKnownGeogCS("WGS84");
        wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        m_transform.reset(OGRCreateCoordinateTransformation(&source, &wgs84));
    }
    [[nodiscard]] std::optional<std::pair<double, double>> operator()(double x, double y) const
    {
        if (!m_transform || !m_transform->Transform(1, &x, &y)) return std::nullopt;
        return std::pair{x, y};
    }

private:
    OgrTransformPtr m_transform;
};

// The point halfway along a line (along its parts in order for a multi-line).
std::optional<std::pair<double, double>> midpoint(const OGRGeometry& g)
{
    std::vector<const OGRLineString*> parts;
    const auto type = wkbFlatten(g.getGeometryType());
    if (type == wkbLineString) parts.push_back(g.toLineString());
    if (type == wkbMultiLineString)
        for (const OGRLineString* part : *g.toMultiLineString()) parts.push_back(part);
    double total = 0;
    for (const auto* part : parts) total += part->get_Length();
    double left = total / 2;
    for (const auto* part : parts) {
        const double length = part->get_Length();
        if (left <= length && length > 0) {
            OGRPoint p;
            part->Value(left, &p);
            return std::pair{p.getX(), p.getY()};
        }
        left -= length;
    }
    return std::nullopt;
}

std::optional<double> optional_number(const json& j, const char* key)
{
    const auto it = j.find(key);
    return it != j.end() && it->is_number() ? std::optional<double>(it->get<double>()) : std::nullopt;
}

std::optional<IssueFigures> read_register(const json& summary)
{
    const json* r = section(summary, "register");
    if (!r) return std::nullopt;
    IssueFigures out;
    out.total = static_cast<long long>(number(*r, "total"));
    if (const json* by = section(*r, "by_status"))
        for (const auto& s : all_statuses())
            out.by_status[static_cast<std::size_t>(s.status)] = static_cast<long long>(number(*by, std::string(s.code).c_str()));
    out.rectified = static_cast<long long>(number(*r, "rectified"));
    out.accepted = static_cast<long long>(number(*r, "accepted"));
    out.overdue = static_cast<long long>(number(*r, "overdue"));
    out.marked_rebounded = static_cast<long long>(number(*r, "marked_rebounded"));
    return out;
}

WalkTotals totals_of(const json& row)
{
    WalkTotals t;
    t.length_m = number(row, "length_m");
    t.covered_m = number(row, "covered_m");
    t.sites = static_cast<int>(number(row, "sites"));
    t.visited = static_cast<int>(number(row, "visited"));
    // by_village rows state `ratio`, by_walk rows `outline_share`: for sites both are the mean outline share.
    t.site_ratio_sum = t.sites > 0 ? number(row, row.contains("ratio") ? "ratio" : "outline_share") * t.sites : 0;
    return t;
}

void read_coverage(const json& summary, ReportData& out)
{
    const json* c = section(summary, "coverage");
    if (!c) return;
    CoverageFigures f;
    f.network_m = number(*c, "length_m");
    f.network_covered_m = number(*c, "covered_m");
    f.network_share = optional_number(*c, "covered_share");
    if (const json* s = section(*c, "sites")) {
        f.sites = static_cast<int>(number(*s, "count"));
        f.sites_visited = static_cast<int>(number(*s, "visited"));
        f.sites_visited_share = optional_number(*s, "visited_share");
    }
    if (const json* d = section(*c, "dead_corners")) {
        f.dead_corners = static_cast<long long>(number(*d, "count"));
        f.dead_corner_m = number(*d, "length_m");
    }
    f.blind_area_km2 = number(*c, "blind_area_km2");
    f.required_area_km2 = number(*c, "required_area_km2");
    f.blind_share = optional_number(*c, "blind_share");
    f.reach_m = number(*c, "reach_m");
    f.blind_m = number(*c, "blind_m");
    if (const auto walks = c->find("by_walk"); walks != c->end() && walks->is_array())
        for (const auto& w : *walks) {
            const auto category = parse_category(w.value("category", std::string{}));
            if (!category) continue;
            WalkTotals& t = f.by_walk[static_cast<std::size_t>(*category)];
            t = totals_of(w);
            t.covered_share = optional_number(w, "covered_share");
            t.visited_share = optional_number(w, "visited_share");
            t.outline_share = optional_number(w, "outline_share");
        }

    // Villages in the campaign's order (village_area lists every village), then cells from by_village.
    std::map<std::string, std::size_t> row_of;
    auto row_for = [&](const std::string& name) -> MatrixRow& {
        auto [it, added] = row_of.try_emplace(name, out.matrix.size());
        if (added) out.matrix.push_back(MatrixRow{name, {}, 0, 0});
        return out.matrix[it->second];
    };
    if (const auto a = c->find("village_area"); a != c->end() && a->is_array())
        for (const auto& v : *a) {
            MatrixRow& row = row_for(v.value("village", std::string{}));
            row.area_km2 = number(v, "area_km2");
            row.walked_area_km2 = number(v, "walked_area_km2");
        }
    if (const auto rows = c->find("by_village"); rows != c->end() && rows->is_array())
        for (const auto& r : *rows) {
            const auto category = parse_category(r.value("category", std::string{}));
            if (!category) continue;
            row_for(r.value("village", std::string{})).cells[static_cast<std::size_t>(*category)].add(totals_of(r));
        }
    out.coverage = f;
}

std::vector<DeadCornerRow> read_dead_corners(const MapSource& source, std::size_t top)
{
    std::vector<DeadCornerRow> rows;
    OGRLayer* layer = source.layer(output::layer::uncovered);
    if (!layer) return rows;
    const ToWgs84 to_wgs84(layer->GetSpatialRef());
    LayerScan scan(layer);
    while (auto f = scan.next()) {
        DeadCornerRow row;
        row.rank = static_cast<long long>(real_field(*f, "rank").value_or(0));
        row.village = text_field(*f, "village");
        row.category_code = text_field(*f, "category");
        row.category = parse_category(row.category_code);
        row.length_m = real_field(*f, "length_m").value_or(0);
        row.distance_to_walk_m = real_field(*f, "distance_to_walk_m");
        const OGRGeometry* g = f->GetGeometryRef();
        const auto mid = g ? midpoint(*g) : std::nullopt;
        const auto lonlat = mid ? to_wgs84(mid->first, mid->second) : std::nullopt;
        if (!lonlat) continue;  // nothing to point at
        row.lon = lonlat->first;
        row.lat = lonlat->second;
        rows.push_back(std::move(row));
    }
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
        return a.rank != b.rank ? a.rank < b.rank : a.length_m > b.length_m;
    });
    if (rows.size() > top) rows.resize(top);
    return rows;
}

// The name of the village holding a point of the villages layer's CRS (index query, then exact test).
// The zones with problems, by rank. A zone without problems (hot only through its neighbours' counts) is no
// place to send anyone and is left out of the table; the layer keeps it.
std::vector<ZoneRow> read_hotspots(const MapSource& source, std::size_t top)
{
    std::vector<ZoneRow> rows;
    OGRLayer* layer = source.layer(output::layer::hotspot_zones);
    if (!layer) return rows;
    const ToWgs84 to_wgs84(layer->GetSpatialRef());
    struct Zone {
        ZoneRow row;
        double x, y;
    };
    std::vector<Zone> zones;
    {
        LayerScan scan(layer);
        while (auto f = scan.next()) {
            OGRGeometry* g = f->GetGeometryRef();
            const auto issues = real_field(*f, "issues");
            const auto rank = real_field(*f, "rank");
            if (!g || !issues || *issues <= 0 || !rank) continue;
            // A zone may be L-shaped or in two parts: its centroid can fall outside it (OGR through GEOS).
            const OGRGeometryUniquePtr point(OGRGeometry::FromHandle(OGR_G_PointOnSurface(OGRGeometry::ToHandle(g))));
            if (!point || wkbFlatten(point->getGeometryType()) != wkbPoint) continue;
            const OGRPoint& inside = *point->toPoint();
            ZoneRow row;
            row.rank = static_cast<long long>(*rank);
            row.village = text_field(*f, "village");
            row.near = text_field(*f, "near");
            row.issues = static_cast<long long>(*issues);
            row.issues_per_km = real_field(*f, "issues_per_km");
            row.cells = static_cast<long long>(real_field(*f, "cells").value_or(0));
            row.area_m2 = real_field(*f, "area_m2").value_or(0);
            row.confidence = static_cast<int>(real_field(*f, "confidence").value_or(0));
            zones.push_back({row, inside.getX(), inside.getY()});
        }
    }
    std::stable_sort(zones.begin(), zones.end(), [](const Zone& a, const Zone& b) { return a.row.rank < b.row.rank; });
    if (zones.size() > top) zones.resize(top);
    for (auto& z : zones) {
        const auto lonlat = to_wgs84(z.x, z.y);
        if (!lonlat) continue;
        z.row.lon = lonlat->first;
        z.row.lat = lonlat->second;
        rows.push_back(std::move(z.row));
    }
    return rows;
}

MethodFigures read_method(const json& summary)
{
    MethodFigures m;
    const json* h = section(summary, "hotspots");
    if (!h) return m;
    if (const json* d = section(*h, "density")) {
        m.kernel = d->value("kernel", std::string{});
        m.radius_m = number(*d, "radius_m");
        m.pixel_m = number(*d, "pixel_m");
    }
    if (const json* c = section(*h, "cells"); c && c->contains("size_m")) {
        m.cell_shape = c->value("shape", std::string{});
        m.cell_m = number(*c, "size_m");
        m.band_m = number(*c, "band_m");
        m.cell_chosen = c->value("size_chosen", false);
        m.band_chosen = c->value("band_chosen", false);
        m.fdr = c->value("fdr", true);
        m.fdr_alpha = number(*c, "fdr_alpha", 0.10);
        m.min_walk_m = number(*c, "min_walk_m");
    }
    if (const json* z = section(*h, "zones")) {
        m.zones = static_cast<long long>(number(*z, "count"));
        m.zones_with_issues = static_cast<long long>(number(*z, "with_issues"));
    }
    return m;
}

}  // namespace

double WalkTotals::ratio() const
{
    if (sites > 0 && outline_share) return *outline_share;
    if (sites == 0 && covered_share) return *covered_share;
    if (sites > 0) return site_ratio_sum / sites;
    return length_m > 0 ? covered_m / length_m : 0.0;
}

void WalkTotals::add(const WalkTotals& other)
{
    length_m += other.length_m;
    covered_m += other.covered_m;
    sites += other.sites;
    visited += other.visited;
    site_ratio_sum += other.site_ratio_sum;
}

ReportData read_report_data(const MapSource& source, std::size_t top)
{
    const json& summary = source.summary();
    ReportData out;
    if (const json* c = section(summary, "campaign")) {
        out.campaign = c->value("name", std::string{});
        if (const json* p = section(*c, "period")) out.as_of = p->value("to", std::string{});
    }
    out.period = source.period_text();
    read_coverage(summary, out);
    out.issues = read_register(summary);
    if (const json* h = section(summary, "hotspots"))
        if (const json* r = section(*h, "rebounds"))
            out.rebounds = ReboundFigures{static_cast<long long>(number(*r, "found_again")), number(*r, "radius_m"),
                                          number(*r, "min_days")};
    out.dead_corners = read_dead_corners(source, top);
    out.hotspot_zones = source.layer(output::layer::hotspot_zones) != nullptr;
    out.hotspots = read_hotspots(source, top);
    out.method = read_method(summary);
    return out;
}

}  // namespace geo::render

#include "libgeo/hotspot/analysis.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/core/number_text.hpp"
#include "libgeo/hotspot/walk_effort.hpp"

#include <charconv>
#include <algorithm>
#include <cmath>
#include <limits>

namespace geo::hotspot {

namespace {

// An issue attribute as a number: integers, reals, and text holding a number (CSV columns are text).
std::optional<double> number_of(const AttributeValue& value)
{
    if (const auto* i = std::get_if<std::int64_t>(&value)) return static_cast<double>(*i);
    if (const auto* d = std::get_if<double>(&value)) return *d;
    if (const auto* s = std::get_if<std::string>(&value)) {
        const std::string_view text = trim(*s);
        double v = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
        if (ec == std::errc{} && end == text.data() + text.size()) return v;
    }
    return std::nullopt;
}

std::string issue_name(const Issue& issue)
{
    return issue.code.empty() ? "issue " + std::to_string(issue.id) : "issue " + issue.code;
}

// The source file, layer and feature of an issue, for messages about its values.
Where where_of(const Campaign& c, const Issue& issue)
{
    Where w;
    const auto& sources = c.diagnostics.sources();
    if (issue.origin.source >= 0 && static_cast<std::size_t>(issue.origin.source) < sources.size()) {
        w.file = sources[static_cast<std::size_t>(issue.origin.source)].source;
        w.layer = sources[static_cast<std::size_t>(issue.origin.source)].layer;
    }
    if (issue.origin.feature >= 0) w.feature = issue.origin.feature;
    return w;
}

// The field's value of every filtered issue, checked: present, a finite number, and at least `min` (strictly above
// it when `strict`).
std::vector<double> field_values(const Campaign& c, const std::vector<std::size_t>& issues, const std::string& field,
                                 const char* role, double min, bool strict)
{
    std::vector<double> out;
    out.reserve(issues.size());
    for (std::size_t i : issues) {
        const Issue& issue = c.issues[i];
        const AttributeValue* value = find(issue.attributes, field);
        const std::string where = std::string(role) + " field '" + field + "' of " + issue_name(issue);
        if (value == nullptr)
            throw UsageError("the issues have no field '" + field + "' for the " + role, {},
                             "name one of the issue source's columns");
        const auto v = number_of(*value);
        // The field was the user's choice, its values are data: an input error naming the file and feature.
        if (!v || !std::isfinite(*v))
            throw InputError(where + " holds '" + to_text(*value) + "', not a number", where_of(c, issue),
                             "fill in a number or choose another field");
        if (*v < min || (strict && *v == min))
            throw InputError(where + " is " + to_text(*value) + (strict ? "; it must be above " : "; it must be at least ") +
                                 number_text(min),
                             where_of(c, issue), "correct the value in the issue source");
        out.push_back(*v);
    }
    return out;
}

std::vector<LineString> walked_lines(const Campaign& c)
{
    std::vector<LineString> out;
    for (const auto& t : c.tracks) {
        LineString& line = out.emplace_back();
        for (const auto& f : t.fixes) line.push_back(f.position);
    }
    return out;
}

void effort(const Campaign& c, HotspotResult& a, const HotspotOptions& options)
{
    const auto& binning = a.cells->binning;
    std::vector<Polygon> polygons;
    polygons.reserve(binning.cells.size());
    for (const auto& cell : binning.cells) polygons.push_back(binning.layout.polygon(cell.col, cell.row));
    a.walked_m = walked_metres(polygons, walked_lines(c));
    std::vector<Point> found_at;
    found_at.reserve(c.issues.size());
    for (const auto& issue : c.issues) found_at.push_back(issue.position);
    a.issue_locations = points_per_cell(binning, found_at);
    a.min_walk_m = options.min_walk_m > 0 ? options.min_walk_m : binning.layout.size;
    a.inspected.resize(a.walked_m.size());
    for (std::size_t i = 0; i < a.walked_m.size(); ++i)
        a.inspected[i] = a.walked_m[i] >= a.min_walk_m || a.issue_locations[i] > 0 ? 1 : 0;
}

void rate_gi(HotspotResult& a, const HotspotOptions& options)
{
    const auto& binning = a.cells->binning;
    if (std::count(a.inspected.begin(), a.inspected.end(), 1) < 3) {
        a.rate_skipped = "fewer than 3 inspected cells";
        return;
    }
    std::vector<Point> centres;
    std::vector<double> rates;
    for (std::size_t i = 0; i < binning.cells.size(); ++i) {
        if (!a.inspected[i]) continue;
        a.rate_cells.push_back(i);
        centres.push_back(binning.cells[i].centre);
        rates.push_back(a.issues_per_km(i));
    }
    GiOptions gi = options.cells.gi;
    gi.band_m = a.cells->band_m;
    gi.threads = options.threads;
    try {
        a.rate_gi = gi_star_points(centres, rates, gi);
    } catch (const UsageError& e) {
        a.rate_skipped = e.message();
        a.rate_cells.clear();
    }
}

void emerging(const Campaign& c, HotspotResult& a, const HotspotOptions& options, Progress progress)
{
    const auto& binning = a.cells->binning;
    std::vector<Point> centres;
    for (const auto& cell : binning.cells) centres.push_back(cell.centre);
    std::vector<double> times;
    for (std::size_t i : a.issues)
        times.push_back(c.issues[i].found ? *c.issues[i].found : std::numeric_limits<double>::quiet_NaN());
    EmergingOptions o = options.emerging;
    if (o.band_m <= 0) o.band_m = a.cells->band_m;
    o.threads = options.threads;
    try {
        a.emerging = emerging_hotspots(centres, binning.cell_of_point, times, o, progress);
    } catch (const UsageError& e) {
        a.emerging_skipped = e.message();
    }
}

}  // namespace

namespace {

// A part of the step's progress for a nested call.
struct Part {
    SubProgress sub;
    Progress progress;
    Part(const Progress& parent, double from, double to, const char* task)
        : sub{parent.fn, parent.data, from, to}, progress{parent.fn ? &SubProgress::callback : nullptr, &sub, task}
    {
    }
    Part(const Part&) = delete;
    Part& operator=(const Part&) = delete;
};

}  // namespace

HotspotResult analyse(const Campaign& c, const HotspotOptions& options, Progress progress)
{
    options.validate();
    HotspotResult a;
    a.options = options;
    a.issues = filtered_issues(c, options.filter);
    progress(0.0, "density");

    std::vector<double> weights, radii;
    if (!options.weight_field.empty()) weights = field_values(c, a.issues, options.weight_field, "weight", 0, false);
    if (!options.radius_field.empty()) radii = field_values(c, a.issues, options.radius_field, "radius", 0, true);
    std::vector<raster::KdePoint> points;
    points.reserve(a.issues.size());
    for (std::size_t k = 0; k < a.issues.size(); ++k) {
        const Point& p = c.issues[a.issues[k]].position;
        points.push_back({p.x(), p.y(), weights.empty() ? 1.0 : weights[k], radii.empty() ? 0.0 : radii[k]});
    }
    std::optional<raster::Grid> grid;
    if (options.extent == DensityExtent::villages && !c.villages.empty()) {
        MultiPolygon land;
        for (const auto& v : c.villages) land.insert(land.end(), v.area.begin(), v.area.end());
        grid = raster::grid_covering(bg::return_envelope<Box>(land), options.kde.pixel_m);
    } else if (!points.empty()) {
        grid = raster::kde_grid(points, options.kde);
    }
    if (grid) {
        a.density_advice = raster::kde_advice(*grid, options.kde);
        a.density = raster::Density{*grid, std::move(points), options.kde};
    }

    progress(0.1, "hot spots (Gi*)");
    std::vector<Point> positions;
    for (std::size_t i : a.issues) positions.push_back(c.issues[i].position);
    std::vector<MultiPolygon> villages;
    for (const auto& v : c.villages) villages.push_back(v.area);
    HotspotCellsOptions cells = options.cells;
    cells.gi.threads = options.threads;
    try {
        const Part part(progress, 0.1, 0.6, "hot spots");
        a.cells = hotspot_cells(positions, villages, cells, part.progress, weights);
    } catch (const UsageError& e) {
        a.cells_skipped = e.message();
    }
    if (a.cells) {
        progress(0.6, "walking effort per cell");
        effort(c, a, options);
        a.zones = hotspot_zones({a.cells->binning, a.cells->gi, a.walked_m, a.cells->band_m, c.villages, c.network});
        if (options.gi_rate) rate_gi(a, options);
        progress(0.7, "emerging hot spots");
        const Part part(progress, 0.7, 0.95, "emerging hot spots");
        emerging(c, a, options, part.progress);
    } else {
        a.emerging_skipped = "no cells: " + a.cells_skipped;
    }

    if (options.gi_features) {
        progress(0.93, "Gi* on the given features");
        GiOptions gi = options.cells.gi;
        gi.threads = options.threads;
        a.gi_features = gi_star_points(options.gi_features->points, options.gi_features->values, gi);
    }
    progress(0.95, "rebounds");
    a.rebounds = find_rebounds(c.issues, options.rebounds);
    progress(1.0, "hotspots done");
    return a;
}

}  // namespace geo::hotspot

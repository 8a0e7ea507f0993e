#include "libgeo/load/loader.hpp"

#include "libgeo/core/datetime.hpp"
#include "libgeo/core/error.hpp"
#include "libgeo/core/memory.hpp"
#include "libgeo/core/progress.hpp"
#include "libgeo/load/load_context.hpp"
#include "libgeo/load/losses.hpp"
#include "libgeo/handles/ogr_geometry.hpp"

#include <algorithm>
#include <cmath>

namespace geo::load {

namespace {

// A rejected feature's geometry in the campaign CRS, through the same transformation as the loaded ones (GCJ-02
// undone, swapped coordinates fixed on request), for the rejects file's map; empty where it cannot be placed.
std::string placed_wkt(const OGRGeometry& original, const normalise::ToLocal& to_local)
{
    SourceGeometry g = from_ogr(original);
    if (g.empty() || !to_local.convert(g).ok()) return {};
    OGRGeometryCollection parts;
    for (const auto& p : g.points) parts.addGeometryDirectly(to_ogr(p).release());
    for (const auto& l : g.lines) parts.addGeometryDirectly(to_ogr(l).release());
    if (!g.polygons.empty()) parts.addGeometryDirectly(to_ogr(g.polygons).release());
    const OGRGeometry* one = parts.getNumGeometries() == 1 ? parts.getGeometryRef(0) : &parts;
    return one->exportToWkt();
}

}  // namespace

namespace detail {

std::string LoadContext::to_local_key(const OpenedLayer& layer, const campaign::SourceSpec& source)
{
    const auto coords = crs::parse_china_coords(source.coords).value_or(crs::ChinaCoords::wgs84);
    return std::string(crs::code(coords)) + "\n" + layer.srs_definition;
}

std::unique_ptr<normalise::ToLocal> LoadContext::make_to_local(const OpenedLayer& layer, const campaign::SourceSpec& source) const
{
    const auto coords = crs::parse_china_coords(source.coords).value_or(crs::ChinaCoords::wgs84);
    if (coords != crs::ChinaCoords::wgs84 && !layer.geographic)
        throw InputError("coords = \"" + source.coords + "\" but the layer is in a projected CRS",
                         in_file(layer.path.string(), layer.layer_name),
                         "GCJ-02/BD-09 apply to longitude/latitude exports of map apps only; remove coords or fix crs");
    try {
        return std::make_unique<normalise::ToLocal>(normalise::SourceCrs{layer.srs_definition, layer.geographic},
                                                    coords, campaign.crs, area, spec.fix_swapped);
    } catch (const Error& e) {
        throw InputError(e.message(), in_file(layer.path.string(), layer.layer_name), e.hint());
    }
}

const normalise::ToLocal& LoadContext::to_local(const OpenedLayer& layer, const campaign::SourceSpec& source)
{
    auto& cached = transforms[to_local_key(layer, source)];
    if (!cached) cached = make_to_local(layer, source);
    return *cached;
}

int LoadContext::add_source(Role role, const OpenedLayer& layer, const campaign::SourceSpec& source_spec, int block,
                            const normalise::ToLocal* transform)
{
    SourceSummary s;
    s.block = block;
    s.allow_rejects = source_spec.allow_rejects;
    s.role = std::string(to_string(role));
    std::error_code ec;
    auto relative = std::filesystem::relative(layer.path, spec.base_dir, ec);
    s.source = ec || relative.empty() ? layer.path.string() : relative.string();
    s.layer = layer.layer_name;
    const int index = campaign.diagnostics.add_source(std::move(s));
    if (role != Role::tracks) rows.emplace(index, RowNumbers(layer));  // a track is named by its name instead
    if (transform) placement.emplace(index, transform);
    return index;
}

std::string LoadContext::row_text(int source, long long fid) const
{
    const auto r = rows.find(source);
    return r != rows.end() ? r->second.describe(fid) : "feature " + std::to_string(fid);
}

void LoadContext::report(int source, OGRFeature* feature, long long fid, std::string_view reason, std::string detail,
                         Action action)
{
    Problem p;
    p.source = source;
    p.feature = fid;
    p.reason = std::string(reason);
    p.detail = std::move(detail);
    p.action = action;
    p.row = row_text(source, fid);
    if (feature) {
        p.attributes = read_attributes(*feature);
        p.wkt = geometry_wkt(*feature);
        if (const auto t = placement.find(source); t != placement.end() && feature->GetGeometryRef())
            p.local_wkt = placed_wkt(*feature->GetGeometryRef(), *t->second);
    }
    campaign.diagnostics.report(std::move(p));
}

void LoadContext::check_memory(const OpenedLayer& layer, long long features_read) const
{
    // Resident growth against the limit; with ulimit -v, also mapped growth against it.
    const memory::Usage now = memory::usage();
    const auto limit = static_cast<double>(memory::limit_bytes());
    double held = static_cast<double>(now.resident) - static_cast<double>(at_start.resident);
    double share = input_memory_share * limit;
    if (const std::uint64_t mapped_limit = memory::address_space_limit(); mapped_limit != UINT64_MAX) {
        const double mapped = static_cast<double>(now.address_space) - static_cast<double>(at_start.address_space);
        const double mapped_share = input_memory_share * static_cast<double>(mapped_limit);
        if (mapped - mapped_share > held - share) {
            held = mapped;
            share = mapped_share;
        }
    }
    if (held <= share) return;
    const std::string when = features_read == 0 ? "on reaching this file"
                                                : "after " + std::to_string(features_read) + " of its features";
    throw InputError("the input files are too large for the memory geowalk may use: " + when + " they take " +
                         memory::size_text(held) + ", more than the " + memory::size_text(share) +
                         " (a quarter of the " + memory::size_text(limit) +
                         " limit) left for inputs; the analyses need the rest",
                     in_file(layer.path.string(), layer.layer_name),
                     "split the campaign into several (by village or by period), or thin dense GPS tracks" +
                         memory::raise_limit_hint());
}

}  // namespace detail

namespace {

// Why the coordinates of a geographic layer are not degrees, in the words of to_local's reject details.
std::string extent_diagnosis(const OpenedLayer& layer, const OGREnvelope& env)
{
    if (!layer.geographic) return {};
    const double largest = std::max({std::abs(env.MinX), std::abs(env.MaxX), std::abs(env.MinY), std::abs(env.MaxY)});
    if (largest > 1000.0)
        return " (they look like metres: the file may be projected but declared as WGS 84; set crs = \"EPSG:…\")";
    if (std::max(std::abs(env.MinX), std::abs(env.MaxX)) <= 90.0 && std::max(std::abs(env.MinY), std::abs(env.MaxY)) <= 180.0)
        return " (latitude and longitude look swapped: fix the file's columns or axis order)";
    return {};
}

// The villages' extent in WGS 84: it chooses the local CRS ("auto" = UTM zone of its centre) and lets the
// loaders recognise swapped latitude/longitude in other sources.
normalise::LonLatBox villages_extent(const campaign::CampaignSpec& spec)
{
    const auto files = expand_sources(*spec.villages, spec.base_dir);
    if (files.size() != 1)
        throw InputError("[villages] must name exactly one file", in_file(spec.file.string()));
    const OpenedLayer layer = open_layer(files.front(), *spec.villages, Role::villages);
    // Iterate rather than GetExtent: some drivers (GeoPackage) answer with the whole table's cached extent,
    // ignoring the `where` filter.
    // A village with a vertex at (0, 0) is rejected when loaded (point_at_0_0); it must not stretch the extent to
    // the Gulf of Guinea first, which would choose a UTM zone thousands of kilometres away.
    OGREnvelope env;
    for (auto& feature : *layer.layer)
        if (const OGRGeometry* g = feature->GetGeometryRef(); g && !g->IsEmpty()) {
            bool at_0_0 = false;
            if (layer.geographic) {
                SourceGeometry vertices = from_ogr(*g);
                for_each_vertex(vertices, [&](const Point& p) { at_0_0 = at_0_0 || (p.x() == 0.0 && p.y() == 0.0); });
            }
            if (at_0_0) continue;
            OGREnvelope e;
            g->getEnvelope(&e);
            env.Merge(e);
        }
    layer.layer->ResetReading();
    if (!env.IsInit() || !(env.MaxX >= env.MinX))
        throw InputError("the village layer is empty", in_file(layer.path.string(), layer.layer_name),
                         "check the file and any 'where' filter; villages are needed to place everything else");
    crs::Transformer to_wgs84(layer.srs_definition, "EPSG:4326");
    normalise::LonLatBox box{180, 90, -180, -90};
    for (double x : {env.MinX, (env.MinX + env.MaxX) / 2, env.MaxX})
        for (double y : {env.MinY, (env.MinY + env.MaxY) / 2, env.MaxY}) {
            double lon = x, lat = y;
            if (!to_wgs84.transform(lon, lat) || std::abs(lat) > 90 || std::abs(lon) > 180)
                throw InputError("the village layer's coordinates do not fit its CRS" + extent_diagnosis(layer, env),
                                 in_file(layer.path.string(), layer.layer_name),
                                 "check the CRS (.prj) of the file, or declare crs = \"EPSG:…\" in [villages]");
            box.min_lon = std::min(box.min_lon, lon);
            box.max_lon = std::max(box.max_lon, lon);
            box.min_lat = std::min(box.min_lat, lat);
            box.max_lat = std::max(box.max_lat, lat);
        }
    return box;
}

}  // namespace

Campaign load_campaign(const campaign::CampaignSpec& spec, GDALProgressFunc progress, void* progress_data, int threads)
{
    Campaign campaign = load_inputs(spec, progress, progress_data, threads);
    require_no_losses(campaign);
    return campaign;
}

Campaign load_inputs(const campaign::CampaignSpec& spec, GDALProgressFunc progress, void* progress_data, int threads)
{
    Campaign campaign;
    campaign.name = spec.name;
    const auto offset = parse_utc_offset(spec.timezone);
    if (!offset)
        throw InputError("timezone = \"" + spec.timezone + "\" is not understood", in_file(spec.file.string()),
                         "write it as \"+08:00\" (China) or another UTC offset");
    campaign.utc_offset_minutes = *offset;

    const Progress step{progress, progress_data, "loading"};
    step(0.0, "reading village extent");
    const normalise::LonLatBox extent = villages_extent(spec);
    campaign.crs = [&] {
        try {
            return crs::choose_local_crs(spec.crs, (extent.min_lon + extent.max_lon) / 2,
                                         (extent.min_lat + extent.max_lat) / 2);
        } catch (const Error& e) {
            throw InputError(e.message(), in_file(spec.file.string()), e.hint());
        }
    }();
    // Points just outside the villages are still recognisably "here"; a swapped pair lands far away.
    const double grow_lon = 0.1 * (extent.max_lon - extent.min_lon) + 0.02;
    const double grow_lat = 0.1 * (extent.max_lat - extent.min_lat) + 0.02;
    detail::LoadContext ctx{spec, campaign, {}, normalise::LonLatBox{extent.min_lon - grow_lon, extent.min_lat - grow_lat,
                                                                     extent.max_lon + grow_lon, extent.max_lat + grow_lat},
                            nullptr, {}, {}, memory::usage()};
    ctx.threads = threads;

    step(0.05, "villages");
    detail::load_villages(ctx);
    ctx.villages = std::make_unique<normalise::VillageIndex>(campaign.villages);
    step(0.15, "network");
    detail::load_network(ctx);
    step(0.35, "sites");
    detail::load_sites(ctx);
    step(0.45, "tracks");
    detail::load_tracks(ctx);
    step(0.85, "issues");
    detail::load_issues(ctx);
    step(1.0, "loaded");
    return campaign;
}

}  // namespace geo::load

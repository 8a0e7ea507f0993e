#include "libgeo/export/manifest.hpp"

#include "libgeo/export/contract.hpp"

#include "libgeo/core/datetime.hpp"
#include "libgeo/core/error.hpp"

#include <ogr_spatialref.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <fstream>

namespace geo::output {

GeometryKind geometry_kind(OGRwkbGeometryType type)
{
    switch (wkbFlatten(type)) {
    case wkbNone: return GeometryKind::none;
    case wkbPoint:
    case wkbMultiPoint: return GeometryKind::point;
    case wkbLineString:
    case wkbMultiLineString:
    case wkbCircularString:
    case wkbCompoundCurve:
    case wkbMultiCurve: return GeometryKind::line;
    case wkbPolygon:
    case wkbMultiPolygon:
    case wkbCurvePolygon:
    case wkbMultiSurface: return GeometryKind::polygon;
    default: return GeometryKind::mixed;
    }
}

const ManifestLayer* Manifest::layer(std::string_view name) const
{
    for (const auto& l : layers)
        if (l.name == name) return &l;
    return nullptr;
}

const AnalysisEntry* Manifest::analysis(std::string_view name) const
{
    for (const auto& a : analyses)
        if (a.name == name) return &a;
    return nullptr;
}

namespace {

// FNV-1a over the bytes of plain values: a digest, not a defence against anyone forging inputs.
class Digest {
public:
    void add(const void* data, std::size_t size)
    {
        const auto* bytes = static_cast<const unsigned char*>(data);
        for (std::size_t i = 0; i < size; ++i) m_hash = (m_hash ^ bytes[i]) * 0x100000001b3ULL;
    }
    void add(double v) { add(&v, sizeof v); }
    void add(long long v) { add(&v, sizeof v); }
    void add(const std::string& s)
    {
        add(static_cast<long long>(s.size()));
        add(s.data(), s.size());
    }
    void add(const std::optional<double>& v) { add(v.value_or(no_time)); }
    void add(const Point& p) { add(p.x()), add(p.y()); }
    template <class Range>
    void add_points(const Range& points)
    {
        add(static_cast<long long>(points.size()));
        for (const auto& p : points) add(p);
    }
    void add(const MultiPolygon& area)
    {
        add(static_cast<long long>(area.size()));
        for (const auto& polygon : area) {
            add_points(polygon.outer());
            for (const auto& ring : polygon.inners()) add_points(ring);
        }
    }
    [[nodiscard]] std::string hex() const
    {
        char text[17];
        std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(m_hash));
        return text;
    }

private:
    std::uint64_t m_hash = 0xcbf29ce484222325ULL;
};

}  // namespace

std::string inputs_fingerprint(const Campaign& c)
{
    Digest d;
    d.add(c.crs.wkt);
    d.add(static_cast<long long>(c.utc_offset_minutes));
    for (const auto& v : c.villages) d.add(v.name), d.add(v.area);
    for (const auto& n : c.network) {
        d.add(static_cast<long long>(n.category));
        d.add(n.block_sight_m);
        d.add_points(n.line);
    }
    for (const auto& s : c.sites) {
        d.add(static_cast<long long>(s.category));
        d.add(s.name);
        if (s.point) d.add(*s.point);
        d.add(s.area);
    }
    for (const auto& t : c.tracks) {
        d.add(t.name), d.add(t.walker);
        d.add(static_cast<long long>(t.fixes.size()));
        for (const auto& f : t.fixes) d.add(f.position), d.add(f.time);
    }
    for (const auto& i : c.issues) {
        d.add(i.code), d.add(i.problem), d.add(i.responsible);
        d.add(static_cast<long long>(i.category)), d.add(static_cast<long long>(i.status));
        d.add(i.found), d.add(i.deadline), d.add(i.rectified), d.add(i.accepted);
        d.add(i.position);
    }
    return d.hex();
}

std::string utc_now_text()
{
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    return format_utc(static_cast<double>(std::chrono::duration_cast<std::chrono::seconds>(now).count()));
}

Manifest manifest_of(const Campaign& campaign)
{
    Manifest m;
    m.inputs = inputs_fingerprint(campaign);
    m.title = campaign.name;
    m.crs_wkt = campaign.crs.wkt;
    OGRSpatialReference srs;
    if (srs.importFromWkt(campaign.crs.wkt.c_str()) == OGRERR_NONE) {
        if (const char* name = srs.GetName()) m.crs_name = name;
        const char* authority = srs.GetAuthorityName(nullptr);
        const char* code = srs.GetAuthorityCode(nullptr);
        if (authority && code) m.crs_authid = std::string(authority) + ':' + code;
    }
    if (!campaign.villages.empty()) {
        Box all = bg::return_envelope<Box>(campaign.villages.front().area);
        for (const auto& v : campaign.villages) bg::expand(all, bg::return_envelope<Box>(v.area));
        m.extent = {all.min_corner().x(), all.min_corner().y(), all.max_corner().x(), all.max_corner().y()};
    }
    return m;
}

Json skipped_json(const std::vector<SkippedOutput>& skipped)
{
    Json out = Json::array();
    for (const auto& s : skipped) out.push_back({{"path", s.path}, {"reason", s.reason}, {"remedy", s.remedy}});
    return out;
}

Json to_json(const Manifest& m)
{
    Json layers = Json::array();
    for (const auto& l : m.layers)
        layers.push_back({{"name", l.name},
                          {"geometry", std::string(options::name_of(geometry_kind_names, l.kind))},
                          {"fields", l.fields},
                          {"features", l.features},
                          {"analysis", l.analysis}});
    Json rasters = Json::object();
    if (m.walk_distance)
        rasters["walk_distance"] = {{"file", m.walk_distance->file},
                                    {"sight_m", m.walk_distance->sight_m},
                                    {"village_m", m.walk_distance->village_m},
                                    {"blind_m", m.walk_distance->blind_m}};
    if (m.density) rasters["density"] = {{"file", m.density->file}, {"max", m.density->max_value}};
    Json analyses = Json::array();
    for (const auto& a : m.analyses)
        analyses.push_back({{"name", a.name}, {"written_at", a.written_at}, {"inputs", a.inputs},
                            {"carried", a.carried}, {"stale", a.stale}});
    Json stale = Json::array();
    for (const auto& s : m.stale) stale.push_back({{"path", s.path}, {"reason", s.reason}, {"remedy", s.remedy}});
    return {{"manifest_version", Manifest::version},
            {"generator", "geowalk"},
            {"title", m.title},
            {"crs", {{"wkt", m.crs_wkt}, {"name", m.crs_name}, {"authid", m.crs_authid}}},
            {"extent", {m.extent.xmin, m.extent.ymin, m.extent.xmax, m.extent.ymax}},
            {"layers", layers},
            {"rasters", rasters},
            {"inputs", m.inputs},
            {"analyses", analyses},
            {"stale", stale},
            {"skipped", skipped_json(m.skipped)},
            {"summary", m.summary}};
}

Manifest manifest_from_json(const Json& j, const std::filesystem::path& file)
{
    const auto bad = [&file](const std::string& what) {
        return InputError("manifest.json " + what, in_file(file.string()),
                          "run the analysis again (`geowalk run CAMPAIGN --out DIR`) to write the folder anew");
    };
    if (!j.is_object() || !j.contains("manifest_version")) throw bad("is not a geowalk run manifest");
    if (j["manifest_version"] != Manifest::version)
        throw bad("has version " + j["manifest_version"].dump() + "; this geowalk reads version " +
                  std::to_string(Manifest::version));
    try {
        Manifest m;
        m.title = j.at("title").get<std::string>();
        const Json& crs = j.at("crs");
        m.crs_wkt = crs.at("wkt").get<std::string>();
        m.crs_name = crs.at("name").get<std::string>();
        m.crs_authid = crs.at("authid").get<std::string>();
        const auto extent = j.at("extent").get<std::array<double, 4>>();
        m.extent = {extent[0], extent[1], extent[2], extent[3]};
        for (const Json& l : j.at("layers")) {
            const auto kind = options::value_named(geometry_kind_names, l.at("geometry").get<std::string>());
            if (!kind) throw bad("names an unknown geometry kind " + l.at("geometry").dump());
            m.layers.push_back({l.at("name").get<std::string>(), *kind, l.at("fields").get<std::vector<std::string>>(),
                                l.at("features").get<long long>(), l.value("analysis", std::string())});
        }
        const Json& rasters = j.at("rasters");
        if (rasters.contains("walk_distance")) {
            const Json& w = rasters["walk_distance"];
            m.walk_distance = WalkDistanceEntry{w.at("file").get<std::string>(), w.at("sight_m").get<double>(),
                                                w.at("village_m").get<double>(), w.at("blind_m").get<double>()};
        }
        if (rasters.contains("density"))
            m.density = DensityEntry{rasters["density"].at("file").get<std::string>(), rasters["density"].at("max").get<double>()};
        m.summary = j.at("summary");
        // Written since runs keep each other's outputs; a folder from before holds none of them.
        m.inputs = j.value("inputs", std::string());
        for (const Json& a : j.value("analyses", Json::array()))
            m.analyses.push_back({a.at("name").get<std::string>(), a.at("written_at").get<std::string>(),
                                  a.at("inputs").get<std::string>(), a.at("carried").get<bool>(), a.at("stale").get<bool>()});
        for (const Json& s : j.value("stale", Json::array()))
            m.stale.push_back({s.at("path").get<std::string>(), s.at("reason").get<std::string>(),
                               s.at("remedy").get<std::string>()});
        for (const Json& s : j.value("skipped", Json::array()))
            m.skipped.push_back({s.at("path").get<std::string>(), s.at("reason").get<std::string>(),
                                 s.at("remedy").get<std::string>()});
        return m;
    } catch (const Json::exception& e) {
        throw bad(std::string("is incomplete: ") + e.what());
    }
}

Manifest read_manifest(const std::filesystem::path& dir)
{
    const auto path = dir / file::manifest;
    std::ifstream in(path);
    if (!in)
        throw InputError("no manifest.json in the output folder", in_file(path.string()),
                         "run `geowalk run CAMPAIGN --out DIR` first; maps and the report are drawn from its outputs");
    const Json j = Json::parse(in, nullptr, false);
    if (j.is_discarded())
        throw InputError("manifest.json is not valid JSON", in_file(path.string()),
                         "run the analysis again to write the folder anew");
    return manifest_from_json(j, path);
}

void write_manifest(const std::filesystem::path& file, const Manifest& manifest) { write_json(file, to_json(manifest)); }

}  // namespace geo::output

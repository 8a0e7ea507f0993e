#include "libgeo/load/source.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/handles/gdal_errors.hpp"
#include "libgeo/handles/cpl.hpp"
#include "libgeo/handles/wkt.hpp"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <cpl_vsi.h>
#include <fnmatch.h>

#include <algorithm>
#include <atomic>
#include <limits>

namespace geo::load {

namespace {

bool fits_role(OGRwkbGeometryType type, Role role)
{
    const auto flat = wkbFlatten(type);
    if (flat == wkbUnknown || flat == wkbGeometryCollection) return true;
    switch (role) {
    case Role::villages: return OGR_GT_IsSubClassOf(flat, wkbCurvePolygon) || OGR_GT_IsSubClassOf(flat, wkbMultiSurface);
    case Role::network:
    case Role::access: return OGR_GT_IsSubClassOf(flat, wkbCurve) || OGR_GT_IsSubClassOf(flat, wkbMultiCurve);
    case Role::issues: return flat == wkbPoint || flat == wkbMultiPoint;
    case Role::sites: return flat != wkbNone;
    case Role::tracks: return flat != wkbNone;
    }
    return true;
}

// Without counting: for GPX and other streamed formats a count parses the whole file, and a phone's day of tracks
// is read once more anyway when the fixes are loaded.
bool has_features(OGRLayer& layer)
{
    if (const GIntBig cheap = layer.GetFeatureCount(FALSE); cheap >= 0) return cheap > 0;
    layer.ResetReading();
    const OGRFeatureUniquePtr first(layer.GetNextFeature());
    layer.ResetReading();
    return first != nullptr;
}

OGRLayer* pick_layer(GDALDataset& ds, const campaign::SourceSpec& spec, Role role, const std::filesystem::path& path)
{
    if (!spec.layer.empty()) {
        OGRLayer* layer = ds.GetLayerByName(spec.layer.c_str());
        if (layer) return layer;
        std::string names;
        for (auto* l : ds.GetLayers()) names += std::string(names.empty() ? "" : ", ") + l->GetName();
        throw InputError("has no layer '" + spec.layer + "'", in_file(path.string()), "its layers are: " + names);
    }
    if (ds.GetLayerCount() == 1) return ds.GetLayer(0);
    // GPS files: the per-fix layer carries the times; OSM files: the role decides between lines and polygons.
    if (role == Role::tracks)
        if (OGRLayer* l = ds.GetLayerByName("track_points"); l && has_features(*l)) return l;
    std::vector<OGRLayer*> fitting;
    for (auto* l : ds.GetLayers())
        if (fits_role(l->GetGeomType(), role)) fitting.push_back(l);
    if (fitting.size() == 1) return fitting.front();
    std::vector<OGRLayer*> non_empty;
    for (auto* l : fitting)
        if (l->GetFeatureCount(FALSE) != 0) non_empty.push_back(l);
    if (non_empty.size() == 1) return non_empty.front();
    std::string names;
    for (auto* l : ds.GetLayers()) names += std::string(names.empty() ? "" : ", ") + l->GetName();
    throw InputError("holds several layers and the campaign does not say which one to use", in_file(path.string()),
                     "add layer = \"…\" to its block; its layers are: " + names);
}

bool is_text_table(const std::filesystem::path& path)
{
    const std::string ext = path.extension().string();
    return EQUAL(ext.c_str(), ".csv") || EQUAL(ext.c_str(), ".tsv");
}

// Valid UTF-8; when the sample stops before the end of the file, its last character may be cut off.
bool is_utf8(const std::string& sample, bool whole_file)
{
    for (std::size_t cut = 0; cut < (whole_file ? 1 : 4) && cut <= sample.size(); ++cut)
        if (CPLIsUTF8(sample.data(), static_cast<int>(sample.size() - cut))) return true;
    return false;
}

// Excel on a Chinese Windows saves "CSV" in GBK (code page 936), not UTF-8. GDAL would pass its bytes through as
// UTF-8: Chinese headers such as 经度 would not be found and every text would be mojibake. Such a file is decoded
// into memory once (GB18030, the superset of GBK); one that is neither UTF-8 nor GBK is refused, never guessed.
// The sample decides: the header and first rows are where Chinese text shows first.
VsiMemFile decoded_text_file(const std::filesystem::path& path)
{
    constexpr std::size_t sample_bytes = std::size_t{64} * 1024;
    if (!is_text_table(path)) return {};
    const auto sample = read_vsi_file(path.string(), sample_bytes);
    if (!sample || is_utf8(*sample, sample->size() < sample_bytes)) return {};
    const auto bytes = read_vsi_file(path.string(), std::numeric_limits<std::size_t>::max());
    const auto utf8 = bytes ? recode_exactly(*bytes, "GB18030", CPL_ENC_UTF8) : std::nullopt;
    if (!utf8)
        throw InputError("the file is neither UTF-8 nor GBK text", in_file(path.string()),
                         "save it again as \"CSV UTF-8\" (in Excel: Save As, CSV UTF-8)");
    static std::atomic<int> counter{0};
    return VsiMemFile("/vsimem/geowalk-decoded/" + std::to_string(counter++) + "/" + path.filename().string(), *utf8);
}

std::string csv_names(std::initializer_list<const char*> defaults, const std::string& preferred)
{
    std::string out = preferred;
    for (const char* d : defaults) out += (out.empty() ? "" : ",") + std::string(d);
    return out;
}

}  // namespace

std::string_view to_string(Role role)
{
    switch (role) {
    case Role::villages: return "villages";
    case Role::network: return "network";
    case Role::access: return "access";
    case Role::sites: return "sites";
    case Role::tracks: return "tracks";
    case Role::issues: return "issues";
    }
    return "?";
}

std::vector<std::filesystem::path> expand_sources(const campaign::SourceSpec& spec, const std::filesystem::path& base_dir)
{
    std::vector<std::filesystem::path> out;
    for (const auto& written : spec.paths) {
        std::filesystem::path p = std::filesystem::path(written).is_absolute() ? std::filesystem::path(written)
                                                                              : base_dir / written;
        const std::string name = p.filename().string();
        if (name.find_first_of("*?[") == std::string::npos) {
            out.push_back(p);
            continue;
        }
        std::vector<std::filesystem::path> matched;
        std::error_code ec;
        for (const auto& entry : std::filesystem::directory_iterator(p.parent_path(), ec))
            if (entry.is_regular_file() && fnmatch(name.c_str(), entry.path().filename().c_str(), 0) == 0)
                matched.push_back(entry.path());
        if (matched.empty())
            throw InputError("no file matches '" + written + "'", in_file(p.parent_path().string()),
                             "check the folder and the pattern (globs apply to the file name only)");
        std::sort(matched.begin(), matched.end());
        out.insert(out.end(), matched.begin(), matched.end());
    }
    return out;
}

OpenedLayer open_layer(const std::filesystem::path& path, const campaign::SourceSpec& spec, Role role,
                       const std::map<std::string, std::string>& issue_fields)
{
    // VSIStatL rather than std::filesystem: GDAL's virtual files (/vsimem/, /vsizip/) are files too.
    VSIStatBufL stat;
    if (VSIStatL(path.c_str(), &stat) != 0)
        throw InputError("file not found", in_file(path.string()), "check the 'source' path in the campaign file (it is relative to the campaign file)");
    if (stat.st_size == 0 && !VSI_ISDIR(stat.st_mode))
        throw InputError("the file is empty (0 bytes)", in_file(path.string()),
                         "the export or copy that made it did not finish; export or copy it again");
    VsiMemFile decoded = decoded_text_file(path);

    // CSV: find geometry in lon/lat or WKT columns under their common names (Chinese headers included).
    auto field = [&](const char* role_name) {
        auto it = issue_fields.find(role_name);
        return it == issue_fields.end() ? std::string() : it->second;
    };
    const std::string x_names = csv_names({"lon", "lng", "long", "longitude", "x", "经度", "東經", "东经"}, field("lon"));
    const std::string y_names = csv_names({"lat", "latitude", "y", "纬度", "北纬", "緯度"}, field("lat"));
    const std::string g_names = csv_names({"wkt", "geometry", "geom", "the_geom", "WKT"}, field("wkt"));
    const std::string xo = "X_POSSIBLE_NAMES=" + x_names;
    const std::string yo = "Y_POSSIBLE_NAMES=" + y_names;
    const std::string go = "GEOM_POSSIBLE_NAMES=" + g_names;
    const char* open_options[] = {xo.c_str(), yo.c_str(), go.c_str(), "KEEP_GEOM_COLUMNS=YES", nullptr};

    GdalErrorTrap errors;
    OpenedLayer out;
    const std::string open_path = decoded.path().empty() ? path.string() : decoded.path();
    out.dataset.reset(GDALDataset::Open(open_path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, open_options, nullptr));
    if (!out.dataset)
        throw InputError(errors.failed() ? "GDAL cannot read this file: " + errors.message()
                                         : "GDAL does not recognise this file as any vector format",
                         in_file(path.string()),
                         "it may be truncated, damaged, or another kind of file under this name; open it in QGIS to check");
    out.decoded = std::move(decoded);
    out.path = path;
    out.layer = pick_layer(*out.dataset, spec, role, path);
    out.layer_name = out.layer->GetName();
    const bool is_csv = EQUAL(out.dataset->GetDriver()->GetDescription(), "CSV");

    if (!spec.where.empty()) {
        errors.reset();
        OGRErr err = out.layer->SetAttributeFilter(spec.where.c_str());
        // Some drivers (GeoPackage) only compile the filter when reading: read one feature to find out.
        if (err == OGRERR_NONE) {
            OGRFeatureUniquePtr probe(out.layer->GetNextFeature());
            out.layer->ResetReading();
            if (errors.failed()) err = OGRERR_FAILURE;
        }
        if (err != OGRERR_NONE) {
            std::string fields;
            auto* defn = out.layer->GetLayerDefn();
            for (int i = 0; i < defn->GetFieldCount(); ++i) fields += std::string(i ? ", " : "") + defn->GetFieldDefn(i)->GetNameRef();
            throw InputError("where = \"" + spec.where + "\" is not a valid filter: " + errors.message(),
                             in_file(path.string(), out.layer_name), "use OGR SQL on these fields: " + fields);
        }
    }

    OGRSpatialReference srs;
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    const OGRSpatialReference* own = out.layer->GetSpatialRef();
    if (!spec.crs.empty()) {
        if (srs.SetFromUserInput(spec.crs.c_str()) != OGRERR_NONE)
            throw InputError("crs = \"" + spec.crs + "\" is not a CRS GDAL knows", in_file(path.string(), out.layer_name),
                             "write it as \"EPSG:4326\", \"EPSG:4490\" or \"EPSG:4547\"");
    } else if (own) {
        srs = *own;
    } else if (spec.coords != "wgs84" || is_csv || role == Role::tracks) {
        // Lon/lat columns and GPS recordings are degrees by definition; GCJ-02/BD-09 are offsets of WGS 84.
        srs.SetWellKnownGeogCS("WGS84");
    } else {
        throw InputError("the layer has no CRS and the campaign declares none", in_file(path.string(), out.layer_name),
                         "add crs = \"EPSG:…\" to this source's block (a Shapefile needs its .prj)");
    }
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    out.srs_definition = crs_wkt(srs, WktFormat::wkt2_2019);
    out.geographic = srs.IsGeographic();
    return out;
}

Attributes read_attributes(OGRFeature& feature)
{
    Attributes out;
    const int n = feature.GetFieldCount();
    out.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        const OGRFieldDefn* defn = feature.GetFieldDefnRef(i);
        Attribute a{defn->GetNameRef(), {}};
        if (feature.IsFieldSetAndNotNull(i)) {
            switch (defn->GetType()) {
            case OFTInteger:
            case OFTInteger64: a.value = static_cast<std::int64_t>(feature.GetFieldAsInteger64(i)); break;
            case OFTReal: a.value = feature.GetFieldAsDouble(i); break;
            default: a.value = std::string(feature.GetFieldAsString(i)); break;
            }
        }
        out.push_back(std::move(a));
    }
    return out;
}

std::string geometry_wkt(const OGRFeature& feature)
{
    const OGRGeometry* g = feature.GetGeometryRef();
    if (!g) return {};
    std::string out = g->exportToWkt();
    return out;
}

}  // namespace geo::load

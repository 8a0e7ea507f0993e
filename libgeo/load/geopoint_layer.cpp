#include "libgeo/load/geopoint_layer.hpp"

#include "libgeo/core/categories.hpp"
#include "libgeo/core/error.hpp"
#include "libgeo/handles/gdal_errors.hpp"

#include <cpl_vsi.h>

#include <array>
#include <atomic>
#include <charconv>
#include <cmath>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace geo::load {

namespace {

constexpr std::array<std::string_view, 7> k_lon{"lon", "lng", "long", "longitude", "经度", "东经", "x"};
constexpr std::array<std::string_view, 5> k_lat{"lat", "latitude", "纬度", "北纬", "y"};
constexpr std::array<std::string_view, 7> k_geopoint{"geopoint", "location", "gps", "point", "位置", "坐标", "定位"};

// The numbers of a cell separated by spaces: ODK's geopoint "38.9382939 100.4019051 1520.3 4.8".
std::vector<double> numbers(std::string_view text)
{
    std::vector<double> out;
    text = trim(text);
    while (!text.empty()) {
        const auto space = text.find(' ');
        const std::string_view part = text.substr(0, space);
        double v = 0;
        const auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), v);
        if (ec != std::errc() || end != part.data() + part.size() || !std::isfinite(v)) return {};
        out.push_back(v);
        if (space == std::string_view::npos) break;
        text = trim(text.substr(space + 1));
    }
    return out;
}

// A column by the configured name, then by its common names; also a KoBo-style "_location_longitude" suffix.
int find_column(const OGRFeatureDefn& defn, const std::string& configured, std::span<const std::string_view> names,
                const char* suffix)
{
    if (!configured.empty()) return defn.GetFieldIndex(configured.c_str());
    for (const std::string_view n : names)
        if (const int i = defn.GetFieldIndex(std::string(n).c_str()); i >= 0) return i;
    for (int i = 0; i < defn.GetFieldCount(); ++i) {
        const std::string name = CPLString(defn.GetFieldDefn(i)->GetNameRef()).tolower();
        if (name.size() > std::string(suffix).size() && name.ends_with(suffix)) return i;
    }
    return -1;
}

std::optional<double> cell_number(OGRFeature& f, int i)
{
    if (i < 0 || !f.IsFieldSetAndNotNull(i)) return std::nullopt;
    const auto v = numbers(f.GetFieldAsString(i));
    return v.size() == 1 ? std::optional<double>(v.front()) : std::nullopt;
}

}  // namespace

GeopointLayer::~GeopointLayer()
{
    if (!m_folder.empty()) VSIRmdirRecursive(m_folder.c_str());
}

GeopointLayer as_point_layer(const OpenedLayer& opened, const std::map<std::string, std::string>& fields)
{
    OGRLayer& source = *opened.layer;
    if (wkbFlatten(source.GetGeomType()) != wkbNone) return {};
    const OGRFeatureDefn& defn = *source.GetLayerDefn();
    auto configured = [&fields](const char* role) {
        const auto it = fields.find(role);
        return it == fields.end() ? std::string() : it->second;
    };
    const int lon = find_column(defn, configured("lon"), k_lon, "longitude");
    const int lat = find_column(defn, configured("lat"), k_lat, "latitude");
    const int geopoint = lon >= 0 && lat >= 0 ? -1 : find_column(defn, "", k_geopoint, "geopoint");
    if ((lon < 0 || lat < 0) && geopoint < 0)
        throw InputError("the rows have no position: neither a geometry, nor longitude/latitude columns, nor an ODK "
                         "geopoint column",
                         in_file(opened.path.string(), opened.layer_name),
                         "name the columns 经度/纬度 (or lon/lat), or map them in [issues.fields] lon = \"…\", lat = \"…\"");

    static std::atomic<int> counter{0};
    const std::string folder = "/vsimem/geowalk-register/" + std::to_string(counter++);
    GeopointLayer out(folder);
    out.path = folder + "/upload.gpkg";
    GdalErrorTrap errors;
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    GDALDatasetUniquePtr ds(driver->Create(out.path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds) throw Error("cannot make an in-memory point layer: " + errors.message());
    OGRSpatialReference wgs84;
    wgs84.SetWellKnownGeogCS("WGS84");
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRLayer* target = ds->CreateLayer("upload", &wgs84, wkbPoint, nullptr);
    if (!target) throw Error("cannot make an in-memory point layer: " + errors.message());
    for (int i = 0; i < defn.GetFieldCount(); ++i) {
        OGRFieldDefn field(defn.GetFieldDefn(i));
        target->CreateField(&field);
    }
    ds->StartTransaction();
    source.ResetReading();
    for (auto& f : source) {
        OGRFeature copy(target->GetLayerDefn());
        copy.SetFrom(f.get(), TRUE);
        copy.SetFID(f->GetFID());
        std::optional<double> x, y;
        if (geopoint >= 0) {
            if (f->IsFieldSetAndNotNull(geopoint)) {
                const auto v = numbers(f->GetFieldAsString(geopoint));
                if (v.size() >= 2) {
                    y = v[0];  // ODK writes latitude first
                    x = v[1];
                }
            }
        } else {
            x = cell_number(*f, lon);
            y = cell_number(*f, lat);
        }
        if (x && y) copy.SetGeometryDirectly(new OGRPoint(*x, *y));
        if (target->CreateFeature(&copy) != OGRERR_NONE)
            throw Error("cannot copy a row to the in-memory point layer: " + errors.message());
    }
    source.ResetReading();
    ds->CommitTransaction();
    return out;
}

}  // namespace geo::load

// The GeoJSON copies (geojson/<layer>.geojson) checked against RFC 7946 with a reader that is not our writer:
// nlohmann::json parses the files, the expected coordinates are the GeoPackage's geometries reprojected by OGR
// here, and ring orientation is the sign of a shoelace area computed here.
#include "libgeo/core/error.hpp"
#include "libgeo/export/geojson_export.hpp"
#include "support.hpp"

#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <ogrsf_frmts.h>

#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

namespace geo::test {
namespace {

using Json = nlohmann::json;
using Point = std::array<double, 2>;

// A sequence of positions: a point, a line, or a polygon ring (exterior or hole).
struct Path {
    enum class Kind { points, line, exterior, hole } kind = Kind::points;
    std::vector<Point> points;
};

// At most `cap` messages kept, all counted: a systematic fault in a layer of 10,000 features prints 20 lines.
struct Problems {
    std::vector<std::string> shown;
    long long count = 0;
    void add(const std::string& message)
    {
        if (count++ < 20) shown.push_back(message);
    }
    [[nodiscard]] std::string str() const
    {
        std::string out = std::to_string(count) + " problem(s):\n";
        for (const auto& s : shown) out += "  " + s + "\n";
        return out;
    }
};

void json_paths(const Json& g, std::vector<Path>& out)
{
    const std::string type = g.at("type").get<std::string>();
    if (type == "GeometryCollection") {
        for (const auto& part : g.at("geometries")) json_paths(part, out);
        return;
    }
    const Json& c = g.at("coordinates");
    const auto positions = [](const Json& list, Path::Kind kind) {
        Path p{kind, {}};
        for (const auto& xy : list) p.points.push_back({xy.at(0).get<double>(), xy.at(1).get<double>()});
        return p;
    };
    const auto rings = [&](const Json& polygon) {
        for (std::size_t i = 0; i < polygon.size(); ++i)
            out.push_back(positions(polygon[i], i == 0 ? Path::Kind::exterior : Path::Kind::hole));
    };
    if (type == "Point") out.push_back(positions(Json::array({c}), Path::Kind::points));
    else if (type == "MultiPoint") out.push_back(positions(c, Path::Kind::points));
    else if (type == "LineString") out.push_back(positions(c, Path::Kind::line));
    else if (type == "MultiLineString") for (const auto& l : c) out.push_back(positions(l, Path::Kind::line));
    else if (type == "Polygon") rings(c);
    else if (type == "MultiPolygon") for (const auto& p : c) rings(p);
    else throw std::runtime_error("unexpected GeoJSON type " + type);
}

void ogr_paths(const OGRGeometry& g, std::vector<Path>& out)
{
    const auto line = [](const OGRLineString& l, Path::Kind kind) {
        Path p{kind, {}};
        for (int i = 0; i < l.getNumPoints(); ++i) p.points.push_back({l.getX(i), l.getY(i)});
        return p;
    };
    const auto polygon = [&](const OGRPolygon& p) {
        if (p.IsEmpty()) return;
        out.push_back(line(*p.getExteriorRing(), Path::Kind::exterior));
        for (int i = 0; i < p.getNumInteriorRings(); ++i) out.push_back(line(*p.getInteriorRing(i), Path::Kind::hole));
    };
    switch (wkbFlatten(g.getGeometryType())) {
    case wkbPoint: out.push_back({Path::Kind::points, {{g.toPoint()->getX(), g.toPoint()->getY()}}}); break;
    case wkbMultiPoint: {
        Path p{Path::Kind::points, {}};
        for (const OGRPoint* pt : *g.toMultiPoint()) p.points.push_back({pt->getX(), pt->getY()});
        out.push_back(p);
        break;
    }
    case wkbLineString: out.push_back(line(*g.toLineString(), Path::Kind::line)); break;
    case wkbMultiLineString:
        for (const OGRLineString* l : *g.toMultiLineString()) out.push_back(line(*l, Path::Kind::line));
        break;
    case wkbPolygon: polygon(*g.toPolygon()); break;
    case wkbMultiPolygon:
        for (const OGRPolygon* p : *g.toMultiPolygon()) polygon(*p);
        break;
    case wkbGeometryCollection:
        for (const OGRGeometry* part : *g.toGeometryCollection()) ogr_paths(*part, out);
        break;
    default: throw std::runtime_error(std::string("unexpected OGR type ") + g.getGeometryName());
    }
}

// Twice the signed area in lon/lat (shoelace, relative to the first vertex for precision): positive when the
// ring runs counter-clockwise.
double signed_area(const std::vector<Point>& ring)
{
    if (ring.empty()) return 0;
    const Point o = ring.front();
    double a = 0;
    for (std::size_t i = 0; i + 1 < ring.size(); ++i)
        a += (ring[i][0] - o[0]) * (ring[i + 1][1] - o[1]) - (ring[i + 1][0] - o[0]) * (ring[i][1] - o[1]);
    return a;
}

// How much rounding every coordinate by up to 0.5e-7 degrees can change signed_area: moving x_i by e changes it
// by e * (y_i+1 - y_i-1), so at most 1e-7 * the sum of |dx| + |dy| over the edges, plus second-order terms.
// A ring whose area is within this of zero (a sliver of a few square millimetres) has no orientation left after
// rounding to 7 decimals.
double rounding_bound(const std::vector<Point>& ring)
{
    double b = 0;
    for (std::size_t i = 0; i + 1 < ring.size(); ++i)
        b += std::abs(ring[i + 1][0] - ring[i][0]) + std::abs(ring[i + 1][1] - ring[i][1]);
    return 1e-7 * b + 4 * 0.25e-14 * static_cast<double>(ring.size());
}

// Digits after the decimal point of the shortest text that reads back as `v` (the file's own digits, since the
// parser rounds correctly and a number of at most 15 significant digits survives the round trip unchanged).
int decimals(double v)
{
    char text[64];
    const auto [end, ec] = std::to_chars(text, text + sizeof text, v, std::chars_format::fixed);
    if (ec != std::errc{}) return 99;
    const std::string s(text, end);
    const auto dot = s.find('.');
    return dot == std::string::npos ? 0 : static_cast<int>(s.size() - dot - 1);
}

// GDAL 3.6's GeoJSON writer formats a coordinate with "%.7f" and then its "intelliround" (ogrutils.cpp): in a text
// longer than 10 characters, a digit after a run of five 0s is dropped, and five 9s and a digit are rounded up,
// taken for binary round-off. So 100.5000002 is written as 100.5 (2e-7 off) and 100.4999992 as 100.5 (8e-7 off):
// longitudes east of 100 E are affected, about one coordinate in 50,000. Such a coordinate is allowed 1e-6.
double tolerance_for(double v)
{
    char text[64];
    const int n = std::snprintf(text, sizeof text, "%.7f", v);
    if (n <= 10) return 1e-7;
    const std::string t(text, static_cast<std::size_t>(n));
    const std::string run = t.substr(t.size() - 6, 5);
    return run == "00000" || run == "99999" ? 1e-6 : 1e-7;
}

bool near(const std::vector<Point>& got, const std::vector<Point>& expected)
{
    if (got.size() != expected.size()) return false;
    for (std::size_t i = 0; i < got.size(); ++i)
        for (std::size_t k = 0; k < 2; ++k)
            if (std::abs(got[i][k] - expected[i][k]) > tolerance_for(expected[i][k])) return false;
    return true;
}

OGRSpatialReference lon_lat()
{
    OGRSpatialReference srs;
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    srs.importFromEPSG(4326);
    return srs;
}

// Every RFC 7946 rule and the content of `layer` (features in the same order, every field) in the parsed file.
// Returns the number of rings too small to keep an orientation at 7 decimals.
long long check_copy(const Json& fc, OGRLayer& layer, Problems& problems)
{
    long long slivers = 0;
    if (fc.value("type", "") != "FeatureCollection") problems.add("not a FeatureCollection");
    if (fc.contains("crs")) problems.add("a \"crs\" member (RFC 7946 section 4 leaves it out)");
    const Json& features = fc.at("features");
    if (static_cast<long long>(features.size()) != layer.GetFeatureCount(TRUE))
        problems.add(std::to_string(features.size()) + " features instead of " +
                     std::to_string(layer.GetFeatureCount(TRUE)));

    OGRSpatialReference from(*layer.GetSpatialRef());
    from.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    const OGRSpatialReference to = lon_lat();
    const std::unique_ptr<OGRCoordinateTransformation> ct(OGRCreateCoordinateTransformation(&from, &to));
    if (!ct) {
        problems.add("OGR has no transformation from the layer's CRS");
        return slivers;
    }

    OGRFeatureDefn* defn = layer.GetLayerDefn();
    std::size_t index = 0;
    layer.ResetReading();
    for (auto& feature : layer) {
        if (index >= features.size()) break;
        const Json& f = features[index++];
        const std::string at = "feature " + std::to_string(index - 1) + ": ";
        if (f.value("type", "") != "Feature") problems.add(at + "not a Feature");
        if (f.contains("crs")) problems.add(at + "a \"crs\" member");

        // Properties: every field with its value; text byte for byte (UTF-8 kept).
        const Json& props = f.at("properties");
        for (int i = 0; i < defn->GetFieldCount(); ++i) {
            const char* name = defn->GetFieldDefn(i)->GetNameRef();
            // JSON has no NaN or infinity; GDAL writes such a value as no value (WRITE_NON_FINITE_VALUES=NO).
            const bool non_finite = defn->GetFieldDefn(i)->GetType() == OFTReal && feature->IsFieldSetAndNotNull(i) &&
                                    !std::isfinite(feature->GetFieldAsDouble(i));
            if (!props.contains(name) || non_finite) {
                if (feature->IsFieldSetAndNotNull(i) && !non_finite) problems.add(at + "no property " + name);
                if (non_finite && props.contains(name) && !props.at(name).is_null())
                    problems.add(at + name + " should be null, not " + props.at(name).dump());
                continue;
            }
            const Json& v = props.at(name);
            if (!feature->IsFieldSetAndNotNull(i)) {
                if (!v.is_null()) problems.add(at + name + " should be null");
                continue;
            }
            switch (defn->GetFieldDefn(i)->GetType()) {
            case OFTString:
                if (!v.is_string() || v.get<std::string>() != feature->GetFieldAsString(i))
                    problems.add(at + name + " is " + v.dump() + ", not " + feature->GetFieldAsString(i));
                break;
            case OFTInteger:
            case OFTInteger64:
                if (v.is_boolean() ? v.get<bool>() != (feature->GetFieldAsInteger64(i) != 0)
                                   : !v.is_number_integer() || v.get<long long>() != feature->GetFieldAsInteger64(i))
                    problems.add(at + name + " is " + v.dump());
                break;
            case OFTReal:
                if (!v.is_number() || std::abs(v.get<double>() - feature->GetFieldAsDouble(i)) >
                                          1e-12 * std::max(1.0, std::abs(feature->GetFieldAsDouble(i))))
                    problems.add(at + name + " is " + v.dump());
                break;
            default: break;
            }
        }

        // Geometry: null where the GeoPackage has none, else the reprojected one within rounding.
        const OGRGeometry* g = feature->GetGeometryRef();
        const Json& geometry = f.at("geometry");
        if (!g || g->IsEmpty()) {
            if (!geometry.is_null() && !geometry.value("coordinates", Json::array()).empty())
                problems.add(at + "a geometry where the GeoPackage has none");
            continue;
        }
        if (geometry.is_null()) {
            problems.add(at + "geometry null");
            continue;
        }
        std::vector<Path> got, expected;
        json_paths(geometry, got);
        OGRGeometryUniquePtr reprojected(g->clone());
        if (reprojected->transform(ct.get()) != OGRERR_NONE) {
            problems.add(at + "OGR cannot reproject the GeoPackage geometry");
            continue;
        }
        ogr_paths(*reprojected, expected);
        if (got.size() != expected.size()) {
            problems.add(at + std::to_string(got.size()) + " parts or rings instead of " +
                         std::to_string(expected.size()));
            continue;
        }
        for (std::size_t p = 0; p < got.size(); ++p) {
            const Path& path = got[p];
            for (const Point& xy : path.points) {
                if (!(xy[0] >= -180 && xy[0] <= 180 && xy[1] >= -90 && xy[1] <= 90))
                    problems.add(at + "position out of range: " + std::to_string(xy[0]) + ", " + std::to_string(xy[1]));
                if (decimals(xy[0]) > 7 || decimals(xy[1]) > 7)
                    problems.add(at + "more than 7 decimals: " + Json(xy[0]).dump() + ", " + Json(xy[1]).dump());
            }
            if (path.kind != expected[p].kind) problems.add(at + "part " + std::to_string(p) + " changed kind");
            const bool ring = path.kind == Path::Kind::exterior || path.kind == Path::Kind::hole;
            if (ring && std::abs(signed_area(expected[p].points)) <= rounding_bound(expected[p].points)) {
                ++slivers;  // no orientation to check at 7 decimals
            } else {
                if (path.kind == Path::Kind::exterior && !(signed_area(path.points) > 0))
                    problems.add(at + "exterior ring " + std::to_string(p) + " is not counter-clockwise");
                if (path.kind == Path::Kind::hole && !(signed_area(path.points) < 0))
                    problems.add(at + "hole " + std::to_string(p) + " is not clockwise");
            }
            // A ring may have been reversed to follow the right-hand rule; nothing else may change.
            std::vector<Point> reversed(expected[p].points.rbegin(), expected[p].points.rend());
            if (!near(path.points, expected[p].points) && !(ring && near(path.points, reversed)))
                problems.add(at + "part " + std::to_string(p) + " differs from the reprojected GeoPackage geometry");
        }
    }
    return slivers;
}

Json parse_file(const std::filesystem::path& file) { return Json::parse(read_text(file)); }

// A small GeoPackage in two projected CRSs, written with GDAL directly: a village whose rings run the wrong way
// for RFC 7946 (exterior clockwise, hole counter-clockwise), a feature without geometry, a point layer, a table.
void write_small_gpkg(const std::filesystem::path& file)
{
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    GDALDatasetUniquePtr ds(driver->Create(file.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    ASSERT_TRUE(ds);
    OGRSpatialReference gk;  // CGCS2000 3-degree Gauss-Kruger CM 99E, the sample town's CRS
    ASSERT_EQ(gk.importFromEPSG(4542), OGRERR_NONE);
    OGRLayer* villages = ds->CreateLayer("villages", &gk, wkbPolygon, nullptr);
    ASSERT_NE(villages, nullptr);
    OGRFieldDefn name("name", OFTString), area("area_m2", OFTReal), code("code", OFTInteger);
    ASSERT_EQ(villages->CreateField(&name), OGRERR_NONE);
    ASSERT_EQ(villages->CreateField(&area), OGRERR_NONE);
    ASSERT_EQ(villages->CreateField(&code), OGRERR_NONE);
    const auto add = [&](OGRLayer* layer, const char* wkt, const char* village, double a, int c) {
        OGRFeatureUniquePtr f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
        if (layer->GetLayerDefn()->GetFieldCount() == 3) {
            f->SetField("name", village);
            f->SetField("area_m2", a);
            f->SetField("code", c);
        }
        if (wkt) {
            OGRGeometry* g = nullptr;
            ASSERT_EQ(OGRGeometryFactory::createFromWkt(wkt, nullptr, &g), OGRERR_NONE);
            f->SetGeometryDirectly(g);
        }
        ASSERT_EQ(layer->CreateFeature(f.get()), OGRERR_NONE);
    };
    // Exterior clockwise, hole counter-clockwise: what RFC 7946 forbids and the export must turn around.
    add(villages,
        "POLYGON ((500000.123456 4310000.987654, 500000 4312000, 502000 4312000, 502000 4310000, "
        "500000.123456 4310000.987654), (500500 4310500, 501500 4310500, 501500 4311500, 500500 4311500, "
        "500500 4310500))",
        "甘浚村", 4'000'000.123456789, 1);
    add(villages, nullptr, "巴吉滩村 (no boundary yet)", 0.0, 2);
    OGRSpatialReference utm;
    ASSERT_EQ(utm.importFromEPSG(32647), OGRERR_NONE);
    OGRLayer* points = ds->CreateLayer("gi_features", &utm, wkbPoint, nullptr);
    ASSERT_NE(points, nullptr);
    add(points, "POINT (456789.123 4321098.765)", nullptr, 0, 0);
    OGRLayer* table = ds->CreateLayer("rejects", nullptr, wkbNone, nullptr);
    ASSERT_NE(table, nullptr);
    OGRFeatureUniquePtr row(OGRFeature::CreateFeature(table->GetLayerDefn()));
    ASSERT_EQ(table->CreateFeature(row.get()), OGRERR_NONE);
}

}  // namespace

TEST(GeojsonExport, TurnsRingsConvertsEveryCrsAndSkipsTables)
{
    TempDir dir("geowalk-geojson");
    write_small_gpkg(dir / "small.gpkg");
    const auto written = output::write_geojson_layers(dir / "small.gpkg", dir / "geojson").written;
    EXPECT_EQ(written, (std::vector<std::string>{"villages.geojson", "gi_features.geojson"}));
    EXPECT_FALSE(std::filesystem::exists(dir / "geojson/rejects.geojson"));

    GDALDatasetUniquePtr gpkg = open_readonly(dir / "small.gpkg", GDAL_OF_VECTOR);
    ASSERT_TRUE(gpkg);
    for (const char* name : {"villages", "gi_features"}) {
        SCOPED_TRACE(name);
        Problems problems;
        const Json fc = parse_file(dir / "geojson" / (std::string(name) + ".geojson"));
        EXPECT_EQ(check_copy(fc, *gpkg->GetLayerByName(name), problems), 0);
        EXPECT_EQ(problems.count, 0) << problems.str();
    }
    const Json villages = parse_file(dir / "geojson/villages.geojson");
    ASSERT_EQ(villages["features"].size(), 2u);
    const Json& first = villages["features"][0];
    EXPECT_EQ(first["properties"]["name"], "甘浚村");
    EXPECT_EQ(villages["features"][1]["properties"]["name"], "巴吉滩村 (no boundary yet)");
    EXPECT_TRUE(villages["features"][1]["geometry"].is_null());
    // Hand-checked: the village lies at about 99.0 E, 38.9 N, and the rings were turned around.
    const Json& ring = first["geometry"]["coordinates"][0];
    EXPECT_NEAR(ring[0][0].get<double>(), 99.0, 0.01);
    EXPECT_NEAR(ring[0][1].get<double>(), 38.93, 0.02);
    std::vector<Point> exterior, hole;
    for (const auto& xy : ring) exterior.push_back({xy[0].get<double>(), xy[1].get<double>()});
    for (const auto& xy : first["geometry"]["coordinates"][1]) hole.push_back({xy[0].get<double>(), xy[1].get<double>()});
    EXPECT_GT(signed_area(exterior), 0);
    EXPECT_LT(signed_area(hole), 0);
    // Text is UTF-8 as is, not \u escapes, so any viewer shows the names.
    EXPECT_NE(read_text(dir / "geojson/villages.geojson").find("甘浚村"), std::string::npos);
}

TEST(GeojsonExport, LayerWithoutCrsIsAnErrorAndLeavesNoFile)
{
    TempDir dir("geowalk-geojson");
    {
        GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
        GDALDatasetUniquePtr ds(driver->Create((dir / "nocrs.gpkg").c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        ASSERT_TRUE(ds);
        OGRLayer* layer = ds->CreateLayer("lines", nullptr, wkbLineString, nullptr);
        ASSERT_NE(layer, nullptr);
    }
    try {
        (void)output::write_geojson_layers(dir / "nocrs.gpkg", dir / "geojson");
        FAIL() << "expected an OutputError";
    } catch (const OutputError& e) {
        EXPECT_EQ(e.where().layer, "lines");
        EXPECT_NE(e.where().file.find("lines.geojson"), std::string::npos) << e.where().file;
    }
    EXPECT_FALSE(std::filesystem::exists(dir / "geojson/lines.geojson"));
}

// The layers are written on several threads, largest first: the files are the same bytes as one thread writes.
TEST(GeojsonExport, ThreadsWriteTheSameFiles)
{
    TempDir dir("geowalk-geojson");
    const auto one = output::write_geojson_layers(sample_run() / "geowalk.gpkg", dir / "one", 1).written;
    const auto two = output::write_geojson_layers(sample_run() / "geowalk.gpkg", dir / "two", 2).written;
    EXPECT_EQ(one, two);
    ASSERT_GE(one.size(), 10u);
    for (const auto& name : one) {
        SCOPED_TRACE(name);
        const std::string text = read_text(dir / "one" / name);
        EXPECT_GT(text.size(), 50u);
        EXPECT_EQ(text, read_text(dir / "two" / name));
    }
}

namespace {

// The sample run's layers with a geometry and their feature counts, as OGR reads them.
std::map<std::string, long long> geometry_layer_counts()
{
    GDALDatasetUniquePtr gpkg = open_readonly(sample_run() / "geowalk.gpkg", GDAL_OF_VECTOR);
    std::map<std::string, long long> counts;
    for (OGRLayer* layer : gpkg->GetLayers())
        if (layer->GetGeomType() != wkbNone) counts[layer->GetName()] = layer->GetFeatureCount(TRUE);
    return counts;
}

std::set<std::string> names_of(const std::vector<output::GeojsonLeftOut>& left)
{
    std::set<std::string> out;
    for (const auto& l : left) out.insert(l.layer);
    return out;
}

}  // namespace

// A layer of more features than the limit gets no copy and is reported with its count; the others are copied.
TEST(GeojsonExport, LayersAboveTheFeatureLimitAreLeftOut)
{
    TempDir dir("geowalk-geojson-limit");
    const auto counts = geometry_layer_counts();
    std::vector<long long> sizes;
    for (const auto& [name, n] : counts) sizes.push_back(n);
    std::sort(sizes.begin(), sizes.end());
    const long long limit = sizes[sizes.size() / 2];
    std::set<std::string> above, within;
    for (const auto& [name, n] : counts) (n > limit ? above : within).insert(name + (n > limit ? "" : ".geojson"));
    ASSERT_FALSE(above.empty());
    ASSERT_FALSE(within.empty());
    output::GeojsonChoice choice;
    choice.max_features = limit;
    choice.max_mb = 1e9;
    const auto copies = output::write_geojson_layers(sample_run() / "geowalk.gpkg", dir / "geojson", 2, choice);
    EXPECT_EQ(names_of(copies.left_out), above);
    EXPECT_EQ(std::set<std::string>(copies.written.begin(), copies.written.end()), within);
    for (const auto& left : copies.left_out) {
        EXPECT_FALSE(std::filesystem::exists(dir / "geojson" / (left.layer + ".geojson"))) << left.layer;
        EXPECT_EQ(left.features, counts.at(left.layer));
        EXPECT_NE(left.reason.find("features, more than"), std::string::npos) << left.reason;
    }
    for (const auto& name : within) EXPECT_TRUE(std::filesystem::exists(dir / "geojson" / name)) << name;
}

// The size estimate, from the first features, is close to the size of the file GDAL writes; a layer estimated
// above the size limit is left out before a byte of it is written.
TEST(GeojsonExport, SizeEstimateIsCloseAndTheSizeLimitApplies)
{
    TempDir dir("geowalk-geojson-size");
    output::GeojsonChoice all;
    all.mode = output::GeojsonChoice::Mode::all;
    const auto copies = output::write_geojson_layers(sample_run() / "geowalk.gpkg", dir / "all", 2, all);
    GDALDatasetUniquePtr gpkg = open_readonly(sample_run() / "geowalk.gpkg", GDAL_OF_VECTOR);
    std::string largest;
    double largest_mb = 0;
    for (const auto& file : copies.written) {
        const std::string name = file.substr(0, file.size() - 8);
        const double actual = static_cast<double>(std::filesystem::file_size(dir / "all" / file)) / 1e6;
        const double estimate = output::estimated_geojson_mb(*gpkg->GetLayerByName(name.c_str()));
        // A fifth either way, and a kilobyte for the tiny layers (the collection's own header).
        EXPECT_NEAR(estimate, actual, 0.2 * actual + 0.001) << name;
        if (actual > largest_mb) largest_mb = actual, largest = name;
    }
    ASSERT_GT(largest_mb, 0.05);
    output::GeojsonChoice limited;
    limited.max_mb = largest_mb * 0.7;
    const auto within = output::write_geojson_layers(sample_run() / "geowalk.gpkg", dir / "limited", 2, limited);
    EXPECT_TRUE(names_of(within.left_out).count(largest)) << largest;
    EXPECT_FALSE(std::filesystem::exists(dir / "limited" / (largest + ".geojson")));
    EXPECT_FALSE(within.written.empty());
}

TEST(GeojsonExport, ListedNoneAndUnknownLayers)
{
    TempDir dir("geowalk-geojson-list");
    output::GeojsonChoice listed;
    listed.mode = output::GeojsonChoice::Mode::listed;
    listed.layers = {"villages", "uncovered"};
    const auto copies = output::write_geojson_layers(sample_run() / "geowalk.gpkg", dir / "list", 2, listed);
    EXPECT_EQ(copies.written, (std::vector<std::string>{"villages.geojson", "uncovered.geojson"}));
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir / "list")) ++files;
    EXPECT_EQ(files, 2u);

    output::GeojsonChoice none;
    none.mode = output::GeojsonChoice::Mode::none;
    EXPECT_TRUE(output::write_geojson_layers(sample_run() / "geowalk.gpkg", dir / "none", 2, none).written.empty());
    EXPECT_FALSE(std::filesystem::exists(dir / "none"));

    listed.layers = {"villages", "hotspot_cell"};
    try {
        (void)output::write_geojson_layers(sample_run() / "geowalk.gpkg", dir / "typo", 2, listed);
        FAIL() << "expected a UsageError";
    } catch (const UsageError& e) {
        EXPECT_NE(std::string(e.what()).find("hotspot_cell'"), std::string::npos) << e.what();
        EXPECT_NE(e.hint().find("hotspot_cells"), std::string::npos) << e.hint();
    }
}

// A whole run of the sample town: every layer of geowalk.gpkg with a geometry has its copy, and every copy follows
// RFC 7946 and holds what the GeoPackage holds.
TEST(GeojsonExport, SampleRunCopiesEveryLayerFollowingRfc7946)
{
    const auto& dir = sample_run();

    GDALDatasetUniquePtr gpkg = open_readonly(dir / "geowalk.gpkg", GDAL_OF_VECTOR);
    ASSERT_TRUE(gpkg);
    std::set<std::string> expected_files, files;
    for (OGRLayer* layer : gpkg->GetLayers())
        if (layer->GetGeomType() != wkbNone) expected_files.insert(std::string(layer->GetName()) + ".geojson");
    for (const auto& entry : std::filesystem::directory_iterator(dir / "geojson"))
        files.insert(entry.path().filename().string());
    EXPECT_EQ(files, expected_files);
    for (const char* layer : {"villages", "network", "sites", "tracks", "issues", "network_coverage", "uncovered",
                              "site_coverage", "village_coverage", "blind_areas", "hotspot_cells", "rebounds"})
        EXPECT_EQ(files.count(std::string(layer) + ".geojson"), 1u) << layer;
    EXPECT_EQ(files.count("rejects.geojson"), 0u);  // a table: its geometry_wkt stays in the GeoPackage

    long long rings_without_orientation = 0;
    for (OGRLayer* layer : gpkg->GetLayers()) {
        if (layer->GetGeomType() == wkbNone) continue;
        SCOPED_TRACE(layer->GetName());
        Problems problems;
        rings_without_orientation +=
            check_copy(parse_file(dir / "geojson" / (std::string(layer->GetName()) + ".geojson")), *layer, problems);
        EXPECT_EQ(problems.count, 0) << problems.str();
    }
    // blind_areas of the sample holds two slivers of under 0.001 m2 (left by clipping the distance bands to the
    // villages); nothing else may be that small.
    EXPECT_LE(rings_without_orientation, 5);

    // The village names, Chinese, exactly as in the GeoPackage (check_copy compared every one); one by sight.
    const Json villages = parse_file(dir / "geojson/villages.geojson");
    bool ganjun = false;
    for (const auto& f : villages["features"]) ganjun = ganjun || f["properties"].value("name", "") == "甘浚村";
    EXPECT_TRUE(ganjun);
}

}  // namespace geo::test

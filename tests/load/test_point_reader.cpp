#include "libgeo/load/point_reader.hpp"

#include "libgeo/core/error.hpp"
#include "support.hpp"

#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <limits>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace geo::load {

namespace {

// A point layer with a text, a real and an integer field. Besides `extra` random points (enough for several Arrow
// batches), six features to skip or keep: a point, no geometry, a line, a point with a null weight, a point, an
// empty point.
std::filesystem::path write_layer(const std::filesystem::path& file, const char* driver_name, int extra)
{
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driver_name);
    GDALDatasetUniquePtr ds(driver->Create(file.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    OGRSpatialReference srs;
    srs.importFromEPSG(32650);
    OGRLayer* layer = ds->CreateLayer("points", &srs, wkbPoint, nullptr);
    OGRFieldDefn name("name", OFTString), w("w", OFTReal), n("n", OFTInteger), raw("raw", OFTBinary);
    layer->CreateField(&name);
    layer->CreateField(&w);
    layer->CreateField(&n);
    if (std::string(driver_name) == "GPKG") layer->CreateField(&raw);  // binary: before the geometry in the stream
    auto add = [&](OGRGeometry* g, const char* text, std::optional<double> weight, int count) {
        OGRFeature f(layer->GetLayerDefn());
        f.SetField("name", text);
        if (weight) f.SetField("w", *weight);
        f.SetField("n", count);
        const bool point_or_none = !g || wkbFlatten(g->getGeometryType()) == wkbPoint;
        if (g) f.SetGeometryDirectly(g);
        const OGRErr created = layer->CreateFeature(&f);
        if (point_or_none) {
            ASSERT_EQ(created, OGRERR_NONE);  // (a point Shapefile refuses the line)
        }
    };
    add(new OGRPoint(500'010.0, 3'400'020.0), "一", 2.0, 3);
    add(nullptr, "no geometry", 1.0, 1);
    auto* line = new OGRLineString;
    line->addPoint(500'000.0, 3'400'000.0);
    line->addPoint(500'100.0, 3'400'000.0);
    add(line, "line", 1.0, 1);
    add(new OGRPoint(500'030.0, 3'400'040.0), "null weight", std::nullopt, 4);
    add(new OGRPoint(500'050.25, 3'399'992.5), "b", 0.5, 7);
    add(new OGRPoint, "empty", 1.0, 1);
    ds->StartTransaction();
    std::mt19937 random(7);
    std::uniform_real_distribution<double> metres(0.0, 20'000.0);
    for (int i = 0; i < extra; ++i)
        add(new OGRPoint(490'000.0 + metres(random), 3'390'000.0 + metres(random)), "r", metres(random) / 1000.0,
            i % 17);
    ds->CommitTransaction();
    return file;
}

// The independent reading: OGR's feature loop, keeping what read_layer_points promises to keep.
std::vector<raster::KdePoint> feature_loop(const std::filesystem::path& file, const std::string& weight)
{
    GDALDatasetUniquePtr ds(GDALDataset::Open(file.c_str(), GDAL_OF_VECTOR));
    std::vector<raster::KdePoint> points;
    for (const auto& f : *ds->GetLayer(0)) {
        const OGRGeometry* g = f->GetGeometryRef();
        if (!g || g->IsEmpty() || wkbFlatten(g->getGeometryType()) != wkbPoint) continue;
        if (!weight.empty() && !f->IsFieldSetAndNotNull(f->GetFieldIndex(weight.c_str()))) continue;
        points.push_back({g->toPoint()->getX(), g->toPoint()->getY(),
                          weight.empty() ? 1.0 : f->GetFieldAsDouble(weight.c_str())});
    }
    return points;
}

void expect_same(const std::vector<raster::KdePoint>& a, const std::vector<raster::KdePoint>& b)
{
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        ASSERT_EQ(a[i].x, b[i].x) << i;
        ASSERT_EQ(a[i].y, b[i].y) << i;
        ASSERT_EQ(a[i].weight, b[i].weight) << i;
    }
}

}  // namespace

// With every attribute ignored (no weight): GDAL 3.6.2's GeoPackage Arrow stream returned empty geometries in that
// case unless the FID is kept, which the reader does.
TEST(PointReader, GeoPackageWithoutWeightGivesEveryPointAndNamesTheOthers)
{
    test::TempDir dir;
    const auto file = write_layer(dir / "p.gpkg", "GPKG", 150'000);
    const LayerPoints read = read_layer_points(file, "", "");
    expect_same(read.points, feature_loop(file, ""));
    EXPECT_EQ(read.points.size(), 150'003u);
    EXPECT_EQ(read.points[0].x, 500'010.0);
    EXPECT_EQ(read.points[2].y, 3'399'992.5);
    EXPECT_EQ(read.skipped, (std::vector<std::int64_t>{2, 3, 6}));  // GeoPackage FIDs start at 1
    EXPECT_NE(read.crs_wkt.find("32650"), std::string::npos);
}

TEST(PointReader, RealAndIntegerWeightsAreRead)
{
    test::TempDir dir;
    const auto file = write_layer(dir / "p.gpkg", "GPKG", 1000);
    const LayerPoints real = read_layer_points(file, "points", "w");
    expect_same(real.points, feature_loop(file, "w"));
    EXPECT_EQ(real.points[0].weight, 2.0);
    EXPECT_EQ(real.skipped, (std::vector<std::int64_t>{2, 3, 4, 6}));
    const LayerPoints integer = read_layer_points(file, "points", "n");
    expect_same(integer.points, feature_loop(file, "n"));
    EXPECT_EQ(integer.points[1].weight, 4.0);  // the null real weight does not matter here
}

// Drivers without their own Arrow stream go through GDAL's generic one.
TEST(PointReader, ShapefileGoesThroughTheGenericStream)
{
    test::TempDir dir;
    const auto file = write_layer(dir / "p.shp", "ESRI Shapefile", 70'000);
    const LayerPoints read = read_layer_points(file, "", "w");
    expect_same(read.points, feature_loop(file, "w"));
    EXPECT_GE(read.skipped.size(), 3u);  // the line cannot be in a point shapefile; the others are skipped
}

TEST(PointReader, NonFiniteCoordinatesAreSkipped)
{
    test::TempDir dir;
    const auto file = dir / "inf.gpkg";
    {
        GDALDatasetUniquePtr ds(
            GetGDALDriverManager()->GetDriverByName("GPKG")->Create(file.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        OGRLayer* layer = ds->CreateLayer("points", nullptr, wkbPoint, nullptr);
        for (const double x : {1.0, std::numeric_limits<double>::infinity(), 3.0}) {
            OGRFeature f(layer->GetLayerDefn());
            f.SetGeometryDirectly(new OGRPoint(x, 2.0));
            ASSERT_EQ(layer->CreateFeature(&f), OGRERR_NONE);
        }
    }
    const LayerPoints read = read_layer_points(file, "", "");
    ASSERT_EQ(read.points.size(), 2u);
    EXPECT_EQ(read.points[1].x, 3.0);
    EXPECT_EQ(read.skipped, (std::vector<std::int64_t>{2}));
}

TEST(PointReader, BadWeightFieldsAndLayersAreInputErrors)
{
    test::TempDir dir;
    const auto file = write_layer(dir / "p.gpkg", "GPKG", 10);
    EXPECT_THROW(read_layer_points(file, "", "name"), InputError);     // text
    EXPECT_THROW(read_layer_points(file, "", "raw"), InputError);      // binary, not taken for the geometry
    EXPECT_THROW(read_layer_points(file, "", "missing"), InputError);  // no such field
    EXPECT_THROW(read_layer_points(file, "nope", ""), InputError);     // no such layer
    EXPECT_THROW(read_layer_points(dir / "none.gpkg", "", ""), InputError);
}

}  // namespace geo::load

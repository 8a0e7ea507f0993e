#include "libgeo/export/raster_writer.hpp"

#include "libgeo/core/error.hpp"
#include "export/cog_check.hpp"
#include "support.hpp"

#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogr_spatialref.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>

namespace geo::output {

namespace {

std::string utm47n_wkt() { return test::epsg_wkt(32647); }

// Larger than one 512-pixel tile, so the COG gets overviews; a corner of nodata.
raster::Raster sample_raster()
{
    raster::Grid g;
    g.origin_x = 625'700.0;
    g.origin_y = 4'310'000.0;
    g.pixel = 10.0;
    g.cols = 1100;
    g.rows = 700;
    raster::Raster r{g, std::vector<float>(g.cells())};
    for (int row = 0; row < g.rows; ++row)
        for (int col = 0; col < g.cols; ++col)
            r.at(col, row) = col < 100 && row < 100 ? raster::nodata
                                                     : static_cast<float>(std::hypot(col - 600.0, row - 300.0) * 10.0);
    return r;
}

}  // namespace

TEST(RasterWriter, WritesACloudOptimizedGeoTiff)
{
    test::TempDir dir("geowalk-cog");
    const auto file = dir / "walk_distance.tif";
    const raster::Raster r = sample_raster();
    const std::string wkt = utm47n_wkt();
    write_cog(file, r, wkt, "distance to the nearest walk (m)", {{"GEOWALK_ANALYSIS", "blindspots"}});

    const GDALDatasetUniquePtr ds = test::open_readonly(file);
    ASSERT_TRUE(ds);
    EXPECT_STREQ(ds->GetDriver()->GetDescription(), "GTiff");
    const test::CogReport cog = test::validate_cog(file);
    EXPECT_TRUE(cog.errors.empty()) << test::joined(cog.errors);
    EXPECT_TRUE(cog.warnings.empty()) << test::joined(cog.warnings);
    const auto contract = test::cog_contract_problems(file);
    EXPECT_TRUE(contract.empty()) << test::joined(contract);
    EXPECT_STREQ(ds->GetMetadataItem("COMPRESSION", "IMAGE_STRUCTURE"), "DEFLATE");
    EXPECT_STREQ(ds->GetMetadataItem("GEOWALK_ANALYSIS"), "blindspots");
    ASSERT_EQ(ds->GetRasterCount(), 1);
    EXPECT_EQ(ds->GetRasterXSize(), 1100);
    EXPECT_EQ(ds->GetRasterYSize(), 700);

    double gt[6];
    ASSERT_EQ(ds->GetGeoTransform(gt), CE_None);
    const auto expected = r.grid.geotransform();
    for (int i = 0; i < 6; ++i) EXPECT_DOUBLE_EQ(gt[i], expected[static_cast<std::size_t>(i)]);
    OGRSpatialReference input;
    ASSERT_EQ(input.importFromWkt(wkt.c_str()), OGRERR_NONE);
    const OGRSpatialReference* written = ds->GetSpatialRef();
    ASSERT_NE(written, nullptr);
    EXPECT_TRUE(written->IsSame(&input));

    GDALRasterBand* band = ds->GetRasterBand(1);
    EXPECT_EQ(band->GetRasterDataType(), GDT_Float32);
    int has_nodata = FALSE;
    EXPECT_EQ(band->GetNoDataValue(&has_nodata), raster::nodata);
    EXPECT_TRUE(has_nodata);
    EXPECT_STREQ(band->GetDescription(), "distance to the nearest walk (m)");
    EXPECT_GE(band->GetOverviewCount(), 1);

    // Statistics travel inside the file and leave out nodata.
    float max_value = 0.0F;
    float min_value = 1e30F;
    for (const float v : r.values)
        if (v != raster::nodata) {
            max_value = std::max(max_value, v);
            min_value = std::min(min_value, v);
        }
    const char* maximum = band->GetMetadataItem("STATISTICS_MAXIMUM");
    const char* minimum = band->GetMetadataItem("STATISTICS_MINIMUM");
    ASSERT_NE(maximum, nullptr);
    ASSERT_NE(minimum, nullptr);
    EXPECT_NEAR(std::atof(maximum), max_value, 1e-3);
    EXPECT_NEAR(std::atof(minimum), min_value, 1e-3);

    std::vector<float> back(r.values.size());
    ASSERT_EQ(band->RasterIO(GF_Read, 0, 0, 1100, 700, back.data(), 1100, 700, GDT_Float32, 0, 0), CE_None);
    EXPECT_EQ(std::memcmp(back.data(), r.values.data(), back.size() * sizeof(float)), 0);  // lossless

    int files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
        ++files;
        EXPECT_EQ(entry.path().filename(), "walk_distance.tif");  // no .aux.xml, no leftover temporary file
    }
    EXPECT_EQ(files, 1);
}

TEST(RasterWriter, AllNodataRasterHasNoStatistics)
{
    test::TempDir dir("geowalk-cog");
    raster::Raster r = sample_raster();
    std::fill(r.values.begin(), r.values.end(), raster::nodata);
    write_cog(dir / "empty.tif", r, utm47n_wkt(), "distance to the nearest walk (m)");
    const GDALDatasetUniquePtr ds = test::open_readonly(dir / "empty.tif");
    ASSERT_TRUE(ds);
    EXPECT_EQ(ds->GetRasterBand(1)->GetMetadataItem("STATISTICS_MAXIMUM"), nullptr);
}

TEST(RasterWriter, FailuresNameTheFile)
{
    test::TempDir dir("geowalk-cog");
    const raster::Raster r = sample_raster();
    const auto missing = dir / "no such folder" / "walk_distance.tif";
    try {
        write_cog(missing, r, utm47n_wkt(), "d");
        FAIL() << "expected an OutputError";
    } catch (const OutputError& e) {
        EXPECT_EQ(e.where().file, missing.string());
        EXPECT_NE(std::string(e.what()).find("walk_distance.tif"), std::string::npos) << e.what();
    }
    EXPECT_FALSE(std::filesystem::exists(missing));

    EXPECT_THROW(write_cog(dir / "bad_crs.tif", r, "not a CRS", "d"), OutputError);
    raster::Raster short_values = r;
    short_values.values.pop_back();
    EXPECT_THROW(write_cog(dir / "short.tif", short_values, utm47n_wkt(), "d"), OutputError);
}

}  // namespace geo::output

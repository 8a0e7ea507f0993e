// The rasters of a run (density.tif, walk_distance.tif) pass the structural checks of GDAL's
// validate_cloud_optimized_geotiff.py (re-implemented in export/cog_check.hpp) and the output contract; and that
// checker itself rejects GeoTIFFs that are not cloud-optimized.
#include "export/cog_check.hpp"
#include "support.hpp"

#include <gdal_priv.h>
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace geo::test {
namespace {

// 1,100 x 700 Float32 pixels, a smooth surface, no CRS needed for structure.
GDALDatasetUniquePtr memory_raster()
{
    GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
    GDALDatasetUniquePtr ds(mem->Create("", 1100, 700, 1, GDT_Float32, nullptr));
    std::vector<float> values(1100 * 700);
    for (int row = 0; row < 700; ++row)
        for (int col = 0; col < 1100; ++col)
            values[static_cast<std::size_t>(row) * 1100 + static_cast<std::size_t>(col)] =
                static_cast<float>(std::hypot(col - 550.0, row - 350.0));
    EXPECT_EQ(ds->GetRasterBand(1)->RasterIO(GF_Write, 0, 0, 1100, 700, values.data(), 1100, 700, GDT_Float32, 0, 0),
              CE_None);
    return ds;
}

void copy_as_gtiff(const std::filesystem::path& file, GDALDataset& source, std::vector<const char*> options)
{
    options.push_back(nullptr);
    GDALDriver* gtiff = GetGDALDriverManager()->GetDriverByName("GTiff");
    GDALDatasetUniquePtr out(
        gtiff->CreateCopy(file.c_str(), &source, FALSE, const_cast<char**>(options.data()), nullptr, nullptr));
    ASSERT_TRUE(out);
}

bool mentions(const std::vector<std::string>& lines, const std::string& part)
{
    for (const auto& l : lines)
        if (l.find(part) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST(CogOutputs, RunRastersAreCloudOptimized)
{
    const auto& dir = sample_run();
    for (const char* name : {"density.tif", "walk_distance.tif"}) {
        SCOPED_TRACE(name);
        const auto file = dir / name;
        ASSERT_TRUE(std::filesystem::exists(file));
        const CogReport cog = validate_cog(file);
        EXPECT_TRUE(cog.errors.empty()) << joined(cog.errors);
        EXPECT_TRUE(cog.warnings.empty()) << joined(cog.warnings);
        EXPECT_TRUE(cog.ghost_header);  // written by GDAL's COG driver, not a plain tiled GTiff
        EXPECT_TRUE(cog.blocks_checked);
        const auto contract = cog_contract_problems(file);
        EXPECT_TRUE(contract.empty()) << joined(contract);

        // The sample town's rasters are several tiles wide: overviews exist, their IFDs follow the main one, and
        // their pixels come first in the file, the smallest first, so a reader fetches a preview in one request.
        GDALDatasetUniquePtr ds = open_readonly(file);
        ASSERT_TRUE(ds);
        EXPECT_GT(std::max(ds->GetRasterXSize(), ds->GetRasterYSize()), 512);
        ASSERT_GE(cog.ifd_offsets.size(), 2u);
        ASSERT_EQ(cog.data_offsets.size(), cog.ifd_offsets.size());
        for (std::size_t i = 1; i < cog.ifd_offsets.size(); ++i) {
            EXPECT_GT(cog.ifd_offsets[i], cog.ifd_offsets[i - 1]);
            EXPECT_LT(cog.data_offsets[i], cog.data_offsets[i - 1]);
        }
        EXPECT_GT(cog.data_offsets.back(), cog.ifd_offsets.back());
        // Statistics and the description are in the file itself, not in a side file.
        EXPECT_FALSE(std::filesystem::exists(dir / (std::string(name) + ".aux.xml")));
    }
}

TEST(CogValidator, RejectsGeoTiffsThatAreNotCloudOptimized)
{
    TempDir dir("geowalk-cog-check");
    GDALDatasetUniquePtr source = memory_raster();
    ASSERT_TRUE(source);

    // Striped, no overviews.
    copy_as_gtiff(dir / "striped.tif", *source, {"COMPRESS=DEFLATE"});
    const CogReport striped = validate_cog(dir / "striped.tif");
    EXPECT_TRUE(mentions(striped.errors, "not tiled")) << joined(striped.errors);
    EXPECT_TRUE(mentions(striped.warnings, "overviews")) << joined(striped.warnings);
    EXPECT_FALSE(striped.ghost_header);

    // Tiled, overviews added afterwards inside the file: their pixels land after the full resolution.
    copy_as_gtiff(dir / "late_overviews.tif", *source, {"TILED=YES", "COMPRESS=DEFLATE"});
    {
        GDALDatasetUniquePtr ds(GDALDataset::Open((dir / "late_overviews.tif").c_str(), GDAL_OF_RASTER | GDAL_OF_UPDATE));
        ASSERT_TRUE(ds);
        const int levels[] = {2, 4};
        ASSERT_EQ(ds->BuildOverviews("AVERAGE", 2, levels, 0, nullptr, nullptr, nullptr, nullptr), CE_None);
    }
    const CogReport late = validate_cog(dir / "late_overviews.tif");
    EXPECT_TRUE(mentions(late.errors, "full-resolution data is before")) << joined(late.errors);
    EXPECT_FALSE(cog_contract_problems(dir / "late_overviews.tif").empty());  // no LAYOUT=COG

    // Overviews in a side file.
    copy_as_gtiff(dir / "external.tif", *source, {"TILED=YES"});
    {
        GDALDatasetUniquePtr ds(GDALDataset::Open((dir / "external.tif").c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
        ASSERT_TRUE(ds);
        const int levels[] = {2};
        ASSERT_EQ(ds->BuildOverviews("NEAREST", 1, levels, 0, nullptr, nullptr, nullptr, nullptr), CE_None);
    }
    const CogReport external = validate_cog(dir / "external.tif");
    EXPECT_TRUE(mentions(external.errors, "external .ovr")) << joined(external.errors);

    // The same pixels through GDAL's COG driver pass, ghost header and block leaders included.
    GDALDriver* cog = GetGDALDriverManager()->GetDriverByName("COG");
    const char* options[] = {"COMPRESS=DEFLATE", nullptr};
    GDALDatasetUniquePtr good(cog->CreateCopy((dir / "good.tif").c_str(), source.get(), FALSE,
                                              const_cast<char**>(options), nullptr, nullptr));
    ASSERT_TRUE(good);
    good.reset();
    const CogReport passed = validate_cog(dir / "good.tif");
    EXPECT_TRUE(passed.errors.empty()) << joined(passed.errors);
    EXPECT_TRUE(passed.ghost_header);
    EXPECT_TRUE(passed.blocks_checked);
}

}  // namespace geo::test

// Uploads in every format the field uses give the register the same rows as the sample's CSV they were made from
// (the CSV read by the same reader is the reference): XLSX (GDAL's writer), GeoPackage and GeoJSON as QField writes
// them, an ODK/KoBo CSV export with a geopoint column, a CSV saved in GBK.
#include "register/sample_files.hpp"

#include "libgeo/campaign/campaign_file.hpp"
#include "libgeo/load/register_rows.hpp"

#include <gdal_utils.h>
#include <gtest/gtest.h>

#include <map>

namespace geo::reg {

namespace {

std::map<std::string, Record> records(const load::RegisterRows& rows)
{
    std::map<std::string, Record> out;
    for (const auto& r : rows.rows) out[r.record.id] = r.record;
    return out;
}

// ogr2ogr SOURCE → TARGET with the given arguments, through GDAL's library call.
void translate(const std::filesystem::path& source, const std::filesystem::path& target, std::vector<std::string> args,
               const char* const* open_options = nullptr)
{
    GDALDatasetH in = GDALOpenEx(source.c_str(), GDAL_OF_VECTOR, nullptr, open_options, nullptr);
    ASSERT_NE(in, nullptr);
    CPLStringList list;
    for (const auto& a : args) list.AddString(a.c_str());
    GDALVectorTranslateOptions* options = GDALVectorTranslateOptionsNew(list.List(), nullptr);
    int failed = 0;
    GDALDatasetH out = GDALVectorTranslate(target.c_str(), nullptr, 1, &in, options, &failed);
    GDALVectorTranslateOptionsFree(options);
    ASSERT_NE(out, nullptr);
    GDALClose(out);
    GDALClose(in);
}

class RegisterFormats : public ::testing::Test {
protected:
    void SetUp() override
    {
        test::copy_sample_register_inputs(dir.path());
        auto lines = test::text_lines(dir / "issues.csv");
        lines.resize(41);  // the header and forty issues
        test::write_lines(dir / "sample.csv", lines);
        spec = campaign::read_campaign_file(dir / "campaign.toml");
        reference = records(load::read_register_rows(spec, dir / "sample.csv"));
        ASSERT_GE(reference.size(), 35U);
    }
    void expect_same(const std::filesystem::path& file)
    {
        const auto got = records(load::read_register_rows(spec, file));
        ASSERT_EQ(got.size(), reference.size()) << file;
        for (const auto& [id, r] : reference) {
            ASSERT_TRUE(got.count(id)) << id;
            for (Field f : all_fields()) EXPECT_EQ(got.at(id).get(f), r.get(f)) << file << " " << id << " " << name(f);
        }
    }
    test::TempDir dir;
    campaign::CampaignSpec spec;
    std::map<std::string, Record> reference;
};

TEST_F(RegisterFormats, XlsxSheetWithLongitudeLatitudeColumns)
{
    // As Excel saves it: numbers in number cells (the header row is then told apart by GDAL's reader).
    const char* typed[] = {"AUTODETECT_TYPE=YES", nullptr};
    translate(dir / "sample.csv", dir / "upload.xlsx", {"-f", "XLSX"}, typed);
    expect_same(dir / "upload.xlsx");
}

TEST_F(RegisterFormats, QFieldGeoPackageAndGeoJson)
{
    const char* lonlat[] = {"X_POSSIBLE_NAMES=经度", "Y_POSSIBLE_NAMES=纬度", nullptr};
    translate(dir / "sample.csv", dir / "qfield.gpkg", {"-f", "GPKG", "-a_srs", "EPSG:4326", "-nln", "issues"}, lonlat);
    expect_same(dir / "qfield.gpkg");
    translate(dir / "sample.csv", dir / "qfield.geojson", {"-f", "GeoJSON", "-a_srs", "EPSG:4326"}, lonlat);
    expect_same(dir / "qfield.geojson");
}

TEST_F(RegisterFormats, OdkExportWithAGeopointColumn)
{
    auto lines = test::text_lines(dir / "sample.csv");
    // ODK Collect's geopoint: "lat lon altitude accuracy" in one cell, in place of the two columns.
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string lon = test::cell(lines[i], 9), lat = test::cell(lines[i], 10);
        const std::string point = i == 0 ? "location" : lat + " " + lon + " 1523.4 4.9";
        lines[i] = test::with_cell(test::with_cell(lines[i], 9, point), 10, "x");
    }
    test::write_lines(dir / "odk.csv", lines);
    expect_same(dir / "odk.csv");
}

TEST_F(RegisterFormats, CsvSavedInGbk)
{
    const std::string utf8 = test::read_text(dir / "sample.csv");
    char* gbk = CPLRecode(utf8.c_str(), CPL_ENC_UTF8, "CP936");
    test::write_text(dir / "gbk.csv", gbk);
    CPLFree(gbk);
    ASSERT_NE(test::read_text(dir / "gbk.csv"), utf8);
    expect_same(dir / "gbk.csv");
}

}  // namespace

}  // namespace geo::reg

// The CSV forms: the bytes Excel needs (a UTF-8 byte-order mark, CRLF, quotes doubled inside quoted fields), read
// back by hand for those, and with GDAL's CSV reader for the values (Chinese, commas, quotes and line breaks whole).
#include "support.hpp"
#include "synthetic.hpp"

#include "libgeo/register_export/export_csv.hpp"

#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

namespace geo::test {
namespace {

TEST(RegisterCsv, BomQuotingAndChineseReadBackWithGdal)
{
    TempDir dir;
    reg::VillageRegister village = synthetic_village("东风村", "440301001", "DF", 3, 2);
    const std::string tricky = "垃圾, 两处；\"紧急\"\n第二行";
    village.rows_cumulative[3].description = tricky;
    village.rows_cumulative[4].measures = " 前后有空格 ";
    const auto file = dir / "东风村_问题台账.csv";
    reg::write_village_csv(village, reg::Form::register_book, file, render::Lang::zh);

    const std::string bytes = read_text(file);
    ASSERT_GE(bytes.size(), 3u);
    EXPECT_EQ(bytes.substr(0, 3), "\xEF\xBB\xBF") << "the UTF-8 byte-order mark Excel needs";
    EXPECT_EQ(bytes.compare(3, 7, "序号,"), 0) << "the header starts right after the mark";
    EXPECT_NE(bytes.find("\r\n"), std::string::npos);
    // RFC 4180: a field with a comma, quote or line break is quoted and its quotes doubled.
    EXPECT_NE(bytes.find("\"垃圾, 两处；\"\"紧急\"\"\n第二行\""), std::string::npos) << bytes;

    GDALDatasetUniquePtr ds = open_readonly(file, GDAL_OF_VECTOR);
    ASSERT_TRUE(ds);
    OGRLayer* layer = ds->GetLayer(0);
    ASSERT_NE(layer, nullptr);
    const OGRFeatureDefn* defn = layer->GetLayerDefn();
    ASSERT_EQ(defn->GetFieldCount(), 16);
    EXPECT_STREQ(defn->GetFieldDefn(0)->GetNameRef(), "序号") << "GDAL skips the mark and reads the Chinese header";
    EXPECT_STREQ(defn->GetFieldDefn(4)->GetNameRef(), "村庄");
    EXPECT_STREQ(defn->GetFieldDefn(7)->GetNameRef(), "问题描述");
    ASSERT_EQ(layer->GetFeatureCount(), static_cast<GIntBig>(village.rows_cumulative.size()));
    std::size_t r = 0;
    for (const auto& f : *layer) {
        const reg::RegisterRow& row = village.rows_cumulative[r];
        EXPECT_STREQ(f->GetFieldAsString(1), row.issue_id.c_str());
        EXPECT_STREQ(f->GetFieldAsString(4), "东风村");
        EXPECT_STREQ(f->GetFieldAsString(5), row.category == "highway_shoulder" ? "国省道走路肩" : "河渠沟道走两边");
        EXPECT_STREQ(f->GetFieldAsString(7), row.description.c_str());
        EXPECT_STREQ(f->GetFieldAsString(8), "114.1234, 22.5678");
        EXPECT_STREQ(f->GetFieldAsString(12), row.status == "found" ? "发现" : "交办");
        EXPECT_STREQ(f->GetFieldAsString(13), row.measures.c_str());
        ++r;
    }
    EXPECT_EQ(r, village.rows_cumulative.size());
}

TEST(RegisterCsv, EnglishLabelsAndAnEmptyDay)
{
    TempDir dir;
    const reg::VillageRegister village{"West Hill", "", "2017-02-21", {}, {}};
    const auto file = dir / "w.csv";
    reg::write_village_csv(village, reg::Form::transfer_list, file, render::Lang::en);
    GDALDatasetUniquePtr ds = open_readonly(file, GDAL_OF_VECTOR);
    ASSERT_TRUE(ds);
    EXPECT_EQ(ds->GetLayer(0)->GetFeatureCount(), 0);
    EXPECT_STREQ(ds->GetLayer(0)->GetLayerDefn()->GetFieldDefn(1)->GetNameRef(), "Issue ID");
}

}  // namespace
}  // namespace geo::test

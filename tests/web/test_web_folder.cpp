// The web/ folder of the shared sample run, read back by GDAL and HarfBuzz: every layer script holds the layer's
// features at the geojson/ copy's places (a copy GDAL wrote by another path, at 7 decimals), the density picture is
// an RGBA image, the font holds every character of the village names, and the folder stays small.
#include "libgeo/handles/cpl.hpp"
#include "libgeo/handles/gdal_apps.hpp"
#include "libgeo/web/web_folder.hpp"
#include "support.hpp"

#include <cpl_string.h>
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include <cmath>

namespace geo::test {

namespace {

namespace fs = std::filesystem;

// The GeoJSON inside a layer script: geowalkLayer("name", {...});
std::string geojson_of(const std::string& script, const std::string& layer)
{
    const std::string head = "geowalkLayer(\"" + layer + "\", ";
    EXPECT_TRUE(script.starts_with(head)) << layer;
    const auto end = script.rfind(");");
    return script.substr(head.size(), end - head.size());
}

// Every vertex of a geometry, in order.
void vertices(const OGRGeometry* g, std::vector<std::pair<double, double>>& out)
{
    if (!g) return;
    if (const auto* c = dynamic_cast<const OGRGeometryCollection*>(g)) {
        for (const auto* part : c) vertices(part, out);
    } else if (const auto* p = dynamic_cast<const OGRPolygon*>(g)) {
        for (const auto* ring : p) vertices(ring, out);
    } else if (const auto* l = dynamic_cast<const OGRSimpleCurve*>(g)) {
        for (const auto& v : l) out.emplace_back(v.getX(), v.getY());
    } else if (const auto* pt = dynamic_cast<const OGRPoint*>(g)) {
        out.emplace_back(pt->getX(), pt->getY());
    }
}

std::vector<std::pair<double, double>> all_vertices(GDALDataset& ds)
{
    std::vector<std::pair<double, double>> out;
    OGRLayer* layer = ds.GetLayer(0);
    for (const auto& f : *layer) vertices(f->GetGeometryRef(), out);
    return out;
}

}  // namespace

TEST(WebFolder, LayerScriptsHoldTheGeojsonCopiesAtSixDecimals)
{
    const fs::path web = sample_run() / web::folder;
    ASSERT_TRUE(fs::exists(web / "index.html"));
    ASSERT_TRUE(fs::exists(web / "leaflet.js"));
    ASSERT_TRUE(fs::exists(web / "LICENSE.leaflet.txt"));
    int compared = 0;
    for (const auto& entry : fs::directory_iterator(sample_run() / "geojson")) {
        const std::string layer = entry.path().stem().string();
        const fs::path script = web / ("layer_" + layer + ".js");
        if (!fs::exists(script)) continue;  // a layer without features or without a catalogue style
        const VsiMemFile copy("/vsimem/test_web_" + layer + ".geojson", geojson_of(read_text(script), layer));
        GDALDatasetUniquePtr page(GDALDataset::Open(copy.path().c_str(), GDAL_OF_VECTOR));
        GDALDatasetUniquePtr oracle(GDALDataset::Open(entry.path().c_str(), GDAL_OF_VECTOR));
        ASSERT_TRUE(page && oracle) << layer;
        EXPECT_EQ(page->GetLayer(0)->GetFeatureCount(), oracle->GetLayer(0)->GetFeatureCount()) << layer;
        const auto a = all_vertices(*page), b = all_vertices(*oracle);
        ASSERT_EQ(a.size(), b.size()) << layer;
        for (std::size_t i = 0; i < a.size(); ++i) {
            // 6 decimals against 7: at most half a unit of the 6th plus half of the 7th.
            ASSERT_NEAR(a[i].first, b[i].first, 5.5e-7) << layer << " vertex " << i;
            ASSERT_NEAR(a[i].second, b[i].second, 5.5e-7) << layer << " vertex " << i;
        }
        ++compared;
    }
    EXPECT_GE(compared, 15);
}

TEST(WebFolder, StaysUnderFifteenMegabytes)
{
    std::uintmax_t bytes = 0;
    for (const auto& entry : fs::directory_iterator(sample_run() / web::folder)) bytes += entry.file_size();
    EXPECT_LT(bytes, 15'000'000U);
}

TEST(WebFolder, DensityPictureIsRgbaAndClearWhereNoProblems)
{
    GDALDatasetUniquePtr png(GDALDataset::Open((sample_run() / web::folder / "density.png").c_str(), GDAL_OF_RASTER));
    ASSERT_TRUE(png);
    ASSERT_EQ(png->GetRasterCount(), 4);
    const int w = png->GetRasterXSize(), h = png->GetRasterYSize();
    std::vector<GByte> alpha(static_cast<std::size_t>(w) * h);
    ASSERT_EQ(png->GetRasterBand(4)->RasterIO(GF_Read, 0, 0, w, h, alpha.data(), w, h, GDT_Byte, 0, 0), CE_None);
    const auto clear = std::count(alpha.begin(), alpha.end(), GByte{0});
    // The sample's density is zero far from every issue (the corners of its extent), positive near them.
    EXPECT_GT(clear, 0);
    EXPECT_LT(clear, static_cast<long>(alpha.size()));
}

TEST(WebFolder, FontHoldsEveryVillageName)
{
    const std::string css = read_text(sample_run() / web::folder / "geowalk_font.css");
    const auto start = css.find("base64,") + 7;
    std::string base64 = css.substr(start, css.find(')', start) - start);
    const int length = CPLBase64DecodeInPlace(reinterpret_cast<GByte*>(base64.data()));
    ASSERT_GT(length, 1000);
    HbBlobPtr blob(hb_blob_create(base64.data(), static_cast<unsigned>(length), HB_MEMORY_MODE_READONLY, nullptr, nullptr));
    HbFacePtr face(hb_face_create(blob.get(), 0));
    HbFontPtr font(hb_font_create(face.get()));
    GDALDatasetUniquePtr gpkg(GDALDataset::Open((sample_run() / "geowalk.gpkg").c_str(), GDAL_OF_VECTOR));
    ASSERT_TRUE(gpkg);
    std::string names = "死角村";
    for (const auto& f : *gpkg->GetLayerByName("villages")) names += f->GetFieldAsString("name");
    HbBufferPtr buffer(hb_buffer_create());
    hb_buffer_add_utf8(buffer.get(), names.c_str(), -1, 0, -1);
    unsigned count = 0;
    const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer.get(), &count);
    int missing = 0;
    for (unsigned i = 0; i < count; ++i) {
        hb_codepoint_t glyph = 0;
        if (!hb_font_get_nominal_glyph(font.get(), info[i].codepoint, &glyph) || glyph == 0) ++missing;
    }
    EXPECT_GT(count, 10U);
    EXPECT_EQ(missing, 0);
}

}  // namespace geo::test

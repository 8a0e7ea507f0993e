// Village maps: their file names (code and name), the figures they print against OGR SQL counts on the
// GeoPackage, and the labels of every map page of the sample run checked pairwise, against the north arrow and the
// scale bar, from the boxes the page layout returns.
#include "libgeo/render/lang_default.hpp"
#include "libgeo/render/maps.hpp"
#include "libgeo/render/village_maps.hpp"

#include "support.hpp"

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cstdio>
#include <set>
#include <string>
#include <vector>

namespace geo::render {

namespace {

GDALDatasetUniquePtr open_gpkg()
{
    return GDALDatasetUniquePtr(
        GDALDataset::Open((test::sample_run() / "geowalk.gpkg").c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
}

// One row of an OGR SQL query's result, as numbers (null: 0).
std::vector<double> sql_row(GDALDataset& ds, const std::string& sql)
{
    std::vector<double> out;
    OGRLayer* result = ds.ExecuteSQL(sql.c_str(), nullptr, nullptr);
    if (!result) return out;
    if (OGRFeatureUniquePtr f(result->GetNextFeature()); f)
        for (int i = 0; i < f->GetFieldCount(); ++i) out.push_back(f->IsFieldSetAndNotNull(i) ? f->GetFieldAsDouble(i) : 0.0);
    ds.ReleaseResultSet(result);
    return out;
}

std::string quoted(const std::string& text)
{
    std::string out = "'";
    for (const char c : text) out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
}

bool valid_utf8(const std::string& s)
{
    for (std::size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        const std::size_t n = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
        if (n == 0 || i + n > s.size()) return false;
        for (std::size_t k = 1; k < n; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        i += n;
    }
    return true;
}

double shared_area(const Rect& a, const Rect& b)
{
    const double w = std::min(a.x + a.w, b.x + b.w) - std::max(a.x, b.x);
    const double h = std::min(a.y + a.h, b.y + b.h) - std::max(a.y, b.y);
    return w > 0 && h > 0 ? w * h : 0.0;
}

}  // namespace

TEST(VillageMapNames, FileNamePartKeepsChineseAndDropsWhatFileSystemsRefuse)
{
    EXPECT_EQ(file_name_part("毛家寺村"), "毛家寺村");
    EXPECT_EQ(file_name_part("West / East: \"Old\" village?"), "West_East_Old_village");
    EXPECT_EQ(file_name_part("..hidden.."), "hidden");
    EXPECT_EQ(file_name_part("a\tb\nc|d<e>f*g\\h"), "a_b_c_d_e_f_g_h");
    EXPECT_EQ(file_name_part("///"), "");
    // 30 Chinese characters are 90 bytes: cut to whole characters within 60 bytes.
    std::string long_name;
    for (int i = 0; i < 30; ++i) long_name += "村";
    const std::string cut = file_name_part(long_name);
    EXPECT_LE(cut.size(), 60u);
    EXPECT_EQ(cut.size() % 3, 0u);
    EXPECT_TRUE(valid_utf8(cut));
    EXPECT_EQ(village_map_name("07", "西洞村"), "village_07_西洞村");
    EXPECT_EQ(village_map_name("07", "/"), "village_07");
}

TEST(VillageMapNames, CatalogueNamesEachVillageMapByCodeAndName)
{
    const MapSource source(test::sample_run(), Lang::en);
    const auto maps = map_catalogue(source);
    auto gpkg = open_gpkg();
    ASSERT_TRUE(gpkg);
    // Expected from the villages table directly: the sample's villages carry a code (620702101001 ...), then the name.
    std::set<std::string> expected;
    OGRLayer* result = gpkg->ExecuteSQL("SELECT code, name FROM villages", nullptr, nullptr);
    ASSERT_NE(result, nullptr);
    for (OGRFeatureUniquePtr f(result->GetNextFeature()); f; f.reset(result->GetNextFeature())) {
        EXPECT_EQ(std::string(f->GetFieldAsString(0)).size(), 12u);
        expected.insert(std::string("village_") + f->GetFieldAsString(0) + "_" + f->GetFieldAsString(1));
    }
    gpkg->ReleaseResultSet(result);
    std::set<std::string> got;
    for (const auto& m : maps)
        if (!m.village.empty()) got.insert(m.name);
    EXPECT_EQ(got, expected);
    EXPECT_EQ(got.size(), 12u);
    // The sample run wrote them under these names.
    for (const auto& name : got) EXPECT_TRUE(std::filesystem::exists(test::sample_run() / "maps" / (name + ".png"))) << name;
}

TEST(VillageMapNames, WithoutACodeTheIdZeroPadded)
{
    OGRFeatureDefn* definition = new OGRFeatureDefn("villages");  // reference counted: the features release it
    definition->Reference();
    OGRFieldDefn id("id", OFTInteger), name("name", OFTString), code("code", OFTString);
    definition->AddFieldDefn(&id);
    definition->AddFieldDefn(&name);
    {
        OGRFeature f(definition);
        f.SetField("id", 7);
        EXPECT_EQ(village_code(f, 2), "07");
        EXPECT_EQ(village_code(f, 3), "007");
    }
    definition->AddFieldDefn(&code);
    {
        OGRFeature f(definition);
        f.SetField("id", 7);
        EXPECT_EQ(village_code(f, 2), "07");  // a code field, but not set
        f.SetField("code", "6207/01");
        EXPECT_EQ(village_code(f, 2), "6207_01");  // set: used, made safe for a file name
    }
    definition->Release();
}

TEST(VillageMapFigures, AgreeWithSqlCountsOnTheGeoPackage)
{
    const MapSource source(test::sample_run(), Lang::en);
    auto gpkg = open_gpkg();
    ASSERT_TRUE(gpkg);
    std::vector<std::string> villages;
    OGRLayer* names = gpkg->ExecuteSQL("SELECT name FROM villages", nullptr, nullptr);
    ASSERT_NE(names, nullptr);
    for (OGRFeatureUniquePtr f(names->GetNextFeature()); f; f.reset(names->GetNextFeature())) villages.emplace_back(f->GetFieldAsString(0));
    gpkg->ReleaseResultSet(names);
    ASSERT_EQ(villages.size(), 12u);
    long long issues_in_villages = 0, dead_corners = 0;
    for (const auto& v : villages) {
        SCOPED_TRACE(v);
        const VillageFigures f = village_figures(source, v);
        ASSERT_TRUE(f.coverage);
        ASSERT_TRUE(f.issues_layer);
        const auto dead = sql_row(*gpkg, "SELECT COUNT(*), SUM(length_m) FROM uncovered WHERE village = " + quoted(v));
        ASSERT_EQ(dead.size(), 2u);
        EXPECT_EQ(f.dead_corners, static_cast<long long>(dead[0]));
        EXPECT_NEAR(f.dead_corner_m, dead[1], 1e-6);
        const auto issues = sql_row(*gpkg, "SELECT COUNT(*) FROM issues WHERE village = " + quoted(v));
        ASSERT_EQ(issues.size(), 1u);
        EXPECT_EQ(f.issues, static_cast<long long>(issues[0]));
        const auto walks = sql_row(*gpkg, "SELECT SUM(length_m), SUM(covered_m), SUM(sites), SUM(visited) FROM "
                                          "village_coverage WHERE village = " + quoted(v));
        ASSERT_EQ(walks.size(), 4u);
        EXPECT_NEAR(f.route_m, walks[0], 1e-3);
        EXPECT_NEAR(f.covered_m, walks[1], 1e-3);
        EXPECT_EQ(f.sites, static_cast<int>(walks[2]));
        EXPECT_EQ(f.visited, static_cast<int>(walks[3]));
        issues_in_villages += f.issues;
        dead_corners += f.dead_corners;
        // The printed line carries the figures.
        const std::string text = village_figures_text(f, Lang::en);
        EXPECT_NE(text.find("problems " + std::to_string(f.issues)), std::string::npos) << text;
        EXPECT_NE(text.find("dead corners " + std::to_string(f.dead_corners)), std::string::npos) << text;
        if (f.sites > 0) {
            EXPECT_NE(text.find(std::to_string(f.visited) + " / " + std::to_string(f.sites)), std::string::npos) << text;
        }
        EXPECT_NE(village_figures_text(f, Lang::zh).find("问题 " + std::to_string(f.issues) + " 个"), std::string::npos);
    }
    // Not all zero: the sample has problems and dead corners in its villages.
    EXPECT_GT(issues_in_villages, 100);
    EXPECT_GT(dead_corners, 0);
}

// Every map page of the sample run, in both languages: labels pairwise apart, inside the frame, off the north
// arrow and the scale bar.
TEST(MapPageLabels, NoLabelOverlapsAnotherOrTheFurniture)
{
    for (const Lang lang : {Lang::en, Lang::zh}) {
        const MapSource source(test::sample_run(), lang);
        auto maps = map_catalogue(source);
        // The town maps and three village maps: each map page lays out its labels the same way.
        std::vector<MapSpec> chosen;
        int village_maps = 0;
        for (auto& m : maps)
            if (m.village.empty() || village_maps++ < 3) chosen.push_back(std::move(m));
        std::size_t labels = 0;
        for (const auto& spec : chosen) {
            SCOPED_TRACE(spec.name);
            CairoSurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, 842, 595));
            CairoPtr cr(cairo_create(surface.get()));
            MapPageLayout layout;
            draw_map_page(cr.get(), a4_landscape, source, spec, FrameDrawing::vectors, &layout);
            const auto& placed = layout.labels;
            labels += placed.size();
            EXPECT_GT(layout.north_arrow.w, 0);
            EXPECT_GT(layout.scale_bar.w, 0);
            for (std::size_t i = 0; i < placed.size(); ++i) {
                const Rect& a = placed[i].box;
                EXPECT_GE(a.x, layout.frame.x);
                EXPECT_GE(a.y, layout.frame.y);
                EXPECT_LE(a.x + a.w, layout.frame.x + layout.frame.w + 1e-9);
                EXPECT_LE(a.y + a.h, layout.frame.y + layout.frame.h + 1e-9);
                EXPECT_EQ(shared_area(a, layout.north_arrow), 0.0) << placed[i].text;
                EXPECT_EQ(shared_area(a, layout.scale_bar), 0.0) << placed[i].text;
                for (std::size_t j = i + 1; j < placed.size(); ++j)
                    EXPECT_EQ(shared_area(a, placed[j].box), 0.0) << placed[i].text << " / " << placed[j].text;
            }
        }
        EXPECT_GT(labels, 30u);  // village names and dead corner lengths were placed
    }
}

TEST(MapLayers, WalksAreDrawnAboveTheCoveredRoutes)
{
    const MapSource source(test::sample_run(), Lang::en);
    for (const auto& m : map_catalogue(source)) {
        const auto at = [&](const char* layer) { return std::find(m.layers.begin(), m.layers.end(), layer) - m.layers.begin(); };
        if (std::find(m.layers.begin(), m.layers.end(), "network_coverage") == m.layers.end()) continue;
        SCOPED_TRACE(m.name);
        EXPECT_GT(at("tracks"), at("network_coverage"));
        EXPECT_GT(at("tracks"), at("site_coverage"));
        EXPECT_LT(at("tracks"), at("uncovered"));  // dead corners stay on top
    }
}

TEST(PresentationLang, DefaultIsChineseWhenMostVillageNamesAre)
{
    EXPECT_TRUE(has_cjk("毛家寺村"));
    EXPECT_TRUE(has_cjk("Xidong 村"));
    EXPECT_TRUE(has_cjk("\xF0\xA0\x80\x80"));  // U+20000, Extension B
    EXPECT_FALSE(has_cjk("Maojiasi"));
    EXPECT_FALSE(has_cjk("カタカナ"));  // kana are not ideographs
    EXPECT_FALSE(has_cjk("\xE4\xB8"));   // a cut-off sequence
    EXPECT_EQ(default_lang(std::vector<std::string>{"毛家寺村", "西洞村", "中沟村"}), Lang::zh);
    EXPECT_EQ(default_lang(std::vector<std::string>{"Maojiasi", "Xidong", "Zhonggou"}), Lang::en);
    EXPECT_EQ(default_lang(std::vector<std::string>{"毛家寺村", "西洞村", "Zhonggou", "Bajitan", "Ganjun"}), Lang::en);
    EXPECT_EQ(default_lang(std::vector<std::string>{"毛家寺村", "西洞村", "中沟村", "Bajitan", "Ganjun"}), Lang::zh);
    EXPECT_EQ(default_lang(std::vector<std::string>{"毛家寺村", "Ganjun"}), Lang::en);  // a tie is not "most"
    EXPECT_EQ(default_lang(std::vector<std::string>{"毛家寺村", "", ""}), Lang::zh);   // unnamed villages do not vote
    EXPECT_EQ(default_lang(std::vector<std::string>{}), Lang::en);
    // An output folder: the sample town's villages are Chinese.
    EXPECT_EQ(default_lang(test::sample_run()), Lang::zh);
    EXPECT_EQ(default_lang(test::sample_run() / "maps"), Lang::en);  // no GeoPackage there
}

TEST(PresentationLang, CrsNamesAsPrintedInChinese)
{
    // The names as PROJ gives them, so the patterns are checked against the real spellings.
    const auto name = [](int epsg) {
        OGRSpatialReference srs;
        EXPECT_EQ(srs.importFromEPSG(epsg), OGRERR_NONE);
        return std::string(srs.GetName());
    };
    EXPECT_EQ(crs_name_text(name(4547), Lang::zh), "CGCS2000 / 3度带高斯-克吕格投影 中央经线 114°E");
    EXPECT_EQ(crs_name_text(name(4534), Lang::zh), "CGCS2000 / 3度带高斯-克吕格投影 中央经线 75°E");
    EXPECT_EQ(crs_name_text(name(4513), Lang::zh), "CGCS2000 / 3度带高斯-克吕格投影 第 25 带");
    EXPECT_EQ(crs_name_text(name(4502), Lang::zh), "CGCS2000 / 6度带高斯-克吕格投影 中央经线 75°E");
    EXPECT_EQ(crs_name_text(name(32650), Lang::zh), "WGS 84 / UTM 投影 第 50N 带");
    EXPECT_EQ(crs_name_text(name(32650), Lang::en), name(32650));
    EXPECT_EQ(crs_name_text("Local", Lang::zh), "Local");
}

}  // namespace geo::render

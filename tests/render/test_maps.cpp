// The printed maps, checked from the outside: GDAL reads each PNG back (size, resolution, world file, CRS), the
// pixels where the GeoPackage says a dead corner or a hot spot lies carry that layer's colour, and pdftotext finds
// the titles and the Chinese village names in the PDF form.
#include "libgeo/render/maps.hpp"

#include "support.hpp"

#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace geo::render {

namespace {

using test::TempDir;

// The sample town's run, with its maps, shared by the tests (support.hpp).
class Maps : public ::testing::Test {
protected:
    static const std::filesystem::path& out() { return test::sample_run(); }
};

GDALDatasetUniquePtr open_vector(const std::filesystem::path& gpkg)
{
    return GDALDatasetUniquePtr(GDALDataset::Open(gpkg.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
}

struct Rgb {
    int r, g, b;
};

// Colour of a page pixel; (-1,-1,-1) outside the image.
Rgb pixel(GDALDataset& png, int col, int row)
{
    if (col < 0 || row < 0 || col >= png.GetRasterXSize() || row >= png.GetRasterYSize()) return {-1, -1, -1};
    std::array<GByte, 3> v{};
    for (int b = 0; b < 3; ++b)
        EXPECT_EQ(png.GetRasterBand(b + 1)->RasterIO(GF_Read, col, row, 1, 1, &v[b], 1, 1, GDT_Byte, 0, 0), CE_None);
    return {v[0], v[1], v[2]};
}

// True when some pixel within `radius` pixels of the world point is within `tolerance` of `colour` per channel.
bool colour_near(GDALDataset& png, double x, double y, Rgb colour, int radius = 4, int tolerance = 40)
{
    double gt[6];
    if (png.GetGeoTransform(gt) != CE_None) return false;
    const int col = static_cast<int>(std::floor((x - gt[0]) / gt[1]));
    const int row = static_cast<int>(std::floor((y - gt[3]) / gt[5]));
    for (int dr = -radius; dr <= radius; ++dr)
        for (int dc = -radius; dc <= radius; ++dc) {
            const Rgb p = pixel(png, col + dc, row + dr);
            if (std::abs(p.r - colour.r) <= tolerance && std::abs(p.g - colour.g) <= tolerance &&
                std::abs(p.b - colour.b) <= tolerance)
                return true;
        }
    return false;
}

std::string pdf_text(const std::filesystem::path& pdf)
{
    const std::string command = "pdftotext -enc UTF-8 '" + pdf.string() + "' - 2>&1";
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    std::string text;
    if (!pipe) return text;
    char buffer[4096];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe.get())) > 0;) text.append(buffer, n);
    return text;
}

}  // namespace

// The sample campaign sets gi_rate, so the rate Gi* map is there too, drawing hotspot_cells by rate_gi_bin.
TEST_F(Maps, CatalogueHasTheSixTownMapsAndOnePerVillage)
{
    const MapSource source(out(), Lang::en);
    const auto maps = map_catalogue(source);
    auto gpkg = open_vector(out() / "geowalk.gpkg");
    ASSERT_TRUE(gpkg);
    const auto villages = gpkg->GetLayerByName("villages")->GetFeatureCount();
    ASSERT_EQ(static_cast<long long>(maps.size()), 6 + villages);
    EXPECT_EQ(maps[0].name, "overview");
    EXPECT_EQ(maps[1].name, "coverage");
    EXPECT_EQ(maps[2].name, "hotspots");
    EXPECT_EQ(maps[3].name, "hotspots_per_km");
    EXPECT_EQ(maps[3].layers, (std::vector<std::string>{"villages", "hotspot_cells_rate", "rebounds"}));
    EXPECT_EQ(maps[4].name, "blind_spots");
    // The sample's campaign plans the next walks: the routes by team over the pieces they walk.
    EXPECT_EQ(maps[5].name, "plan");
    EXPECT_EQ(maps[5].layers,
              (std::vector<std::string>{"villages", "network", "plan_required", "plan_unreachable", "routes"}));
    std::set<std::string> names;
    for (const auto& m : maps) names.insert(m.name);
    EXPECT_EQ(names.size(), maps.size()) << "map file names must be unique";
}

TEST_F(Maps, PngsAreA4At300DpiGeoreferencedInTheCampaignCrs)
{
    const auto maps_dir = out() / "maps";
    ASSERT_TRUE(std::filesystem::exists(maps_dir / "coverage.png"));
    auto gpkg = open_vector(out() / "geowalk.gpkg");
    const OGRSpatialReference* town_srs = gpkg->GetLayerByName("villages")->GetSpatialRef();
    OGREnvelope town;
    ASSERT_EQ(gpkg->GetLayerByName("villages")->GetExtent(&town), OGRERR_NONE);
    for (const char* name :
         {"overview.png", "coverage.png", "hotspots.png", "hotspots_per_km.png", "blind_spots.png", "plan.png"}) {
        SCOPED_TRACE(name);
        GDALDatasetUniquePtr png(GDALDataset::Open((maps_dir / name).c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
        ASSERT_TRUE(png);
        // A4 landscape is 297 x 210 mm: 3508 x 2480 dots at 300 dpi.
        EXPECT_EQ(png->GetRasterXSize(), 3508);
        EXPECT_EQ(png->GetRasterYSize(), 2480);
        EXPECT_EQ(png->GetRasterCount(), 3);
        const char* dpi = png->GetMetadataItem("TIFFTAG_XRESOLUTION");
        ASSERT_NE(dpi, nullptr);
        EXPECT_NEAR(std::atof(dpi), 300, 0.5);
        double gt[6];
        ASSERT_EQ(png->GetGeoTransform(gt), CE_None) << "no world file";
        ASSERT_NE(png->GetSpatialRef(), nullptr);
        EXPECT_TRUE(png->GetSpatialRef()->IsSame(town_srs));
        // The whole town lies on the page, inside the map frame (left of the legend column).
        const double left = (town.MinX - gt[0]) / gt[1], right = (town.MaxX - gt[0]) / gt[1];
        const double top = (town.MaxY - gt[3]) / gt[5], bottom = (town.MinY - gt[3]) / gt[5];
        EXPECT_GT(left, 0);
        EXPECT_LT(right, 3508 * 0.8);
        EXPECT_GT(top, 0);
        EXPECT_LT(bottom, 2480);
        // Square pixels in metres: one scale for both axes.
        EXPECT_NEAR(gt[1], -gt[5], 1e-9 * gt[1]);
    }
}

TEST_F(Maps, DeadCornersAreRedWhereTheGeoPackageHasThem)
{
    GDALDatasetUniquePtr png(GDALDataset::Open((out() / "maps" / "coverage.png").c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    ASSERT_TRUE(png);
    auto gpkg = open_vector(out() / "geowalk.gpkg");
    OGRLayer* uncovered = gpkg->GetLayerByName("uncovered");
    ASSERT_NE(uncovered, nullptr);
    ASSERT_GT(uncovered->GetFeatureCount(), 0);
    int checked = 0, red = 0;
    for (auto& f : *uncovered) {
        const OGRGeometry* g = f->GetGeometryRef();
        if (!g || wkbFlatten(g->getGeometryType()) != wkbLineString) continue;
        const auto* line = g->toLineString();
        if (line->get_Length() < 200) continue;
        // A quarter along: the length label sits at the middle.
        OGRPoint at;
        line->Value(line->get_Length() / 4, &at);
        ++checked;
        if (colour_near(*png, at.getX(), at.getY(), {200, 0, 0})) ++red;
    }
    ASSERT_GT(checked, 3);
    // Labels of other features may cover a few; nearly all must show.
    EXPECT_GE(red, checked * 9 / 10) << red << " of " << checked;
}

// Blind spots mean "should have been walked and was not": land away from every route and site is grey ("not
// required"), never the red of the distance raster beyond B.
TEST_F(Maps, LandNotRequiredIsGreyOnTheBlindSpotsMap)
{
    GDALDatasetUniquePtr png(GDALDataset::Open((out() / "maps" / "blind_spots.png").c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    ASSERT_TRUE(png);
    auto gpkg = open_vector(out() / "geowalk.gpkg");
    OGRLayer* areas = gpkg->GetLayerByName("blind_areas");
    ASSERT_NE(areas, nullptr);
    areas->SetAttributeFilter("kind = 'not_required' AND area_m2 > 40000");
    double gt[6];
    ASSERT_EQ(png->GetGeoTransform(gt), CE_None);
    int checked = 0, grey = 0;
    for (auto& f : *areas) {
        OGRPoint inside;
        // The centroid, where it lies inside the piece (GEOS's; most field pieces are compact).
        const OGRGeometry* g = f->GetGeometryRef();
        if (g->Centroid(&inside) != OGRERR_NONE || !inside.Within(g)) continue;
        const Rgb p = pixel(*png, static_cast<int>(std::floor((inside.getX() - gt[0]) / gt[1])),
                            static_cast<int>(std::floor((inside.getY() - gt[3]) / gt[5])));
        ++checked;
        // Grey: the channels within 30 of each other and darker than the page (labels or tracks may cover a few).
        if (std::max({p.r, p.g, p.b}) - std::min({p.r, p.g, p.b}) <= 30 && p.r < 235) ++grey;
    }
    ASSERT_GT(checked, 3) << "the sample town has fields away from routes and sites";
    EXPECT_GE(grey, checked * 8 / 10) << grey << " of " << checked;
}

namespace {

// Of the hotspot cells matching `filter`, how many show QGIS's 99 % hot class at their centre in the map.
struct HotCount {
    int checked = 0, hot = 0;
};

// radius and tolerance as colour_near's: lenient for "shows hot" (labels and markers may cover a centre), exact
// for "does not show hot" (the anti-aliased rim of a red rebound marker nearby would pass a lenient test).
HotCount hot_cells(const std::filesystem::path& png_file, const std::filesystem::path& gpkg_file, const char* filter,
                   int radius = 6, int tolerance = 30)
{
    HotCount out;
    GDALDatasetUniquePtr png(GDALDataset::Open(png_file.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    auto gpkg = open_vector(gpkg_file);
    OGRLayer* cells = gpkg ? gpkg->GetLayerByName("hotspot_cells") : nullptr;
    if (!png || !cells) return out;
    cells->SetAttributeFilter(filter);
    // (178, 24, 43) at alpha 220, over the white page.
    const double a = 220.0 / 255;
    const Rgb expected{static_cast<int>(178 * a + 255 * (1 - a)), static_cast<int>(24 * a + 255 * (1 - a)),
                       static_cast<int>(43 * a + 255 * (1 - a))};
    for (auto& f : *cells) {
        OGRPoint centre;
        if (f->GetGeometryRef()->Centroid(&centre) != OGRERR_NONE) continue;
        ++out.checked;
        if (colour_near(*png, centre.getX(), centre.getY(), expected, radius, tolerance)) ++out.hot;
    }
    return out;
}

}  // namespace

TEST_F(Maps, HotSpotCellsCarryTheHotColour)
{
    const auto c = hot_cells(out() / "maps" / "hotspots.png", out() / "geowalk.gpkg", "gi_bin = 3 AND inspected = 1");
    ASSERT_GT(c.checked, 0) << "the sample town has 99 % hot spots";
    EXPECT_GE(c.hot, (c.checked + 1) / 2) << c.hot << " of " << c.checked;
}

// The per-km map colours cells by the rate's class, not the count's: a 99 % count hot spot that is not a 99 % rate
// hot spot (a busy road walked often) must not show that colour there.
TEST_F(Maps, RateMapColoursCellsByTheRateGiStar)
{
    const auto png = out() / "maps" / "hotspots_per_km.png";
    const auto gpkg = out() / "geowalk.gpkg";
    const auto rate_hot = hot_cells(png, gpkg, "rate_gi_bin = 3 AND inspected = 1");
    ASSERT_GT(rate_hot.checked, 0) << "the sample town has 99 % rate hot spots";
    EXPECT_GE(rate_hot.hot, (rate_hot.checked + 1) / 2) << rate_hot.hot << " of " << rate_hot.checked;
    const auto count_only = hot_cells(png, gpkg, "gi_bin = 3 AND rate_gi_bin < 3 AND inspected = 1", 0, 12);
    ASSERT_GT(count_only.checked, 0) << "the sample town has count hot spots that are not rate hot spots as strong";
    EXPECT_EQ(count_only.hot, 0) << count_only.hot << " of " << count_only.checked;
    // And the count map shows those same cells hot: the two maps differ where the rate says so.
    const auto on_count_map = hot_cells(out() / "maps" / "hotspots.png", gpkg, "gi_bin = 3 AND rate_gi_bin < 3 AND inspected = 1");
    EXPECT_GE(on_count_map.hot, (on_count_map.checked + 1) / 2) << on_count_map.hot << " of " << on_count_map.checked;
}

TEST_F(Maps, PdfMapsCarryTitlesAndChineseVillageNames)
{
    TempDir dir("geowalk-maps-pdf");
    for (const Lang lang : {Lang::en, Lang::zh}) {
        const MapSource source(out(), lang);
        const auto files = render_maps(source, dir.path() / (lang == Lang::zh ? "zh" : "en"), PageFormat::pdf);
        ASSERT_FALSE(files.empty());
        const std::string text = pdf_text(files[1]);  // the coverage map
        EXPECT_NE(text.find(lang == Lang::zh ? "巡查覆盖与死角" : "Walk coverage and dead corners"), std::string::npos) << text;
        auto gpkg = open_vector(out() / "geowalk.gpkg");
        int found = 0, villages = 0;
        for (auto& f : *gpkg->GetLayerByName("villages")) {
            ++villages;
            if (text.find(f->GetFieldAsString("name")) != std::string::npos) ++found;
        }
        // Labels that would overprint each other are left out; most names fit on a town map.
        EXPECT_GE(found, villages * 2 / 3) << text;
    }
}

// Drawn on two threads, every file (PNG, world file, CRS) is byte for byte what one thread writes, in the same order.
TEST_F(Maps, TwoThreadsWriteTheSameFilesAsOne)
{
    TempDir dir("geowalk-maps-threads");
    const MapSource source(out(), Lang::zh);
    const auto one = render_maps(source, dir / "one", PageFormat::png, {}, 1);
    const auto two = render_maps(source, dir / "two", PageFormat::png, {}, 2);
    ASSERT_EQ(one.size(), two.size());
    ASSERT_GE(one.size(), 6u);  // town maps and village maps
    std::size_t compared = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir / "one")) {
        SCOPED_TRACE(entry.path().filename().string());
        const auto other = dir / "two" / entry.path().filename();
        ASSERT_TRUE(std::filesystem::exists(other));
        EXPECT_TRUE(test::read_text(entry.path()) == test::read_text(other)) << "files differ";
        ++compared;
    }
    EXPECT_EQ(compared, 3 * one.size());  // .png, .wld, .png.aux.xml
    for (std::size_t i = 0; i < one.size(); ++i) EXPECT_EQ(one[i].filename(), two[i].filename());
}

namespace {

struct PdfImage {
    int width = 0, height = 0;
    std::string type;  // image, smask, ...
};

// The images of a PDF as poppler's pdfimages -list sees them (an independent reader of the file).
std::vector<PdfImage> pdf_images(const std::filesystem::path& pdf)
{
    const std::string command = "pdfimages -list '" + pdf.string() + "' 2>&1";
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    std::vector<PdfImage> images;
    if (!pipe) return images;
    char line[512];
    int skip = 2;  // the header and its underline
    while (std::fgets(line, sizeof line, pipe.get())) {
        if (skip > 0) {
            --skip;
            continue;
        }
        int page = 0, num = 0;
        char type[32] = {};
        PdfImage image;
        if (std::sscanf(line, "%d %d %31s %d %d", &page, &num, type, &image.width, &image.height) == 5) {
            image.type = type;
            images.push_back(image);
        }
    }
    return images;
}

}  // namespace

// A scene far denser than the sample: one track of 300,000 vertices wandering over the town, added to a copy of the
// sample run. As vectors the PDF would grow with every vertex; drawn as one image of the map frame at 300 dpi it holds
// that image (RGB, no mask) and a little text, and stays under a bound from the image's pixel count.
TEST_F(Maps, PdfMapsHoldTheFrameAsOneImageWhateverTheVertexCount)
{
    TempDir dir("geowalk-maps-dense");
    const auto scene = dir / "run";
    std::filesystem::copy(out(), scene, std::filesystem::copy_options::recursive);
    std::filesystem::remove_all(scene / "maps");
    // A track far denser than any map needs. Under the sanitizers (where drawing it took over seven minutes) a
    // tenth of it: the checks are the same, one frame image per map and nothing else that grows with the data.
#if defined(GEOWALK_SANITIZED)
    constexpr int vertices = 30000;
#else
    constexpr int vertices = 300000;
#endif
    {
        GDALDatasetUniquePtr gpkg(GDALDataset::Open((scene / "geowalk.gpkg").c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        ASSERT_TRUE(gpkg);
        OGRLayer* tracks = gpkg->GetLayerByName("tracks");
        ASSERT_TRUE(tracks);
        OGREnvelope town;
        ASSERT_EQ(gpkg->GetLayerByName("villages")->GetExtent(&town), OGRERR_NONE);
        OGRLineString line;
        std::uint32_t state = 12345;  // a fixed LCG: the same scene every run
        auto next = [&state] {
            state = state * 1664525u + 1013904223u;
            return static_cast<double>(state >> 8) / static_cast<double>(1u << 24);
        };
        // A random walk of 5 m steps from the town's centre, kept inside its extent: short segments, as GPS fixes.
        double x = (town.MinX + town.MaxX) / 2, y = (town.MinY + town.MaxY) / 2;
        for (int i = 0; i < vertices; ++i) {
            x = std::clamp(x + (next() - 0.5) * 10, town.MinX, town.MaxX);
            y = std::clamp(y + (next() - 0.5) * 10, town.MinY, town.MaxY);
            line.addPoint(x, y);
        }
        OGRFeatureUniquePtr feature(OGRFeature::CreateFeature(tracks->GetLayerDefn()));
        feature->SetGeometry(&line);
        ASSERT_EQ(tracks->CreateFeature(feature.get()), OGRERR_NONE);
    }
    const MapSource source(scene, Lang::en);
    const auto files = render_maps(source, dir / "maps", PageFormat::pdf);
    for (const auto& pdf : files) {
        SCOPED_TRACE(pdf.filename().string());
        const auto images = pdf_images(pdf);
        ASSERT_EQ(images.size(), 1u) << "one image: the map frame (rasters and vectors in it), no soft mask";
        EXPECT_EQ(images[0].type, "image");
        // The frame is most of an A4 landscape page (3508 x 2480 dots at 300 dpi) left of the legend column.
        EXPECT_GT(images[0].width, 2000);
        EXPECT_LT(images[0].width, 3508);
        EXPECT_GT(images[0].height, 1500);
        EXPECT_LT(images[0].height, 2480);
        // The raw RGB of that image plus 1 MB of text and legend; the vectors alone would be several bytes a vertex.
        const auto bound = static_cast<std::uintmax_t>(images[0].width) * static_cast<std::uintmax_t>(images[0].height) * 3 +
                           (1u << 20);
        EXPECT_LT(std::filesystem::file_size(pdf), bound);
    }
    // The coverage map draws the tracks: the dense one is in its image, and the file is smaller than the full dense
    // track's vectors alone would be at 4 bytes a vertex (the same bound with the sanitizers' tenth of the track).
    const auto coverage = std::find_if(files.begin(), files.end(), [](const auto& f) { return f.stem() == "coverage"; });
    ASSERT_NE(coverage, files.end());
    EXPECT_LT(std::filesystem::file_size(*coverage), std::uintmax_t{300000} * 4);
    // Titles and labels stay text.
    EXPECT_NE(pdf_text(*coverage).find("Walk coverage and dead corners"), std::string::npos);
}

TEST(MapSourceErrors, AFolderWithoutOutputsNamesWhatToRunFirst)
{
    TempDir empty("geowalk-maps-empty");
    try {
        const MapSource source(empty.path(), Lang::en);
        FAIL() << "no error for an empty folder";
    } catch (const Error& e) {
        EXPECT_NE(e.full_message().find("manifest.json"), std::string::npos) << e.full_message();
        EXPECT_NE(e.full_message().find("geowalk run"), std::string::npos) << e.full_message();
    }
}

TEST(MapSourceErrors, AMalformedOrForeignManifestIsRefusedLoudly)
{
    TempDir dir("geowalk-maps-manifest");
    for (const std::string text : {"{", R"({"manifest_version": 99})", R"({"manifest_version": 1, "title": "x"})", "[]"}) {
        test::write_text(dir / "manifest.json", text);
        try {
            const MapSource source(dir.path(), Lang::en);
            ADD_FAILURE() << "no error for " << text;
        } catch (const InputError& e) {
            EXPECT_NE(e.full_message().find("manifest.json"), std::string::npos) << e.full_message();
            EXPECT_NE(e.full_message().find("run the analysis again"), std::string::npos) << e.full_message();
        }
    }
}

}  // namespace geo::render

// The seeds of the seed-centre distance transform: GDAL's ALL_TOUCHED burn of the walks (what gdal_rasterize -at
// burns), read back as row-major pixel indices.
#include "libgeo/raster/seeds.hpp"

#include "libgeo/core/error.hpp"

#include <gdal_alg.h>
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogr_geometry.h>

#include <algorithm>
#include <cmath>
#include <random>

namespace geo::raster::detail {

namespace {

// 60 x 50 pixels of 2 m: x = 1000 + 2 col, y = 2000 - 2 row.
const Grid small_grid{1000.0, 2000.0, 2.0, 60, 50};

std::vector<std::uint8_t> seed_marks(const Grid& g, const std::vector<LineString>& lines)
{
    std::vector<std::size_t> cells;
    seed_cells(g, lines, cells);
    EXPECT_TRUE(std::is_sorted(cells.begin(), cells.end()));
    std::vector<std::uint8_t> out(g.cells(), 0);
    for (const std::size_t c : cells) out[c] = 1;
    return out;
}

// GDAL's own burn of lines with ALL_TOUCHED=TRUE, all at once into one raster of their own, as gdal_rasterize -at
// makes it.
std::vector<std::uint8_t> gdal_marks(const Grid& g, const std::vector<LineString>& walks)
{
    GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
    GDALDatasetUniquePtr ds(mem->Create("", g.cols, g.rows, 1, GDT_Byte, nullptr));
    auto gt = g.geotransform();
    ds->SetGeoTransform(gt.data());
    std::vector<OGRLineString> lines(walks.size());
    std::vector<OGRGeometryH> geometries;
    for (std::size_t i = 0; i < walks.size(); ++i) {
        for (const Point& p : walks[i]) lines[i].addPoint(p.x(), p.y());
        geometries.push_back(OGRGeometry::ToHandle(&lines[i]));
    }
    int band = 1;
    const std::vector<double> burn(walks.size(), 1.0);
    CPLStringList options;
    options.SetNameValue("ALL_TOUCHED", "TRUE");
    EXPECT_EQ(GDALRasterizeGeometries(GDALDataset::ToHandle(ds.get()), 1, &band, static_cast<int>(geometries.size()),
                                      geometries.data(), nullptr, nullptr, burn.data(), options.List(), nullptr,
                                      nullptr),
              CE_None);
    std::vector<std::uint8_t> out(g.cells());
    EXPECT_EQ(ds->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, g.cols, g.rows, out.data(), g.cols, g.rows, GDT_Byte, 0, 0),
              CE_None);
    return out;
}

Box pixel_box(const Grid& g, int col, int row)
{
    return {Point(g.origin_x + col * g.pixel, g.origin_y - (row + 1) * g.pixel),
            Point(g.origin_x + (col + 1) * g.pixel, g.origin_y - row * g.pixel)};
}

}  // namespace

// Random walks, some leaving the grid: the seeds are GDAL's burn, every seed pixel touches the walk (within GDAL's
// 0.01-pixel snapping of near-axis segments), and every pixel holding a vertex inside the grid is a seed.
TEST(Seeds, AreGdalsAllTouchedBurnOfTheWalks)
{
    const Grid& g = small_grid;
    std::mt19937_64 rng(11);
    std::uniform_real_distribution<double> ux(990, 1130), uy(1890, 2010);
    for (int trial = 0; trial < 100; ++trial) {
        LineString walk;
        for (int i = 0; i < 6; ++i) walk.push_back(Point(ux(rng), uy(rng)));
        const auto seeds = seed_marks(g, {walk});
        ASSERT_EQ(seeds, gdal_marks(g, {walk})) << "trial " << trial;
        for (int row = 0; row < g.rows; ++row)
            for (int col = 0; col < g.cols; ++col) {
                if (!seeds[g.index(col, row)]) continue;
                ASSERT_LE(bg::distance(walk, pixel_box(g, col, row)), 0.01 * g.pixel) << trial << ": " << col << "," << row;
            }
        for (const Point& p : walk) {
            const double col = std::floor((p.x() - g.origin_x) / g.pixel);
            const double row = std::floor((g.origin_y - p.y()) / g.pixel);
            if (col >= 0 && col < g.cols && row >= 0 && row < g.rows) {
                EXPECT_TRUE(seeds[g.index(static_cast<int>(col), static_cast<int>(row))]) << trial;
            }
        }
    }
}

// Bands of rows burnt on several threads give the same seeds as one burn.
TEST(Seeds, ThreadsBurnTheSameSeeds)
{
    const Grid& g = small_grid;
    std::mt19937_64 rng(5);
    std::uniform_real_distribution<double> ux(990, 1130), uy(1890, 2010);
    std::vector<LineString> walks(20);
    for (auto& walk : walks)
        for (int i = 0; i < 8; ++i) walk.push_back(Point(ux(rng), uy(rng)));
    std::vector<std::size_t> one;
    seed_cells(g, walks, one, 1);
    for (const int threads : {2, 3, 7}) {
        std::vector<std::size_t> many;
        seed_cells(g, walks, many, threads);
        EXPECT_EQ(many, one) << threads << " threads";
    }
    EXPECT_GT(one.size(), 500U);
}

// Short walks reach only some of the bands of rows burnt one at a time (4 MB each: 41 rows of this wide grid) and
// are burnt only there: they give GDAL's burn of the whole grid, also walks lying exactly on the row edges and walks
// touching an edge from either side.
TEST(Seeds, ShortWalksNearBandEdgesBurnAsOneGrid)
{
    const Grid g{1000.0, 2000.0, 2.0, 100000, 130};
    std::mt19937_64 rng(23);
    std::uniform_real_distribution<double> ux(995, 1125), step(-3, 3);
    std::vector<LineString> walks;
    for (int k = 0; k <= g.rows; ++k) {
        const double edge = g.origin_y - k * g.pixel;
        const double x = ux(rng);
        walks.push_back({Point(x, edge), Point(x + 5, edge)});              // along the edge
        walks.push_back({Point(x, edge + 0.5), Point(x + 3, edge)});        // down onto it
        walks.push_back({Point(x + 9, edge - 0.5), Point(x + 9.5, edge)});  // up onto it
        walks.push_back({Point(x, edge + step(rng)), Point(x + step(rng), edge + step(rng))});
    }
    std::vector<std::uint8_t> expected = gdal_marks(g, walks);
    for (const int threads : {1, 2, 3, 7}) {
        std::vector<std::size_t> cells;
        seed_cells(g, walks, cells, threads);
        std::vector<std::uint8_t> seeds(g.cells(), 0);
        for (const std::size_t c : cells) seeds[c] = 1;
        EXPECT_TRUE(seeds == expected) << threads << " threads";
    }
    EXPECT_GT(std::count(expected.begin(), expected.end(), 1), 300);
}

TEST(Seeds, PointsRepeatsAndLinesOutsideTheGrid)
{
    const Grid& g = small_grid;
    std::vector<std::size_t> cells;
    // One fix, and one position recorded three times: one segment each (a visited point), one pixel each.
    EXPECT_EQ(seed_cells(g, {{Point(1003.0, 1995.0)}, {Point(1011.0, 1981.0), Point(1011.0, 1981.0), Point(1011.0, 1981.0)}},
                         cells),
              2U);
    EXPECT_EQ(cells, (std::vector<std::size_t>{g.index(1, 2), g.index(5, 9)}));
    // Outside the grid: counted as segments, no seeds. An empty line: nothing.
    cells.clear();
    EXPECT_EQ(seed_cells(g, {{Point(900, 1900), Point(950, 2500)}, {}}, cells), 1U);
    EXPECT_TRUE(cells.empty());
    EXPECT_EQ(seed_cells(g, {{}}, cells), 0U);
    EXPECT_THROW(seed_cells(g, {{Point(1003.0, 1995.0), Point(std::nan(""), 1990.0)}}, cells), Error);
}

}  // namespace geo::raster::detail

#include "libgeo/raster/rasterise.hpp"

#include <gdal_alg.h>
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogr_geometry.h>

#include <algorithm>
#include <random>

namespace geo::raster {

namespace {

Grid small_grid()
{
    Grid g;
    g.origin_x = 1000.0;
    g.origin_y = 2000.0;
    g.pixel = 2.0;
    g.cols = 60;
    g.rows = 50;
    return g;
}

std::vector<std::uint8_t> marks(const Grid& g, const Point& a, const Point& b)
{
    std::vector<std::size_t> cells;
    segment_cells(g, a, b, cells);
    std::vector<std::uint8_t> out(g.cells(), 0);
    for (const std::size_t c : cells) out[c] = 1;
    return out;
}

// GDAL's own burn of one segment with ALL_TOUCHED=TRUE.
std::vector<std::uint8_t> gdal_marks(const Grid& g, const Point& a, const Point& b)
{
    GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
    GDALDatasetUniquePtr ds(mem->Create("", g.cols, g.rows, 1, GDT_Byte, nullptr));
    auto gt = g.geotransform();
    ds->SetGeoTransform(gt.data());
    OGRLineString line;
    line.addPoint(a.x(), a.y());
    line.addPoint(b.x(), b.y());
    OGRGeometryH geometry = OGRGeometry::ToHandle(&line);
    int band = 1;
    double burn = 1.0;
    CPLStringList options;
    options.SetNameValue("ALL_TOUCHED", "TRUE");
    EXPECT_EQ(GDALRasterizeGeometries(GDALDataset::ToHandle(ds.get()), 1, &band, 1, &geometry, nullptr, nullptr,
                                      &burn, options.List(), nullptr, nullptr),
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

TEST(RasterRasterise, SegmentMarksExactlyThePixelsItTouches)
{
    // In general position "holds a point of the segment" and "closed square meets the segment" agree.
    const Grid g = small_grid();
    std::mt19937_64 rng(11);
    std::uniform_real_distribution<double> ux(990, 1130), uy(1890, 2010);
    for (int trial = 0; trial < 200; ++trial) {
        const Point a(ux(rng), uy(rng));
        const Point b = trial % 10 == 0 ? a : Point(ux(rng), uy(rng));  // some zero-length ones
        const bg::model::segment<Point> s(a, b);
        const auto mine = marks(g, a, b);
        for (int row = 0; row < g.rows; ++row)
            for (int col = 0; col < g.cols; ++col)
                ASSERT_EQ(mine[g.index(col, row)] == 1, bg::intersects(s, pixel_box(g, col, row)))
                    << "trial " << trial << " col " << col << " row " << row;
    }
}

TEST(RasterRasterise, AgreesWithGdalAllTouchedInGeneralPosition)
{
    const Grid g = small_grid();
    std::mt19937_64 rng(12);
    std::uniform_real_distribution<double> ux(990, 1130), uy(1890, 2010);
    for (int trial = 0; trial < 2000; ++trial) {
        const Point a(ux(rng), uy(rng));
        const Point b(ux(rng), uy(rng));
        ASSERT_EQ(marks(g, a, b), gdal_marks(g, a, b)) << "trial " << trial;
    }
}

TEST(RasterRasterise, EdgesAndCornersFollowTheHalfOpenRule)
{
    const Grid g = small_grid();  // pixel 2 m: x = 1000 + 2 col, y = 2000 - 2 row
    auto marked = [&](const std::vector<std::uint8_t>& m, int col, int row) { return m[g.index(col, row)] == 1; };
    // Along the edge between columns 4 and 5: the column east of it.
    auto m = marks(g, Point(1010.0, 1995.0), Point(1010.0, 1985.0));
    EXPECT_TRUE(marked(m, 5, 3));
    EXPECT_FALSE(marked(m, 4, 3));
    EXPECT_EQ(std::count(m.begin(), m.end(), 1), 6);  // rows 2.5 .. 7.5: rows 2 to 7
    // Along the edge between rows 3 and 4 (y = 1992): the row south of it.
    m = marks(g, Point(1001.0, 1992.0), Point(1007.0, 1992.0));
    EXPECT_TRUE(marked(m, 0, 4));
    EXPECT_FALSE(marked(m, 0, 3));
    EXPECT_EQ(std::count(m.begin(), m.end(), 1), 4);
    // A diagonal through corners marks the pixels its points fall in, not the side pixels.
    m = marks(g, Point(1001.0, 1999.0), Point(1007.0, 1993.0));
    EXPECT_EQ(std::count(m.begin(), m.end(), 1), 4);
    for (int i = 0; i < 4; ++i) EXPECT_TRUE(marked(m, i, i));
    // The documented difference from GDAL: an end point on a pixel edge marks the pixel beyond it.
    const Point a(1017.0, 1957.0);
    const Point b(1038.0, 1961.0);  // ends on the west edge of column 19
    m = marks(g, a, b);
    const auto theirs = gdal_marks(g, a, b);
    EXPECT_TRUE(marked(m, 19, 19));
    EXPECT_EQ(theirs[g.index(19, 19)], 0);
    m[g.index(19, 19)] = 0;
    EXPECT_EQ(m, theirs);
}

TEST(RasterRasterise, SegmentsOutsideTheGridMarkNothing)
{
    const Grid g = small_grid();
    std::vector<std::size_t> cells;
    segment_cells(g, Point(900, 1900), Point(950, 2500), cells);
    segment_cells(g, Point(-1e12, 1e12), Point(-1e12 + 1, 1e12), cells);  // far away: clipped before narrowing
    segment_cells(g, Point(1120.0, 1950.0), Point(1130.0, 1960.0), cells);  // starts on the east edge
    EXPECT_TRUE(cells.empty());
    // A long segment crossing the whole grid marks only pixels inside it.
    segment_cells(g, Point(0, 0), Point(3000, 4000), cells);
    for (const std::size_t c : cells) EXPECT_LT(c, g.cells());
}

TEST(RasterRasterise, AreaMatchesCoveredByAtPixelCentres)
{
    const Grid g = small_grid();
    std::mt19937_64 rng(13);
    for (int trial = 0; trial < 20; ++trial) {
        // Two star-shaped polygons, one with a hole, overlapping each other: the union counts.
        MultiPolygon area;
        for (int p = 0; p < 2; ++p) {
            std::uniform_real_distribution<double> cx(1020, 1100), cy(1920, 1980), radius(8, 30), jitter(0.5, 1.0);
            const double x = cx(rng);
            const double y = cy(rng);
            const double r = radius(rng);
            Polygon poly;
            for (int k = 0; k < 17; ++k) {
                const double t = -2.0 * 3.141592653589793 * k / 17;
                const double f = jitter(rng);
                poly.outer().push_back(Point(x + r * f * std::cos(t), y + r * f * std::sin(t)));
            }
            if (p == 0) {
                Polygon::ring_type hole;
                for (int k = 0; k < 5; ++k) {
                    const double t = 2.0 * 3.141592653589793 * k / 5;
                    hole.push_back(Point(x + 0.3 * r * std::cos(t), y + 0.3 * r * std::sin(t)));
                }
                poly.inners().push_back(hole);
            }
            bg::correct(poly);
            area.push_back(poly);
        }
        const auto inside = rasterise_area(g, area);
        for (int row = 0; row < g.rows; ++row)
            for (int col = 0; col < g.cols; ++col) {
                const Point centre(g.x(col), g.y(row));
                const bool expected = bg::covered_by(centre, area[0]) || bg::covered_by(centre, area[1]);
                ASSERT_EQ(inside[g.index(col, row)] == 1, expected) << "trial " << trial << " " << col << "," << row;
            }
    }
}

TEST(RasterRasterise, AreaEdgesOnPixelCentres)
{
    const Grid g = small_grid();
    // A square whose edges run through pixel centres: columns 2-5 and rows 1-4 have centres on or inside it.
    Polygon square;
    bg::read_wkt("POLYGON((1005 1997,1005 1989,1011 1989,1011 1997,1005 1997))", square);
    bg::correct(square);
    const auto inside = rasterise_area(g, MultiPolygon{square});
    // West and north edges count, east and south edges do not.
    EXPECT_EQ(std::count(inside.begin(), inside.end(), 1), 3 * 4);
    EXPECT_EQ(inside[g.index(2, 1)], 1);
    EXPECT_EQ(inside[g.index(4, 4)], 1);
    EXPECT_EQ(inside[g.index(5, 1)], 0);
    EXPECT_EQ(inside[g.index(2, 5)], 0);
    EXPECT_TRUE(std::all_of(inside.begin(), inside.end(), [](std::uint8_t v) { return v <= 1; }));
    EXPECT_EQ(rasterise_area(g, MultiPolygon{}), std::vector<std::uint8_t>(g.cells(), 0));
}

}  // namespace geo::raster

#include "libgeo/raster/rasterise.hpp"

#include <gdal_alg.h>
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogr_geometry.h>

#include <algorithm>
#include <random>
#include <boost/geometry/io/wkt/read.hpp>

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

}  // namespace

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
        // The same pixels as runs: increasing and apart, the overlapping polygons' runs merged.
        const AreaRuns runs = area_runs(g, area);
        ASSERT_EQ(runs.first.size(), static_cast<std::size_t>(g.rows) + 1);
        for (int row = 0; row < g.rows; ++row) {
            std::vector<std::uint8_t> marked(static_cast<std::size_t>(g.cols), 0);
            int previous_end = -1;
            const auto r = static_cast<std::size_t>(row);
            for (std::size_t k = runs.first[r]; k < runs.first[r + 1]; ++k) {
                const ColumnRun run = runs.runs[k];
                ASSERT_GT(run.begin, previous_end) << "trial " << trial << " row " << row;
                ASSERT_LT(run.begin, run.end);
                previous_end = run.end;
                std::fill(marked.begin() + run.begin, marked.begin() + run.end, std::uint8_t{1});
            }
            const auto row_start = inside.begin() + static_cast<std::ptrdiff_t>(g.index(0, row));
            ASSERT_TRUE(std::equal(marked.begin(), marked.end(), row_start)) << "trial " << trial << " row " << row;
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

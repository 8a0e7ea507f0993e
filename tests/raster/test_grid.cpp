#include "libgeo/raster/grid.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/core/memory.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace geo::raster {

namespace {

Box box(double x0, double y0, double x1, double y1) { return {Point(x0, y0), Point(x1, y1)}; }

// The grid covers the extent, and its edges are whole multiples of the pixel size.
void expect_aligned_cover(const Grid& g, const Box& extent)
{
    const Box e = g.extent();
    EXPECT_LE(e.min_corner().x(), extent.min_corner().x());
    EXPECT_LE(e.min_corner().y(), extent.min_corner().y());
    EXPECT_GE(e.max_corner().x(), extent.max_corner().x());
    EXPECT_GE(e.max_corner().y(), extent.max_corner().y());
    const double kx = g.origin_x / g.pixel;
    const double ky = g.origin_y / g.pixel;
    EXPECT_NEAR(kx, std::round(kx), 1e-9);
    EXPECT_NEAR(ky, std::round(ky), 1e-9);
    // Outward snapping adds less than one pixel on each side.
    EXPECT_LT(extent.min_corner().x() - e.min_corner().x(), g.pixel);
    EXPECT_LT(e.max_corner().y() - extent.max_corner().y(), g.pixel);
}

}  // namespace

TEST(RasterGrid, CoversTheExtentOnPixelMultiples)
{
    const Box extent = box(0.3, 0.3, 10.1, 5.2);
    const Grid g = grid_covering(extent, 1.0);
    EXPECT_DOUBLE_EQ(g.origin_x, 0.0);
    EXPECT_DOUBLE_EQ(g.origin_y, 6.0);
    EXPECT_EQ(g.cols, 11);
    EXPECT_EQ(g.rows, 6);
    expect_aligned_cover(g, extent);
}

TEST(RasterGrid, SnapsOutwardOnNegativeAndUtmCoordinates)
{
    const Grid g = grid_covering(box(-3.5, -2.2, 4.0, 1.0), 2.0);
    EXPECT_DOUBLE_EQ(g.origin_x, -4.0);
    EXPECT_DOUBLE_EQ(g.origin_y, 2.0);
    EXPECT_EQ(g.cols, 4);  // -4 .. 4: an edge already on a multiple stays
    EXPECT_EQ(g.rows, 3);  // -4 .. 2

    const Box town = box(625'713.7, 4'298'004.2, 640'291.1, 4'311'377.9);
    const Grid t = grid_covering(town, 10.0);
    EXPECT_DOUBLE_EQ(t.origin_x, 625'710.0);
    EXPECT_DOUBLE_EQ(t.origin_y, 4'311'380.0);
    EXPECT_EQ(t.cols, 1459);
    EXPECT_EQ(t.rows, 1338);
    expect_aligned_cover(t, town);
}

TEST(RasterGrid, ZeroWidthExtentGetsOneColumn)
{
    const Grid g = grid_covering(box(20.0, 5.0, 20.0, 5.0), 10.0);
    EXPECT_EQ(g.cols, 1);
    EXPECT_EQ(g.rows, 1);
    EXPECT_DOUBLE_EQ(g.origin_x, 20.0);
    EXPECT_DOUBLE_EQ(g.origin_y, 10.0);
}

TEST(RasterGrid, CentresIndicesAndGeotransform)
{
    Grid g;
    g.origin_x = 100.0;
    g.origin_y = 50.0;
    g.pixel = 5.0;
    g.cols = 4;
    g.rows = 3;
    EXPECT_DOUBLE_EQ(g.x(0), 102.5);
    EXPECT_DOUBLE_EQ(g.y(0), 47.5);
    EXPECT_DOUBLE_EQ(g.x(3), 117.5);
    EXPECT_DOUBLE_EQ(g.y(2), 37.5);
    EXPECT_EQ(g.cells(), 12u);
    EXPECT_EQ(g.index(1, 2), 9u);
    const auto gt = g.geotransform();
    EXPECT_DOUBLE_EQ(gt[0], 100.0);
    EXPECT_DOUBLE_EQ(gt[1], 5.0);
    EXPECT_DOUBLE_EQ(gt[2], 0.0);
    EXPECT_DOUBLE_EQ(gt[3], 50.0);
    EXPECT_DOUBLE_EQ(gt[4], 0.0);
    EXPECT_DOUBLE_EQ(gt[5], -5.0);
    const Box e = g.extent();
    EXPECT_DOUBLE_EQ(e.min_corner().y(), 35.0);
    EXPECT_DOUBLE_EQ(e.max_corner().x(), 120.0);

    Raster r{g, std::vector<float>(g.cells(), 0.0F)};
    r.at(1, 2) = 7.0F;
    EXPECT_EQ(r.values[9], 7.0F);
}

TEST(RasterGrid, RefusesBadPixelSizesAndExtents)
{
    const Box extent = box(0, 0, 100, 100);
    EXPECT_THROW((void)grid_covering(extent, 0.0), UsageError);
    EXPECT_THROW((void)grid_covering(extent, -1.0), UsageError);
    EXPECT_THROW((void)grid_covering(extent, std::numeric_limits<double>::quiet_NaN()), UsageError);
    EXPECT_THROW((void)grid_covering(box(10, 10, 0, 0), 1.0), UsageError);  // min > max: an empty layer's envelope
    EXPECT_THROW((void)grid_covering(box(0, 0, std::numeric_limits<double>::infinity(), 1), 1.0), UsageError);

    Grid g;
    g.cols = 0;
    g.rows = 5;
    EXPECT_THROW(g.validate(), UsageError);
    g.cols = 5;
    g.pixel = 0.0;
    EXPECT_THROW(g.validate(), UsageError);
    g.pixel = 1.0;
    EXPECT_NO_THROW(g.validate());
}

TEST(RasterGrid, RefusesGridsBeyondTheCellLimitWithAHint)
{
    // 100 km x 100 km at 5 cm would be 4e12 cells, beyond what int32 pixel numbers can address.
    try {
        (void)grid_covering(box(0, 0, 100'000, 100'000), 0.05);
        FAIL() << "expected a UsageError";
    } catch (const UsageError& e) {
        EXPECT_NE(e.message().find("2147 M cells"), std::string::npos) << e.message();
        EXPECT_NE(e.hint().find("pixel size of at least"), std::string::npos) << e.hint();
    }
    // The suggested size fits: 100 km at 2.2 m is 45,455 x 45,455 = 2,066 M cells.
    EXPECT_NO_THROW((void)grid_covering(box(0, 0, 100'000, 100'000), 2.2));
    Grid g;
    g.cols = 50'000;
    g.rows = 50'000;
    EXPECT_THROW(g.validate(), UsageError);
    g.rows = 40'000;
    EXPECT_NO_THROW(g.validate());
}

TEST(RasterGrid, RefusesGridsThatDoNotFitTheMemoryLimitAndSuggestsAPixelThatDoes)
{
    struct Restore {
        ~Restore() { memory::set_limit_bytes(0); }
    } restore;
    // 1 GB free; 100 km at 5 m is 20,000 x 20,000 = 400 M cells, 5.2 GB at 13 bytes per cell.
    memory::set_limit_bytes(memory::resident_bytes() + 1'000'000'000);
    const Grid big = grid_covering(box(0, 0, 100'000, 100'000), 5.0);
    std::string hint;
    try {
        big.require_memory(13.0, "the distance raster");
        FAIL() << "5.2 GB cannot fit in 1 GB";
    } catch (const InputError& e) {
        EXPECT_NE(e.message().find("the distance raster of 20000 x 20000 pixels of 5 m needs about 5.2 GB"),
                  std::string::npos) << e.message();
        hint = e.hint();
    }
    // The suggested pixel: 5 m x sqrt(5.2 / 1) = 11.4 m, 2 % more for the whole pixels at the edges (11.63 m),
    // rounded up to a tenth.
    const std::string prefix = "use a pixel size of at least ";
    ASSERT_EQ(hint.rfind(prefix, 0), 0U) << hint;
    const double suggested = std::stod(hint.substr(prefix.size()));
    EXPECT_NEAR(suggested, 11.7, 0.05) << hint;
    const Grid fitting = grid_covering(box(0, 0, 100'000, 100'000), suggested);
    EXPECT_LE(13.0 * static_cast<double>(fitting.cells()), 1e9);
    EXPECT_NO_THROW(fitting.require_memory(13.0, "the distance raster"));
}

}  // namespace geo::raster

#include "libgeo/raster/kde.hpp"

#include "libgeo/core/error.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <random>
#include <string>
#include <vector>

namespace geo::raster {

namespace {

constexpr double pi = 3.14159265358979323846;

const std::vector<std::string>& all_kernels()
{
    static const std::vector<std::string> names{"quartic",   "triangular",   "uniform",
                                                "triweight", "epanechnikov", "gaussian"};
    return names;
}

// The oracle: kernels written out from their textbook forms (Wand & Jones 1995 for the polynomial ones, QGIS's raw
// shapes, GRASS v.kernel's Gaussian with sigma = r / 4), independently of libgeo's code.
double oracle_kernel(const std::string& kernel, bool scaled, double d, double r)
{
    if (d > r) return 0.0;
    const double u = d / r;
    const double area = pi * r * r;
    if (kernel == "quartic") return std::pow(1.0 - u * u, 2) * (scaled ? 3.0 / area : 1.0);
    if (kernel == "triangular") return (1.0 - u) * (scaled ? 3.0 / area : 1.0);
    if (kernel == "uniform") return scaled ? 1.0 / area : 1.0;
    if (kernel == "triweight") return std::pow(1.0 - u * u, 3) * (scaled ? 4.0 / area : 1.0);
    if (kernel == "epanechnikov") return (1.0 - u * u) * (scaled ? 2.0 / area : 1.0);
    const double sigma = r / 4.0;
    const double g = std::exp(-d * d / (2.0 * sigma * sigma));
    return scaled ? g / (2.0 * pi * sigma * sigma) : g;
}

// O(points x cells) brute force in double precision, straight from the definition.
std::vector<double> brute_force(const Grid& g, const std::vector<KdePoint>& points, const std::string& kernel,
                                bool scaled, double default_radius)
{
    std::vector<double> out(g.cells(), 0.0);
    for (int row = 0; row < g.rows; ++row)
        for (int col = 0; col < g.cols; ++col) {
            const double cx = g.origin_x + (col + 0.5) * g.pixel;
            const double cy = g.origin_y - (row + 0.5) * g.pixel;
            double sum = 0.0;
            for (const KdePoint& p : points) {
                const double r = p.radius > 0.0 ? p.radius : default_radius;
                sum += p.weight * oracle_kernel(kernel, scaled, std::sqrt((cx - p.x) * (cx - p.x) +
                                                                          (cy - p.y) * (cy - p.y)), r);
            }
            out[static_cast<std::size_t>(row) * static_cast<std::size_t>(g.cols) + static_cast<std::size_t>(col)] =
                sum;
        }
    return out;
}

Grid make_grid(double x0, double y0, double pixel, int cols, int rows)
{
    Grid g;
    g.origin_x = x0;
    g.origin_y = y0;
    g.pixel = pixel;
    g.cols = cols;
    g.rows = rows;
    return g;
}

std::vector<KdePoint> random_points(int n, double x0, double y0, double w, double h, unsigned seed,
                                    bool weights = true, double min_r = 0.0, double max_r = 0.0)
{
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> ux(x0, x0 + w), uy(y0, y0 + h), uw(0.0, 3.0), ur(min_r, max_r);
    std::vector<KdePoint> pts;
    for (int i = 0; i < n; ++i) {
        KdePoint p{ux(rng), uy(rng)};
        if (weights) p.weight = uw(rng);
        if (max_r > 0.0) p.radius = i % 4 == 0 ? 0.0 : ur(rng);  // every fourth point uses the default radius
        pts.push_back(p);
    }
    return pts;
}

// Float32 output against the double oracle: relative rounding plus a floor tied to the raster's maximum.
void expect_matches(const Raster& got, const std::vector<double>& want, const std::string& what)
{
    ASSERT_EQ(got.values.size(), want.size());
    const double peak = *std::max_element(want.begin(), want.end());
    ASSERT_GT(peak, 0.0) << what;
    int bad = 0;
    for (std::size_t i = 0; i < want.size() && bad < 5; ++i) {
        const double tolerance = 1e-6 * std::abs(want[i]) + 1e-9 * peak;
        if (!std::isfinite(got.values[i]) || std::abs(got.values[i] - want[i]) > tolerance) {
            ADD_FAILURE() << what << ": pixel " << i << " has " << got.values[i] << ", expected " << want[i];
            ++bad;
        }
    }
}

KdeOptions options_for(const std::string& kernel, bool scaled, double radius, double pixel, int tile_px = 512)
{
    KdeOptions o;
    o.kernel = parse_kernel(kernel);
    o.output = scaled ? KdeOutput::scaled : KdeOutput::raw;
    o.radius_m = radius;
    o.pixel_m = pixel;
    o.tile_px = tile_px;
    return o;
}

}  // namespace

TEST(KdeKernels, EveryKernelRawAndScaledMatchesBruteForce)
{
    // 150 m radius on 10 m pixels, 32-pixel tiles: every kernel crosses tile boundaries. Points reach beyond the grid.
    const Grid g = make_grid(500'000.0, 4'300'000.0, 10.0, 90, 70);
    const auto points = random_points(120, 499'900.0, 4'299'200.0, 1'100.0, 900.0, 7);
    for (const auto& kernel : all_kernels())
        for (const bool scaled : {false, true}) {
            const Raster got = kde(g, points, options_for(kernel, scaled, 150.0, 10.0, 32));
            expect_matches(got, brute_force(g, points, kernel, scaled, 150.0), kernel + (scaled ? " scaled" : " raw"));
        }
}

TEST(KdeKernels, PerPointRadiusAndWeightsMatchBruteForce)
{
    const Grid g = make_grid(-300.0, 400.0, 7.5, 100, 110);
    const auto points = random_points(80, -300.0, -400.0, 750.0, 800.0, 11, true, 5.0, 260.0);
    for (const auto& kernel : all_kernels())
        for (const bool scaled : {false, true}) {
            const Raster got = kde(g, points, options_for(kernel, scaled, 90.0, 7.5, 48));
            expect_matches(got, brute_force(g, points, kernel, scaled, 90.0), kernel + " per-point radius");
        }
}

TEST(KdeKernels, ScaledOutputIntegratesToTheWeightedCount)
{
    // Points at least one radius inside the grid: the sum of values times the pixel area is the weighted count
    // (for the Gaussian 1 - e^-8 of it, GRASS's truncation; still within 0.5 %).
    const Grid g = make_grid(0.0, 3'000.0, 10.0, 300, 300);
    auto points = random_points(40, 400.0, 400.0, 2'200.0, 2'200.0, 3);
    double weighted = 0.0;
    for (const auto& p : points) weighted += p.weight;
    for (const auto& kernel : all_kernels()) {
        const Raster got = kde(g, points, options_for(kernel, true, 300.0, 10.0));
        double mass = 0.0;
        for (const float v : got.values) mass += v;
        mass *= g.pixel * g.pixel;
        EXPECT_NEAR(mass / weighted, 1.0, 0.005) << kernel;
        KdeOptions km2 = options_for(kernel, true, 300.0, 10.0);
        km2.per_km2 = true;
        const Raster per_km2 = kde(g, points, km2);
        for (std::size_t i = 0; i < got.values.size(); i += 997)
            EXPECT_NEAR(per_km2.values[i], got.values[i] * 1e6, 1e-6 * per_km2.values[i] + 1e-12) << kernel;
    }
}

TEST(KdeGrid, QgisRuleOnHandComputedExamples)
{
    // Extent x 100..350, y 200..420 grown by 50: 50..400 (350 m), 150..470 (320 m); cols 35 + 1, rows 32 + 1.
    Grid g = qgis_kde_grid(std::vector<KdePoint>{{100, 200}, {350, 420}}, 50.0, 10.0);
    EXPECT_DOUBLE_EQ(g.origin_x, 50.0);
    EXPECT_DOUBLE_EQ(g.origin_y, 470.0);
    EXPECT_DOUBLE_EQ(g.pixel, 10.0);
    EXPECT_EQ(g.cols, 36);
    EXPECT_EQ(g.rows, 33);
    // Fractional sizes: x -30..135 (165 m -> ceil 16.5 = 17, + 1), y -30..63 (93 m -> 10, + 1).
    g = qgis_kde_grid(std::vector<KdePoint>{{0, 0}, {105, 33}}, 30.0, 10.0);
    EXPECT_DOUBLE_EQ(g.origin_x, -30.0);
    EXPECT_DOUBLE_EQ(g.origin_y, 63.0);
    EXPECT_EQ(g.cols, 18);
    EXPECT_EQ(g.rows, 11);
    // One point: a 2r square, ceil(20 / 10) + 1 = 3 pixels each way.
    g = qgis_kde_grid(std::vector<KdePoint>{{5, 5}}, 10.0, 10.0);
    EXPECT_DOUBLE_EQ(g.origin_x, -5.0);
    EXPECT_DOUBLE_EQ(g.origin_y, 15.0);
    EXPECT_EQ(g.cols, 3);
    EXPECT_EQ(g.rows, 3);
    // Per-point radii: grown by the largest radius in use (QGIS: the radius field's maximum).
    g = qgis_kde_grid(std::vector<KdePoint>{{0, 0, 1.0, 0.0}, {100, 0, 1.0, 80.0}}, 30.0, 10.0);
    EXPECT_DOUBLE_EQ(g.origin_x, -80.0);
    EXPECT_DOUBLE_EQ(g.origin_y, 80.0);
    EXPECT_EQ(g.cols, 27);  // 260 m
    EXPECT_EQ(g.rows, 17);  // 160 m
    KdeOptions o;
    o.radius_m = 50.0;
    o.pixel_m = 10.0;
    const Grid via_options = kde_grid(std::vector<KdePoint>{{100, 200}, {350, 420}}, o);
    EXPECT_EQ(via_options.cols, 36);
}

TEST(KdeTiles, TiledEqualsUntiledAndThreadCountDoesNotMatter)
{
    const Grid g = make_grid(1'000.0, 2'000.0, 5.0, 173, 151);
    const auto points = random_points(300, 950.0, 1'200.0, 900.0, 850.0, 21, true, 10.0, 120.0);
    for (const auto& kernel : all_kernels()) {
        KdeOptions one = options_for(kernel, true, 60.0, 5.0, 4096);
        one.threads = 1;
        KdeOptions many = options_for(kernel, true, 60.0, 5.0, 16);
        many.threads = 2;
        const Raster a = kde(g, points, one);
        const Raster b = kde(g, points, many);
        ASSERT_EQ(a.values.size(), b.values.size());
        EXPECT_EQ(std::memcmp(a.values.data(), b.values.data(), a.values.size() * sizeof(float)), 0) << kernel;
        many.threads = 1;
        const Raster c = kde(g, points, many);
        EXPECT_EQ(std::memcmp(b.values.data(), c.values.data(), b.values.size() * sizeof(float)), 0) << kernel;
    }
}

TEST(KdeTiles, VectorWidthsGiveIdenticalValues)
{
    // The evaluation uses the widest vectors the processor has: eight lanes with AVX-512, four with AVX2, two with
    // SSE2 (every x86-64). Each width this machine has must give the same bits, and the brute-force sum.
    const Grid g = make_grid(1'000.0, 2'000.0, 5.0, 131, 97);
    const auto points = random_points(250, 950.0, 1'450.0, 700.0, 600.0, 33, true, 10.0, 90.0);
    for (const auto& kernel : all_kernels()) {
        KdeOptions sse2 = options_for(kernel, false, 45.0, 5.0, 64);
        sse2.max_lanes = 2;
        const Raster narrow = kde(g, points, sse2);
        expect_matches(narrow, brute_force(g, points, kernel, false, 45.0), kernel + " sse2");
        for (const int lanes : {4, 8}) {
            KdeOptions wide = sse2;
            wide.max_lanes = lanes;
            const Raster got = kde(g, points, wide);
            ASSERT_EQ(got.values.size(), narrow.values.size());
            EXPECT_EQ(std::memcmp(got.values.data(), narrow.values.data(), got.values.size() * sizeof(float)), 0)
                << kernel << " with " << lanes << " lanes";
        }
    }
}

TEST(KdeBadInput, NoPointsOnePointAndIdenticalPoints)
{
    EXPECT_THROW((void)qgis_kde_grid({}, 300.0, 10.0), UsageError);
    const Grid g = make_grid(0.0, 200.0, 10.0, 20, 20);
    const Raster empty = kde(g, {}, KdeOptions{});
    EXPECT_TRUE(std::all_of(empty.values.begin(), empty.values.end(), [](float v) { return v == 0.0F; }));

    const std::vector<KdePoint> one{{73.0, 121.0}};
    const Raster single = kde(g, one, options_for("quartic", true, 45.0, 10.0));
    expect_matches(single, brute_force(g, one, "quartic", true, 45.0), "one point");

    const std::vector<KdePoint> five(5, KdePoint{73.0, 121.0});
    const Raster stacked = kde(g, five, options_for("quartic", true, 45.0, 10.0));
    for (std::size_t i = 0; i < stacked.values.size(); ++i)
        EXPECT_NEAR(stacked.values[i], 5.0 * single.values[i], 1e-6 * stacked.values[i]);
    // All in one cell, on the QGIS grid.
    const Grid own = qgis_kde_grid(five, 45.0, 10.0);
    EXPECT_EQ(own.cols, 10);
    const Raster on_own = kde(own, five, options_for("triweight", false, 45.0, 10.0));
    expect_matches(on_own, brute_force(own, five, "triweight", false, 45.0), "identical points");
}

TEST(KdeBadInput, RadiusSmallerThanAPixelOrLargerThanTheExtent)
{
    const Grid g = make_grid(0.0, 100.0, 10.0, 10, 10);
    // r = 4 m on 10 m pixels: only the centre (15, 85) lies within 4 m of (13, 87) (2.83 m away).
    const std::vector<KdePoint> p{{13.0, 87.0}};
    const KdeOptions small = options_for("uniform", false, 4.0, 10.0);
    const Raster r = kde(g, p, small);
    EXPECT_EQ(std::count_if(r.values.begin(), r.values.end(), [](float v) { return v != 0.0F; }), 1);
    EXPECT_EQ(r.at(1, 1), 1.0F);
    EXPECT_TRUE(kde_advice(g, small).has_value());
    EXPECT_FALSE(kde_advice(g, options_for("uniform", false, 40.0, 10.0)).has_value());
    // A point between centres with r below half a pixel reaches none: a defined all-zero result.
    const Raster none = kde(g, std::vector<KdePoint>{{20.0, 80.0}}, options_for("quartic", false, 4.0, 10.0));
    EXPECT_TRUE(std::all_of(none.values.begin(), none.values.end(), [](float v) { return v == 0.0F; }));

    // r = 5 km over a 100 m grid: every pixel, no NaN.
    const auto many = random_points(30, 0.0, 0.0, 100.0, 100.0, 5);
    for (const auto& kernel : all_kernels()) {
        const Raster big = kde(g, many, options_for(kernel, true, 5'000.0, 10.0));
        expect_matches(big, brute_force(g, many, kernel, true, 5'000.0), kernel + " r > extent");
    }
}

TEST(KdeBadInput, InvalidWeightsRadiiAndNamesAreUsageErrors)
{
    const Grid g = make_grid(0.0, 100.0, 10.0, 10, 10);
    auto message = [&](std::vector<KdePoint> pts) {
        try {
            (void)kde(g, pts, KdeOptions{});
        } catch (const UsageError& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    EXPECT_NE(message({{1, 1, 1.0}, {2, 2, -1.0}}).find("point 1 has a negative weight"), std::string::npos);
    EXPECT_NE(message({{1, 1, std::nan("")}}).find("non-finite weight"), std::string::npos);
    EXPECT_NE(message({{1, 1, INFINITY}}).find("non-finite weight"), std::string::npos);
    EXPECT_NE(message({{1, 1, 1.0, -5.0}}).find("invalid radius"), std::string::npos);
    EXPECT_NE(message({{NAN, 1}}).find("non-finite coordinate"), std::string::npos);
    EXPECT_EQ(message({{1, 1, 0.0}}), "no error");  // a zero weight is legal and adds nothing

    try {
        (void)parse_kernel("cubic");
        FAIL() << "expected a UsageError";
    } catch (const UsageError& e) {
        const std::string text = e.full_message();
        for (const auto& k : all_kernels()) EXPECT_NE(text.find(k), std::string::npos) << text;
    }
    for (const auto& k : all_kernels()) EXPECT_EQ(kernel_name(parse_kernel(k)), k);
    EXPECT_EQ(parse_kde_output("scaled"), KdeOutput::scaled);
    EXPECT_THROW((void)parse_kde_output("normalised"), UsageError);
    KdeOptions o;
    o.radius_m = 0.0;
    EXPECT_THROW(o.validate(), UsageError);
    o.radius_m = 300.0;
    o.pixel_m = -1.0;
    EXPECT_THROW(o.validate(), UsageError);
    EXPECT_THROW((void)qgis_kde_grid(std::vector<KdePoint>{{0, 0}, {1e9, 1e9}}, 300.0, 1.0), UsageError);
}

}  // namespace geo::raster

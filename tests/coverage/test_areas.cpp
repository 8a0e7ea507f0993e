// Village and blind areas from the contoured distance raster against GEOS buffers of all tracks at once.
#include "coverage/scene.hpp"
#include "libgeo/coverage/areas.hpp"

#include <gtest/gtest.h>
#include <boost/geometry/io/wkt/read.hpp>

namespace geo::coverage {
namespace {

// Two irregular villages sharing an edge, random walks through both, a random network and two sites.
Campaign scene(std::uint64_t seed)
{
    Campaign c;
    c.crs.id = "EPSG:32647";
    for (const char* wkt : {"POLYGON((0 0,100 1900,1100 2100,1230 700,900 -50,0 0))",
                            "POLYGON((900 -50,1230 700,1100 2100,2300 1800,2100 100,900 -50))"}) {
        Village v;
        v.name = "v" + std::to_string(c.villages.size());
        bg::read_wkt(wkt, v.area.emplace_back());
        bg::correct(v.area);
        c.villages.push_back(v);
    }
    std::mt19937_64 rng(seed);
    for (int i = 0; i < 8; ++i) c.tracks.push_back(test::make_track(test::random_path(rng, 2200, 30, 45), i));
    for (int i = 0; i < 10; ++i) c.network.emplace_back().line = test::random_path(rng, 2200, 12, 80);
    Site school;
    bg::read_wkt("MULTIPOLYGON(((300 300,300 420,460 420,460 300,300 300)))", school.area);
    bg::correct(school.area);
    c.sites.push_back(school);
    Site clinic;
    clinic.point = Point(1800, 1500);
    c.sites.push_back(clinic);
    return c;
}

std::vector<LineString> lines_of(const Campaign& c)
{
    std::vector<LineString> out;
    for (const auto& t : c.tracks) {
        LineString& l = out.emplace_back();
        for (const auto& f : t.fixes) l.push_back(f.position);
    }
    return out;
}

GeomPtr buffer_all(const GeosContext& ctx, std::vector<GeomPtr> parts, double d, int quadsegs = 64)
{
    std::vector<GEOSGeometry*> raw;
    for (auto& p : parts) raw.push_back(p.release());
    GeomPtr all = own(ctx, GEOSGeom_createCollection_r(ctx, GEOS_GEOMETRYCOLLECTION, raw.data(),
                                                       static_cast<unsigned>(raw.size())),
                      "collection");
    // 64 segments per quarter circle: the arcs within 0.03 m of true circles at 200 m.
    return own(ctx, GEOSBuffer_r(ctx, all.get(), d, quadsegs), "buffer");
}

GeomPtr walked_zone(const GeosContext& ctx, const Campaign& c, double d)
{
    std::vector<GeomPtr> parts;
    for (const auto& t : lines_of(c)) parts.push_back(to_geos(ctx, t));
    return buffer_all(ctx, std::move(parts), d);
}

double area(const GeosContext& ctx, const GEOSGeometry* g)
{
    double a = 0;
    GEOSArea_r(ctx, g, &a);
    return a;
}

CoverageResult areas_of(const Campaign& c, double pixel, double reach = 0, int threads = 2,
                        raster::DistanceMeasure measure = raster::DistanceMeasure::to_segments)
{
    CoverageOptions options;
    options.walk_distance = measure;
    options.walked_within_m = 100;
    options.blind_beyond_m = 200;
    options.required_within_m = reach;
    options.pixel_m = pixel;
    options.threads = threads;
    return analyse(c, options);
}

// The level line between pixel centres cuts circular arcs of radius r by at most pixel² / (8 r) (areas.hpp); with
// the rounding of the to-segment distances this bounds the band's error per metre of its boundary. The GEOS oracle's
// boundary length times that bound is the tolerance.
double boundary_length(const GeosContext& ctx, const GEOSGeometry* band)
{
    GeomPtr boundary = own(ctx, GEOSBoundary_r(ctx, band), "boundary");
    double length = 0;
    GEOSLength_r(ctx, boundary.get(), &length);
    return length;
}

double tolerance(const GeosContext& ctx, const GEOSGeometry* band, double pixel, double r)
{
    return boundary_length(ctx, band) * (pixel * pixel / (8 * r) + 0.01 * pixel);
}

TEST(Areas, WalkedAreaAgreesWithGeosBuffersOfAllTracks)
{
    const Campaign c = scene(7);
    GeosContext ctx;
    const GeomPtr zone = walked_zone(ctx, c, 100);
    for (const double pixel : {10.0, 2.0, 0.0}) {  // 0: no walk-distance raster, the areas' own 10 m raster
        const CoverageResult r = areas_of(c, pixel);
        for (std::size_t v = 0; v < c.villages.size(); ++v) {
            const GeomPtr village = to_geos(ctx, c.villages[v].area);
            const GeomPtr walked = own(ctx, GEOSIntersection_r(ctx, village.get(), zone.get()), "i");
            const double expected = area(ctx, walked.get());
            EXPECT_GT(expected, 0.1 * r.villages[v].area_m2);
            EXPECT_LT(expected, 0.9 * r.villages[v].area_m2);  // the scene has both walked and unwalked land
            const double tol = tolerance(ctx, walked.get(), pixel > 0 ? pixel : default_area_pixel_m, 100);
            EXPECT_NEAR(r.villages[v].walked_area_m2, expected, tol) << "pixel " << pixel << " village " << v;
            EXPECT_LT(tol, 0.01 * expected);
        }
    }
}

// walk_distance = "pixel_centres": every value within half a pixel diagonal of the exact one, so the level lines at W
// and B move by at most that much, and the areas by at most that times their boundary.
TEST(Areas, PixelCentresStayWithinHalfAPixelDiagonalOfExact)
{
    const Campaign c = scene(7);
    GeosContext ctx;
    const GeomPtr zone = walked_zone(ctx, c, 100);
    for (const double pixel : {10.0, 2.0}) {
        const CoverageResult exact = areas_of(c, pixel);
        const CoverageResult centres = areas_of(c, pixel, 0, 2, raster::DistanceMeasure::to_seed_centres);
        ASSERT_TRUE(exact.walk_distance && centres.walk_distance);
        const auto& e = exact.walk_distance->values;
        const auto& p = centres.walk_distance->values;
        ASSERT_EQ(e.size(), p.size());
        const double half_diagonal = 0.5 * std::sqrt(2.0) * pixel;
        double largest = 0;
        for (std::size_t i = 0; i < e.size(); ++i) {
            ASSERT_EQ(e[i] == raster::nodata, p[i] == raster::nodata) << i;
            if (e[i] != raster::nodata) largest = std::max(largest, std::abs(double(p[i]) - double(e[i])));
        }
        EXPECT_LE(largest, half_diagonal + 1e-3) << "pixel " << pixel;
        EXPECT_GT(largest, 0.2 * pixel) << "pixel " << pixel;  // the two measures do differ
        for (std::size_t v = 0; v < c.villages.size(); ++v) {
            const GeomPtr village = to_geos(ctx, c.villages[v].area);
            const GeomPtr walked = own(ctx, GEOSIntersection_r(ctx, village.get(), zone.get()), "i");
            const double tol =
                tolerance(ctx, walked.get(), pixel, 100) + boundary_length(ctx, walked.get()) * half_diagonal;
            EXPECT_NEAR(centres.villages[v].walked_area_m2, area(ctx, walked.get()), tol) << "pixel " << pixel;
        }
    }
}

TEST(Areas, BlindAreasAreTheSamePolygonsAsGeosGives)
{
    const Campaign c = scene(11);
    GeosContext ctx;
    const GeomPtr zone = walked_zone(ctx, c, 200);
    for (const double pixel : {10.0, 2.0}) {
        const CoverageResult r = areas_of(c, pixel);
        std::size_t expected_count = 0;
        for (std::size_t v = 0; v < c.villages.size(); ++v) {
            const GeomPtr village = to_geos(ctx, c.villages[v].area);
            const GeomPtr rest = own(ctx, GEOSDifference_r(ctx, village.get(), zone.get()), "d");
            const MultiPolygon expected = polygons_from_geos(ctx, rest.get());
            expected_count += expected.size();
            double got = 0;
            for (const auto& b : r.blind_areas)
                if (b.village == static_cast<int>(v)) got += b.area_m2;
            EXPECT_NEAR(got, bg::area(expected), tolerance(ctx, rest.get(), pixel, 200)) << "pixel " << pixel;
        }
        EXPECT_GT(expected_count, 1U);
        EXPECT_EQ(r.blind_areas.size(), expected_count) << "pixel " << pixel;
        for (std::size_t i = 1; i < r.blind_areas.size(); ++i)
            EXPECT_GE(r.blind_areas[i - 1].area_m2, r.blind_areas[i].area_m2);
    }
}

TEST(Areas, BlindAreasWithinReachOfNetworkOrSites)
{
    const Campaign c = scene(5);
    GeosContext ctx;
    const GeomPtr zone = walked_zone(ctx, c, 200);
    std::vector<GeomPtr> parts;
    for (const auto& n : c.network) parts.push_back(to_geos(ctx, n.line));
    for (const auto& s : c.sites) parts.push_back(s.point ? to_geos(ctx, *s.point) : to_geos(ctx, s.area));
    // The reach is a GEOS buffer in geowalk too (8 segments per quarter circle): the same here.
    const GeomPtr reach = buffer_all(ctx, std::move(parts), 150, 8);
    const CoverageResult r = areas_of(c, 5, 150);
    double expected = 0, tol = 0;
    for (const auto& v : c.villages) {
        const GeomPtr village = to_geos(ctx, v.area);
        const GeomPtr land = own(ctx, GEOSIntersection_r(ctx, village.get(), reach.get()), "i");
        const GeomPtr blind = own(ctx, GEOSDifference_r(ctx, land.get(), zone.get()), "d");
        expected += area(ctx, blind.get());
        tol += tolerance(ctx, blind.get(), 5, 150);
    }
    double got = 0;
    for (const auto& b : r.blind_areas) got += b.area_m2;
    EXPECT_GT(expected, 0);
    EXPECT_NEAR(got, expected, tol);
}

// The default: R unset means R = B, so blind is land within B of a route or site and farther than B from every
// track; the rest of the village land is "not required". Against GEOS: the buffer of the network and sites at B
// (8 segments per quarter circle, as geowalk's), its intersection with and difference from each village.
TEST(Areas, DefaultReachIsBAndTheRestIsNotRequired)
{
    const Campaign c = scene(5);
    GeosContext ctx;
    CoverageOptions options;
    options.walked_within_m = 100;
    options.blind_beyond_m = 200;
    options.pixel_m = 5;
    ASSERT_FALSE(options.required_within_m);
    EXPECT_EQ(options.reach_m(), 200.0);
    const CoverageResult r = analyse(c, options);
    EXPECT_EQ(r.options.reach_m(), 200.0);

    const GeomPtr zone = walked_zone(ctx, c, 200);
    std::vector<GeomPtr> parts;
    for (const auto& n : c.network) parts.push_back(to_geos(ctx, n.line));
    for (const auto& s : c.sites) parts.push_back(s.point ? to_geos(ctx, *s.point) : to_geos(ctx, s.area));
    const GeomPtr reach = buffer_all(ctx, std::move(parts), 200, 8);
    double blind = 0, blind_tol = 0, required = 0, rest = 0, land = 0;
    for (std::size_t v = 0; v < c.villages.size(); ++v) {
        const GeomPtr village = to_geos(ctx, c.villages[v].area);
        const GeomPtr within = own(ctx, GEOSIntersection_r(ctx, village.get(), reach.get()), "i");
        const GeomPtr beyond = own(ctx, GEOSDifference_r(ctx, village.get(), reach.get()), "d");
        const GeomPtr unwalked = own(ctx, GEOSDifference_r(ctx, within.get(), zone.get()), "d");
        EXPECT_NEAR(r.villages[v].required_area_m2, area(ctx, within.get()), 1e-6 * area(ctx, village.get())) << v;
        double not_required = 0;
        for (const auto& b : r.not_required)
            if (b.village == static_cast<int>(v)) not_required += b.area_m2;
        EXPECT_NEAR(not_required, area(ctx, beyond.get()), 1e-6 * area(ctx, village.get())) << v;
        blind += area(ctx, unwalked.get());
        blind_tol += tolerance(ctx, unwalked.get(), 5, 200);
        required += area(ctx, within.get());
        rest += area(ctx, beyond.get());
        land += area(ctx, village.get());
    }
    EXPECT_GT(rest, 0.05 * land) << "the scene has land away from routes and sites";
    EXPECT_GT(blind, 0);
    EXPECT_NEAR(r.blind_area_m2(), blind, blind_tol);
    EXPECT_NEAR(r.required_area_m2(), required, 1e-6 * land);
    ASSERT_TRUE(r.blind_share());
    EXPECT_NEAR(*r.blind_share(), blind / required, blind_tol / required);
    for (std::size_t i = 1; i < r.not_required.size(); ++i)
        EXPECT_GE(r.not_required[i - 1].area_m2, r.not_required[i].area_m2);

    // R = 0: every piece of village land is required, none is "not required".
    options.required_within_m = 0.0;
    const CoverageResult all = analyse(c, options);
    EXPECT_TRUE(all.not_required.empty());
    EXPECT_NEAR(all.required_area_m2(), land, 1e-6 * land);
}

TEST(Areas, ThreadCountDoesNotChangeTheResult)
{
    const Campaign c = scene(3);
    const CoverageResult one = areas_of(c, 10, 120, 1);
    const CoverageResult two = areas_of(c, 10, 120, 2);
    for (std::size_t v = 0; v < c.villages.size(); ++v)
        EXPECT_EQ(one.villages[v].walked_area_m2, two.villages[v].walked_area_m2);
    ASSERT_EQ(one.blind_areas.size(), two.blind_areas.size());
    for (std::size_t i = 0; i < one.blind_areas.size(); ++i) {
        EXPECT_EQ(one.blind_areas[i].area_m2, two.blind_areas[i].area_m2);
        EXPECT_EQ(one.blind_areas[i].village, two.blind_areas[i].village);
    }
}

TEST(Areas, WithoutWalksNoLandIsWalkedAndAllIsBlind)
{
    Campaign c = scene(2);
    c.tracks.clear();
    const CoverageResult r = areas_of(c, 10);
    double total = 0;
    for (const auto& b : r.blind_areas) total += b.area_m2;
    double land = 0;
    for (const auto& v : r.villages) {
        EXPECT_EQ(v.walked_area_m2, 0.0);
        land += v.area_m2;
    }
    EXPECT_NEAR(total, land, 1e-6 * land);
    EXPECT_EQ(r.blind_areas.size(), c.villages.size());
    ASSERT_TRUE(r.walk_distance);
    for (const float value : r.walk_distance->values) EXPECT_EQ(value, raster::nodata);
}

}  // namespace
}  // namespace geo::coverage

// Hotspot zones against independent computations: the grouping against a union-find over the grid written here
// (squares: queen moves; hexagons: Boost.Geometry says the two cell polygons touch), areas against the cell count
// times the cell area and Boost.Geometry's area of the outline, names on a constructed scene, and the ranking.
#include "geometry_support.hpp"
#include "libgeo/hotspot/zones.hpp"

#include "libgeo/core/people_number.hpp"

#include <boost/geometry/algorithms/is_valid.hpp>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <random>
#include <set>
#include <vector>

namespace {

using namespace geo::hotspot;
using geo::LineString;
using geo::MultiPolygon;
using geo::NetworkLine;
using geo::Point;
using geo::Village;
using geo::test::rectangle;
namespace bg = boost::geometry;

// A full grid of cols x rows cells of `size`, origin (0, 0), in the binning's (row, col) order.
Binning grid(CellShape shape, int cols, int rows, double size)
{
    Binning b;
    b.layout = {shape, size, 0, 0, cols, rows};
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c) b.cells.push_back({c, r, b.layout.centre(c, r), 0});
    return b;
}

GiResult gi_with_bins(const std::vector<int>& bins)
{
    GiResult gi;
    gi.bin = bins;
    gi.z.resize(bins.size());
    for (std::size_t i = 0; i < bins.size(); ++i) gi.z[i] = bins[i] * 1.0 + 0.001 * static_cast<double>(i % 7);
    return gi;
}

struct UnionFind {
    std::vector<std::size_t> parent;
    explicit UnionFind(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
    std::size_t root(std::size_t i)
    {
        while (parent[i] != i) i = parent[i] = parent[parent[i]];
        return i;
    }
    void join(std::size_t a, std::size_t b) { parent[root(a)] = root(b); }
};

// The partition of the hot cells as a set of sets, from a union-find over every pair of hot cells that `touch`.
template <class Touch>
std::set<std::set<std::size_t>> expected_groups(const std::vector<int>& bins, Touch touch)
{
    UnionFind uf(bins.size());
    for (std::size_t a = 0; a < bins.size(); ++a)
        for (std::size_t b = a + 1; b < bins.size(); ++b)
            if (bins[a] > 0 && bins[b] > 0 && touch(a, b)) uf.join(a, b);
    std::map<std::size_t, std::set<std::size_t>> by_root;
    for (std::size_t i = 0; i < bins.size(); ++i)
        if (bins[i] > 0) by_root[uf.root(i)].insert(i);
    std::set<std::set<std::size_t>> out;
    for (auto& [root, members] : by_root) out.insert(members);
    return out;
}

std::set<std::set<std::size_t>> groups_of(const std::vector<Zone>& zones)
{
    std::set<std::set<std::size_t>> out;
    for (const auto& z : zones) out.insert(std::set<std::size_t>(z.cells.begin(), z.cells.end()));
    return out;
}

std::vector<int> random_bins(std::size_t n, double hot_share, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> u(0, 1);
    std::vector<int> bins(n);
    for (auto& b : bins) {
        const double x = u(rng);
        b = x < hot_share ? 1 + static_cast<int>(u(rng) * 3) : x > 0.9 ? -2 : 0;  // some cold cells, never zones
    }
    return bins;
}

TEST(Zones, SquaresGroupAsAUnionFindWithQueenMoves)
{
    for (std::uint64_t seed : {1u, 2u, 3u}) {
        const Binning b = grid(CellShape::square, 23, 17, 120);
        const auto bins = random_bins(b.cells.size(), 0.35, seed);
        const std::vector<double> walked(b.cells.size(), 0);
        const auto zones = hotspot_zones({b, gi_with_bins(bins), walked, 240, {}, {}});
        const auto expected = expected_groups(bins, [&](std::size_t x, std::size_t y) {
            return std::abs(b.cells[x].col - b.cells[y].col) <= 1 && std::abs(b.cells[x].row - b.cells[y].row) <= 1;
        });
        ASSERT_GT(expected.size(), 5u);
        EXPECT_EQ(groups_of(zones), expected) << "seed " << seed;
        for (const auto& z : zones) {
            // Area: the cells do not overlap, so the union's area is their count times a cell's.
            EXPECT_NEAR(z.area_m2, static_cast<double>(z.cells.size()) * 120 * 120, 1e-6);
            EXPECT_NEAR(bg::area(z.outline), z.area_m2, 1e-6);
            EXPECT_TRUE(bg::is_valid(z.outline)) << bg::wkt(z.outline);
            int bin = 0;
            double max_z = -1e9;
            for (std::size_t i : z.cells) {
                bin = std::max(bin, bins[i]);
                max_z = std::max(max_z, gi_with_bins(bins).z[i]);
            }
            EXPECT_EQ(z.bin, bin);
            EXPECT_DOUBLE_EQ(z.max_z, max_z);
        }
        // Ids follow each zone's first cell.
        for (std::size_t k = 1; k < zones.size(); ++k) EXPECT_LT(zones[k - 1].cells.front(), zones[k].cells.front());
    }
}

TEST(Zones, DiagonalNeighboursAreOneZoneAndLoneCellsAreTheirOwn)
{
    const Binning b = grid(CellShape::square, 5, 5, 100);
    std::vector<int> bins(25, 0);
    bins[0] = bins[6] = bins[12] = 3;  // a diagonal: corners only
    bins[4] = 1;                       // alone in the far corner
    bins[20] = -3;                     // cold: no zone
    const auto zones = hotspot_zones({b, gi_with_bins(bins), std::vector<double>(25, 0), 200, {}, {}});
    ASSERT_EQ(zones.size(), 2u);
    EXPECT_EQ(zones[0].cells, (std::vector<std::size_t>{0, 6, 12}));
    EXPECT_EQ(zones[0].outline.size(), 3u);  // three squares meeting at corners
    EXPECT_NEAR(zones[0].area_m2, 30000, 1e-9);
    EXPECT_EQ(zones[0].confidence_pct(), 99);
    EXPECT_EQ(zones[1].cells, (std::vector<std::size_t>{4}));
    EXPECT_EQ(zones[1].confidence_pct(), 90);
}

TEST(Zones, HexagonsGroupByTouchingPolygons)
{
    const Binning b = grid(CellShape::hexagon, 15, 13, 100);
    const auto bins = random_bins(b.cells.size(), 0.3, 7);
    const auto zones = hotspot_zones({b, gi_with_bins(bins), std::vector<double>(b.cells.size(), 0), 200, {}, {}});
    std::vector<geo::Polygon> polygons;
    for (const auto& c : b.cells) polygons.push_back(b.layout.polygon(c.col, c.row));
    const auto expected = expected_groups(bins, [&](std::size_t x, std::size_t y) {
        return bg::distance(polygons[x], polygons[y]) < 1e-6;  // shared edge, up to the corners' rounding
    });
    ASSERT_GT(expected.size(), 5u);
    EXPECT_EQ(groups_of(zones), expected);
    for (const auto& z : zones) {
        EXPECT_NEAR(z.area_m2, static_cast<double>(z.cells.size()) * b.layout.cell_area(), 1e-3);
        EXPECT_EQ(z.outline.size(), 1u) << "hexagons meet along edges: one polygon, no slivers";
        EXPECT_TRUE(
            z.outline.empty() || z.outline.front().inners().empty() ||
            std::all_of(z.outline.front().inners().begin(), z.outline.front().inners().end(),
                        [&](const auto& ring) { return std::abs(bg::area(ring)) > b.layout.cell_area() * 0.5; }))
            << "a hole is at least half a cell, never a sliver";
    }
}

NetworkLine road(const std::string& name, Point a, Point b, const std::string& field = "name")
{
    NetworkLine n;
    n.line = LineString{a, b};
    if (!name.empty()) n.attributes.push_back({field, name});
    return n;
}

// A 10 x 10 grid of 100 m cells; the hot block spans x 400..700, y 400..600.
struct Scene {
    Binning b = grid(CellShape::square, 10, 10, 100);
    std::vector<int> bins = std::vector<int>(100, 0);
    std::vector<Village> villages;
    Scene()
    {
        for (int r = 4; r < 6; ++r)
            for (int c = 4; c < 7; ++c) bins[static_cast<std::size_t>(r * 10 + c)] = 2;
        // West village holds x < 500 (a third of the zone), east village the rest.
        villages.push_back({1, "West", rectangle(0, 0, 500, 1000), {}, {}});
        villages.push_back({2, "East", rectangle(500, 0, 1000, 1000), {}, {}});
    }
    [[nodiscard]] std::vector<Zone> zones(const std::vector<NetworkLine>& network, double band = 250) const
    {
        return hotspot_zones({b, gi_with_bins(bins), std::vector<double>(100, 0), band, villages, network});
    }
};

TEST(ZoneNames, VillageHoldingMostOfTheAreaAndNearestNamedLine)
{
    const Scene scene;
    const std::vector<NetworkLine> network{
        road("", {0, 630}, {1000, 630}),                     // 30 m north, but has no name
        road("甘浚路", {0, 660}, {1000, 660}),               // 60 m north
        road("Xigan canal", {0, 320}, {1000, 320}, "名称"),  // 80 m south, named in a Chinese field
    };
    const auto zones = scene.zones(network);
    ASSERT_EQ(zones.size(), 1u);
    EXPECT_EQ(zones[0].village, 1);  // East: 200 of the 300 m
    EXPECT_EQ(zones[0].near, "甘浚路");
    EXPECT_NEAR(zones[0].near_m, 60, 1e-9);
}

TEST(ZoneNames, ALineThroughTheZoneWinsByItsLengthInside)
{
    const Scene scene;
    const std::vector<NetworkLine> network{
        road("Short lane", {450, 500}, {450, 700}),  // 100 m inside
        road("Long road", {300, 450}, {900, 450}),   // 300 m inside, cut in two network lines below
        road("Long road", {900, 450}, {1000, 450}),
        road("Close by", {0, 610}, {1000, 610}),
    };
    const auto zones = scene.zones(network);
    ASSERT_EQ(zones.size(), 1u);
    EXPECT_EQ(zones[0].near, "Long road");
    EXPECT_EQ(zones[0].near_m, 0);
}

TEST(ZoneNames, NoNameBeyondTheBandAndNoVillageOutsideAll)
{
    Scene scene;
    scene.villages = {{1, "Far", rectangle(0, 900, 100, 1000), {}, {}}};
    const auto zones = scene.zones({road("Far road", {0, 900}, {1000, 900})}, 250);  // 300 m away
    ASSERT_EQ(zones.size(), 1u);
    EXPECT_EQ(zones[0].village, -1);
    EXPECT_TRUE(zones[0].near.empty());
    EXPECT_TRUE(std::isnan(zones[0].near_m));
}

// Four separate zones with known problems and walking: the two rankings follow from the figures.
TEST(ZoneRanking, ByProblemsThenPerKmAndByPerKm)
{
    Binning b = grid(CellShape::square, 9, 1, 100);
    std::vector<int> bins(9, 0);
    for (std::size_t i : {0u, 2u, 4u, 6u, 8u}) bins[i] = 3;  // five single-cell zones, ids 1..5
    // Problems per zone (cell_of_point): 5, 9, 9, 0, 2; walked m: 1000, 3000, 1000, 500, 0.
    const std::vector<int> issues{5, 9, 9, 0, 2};
    const std::vector<double> walked_zone{1000, 3000, 1000, 500, 0};
    std::vector<double> walked(9, 0);
    for (std::size_t k = 0; k < 5; ++k) {
        walked[2 * k] = walked_zone[k];
        for (int n = 0; n < issues[k]; ++n) b.cell_of_point.push_back(static_cast<int>(2 * k));
    }
    b.cell_of_point.push_back(1);   // a problem in a cell of no zone
    b.cell_of_point.push_back(-1);  // one outside the grid
    const auto zones = hotspot_zones({b, gi_with_bins(bins), walked, 200, {}, {}});
    ASSERT_EQ(zones.size(), 5u);
    std::vector<long long> counted;
    for (const auto& z : zones) counted.push_back(z.issues);
    EXPECT_EQ(counted, (std::vector<long long>{5, 9, 9, 0, 2}));
    // By problems: 9 (9/km, id 3) before 9 (3/km, id 2), then 5, 2, 0.
    std::vector<int> rank;
    for (const auto& z : zones) rank.push_back(z.rank);
    EXPECT_EQ(rank, (std::vector<int>{3, 2, 1, 5, 4}));
    // Per km: 9/km, 5/km, 3/km, 0/km; the zone nobody walked has no rate and comes last.
    std::vector<int> per_km;
    for (const auto& z : zones) per_km.push_back(z.rank_per_km);
    EXPECT_EQ(per_km, (std::vector<int>{2, 3, 1, 4, 5}));
    EXPECT_DOUBLE_EQ(zones[2].issues_per_km(), 9.0);
    EXPECT_TRUE(std::isnan(zones[4].issues_per_km()));
}

TEST(RoundedForPeople, TwoSignificantDigitsWithoutExponents)
{
    EXPECT_EQ(geo::rounded_for_people(118.3), "120");
    EXPECT_EQ(geo::rounded_for_people(243.7), "240");
    EXPECT_EQ(geo::rounded_for_people(1534), "1500");
    EXPECT_EQ(geo::rounded_for_people(2.5e7), "25000000");
    EXPECT_EQ(geo::rounded_for_people(0.734), "0.73");
    EXPECT_EQ(geo::rounded_for_people(0.70), "0.7");
    EXPECT_EQ(geo::rounded_for_people(9.96), "10");
    EXPECT_EQ(geo::rounded_for_people(99.7), "100");
    EXPECT_EQ(geo::rounded_for_people(-243.7), "-240");
    EXPECT_EQ(geo::rounded_for_people(0), "0");
    EXPECT_EQ(geo::rounded_for_people(300), "300");
    EXPECT_EQ(geo::rounded_for_people(12.34, 3), "12.3");
    EXPECT_EQ(geo::rounded_for_people(std::nan("")), "–");
}

}  // namespace

// Gi* against esda's published six-point arrays, the Guerry queen-contiguity cross-check, and an O(n^2) textbook
// implementation written here independently; permutation p-values against exact enumeration.
#include "libgeo/hotspot/gi_star.hpp"

#include "hotspot/brute_force_gi.hpp"
#include "support.hpp"

#include "libgeo/core/error.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using namespace geo::hotspot;
using geo::Point;
using geo::test::brute_force_gi_star;

std::vector<std::vector<std::string>> read_csv(const std::filesystem::path& file)
{
    std::ifstream in(file);
    // Thrown, not expected: the tests index the rows, so a missing file must end the test, not read past an end.
    if (!in.good()) throw std::runtime_error("cannot read the reference file " + file.string());
    std::vector<std::vector<std::string>> rows;
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        std::vector<std::string> fields;
        std::stringstream ss(line);
        std::string f;
        while (std::getline(ss, f, ',')) fields.push_back(f);
        rows.push_back(fields);
    }
    return rows;
}

struct SixPoints {
    std::vector<Point> points;
    std::vector<double> values;
};

SixPoints six_points()
{
    SixPoints s;
    for (const auto& r : read_csv(geo::test::reference_dir() / "hotspot/esda_6points/points.csv")) {
        s.points.emplace_back(std::stod(r.at(1)), std::stod(r.at(2)));
        s.values.push_back(std::stod(r.at(3)));
    }
    return s;
}


TEST(GiStar, EsdaSixPointsBinary)
{
    const auto s = six_points();
    const auto expected = read_csv(geo::test::reference_dir() / "hotspot/esda_6points/expected_esda_G_Local.csv");
    GiOptions o;
    o.band_m = 15;
    const auto r = gi_star_points(s.points, s.values, o);
    ASSERT_EQ(r.z.size(), 6u);
    for (std::size_t i = 0; i < 6; ++i) EXPECT_NEAR(r.z[i], std::stod(expected[i].at(2)), 1e-6) << i;
    // Same through explicit neighbour lists.
    const auto via_lists = gi_star(distance_band(s.points, 15), s.values, o);
    for (std::size_t i = 0; i < 6; ++i) EXPECT_NEAR(via_lists.z[i], std::stod(expected[i].at(2)), 1e-6) << i;
}

TEST(GiStar, EsdaSixPointsRowStandardised)
{
    const auto s = six_points();
    const auto expected = read_csv(geo::test::reference_dir() / "hotspot/esda_6points/expected_esda_G_Local.csv");
    GiOptions o;
    o.band_m = 15;
    o.weighting = Weighting::row_standardised;
    const auto r = gi_star_points(s.points, s.values, o);
    ASSERT_EQ(r.z.size(), 6u);
    for (std::size_t i = 0; i < 6; ++i) EXPECT_NEAR(r.z[i], std::stod(expected.at(i).at(4)), 1e-6) << i;
}

TEST(GiStar, GuerryQueenContiguity)
{
    // Queen neighbour lists and the binary Gi* z column derived in ../shared/reference/hotspot/SOURCE.md (D); that
    // column came from a throw-away numpy script, this is the independent implementation it asks to agree with.
    const auto rows = read_csv(geo::test::reference_dir() / "hotspot/guerry/guerry_Crm_prp_local_G_computed_here.csv");
    ASSERT_EQ(rows.size(), 85u);
    std::vector<std::vector<int>> lists;
    std::vector<double> values, expected;
    for (const auto& r : rows) {
        values.push_back(std::stod(r.at(3)));
        std::vector<int> list;
        std::stringstream ss(r.at(4));
        int id = 0;
        while (ss >> id) list.push_back(id);
        EXPECT_EQ(static_cast<int>(list.size()), std::stoi(r.at(5)));
        lists.push_back(list);
        expected.push_back(std::stod(r.at(8)));
    }
    const auto r = gi_star(NeighbourList::from_lists(lists), values, GiOptions{});
    for (std::size_t i = 0; i < 85; ++i) EXPECT_NEAR(r.z[i], expected[i], 1e-6) << i;
    // GeoDa's published raw G* (row-standardised ratio) of the first three departements, from the same sums.
    const double total = [&] {
        double t = 0;
        for (double v : values) t += v;
        return t;
    }();
    const double published[3] = {0.014177043620524426, 0.0096136007223101994, 0.017574324039034434};
    for (std::size_t i = 0; i < 3; ++i) {
        double local = values[i];
        for (int j : lists[i]) local += values[static_cast<std::size_t>(j)];
        EXPECT_NEAR(local / static_cast<double>(lists[i].size() + 1) / total, published[i], 1e-15);
    }
}

TEST(GiStar, MatchesBruteForceOnRandomScenes)
{
    std::mt19937_64 rng(42);
    for (int scene = 0; scene < 6; ++scene) {
        const std::size_t n = 50 + static_cast<std::size_t>(scene) * 120;
        std::uniform_real_distribution<double> xy(0.0, 2000.0);
        std::poisson_distribution<int> counts(1.5 + scene);
        std::vector<Point> pts;
        std::vector<double> x;
        for (std::size_t i = 0; i < n; ++i) {
            pts.emplace_back(xy(rng), xy(rng));
            // a hot corner so that there is something to find
            x.push_back(counts(rng) + (pts.back().x() < 400 && pts.back().y() < 400 ? 5 : 0));
        }
        const double band = 150.0 + 60.0 * scene;
        const auto expected = brute_force_gi_star(pts, x, band);
        GiOptions o;
        o.band_m = band;
        o.threads = 1 + scene % 2;
        const auto r = gi_star_points(pts, x, o);
        for (std::size_t i = 0; i < n; ++i) ASSERT_NEAR(r.z[i], expected[i], 1e-9) << "scene " << scene << " i " << i;
    }
}

TEST(GiStar, GridFastPathMatchesPointsAndBruteForce)
{
    std::mt19937_64 rng(3);
    SquareGrid grid{1000.0, -500.0, 100.0, 60, 45};
    for (double band : {100.0, 250.0, 500.0, 1000.0}) {  // 500 and 1000 put offsets (3,4)/(6,8) exactly on the band
        std::vector<GridCell> cells;
        std::vector<Point> centres;
        std::vector<double> x;
        std::bernoulli_distribution keep(0.7);
        std::poisson_distribution<int> count(2.0);
        for (int r = 0; r < grid.rows; ++r)
            for (int c = 0; c < grid.cols; ++c)
                if (keep(rng)) {
                    cells.push_back({c, r});
                    centres.push_back(grid.centre(c, r));
                    x.push_back(count(rng) + (c > 40 && r > 30 ? 4 : 0));
                }
        GiOptions o;
        o.band_m = band;
        o.threads = 2;
        const auto fast = gi_star_grid(grid, cells, x, o);
        const auto generic = gi_star_points(centres, x, o);
        const auto expected = brute_force_gi_star(centres, x, band);
        for (std::size_t i = 0; i < cells.size(); ++i) {
            ASSERT_EQ(fast.neighbours[i], generic.neighbours[i]) << band << " " << i;
            ASSERT_NEAR(fast.z[i], generic.z[i], 1e-9);
            ASSERT_NEAR(fast.z[i], expected[i], 1e-9);
            ASSERT_EQ(fast.bin[i], generic.bin[i]);
        }
    }
}

TEST(GiStar, FdrAlphaDropsWeakerClasses)
{
    const auto s = six_points();
    std::vector<Point> pts = s.points;
    std::vector<double> x = s.values;
    std::mt19937_64 rng(9);
    std::uniform_real_distribution<double> xy(0, 300);
    for (int i = 0; i < 300; ++i) {
        pts.emplace_back(xy(rng), xy(rng));
        x.push_back(pts.back().x() < 60 ? 6 : 2 + (i % 3));
    }
    GiOptions o;
    o.band_m = 40;
    const auto all = gi_star_points(pts, x, o);
    o.fdr_alpha = 0.05;
    const auto strict = gi_star_points(pts, x, o);
    int dropped = 0;
    for (std::size_t i = 0; i < pts.size(); ++i) {
        EXPECT_EQ(strict.bin[i], std::abs(all.bin[i]) >= 2 ? all.bin[i] : 0);
        dropped += std::abs(all.bin[i]) == 1;
    }
    EXPECT_GT(dropped, 0);
    o.fdr_alpha = 0;
    EXPECT_THROW(gi_star_points(pts, x, o), geo::UsageError);
}

TEST(GiStar, ZeroVarianceIsDefined)
{
    std::vector<Point> pts;
    for (int i = 0; i < 40; ++i) pts.emplace_back(i * 10.0, (i % 7) * 10.0);
    GiOptions o;
    o.band_m = 25;
    o.permutations = 99;
    for (double v : {0.0, 3.0, 0.1}) {
        const auto r = gi_star_points(pts, std::vector<double>(pts.size(), v), o);
        EXPECT_TRUE(r.zero_variance);
        for (std::size_t i = 0; i < pts.size(); ++i) {
            EXPECT_EQ(r.z[i], 0.0);
            EXPECT_EQ(r.p[i], 1.0);
            EXPECT_EQ(r.p_sim[i], 1.0);
            EXPECT_EQ(r.bin[i], 0);
        }
    }
    // Many equal non-representable values (0.1): their mean is off by rounding, yet every z must still be 0.
    SquareGrid grid{0, 0, 10, 400, 400};
    std::vector<GridCell> cells;
    for (int r = 0; r < 400; ++r)
        for (int c = 0; c < 400; ++c) cells.push_back({c, r});
    const auto big = gi_star_grid(grid, cells, std::vector<double>(cells.size(), 0.1), o);
    EXPECT_TRUE(big.zero_variance);
    EXPECT_TRUE(std::all_of(big.z.begin(), big.z.end(), [](double z) { return z == 0.0; }));
    // One feature, and a neighbourhood that is everything: no NaN either.
    const auto one = gi_star_points({Point(0, 0)}, {5.0}, o);
    EXPECT_EQ(one.z[0], 0.0);
    GiOptions wide;
    wide.band_m = 10;
    const auto all = gi_star_points({Point(0, 0), Point(1, 0), Point(2, 0)}, {1.0, 2.0, 9.0}, wide);
    for (double z : all.z) EXPECT_EQ(z, 0.0);
    EXPECT_TRUE(gi_star_points({}, {}, o).z.empty());
}

TEST(GiStar, BadInputIsAUsageError)
{
    GiOptions o;
    EXPECT_THROW(gi_star_points({Point(0, 0)}, {1.0}, o), geo::UsageError);  // no band
    o.band_m = 10;
    EXPECT_THROW(gi_star_points({Point(0, 0)}, {1.0, 2.0}, o), geo::UsageError);
    EXPECT_THROW(gi_star_points({Point(0, 0)}, {std::nan("")}, o), geo::UsageError);
    o.bin_from = BinSource::permutation;
    EXPECT_THROW(gi_star_points({Point(0, 0)}, {1.0}, o), geo::UsageError);
    EXPECT_THROW(NeighbourList::from_lists({{1}, {1}}), geo::UsageError);
}

// Exact conditional-permutation p-value by enumerating every k-subset of the other features (esda's definition with
// infinitely many permutations): fraction of subsets whose sum is >= the observed one, folded.
double exact_fold(const std::vector<double>& x, std::size_t i, const std::vector<int>& nbrs)
{
    std::vector<double> others;
    for (std::size_t j = 0; j < x.size(); ++j)
        if (j != i) others.push_back(x[j]);
    double observed = x[i];
    for (int j : nbrs) observed += x[static_cast<std::size_t>(j)];
    const std::size_t m = others.size(), k = nbrs.size();
    long long total = 0, larger = 0;
    for (unsigned mask = 0; mask < (1u << m); ++mask) {
        if (static_cast<std::size_t>(__builtin_popcount(mask)) != k) continue;
        double s = x[i];
        for (std::size_t b = 0; b < m; ++b)
            if (mask & (1u << b)) s += others[b];
        ++total;
        if (s >= observed) ++larger;
    }
    const double f = static_cast<double>(larger) / static_cast<double>(total);
    return std::min(f, 1.0 - f);
}

TEST(GiStar, PermutationPValuesAgreeWithExactEnumeration)
{
    const auto s = six_points();
    GiOptions o;
    o.band_m = 15;
    o.permutations = 19999;
    o.seed = 10;
    const auto r = gi_star_points(s.points, s.values, o);
    ASSERT_EQ(r.p_sim.size(), 6u);
    const auto lists = distance_band(s.points, 15);
    for (std::size_t i = 0; i < 6; ++i) {
        std::vector<int> nbrs(lists.ids.begin() + lists.offsets[i], lists.ids.begin() + lists.offsets[i + 1]);
        const double f = exact_fold(s.values, i, nbrs);
        const double expected = (f * o.permutations + 1) / (o.permutations + 1);
        const double sd = std::sqrt(std::max(f * (1 - f), 1e-4) / o.permutations);
        EXPECT_NEAR(r.p_sim[i], expected, 5 * sd + 1e-4) << i;
    }
    // esda's published p_sim[0] = 0.102 (999 permutations, numpy's RNG): the exact value is 0.1, well within reach.
    EXPECT_NEAR(r.p_sim[0], 0.102, 0.01);
}

TEST(GiStar, PermutationsAreDeterministicAndThreadIndependent)
{
    std::mt19937_64 rng(5);
    std::uniform_real_distribution<double> xy(0.0, 1000.0);
    std::vector<Point> pts;
    std::vector<double> x;
    for (int i = 0; i < 400; ++i) {
        pts.emplace_back(xy(rng), xy(rng));
        x.push_back(std::floor(xy(rng) / 100));
    }
    GiOptions o;
    o.band_m = 120;
    o.permutations = 199;
    o.seed = 99;
    o.threads = 1;
    const auto a = gi_star_points(pts, x, o);
    const auto b = gi_star_points(pts, x, o);
    o.threads = 2;
    const auto c = gi_star_points(pts, x, o);
    EXPECT_EQ(a.p_sim, b.p_sim);
    EXPECT_EQ(a.p_sim, c.p_sim);
    EXPECT_EQ(a.z, c.z);
    o.seed = 100;
    const auto d = gi_star_points(pts, x, o);
    EXPECT_NE(a.p_sim, d.p_sim);
    for (double p : a.p_sim) {
        EXPECT_GE(p, 1.0 / 200);
        EXPECT_LE(p, 0.5 + 1e-12);  // folded
    }
    o.bin_from = BinSource::permutation;
    const auto e = gi_star_points(pts, x, o);
    EXPECT_EQ(e.q.size(), pts.size());
}

}  // namespace

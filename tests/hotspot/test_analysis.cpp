// The hotspot step on a planted scene: a cluster of issues must come out as a hot spot, cells nobody walked must be
// flagged, weights and radii from fields must be checked, and too few issues must give a reason instead of a crash.
#include "coverage/scene.hpp"
#include "libgeo/core/error.hpp"
#include "libgeo/hotspot/analysis.hpp"

#include <gtest/gtest.h>

namespace geo::hotspot {
namespace {

constexpr double k_day = 86400.0;

Issue issue_at(double x, double y, int id, double found = 1.5e9)
{
    Issue i;
    i.id = id;
    i.code = "I" + std::to_string(id);
    i.position = Point(x, y);
    i.village = 0;
    i.found = found;
    i.category = Category::village_road;
    return i;
}

// A 4 km square village; 240 issues spread evenly plus 80 within 60 m of (1125, 1125), the centre of a 250 m cell;
// walks on the west half only, one of them along cell edges (x = 1250).
Campaign planted()
{
    Campaign c = test::square_town(4000);
    std::mt19937_64 rng(4);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    int id = 0;
    for (int k = 0; k < 240; ++k) c.issues.push_back(issue_at(100 + 3800 * u(rng), 100 + 3800 * u(rng), id++));
    for (int k = 0; k < 80; ++k) {
        const double a = 6.283185307179586 * u(rng), r = 60 * std::sqrt(u(rng));
        c.issues.push_back(issue_at(1125 + r * std::cos(a), 1125 + r * std::sin(a), id++));
    }
    for (int k = 0; k < 8; ++k) {
        const double x = 100 + 230.0 * k;
        c.tracks.push_back(test::make_track({Point(x, 50), Point(x, 3950)}, k));
    }
    return c;
}

HotspotOptions options_for_test()
{
    HotspotOptions o;
    o.cells.binning.cell_size_m = 250;
    o.cells.gi.band_m = 400;
    o.kde.radius_m = 200;
    o.kde.pixel_m = 25;
    return o;
}

TEST(HotspotStep, PlantedClusterIsAHotSpotAndUnwalkedCellsAreFlagged)
{
    const Campaign c = planted();
    const HotspotResult a = analyse(c, options_for_test());
    ASSERT_TRUE(a.cells) << a.cells_skipped;
    EXPECT_EQ(a.issues.size(), c.issues.size());
    const auto& binning = a.cells->binning;
    bool found_cluster = false;
    double walked = 0;
    for (std::size_t i = 0; i < binning.cells.size(); ++i) {
        const Polygon cell = binning.layout.polygon(binning.cells[i].col, binning.cells[i].row);
        if (bg::within(Point(1125, 1125), cell)) {
            found_cluster = true;
            EXPECT_EQ(a.cells->gi.bin[i], 3) << "z " << a.cells->gi.z[i];
        }
        walked += a.walked_m[i];
        const Point centre = binning.cells[i].centre;
        // The walks run north-south at x = 100 ... 1710: cells east of 2000 saw no track, only the issues found.
        if (centre.x() > 2000) {
            EXPECT_EQ(a.walked_m[i], 0.0);
            EXPECT_EQ(a.inspected[i], a.issue_locations[i] > 0 ? 1 : 0) << "cell at " << centre.x();
        }
    }
    EXPECT_TRUE(found_cluster);
    double track_length = 0;
    for (const auto& t : c.tracks) track_length += bg::distance(t.fixes.front().position, t.fixes.back().position);
    EXPECT_NEAR(walked, track_length, 1e-6 * track_length);  // inside the cells, an edge counted once
    EXPECT_DOUBLE_EQ(a.min_walk_m, 250.0);                   // default: one cell side
    ASSERT_TRUE(a.density);
    EXPECT_EQ(a.density->points.size(), c.issues.size());
}

TEST(HotspotStep, RateGiStarRunsOnInspectedCellsOnly)
{
    const Campaign c = planted();
    HotspotOptions o = options_for_test();
    EXPECT_FALSE(analyse(c, o).rate_gi) << "only when asked for";
    o.gi_rate = true;
    const HotspotResult a = analyse(c, o);
    ASSERT_TRUE(a.rate_gi) << a.rate_skipped;
    const auto& binning = a.cells->binning;
    std::vector<std::size_t> inspected;
    for (std::size_t i = 0; i < binning.cells.size(); ++i)
        if (a.inspected[i]) inspected.push_back(i);
    EXPECT_EQ(a.rate_cells, inspected);
    ASSERT_EQ(a.rate_gi->z.size(), inspected.size());
    // The planted cluster lies in a walked cell (x = 1020 crosses it): its rate is far above the others'.
    bool found_cluster = false;
    for (std::size_t k = 0; k < a.rate_cells.size(); ++k) {
        const auto& cell = binning.cells[a.rate_cells[k]];
        if (!bg::within(Point(1125, 1125), binning.layout.polygon(cell.col, cell.row))) continue;
        found_cluster = true;
        // Fewer neighbours (inspected cells only) than the count Gi*: 95 % after FDR, not 99 %.
        EXPECT_GT(a.rate_gi->z[k], 3.0);
        EXPECT_GE(a.rate_gi->bin[k], 2);
    }
    EXPECT_TRUE(found_cluster);
    EXPECT_LT(a.rate_cells.size(), binning.cells.size()) << "the east half was not walked";
    // Nobody walked and every issue in one cell: one inspected cell, nothing to compare its rate with.
    Campaign unwalked = planted();
    unwalked.tracks.clear();
    unwalked.issues.erase(unwalked.issues.begin(), unwalked.issues.begin() + 240);  // the cluster stays
    const HotspotResult none = analyse(unwalked, o);
    EXPECT_FALSE(none.rate_gi);
    EXPECT_EQ(none.rate_skipped, "fewer than 3 inspected cells");
}

// "Inspected" means someone was there: a track walked at least min_walk_m inside the cell, or an issue found in it.
// Checked against a brute-force count over every cell and every issue and track, with the square cells' half-open
// bounds [min, max) taken from their polygons (no use of the layout's lookup or the effort code).
TEST(HotspotStep, InspectedMeansATrackOrAnIssueByBruteForce)
{
    Campaign c = planted();
    // Every third spread issue is of another walk, which the filter leaves out: it still proves a visit.
    for (std::size_t i = 0; i < 240; i += 3) c.issues[i].category = Category::river_ditch;
    HotspotOptions o = options_for_test();
    o.filter.categories = {Category::village_road};
    const HotspotResult a = analyse(c, o);
    ASSERT_LT(a.issues.size(), c.issues.size());
    ASSERT_TRUE(a.cells) << a.cells_skipped;
    const auto& binning = a.cells->binning;
    int by_issue_only = 0, not_inspected = 0;
    for (std::size_t i = 0; i < binning.cells.size(); ++i) {
        const Box box = bg::return_envelope<Box>(binning.layout.polygon(binning.cells[i].col, binning.cells[i].row));
        const auto in = [&box](const Point& p) {
            return p.x() >= box.min_corner().x() && p.x() < box.max_corner().x() && p.y() >= box.min_corner().y() &&
                   p.y() < box.max_corner().y();
        };
        int issues = 0;
        for (const auto& issue : c.issues) issues += in(issue.position) ? 1 : 0;
        // Every track is a straight north-south line: inside the cell when its x is in [min, max).
        double walked = 0;
        for (const auto& t : c.tracks) {
            const Point& p = t.fixes.front().position;
            const Point& q = t.fixes.back().position;
            if (p.x() < box.min_corner().x() || p.x() >= box.max_corner().x()) continue;
            walked += std::max(0.0, std::min(q.y(), box.max_corner().y()) - std::max(p.y(), box.min_corner().y()));
        }
        EXPECT_EQ(a.issue_locations[i], issues) << "cell " << i;
        EXPECT_NEAR(a.walked_m[i], walked, 1e-6) << "cell " << i;
        const bool inspected = walked >= 250 || issues > 0;
        EXPECT_EQ(a.inspected[i], inspected ? 1 : 0) << "cell " << i;
        by_issue_only += inspected && walked < 250 ? 1 : 0;
        not_inspected += inspected ? 0 : 1;
        // The rate's effort: the walked length, at least one cell side where an issue was found.
        if (inspected) {
            const double effort = issues > 0 ? std::max(walked, 250.0) : walked;
            EXPECT_NEAR(a.issues_per_km(i), binning.cells[i].count / (effort / 1000.0), 1e-9) << "cell " << i;
        }
    }
    EXPECT_GT(by_issue_only, 20) << "the east half: inspected by the issues found there";
    EXPECT_GT(not_inspected, 10) << "and cells with neither track nor issue stay not inspected";
}

TEST(HotspotStep, FilterWeightsAndRadiiFromFields)
{
    Campaign c = planted();
    for (std::size_t i = 0; i < c.issues.size(); ++i) {
        c.issues[i].attributes.push_back({"weight", std::string(i % 2 ? "2" : " 0.5 ")});
        c.issues[i].attributes.push_back({"r", std::int64_t{150}});
        if (i < 10) c.issues[i].category = Category::river_ditch;
    }
    HotspotOptions o = options_for_test();
    o.filter.categories = {Category::river_ditch};
    o.weight_field = "weight";
    o.radius_field = "r";
    const HotspotResult a = analyse(c, o);
    ASSERT_EQ(a.issues.size(), 10U);
    for (std::size_t k = 0; k < 10; ++k) {
        EXPECT_EQ(a.density->points[k].weight, k % 2 ? 2.0 : 0.5);
        EXPECT_EQ(a.density->points[k].radius, 150.0);
    }
    // Ten issues are fewer than Gi* needs: a reason, not a failure; the heatmap is still made.
    EXPECT_FALSE(a.cells);
    EXPECT_FALSE(a.cells_skipped.empty());
    EXPECT_TRUE(a.density);

    c.issues[3].attributes[0].value = std::string("many");
    EXPECT_THROW(analyse(c, o), InputError);
    c.issues[3].attributes[0].value = std::int64_t{-1};
    EXPECT_THROW(analyse(c, o), InputError);
    c.issues[3].attributes[0].value = std::int64_t{1};
    c.issues[3].attributes[1].value = 0.0;
    EXPECT_THROW(analyse(c, o), InputError);
    o.weight_field = "no such field";
    EXPECT_THROW(analyse(c, o), UsageError);
}

TEST(HotspotStep, NoIssuesGiveNoDensityAndAReason)
{
    Campaign c = planted();
    c.issues.clear();
    const HotspotResult a = analyse(c, options_for_test());
    EXPECT_FALSE(a.density);
    EXPECT_FALSE(a.cells);
    EXPECT_FALSE(a.cells_skipped.empty());
    EXPECT_TRUE(a.rebounds.empty());
}

TEST(HotspotStep, ReboundsOverAllIssuesWhateverTheFilter)
{
    Campaign c = planted();
    Issue fixed = issue_at(3000, 3000, 900, 1.5e9);
    fixed.status = Status::accepted;
    fixed.accepted = 1.5e9 + 10 * k_day;
    Issue again = issue_at(3030, 3040, 901, 1.5e9 + 40 * k_day);  // 50 m away, 30 days after acceptance
    c.issues.push_back(fixed);
    c.issues.push_back(again);
    HotspotOptions o = options_for_test();
    o.filter.statuses = {Status::rectifying};  // nothing passes: rebounds do not depend on the filter
    const HotspotResult a = analyse(c, o);
    ASSERT_EQ(a.rebounds.size(), 1U);
    EXPECT_EQ(c.issues[static_cast<std::size_t>(a.rebounds[0].issue)].id, 901);
    EXPECT_EQ(c.issues[static_cast<std::size_t>(a.rebounds[0].earlier)].id, 900);
    EXPECT_NEAR(a.rebounds[0].distance_m, 50.0, 1e-9);
    EXPECT_NEAR(a.rebounds[0].days, 30.0, 1e-9);
}

}  // namespace
}  // namespace geo::hotspot

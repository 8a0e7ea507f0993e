#include "libgeo/crs/gcj02.hpp"

#include "support.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <limits>
#include <map>
#include <numbers>
#include <sstream>
#include <string>
#include <vector>

// Oracles: published test vectors of eviltransform and gcoord, copied as numbers into
// ../shared/reference/gcj02/ (see SOURCE.md there for provenance, column orders and tolerances).
// Mind the order: eviltransform files are (lat, lng), gcoord files are (lng, lat), our API is (lon, lat).

namespace geo::crs {

namespace {

std::filesystem::path gcj02_reference(const std::string& name) { return test::reference_dir() / "gcj02" / name; }

// The reference CSVs are plain: a header, comma-separated fields, no quoting.
class Csv {
public:
    explicit Csv(const std::filesystem::path& file)
    {
        std::ifstream in(file);
        if (!in) throw std::runtime_error("cannot read " + file.string());
        std::string line;
        bool header = true;
        while (std::getline(in, line)) {
            if (!line.empty() && line.back() == '\r') line.pop_back();
            if (line.empty()) continue;
            std::vector<std::string> fields;
            std::stringstream split(line);
            for (std::string field; std::getline(split, field, ',');) fields.push_back(field);
            if (header) {
                for (std::size_t i = 0; i < fields.size(); ++i) m_columns[fields[i]] = i;
                header = false;
            }
            else {
                if (fields.size() != m_columns.size()) throw std::runtime_error("ragged row in " + file.string());
                m_rows.push_back(std::move(fields));
            }
        }
    }

    [[nodiscard]] std::size_t size() const { return m_rows.size(); }

    [[nodiscard]] const std::string& text(std::size_t row, const std::string& column) const
    {
        const auto it = m_columns.find(column);
        if (it == m_columns.end()) throw std::runtime_error("no column " + column);
        return m_rows.at(row).at(it->second);
    }

    // from_chars rather than stod: independent of the C locale.
    [[nodiscard]] double number(std::size_t row, const std::string& column) const
    {
        const std::string& field = text(row, column);
        double value = 0.0;
        const auto [end, error] = std::from_chars(field.data(), field.data() + field.size(), value);
        if (error != std::errc{} || end != field.data() + field.size())
            throw std::runtime_error("not a number in column " + column + ": " + field);
        return value;
    }

private:
    std::map<std::string, std::size_t> m_columns;
    std::vector<std::vector<std::string>> m_rows;
};

// For RecordProperty: std::to_string's fixed 6 decimals would print our errors as zero.
std::string scientific(double value)
{
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific, 3);
    return std::string(buffer, result.ptr);
}

// Largest per-axis difference in degrees: what the references' tolerances bound.
double max_abs_deg(LonLat a, LonLat b) { return std::max(std::abs(a.lon - b.lon), std::abs(a.lat - b.lat)); }

// Approximate ground distance (~111 km per degree, lon shrunk by cos(lat)); ample for centimetre-level bounds.
double approx_metres(LonLat a, LonLat b)
{
    constexpr double metres_per_degree = 111'320.0;
    const double mean_lat_rad = (a.lat + b.lat) / 2.0 * std::numbers::pi / 180.0;
    return std::hypot((a.lon - b.lon) * std::cos(mean_lat_rad), a.lat - b.lat) * metres_per_degree;
}

// Points every half degree across the GCJ-02 rectangle, kept 0.3 deg inside its edges: within a few hundred metres
// of an edge (all of them outside China) a point and its offset image fall on different sides, and no tool
// round-trips there.
std::vector<LonLat> grid_across_china()
{
    std::vector<LonLat> points;
    for (double lon = 72.5; lon <= 137.5; lon += 0.5)
        for (double lat = 1.5; lat <= 55.5; lat += 0.5) points.push_back({lon, lat});
    return points;
}

}  // namespace

// ---- eviltransform -------------------------------------------------------------------------------------------

TEST(Gcj02Eviltransform, WgsToGcjVectors)
{
    const Csv csv(gcj02_reference("eviltransform_wgs_gcj.csv"));
    ASSERT_EQ(csv.size(), 3u);
    double worst = 0.0;
    for (std::size_t i = 0; i < csv.size(); ++i) {
        const LonLat wgs{csv.number(i, "wgs_lng"), csv.number(i, "wgs_lat")};
        const LonLat expected{csv.number(i, "gcj_lng"), csv.number(i, "gcj_lat")};
        const LonLat gcj = wgs84_to_gcj02(wgs);
        SCOPED_TRACE(csv.text(i, "name"));
        // eviltransform checks 6 decimals; SOURCE.md found the standard formula bit-exact, so hold us far tighter.
        EXPECT_NEAR(gcj.lon, expected.lon, 1e-9);
        EXPECT_NEAR(gcj.lat, expected.lat, 1e-9);
        worst = std::max(worst, max_abs_deg(gcj, expected));
    }
    RecordProperty("max_error_deg", scientific(worst));
}

TEST(Gcj02Eviltransform, GcjToWgsInvertsTheirVectors)
{
    // eviltransform's own exact inverse must land within 0.5 m; ours iterates to ~0.1 mm.
    const Csv csv(gcj02_reference("eviltransform_wgs_gcj.csv"));
    for (std::size_t i = 0; i < csv.size(); ++i) {
        const LonLat expected{csv.number(i, "wgs_lng"), csv.number(i, "wgs_lat")};
        const LonLat wgs = gcj02_to_wgs84({csv.number(i, "gcj_lng"), csv.number(i, "gcj_lat")});
        SCOPED_TRACE(csv.text(i, "name"));
        EXPECT_LT(approx_metres(wgs, expected), 0.001);
    }
}

TEST(Gcj02Eviltransform, OutsideChinaIsIdentity)
{
    const Csv csv(gcj02_reference("eviltransform_outside_china.csv"));
    ASSERT_EQ(csv.size(), 3u);
    for (std::size_t i = 0; i < csv.size(); ++i) {
        const LonLat wgs{csv.number(i, "wgs_lng"), csv.number(i, "wgs_lat")};
        const LonLat gcj{csv.number(i, "gcj_lng"), csv.number(i, "gcj_lat")};
        SCOPED_TRACE(csv.text(i, "name"));
        EXPECT_TRUE(outside_china(wgs));
        // Identity is the contract, so compare exactly.
        EXPECT_EQ(wgs84_to_gcj02(wgs).lon, gcj.lon);
        EXPECT_EQ(wgs84_to_gcj02(wgs).lat, gcj.lat);
        EXPECT_EQ(gcj02_to_wgs84(gcj).lon, wgs.lon);
        EXPECT_EQ(gcj02_to_wgs84(gcj).lat, wgs.lat);
    }
}

TEST(Gcj02Eviltransform, MatlabBdGcjPairWithinItsTolerance)
{
    // The matlab suite's pair is loose enough (5e-5 deg) that the standard x_pi formula passes it too.
    const Csv csv(gcj02_reference("eviltransform_bd_gcj.csv"));
    ASSERT_EQ(csv.size(), 1u);
    const LonLat bd{csv.number(0, "bd_lng"), csv.number(0, "bd_lat")};
    const LonLat gcj{csv.number(0, "gcj_lng"), csv.number(0, "gcj_lat")};
    EXPECT_LT(max_abs_deg(gcj02_to_bd09(gcj), bd), 5e-5);
    EXPECT_LT(max_abs_deg(bd09_to_gcj02(bd), gcj), 5e-5);
    // SOURCE.md's independent evaluation of the standard formula.
    EXPECT_NEAR(gcj02_to_bd09(gcj).lat, 39.908503268, 1e-9);
    EXPECT_NEAR(gcj02_to_bd09(gcj).lon, 116.433509039, 1e-9);
}

// Do not "fix" this by switching to eviltransform's BD-09: its bd2gcj uses plain pi where Baidu uses
// x_pi = pi * 3000 / 180, and its bd2wgs stops after one approximate step. gcoord's 664 cities (and Baidu's maps)
// agree with the x_pi formula, so eviltransform's BD rows must stay 10-45 m away from ours.
TEST(Gcj02Eviltransform, TheirBdVariantDiffersFromOursByTensOfMetres)
{
    const Csv csv(gcj02_reference("eviltransform_bd_wgs.csv"));
    ASSERT_EQ(csv.size(), 2u);
    // SOURCE.md's throw-away script: the standard x_pi formula. It used Baidu's closed-form reverse (which we only
    // take as a first guess) and so sits 3-7 cm from our exact inverse.
    const LonLat standard[] = {{120.00874001342274, 29.196219716740615}, {120.02528297893838, 29.20715787703408}};
    double smallest = std::numeric_limits<double>::infinity();
    double largest = 0.0;
    for (std::size_t i = 0; i < csv.size(); ++i) {
        const LonLat ours = bd09_to_wgs84({csv.number(i, "bd_lng"), csv.number(i, "bd_lat")});
        const LonLat theirs{csv.number(i, "wgs_lng"), csv.number(i, "wgs_lat")};
        const double gap = approx_metres(ours, theirs);
        EXPECT_GT(gap, 10.0) << "row " << i;
        EXPECT_LT(gap, 45.0) << "row " << i;  // SOURCE.md's "10-40 m" is rounded: the second row is 41.5 m
        EXPECT_LT(approx_metres(ours, standard[i]), 0.1) << "row " << i;
        smallest = std::min(smallest, gap);
        largest = std::max(largest, gap);
    }
    RecordProperty("gap_min_m", scientific(smallest));
    RecordProperty("gap_max_m", scientific(largest));
}

// ---- gcoord --------------------------------------------------------------------------------------------------

namespace {

struct CityCoords {
    LonLat wgs84;
    LonLat gcj02;
    LonLat bd09;
};

const std::vector<CityCoords>& gcoord_cities()
{
    static const std::vector<CityCoords> cities = [] {
        std::ifstream in(gcj02_reference("gcoord_china_cities.json"));
        const auto json = nlohmann::json::parse(in);
        const auto lon_lat = [](const nlohmann::json& pair) {
            return LonLat{pair.at(0).get<double>(), pair.at(1).get<double>()};
        };
        std::vector<CityCoords> out;
        for (const auto& city : json) {
            const auto& coords = city.at("coords");
            out.push_back({lon_lat(coords.at("WGS84")), lon_lat(coords.at("GCJ02")), lon_lat(coords.at("BD09"))});
        }
        return out;
    }();
    return cities;
}

struct FixtureDirection {
    const char* name;
    LonLat (*convert)(LonLat);
    LonLat CityCoords::*from;
    LonLat CityCoords::*to;
    double gcoord_tolerance_deg;  // what gcoord's own spec accepts: 0.5 * 10^-n for toBeCloseTo(v, n)
    double our_bound_deg;         // what we reach, with margin; tighter, so a formula slip of a metre shows up
};

// Names the parameter in failure messages instead of dumping its bytes.
void PrintTo(const FixtureDirection& direction, std::ostream* out) { *out << direction.name; }

class Gcj02GcoordCities : public ::testing::TestWithParam<FixtureDirection> {};

}  // namespace

TEST(Gcj02Gcoord, FixtureHasAllCities) { EXPECT_EQ(gcoord_cities().size(), 664u); }

TEST_P(Gcj02GcoordCities, WithinGcoordTolerance)
{
    const FixtureDirection& direction = GetParam();
    double worst = 0.0;
    std::size_t worst_index = 0;
    for (std::size_t i = 0; i < gcoord_cities().size(); ++i) {
        const CityCoords& city = gcoord_cities()[i];
        const double error = max_abs_deg(direction.convert(city.*direction.from), city.*direction.to);
        if (error > worst) {
            worst = error;
            worst_index = i;
        }
    }
    RecordProperty("max_error_deg", scientific(worst));
    EXPECT_LT(worst, direction.gcoord_tolerance_deg) << "city #" << worst_index;
    EXPECT_LT(worst, direction.our_bound_deg) << "city #" << worst_index;
}

// The fixture's values come from an online converter rounded to 7 decimals, so BD-09 <-> GCJ-02 agrees to ~1e-7 deg.
// Its GCJ-02 column sits a near-constant ~0.5 m north and ~0.5 m east of the standard formula at every one of the
// 664 cities (dlat 4.0-4.6e-6 deg, dlon 4.4-7.3e-6 deg, growing with latitude as a fixed eastward distance does),
// so every direction that crosses WGS84 <-> GCJ-02 agrees only to ~7e-6 deg; eviltransform's vectors show the
// formula itself is right.
INSTANTIATE_TEST_SUITE_P(
    AllDirections, Gcj02GcoordCities,
    ::testing::Values(
        FixtureDirection{"wgs84_to_gcj02", wgs84_to_gcj02, &CityCoords::wgs84, &CityCoords::gcj02, 5e-5, 1e-5},
        FixtureDirection{"gcj02_to_wgs84", gcj02_to_wgs84, &CityCoords::gcj02, &CityCoords::wgs84, 5e-5, 1e-5},
        FixtureDirection{"wgs84_to_bd09", wgs84_to_bd09, &CityCoords::wgs84, &CityCoords::bd09, 5e-5, 1e-5},
        FixtureDirection{"bd09_to_wgs84", bd09_to_wgs84, &CityCoords::bd09, &CityCoords::wgs84, 5e-5, 1e-5},
        FixtureDirection{"gcj02_to_bd09", gcj02_to_bd09, &CityCoords::gcj02, &CityCoords::bd09, 5e-7, 2e-7},
        FixtureDirection{"bd09_to_gcj02", bd09_to_gcj02, &CityCoords::bd09, &CityCoords::gcj02, 5e-6, 2e-7}),
    [](const ::testing::TestParamInfo<FixtureDirection>& info) { return std::string(info.param.name); });

TEST(Gcj02Gcoord, SinglePointVectors)
{
    const Csv csv(gcj02_reference("gcoord_point_vectors.csv"));
    const std::map<std::string, ChinaCoords> ours{
        {"WGS84", ChinaCoords::wgs84}, {"GCJ02", ChinaCoords::gcj02}, {"BD09", ChinaCoords::bd09}};
    int checked = 0;
    for (std::size_t i = 0; i < csv.size(); ++i) {
        const auto from = ours.find(csv.text(i, "from_crs"));
        const auto to = ours.find(csv.text(i, "to_crs"));
        if (from == ours.end() || to == ours.end()) continue;  // BD09MC and EPSG3857 are not ours to test
        ++checked;
        const LonLat input{csv.number(i, "in_x_lng"), csv.number(i, "in_y_lat")};
        const LonLat expected{csv.number(i, "expected_x"), csv.number(i, "expected_y")};
        const LonLat got = from_wgs84(to_wgs84(input, from->second), to->second);
        SCOPED_TRACE(csv.text(i, "from_crs") + " -> " + csv.text(i, "to_crs"));
        const std::string& digits = csv.text(i, "jest_toBeCloseTo_digits");
        if (digits.starts_with("exact")) {
            EXPECT_EQ(got.lon, expected.lon);
            EXPECT_EQ(got.lat, expected.lat);
        }
        else {
            const double tolerance = 0.5 * std::pow(10.0, -csv.number(i, "jest_toBeCloseTo_digits"));
            EXPECT_NEAR(got.lon, expected.lon, tolerance);
            EXPECT_NEAR(got.lat, expected.lat, tolerance);
        }
    }
    EXPECT_EQ(checked, 8);  // six offset vectors and two outside-China identities
}

TEST(Gcj02Gcoord, PointOutsideChinaIsUnchanged)
{
    const LonLat p{183.0, 45.0};
    EXPECT_TRUE(outside_china(p));
    EXPECT_EQ(wgs84_to_gcj02(p).lon, 183.0);
    EXPECT_EQ(wgs84_to_gcj02(p).lat, 45.0);
    EXPECT_EQ(gcj02_to_wgs84(p).lon, 183.0);
    EXPECT_EQ(gcj02_to_wgs84(p).lat, 45.0);
}

// ---- properties ----------------------------------------------------------------------------------------------

TEST(Gcj02, RectangleEdges)
{
    EXPECT_TRUE(outside_china({72.003, 30.0}));
    EXPECT_FALSE(outside_china({72.004, 30.0}));
    EXPECT_FALSE(outside_china({137.8347, 30.0}));
    EXPECT_TRUE(outside_china({137.835, 30.0}));
    EXPECT_TRUE(outside_china({110.0, 0.829}));
    EXPECT_TRUE(outside_china({110.0, 55.828}));
    EXPECT_FALSE(outside_china({116.4, 39.9}));
    // Inside, the offset is hundreds of metres, never zero.
    EXPECT_GT(approx_metres(wgs84_to_gcj02({116.4, 39.9}), {116.4, 39.9}), 100.0);
}

TEST(Gcj02, GcjRoundTripWithinOneCentimetre)
{
    double worst_there_and_back = 0.0;
    double worst_back_and_there = 0.0;
    for (const LonLat p : grid_across_china()) {
        worst_there_and_back = std::max(worst_there_and_back, approx_metres(gcj02_to_wgs84(wgs84_to_gcj02(p)), p));
        worst_back_and_there = std::max(worst_back_and_there, approx_metres(wgs84_to_gcj02(gcj02_to_wgs84(p)), p));
    }
    RecordProperty("max_wgs_gcj_wgs_m", scientific(worst_there_and_back));
    RecordProperty("max_gcj_wgs_gcj_m", scientific(worst_back_and_there));
    EXPECT_LT(worst_there_and_back, 0.01);
    EXPECT_LT(worst_back_and_there, 0.01);
}

TEST(Gcj02, BdRoundTripWithinOneCentimetre)
{
    double worst_there_and_back = 0.0;
    double worst_back_and_there = 0.0;
    double worst_gcj_bd_gcj = 0.0;
    for (const LonLat p : grid_across_china()) {
        worst_there_and_back = std::max(worst_there_and_back, approx_metres(bd09_to_wgs84(wgs84_to_bd09(p)), p));
        worst_back_and_there = std::max(worst_back_and_there, approx_metres(wgs84_to_bd09(bd09_to_wgs84(p)), p));
        worst_gcj_bd_gcj = std::max(worst_gcj_bd_gcj, approx_metres(bd09_to_gcj02(gcj02_to_bd09(p)), p));
    }
    RecordProperty("max_wgs_bd_wgs_m", scientific(worst_there_and_back));
    RecordProperty("max_bd_wgs_bd_m", scientific(worst_back_and_there));
    RecordProperty("max_gcj_bd_gcj_m", scientific(worst_gcj_bd_gcj));
    EXPECT_LT(worst_there_and_back, 0.01);
    EXPECT_LT(worst_back_and_there, 0.01);
    EXPECT_LT(worst_gcj_bd_gcj, 0.01);
}

TEST(Gcj02, DispatchMatchesTheDirectFunctions)
{
    const LonLat p{116.397, 39.909};
    EXPECT_EQ(to_wgs84(p, ChinaCoords::wgs84).lon, p.lon);
    EXPECT_EQ(from_wgs84(p, ChinaCoords::wgs84).lat, p.lat);
    EXPECT_EQ(to_wgs84(p, ChinaCoords::gcj02).lon, gcj02_to_wgs84(p).lon);
    EXPECT_EQ(to_wgs84(p, ChinaCoords::bd09).lat, bd09_to_wgs84(p).lat);
    EXPECT_EQ(from_wgs84(p, ChinaCoords::gcj02).lon, wgs84_to_gcj02(p).lon);
    EXPECT_EQ(from_wgs84(p, ChinaCoords::bd09).lat, wgs84_to_bd09(p).lat);
}

TEST(Gcj02, NanPropagatesWithoutHanging)
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    EXPECT_TRUE(std::isnan(gcj02_to_wgs84({nan, 30.0}).lon));
    EXPECT_TRUE(std::isnan(bd09_to_gcj02({116.0, nan}).lat));
}

// ---- names ---------------------------------------------------------------------------------------------------

TEST(Gcj02, ParsesCommonSpellings)
{
    EXPECT_EQ(parse_china_coords("wgs84"), ChinaCoords::wgs84);
    EXPECT_EQ(parse_china_coords("WGS84"), ChinaCoords::wgs84);
    EXPECT_EQ(parse_china_coords("WGS-84"), ChinaCoords::wgs84);
    EXPECT_EQ(parse_china_coords("WGS 84"), ChinaCoords::wgs84);
    EXPECT_EQ(parse_china_coords("gcj02"), ChinaCoords::gcj02);
    EXPECT_EQ(parse_china_coords("GCJ-02"), ChinaCoords::gcj02);
    EXPECT_EQ(parse_china_coords("Gcj_02"), ChinaCoords::gcj02);
    EXPECT_EQ(parse_china_coords("bd09"), ChinaCoords::bd09);
    EXPECT_EQ(parse_china_coords("BD-09"), ChinaCoords::bd09);
    EXPECT_EQ(parse_china_coords("  bd09\t"), ChinaCoords::bd09);
}

TEST(Gcj02, RejectsEverythingElse)
{
    for (const char* text : {"", "wgs", "84", "gcj2", "gcj-2", "bd--09", "bd 0 9", "wgs84x", "xwgs84", "epsg:4326",
                             "bd09mc", "gcj02 bd09"})
        EXPECT_FALSE(parse_china_coords(text)) << '"' << text << '"';
}

TEST(Gcj02, CodesRoundTrip)
{
    EXPECT_EQ(code(ChinaCoords::wgs84), "wgs84");
    EXPECT_EQ(code(ChinaCoords::gcj02), "gcj02");
    EXPECT_EQ(code(ChinaCoords::bd09), "bd09");
    for (const ChinaCoords c : {ChinaCoords::wgs84, ChinaCoords::gcj02, ChinaCoords::bd09})
        EXPECT_EQ(parse_china_coords(code(c)), c);
}

}  // namespace geo::crs

// Real phone and Garmin recordings (../shared/reference/walks and gpx): walks stay whole apart from real time gaps
// and lose under 0.5 % of their length; drives are cut out. The oracle reads each GPX with OGR itself and measures
// it in the campaign's CRS with PROJ: none of geowalk's reading or cleaning code.
#include "fixture.hpp"

#include <gtest/gtest.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <set>

namespace geo::test {

namespace {

constexpr double max_gap_s = 600.0;  // the default max_gap_min of 10

// Seconds since 1970 of a UTC civil time (Howard Hinnant's days_from_civil).
double utc_seconds_of(int y, int m, int d, int hh, int mm, double ss)
{
    y -= m <= 2 ? 1 : 0;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    const double days = era * 146097.0 + doe - 719468.0;
    return days * 86400.0 + hh * 3600.0 + mm * 60.0 + ss;
}

struct RawFix {
    double x = 0, y = 0;      // in the campaign's CRS
    double time = std::nan("");
};

struct Extent {
    double west = 180, south = 90, east = -180, north = -90;
};

// Every track point of a GPX file by track number, in file order.
std::map<long long, std::vector<RawFix>> read_gpx(const std::filesystem::path& file, const std::string& crs, Extent* extent)
{
    GDALDatasetUniquePtr ds(GDALDataset::Open(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!ds) throw std::runtime_error("cannot open " + file.string());
    OGRLayer* layer = ds->GetLayerByName("track_points");
    if (!layer) throw std::runtime_error("no track_points in " + file.string());
    OGRSpatialReference wgs84, local;
    wgs84.SetWellKnownGeogCS("WGS84");
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRCoordinateTransformation> ct;
    if (!crs.empty()) {
        local.SetFromUserInput(crs.c_str());
        local.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        ct.reset(OGRCreateCoordinateTransformation(&wgs84, &local));
        if (!ct) throw std::runtime_error("no transformation to " + crs);
    }
    std::map<long long, std::vector<RawFix>> out;
    for (auto& f : *layer) {
        const auto* p = f->GetGeometryRef() ? f->GetGeometryRef()->toPoint() : nullptr;
        if (!p) continue;
        RawFix fix{p->getX(), p->getY()};
        if (extent) {
            extent->west = std::min(extent->west, fix.x);
            extent->east = std::max(extent->east, fix.x);
            extent->south = std::min(extent->south, fix.y);
            extent->north = std::max(extent->north, fix.y);
        }
        if (ct && !ct->Transform(1, &fix.x, &fix.y)) throw std::runtime_error("transform failed");
        const int ti = f->GetFieldIndex("time");
        int y = 0, mo = 0, d = 0, h = 0, mi = 0, tz = 0;
        float s = 0;
        if (ti >= 0 && f->IsFieldSetAndNotNull(ti) && f->GetFieldAsDateTime(ti, &y, &mo, &d, &h, &mi, &s, &tz))
            fix.time = utc_seconds_of(y, mo, d, h, mi, s) - (tz >= 2 ? (tz - 100) * 900.0 : 0.0);
        out[f->GetFieldAsInteger64("track_fid")].push_back(fix);
    }
    return out;
}

double step_length(const RawFix& a, const RawFix& b) { return std::hypot(b.x - a.x, b.y - a.y); }
bool real_gap(const RawFix& a, const RawFix& b) { return b.time - a.time > max_gap_s; }  // false if either has no time

struct Expected {
    double length_m = 0;       // the line through every fix
    double across_gaps_m = 0;  // steps over time gaps, which a walk may lose
    long long pieces = 0;      // stretches between time gaps with at least two fixes
    double median_speed = 0;   // of the timed steps (0 without times)
    double duration_s = 0;     // first to last timed fix
};

Expected expect(const std::vector<RawFix>& fixes)
{
    Expected e;
    long long run = 1;
    std::vector<double> speeds;
    for (std::size_t i = 1; i < fixes.size(); ++i) {
        const double d = step_length(fixes[i - 1], fixes[i]);
        e.length_m += d;
        if (real_gap(fixes[i - 1], fixes[i])) {
            e.across_gaps_m += d;
            e.pieces += run >= 2 ? 1 : 0;
            run = 1;
        } else {
            ++run;
            const double dt = fixes[i].time - fixes[i - 1].time;
            if (dt > 0) speeds.push_back(d / dt);
        }
    }
    e.pieces += run >= 2 ? 1 : 0;
    double first = std::nan(""), last = std::nan("");
    for (const RawFix& f : fixes)
        if (!std::isnan(f.time)) {
            if (std::isnan(first)) first = f.time;
            last = f.time;
        }
    e.duration_s = std::isnan(first) ? 0.0 : last - first;
    if (!speeds.empty()) {
        std::nth_element(speeds.begin(), speeds.begin() + static_cast<std::ptrdiff_t>(speeds.size() / 2), speeds.end());
        e.median_speed = speeds[speeds.size() / 2];
    }
    return e;
}

// Loads one GPX file as the only track source of a campaign whose one village is the file's extent.
Campaign load_gpx(const TempDir& tmp, const std::filesystem::path& gpx, const std::string& tracks_extra = "")
{
    Extent e;
    read_gpx(gpx, "", &e);
    const auto coord = [](double v) { return std::to_string(v); };
    const std::string w = coord(e.west - 0.01), s = coord(e.south - 0.01), east = coord(e.east + 0.01), n = coord(e.north + 0.01);
    write_text(tmp / "v.geojson", R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"box"},)"
                                  R"("geometry":{"type":"Polygon","coordinates":[[[)" + w + "," + s + "],[" + east + "," + s + "],[" +
                                      east + "," + n + "],[" + w + "," + n + "],[" + w + "," + s + "]]]}}]}");
    write_text(tmp / "c.toml", "[villages]\nsource = \"v.geojson\"\n[[tracks]]\nsource = \"" + gpx.string() + "\"\n" + tracks_extra);
    return load::load_campaign(campaign::read_campaign_file(tmp / "c.toml"));
}

double kept_length(const Campaign& c, long long feature)
{
    double length = 0;
    for (const Track& t : c.tracks)
        if (t.origin.feature == feature)
            for (std::size_t i = 1; i < t.fixes.size(); ++i) length += bg::distance(t.fixes[i - 1].position, t.fixes[i].position);
    return length;
}

std::vector<std::filesystem::path> reference_gpx_files()
{
    std::vector<std::filesystem::path> files;
    for (const char* folder : {"walks", "gpx"})
        for (const auto& entry : std::filesystem::recursive_directory_iterator(reference_dir() / folder))
            if (entry.path().extension() == ".gpx") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace

TEST(RealWalks, StayWholeApartFromTimeGapsAndLoseUnderHalfAPercent)
{
    // Not walks: the Višnjan recording is partly driven (SOURCE.md), and Lake Cerknica's "ACTIVE LOG #2" and "#4"
    // move at 12–17 m/s fix after fix (checked below from the file's own times), whatever the file's title says.
    const std::set<std::pair<std::string, long long>> drives{
        {"around-visnjan-with-car.gpx", 0}, {"cerknicko-jezero.gpx", 2}, {"cerknicko-jezero.gpx", 4}};
    const auto files = reference_gpx_files();
    ASSERT_GE(files.size(), 7u);
    int walks = 0, drives_seen = 0;
    for (const auto& gpx : files) {
        SCOPED_TRACE(gpx.filename().string());
        TempDir tmp;
        const Campaign c = load_gpx(tmp, gpx);
        const auto raw = read_gpx(gpx, c.crs.id, nullptr);
        for (const TrackReport& r : c.track_reports) {
            SCOPED_TRACE("track " + std::to_string(r.feature));
            ASSERT_TRUE(raw.count(r.feature));
            const Expected e = expect(raw.at(r.feature));
            const double kept = kept_length(c, r.feature);
            if (drives.count({gpx.filename().string(), r.feature})) {
                ++drives_seen;
                EXPECT_GT(e.median_speed, 4.0);  // driven by its own times
                EXPECT_LT(kept, 0.1 * e.length_m);
                EXPECT_GT(r.cleaning.too_fast, 30);
                continue;
            }
            ++walks;
            // Walking pace by its own times (Mojstrovka's broken clock puts all 184 fixes within one second).
            if (e.duration_s > 60) {
                EXPECT_LT(e.median_speed, 2.0);
            }
            EXPECT_EQ(r.cleaning.pieces, e.pieces);
            EXPECT_EQ(r.cleaning.too_fast, 0);
            const double lost = e.length_m - e.across_gaps_m - kept;
            EXPECT_LT(lost, 0.005 * e.length_m) << "kept " << kept << " of " << e.length_m << " m";
        }
    }
    EXPECT_EQ(drives_seen, 3);
    EXPECT_GE(walks, 10);
}

TEST(RealWalks, AltonaJudgedFixToFixFallsApart)
{
    // The same 1 Hz walk with the windows set to 0: judged fix to fix, its one-second jumps read as driving (the
    // behaviour issue 23 reports). This is what the test above would catch if the window were lost.
    const auto gpx = reference_dir() / "walks" / "hamburg_altona" / "altona_walk.gpx";
    TempDir tmp;
    const Campaign windowed = load_gpx(tmp, gpx);
    const Campaign fix_to_fix = load_gpx(tmp, gpx, "speed_window_s = 0\nspeed_window_m = 0\n");
    ASSERT_EQ(windowed.track_reports.size(), 1u);
    ASSERT_EQ(fix_to_fix.track_reports.size(), 1u);
    EXPECT_EQ(windowed.track_reports[0].cleaning.pieces, 1);
    EXPECT_GT(fix_to_fix.track_reports[0].cleaning.pieces, 10);
}

}  // namespace geo::test

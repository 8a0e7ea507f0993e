// Track files are read side by side on several threads; the campaign must be the one reading them one after another
// gives: the same tracks with the same ids, the same reports in the same order, the same first error.
#include "fixture.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/core/number_text.hpp"
#include "libgeo/load/loader.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <sstream>

namespace geo::test {

namespace {

// Everything loading tracks decides, as text: tracks with every fix, cleaning reports, sources and problems.
std::string fingerprint(const Campaign& c)
{
    std::ostringstream out;
    for (const Track& t : c.tracks) {
        out << "track " << t.id << ' ' << t.name << ' ' << t.walker << ' ' << t.part << ' ' << t.has_times << ' '
            << t.origin.source << ':' << t.origin.feature;
        for (const auto& a : t.attributes) out << ' ' << a.name << '=' << to_text(a.value);
        for (const Fix& f : t.fixes)
            out << ' ' << number_text(f.position.x()) << ',' << number_text(f.position.y()) << ',' << number_text(f.time) << ','
                << number_text(f.accuracy_m);
        out << '\n';
    }
    for (const TrackReport& r : c.track_reports) {
        const TrackCleaning& k = r.cleaning;
        out << "report " << r.source << ':' << r.feature << ' ' << r.name << ' ' << k.fixes_read << ' '
            << k.bad_position << ' ' << k.duplicates << ' ' << k.inaccurate << ' ' << k.untimed << ' '
            << k.out_of_order << ' ' << k.spikes << ' ' << k.too_fast << ' ' << k.isolated << ' ' << k.gaps << ' '
            << k.fixes_kept << ' ' << k.pieces << '\n';
    }
    for (const SourceSummary& s : c.diagnostics.sources())
        out << "source " << s.role << ' ' << s.source << ' ' << s.layer << ' ' << s.read << ' ' << s.loaded << ' '
            << s.rejected << '\n';
    for (const Problem& p : c.diagnostics.problems())
        out << "problem " << p.source << ':' << p.feature << ' ' << p.reason << ' ' << p.detail << ' '
            << static_cast<int>(p.action) << '\n';
    out << "issues " << c.issues.size() << '\n';
    return out.str();
}

std::string gpx(const std::string& name, double lat0, int fixes)
{
    std::string text = "<?xml version=\"1.0\"?>\n<gpx version=\"1.1\" creator=\"test\" "
                       "xmlns=\"http://www.topografix.com/GPX/1/1\">\n<trk><name>" + name + "</name><trkseg>\n";
    for (int i = 0; i < fixes; ++i) {
        char line[160];
        std::snprintf(line, sizeof line, "<trkpt lat=\"%.5f\" lon=\"100.42\"><time>2017-02-21T02:%02d:%02d0Z</time></trkpt>\n",
                      lat0 + 0.0001 * i, i / 6, i % 6);
        text += line;
    }
    return text + "</trkseg></trk>\n</gpx>\n";
}

}  // namespace

// The sample town: 52 GPX files in two batches, WGS 84 and GCJ-02 ones (two transformations), rejects among them.
TEST(LoadThreads, SampleTownLoadsTheSameOnOneTwoAndThreeThreads)
{
    const auto spec = campaign::read_campaign_file(source_dir() / "data/sample/campaign.toml");
    const Campaign one = load::load_campaign(spec, nullptr, nullptr, 1);
    ASSERT_GT(one.tracks.size(), 40u);
    ASSERT_GT(one.diagnostics.problems().size(), 0u);
    const std::string expected = fingerprint(one);
    EXPECT_EQ(fingerprint(load::load_campaign(spec, nullptr, nullptr, 2)), expected);
    EXPECT_EQ(fingerprint(load::load_campaign(spec, nullptr, nullptr, 3)), expected);
}

// Of two broken files, the error names the first in file order, whichever thread reached it first; a file after
// a full batch (32) is still reported by name.
TEST(LoadThreads, FirstBrokenFileInFileOrderIsTheError)
{
    MiniTown town;
    for (int i = 0; i < 40; ++i) {
        char name[32];
        std::snprintf(name, sizeof name, "walk_%02d.gpx", i);
        std::string text = gpx(name, 38.92 + 0.001 * i, 12);
        if (i == 35 || i == 37) text = text.substr(0, text.size() / 2);  // cut off mid-file
        write_text(town.dir / name, text);
    }
    for (int threads : {1, 2, 3}) {
        SCOPED_TRACE(threads);
        try {
            (void)load::load_campaign(town.spec("[[tracks]]\nsource = \"walk_*.gpx\"\n"), nullptr, nullptr, threads);
            FAIL() << "expected an InputError for walk_35.gpx";
        } catch (const InputError& e) {
            EXPECT_NE(e.where().file.find("walk_35.gpx"), std::string::npos) << e.where().file;
        }
    }
}

}  // namespace geo::test

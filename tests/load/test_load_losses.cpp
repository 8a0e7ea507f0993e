// A source that loses every feature, or more than half of them for one reason, stops the load with the source, the
// count, the reason and the fix (load/losses.hpp), unless its block says allow_rejects = true. And every reject
// names its row as the user finds it: the CSV line, checked here against the text of the file itself.
#include "fixture.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/load/losses.hpp"
#include "libgeo/load/row_numbers.hpp"

#include <gtest/gtest.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <sstream>
#include <tuple>
#include <utility>

namespace geo::test {

namespace {

std::string stop_message(const campaign::CampaignSpec& spec)
{
    try {
        (void)load::load_campaign(spec);
    } catch (const InputError& e) {
        return e.full_message();
    }
    return "(loaded without stopping)";
}

const std::string rivers_block = "[[network]]\nsource = \"rivers.geojson\"\ncategory = \"river_ditch\"\n";

}  // namespace

TEST(LoadLosses, ProjectedGeoJsonWithoutCrsStopsWithTheFix)
{
    MiniTown town;
    write_projected_rivers(town.dir / "rivers.geojson");
    ASSERT_EQ(read_text(town.dir / "rivers.geojson").find("\"crs\""), std::string::npos);  // really without one

    const std::string message = stop_message(town.spec(rivers_block));
    EXPECT_NE(message.find("rivers.geojson, layer 'rivers'"), std::string::npos) << message;
    EXPECT_NE(message.find("12 of 12 network lines rejected, 12 as coordinates_out_of_range"), std::string::npos)
        << message;
    EXPECT_NE(message.find("(first: feature 0: coordinates are not valid longitude/latitude degrees (they look like "
                           "metres"),
              std::string::npos)
        << message;
    EXPECT_NE(message.find("hint: the numbers are not longitude/latitude"), std::string::npos) << message;
    EXPECT_NE(message.find("declare the CRS it was made in with crs = \"EPSG:…\""), std::string::npos) << message;

    // The fix the hint names: every river loads, inside the villages.
    const Campaign fixed = load::load_campaign(town.spec(rivers_block + "crs = \"EPSG:32647\"\n"));
    EXPECT_EQ(fixed.network.size(), 12u);
    EXPECT_TRUE(fixed.diagnostics.problems().empty());

    // allow_rejects = true: the load goes on, without rivers, and the loss is there to be warned about.
    const Campaign allowed = load::load_campaign(town.spec(rivers_block + "allow_rejects = true\n"));
    EXPECT_TRUE(allowed.network.empty());
    const auto losses = load::find_losses(allowed);
    ASSERT_EQ(losses.size(), 1u);
    EXPECT_TRUE(losses[0].allowed);
    EXPECT_EQ(losses[0].lost, 12);
    EXPECT_EQ(losses[0].read, 12);
    EXPECT_EQ(losses[0].reason, reason::out_of_range);
    EXPECT_NE(losses[0].line().find("rivers.geojson, layer 'rivers': 12 of 12"), std::string::npos) << losses[0].line();
}

TEST(LoadLosses, MoreThanHalfForOneReasonStopsHalfDoesNot)
{
    MiniTown town;
    const std::string header = "编号,类别,发现时间,经度,纬度\n";
    // Three of five rows with a category nobody defined: more than half for one reason.
    write_text(town.dir / "issues.csv", header +
                                            "C1,river_ditch,2017-02-21,100.42,38.92\n"
                                            "C2,rivers,2017-02-21,100.42,38.92\n"
                                            "C3,rivers,2017-02-21,100.43,38.92\n"
                                            "C4,rivers,2017-02-21,100.44,38.92\n"
                                            "C5,village_road,2017-02-21,100.46,38.92\n");
    const std::string block = "[issues]\nsource = \"issues.csv\"\n";
    const std::string message = stop_message(town.spec(block));
    EXPECT_NE(message.find("issues.csv, layer 'issues': 3 of 5 issues rejected, 3 as unknown_category "
                           "(first: line 3: category 'rivers' is not one of the ten walks)"),
              std::string::npos)
        << message;
    EXPECT_NE(message.find("hint: write the categories as the ten walk codes"), std::string::npos) << message;

    // Two of four: half is not more than half, and two reasons of one row each are not one reason.
    write_text(town.dir / "issues.csv", header +
                                            "C1,river_ditch,2017-02-21,100.42,38.92\n"
                                            "C2,rivers,2017-02-21,100.42,38.92\n"
                                            "C3,rivers,2017-02-21,100.43,38.92\n"
                                            "C5,village_road,2017-02-21,100.46,38.92\n");
    EXPECT_EQ(load::load_campaign(town.spec(block)).issues.size(), 2u);
    write_text(town.dir / "issues.csv", header +
                                            "C1,river_ditch,2017-02-21,100.42,38.92\n"
                                            "C2,rivers,2017-02-21,100.42,38.92\n"
                                            "C3,river_ditch,someday,100.43,38.92\n");
    EXPECT_EQ(load::load_campaign(town.spec(block)).issues.size(), 1u);

    // A source whose only row is rejected has lost everything; allow_rejects lets it through.
    write_text(town.dir / "issues.csv", header + "C2,rivers,2017-02-21,100.42,38.92\n");
    EXPECT_NE(stop_message(town.spec(block)).find("1 of 1 issue rejected"), std::string::npos);
    EXPECT_TRUE(load::load_campaign(town.spec(block + "allow_rejects = true\n")).issues.empty());
}

TEST(LoadLosses, TracksAreJudgedPerBlockNotPerFile)
{
    // Two GPX files of one block: one good track, one whose only fix is unusable. Per file the second has lost
    // everything; per block it is one track of two, which is what the campaign's walk loses.
    MiniTown town;
    const auto gpx = [](const std::string& fixes) {
        return "<?xml version=\"1.0\"?>\n<gpx version=\"1.1\" creator=\"test\" xmlns=\"http://www.topografix.com/GPX/1/1\">"
               "<trk><name>t</name><trkseg>" + fixes + "</trkseg></trk></gpx>\n";
    };
    std::string good;
    for (int i = 0; i < 10; ++i)
        good += "<trkpt lat=\"38.92\" lon=\"" + std::to_string(100.42 + 0.0003 * i) + "\"><time>2017-02-21T02:" +
                (i < 10 ? "0" : "") + std::to_string(i) + ":00Z</time></trkpt>";
    write_text(town.dir / "a.gpx", gpx(good));
    write_text(town.dir / "b.gpx", gpx("<trkpt lat=\"38.92\" lon=\"100.42\"><time>2017-02-21T02:00:00Z</time></trkpt>"));
    const Campaign c = load::load_campaign(town.spec("[[tracks]]\nsource = \"*.gpx\"\n"));
    EXPECT_EQ(source(c, "tracks", 1).rejected, 1);
    EXPECT_TRUE(load::find_losses(c).empty());
    // Both files lost: the block has lost every track.
    write_text(town.dir / "a.gpx", gpx("<trkpt lat=\"38.92\" lon=\"100.42\"><time>2017-02-21T02:00:00Z</time></trkpt>"));
    const std::string message = stop_message(town.spec("[[tracks]]\nsource = \"*.gpx\"\n"));
    EXPECT_NE(message.find("a.gpx and 1 more files, layer 'track_points': 2 of 2 tracks rejected, 2 as "
                           "too_few_fixes"),
              std::string::npos)
        << message;
}

TEST(LoadLosses, RejectsNameTheCsvLineCountedInTheText)
{
    // A quoted note spanning three lines and an empty line come before the bad row, so that its line is neither its
    // feature id + 1 nor its record number + 1.
    MiniTown town;
    const std::string text = "编号,类别,发现时间,经度,纬度,备注\n"
                             "D1,river_ditch,2017-02-21,100.42,38.92,\"first line\nsecond \"\"quoted\"\" line\nthird\"\n"
                             "\n"
                             "D2,village_road,2017-02-21,100.46,38.92,plain\r\n"
                             "D3,river_ditch,someday,100.43,38.92,bad date\n"
                             "D4,river_ditch,2017-02-22,100.44,38.92,\"ok, with a comma\"\n";
    write_text(town.dir / "issues.csv", text);
    // The line of D3, counted in the text: the 1-based number of the line that starts with "D3,".
    long long d3_line = 0;
    {
        std::istringstream lines(read_text(town.dir / "issues.csv"));
        std::string line;
        for (long long n = 1; std::getline(lines, line); ++n)
            if (line.rfind("D3,", 0) == 0) d3_line = n;
    }
    ASSERT_EQ(d3_line, 7);
    const Campaign c = load::load_campaign(town.spec("[issues]\nsource = \"issues.csv\"\n"));
    ASSERT_EQ(c.diagnostics.problems().size(), 1u);
    const Problem& p = c.diagnostics.problems().front();
    EXPECT_EQ(p.reason, reason::bad_date);
    EXPECT_EQ(p.feature, 3);  // OGR's feature id: the third record after the header
    EXPECT_EQ(p.row, "line " + std::to_string(d3_line));
    ASSERT_EQ(c.issues.size(), 3u);
}

TEST(LoadLosses, RecordLinesFollowGdalsSplitting)
{
    using load::RowNumbers;
    EXPECT_EQ(RowNumbers::record_lines("h\na\nb"), (std::vector<long long>{1, 2, 3}));
    EXPECT_EQ(RowNumbers::record_lines("h\r\n\r\na\r\n\n\nb\r\n"), (std::vector<long long>{1, 3, 6}));
    EXPECT_EQ(RowNumbers::record_lines("h\n\"x\n\ny\",1\nz\n"), (std::vector<long long>{1, 2, 5}));
    EXPECT_EQ(RowNumbers::record_lines(""), (std::vector<long long>{}));
}

TEST(LoadLosses, SpreadsheetRowsAndOtherFeatureIds)
{
    // An issue table as a spreadsheet, written by GDAL's XLSX driver: header on row 1, the rows below it. The loader
    // cannot place spreadsheet rows (no geometry), so each is a no_geometry reject, named by its row.
    MiniTown town;
    // A number column lets GDAL tell the header row from the data when it reads the sheet back.
    {
        GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("XLSX");
        ASSERT_TRUE(driver);
        GDALDatasetUniquePtr ds(driver->Create((town.dir / "issues.xlsx").c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        ASSERT_TRUE(ds);
        OGRLayer* layer = ds->CreateLayer("issues", nullptr, wkbNone, nullptr);
        ASSERT_TRUE(layer);
        for (auto [name, type] : {std::pair{"编号", OFTString}, {"类别", OFTString}, {"数量", OFTInteger}}) {
            OGRFieldDefn defn(name, type);
            ASSERT_EQ(layer->CreateField(&defn), OGRERR_NONE);
        }
        for (auto [id, category, n] : {std::tuple{"S1", "river_ditch", 1}, {"S2", "village_road", 2}}) {
            OGRFeatureUniquePtr f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
            f->SetField(0, id);
            f->SetField(1, category);
            f->SetField(2, n);
            ASSERT_EQ(layer->CreateFeature(f.get()), OGRERR_NONE);
        }
    }
    const Campaign c = load::load_inputs(town.spec("[issues]\nsource = \"issues.xlsx\"\ncrs = \"EPSG:4326\"\n"));
    ASSERT_EQ(c.diagnostics.problems().size(), 2u);
    EXPECT_EQ(c.diagnostics.problems()[0].row, "row 2");
    EXPECT_EQ(c.diagnostics.problems()[1].row, "row 3");
    EXPECT_EQ(to_text(*find(c.diagnostics.problems()[1].attributes, "编号")), "S2");
    const auto losses = load::find_losses(c);
    ASSERT_EQ(losses.size(), 1u);
    EXPECT_EQ(losses[0].reason, reason::no_geometry);
    EXPECT_NE(losses[0].hint().find("save a spreadsheet as CSV with lon/lat columns"), std::string::npos);
}

}  // namespace geo::test

// Problems with a whole file are fatal: one InputError that names the file and says what to do.
#include "fixture.hpp"

#include "libgeo/core/error.hpp"

#include <gtest/gtest.h>

namespace geo::test {

namespace {

InputError load_error(const MiniTown& town, const std::string& extra)
{
    try {
        (void)town.load(extra);
    } catch (const InputError& e) {
        return e;
    }
    ADD_FAILURE() << "loading did not fail for:\n" << extra;
    return InputError("none");
}

}  // namespace

TEST(LoadFatal, MissingSource)
{
    MiniTown town;
    const auto e = load_error(town, "[[network]]\nsource = \"nope.gpkg\"\ncategory = \"village_road\"\n");
    EXPECT_NE(e.where().file.find("nope.gpkg"), std::string::npos);
    EXPECT_NE(e.message().find("not found"), std::string::npos);
}

TEST(LoadFatal, EmptyGarbageTruncatedAndWrongFormatFilesForEveryRole)
{
    MiniTown town;
    write_text(town.dir / "empty.geojson", "");
    const char garbage[] = "\x89\x00\xff\xfe binary \x01\x02";
    write_text(town.dir / "garbage.geojson", std::string(garbage, sizeof garbage - 1));
    write_text(town.dir / "nested.geojson", R"({"type":"FeatureCollection","features":{"type":"Feature"}})");
    translate(town.dir / "villages.geojson", town.dir / "full.gpkg", {});
    const std::string gpkg = read_text(town.dir / "full.gpkg");
    write_text(town.dir / "truncated.gpkg", gpkg.substr(0, gpkg.size() / 3));
    write_text(town.dir / "notes.gpx", "this is not xml at all");
    const std::map<std::string, std::string> blocks{
        {"network", "[[network]]\nsource = \"FILE\"\ncategory = \"village_road\"\n"},
        {"sites", "[[sites]]\nsource = \"FILE\"\ncategory = \"school_clinic\"\n"},
        {"tracks", "[[tracks]]\nsource = \"FILE\"\n"},
        {"issues", "[issues]\nsource = \"FILE\"\ncategory = \"x\"\n"}};
    for (const char* file : {"empty.geojson", "garbage.geojson", "nested.geojson", "truncated.gpkg", "notes.gpx"}) {
        for (const auto& [role, block] : blocks) {
            SCOPED_TRACE(std::string(file) + " as " + role);
            std::string text = block;
            text.replace(text.find("FILE"), 4, file);
            if (role == "issues") text = "[issues]\nsource = \"" + std::string(file) + "\"\n";
            try {
                const Campaign c = town.load(text);
                // A file GDAL can open but that holds nothing usable is not fatal: it is read as empty.
                for (const auto& s : c.diagnostics.sources()) EXPECT_EQ(s.read, s.loaded + s.rejected);
            } catch (const InputError& e) {
                EXPECT_NE(e.where().file.find(file), std::string::npos) << e.full_message();
                EXPECT_FALSE(e.hint().empty()) << e.full_message();
            }
        }
        // As the village layer, every one of them is fatal.
        write_text(town.dir / "c.toml", std::string("[villages]\nsource = \"") + file + "\"\n");
        EXPECT_THROW(io::load_campaign(io::read_campaign_file(town.dir / "c.toml")), InputError) << file;
    }
}

TEST(LoadFatal, LayerWithoutCrs)
{
    MiniTown town;
    translate(town.dir / "villages.geojson", town.dir / "noprj.shp", {});
    std::filesystem::remove(town.dir / "noprj.prj");
    write_text(town.dir / "c.toml", "[villages]\nsource = \"noprj.shp\"\n");
    try {
        io::load_campaign(io::read_campaign_file(town.dir / "c.toml"));
        FAIL();
    } catch (const InputError& e) {
        EXPECT_NE(e.message().find("no CRS"), std::string::npos);
        EXPECT_NE(e.hint().find("crs = "), std::string::npos);
    }
    // Declaring it fixes it.
    write_text(town.dir / "c.toml", "[villages]\nsource = \"noprj.shp\"\ncrs = \"EPSG:4326\"\n");
    EXPECT_EQ(io::load_campaign(io::read_campaign_file(town.dir / "c.toml")).villages.size(), 2u);
}

TEST(LoadFatal, UnknownLayerBadFilterAndAmbiguousLayers)
{
    MiniTown town;
    translate(town.dir / "villages.geojson", town.dir / "two.gpkg", {"-nln", "a"});
    translate(town.dir / "villages.geojson", town.dir / "two.gpkg", {"-update", "-nln", "b"});
    EXPECT_NE(load_error(town, "[[sites]]\nsource = \"two.gpkg\"\nlayer = \"c\"\ncategory = \"school_clinic\"\n").hint().find("a, b"),
              std::string::npos);
    EXPECT_NE(load_error(town, "[[sites]]\nsource = \"two.gpkg\"\ncategory = \"school_clinic\"\n").hint().find("layer = "),
              std::string::npos);
    const auto e = load_error(town, "[[sites]]\nsource = \"two.gpkg\"\nlayer = \"a\"\nwhere = \"nme = 'x'\"\ncategory = \"school_clinic\"\n");
    EXPECT_NE(e.message().find("not a valid filter"), std::string::npos);
    EXPECT_NE(e.hint().find("name"), std::string::npos);
    EXPECT_NE(load_error(town, "[[sites]]\nsource = \"two.gpkg\"\nlayer = \"a\"\nname_field = \"nom\"\ncategory = \"school_clinic\"\n").message().find("not a field"),
              std::string::npos);
}

TEST(LoadFatal, IssuesWithoutCategoryColumn)
{
    MiniTown town;
    write_text(town.dir / "i.csv", "id,lon,lat\n1,100.42,38.92\n");
    EXPECT_NE(load_error(town, "[issues]\nsource = \"i.csv\"\n").message().find("no category column"), std::string::npos);
}

}  // namespace geo::test

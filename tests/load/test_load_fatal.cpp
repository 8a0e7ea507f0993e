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

// Empty, garbage, truncated and wrongly nested files and Shapefiles without .prj, in every role: the bad-input
// corpus (tests/data/bad/, test_bad_inputs.cpp) with their exact messages.

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

// OutputTransaction: staged files (subfolders included) moved into place at commit, stale outputs of an earlier
// run removed, nothing touched when the run does not commit.
#include "libgeo/export/atomic_output.hpp"

#include "support.hpp"

#include <gtest/gtest.h>

namespace geo::output {

TEST(AtomicOutput, OwnedFolderKeepsOnlyThisRunsFiles)
{
    test::TempDir dir("geowalk-atomic");
    const auto out = dir / "out";
    test::write_text(out / "geojson/hotspot_cells.geojson", "earlier run");
    test::write_text(out / "geojson/villages.geojson", "earlier run");
    test::write_text(out / "geojson/notes.txt", "the user's own");
    test::write_text(out / "density.tif", "earlier run");
    {
        OutputTransaction t(out);
        test::write_text(t.staging() / "geojson/villages.geojson", "this run");
        test::write_text(t.staging() / "summary.json", "{}");
        t.commit({"summary.json", "density.tif"}, {{"geojson", ".geojson"}});
    }
    EXPECT_EQ(test::read_text(out / "geojson/villages.geojson"), "this run");
    EXPECT_FALSE(std::filesystem::exists(out / "geojson/hotspot_cells.geojson"));  // a layer this run did not write
    EXPECT_TRUE(std::filesystem::exists(out / "geojson/notes.txt"));                 // not ours
    EXPECT_FALSE(std::filesystem::exists(out / "density.tif"));
    EXPECT_TRUE(std::filesystem::exists(out / "summary.json"));

    // A run that writes no GeoJSON removes the old copies, and the folder once nothing else is in it.
    std::filesystem::remove(out / "geojson/notes.txt");
    {
        OutputTransaction t(out);
        test::write_text(t.staging() / "summary.json", "{}");
        t.commit({"summary.json"}, {{"geojson", ".geojson"}});
    }
    EXPECT_FALSE(std::filesystem::exists(out / "geojson"));
    EXPECT_TRUE(std::filesystem::exists(out / "summary.json"));
}

TEST(AtomicOutput, WithoutCommitNothingChanges)
{
    test::TempDir dir("geowalk-atomic");
    const auto out = dir / "out";
    test::write_text(out / "geojson/villages.geojson", "earlier run");
    std::filesystem::path staging;
    {
        OutputTransaction t(out);
        staging = t.staging();
        test::write_text(t.staging() / "geojson/villages.geojson", "this run");
    }
    EXPECT_EQ(test::read_text(out / "geojson/villages.geojson"), "earlier run");
    EXPECT_FALSE(std::filesystem::exists(staging));
}

}  // namespace geo::output

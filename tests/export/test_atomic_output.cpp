// OutputTransaction: the staged set swapped into place as a whole at commit, the user's files and the outputs the
// commit does not own kept, stale outputs of an earlier run removed, nothing touched when the run does not commit.
#include "libgeo/export/atomic_output.hpp"

#include "support.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <random>
#include <set>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

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

namespace {

namespace fs = std::filesystem;

ino_t inode(const fs::path& p)
{
    struct stat st {};
    return ::lstat(p.c_str(), &st) == 0 ? st.st_ino : 0;
}

// Every entry under a folder, relative to it ("a/", "a/b.txt"), for comparing whole trees.
std::set<std::string> tree(const fs::path& dir)
{
    std::set<std::string> names;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        names.insert(e.path().lexically_relative(dir).generic_string() + (e.is_directory() && !e.is_symlink() ? "/" : ""));
    return names;
}

}  // namespace

TEST(AtomicOutput, UserFilesAndFoldersSurviveTheSwap)
{
    test::TempDir dir("geowalk-atomic");
    const auto out = dir / "out";
    test::write_text(out / "notes.docx", "the user's notes");
    test::write_text(out / "mine/deep/er/field.txt", "the user's own folder");
    test::write_text(out / "geojson/mine/old.geojson", "the user's, nested in an owned folder");
    test::write_text(out / "geowalk.gpkg", "earlier run");
    test::write_text(out / "walk_distance.tif", "earlier run");
    fs::create_directories(out / "empty_user_folder");
    fs::create_symlink("notes.docx", out / "notes-link");
    fs::permissions(out / "mine", fs::perms::owner_all);
    const ino_t notes = inode(out / "notes.docx");
    const ino_t old_folder = inode(out);
    fs::path staging;
    ino_t staged_folder = 0;
    {
        OutputTransaction t(out);
        staging = t.staging();
        EXPECT_EQ(staging.parent_path(), out.parent_path());
        test::write_text(t.staging() / "geowalk.gpkg", "this run");
        test::write_text(t.staging() / "geojson/villages.geojson", "this run");
        staged_folder = inode(t.staging());
        t.commit({"geowalk.gpkg", "walk_distance.tif"}, {{"geojson", ".geojson"}});
    }
    // The staging folder itself became the output folder: the set arrived in one rename.
    EXPECT_EQ(inode(out), staged_folder);
    EXPECT_NE(inode(out), old_folder);
    EXPECT_EQ(inode(out / "notes.docx"), notes);  // the very same file, linked, not copied
    EXPECT_EQ(test::read_text(out / "notes.docx"), "the user's notes");
    EXPECT_EQ(test::read_text(out / "mine/deep/er/field.txt"), "the user's own folder");
    EXPECT_EQ(fs::status(out / "mine").permissions() & fs::perms::all, fs::perms::owner_all);
    EXPECT_EQ(test::read_text(out / "geowalk.gpkg"), "this run");
    EXPECT_EQ(tree(out), (std::set<std::string>{"empty_user_folder/", "geojson/", "geojson/mine/",
                                                "geojson/mine/old.geojson", "geojson/villages.geojson",
                                                "geowalk.gpkg", "mine/", "mine/deep/", "mine/deep/er/",
                                                "mine/deep/er/field.txt", "notes-link", "notes.docx"}));
    EXPECT_TRUE(fs::is_symlink(out / "notes-link"));
    EXPECT_FALSE(fs::exists(staging));
}

TEST(AtomicOutput, RedrawReplacesOnlyWhatItOwns)
{
    // `geowalk render DIR`: commit({}, maps folders) keeps the GeoPackage, the report and the user's file in maps/.
    test::TempDir dir("geowalk-atomic");
    const auto out = dir / "out";
    for (const char* name : {"geowalk.gpkg", "summary.json", "report.pdf", "walk_distance.tif", "maps/overview.png",
                             "maps/village_gone.png", "maps/village_gone.wld"})
        test::write_text(out / name, "earlier run");
    test::write_text(out / "maps/legend-notes.txt", "the user's own");
    const ino_t gpkg = inode(out / "geowalk.gpkg");
    {
        OutputTransaction t(out);
        test::write_text(t.staging() / "maps/overview.png", "redrawn");
        test::write_text(t.staging() / "maps/overview.wld", "redrawn");
        t.commit({}, {{"maps", ".png"}, {"maps", ".wld"}});
    }
    EXPECT_EQ(tree(out), (std::set<std::string>{"geowalk.gpkg", "summary.json", "report.pdf", "walk_distance.tif",
                                                "maps/", "maps/overview.png", "maps/overview.wld",
                                                "maps/legend-notes.txt"}));
    EXPECT_EQ(inode(out / "geowalk.gpkg"), gpkg);
    EXPECT_EQ(test::read_text(out / "report.pdf"), "earlier run");
    EXPECT_EQ(test::read_text(out / "maps/overview.png"), "redrawn");

    // `geowalk report DIR`: commit({}, {}) replaces report.pdf and nothing else.
    {
        OutputTransaction t(out);
        test::write_text(t.staging() / "report.pdf", "redrawn");
        t.commit();
    }
    EXPECT_EQ(test::read_text(out / "report.pdf"), "redrawn");
    EXPECT_EQ(test::read_text(out / "maps/overview.png"), "redrawn");
    EXPECT_EQ(inode(out / "geowalk.gpkg"), gpkg);
}

TEST(AtomicOutput, FirstRunRenamesTheStagingFolderIntoPlace)
{
    test::TempDir dir("geowalk-atomic");
    const auto out = dir / "new/out";
    {
        OutputTransaction t(out);
        EXPECT_FALSE(fs::exists(out));  // nothing under the final name until the commit
        test::write_text(t.staging() / "summary.json", "{}");
        fs::create_directories(t.staging() / "maps");  // left empty by a writer: not part of the set
        t.commit({"summary.json"}, {{"maps", ".png"}});
    }
    EXPECT_EQ(tree(out), std::set<std::string>{"summary.json"});
    EXPECT_EQ(tree(dir.path()), (std::set<std::string>{"new/", "new/out/", "new/out/summary.json"}));
}

TEST(AtomicOutput, SymlinkedTargetSwapsTheFolderItPointsTo)
{
    test::TempDir dir("geowalk-atomic");
    test::write_text(dir / "real/out/notes.txt", "the user's");
    test::write_text(dir / "real/out/summary.json", "earlier run");
    fs::create_directories(dir / "links");
    fs::create_directory_symlink(dir / "real/out", dir / "links/out");
    {
        OutputTransaction t(dir / "links/out");
        EXPECT_EQ(t.target(), dir / "links/out");
        EXPECT_EQ(t.staging().parent_path(), dir / "real");  // beside the real folder: one file system
        test::write_text(t.staging() / "summary.json", "this run");
        t.commit({"summary.json"});
    }
    EXPECT_TRUE(fs::is_symlink(dir / "links/out"));
    EXPECT_EQ(test::read_text(dir / "links/out/summary.json"), "this run");
    EXPECT_EQ(test::read_text(dir / "real/out/notes.txt"), "the user's");
    EXPECT_EQ(tree(dir / "real"), (std::set<std::string>{"out/", "out/notes.txt", "out/summary.json"}));
}

TEST(AtomicOutput, WorkingDirectoryStaysUsable)
{
    // A shell in the output folder would be left in the removed previous set after an exchange: the files are
    // moved into the folder instead, which stays the same folder.
    test::TempDir dir("geowalk-atomic");
    const auto out = dir / "out";
    test::write_text(out / "summary.json", "earlier run");
    test::write_text(out / "density.tif", "earlier run");
    const ino_t folder = inode(out);
    const fs::path before = fs::current_path();
    fs::current_path(out);
    try {
        OutputTransaction t(".");
        EXPECT_EQ(t.staging().parent_path(), dir.path());
        test::write_text(t.staging() / "summary.json", "this run");
        t.commit({"summary.json", "density.tif"});
    } catch (...) {
        fs::current_path(before);
        throw;
    }
    EXPECT_EQ(test::read_text("summary.json"), "this run");
    EXPECT_FALSE(fs::exists("density.tif"));
    fs::current_path(before);
    EXPECT_EQ(inode(out), folder);
    EXPECT_EQ(tree(dir.path()), (std::set<std::string>{"out/", "out/summary.json"}));
}

TEST(AtomicOutput, FileByFileFallbackKeepsTheSameRules)
{
    // What commit() does where directories cannot be exchanged.
    test::TempDir dir("geowalk-atomic");
    const auto out = dir / "out", staging = dir / "staging";
    test::write_text(out / "notes.docx", "the user's");
    test::write_text(out / "density.tif", "earlier run");
    test::write_text(out / "geojson/gone.geojson", "earlier run");
    test::write_text(out / "geojson/mine/kept.geojson", "the user's");
    test::write_text(staging / "summary.json", "this run");
    test::write_text(staging / "geojson/villages.geojson", "this run");
    detail::commit_file_by_file(staging, out, {"geojson/villages.geojson", "summary.json"},
                                {"summary.json", "density.tif"}, {{"geojson", ".geojson"}});
    EXPECT_EQ(tree(out), (std::set<std::string>{"notes.docx", "summary.json", "geojson/", "geojson/villages.geojson",
                                                "geojson/mine/", "geojson/mine/kept.geojson"}));
}

// A child commits generation after generation (two files that must agree); the parent reads the folder meanwhile
// and kills the child at random moments. Read through one folder handle, a set is whole: both files of one
// generation. After each kill the folder holds one whole generation, and the next commit cleans up what the killed
// one left beside it.
TEST(AtomicOutput, KilledAtAnyMomentTheFolderHoldsOneWholeSet)
{
    test::TempDir dir("geowalk-atomic");
    const auto out = dir / "out";
    test::write_text(out / "notes.docx", "the user's");
    const auto commit_generation = [&out](int generation) {
        OutputTransaction t(out);
        const std::string text = std::to_string(generation) + std::string(20000, '.');
        test::write_text(t.staging() / "geowalk.gpkg", text);
        test::write_text(t.staging() / "maps/overview.png", text);
        test::write_text(t.staging() / "summary.json", text);
        t.commit({"geowalk.gpkg", "summary.json"}, {{"maps", ".png"}});
    };
    commit_generation(0);
    const auto read_at = [](int folder, const char* name, std::string& text) {
        const int fd = ::openat(folder, name, O_RDONLY | O_CLOEXEC);
        if (fd < 0) return false;
        text.clear();
        char buffer[8192];
        for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) > 0;) text.append(buffer, static_cast<size_t>(n));
        ::close(fd);
        return true;
    };
    std::mt19937 random(20240611);
    int snapshots = 0;
    for (int round = 0; round < 8; ++round) {
        const pid_t child = ::fork();
        ASSERT_GE(child, 0);
        if (child == 0) {
            try {
                for (int generation = 1;; ++generation) commit_generation(generation);
            } catch (...) {
                ::_exit(1);
            }
        }
        const auto until = std::chrono::steady_clock::now() +
                           std::chrono::milliseconds(std::uniform_int_distribution<int>(20, 120)(random));
        while (std::chrono::steady_clock::now() < until) {
            // A folder handle held by a reader: the old set until the exchange, then the new one.
            const int folder = ::open(out.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
            if (folder < 0) continue;
            std::string gpkg, summary, map;
            if (read_at(folder, "geowalk.gpkg", gpkg) && read_at(folder, "summary.json", summary) &&
                read_at(folder, "maps/overview.png", map)) {
                ++snapshots;
                EXPECT_EQ(gpkg, summary);
                EXPECT_EQ(gpkg, map);
            }
            ::close(folder);
        }
        ::kill(child, SIGKILL);
        ::waitpid(child, nullptr, 0);
        const std::string gpkg = test::read_text(out / "geowalk.gpkg");
        EXPECT_EQ(test::read_text(out / "summary.json"), gpkg) << "round " << round;
        EXPECT_EQ(test::read_text(out / "maps/overview.png"), gpkg) << "round " << round;
        EXPECT_EQ(test::read_text(out / "notes.docx"), "the user's") << "round " << round;
    }
    EXPECT_GT(snapshots, 0);
    commit_generation(-1);
    EXPECT_EQ(tree(dir.path()), (std::set<std::string>{"out/", "out/geowalk.gpkg", "out/summary.json", "out/maps/",
                                                       "out/maps/overview.png", "out/notes.docx"}));
}

}  // namespace geo::output

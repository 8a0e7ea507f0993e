// Which requests `geowalk serve` answers with a file: a folder with a page, a subfolder, and symlinks pointing in
// and out of it, probed with the traversal tricks a scanner tries.
#include "libgeo/web/request_path.hpp"
#include "support.hpp"

#include <gtest/gtest.h>

#include <fstream>

namespace geo::test {

namespace {

namespace fs = std::filesystem;
using web::PathVerdict;

struct Folder {
    TempDir tmp{"geowalk-serve"};
    fs::path root;
    Folder()
    {
        fs::create_directories(tmp / "web/sub");
        std::ofstream(tmp / "web/index.html") << "<html></html>";
        std::ofstream(tmp / "web/sub/a b.js") << "1;";
        std::ofstream(tmp / "summary.json") << "{}";  // beside web/: must never be served
        fs::create_symlink(tmp / "summary.json", tmp / "web/out.json");
        fs::create_symlink(tmp.path(), tmp / "web/up");
        fs::create_symlink(tmp / "web/index.html", tmp / "web/in.html");
        root = fs::canonical(tmp / "web");
    }
    PathVerdict verdict(std::string_view target) const { return web::resolve_request_path(root, target).verdict; }
};

}  // namespace

TEST(RequestPath, ServesFilesInsideTheFolder)
{
    const Folder f;
    EXPECT_EQ(f.verdict("/"), PathVerdict::file);
    EXPECT_EQ(web::resolve_request_path(f.root, "/").file, f.root / "index.html");
    EXPECT_EQ(f.verdict("/index.html"), PathVerdict::file);
    EXPECT_EQ(f.verdict("/sub/a%20b.js"), PathVerdict::file);
    EXPECT_EQ(f.verdict("/in.html"), PathVerdict::file);  // a symlink that stays inside
}

TEST(RequestPath, RefusesTraversal)
{
    const Folder f;
    for (const char* target : {"/../summary.json", "/sub/../../summary.json", "/%2e%2e/summary.json", "/%2E%2E/summary.json",
                               "/sub%2f..%2f..%2fsummary.json", "/sub%5c..%5c..%5csummary.json", "/..%2fsummary.json",
                               "/./index.html", "//index.html", "/sub\\a b.js", "/%00index.html", "/index.html%",
                               "/%zz", "index.html", "", "/out.json", "/up/summary.json"})
        EXPECT_EQ(f.verdict(target), PathVerdict::forbidden) << target;
}

TEST(RequestPath, MissingFilesAndFoldersAreNotFound)
{
    const Folder f;
    EXPECT_EQ(f.verdict("/nothing.js"), PathVerdict::missing);
    EXPECT_EQ(f.verdict("/sub"), PathVerdict::missing);  // a folder is not listed
    EXPECT_EQ(f.verdict("/sub/"), PathVerdict::forbidden);  // an empty last segment
}

}  // namespace geo::test

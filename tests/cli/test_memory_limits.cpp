// Inputs and rasters too large for the memory geowalk may use are refused with a message that names the file or
// the raster and says what to do, before the run exhausts the machine (issue 6, "limits").
#include "support.hpp"

#include <gtest/gtest.h>

#include <filesystem>

namespace geo::test {

namespace {

std::string sample_campaign() { return "'" + (source_dir() / "data/sample/campaign.toml").string() + "'"; }

}  // namespace

TEST(MemoryLimits, InputsBeyondTheirShareAreRefusedWhileReadingWithTheFileNamed)
{
    // The sample town with its issue list repeated 100 times (200,000 rows, ~25 MB of CSV, far more once loaded).
    TempDir dir;
    std::filesystem::copy(source_dir() / "data/sample", dir.path(), std::filesystem::copy_options::recursive);
    const std::string csv = read_text(source_dir() / "data/sample/issues.csv");
    const std::size_t header_end = csv.find('\n') + 1;
    std::string big = csv.substr(0, header_end);
    for (int copy = 0; copy < 100; ++copy) {
        std::size_t line = header_end;
        while (line < csv.size()) {
            const std::size_t comma = csv.find(',', line);
            const std::size_t end = csv.find('\n', line);
            big += csv.substr(line, comma - line) + "-" + std::to_string(copy) + csv.substr(comma, end + 1 - comma);
            line = end + 1;
        }
    }
    write_text(dir / "issues.csv", big);
    const std::string campaign = "'" + (dir / "campaign.toml").string() + "'";

    // 100 MB leaves 25 MB for the loaded inputs: the sample town's own inputs take under 5 MB (more under
    // AddressSanitizer, which may then stop at a track file), the 200,000 issues far more.
    const auto refused = run_geowalk("validate --quiet " + campaign + " --max-memory 0.1");
    EXPECT_EQ(refused.exit_code, 1) << refused.output;
    EXPECT_NE(refused.output.find("error: " + dir.path().string()), std::string::npos) << "names the file"
                                                                                       << refused.output;
    EXPECT_NE(refused.output.find("the input files are too large for the memory geowalk may use: "), std::string::npos)
        << refused.output;
    EXPECT_NE(refused.output.find("(a quarter of the 100 MB limit)"), std::string::npos) << refused.output;
    EXPECT_NE(refused.output.find("hint: split the campaign"), std::string::npos) << refused.output;
    EXPECT_NE(refused.output.find("or allow more with --max-memory GB (this machine allows "), std::string::npos)
        << refused.output;

    // The sample town itself fits 4 GB (loading it takes under 5 MB, 255 MB under AddressSanitizer).
    const auto fits = run_geowalk("validate --quiet " + sample_campaign() + " --max-memory 4");
    EXPECT_EQ(fits.exit_code, 0) << fits.output;
    EXPECT_NE(fits.output.find("Loaded: 12 villages"), std::string::npos) << fits.output;
}

TEST(MemoryLimits, ARasterTooLargeIsRefusedWithAPixelSizeThatFitsAndNothingIsWritten)
{
    TempDir dir;
    // The sample town (~150 km²) at 0.5 m is ~650 M cells, 3.3 GB for the walk-distance raster (5 bytes a cell).
    const auto refused = run_geowalk("coverage --quiet --no-maps --no-report " + sample_campaign() + " --out '" +
                                     (dir / "out").string() + "' --pixel 0.5 --max-memory 2");
    EXPECT_EQ(refused.exit_code, 1) << refused.output;
    EXPECT_NE(refused.output.find("the walk-distance raster (walk_distance.tif) of "), std::string::npos)
        << refused.output;
    EXPECT_NE(refused.output.find("GB of memory"), std::string::npos) << refused.output;
    EXPECT_NE(refused.output.find("hint: use a pixel size of at least"), std::string::npos) << refused.output;
    EXPECT_FALSE(std::filesystem::exists(dir / "out/summary.json"));
    EXPECT_FALSE(std::filesystem::exists(dir / "out/geowalk.gpkg"));
}

TEST(MemoryLimits, TheLimitIsAPositiveSizeAndEveryLoadingCommandTakesIt)
{
    EXPECT_EQ(run_geowalk("validate " + sample_campaign() + " --max-memory lots").exit_code, 2);
    EXPECT_EQ(run_geowalk("validate " + sample_campaign() + " --max-memory 0").exit_code, 2);
    const auto beyond = run_geowalk("validate " + sample_campaign() + " --max-memory 100000");
    EXPECT_EQ(beyond.exit_code, 2);
    EXPECT_NE(beyond.output.find("is more than this machine allows"), std::string::npos) << beyond.output;
    for (const char* command : {"demo", "run", "coverage", "hotspots", "report", "validate"}) {
        const auto help = run_geowalk(std::string(command) + " --help");
        EXPECT_NE(help.output.find("--max-memory GB"), std::string::npos) << command;
        EXPECT_NE(help.output.find("what this machine allows ("), std::string::npos) << command;
    }
}

}  // namespace geo::test

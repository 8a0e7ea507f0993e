#pragma once
// Paths injected by CMake and small helpers shared by the test files.
#include <gdal_priv.h>

#include <filesystem>
#include <string>

namespace geo::test {

std::filesystem::path source_dir();
// ../shared/reference next to the checkout (real public data; see its README.md).
std::filesystem::path reference_dir();
std::filesystem::path geowalk_binary();

// A fresh empty directory under the system temp folder, removed when the object dies.
class TempDir {
public:
    explicit TempDir(const std::string& prefix = "geowalk-test");
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }
    [[nodiscard]] std::filesystem::path operator/(const std::string& name) const { return m_path / name; }

private:
    std::filesystem::path m_path;
};

// WKT of an EPSG CRS, for writers that take a CRS as WKT.
std::string epsg_wkt(int code);
// Opens a file read-only with GDAL (`kind`: GDAL_OF_RASTER or GDAL_OF_VECTOR); empty when GDAL cannot.
GDALDatasetUniquePtr open_readonly(const std::filesystem::path& file, unsigned int kind = GDAL_OF_RASTER);

void write_text(const std::filesystem::path& file, const std::string& text);
std::string read_text(const std::filesystem::path& file);

struct CommandResult {
    int exit_code;
    std::string output;  // stdout and stderr together
};
// Runs the geowalk binary with the given arguments (shell-quoted by the caller where needed).
CommandResult run_geowalk(const std::string& arguments);
// A shell command line (through popen): its stdout and exit status.
CommandResult run_command(const std::string& command);

// The outputs of `geowalk run data/sample/campaign.toml` (what `geowalk demo` writes), made once per build of the
// binary and shared by the tests that only read them: ctest runs every test in its own process, and a run with
// maps and the report takes a while (minutes under the sanitizers). A lock file keeps parallel tests from making it
// twice. Read only: a test that changes outputs makes its own run.
const std::filesystem::path& sample_run();

}  // namespace geo::test

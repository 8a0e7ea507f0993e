#include "support.hpp"

#include <algorithm>

#include "libgeo/handles/wkt.hpp"

#include <ogr_spatialref.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

namespace geo::test {

std::filesystem::path source_dir() { return GEOWALK_SOURCE_DIR; }
std::filesystem::path reference_dir() { return std::filesystem::path(GEOWALK_SHARED_DIR) / "reference"; }
std::filesystem::path geowalk_binary() { return GEOWALK_BINARY; }

TempDir::TempDir(const std::string& prefix)
{
    std::random_device rd;
    for (int attempt = 0; attempt < 100; ++attempt) {
        auto candidate = std::filesystem::temp_directory_path() / (prefix + "-" + std::to_string(rd()));
        if (std::filesystem::create_directory(candidate)) {
            m_path = candidate;
            return;
        }
    }
    throw std::runtime_error("could not create a temporary directory");
}

TempDir::~TempDir()
{
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
}

std::string epsg_wkt(int code)
{
    OGRSpatialReference srs;
    if (srs.importFromEPSG(code) != OGRERR_NONE) throw std::runtime_error("unknown EPSG code " + std::to_string(code));
    std::string out = geo::crs_wkt(srs);
    if (out.empty()) throw std::runtime_error("cannot export EPSG:" + std::to_string(code) + " as WKT");
    return out;
}

GDALDatasetUniquePtr open_readonly(const std::filesystem::path& file, unsigned int kind)
{
    return GDALDatasetUniquePtr(GDALDataset::Open(file.c_str(), kind | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
}

void write_text(const std::filesystem::path& file, const std::string& text)
{
    std::filesystem::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary);
    out << text;
    if (!out) throw std::runtime_error("could not write " + file.string());
}

std::string read_text(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

CommandResult run_geowalk(const std::string& arguments)
{
    return run_command("'" + geowalk_binary().string() + "' " + arguments + " 2>&1");
}

CommandResult run_command(const std::string& command)
{
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) throw std::runtime_error("popen failed for " + command);
    std::string output;
    std::array<char, 4096> buffer{};
    while (std::size_t n = fread(buffer.data(), 1, buffer.size(), pipe)) output.append(buffer.data(), n);
    const int status = pclose(pipe);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, output};
}

namespace {

// Holds an exclusive flock on a file for its lifetime.
class FileLock {
public:
    explicit FileLock(const std::filesystem::path& file) : m_fd(::open(file.c_str(), O_CREAT | O_RDWR, 0644))
    {
        if (m_fd < 0 || ::flock(m_fd, LOCK_EX) != 0) throw std::runtime_error("cannot lock " + file.string());
    }
    ~FileLock() { ::close(m_fd); }  // closing releases the lock
    FileLock(const FileLock&) = delete;
    FileLock& operator=(const FileLock&) = delete;

private:
    int m_fd;
};

}  // namespace

const std::filesystem::path& sample_run()
{
    static const std::filesystem::path dir = [] {
        const auto out = geowalk_binary().parent_path() / "test-sample-run";
        const auto done = out / ".complete";
        FileLock lock(geowalk_binary().parent_path() / "test-sample-run.lock");
        std::error_code ec;
        // Made by this very binary from the sample as it is: a rebuilt geowalk or a regenerated sample may give
        // different outputs.
        auto newest_input = std::filesystem::last_write_time(geowalk_binary(), ec);
        for (const auto& entry : std::filesystem::recursive_directory_iterator(source_dir() / "data/sample", ec))
            newest_input = std::max(newest_input, entry.last_write_time(ec));
        if (std::filesystem::exists(done, ec) && std::filesystem::last_write_time(done, ec) >= newest_input) return out;
        std::filesystem::remove_all(out, ec);
        // In English, which the tests read back (the sample's Chinese village names would otherwise choose Chinese).
        const auto run = run_geowalk("run --quiet --lang en '" + (source_dir() / "data/sample/campaign.toml").string() +
                                     "' --out '" + out.string() + "'");
        if (run.exit_code != 0) throw std::runtime_error("the sample run failed:\n" + run.output);
        write_text(done, "");
        return out;
    }();
    return dir;
}

}  // namespace geo::test

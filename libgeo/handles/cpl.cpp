#include "libgeo/handles/cpl.hpp"

#include "libgeo/handles/gdal_errors.hpp"

#include <cpl_conv.h>
#include <cpl_string.h>
#include <cpl_vsi.h>

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace geo {

std::optional<std::string> read_vsi_file(const std::string& path, std::size_t max_bytes)
{
    VSILFILE* file = VSIFOpenL(path.c_str(), "rb");
    if (!file) return std::nullopt;
    std::string out;
    char chunk[65536];
    while (out.size() < max_bytes) {
        const std::size_t n = VSIFReadL(chunk, 1, std::min(sizeof chunk, max_bytes - out.size()), file);
        out.append(chunk, n);
        if (n == 0) break;
    }
    VSIFCloseL(file);
    return out;
}

namespace {
std::optional<std::string> recode(const std::string& text, const char* from, const char* to)
{
    char* converted = CPLRecode(text.c_str(), from, to);
    if (!converted) return std::nullopt;
    std::string out(converted);
    CPLFree(converted);
    return out;
}
}  // namespace

std::optional<std::string> recode_exactly(const std::string& text, const char* from, const char* to)
{
    if (text.find('\0') != std::string::npos) return std::nullopt;
    const GdalErrorTrap quiet;  // the "could not be converted" warning; the round trip below is the real check
    auto forth = recode(text, from, to);
    if (!forth) return std::nullopt;
    const auto back = recode(*forth, to, from);
    if (!back || *back != text) return std::nullopt;
    return forth;
}

VsiMemFile::VsiMemFile(std::string path, const std::string& bytes) : m_path(std::move(path))
{
    // VSIFileFromMemBuffer takes ownership of a CPLMalloc'd buffer (bTakeOwnership) and frees it on unlink.
    auto* buffer = static_cast<GByte*>(CPLMalloc(bytes.size() + 1));
    std::copy(bytes.begin(), bytes.end(), buffer);
    buffer[bytes.size()] = 0;
    VSILFILE* file = VSIFileFromMemBuffer(m_path.c_str(), buffer, bytes.size(), TRUE);
    if (!file) {
        CPLFree(buffer);  // not taken over when the call fails
        throw std::runtime_error("cannot create the in-memory file " + std::exchange(m_path, {}));
    }
    VSIFCloseL(file);
}

VsiMemFile::~VsiMemFile() { unlink(); }

VsiMemFile::VsiMemFile(VsiMemFile&& other) noexcept : m_path(std::exchange(other.m_path, {})) {}

VsiMemFile& VsiMemFile::operator=(VsiMemFile&& other) noexcept
{
    if (this != &other) {
        unlink();
        m_path = std::exchange(other.m_path, {});
    }
    return *this;
}

void VsiMemFile::unlink()
{
    if (!m_path.empty()) VSIUnlink(m_path.c_str());
    m_path.clear();
}

}  // namespace geo

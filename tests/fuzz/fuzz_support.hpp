#pragma once
// Shared by the libFuzzer targets: quiet GDAL set-up, in-memory files, and a loud failure for broken invariants.
#include <cpl_error.h>
#include <cpl_vsi.h>
#include <gdal.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace geo::fuzz {

// GDAL's drivers once, and its error messages kept off stderr (they are expected for garbage input; the loaders
// trap them themselves).
inline void init_gdal()
{
    GDALAllRegister();
    CPLSetErrorHandler(CPLQuietErrorHandler);
}

// A broken invariant: print it and abort, so libFuzzer keeps the input as a crash.
[[noreturn]] inline void fail(const char* what, const std::string& detail = {})
{
    std::fprintf(stderr, "invariant broken: %s %s\n", what, detail.c_str());
    std::abort();
}

// Writes bytes to a GDAL in-memory file (/vsimem/...), replacing what was there.
inline void write_vsimem(const std::string& path, std::string_view bytes)
{
    VSILFILE* f = VSIFOpenL(path.c_str(), "wb");
    if (f == nullptr) fail("cannot create", path);
    if (!bytes.empty() && VSIFWriteL(bytes.data(), 1, bytes.size(), f) != bytes.size()) fail("cannot write", path);
    VSIFCloseL(f);
}

// Splits off the first byte of the input as a selector (0 when empty).
inline std::uint8_t take_selector(std::string_view& bytes)
{
    if (bytes.empty()) return 0;
    const auto s = static_cast<std::uint8_t>(bytes.front());
    bytes.remove_prefix(1);
    return s;
}

}  // namespace geo::fuzz

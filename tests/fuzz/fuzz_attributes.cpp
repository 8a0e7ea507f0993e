// CSV issue registers and their attribute/field mapping: [issues.fields] maps roles to column names, unmapped
// roles are found by common English or Chinese names, lon/lat/WKT columns give the geometry, dates, categories
// and statuses are parsed from the cells, and every original attribute is kept. The first byte picks the mapping,
// the rest is the CSV file.
#include "fuzz_load.hpp"

#include <array>

namespace {

// Mappings a planner might write; the empty one relies on the common names only.
const std::array<const char*, 6> mappings{
    "",
    "[issues.fields]\nid = \"编号\"\ncategory = \"类别\"\nstatus = \"状态\"\nfound = \"发现时间\"\n",
    "[issues.fields]\nlon = \"X\"\nlat = \"Y\"\n",
    "[issues.fields]\nwkt = \"shape\"\ncategory = \"walk\"\n",
    "[issues.fields]\ndeadline = \"due\"\nrectified = \"done\"\naccepted = \"ok\"\nresponsible = \"who\"\n",
    "[issues.fields]\nid = \"id\"\nproblem = \"problem\"\nfound = \"found\"\n",
};

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    geo::fuzz::init_gdal();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const std::uint8_t selector = geo::fuzz::take_selector(bytes);
    const std::string coords = (selector & 0x80) != 0 ? "coords = \"gcj02\"\n" : "";
    geo::fuzz::load_in_memory(bytes, "csv",
                              "[villages]\nsource = \"villages.geojson\"\n[issues]\nsource = \"input.csv\"\n" + coords +
                                  mappings[(selector & 0x7f) % mappings.size()]);
    return 0;
}

// Category, status and coordinate-system names on arbitrary text. Invariants: whatever parses names a valid enum
// whose code parses back to it; trim returns a part of its input that trimming again leaves unchanged.
#include "libgeo/core/categories.hpp"
#include "libgeo/crs/gcj02.hpp"
#include "fuzz_support.hpp"

#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const std::string copy(text);

    const std::string_view trimmed = geo::trim(text);
    if (!trimmed.empty() && (trimmed.data() < text.data() || trimmed.data() + trimmed.size() > text.data() + size))
        geo::fuzz::fail("trim returned text outside its input", copy);
    if (geo::trim(trimmed) != trimmed) geo::fuzz::fail("trim is not idempotent", copy);

    if (const auto c = geo::parse_category(text)) {
        const auto i = static_cast<int>(*c);
        if (i < 0 || i >= geo::category_count) geo::fuzz::fail("category out of range", copy);
        if (geo::parse_category(geo::code(*c)) != c) geo::fuzz::fail("category code does not parse back", copy);
        const auto& info = geo::info(*c);
        if (geo::parse_category(info.label_zh) != c || geo::parse_category(info.label_en) != c)
            geo::fuzz::fail("category label does not parse back", copy);
    }
    if (const auto s = geo::parse_status(text)) {
        const auto i = static_cast<int>(*s);
        if (i < 0 || i >= geo::status_count) geo::fuzz::fail("status out of range", copy);
        if (geo::parse_status(geo::code(*s)) != s) geo::fuzz::fail("status code does not parse back", copy);
        const auto& info = geo::info(*s);
        if (geo::parse_status(info.label_zh) != s || geo::parse_status(info.label_en) != s)
            geo::fuzz::fail("status label does not parse back", copy);
    }
    if (const auto coords = geo::crs::parse_china_coords(text))
        if (geo::crs::parse_china_coords(geo::crs::code(*coords)) != coords)
            geo::fuzz::fail("coords code does not parse back", copy);
    return 0;
}

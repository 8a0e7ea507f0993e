// parse_timestamp, parse_utc_offset and the formatters on arbitrary text. Invariants: a parsed instant is finite;
// formatting it and parsing the result at UTC gives the same instant (to the millisecond the formatter keeps)
// whenever the year has four digits; a bare 4-digit year is never a date; a parsed offset is within ±14:00 and
// formatters never crash.
#include "libgeo/core/datetime.hpp"
#include "fuzz_support.hpp"

#include <cmath>
#include <string>

namespace {

// 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the instants whose UTC year has four digits.
constexpr double first_four_digit_year_s = -62135596800.0;
constexpr double last_four_digit_year_s = 253402300799.0;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    // The offset: any minute from -14:00 to +14:00 as the campaign's timezone would allow.
    const int offset = static_cast<int>(geo::fuzz::take_selector(bytes)) * 7 % (2 * 840 + 1) - 840;

    if (geo::is_bare_year(bytes) && geo::parse_timestamp(bytes, offset))
        geo::fuzz::fail("a bare year was read as a date:", std::string(bytes));
    if (const auto t = geo::parse_timestamp(bytes, offset)) {
        if (!std::isfinite(t->seconds)) geo::fuzz::fail("parse_timestamp: not finite", std::string(bytes));
        const std::string utc = geo::format_utc(t->seconds);
        const std::string day = geo::format_local_date(t->seconds, offset);
        if (utc.empty() || day.empty()) geo::fuzz::fail("formatter gave nothing for", std::string(bytes));
        const auto again = geo::parse_timestamp(utc, 0);
        const bool four_digit_year = t->seconds >= first_four_digit_year_s && t->seconds < last_four_digit_year_s;
        if (four_digit_year && !again) geo::fuzz::fail("format_utc output not parseable:", utc);
        if (again && std::abs(again->seconds - t->seconds) > 0.0005 + 1e-9 * std::abs(t->seconds))
            geo::fuzz::fail("format_utc round trip moved the instant:", std::string(bytes) + " -> " + utc);
    }
    if (const auto minutes = geo::parse_utc_offset(bytes))
        if (*minutes < -840 || *minutes > 840) geo::fuzz::fail("offset beyond 14:00:", std::string(bytes));

    // The formatters on the raw bits of the input as a double: NaN, infinities, huge values included.
    if (size >= sizeof(double)) {
        double seconds = 0;
        __builtin_memcpy(&seconds, data, sizeof seconds);
        (void)geo::format_utc(seconds);
        (void)geo::format_local_date(seconds, offset);
    }
    return 0;
}

#include "libgeo/core/datetime.hpp"

#include "libgeo/core/categories.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <initializer_list>

namespace geo {

namespace {

constexpr std::int64_t seconds_per_day = 86400;
// Offsets in real use run from -12:00 to +14:00; anything wider is a typo, not a zone.
constexpr int max_offset_minutes = 14 * 60;
// Past this, seconds * 1000 no longer fits the integer milliseconds the formatters round to.
constexpr double max_formattable_seconds = 1e14;

// Howard Hinnant's days_from_civil: days since 1970-01-01 in the proleptic Gregorian calendar, valid for every
// year, unlike timegm (process time zone, 32-bit time_t on some targets) or mktime (local time).
constexpr std::int64_t days_from_civil(std::int64_t y, int m, int d)
{
    y -= m <= 2 ? 1 : 0;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

struct CivilDate {
    std::int64_t year;
    int month;
    int day;
};

constexpr CivilDate civil_from_days(std::int64_t z)
{
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    return {yoe + era * 400 + (m <= 2 ? 1 : 0), m, d};
}

static_assert(days_from_civil(1970, 1, 1) == 0);
static_assert(days_from_civil(2017, 2, 20) == 17217);
static_assert(civil_from_days(-25567).year == 1900 && civil_from_days(-25567).month == 1);

constexpr bool is_leap(std::int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

constexpr int days_in_month(std::int64_t y, int m)
{
    constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }

constexpr char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

constexpr bool equals_ignoring_ascii_case(std::string_view a, std::string_view b)
{
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
    return true;
}

constexpr int digit_value(std::string_view digits)
{
    int value = 0;
    for (char c : digits) value = value * 10 + (c - '0');
    return value;
}

// Reads "0.<digits>" with from_chars, so the result is correctly rounded and independent of the C locale's
// decimal point. Any number of digits is fine: sub-microsecond ones just disappear in the double.
double fraction_value(std::string_view digits)
{
    if (digits.empty()) return 0;
    std::string text = "0.";
    text.append(digits);
    double value = 0;
    std::from_chars(text.data(), text.data() + text.size(), value);
    return value;
}

// A forward-only reader over the trimmed text; every method consumes only on success.
class Cursor {
public:
    explicit Cursor(std::string_view text) : m_rest(text) {}

    [[nodiscard]] bool done() const { return m_rest.empty(); }
    [[nodiscard]] std::string_view rest() const { return m_rest; }

    bool eat(std::string_view literal)
    {
        if (!m_rest.starts_with(literal)) return false;
        m_rest.remove_prefix(literal.size());
        return true;
    }

    bool eat_any(std::initializer_list<std::string_view> literals)
    {
        for (auto literal : literals)
            if (eat(literal)) return true;
        return false;
    }

    // Between min_count and max_count digits; stops after max_count even if more follow, so the caller's next
    // expectation (a separator, the end) is what rejects "2017-123-1".
    std::optional<int> number(std::size_t min_count, std::size_t max_count)
    {
        std::size_t n = 0;
        while (n < m_rest.size() && n < max_count && is_digit(m_rest[n])) ++n;
        if (n < min_count) return std::nullopt;
        const int value = digit_value(m_rest.substr(0, n));
        m_rest.remove_prefix(n);
        return value;
    }

    std::string_view digit_run()
    {
        std::size_t n = 0;
        while (n < m_rest.size() && is_digit(m_rest[n])) ++n;
        const auto run = m_rest.substr(0, n);
        m_rest.remove_prefix(n);
        return run;
    }

private:
    std::string_view m_rest;
};

constexpr std::string_view ideographic_space = "\xE3\x80\x80";
constexpr std::string_view fullwidth_colon = "\xEF\xBC\x9A";  // U+FF1A, what Chinese input methods type for ':'

struct Fields {
    int year = 0;
    int month = 0;
    int day = 0;
    bool has_time = false;
    int hour = 0;
    int minute = 0;
    int second = 0;
    double fraction = 0;
    std::optional<int> zone_minutes;
};

bool eat_colon(Cursor& c) { return c.eat_any({":", fullwidth_colon}); }

// ".fff" or ",fff" (ISO 8601 allows both); absent is fine, a separator without digits is not.
bool parse_optional_fraction(Cursor& c, double& fraction)
{
    if (!c.eat_any({".", ","})) return true;
    const auto digits = c.digit_run();
    if (digits.empty()) return false;
    fraction = fraction_value(digits);
    return true;
}

// H:MM[:SS[.fff]] or H时MM分SS秒 / H点MM分SS秒.
bool parse_extended_time(Cursor& c, Fields& f)
{
    const auto hour = c.number(1, 2);
    if (!hour) return false;
    f.hour = *hour;
    f.has_time = true;
    if (eat_colon(c)) {
        const auto minute = c.number(2, 2);
        if (!minute) return false;
        f.minute = *minute;
        if (!eat_colon(c)) return true;
        const auto second = c.number(2, 2);
        if (!second) return false;
        f.second = *second;
        return parse_optional_fraction(c, f.fraction);
    }
    if (!c.eat_any({"时", "点"})) return false;
    // The marker of the last field may be left off ("9点30"), as people write it.
    if (c.done() || !is_digit(c.rest().front())) return true;
    f.minute = *c.number(1, 2);
    if (!c.eat("分")) return c.done() || !is_digit(c.rest().front());
    if (c.done() || !is_digit(c.rest().front())) return true;
    f.second = *c.number(1, 2);
    c.eat("秒");
    return true;
}

// The ISO 8601 basic form after YYYYMMDD'T': HHMM[SS[.fff]].
bool parse_basic_time(Cursor& c, Fields& f)
{
    const auto hour = c.number(2, 2);
    const auto minute = hour ? c.number(2, 2) : std::nullopt;
    if (!minute) return false;
    f.has_time = true;
    f.hour = *hour;
    f.minute = *minute;
    if (c.done() || !is_digit(c.rest().front())) return true;
    const auto second = c.number(2, 2);
    if (!second) return false;
    f.second = *second;
    return parse_optional_fraction(c, f.fraction);
}

bool valid_offset(int hours, int minutes)
{
    return minutes < 60 && hours * 60 + minutes <= max_offset_minutes;
}

// Z, ±HH:MM, ±HHMM or ±HH: the zone designators of ISO 8601 (two-digit hours).
std::optional<int> parse_zone(Cursor& c)
{
    if (c.eat_any({"Z", "z"})) return 0;
    const bool negative = c.eat("-");
    if (!negative && !c.eat("+")) return std::nullopt;
    const auto hours = c.number(2, 2);
    if (!hours) return std::nullopt;
    int minutes = 0;
    const bool colon = c.eat(":");
    if (colon || (!c.done() && is_digit(c.rest().front()))) {
        const auto mm = c.number(2, 2);
        if (!mm) return std::nullopt;
        minutes = *mm;
    }
    if (!valid_offset(*hours, minutes)) return std::nullopt;
    return (negative ? -1 : 1) * (*hours * 60 + minutes);
}

bool valid_fields(const Fields& f)
{
    if (f.month < 1 || f.month > 12 || f.day < 1 || f.day > days_in_month(f.year, f.month)) return false;
    // No leap second 60 and no ISO 24:00: neither exists in data we would trust.
    return f.hour <= 23 && f.minute <= 59 && f.second <= 59;
}

Timestamp to_timestamp(const Fields& f, int utc_offset_minutes)
{
    const int offset = f.zone_minutes.value_or(utc_offset_minutes);
    const std::int64_t whole = days_from_civil(f.year, f.month, f.day) * seconds_per_day + f.hour * 3600 +
                               f.minute * 60 + f.second - static_cast<std::int64_t>(offset) * 60;
    return {static_cast<double>(whole) + f.fraction, !f.has_time};
}

// The whole text is digits with an optional fraction: an Excel serial or a compact date (see the header).
std::optional<Timestamp> parse_number(std::string_view integer, std::string_view fraction, bool has_point,
                                      int utc_offset_minutes)
{
    if (integer.size() == 8 || integer.size() == 14) {
        if (has_point) return std::nullopt;
        Fields f;
        f.year = digit_value(integer.substr(0, 4));
        f.month = digit_value(integer.substr(4, 2));
        f.day = digit_value(integer.substr(6, 2));
        if (integer.size() == 14) {
            f.has_time = true;
            f.hour = digit_value(integer.substr(8, 2));
            f.minute = digit_value(integer.substr(10, 2));
            f.second = digit_value(integer.substr(12, 2));
        }
        if (!valid_fields(f)) return std::nullopt;
        return to_timestamp(f, utc_offset_minutes);
    }
    if (integer.empty() || integer.size() > 7 || (has_point && fraction.empty())) return std::nullopt;
    // A year alone ("2017"), not serial 2017 (1905-07-09): see the header.
    if (integer.size() == 4 && !has_point) return std::nullopt;
    const int serial = digit_value(integer);
    // Serial 60 is 1900-02-29, which Excel invented to stay compatible with Lotus 1-2-3's leap-year bug.
    if (serial < 1 || serial > 2958465 || serial == 60) return std::nullopt;
    const std::int64_t epoch_day = serial < 60 ? days_from_civil(1899, 12, 31) : days_from_civil(1899, 12, 30);
    const double time_of_day = std::round(fraction_value(fraction) * seconds_per_day * 1000.0) / 1000.0;
    const std::int64_t local_midnight = (epoch_day + serial) * seconds_per_day;
    const double seconds = static_cast<double>(local_midnight - static_cast<std::int64_t>(utc_offset_minutes) * 60);
    return Timestamp{seconds + time_of_day, !has_point};
}

bool eat_spaces(Cursor& c)
{
    bool any = false;
    while (c.eat_any({" ", ideographic_space})) any = true;
    return any;
}

void append_padded(std::string& out, std::int64_t value, int width)
{
    if (value < 0) {
        out += '-';
        value = -value;
    }
    char buffer[24];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    (void)ec;  // 24 characters hold any int64
    for (auto n = end - buffer; n < width; ++n) out += '0';
    out.append(buffer, end);
}

void append_date(std::string& out, std::int64_t days)
{
    const auto date = civil_from_days(days);
    append_padded(out, date.year, 4);
    out += '-';
    append_padded(out, date.month, 2);
    out += '-';
    append_padded(out, date.day, 2);
}

// Rounds to whole milliseconds first, so 0.9999999 s shows as 1 s, in the time and in the date alike.
std::optional<std::int64_t> to_milliseconds(double seconds)
{
    if (!std::isfinite(seconds) || std::abs(seconds) > max_formattable_seconds) return std::nullopt;
    return std::llround(seconds * 1000.0);
}

constexpr std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - (a % b != 0 && (a < 0) != (b < 0)); }

}  // namespace

std::optional<Timestamp> parse_timestamp(std::string_view text, int utc_offset_minutes)
{
    Cursor c(trim(text));
    if (c.done()) return std::nullopt;

    const auto lead = c.digit_run();
    {
        Cursor number = c;
        const bool has_point = number.eat(".");
        const auto fraction = has_point ? number.digit_run() : std::string_view{};
        if (number.done()) return parse_number(lead, fraction, has_point, utc_offset_minutes);
    }

    Fields f;
    if (lead.size() == 8) {
        // YYYYMMDD'T'HHMM[SS[.fff]]: the only form where a letter follows eight digits.
        if (!c.eat_any({"T", "t"})) return std::nullopt;
        f.year = digit_value(lead.substr(0, 4));
        f.month = digit_value(lead.substr(4, 2));
        f.day = digit_value(lead.substr(6, 2));
        if (!parse_basic_time(c, f)) return std::nullopt;
    } else if (lead.size() == 4) {
        // A four-digit year first is what makes the field order unambiguous; 20/02/2017 never gets here.
        f.year = digit_value(lead);
        bool chinese = false;
        if (c.eat("年")) {
            chinese = true;
            const auto month = c.number(1, 2);
            if (!month || !c.eat("月")) return std::nullopt;
            const auto day = c.number(1, 2);
            if (!day || !c.eat("日")) return std::nullopt;
            f.month = *month;
            f.day = *day;
        } else {
            if (c.done()) return std::nullopt;
            const char separator = c.rest().front();
            if (separator != '-' && separator != '/' && separator != '.' && separator != ':') return std::nullopt;
            const std::string_view sep(&separator, 1);
            c.eat(sep);
            const auto month = c.number(1, 2);
            if (!month || !c.eat(sep)) return std::nullopt;
            const auto day = c.number(1, 2);
            if (!day) return std::nullopt;
            f.month = *month;
            f.day = *day;
        }
        if (!c.done()) {
            const bool separated = c.eat_any({"T", "t"}) || eat_spaces(c);
            if (!separated && !chinese) return std::nullopt;
            if (!parse_extended_time(c, f)) return std::nullopt;
        }
    } else {
        return std::nullopt;
    }

    if (f.has_time && !c.done()) {
        f.zone_minutes = parse_zone(c);
        if (!f.zone_minutes) return std::nullopt;
    }
    if (!c.done() || !valid_fields(f)) return std::nullopt;
    return to_timestamp(f, utc_offset_minutes);
}

bool is_bare_year(std::string_view text)
{
    const auto t = trim(text);
    return t.size() == 4 && is_digit(t[0]) && is_digit(t[1]) && is_digit(t[2]) && is_digit(t[3]);
}

double utc_seconds(int year, int month, int day, int hour, int minute, double second, int utc_offset_minutes)
{
    const std::int64_t whole = days_from_civil(year, month, day) * 86400 + hour * 3600 + minute * 60 -
                               static_cast<std::int64_t>(utc_offset_minutes) * 60;
    return static_cast<double>(whole) + second;
}

std::string format_utc(double seconds)
{
    const auto ms = to_milliseconds(seconds);
    if (!ms) return {};
    const std::int64_t total_seconds = floor_div(*ms, 1000);
    const std::int64_t millis = *ms - total_seconds * 1000;
    const std::int64_t days = floor_div(total_seconds, seconds_per_day);
    const std::int64_t second_of_day = total_seconds - days * seconds_per_day;

    std::string out;
    out.reserve(24);
    append_date(out, days);
    out += 'T';
    append_padded(out, second_of_day / 3600, 2);
    out += ':';
    append_padded(out, second_of_day / 60 % 60, 2);
    out += ':';
    append_padded(out, second_of_day % 60, 2);
    if (millis != 0) {
        out += '.';
        append_padded(out, millis, 3);
    }
    out += 'Z';
    return out;
}

std::string format_local_date(double seconds, int utc_offset_minutes)
{
    const auto ms = to_milliseconds(seconds);
    if (!ms) return {};
    const std::int64_t local_ms = *ms + static_cast<std::int64_t>(utc_offset_minutes) * 60 * 1000;
    std::string out;
    append_date(out, floor_div(local_ms, seconds_per_day * 1000));
    return out;
}

std::string format_local_time(double seconds, int utc_offset_minutes)
{
    const auto ms = to_milliseconds(seconds);
    if (!ms) return {};
    // The local wall clock is UTC shifted by the offset; its text then ends with the offset instead of 'Z'.
    std::string out = format_utc(static_cast<double>(*ms + std::int64_t{utc_offset_minutes} * 60 * 1000) / 1000.0);
    out.pop_back();
    const int minutes = std::abs(utc_offset_minutes);
    out += utc_offset_minutes < 0 ? '-' : '+';
    append_padded(out, minutes / 60, 2);
    out += ':';
    append_padded(out, minutes % 60, 2);
    return out;
}

std::optional<int> parse_utc_offset(std::string_view text)
{
    text = trim(text);
    if (text.empty()) return std::nullopt;
    if (text == "Z" || text == "z") return 0;
    // "UTC+8" is how Chinese software and people name Beijing time; GMT+8 is the same in older software.
    if (text.size() >= 3 && (equals_ignoring_ascii_case(text.substr(0, 3), "UTC") ||
                             equals_ignoring_ascii_case(text.substr(0, 3), "GMT")))
        text.remove_prefix(3);
    Cursor c(text);
    if (c.done()) return 0;
    const bool negative = c.eat("-");
    if (!negative && !c.eat("+")) return std::nullopt;
    const auto hour_digits = c.digit_run();
    int hours = 0;
    int minutes = 0;
    if (hour_digits.size() == 1 || hour_digits.size() == 2) {
        hours = digit_value(hour_digits);
        if (c.eat(":")) {
            const auto mm = c.number(2, 2);
            if (!mm) return std::nullopt;
            minutes = *mm;
        }
    } else if (hour_digits.size() == 4) {
        hours = digit_value(hour_digits.substr(0, 2));
        minutes = digit_value(hour_digits.substr(2, 2));
    } else {
        return std::nullopt;
    }
    if (!c.done() || !valid_offset(hours, minutes)) return std::nullopt;
    return (negative ? -1 : 1) * (hours * 60 + minutes);
}

}  // namespace geo

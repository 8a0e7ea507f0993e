#pragma once
// Dates and times as planners' spreadsheets and phones write them, turned into UTC seconds.
//
// Field work in China records local (Beijing) time without a zone, Excel hands us serial numbers, GPX and APIs
// give ISO 8601 with a zone. Everything becomes seconds since the Unix epoch here, once, so the analyses never
// see text. The calendar is computed with days_from_civil arithmetic (proleptic Gregorian), not timegm/mktime:
// those depend on the process time zone and on a 64-bit time_t, and dates before 1970 must work.
//
// Accepted by parse_timestamp (after trimming ASCII and ideographic U+3000 spaces; Y is always 4 digits):
//   date     YYYY-M-D, YYYY/M/D, YYYY.M.D, YYYY:M:D (EXIF, as phone cameras write it), YYYY年M月D日,
//            YYYYMMDD (exactly 8 digits). Month and day may be unpadded; the separator must not change.
//   time     after the date, separated by 'T' or spaces (spaces optional after 日):
//            H:MM, H:MM:SS, H:MM:SS.fff (any number of fraction digits, '.' or ','; ':' may be full-width '：'),
//            H时MM分SS秒 or H点MM分SS秒 (1-2 digit fields; minutes and seconds optional; the marker of the last
//            field may be left off: "9点30"), or after YYYYMMDD'T' the basic form HHMM[SS[.fff]].
//            YYYYMMDDHHMMSS (exactly 14 digits) is a compact date and time.
//   zone     directly after a time: Z, +HH:MM, +HHMM, +HH (also '-'); without one, utc_offset_minutes applies.
//   Excel    a plain number, 1..7 integer digits with an optional fraction, is a serial of Excel's 1900 date
//            system (see parse_timestamp), except a bare 4-digit number, which is a year (refused).
// Rejected: impossible dates, hour > 23, minute or second > 59 (no leap second 60, no 24:00), a zone on a
// date without time, a day-first or month-first date (20/02/2017: we do not guess the order), anything left over.
#include <optional>
#include <string>
#include <string_view>

namespace geo {

// Seconds since 1970-01-01T00:00:00Z, with fraction. Date-only inputs mean local midnight.
struct Timestamp {
    double seconds;
    bool date_only;  // the text had no time of day; display it as a date, compare it by local day
};

// utc_offset_minutes applies to inputs without an explicit zone (Chinese campaigns: +480).
//
// Bare numbers: 1..7 digits are an Excel serial, exactly 8 digits are YYYYMMDD, exactly 14 YYYYMMDDHHMMSS, any
// other count is rejected. So a 5-digit number such as 42786 is a serial (2017-02-20), never a date. A bare
// 4-digit number ("2017", or an integer cell 2017) is refused: it is a year someone typed without month and day,
// and reading it as serial 2017 (1905-07-09) would put the record in the wrong century without a word (serials of
// 4 digits are 1902-09-26..1927-05-17, dates no campaign records; with a fraction, "2017.5", it stays a serial).
// Serial 1 is 1900-01-01; serial 60 is Excel's non-existent
// 1900-02-29 and is rejected; serials above 60 count from 1899-12-30 (61 = 1900-03-01); the largest is 2958465
// (9999-12-31). The fraction is the time of day, rounded to the millisecond because spreadsheets keep only 15
// significant digits (09:30 comes back as 0.395833333333333). A serial is date_only when it has no fraction.
std::optional<Timestamp> parse_timestamp(std::string_view text, int utc_offset_minutes);

// True when the text (trimmed as parse_timestamp trims) is exactly four ASCII digits: a year alone, which
// parse_timestamp refuses. Readers use it to say so instead of "cannot be read".
bool is_bare_year(std::string_view text);

// Seconds since 1970 UTC of a civil date and time given at utc_offset_minutes (no range checks: callers pass
// fields a reader has already validated, such as OGR's DateTime fields).
double utc_seconds(int year, int month, int day, int hour, int minute, double second, int utc_offset_minutes);

// ISO 8601 UTC text, "2017-02-20T01:30:00Z", rounded to the millisecond; ".fff" only when the milliseconds are
// non-zero. Locale independent. Empty for NaN and infinities.
std::string format_utc(double seconds);

// Local date "2017-02-20" at the given offset (for display and day arithmetic). Rounds to the millisecond first,
// like format_utc, so the two never disagree about which day an instant falls on. Empty for NaN and infinities.
std::string format_local_date(double seconds, int utc_offset_minutes);

// Local time with its offset, ISO 8601: "2017-02-20T10:00:30+08:00" (milliseconds when not whole); empty for NaN
// and infinities.
std::string format_local_time(double seconds, int utc_offset_minutes);

// Parses "+08:00", "+0800", "+08", "+8", "UTC+8", "GMT+8", "UTC+05:30", "-05:30", "Z", "UTC" into minutes
// east of Greenwich. Offsets beyond ±14:00 (the widest in use) are rejected as typos.
std::optional<int> parse_utc_offset(std::string_view text);

}  // namespace geo

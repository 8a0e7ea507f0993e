#include "libgeo/core/datetime.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <ctime>
#include <limits>
#include <string>

// Expected epoch seconds come from GNU date, not from our own arithmetic:
//   date -u -d 2017-02-20T00:00:00Z +%s  ->  1487548800
//   date -u -d 2017-02-19T16:00:00Z +%s  ->  1487520000   (2017-02-20 00:00 at +08:00)
//   date -u -d 2017-02-20T01:00:00Z +%s  ->  1487552400   (09:00 at +08:00)
//   date -u -d 2017-02-20T01:05:00Z +%s  ->  1487552700   (09:05 at +08:00)
//   date -u -d 2017-02-20T01:30:00Z +%s  ->  1487554200   (09:30 at +08:00)
//   date -u -d 2017-02-20T01:30:15Z +%s  ->  1487554215
//   date -u -d 2017-02-20T04:00:00Z +%s  ->  1487563200   (noon at +08:00)
//   date -u -d 2017-02-19T14:30:00Z +%s  ->  1487514600
//   date -u -d 1901-12-13T20:45:52Z +%s  ->  -2147483648  (INT32_MIN: where a 32-bit time_t ends)
//   date -u -d 1900-01-01T00:00:00Z +%s  ->  -2208988800
//   date -u -d 1900-02-28T00:00:00Z +%s  ->  -2203977600
//   date -u -d 1900-03-01T00:00:00Z +%s  ->  -2203891200
//   date -u -d 1905-07-09T00:00:00Z +%s  ->  -2034892800  (date -u -d "1899-12-30 + 2017 days" +%F -> 1905-07-09)
//   date -u -d 9999-12-31T00:00:00Z +%s  ->  253402214400
namespace geo {

namespace {

constexpr int beijing = 480;
constexpr double local_midnight_20170220 = 1487520000;  // 2017-02-20 00:00 +08:00
constexpr double utc_0130_20170220 = 1487554200;        // 2017-02-20 09:30 +08:00

// Parses and checks both the instant and whether the text carried a time of day.
void expect_parsed(std::string_view text, int offset, double seconds, bool date_only)
{
    SCOPED_TRACE(std::string(text));
    const auto t = parse_timestamp(text, offset);
    ASSERT_TRUE(t.has_value());
    EXPECT_NEAR(t->seconds, seconds, 1e-6);
    EXPECT_EQ(t->date_only, date_only);
}

void expect_rejected(std::string_view text)
{
    EXPECT_FALSE(parse_timestamp(text, beijing).has_value()) << "accepted: '" << text << "'";
}

}  // namespace

TEST(ParseTimestamp, IsoDateIsLocalMidnight)
{
    expect_parsed("2017-02-20", beijing, local_midnight_20170220, true);
    expect_parsed("2017-02-20", 0, 1487548800, true);
    expect_parsed("2017-2-20", beijing, local_midnight_20170220, true);
}

TEST(ParseTimestamp, IsoDateTimeWithoutZoneUsesTheOffset)
{
    expect_parsed("2017-02-20T09:30", beijing, utc_0130_20170220, false);
    expect_parsed("2017-02-20t09:30", beijing, utc_0130_20170220, false);
    expect_parsed("2017-02-20 09:30:15", beijing, 1487554215, false);
    expect_parsed("2017-02-20  09:30:00", beijing, utc_0130_20170220, false);
    expect_parsed("2017-02-20T09:30", 0, 1487548800 + 9 * 3600 + 30 * 60, false);
}

TEST(ParseTimestamp, ExplicitZoneWinsOverTheOffset)
{
    // The offset argument is deliberately wrong (-05:00) to show it is ignored.
    expect_parsed("2017-02-20T01:30:00Z", -300, utc_0130_20170220, false);
    expect_parsed("2017-02-20T01:30z", -300, utc_0130_20170220, false);
    expect_parsed("2017-02-20T09:30:00+08:00", -300, utc_0130_20170220, false);
    expect_parsed("2017-02-20T09:30:00+0800", -300, utc_0130_20170220, false);
    expect_parsed("2017-02-20T09:30+08", -300, utc_0130_20170220, false);
    expect_parsed("2017-02-20T07:00:00+05:30", -300, utc_0130_20170220, false);
    expect_parsed("2017-02-19T20:30:00-05:00", beijing, utc_0130_20170220, false);
    expect_parsed("2017-02-20T01:30:00-00:00", beijing, utc_0130_20170220, false);
}

TEST(ParseTimestamp, FractionalSecondsOfAnyLength)
{
    expect_parsed("2017-02-20T01:30:00.5Z", 0, utc_0130_20170220 + 0.5, false);
    expect_parsed("2017-02-20T01:30:00,25Z", 0, utc_0130_20170220 + 0.25, false);
    expect_parsed("2017-02-20T09:30:00.123+08:00", 0, utc_0130_20170220 + 0.123, false);
    expect_parsed("1969-12-31T23:59:59.999Z", 0, -0.001, false);
    expect_parsed("2017-02-20T01:30:00.000000000000000000001Z", 0, utc_0130_20170220, false);
}

TEST(ParseTimestamp, Year1901WithSevenFractionDigits)
{
    // One step past INT32_MIN seconds: timegm with a 32-bit time_t, or any int arithmetic, breaks here.
    const auto t = parse_timestamp("1901-12-13T20:45:52.2073437Z", beijing);
    ASSERT_TRUE(t.has_value());
    EXPECT_NEAR(t->seconds, -2147483648.0 + 0.2073437, 1e-6);
    EXPECT_FALSE(t->date_only);
    EXPECT_EQ(format_utc(t->seconds), "1901-12-13T20:45:52.207Z");
}

TEST(ParseTimestamp, SlashesAndDotsWithUnpaddedFields)
{
    expect_parsed("2017/2/20", beijing, local_midnight_20170220, true);
    expect_parsed("2017/02/20", beijing, local_midnight_20170220, true);
    expect_parsed("2017/02/20 9:05", beijing, 1487552700, false);
    expect_parsed("2017/2/20 09:30:15", beijing, 1487554215, false);
    expect_parsed("2017.2.20", beijing, local_midnight_20170220, true);
    expect_parsed("2017.02.20 9:30", beijing, utc_0130_20170220, false);
}

TEST(ParseTimestamp, ExifDateFromPhoneCameras)
{
    expect_parsed("2017:02:20 09:30:00", beijing, utc_0130_20170220, false);
    expect_parsed("2017:02:20", beijing, local_midnight_20170220, true);
}

TEST(ParseTimestamp, CompactForms)
{
    expect_parsed("20170220", beijing, local_midnight_20170220, true);
    expect_parsed("20170220093000", beijing, utc_0130_20170220, false);
    expect_parsed("20170220T093000", beijing, utc_0130_20170220, false);
    expect_parsed("20170220T0930", beijing, utc_0130_20170220, false);
    expect_parsed("20170220T093015.5", beijing, 1487554215.5, false);
    expect_parsed("20170220T013000Z", -300, utc_0130_20170220, false);
    expect_parsed("20170220T093000+0800", -300, utc_0130_20170220, false);
}

TEST(ParseTimestamp, ChineseForms)
{
    expect_parsed("2017年2月20日", beijing, local_midnight_20170220, true);
    expect_parsed("2017年02月20日", beijing, local_midnight_20170220, true);
    expect_parsed("2017年2月20日 9时30分", beijing, utc_0130_20170220, false);
    expect_parsed("2017年2月20日9时30分", beijing, utc_0130_20170220, false);
    expect_parsed("2017年2月20日9:30", beijing, utc_0130_20170220, false);
    expect_parsed("2017年02月20日 09:30:00", beijing, utc_0130_20170220, false);
    expect_parsed("2017年2月20日 9点30分15秒", beijing, 1487554215, false);
    expect_parsed("2017年2月20日 9时30分15秒", beijing, 1487554215, false);
    expect_parsed("2017年2月20日 9点", beijing, 1487552400, false);
    expect_parsed("2017年2月20日 9点30", beijing, utc_0130_20170220, false);
    expect_parsed("2017年2月20日 9时5分", beijing, 1487552700, false);
    expect_parsed("2017年2月20日 9点30分15", beijing, 1487554215, false);
    // Ideographic space between date and time, full-width colon: both come from Chinese input methods.
    expect_parsed("2017年2月20日\xE3\x80\x80" "9:30", beijing, utc_0130_20170220, false);
    expect_parsed("2017年2月20日 9\xEF\xBC\x9A" "30", beijing, utc_0130_20170220, false);
    expect_parsed("2017-02-20 9时30分", beijing, utc_0130_20170220, false);
}

TEST(ParseTimestamp, TrimsAsciiAndIdeographicSpaces)
{
    expect_parsed("  2017-02-20 09:30\t\n", beijing, utc_0130_20170220, false);
    expect_parsed("\xE3\x80\x80 2017年2月20日 \xE3\x80\x80", beijing, local_midnight_20170220, true);
    expect_parsed("\xE3\x80\x80" "42786\xE3\x80\x80", beijing, local_midnight_20170220, true);
}

TEST(ParseTimestamp, ExcelSerials)
{
    expect_parsed("42786", beijing, local_midnight_20170220, true);
    expect_parsed("42786", 0, 1487548800, true);
    expect_parsed("42786.5", beijing, 1487563200, false);
    // 09:30 as a spreadsheet prints it (15 significant digits): rounding to the millisecond restores 09:30:00.
    expect_parsed("42786.3958333333", beijing, utc_0130_20170220, false);
    expect_parsed("42786.0", beijing, local_midnight_20170220, false);
    expect_parsed("25569", 0, 0, true);  // Excel's serial for 1970-01-01
    expect_parsed("1", 0, -2208988800, true);
    expect_parsed("1", beijing, -2208988800 - 28800, true);
    expect_parsed("59", 0, -2203977600, true);
    expect_parsed("61", 0, -2203891200, true);
    expect_parsed("61", beijing, -2203891200 - 28800, true);
    expect_parsed("2958465", 0, 253402214400, true);
    expect_parsed("2958465.5", 0, 253402214400 + 43200, false);
    expect_parsed("0042786", beijing, local_midnight_20170220, true);
    // Four digits with a fraction are still a serial: 2017.5 days after 1899-12-30 is 1905-07-09 12:00.
    expect_parsed("2017.5", 0, -2034892800 + 43200, false);
    // The neighbours of the refused 4-digit range stay serials: 999 = 1902-09-25
    // (`date -u -d '1899-12-30 + 999 days' +%s` = -2122848000), 10000 = 1927-05-18 (-1345161600).
    expect_parsed("999", 0, -2122848000, true);
    expect_parsed("10000", 0, -1345161600, true);
}

TEST(ParseTimestamp, BareYearIsRefusedNotReadAsSerial)
{
    // Someone typed the year alone; as serial 2017 it would silently be 1905-07-09.
    expect_rejected("2017");
    expect_rejected(" 2017 ");
    expect_rejected("1999");
    expect_rejected("1000");
    expect_rejected("9999");
    EXPECT_TRUE(is_bare_year("2017"));
    EXPECT_TRUE(is_bare_year("\xE3\x80\x80" "2017 "));
    EXPECT_FALSE(is_bare_year("42786"));
    EXPECT_FALSE(is_bare_year("201"));
    EXPECT_FALSE(is_bare_year("2017.5"));
    EXPECT_FALSE(is_bare_year("2017-02-20"));
}

TEST(ParseTimestamp, ExcelSerialsRejected)
{
    expect_rejected("60");  // 1900-02-29, which never existed
    expect_rejected("60.5");
    expect_rejected("0");
    expect_rejected("0.5");
    expect_rejected("2958466");
    expect_rejected("42786.");
    expect_rejected(".5");
    expect_rejected("-1");
    expect_rejected("+42786");
    expect_rejected("4.2786e4");
    expect_rejected("42,786");
    expect_rejected("20170220.5");  // 8 digits are a compact date, which has no fraction
    expect_rejected("201702201");   // 9 digits: neither a serial nor a compact date
    expect_rejected("201702200930");
}

TEST(ParseTimestamp, RejectsInvalidCalendarDatesAndTimes)
{
    expect_rejected("2017-02-30");
    expect_rejected("2017-02-29");
    expect_rejected("1900-02-29");
    expect_rejected("2017-13-01");
    expect_rejected("2017-00-10");
    expect_rejected("2017-02-00");
    expect_rejected("2017-04-31");
    expect_rejected("2017年2月30日");
    expect_rejected("20170230");
    expect_rejected("20171301");
    expect_rejected("20170220T2500");
    expect_rejected("20170220240000");
    expect_rejected("2017-02-20T24:00");
    expect_rejected("2017-02-20T23:60");
    expect_rejected("2017-02-20T23:59:60");  // no leap seconds
    expect_rejected("2017年2月20日 25时");
    expect_rejected("2017年2月20日 9时60分");
    expect_rejected("2017年2月20日 9时30分60秒");
    expect_parsed("2016-02-29", 0, 1456704000, true);  // date -u -d 2016-02-29 +%s
    expect_parsed("2000-02-29", 0, 951782400, true);   // date -u -d 2000-02-29 +%s
}

TEST(ParseTimestamp, RejectsAmbiguousAndMalformedText)
{
    expect_rejected("");
    expect_rejected("   ");
    expect_rejected("\xE3\x80\x80");
    expect_rejected("hello");
    expect_rejected("20/02/2017");  // day first: we do not guess the order
    expect_rejected("02/20/2017");  // month first
    expect_rejected("20.02.2017");
    expect_rejected("20-02-2017");
    expect_rejected("17-02-20");
    expect_rejected("2017-02/20");
    expect_rejected("2017-02");
    expect_rejected("2017-123-1");
    expect_rejected("2017年2月20");
    expect_rejected("2017年2月");
    expect_rejected("09:30");
    expect_rejected("2017-02-20x");
    expect_rejected("2017-02-20T");
    expect_rejected("2017-02-20T09");
    expect_rejected("2017-02-20T9:5");
    expect_rejected("2017-02-20T09:305");
    expect_rejected("2017-02-20T09:30:00.");
    expect_rejected("2017-02-20T09:30:00.5.5");
    expect_rejected("2017-02-20T09:30 garbage");
    expect_rejected("2017-02-20T09:30:00+08:00x");
    expect_rejected("2017-02-20T09:30:00Z+08:00");
    expect_rejected("2017-02-20 09:30 +08:00");
    expect_rejected("2017-02-20T09:30+8");
    expect_rejected("2017-02-20T09:30+08:0");
    expect_rejected("2017-02-20T09:30+08:60");
    expect_rejected("2017-02-20T09:30+15:00");
    expect_rejected("2017-02-20Z");  // a zone needs a time of day
    expect_rejected("2017-02-20\t09:30");
    expect_rejected("2017-02-2009:30");
    expect_rejected("20170220 093000");
    expect_rejected("20170220T9");
    expect_rejected("20170220T093");
    expect_rejected("2017年2月20日 9时30分15秒x");
    expect_rejected("2017年2月20日 9时123分");
}

TEST(FormatUtc, WholeSecondsAndMillisecondsOnlyWhenNonZero)
{
    EXPECT_EQ(format_utc(utc_0130_20170220), "2017-02-20T01:30:00Z");
    EXPECT_EQ(format_utc(utc_0130_20170220 + 0.5), "2017-02-20T01:30:00.500Z");
    EXPECT_EQ(format_utc(utc_0130_20170220 + 0.0004), "2017-02-20T01:30:00Z");
    EXPECT_EQ(format_utc(0.9996), "1970-01-01T00:00:01Z");  // rounding carries into the second
    EXPECT_EQ(format_utc(0), "1970-01-01T00:00:00Z");
    EXPECT_EQ(format_utc(-0.001), "1969-12-31T23:59:59.999Z");
    EXPECT_EQ(format_utc(-1), "1969-12-31T23:59:59Z");
    EXPECT_EQ(format_utc(-2208988800), "1900-01-01T00:00:00Z");
    EXPECT_EQ(format_utc(253402214400 + 86399), "9999-12-31T23:59:59Z");
    EXPECT_EQ(format_utc(std::numeric_limits<double>::quiet_NaN()), "");
    EXPECT_EQ(format_utc(std::numeric_limits<double>::infinity()), "");
    EXPECT_EQ(format_utc(1e300), "");
}

TEST(FormatLocalTime, WallClockWithItsOffset)
{
    // 1487548800 is 2017-02-20T00:00:00Z (GNU date -u -d @1487548800).
    EXPECT_EQ(format_local_time(1487548800, 480), "2017-02-20T08:00:00+08:00");
    EXPECT_EQ(format_local_time(1487548800 + 30.25, 480), "2017-02-20T08:00:30.250+08:00");
    EXPECT_EQ(format_local_time(1487548800, -330), "2017-02-19T18:30:00-05:30");
    EXPECT_EQ(format_local_time(1487548800, 0), "2017-02-20T00:00:00+00:00");
    EXPECT_EQ(format_local_time(std::numeric_limits<double>::quiet_NaN(), 480), "");
    // It reads back as the same instant.
    const auto back = parse_timestamp(format_local_time(1487548800 + 3723, 480), 0);
    ASSERT_TRUE(back);
    EXPECT_EQ(back->seconds, 1487548800 + 3723);
}

TEST(FormatLocalDate, DayAtTheOffset)
{
    EXPECT_EQ(format_local_date(local_midnight_20170220, beijing), "2017-02-20");
    EXPECT_EQ(format_local_date(local_midnight_20170220 - 1, beijing), "2017-02-19");
    EXPECT_EQ(format_local_date(local_midnight_20170220, 0), "2017-02-19");
    EXPECT_EQ(format_local_date(1487548800, -300), "2017-02-19");
    EXPECT_EQ(format_local_date(1487514600, -330), "2017-02-19");
    EXPECT_EQ(format_local_date(-2147483648.0 + 0.2073437, 0), "1901-12-13");
    EXPECT_EQ(format_local_date(-0.0001, 0), "1970-01-01");  // rounds like format_utc, which says 00:00:00
    EXPECT_EQ(format_local_date(std::numeric_limits<double>::quiet_NaN(), 0), "");
}

TEST(FormatUtc, RoundTripsThroughParse)
{
    for (double seconds : {0.0, -0.001, 1487554200.5, -2147483647.793, 253402300799.999, -2208988800.0}) {
        const auto text = format_utc(seconds);
        const auto back = parse_timestamp(text, beijing);
        ASSERT_TRUE(back.has_value()) << text;
        EXPECT_NEAR(back->seconds, seconds, 1e-6) << text;
    }
    for (const char* text : {"2017-02-20", "1901-12-13", "1900-03-01", "9999-12-31"}) {
        for (int offset : {beijing, 0, -300, 345, 840, -720}) {
            const auto t = parse_timestamp(text, offset);
            ASSERT_TRUE(t.has_value());
            EXPECT_EQ(format_local_date(t->seconds, offset), text) << offset;
        }
    }
}

// glibc's gmtime_r (64-bit time_t) is the independent oracle: every day from 1900 to 2100, written in several of
// the accepted forms, must parse to the instant glibc started from and format back to the same text.
TEST(ParseTimestamp, AgreesWithGmtimeEveryDayFrom1900To2100)
{
    static_assert(sizeof(std::time_t) >= 8, "the oracle needs a 64-bit time_t");
    const std::time_t first = -2208988800;  // 1900-01-01
    const std::time_t last = 4133980800;    // 2101-01-01, date -u -d 2101-01-01 +%s
    int day = 0;
    for (std::time_t t = first; t < last; t += 86400, ++day) {
        const std::time_t instant = t + (day * 7919) % 86400;  // a different time of day each day
        std::tm tm{};
        ASSERT_NE(gmtime_r(&instant, &tm), nullptr);
        const int y = tm.tm_year + 1900;
        const int mo = tm.tm_mon + 1;
        char iso[40];
        char slashes[40];
        char chinese[80];
        char compact[40];
        std::snprintf(iso, sizeof iso, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, mo, tm.tm_mday, tm.tm_hour, tm.tm_min,
                      tm.tm_sec);
        std::snprintf(slashes, sizeof slashes, "%d/%d/%d %d:%02d:%02d", y, mo, tm.tm_mday, tm.tm_hour, tm.tm_min,
                      tm.tm_sec);
        std::snprintf(chinese, sizeof chinese, "%d年%d月%d日 %d时%d分%d秒", y, mo, tm.tm_mday, tm.tm_hour, tm.tm_min,
                      tm.tm_sec);
        std::snprintf(compact, sizeof compact, "%04d%02d%02d%02d%02d%02d", y, mo, tm.tm_mday, tm.tm_hour, tm.tm_min,
                      tm.tm_sec);
        for (const char* text : {iso, slashes, chinese, compact}) {
            const auto parsed = parse_timestamp(text, 0);
            ASSERT_TRUE(parsed.has_value()) << text;
            ASSERT_EQ(parsed->seconds, static_cast<double>(instant)) << text;
        }
        ASSERT_EQ(format_utc(static_cast<double>(instant)), iso);
        ASSERT_EQ(format_local_date(static_cast<double>(instant), 0), std::string(iso, 10));
    }
}

TEST(ParseUtcOffset, AcceptedSpellings)
{
    EXPECT_EQ(parse_utc_offset("+08:00"), 480);
    EXPECT_EQ(parse_utc_offset("+0800"), 480);
    EXPECT_EQ(parse_utc_offset("+08"), 480);
    EXPECT_EQ(parse_utc_offset("+8"), 480);
    EXPECT_EQ(parse_utc_offset("UTC+8"), 480);
    EXPECT_EQ(parse_utc_offset("utc+8"), 480);
    EXPECT_EQ(parse_utc_offset("UTC+08:00"), 480);
    EXPECT_EQ(parse_utc_offset("GMT+8"), 480);
    EXPECT_EQ(parse_utc_offset(" UTC+8\xE3\x80\x80"), 480);
    EXPECT_EQ(parse_utc_offset("-05:30"), -330);
    EXPECT_EQ(parse_utc_offset("UTC-5"), -300);
    EXPECT_EQ(parse_utc_offset("+05:45"), 345);
    EXPECT_EQ(parse_utc_offset("+14:00"), 840);
    EXPECT_EQ(parse_utc_offset("-12:00"), -720);
    EXPECT_EQ(parse_utc_offset("-00:00"), 0);
    EXPECT_EQ(parse_utc_offset("Z"), 0);
    EXPECT_EQ(parse_utc_offset("z"), 0);
    EXPECT_EQ(parse_utc_offset("UTC"), 0);
    EXPECT_EQ(parse_utc_offset("GMT"), 0);
}

TEST(ParseUtcOffset, Rejections)
{
    for (const char* text : {"", " ", "+", "-", "8", "0800", "08:00", "+800", "+080000", "+08:0", "+08:60", "+8:5",
                             "+15", "+14:01", "-15:00", "UTC+", "UTC 8", "UTC+8x", "+08:00x", "ZZ", "Z+8", "Beijing",
                             "UTC+８"}) {
        EXPECT_FALSE(parse_utc_offset(text).has_value()) << "accepted: '" << text << "'";
    }
}

}  // namespace geo

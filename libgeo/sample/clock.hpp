#pragma once
// Campaign time for the sample town: seconds since the Unix epoch (UTC), shown in Zhangye local time (UTC+8), and
// the date spellings found in township registers.
#include <cstdint>
#include <string>

namespace geo::sample {

using Seconds = std::int64_t;
inline constexpr Seconds k_minute = 60;
inline constexpr Seconds k_hour = 3600;
inline constexpr Seconds k_day = 86400;
inline constexpr Seconds k_utc_offset = 8 * k_hour;

struct Civil {
    int year = 1970;
    unsigned month = 1;
    unsigned day = 1;
    int hour = 0;
    int minute = 0;
    int second = 0;
};

// A local (UTC+8) calendar time as UTC seconds.
Seconds from_local(int year, unsigned month, unsigned day, int hour = 0, int minute = 0, int second = 0);
Civil to_local(Seconds t);
Civil to_utc(Seconds t);
// Midnight local time of the day holding t.
Seconds local_midnight(Seconds t);

// The walks ran for three weeks from Monday 2017-02-20.
Seconds campaign_start();
inline constexpr int k_campaign_days = 21;

// iso: "2017-02-21 10:35"; slashes: "2017/2/21 10:35"; chinese: "2017年2月21日 10:35".
enum class DateStyle { iso, slashes, chinese };
std::string format_local_minute(Seconds t, DateStyle style);
// The same spellings without the time of day.
std::string format_local_date(Seconds t, DateStyle style);

}  // namespace geo::sample

#include "libgeo/sample/clock.hpp"

#include <chrono>
#include <cstdio>

namespace geo::sample {

namespace {

Civil civil(Seconds t)
{
    using namespace std::chrono;
    const sys_seconds at{seconds{t}};
    const sys_days day = floor<days>(at);
    const year_month_day ymd{day};
    const hh_mm_ss<seconds> hms{at - day};
    return {static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
            static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
            static_cast<int>(hms.seconds().count())};
}

}  // namespace

Seconds from_local(int year, unsigned month, unsigned day, int hour, int minute, int second)
{
    using namespace std::chrono;
    const sys_days d{std::chrono::year{year} / std::chrono::month{month} / std::chrono::day{day}};
    return d.time_since_epoch().count() * k_day + hour * k_hour + minute * k_minute + second - k_utc_offset;
}

Civil to_local(Seconds t) { return civil(t + k_utc_offset); }
Civil to_utc(Seconds t) { return civil(t); }

Seconds local_midnight(Seconds t)
{
    const Civil c = to_local(t);
    return from_local(c.year, c.month, c.day);
}

Seconds campaign_start() { return from_local(2017, 2, 20); }

std::string format_local_date(Seconds t, DateStyle style)
{
    const Civil c = to_local(t);
    char text[48];
    switch (style) {
    case DateStyle::iso: std::snprintf(text, sizeof text, "%04d-%02u-%02u", c.year, c.month, c.day); break;
    case DateStyle::slashes: std::snprintf(text, sizeof text, "%d/%u/%u", c.year, c.month, c.day); break;
    case DateStyle::chinese: std::snprintf(text, sizeof text, "%d年%u月%u日", c.year, c.month, c.day); break;
    }
    return text;
}

std::string format_local_minute(Seconds t, DateStyle style)
{
    const Civil c = to_local(t);
    char clock[32];
    std::snprintf(clock, sizeof clock, " %02d:%02d", c.hour, c.minute);
    return format_local_date(t, style) + clock;
}

}  // namespace geo::sample

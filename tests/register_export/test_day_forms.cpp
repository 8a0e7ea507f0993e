// A day's forms from the register's state: every village gets its forms; the day's list holds exactly the issues
// found that local day and the register every issue found up to it (or undated), both in id order; dates are cut to
// the local date written in the register, whatever its offset. The oracle is a plain filter over the same issues.
#include "libgeo/core/error.hpp"
#include "libgeo/register_export/day_forms.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <random>
#include <string>
#include <vector>

namespace geo::reg {
namespace {

StoredIssue issue(const std::string& id, const std::string& village, const std::string& found_at)
{
    StoredIssue s;
    s.record.id = id;
    s.record.set(Field::village, village);
    s.record.set(Field::found_at, found_at);
    s.record.set(Field::status, "assigned");
    s.record.set(Field::deadline, "2017-03-01T00:00:00+08:00");
    s.record.set(Field::lon, "100.4019051");
    s.record.set(Field::lat, "38.9382939");
    return s;
}

std::vector<Village> villages_named(const std::vector<std::string>& names)
{
    std::vector<Village> out;
    for (std::size_t i = 0; i < names.size(); ++i) out.push_back({static_cast<int>(i) + 1, names[i], {}, {}, {}});
    return out;
}

TEST(DayForms, EachVillageHasTheDaysIssuesAndEveryIssueUpToTheDay)
{
    const std::vector<std::string> names{"东五村", "中沟村", "光明村"};
    std::map<std::string, StoredIssue> issues;
    std::mt19937 rng(7);
    std::uniform_int_distribution<int> day_of(18, 23), village_of(0, 3), hour_of(0, 23);
    for (int i = 0; i < 300; ++i) {
        char id[16];
        std::snprintf(id, sizeof id, "GJ-%04d", i);
        const int v = village_of(rng);  // 3: a village the campaign does not know
        char when[40];
        std::snprintf(when, sizeof when, "2017-02-%02dT%02d:15:00+08:00", day_of(rng), hour_of(rng));
        issues.emplace(id, issue(id, v < 3 ? names[static_cast<std::size_t>(v)] : "外村", i % 29 == 0 ? "" : when));
    }
    const std::string day = "2017-02-20";
    const DayForms forms = day_forms(issues, villages_named(names), day);
    ASSERT_EQ(forms.villages.size(), names.size());
    int outside = 0;
    for (const auto& [id, s] : issues) outside += s.record.get(Field::village) == "外村" ? 1 : 0;
    EXPECT_EQ(forms.outside_villages, outside);
    for (std::size_t v = 0; v < names.size(); ++v) {
        SCOPED_TRACE(names[v]);
        const VillageRegister& form = forms.villages[v];
        EXPECT_EQ(form.village, names[v]);
        EXPECT_EQ(form.day, day);
        std::vector<std::string> of_day, cumulative;
        for (const auto& [id, s] : issues) {  // ids in order, as the map holds them
            if (s.record.get(Field::village) != names[v]) continue;
            const std::string found = s.record.get(Field::found_at);
            if (found.rfind(day, 0) == 0) of_day.push_back(id);
            if (found.empty() || found.substr(0, 10) <= day) cumulative.push_back(id);
        }
        ASSERT_EQ(form.rows_of_day.size(), of_day.size());
        ASSERT_EQ(form.rows_cumulative.size(), cumulative.size());
        for (std::size_t k = 0; k < of_day.size(); ++k) EXPECT_EQ(form.rows_of_day[k].issue_id, of_day[k]);
        for (std::size_t k = 0; k < cumulative.size(); ++k) EXPECT_EQ(form.rows_cumulative[k].issue_id, cumulative[k]);
    }
}

TEST(DayForms, ARowShowsLocalDatesAndThePosition)
{
    StoredIssue s = issue("GJ-1", "东五村", "2017-02-20T09:58:31+08:00");
    s.lookback_due = "2017-04-02T18:00:00+08:00";
    const RegisterRow row = register_row(s);
    EXPECT_EQ(row.found_at, "2017-02-20 09:58");
    EXPECT_EQ(row.deadline, "2017-03-01");
    EXPECT_EQ(row.lookback_due, "2017-04-02");
    EXPECT_EQ(row.location, "100.4019051, 38.9382939");
    EXPECT_EQ(row.status, "assigned");
}

TEST(DayForms, ADayThatIsNoDateIsAUsageError)
{
    EXPECT_THROW(day_forms({}, villages_named({"东五村"}), "2017-2-20"), UsageError);
    EXPECT_THROW(day_forms({}, villages_named({"东五村"}), "20/02/2017"), UsageError);
    EXPECT_EQ(day_forms({}, villages_named({"东五村"}), "2017-02-20").villages.size(), 1u);
}

}  // namespace
}  // namespace geo::reg

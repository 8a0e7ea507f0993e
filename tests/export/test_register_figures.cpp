// summary.json `register`: by village, by unit, median days, phases and look-back, against a recount written the
// plain way (every issue against every group, a full sort for the medians).
#include "libgeo/core/datetime.hpp"
#include "libgeo/export/register_figures.hpp"

#include <gtest/gtest.h>

#include <random>

namespace geo::output {

namespace {

double day(int d) { return utc_seconds(2017, 2, 20, 0, 0, 0, 480) + d * 86400.0; }

TEST(RegisterFigures, GroupsMediansPhasesAndLookbackMatchAPlainRecount)
{
    Campaign c;
    c.villages.resize(3);
    c.villages[0].name = "甲村";
    c.villages[1].name = "乙村";
    c.villages[2].name = "丙村";
    std::mt19937 random(21);
    const char* units[] = {"镇环卫所", "村委会", ""};
    for (int k = 0; k < 60; ++k) {
        Issue i;
        i.code = "I" + std::to_string(k);
        i.village = static_cast<int>(random() % 2);  // 丙村 stays empty
        i.status = static_cast<Status>(random() % 6);
        i.responsible = "人" + std::to_string(k % 4);
        i.found = day(static_cast<int>(random() % 10));
        i.deadline = day(10 + static_cast<int>(random() % 40));
        if (random() % 3 != 0) i.rectified = *i.found + static_cast<double>(random() % 3000000);
        if (i.rectified && random() % 2) i.accepted = *i.rectified + static_cast<double>(random() % 500000);
        if (const char* u = units[k % 3]; *u) i.attributes.push_back({"unit", std::string(u)});
        if (k % 7 == 0) i.attributes.push_back({"lookback_at", std::string("2017-04-01")});
        c.issues.push_back(i);
    }
    RegisterFigureOptions options;
    options.phases = {{"集中整改", day(0), day(30)}, {"验收", day(30), day(60)}};
    const Json r = register_section(c, options);
    const double as_of = *last_record(c);

    ASSERT_EQ(r.at("by_village").size(), 3U);
    for (std::size_t v = 0; v < 3; ++v) {
        long long total = 0, overdue = 0;
        for (const auto& i : c.issues)
            if (i.village == static_cast<int>(v)) {
                ++total;
                overdue += (i.deadline < as_of && !i.rectified && i.status != Status::rectified && i.status != Status::accepted);
            }
        EXPECT_EQ(r.at("by_village")[v].at("village"), c.villages[v].name);
        EXPECT_EQ(r.at("by_village")[v].at("total"), total);
        EXPECT_EQ(r.at("by_village")[v].at("overdue"), overdue);
    }
    long long unit_total = 0;
    for (const auto& u : r.at("by_unit")) {
        long long n = 0;
        for (const auto& i : c.issues) {
            const AttributeValue* a = find(i.attributes, "unit");
            n += (a ? to_text(*a) : i.responsible) == u.at("unit").get<std::string>();
        }
        EXPECT_EQ(u.at("total"), n) << u.at("unit");
        long long by_status = 0;
        for (const auto& [code, count] : u.at("by_status").items()) by_status += count.get<long long>();
        EXPECT_EQ(by_status, n);
        unit_total += n;
    }
    EXPECT_EQ(unit_total, 60);

    std::vector<double> fr, ra;
    for (const auto& i : c.issues) {
        if (i.rectified) fr.push_back((*i.rectified - *i.found) / 86400.0);
        if (i.accepted) ra.push_back((*i.accepted - *i.rectified) / 86400.0);
    }
    for (auto* v : {&fr, &ra}) std::sort(v->begin(), v->end());
    auto median = [](const std::vector<double>& v) { return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2; };
    EXPECT_NEAR(r.at("median_days").at("found_to_rectified").get<double>(), median(fr), 1e-3);
    EXPECT_NEAR(r.at("median_days").at("rectified_to_accepted").get<double>(), median(ra), 1e-3);

    ASSERT_EQ(r.at("phases").size(), 2U);
    EXPECT_EQ(r.at("phases")[0].at("from"), "2017-02-20");
    EXPECT_EQ(r.at("phases")[0].at("to"), "2017-03-21");
    long long in_phases = 0;
    for (const auto& p : r.at("phases")) {
        in_phases += p.at("deadlines_in_phase").get<long long>();
        EXPECT_LE(p.at("rectified_by_deadline").get<long long>(), p.at("deadlines_in_phase").get<long long>());
    }
    EXPECT_EQ(in_phases, 60);  // every deadline falls in one of the two phases

    long long done = 0, due = 0;
    for (const auto& i : c.issues) {
        if (find(i.attributes, "lookback_at")) ++done;
        else if (i.status == Status::accepted && i.accepted && *i.accepted + 30 * 86400.0 <= as_of) ++due;
    }
    EXPECT_EQ(r.at("lookback").at("done"), done);
    EXPECT_EQ(r.at("lookback").at("due"), due);
    // The keys that were there before stay.
    for (const char* key : {"total", "by_status", "rectified", "accepted", "overdue", "marked_rebounded", "as_of"})
        EXPECT_TRUE(r.contains(key)) << key;
}

TEST(RegisterFigures, MediansAreNullWithoutTimes)
{
    Campaign c;
    c.villages.resize(1);
    c.issues.resize(2);
    const Json r = register_section(c);
    EXPECT_TRUE(r.at("median_days").at("found_to_rectified").is_null());
    EXPECT_TRUE(r.at("median_days").at("rectified_to_accepted").is_null());
    EXPECT_TRUE(r.at("phases").empty());
}

}  // namespace

}  // namespace geo::output

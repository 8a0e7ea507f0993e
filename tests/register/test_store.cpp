// The register's store on every store kind (store_locations.hpp): history and current state, idempotent imports,
// conflicts kept for review, rules per row, schema versions, tampering found by check, concurrent writers.
#include "register/store_locations.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/register/apply.hpp"
#include "libgeo/register/replay.hpp"

#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

namespace geo::reg {

namespace {

using test::StoreLocation;

// Gansu, CGCS2000 / 3-degree Gauss-Kruger CM 99E: the sample town's CRS.
std::string local_wkt() { return test::epsg_wkt(4539); }

IncomingRow row(const std::string& id, std::initializer_list<std::pair<Field, std::string>> values, std::string reason = {})
{
    IncomingRow r;
    r.record.id = id;
    r.row = "line " + id;
    for (const auto& [f, v] : values) r.record.set(f, v);
    r.deadline_reason = std::move(reason);
    return r;
}

IncomingRow new_issue(const std::string& id, double lon, double lat)
{
    return row(id, {{Field::village, "甲村"}, {Field::category, "village_road"}, {Field::problem, "生活垃圾"},
                    {Field::status, "found"}, {Field::found_at, "2017-02-20T09:00:00+08:00"},
                    {Field::deadline, "2017-03-01T00:00:00+08:00"}, {Field::lon, coordinate_text(lon)},
                    {Field::lat, coordinate_text(lat)}});
}

ApplyOptions import_of(const std::string& file, const std::string& hash)
{
    return {file, hash, "tester", "2017-02-21T10:00:00+08:00", 480, 30, true};
}

class RegisterStore : public ::testing::TestWithParam<std::string> {
protected:
    StoreLocation place{GetParam()};
    void SetUp() override { GEOWALK_REQUIRE_STORE(GetParam()); }
    Store open() { return Store::open(place.location(), local_wkt()); }
};

TEST_P(RegisterStore, NewIssuesAndChangedFieldsBecomeHistoryAndReplayGivesTheStoredState)
{
    Store store = open();
    const auto first = apply_rows(store, {new_issue("A", 100.40, 38.93), new_issue("B", 100.45, 38.95)}, import_of("a.csv", "h1"));
    EXPECT_EQ(first.added, 2);
    const auto second = apply_rows(store,
                                   {row("A", {{Field::status, "已整改"}, {Field::rectified_at, "2017-02-25T10:00:00+08:00"}}),
                                    row("B", {{Field::person, "张三"}, {Field::problem, "生活垃圾"}})},
                                   import_of("a.csv", "h2"));
    EXPECT_EQ(second.added, 0);
    EXPECT_EQ(second.changed_issues, 2);
    EXPECT_EQ(second.changed_fields, 3);  // A: status, rectified_at; B: person (its problem is the same)
    const auto history = store.read_history();
    ASSERT_EQ(history.size(), 5U);
    EXPECT_EQ(history[2].field + history[3].field + history[4].field, "statusrectified_atperson");
    EXPECT_EQ(history[2].old_value, "found");
    EXPECT_EQ(history[2].new_value, "rectified");  // the Chinese label kept as its code
    std::vector<std::string> problems;
    const auto replayed = replay(history, problems);
    EXPECT_TRUE(problems.empty());
    const auto stored = store.read_issues();
    ASSERT_EQ(stored.size(), 2U);
    for (const auto& [id, s] : stored) EXPECT_EQ(s.record.values, replayed.at(id).values) << id;
    const auto report = check(store, 30, {});
    EXPECT_TRUE(report.problems.empty()) << report.problems.front();
}

TEST_P(RegisterStore, TheSameFileAgainChangesNothing)
{
    Store store = open();
    apply_rows(store, {new_issue("A", 100.40, 38.93)}, import_of("a.csv", "h1"));
    const auto again = apply_rows(store, {new_issue("A", 100.40, 38.93)}, import_of("a.csv", "h1"));
    EXPECT_TRUE(again.same_as_last_import);
    // Same rows under another hash (re-saved by Excel): compared field by field, still nothing.
    const auto resaved = apply_rows(store, {new_issue("A", 100.40, 38.93)}, import_of("a.csv", "h1b"));
    EXPECT_EQ(resaved.unchanged, 1);
    EXPECT_EQ(store.read_history().size(), 1U);
    EXPECT_EQ(store.read_imports().size(), 2U);
}

TEST_P(RegisterStore, AnEditClashingWithARegisterChangeIsKeptForReviewNotApplied)
{
    Store store = open();
    apply_rows(store, {new_issue("A", 100.40, 38.93), new_issue("B", 100.41, 38.93)}, import_of("field.csv", "h1"));
    ApplyOptions command = import_of("command", "");
    command.is_import = false;
    apply_rows(store, {row("A", {{Field::person, "李四"}})}, command);
    const auto later = apply_rows(store, {row("A", {{Field::person, "王五"}}), row("B", {{Field::person, "赵六"}})},
                                  import_of("field.csv", "h2"));
    ASSERT_EQ(later.conflicts.size(), 1U);
    EXPECT_EQ(later.conflicts[0].register_value, "李四");
    EXPECT_EQ(later.conflicts[0].file_value, "王五");
    const auto issues = store.read_issues();
    EXPECT_EQ(issues.at("A").record.get(Field::person), "李四");
    EXPECT_EQ(issues.at("B").record.get(Field::person), "赵六");  // no clash: applied
    ASSERT_EQ(store.read_conflicts().size(), 1U);
    // The same clash again is not recorded twice.
    apply_rows(store, {row("A", {{Field::person, "王五"}})}, import_of("field.csv", "h3"));
    EXPECT_EQ(store.read_conflicts().size(), 1U);
}

TEST_P(RegisterStore, ARowBreakingARuleIsReportedAndTheRestApplied)
{
    Store store = open();
    apply_rows(store, {new_issue("A", 100.40, 38.93), new_issue("B", 100.41, 38.93), new_issue("C", 100.42, 38.93)},
               import_of("a.csv", "h1"));
    const auto result = apply_rows(store,
                                   {row("A", {{Field::status, "accepted"}}),                              // not rectified
                                    row("B", {{Field::deadline, "2017-03-09T00:00:00+08:00"}}),           // no reason
                                    row("C", {{Field::deadline, "2017-03-09T00:00:00+08:00"}}, "雨雪")},  // a reason
                                   import_of("a.csv", "h2"));
    ASSERT_EQ(result.problems.size(), 2U);
    EXPECT_EQ(result.problems[0].issue_id, "A");
    EXPECT_NE(result.problems[0].reason.find("rectification"), std::string::npos);
    EXPECT_EQ(result.problems[1].issue_id, "B");
    const auto issues = store.read_issues();
    EXPECT_EQ(issues.at("A").record.get(Field::status), "found");
    EXPECT_EQ(issues.at("B").record.get(Field::deadline), "2017-03-01T00:00:00+08:00");
    EXPECT_EQ(issues.at("C").record.get(Field::deadline), "2017-03-09T00:00:00+08:00");
    EXPECT_EQ(store.read_history("C").back().note, "雨雪");
}

TEST_P(RegisterStore, AReboundReopensTheAcceptedIssueAndLinksTheNewFinding)
{
    Store store = open();
    auto accepted = new_issue("A", 100.40, 38.93);
    accepted.record.set(Field::status, "accepted");
    accepted.record.set(Field::rectified_at, "2017-02-25T10:00:00+08:00");
    accepted.record.set(Field::accepted_at, "2017-02-27T10:00:00+08:00");
    apply_rows(store, {accepted, new_issue("B", 100.41, 38.93)}, import_of("a.csv", "h1"));
    EXPECT_EQ(store.read_issues().at("A").lookback_due, "2017-03-29");
    auto again = new_issue("A2", 100.40, 38.93);
    again.record.set(Field::rebound_of, "A");
    auto wrong = new_issue("B2", 100.41, 38.93);
    wrong.record.set(Field::rebound_of, "B");  // B was never accepted
    const auto result = apply_rows(store, {again, wrong}, import_of("b.csv", "h2"));
    ASSERT_EQ(result.problems.size(), 1U);
    EXPECT_EQ(result.problems[0].issue_id, "B2");
    const auto issues = store.read_issues();
    EXPECT_EQ(issues.at("A").record.get(Field::status), "rebounded");
    EXPECT_EQ(issues.at("A").record.get(Field::rebounds), "A2");
    EXPECT_EQ(issues.at("A").lookback_due, "");
    EXPECT_EQ(issues.count("B2"), 0U);
    EXPECT_TRUE(check(store, 30, {}).problems.empty());
}

TEST_P(RegisterStore, CheckFindsAStoredStateThatHistoryDoesNotGive)
{
    Store store = open();
    apply_rows(store, {new_issue("A", 100.40, 38.93)}, import_of("a.csv", "h1"));
    {
        // Someone edits the issues table behind the register's back (QGIS, a SQL client).
        GDALDatasetUniquePtr ds(GDALDataset::Open(place.location().c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        OGRLayer* issues = ds->GetLayerByName("issues");
        OGRFeatureUniquePtr f(issues->GetNextFeature());
        f->SetField("person", "某人");
        ASSERT_EQ(issues->SetFeature(f.get()), OGRERR_NONE);
    }
    const auto report = check(store, 30, [](double, double) { return std::string("甲村"); });
    ASSERT_EQ(report.problems.size(), 1U);
    EXPECT_NE(report.problems[0].find("person"), std::string::npos);
    // And an issue placed in another village than the polygons say.
    const auto moved = check(store, 30, [](double, double) { return std::string("乙村"); });
    EXPECT_EQ(moved.problems.size(), 2U);
}

TEST_P(RegisterStore, ANewerSchemaIsRefusedAnOlderOneMigrated)
{
    { Store store = open(); }
    {
        GDALDatasetUniquePtr ds(GDALDataset::Open(place.location().c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        // Schema 1: no conflicts table, no history note.
        for (int i = 0; i < ds->GetLayerCount(); ++i) {
            if (std::string(ds->GetLayer(i)->GetName()) == "conflicts") {
                ASSERT_EQ(ds->DeleteLayer(i), OGRERR_NONE);
            }
        }
        OGRLayer* history = ds->GetLayerByName("history");
        ASSERT_EQ(history->DeleteField(history->GetLayerDefn()->GetFieldIndex("note")), OGRERR_NONE);
        ds->ReleaseResultSet(ds->ExecuteSQL("UPDATE schema_version SET version = 1", nullptr, nullptr));
    }
    {
        Store store = Store::open(place.location(), std::nullopt);
        EXPECT_TRUE(store.read_conflicts().empty());
        apply_rows(store, {new_issue("A", 100.40, 38.93)}, import_of("a.csv", "h1"));
    }
    {
        GDALDatasetUniquePtr ds(GDALDataset::Open(place.location().c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        EXPECT_NE(ds->GetLayerByName("conflicts"), nullptr);
        EXPECT_GE(ds->GetLayerByName("history")->GetLayerDefn()->GetFieldIndex("note"), 0);
        OGRLayer* version = ds->GetLayerByName("schema_version");
        OGRFeature row(version->GetLayerDefn());
        row.SetField("version", schema_version + 1);
        ASSERT_EQ(version->CreateFeature(&row), OGRERR_NONE);
    }
    EXPECT_THROW(Store::open(place.location(), std::nullopt), InputError);
}

// Two writers at once, in two processes, on overlapping files: every issue once, nothing lost, history sound.
TEST_P(RegisterStore, TwoConcurrentImportsLoseAndDuplicateNothing)
{
    { Store store = open(); }
    std::vector<pid_t> children;
    for (int writer = 0; writer < 2; ++writer) {
        const pid_t child = ::fork();
        ASSERT_GE(child, 0);
        if (child == 0) {
            int code = 0;
            try {
                Store store = Store::open(place.location(), std::nullopt);
                for (int round = 0; round < 5; ++round) {
                    std::vector<IncomingRow> rows;
                    // Writer 0 brings ids 0..59, writer 1 ids 30..89: 30 ids in both.
                    for (int i = writer * 30; i < writer * 30 + 60; ++i) {
                        auto r = new_issue("X" + std::to_string(i), 100.40 + i * 1e-4, 38.93);
                        r.record.set(Field::person, "writer" + std::to_string(writer) + "-" + std::to_string(round));
                        rows.push_back(r);
                    }
                    apply_rows(store, rows,
                               import_of("w" + std::to_string(writer) + ".csv", "r" + std::to_string(round)));
                }
            } catch (...) {
                code = 1;
            }
            ::_exit(code);
        }
        children.push_back(child);
    }
    for (const pid_t child : children) {
        int status = 0;
        ::waitpid(child, &status, 0);
        EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    }
    Store store = Store::open(place.location(), std::nullopt);
    const auto issues = store.read_issues();
    EXPECT_EQ(issues.size(), 90U);
    const auto report = check(store, 30, {});
    EXPECT_TRUE(report.problems.empty()) << report.problems.front();
    std::size_t created = 0;
    for (const auto& h : store.read_history()) created += h.field == created_field ? 1 : 0;
    EXPECT_EQ(created, 90U);
    EXPECT_EQ(store.read_imports().size(), 10U);
}

INSTANTIATE_TEST_SUITE_P(Stores, RegisterStore, ::testing::ValuesIn(test::register_store_kinds()),
                         [](const auto& info) { return info.param; });

}  // namespace

}  // namespace geo::reg

// The sample town's issues into the register, then a changed copy: exactly the changed cells become history, as an
// independent diff of the two files (read back by GDAL's CSV driver as plain text) says.
#include "register/sample_files.hpp"

#include "libgeo/campaign/campaign_file.hpp"
#include "libgeo/core/datetime.hpp"
#include "libgeo/load/register_rows.hpp"
#include "libgeo/register/apply.hpp"
#include "libgeo/register/replay.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>

namespace geo::reg {

namespace {

using Cells = std::map<std::string, std::map<std::string, std::string>>;  // id -> column -> text

// Every cell as text, by the id column, through GDAL's CSV driver with no geometry options.
Cells read_cells(const std::filesystem::path& file)
{
    GDALDatasetUniquePtr ds(GDALDataset::Open(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    Cells out;
    if (!ds) return out;
    OGRLayer* layer = ds->GetLayer(0);
    for (auto& f : *layer) {
        auto& row = out[f->GetFieldAsString("编号")];
        for (int i = 0; i < f->GetFieldCount(); ++i) row[f->GetFieldDefnRef(i)->GetNameRef()] = f->GetFieldAsString(i);
    }
    return out;
}

ApplyOptions import_of(const load::RegisterRows& rows)
{
    return {rows.file_name, rows.hash, "tester", "2017-03-12T10:00:00+08:00", 480, 30, true};
}

TEST(RegisterSample, TheSampleImportsAndAChangedCopyRecordsExactlyTheChangedFields)
{
    test::TempDir dir;
    test::copy_sample_register_inputs(dir.path());
    const auto spec = campaign::read_campaign_file(dir / "campaign.toml");
    const auto first = load::read_register_rows(spec, dir / "issues.csv");
    Store store = Store::open((dir / "register.gpkg").string(), first.crs_wkt);
    const auto one = apply_rows(store, first.rows, import_of(first), static_cast<long long>(first.rejected.size()));
    const Cells before = read_cells(dir / "issues.csv");
    // Every line of the file is either an issue of the register or a row reported with its reason.
    std::size_t data_lines = test::text_lines(dir / "issues.csv").size() - 1;
    EXPECT_EQ(static_cast<std::size_t>(one.added) + first.rejected.size(), data_lines);
    EXPECT_TRUE(one.problems.empty());
    const auto issues = store.read_issues();
    EXPECT_EQ(issues.size(), static_cast<std::size_t>(one.added));
    for (const auto& r : first.rejected) EXPECT_FALSE(r.row.empty());

    // The changed copy: 7 rectifications, 5 new responsible persons, one deadline moved without a reason.
    test::TempDir changed;
    auto lines = test::text_lines(dir / "issues.csv");
    int rectified = 0, persons = 0;
    std::string moved_id;
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const std::string id = test::cell(lines[i], 0);
        if (!issues.count(id)) continue;
        const std::string status = test::cell(lines[i], 4);
        if (status == "整改中" && test::cell(lines[i], 7).empty() && rectified < 7) {
            lines[i] = test::with_cell(test::with_cell(lines[i], 4, "已整改"), 7, "2017-03-10 10:0" + std::to_string(rectified));
            ++rectified;
        } else if (status == "交办" && persons < 5) {
            lines[i] = test::with_cell(lines[i], 5, "新责任人" + std::to_string(persons));
            ++persons;
        } else if (status == "交办" && moved_id.empty() && !test::cell(lines[i], 6).empty()) {
            lines[i] = test::with_cell(lines[i], 6, "2017-04-30");
            moved_id = id;
        }
    }
    ASSERT_EQ(rectified + persons, 12);
    ASSERT_FALSE(moved_id.empty());
    test::write_lines(changed / "issues.csv", lines);
    const Cells after = read_cells(changed / "issues.csv");

    const std::map<std::string, std::string> field_of{{"状态", "status"}, {"整改时间", "rectified_at"},
                                                      {"责任人", "person"}, {"整改期限", "deadline"}};
    std::set<std::pair<std::string, std::string>> expected;
    for (const auto& [id, cells] : after)
        for (const auto& [column, text] : cells)
            if (before.at(id).at(column) != text && id != moved_id) expected.emplace(id, field_of.at(column));
    ASSERT_EQ(expected.size(), 7U * 2 + 5);

    const auto second = load::read_register_rows(spec, changed / "issues.csv");
    const auto two = apply_rows(store, second.rows, import_of(second), static_cast<long long>(second.rejected.size()));
    ASSERT_EQ(two.problems.size(), 1U);
    EXPECT_EQ(two.problems[0].issue_id, moved_id);
    EXPECT_TRUE(two.conflicts.empty());
    std::set<std::pair<std::string, std::string>> recorded;
    for (const auto& h : store.read_history()) {
        if (h.source != "issues.csv" || h.changed_at != "2017-03-12T10:00:00+08:00" || h.field == created_field) continue;
        // A second import of the same name would also match: the first import wrote only created rows.
        recorded.emplace(h.issue_id, h.field);
        const std::string column = h.field == "status" ? "状态" : h.field == "person" ? "责任人" : "整改时间";
        const std::string& text = after.at(h.issue_id).at(column);
        if (h.field == "status") EXPECT_EQ(h.new_value, code(*parse_status(text)));
        else if (h.field == "person") EXPECT_EQ(h.new_value, text);
        else EXPECT_EQ(parse_timestamp(h.new_value, 480)->seconds, parse_timestamp(text, 480)->seconds);
    }
    EXPECT_EQ(recorded, expected);
    EXPECT_EQ(two.changed_fields, static_cast<long long>(expected.size()));
    EXPECT_TRUE(check(store, 30, {}).problems.empty());
}

}  // namespace

}  // namespace geo::reg

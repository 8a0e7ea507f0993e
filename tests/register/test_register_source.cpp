// [issues] source = "register": the analyses see the same issues from the register as from the file it was
// imported from (the file read by the ordinary loader is the oracle).
#include "register/sample_files.hpp"

#include "libgeo/campaign/campaign_file.hpp"
#include "libgeo/load/loader.hpp"
#include "libgeo/load/register_rows.hpp"
#include "libgeo/register/apply.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <map>

namespace geo::reg {

namespace {

TEST(RegisterSource, AnalysesReadTheRegistersCurrentStateAsTheFileWouldGiveIt)
{
    test::TempDir dir;
    test::copy_sample_register_inputs(dir.path());
    auto spec = campaign::read_campaign_file(dir / "campaign.toml");
    const auto rows = load::read_register_rows(spec, dir / "issues.csv");
    {
        Store store = Store::open((dir / "register.gpkg").string(), rows.crs_wkt);
        apply_rows(store, rows.rows, {rows.file_name, rows.hash, "t", "2017-03-12T10:00:00+08:00", 480, 30, true});
    }
    spec.network.clear();
    spec.sites.clear();
    spec.tracks.clear();
    const Campaign from_file = load::load_campaign(spec);
    spec.issues->paths = {"register"};
    const Campaign from_register = load::load_campaign(spec);
    ASSERT_EQ(from_register.issues.size(), from_file.issues.size());
    std::map<std::string, const Issue*> by_code;
    for (const auto& i : from_register.issues) by_code[i.code] = &i;
    for (const auto& f : from_file.issues) {
        ASSERT_TRUE(by_code.count(f.code)) << f.code;
        const Issue& r = *by_code.at(f.code);
        EXPECT_LT(std::hypot(r.position.x() - f.position.x(), r.position.y() - f.position.y()), 0.02) << f.code;
        EXPECT_EQ(r.village, f.village);
        EXPECT_EQ(r.category, f.category);
        EXPECT_EQ(r.status, f.status);
        EXPECT_EQ(r.problem, f.problem);
        EXPECT_EQ(r.responsible, f.responsible);
        for (auto [a, b] : {std::pair{r.found, f.found}, {r.deadline, f.deadline}, {r.rectified, f.rectified},
                            {r.accepted, f.accepted}}) {
            ASSERT_EQ(a.has_value(), b.has_value()) << f.code;
            if (a) {
                EXPECT_NEAR(*a, *b, 0.5) << f.code;
            }
        }
    }
}

}  // namespace

}  // namespace geo::reg

// GdalErrorTrap: which of GDAL's messages it keeps, and that it is a proper scope (nested traps, handler restored).
// Messages are raised with CPLError directly, so the expected text is the text sent.
#include "libgeo/handles/gdal_errors.hpp"

#include <gdal.h>
#include <gtest/gtest.h>

#include <string>

namespace geo {

TEST(HandlesGdalErrorTrap, NothingCaught)
{
    const GdalErrorTrap trap;
    EXPECT_FALSE(trap.failed());
    EXPECT_EQ(trap.message(), "no detail from GDAL");
}

TEST(HandlesGdalErrorTrap, ConstructionClearsGdalsLastError)
{
    CPLErrorSetState(CE_Failure, CPLE_AppDefined, "left over");
    ASSERT_EQ(CPLGetLastErrorType(), CE_Failure);
    const GdalErrorTrap trap;
    EXPECT_EQ(CPLGetLastErrorType(), CE_None);
    EXPECT_FALSE(trap.failed());
}

TEST(HandlesGdalErrorTrap, KeepsTheFirstFailure)
{
    const GdalErrorTrap trap;
    CPLError(CE_Warning, CPLE_AppDefined, "a warning first");
    CPLError(CE_Failure, CPLE_AppDefined, "the first failure %d", 1);
    CPLError(CE_Failure, CPLE_AppDefined, "the second failure");
    CPLError(CE_Warning, CPLE_AppDefined, "a warning after");
    EXPECT_TRUE(trap.failed());
    EXPECT_EQ(trap.message(), "the first failure 1");
}

TEST(HandlesGdalErrorTrap, WarningsAloneAreNotFailuresButAreReported)
{
    const GdalErrorTrap trap;
    CPLError(CE_Warning, CPLE_AppDefined, "first warning");
    CPLError(CE_Warning, CPLE_AppDefined, "last warning");
    EXPECT_FALSE(trap.failed());
    EXPECT_EQ(trap.message(), "last warning");
}

TEST(HandlesGdalErrorTrap, EmptyFailureMessageStillCounts)
{
    const GdalErrorTrap trap;
    CPLError(CE_Failure, CPLE_AppDefined, "%s", "");
    EXPECT_TRUE(trap.failed());
    EXPECT_EQ(trap.message(), "unknown GDAL error");
}

TEST(HandlesGdalErrorTrap, ResetForgetsEverything)
{
    GdalErrorTrap trap;
    CPLError(CE_Failure, CPLE_AppDefined, "old failure");
    ASSERT_TRUE(trap.failed());
    trap.reset();
    EXPECT_FALSE(trap.failed());
    EXPECT_EQ(trap.message(), "no detail from GDAL");
    EXPECT_EQ(CPLGetLastErrorType(), CE_None);
    CPLError(CE_Failure, CPLE_AppDefined, "new failure");
    EXPECT_EQ(trap.message(), "new failure");
}

TEST(HandlesGdalErrorTrap, NestedTrapsEachSeeTheirOwnScope)
{
    const GdalErrorTrap outer;
    {
        const GdalErrorTrap inner;
        CPLError(CE_Failure, CPLE_AppDefined, "inside");
        EXPECT_TRUE(inner.failed());
        EXPECT_EQ(inner.message(), "inside");
    }
    EXPECT_FALSE(outer.failed()) << "the inner trap's message reached the outer one: " << outer.message();
    // The inner trap popped its handler: the outer one hears again.
    CPLError(CE_Failure, CPLE_AppDefined, "outside");
    EXPECT_TRUE(outer.failed());
    EXPECT_EQ(outer.message(), "outside");
}

TEST(HandlesGdalErrorTrap, CatchesARealGdalFailure)
{
    const GdalErrorTrap trap;
    const std::string missing = "/nonexistent-dir-geowalk/no-such-file.tif";
    GDALDatasetH ds = GDALOpenEx(missing.c_str(), GDAL_OF_RASTER | GDAL_OF_VERBOSE_ERROR, nullptr, nullptr, nullptr);
    EXPECT_EQ(ds, nullptr);
    ASSERT_TRUE(trap.failed());
    EXPECT_NE(trap.message().find("no-such-file.tif"), std::string::npos) << trap.message();
}

}  // namespace geo

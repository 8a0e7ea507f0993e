// crs_wkt checked by reading its text back with OGR: the same CRS comes out, in the format asked for.
#include "libgeo/handles/wkt.hpp"

#include <gtest/gtest.h>

#include <string>

namespace geo {

namespace {

OGRSpatialReference epsg(int code)
{
    OGRSpatialReference srs;
    EXPECT_EQ(srs.importFromEPSG(code), OGRERR_NONE);
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return srs;
}

void expect_round_trip(const OGRSpatialReference& srs, const std::string& wkt)
{
    OGRSpatialReference back;
    ASSERT_EQ(back.importFromWkt(wkt.c_str()), OGRERR_NONE) << wkt;
    back.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    EXPECT_TRUE(back.IsSame(&srs)) << wkt;
}

}  // namespace

TEST(CrsWkt, Wgs84AsWkt2ReadsBackAsTheSameCrs)
{
    const OGRSpatialReference wgs84 = epsg(4326);
    const std::string wkt = crs_wkt(wgs84, WktFormat::wkt2_2019);
    EXPECT_NE(wkt.find("WGS 84"), std::string::npos) << wkt;
    EXPECT_EQ(wkt.rfind("GEOGCRS[", 0), 0U) << wkt;  // WKT2's keyword; WKT1 says GEOGCS
    expect_round_trip(wgs84, wkt);
}

TEST(CrsWkt, DefaultIsGdalsWkt1AndReadsBack)
{
    const OGRSpatialReference gk = epsg(4547);  // CGCS2000 / 3-degree Gauss-Kruger CM 114E
    const std::string wkt = crs_wkt(gk);
    EXPECT_EQ(wkt.rfind("PROJCS[\"CGCS2000 / 3-degree Gauss-Kruger CM 114E\"", 0), 0U) << wkt;
    expect_round_trip(gk, wkt);
}

TEST(CrsWkt, EmptyCrsGivesEmptyText)
{
    const OGRSpatialReference empty;
    EXPECT_EQ(crs_wkt(empty), "");
    EXPECT_EQ(crs_wkt(empty, WktFormat::wkt2_2019), "");
}

}  // namespace geo

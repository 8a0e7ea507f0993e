// CPL wrappers: in-memory files (their lifetime, moves and reads) and exact recoding. The oracle for file existence
// is GDAL's own VSIStatL; for recoding, the published code points of 中 and 文 in UTF-8 and GB18030.
#include "libgeo/handles/cpl.hpp"

#include <cpl_vsi.h>
#include <gtest/gtest.h>

#include <string>
#include <utility>

namespace geo {

namespace {

bool exists(const std::string& path)
{
    VSIStatBufL stat;
    return VSIStatL(path.c_str(), &stat) == 0;
}

long long size_of(const std::string& path)
{
    VSIStatBufL stat;
    if (VSIStatL(path.c_str(), &stat) != 0) return -1;
    return static_cast<long long>(stat.st_size);
}

}  // namespace

TEST(HandlesCpl, MemFileHoldsTheBytesUntilItDies)
{
    const std::string path = "/vsimem/handles_cpl/lifetime.txt";
    {
        const VsiMemFile file(path, "hello");
        EXPECT_EQ(file.path(), path);
        ASSERT_TRUE(exists(path));
        EXPECT_EQ(size_of(path), 5);
        EXPECT_EQ(read_vsi_file(path, 1000), "hello");
    }
    EXPECT_FALSE(exists(path));
    EXPECT_EQ(read_vsi_file(path, 1000), std::nullopt);
}

TEST(HandlesCpl, MemFileKeepsNulBytes)
{
    const std::string bytes("a\0b\0\0c", 6);
    const VsiMemFile file("/vsimem/handles_cpl/nul.bin", bytes);
    EXPECT_EQ(size_of(file.path()), 6);
    EXPECT_EQ(read_vsi_file(file.path(), 100), bytes);
}

TEST(HandlesCpl, DefaultMemFileHoldsNothing)
{
    const VsiMemFile none;
    EXPECT_TRUE(none.path().empty());
}

TEST(HandlesCpl, MoveConstructionTransfersTheFile)
{
    const std::string path = "/vsimem/handles_cpl/moved.txt";
    VsiMemFile a(path, "x");
    {
        const VsiMemFile b(std::move(a));
        // NOLINTNEXTLINE(bugprone-use-after-move,clang-analyzer-cplusplus.Move): the moved-from state is the point
        EXPECT_TRUE(a.path().empty());
        EXPECT_EQ(b.path(), path);
        EXPECT_TRUE(exists(path));
    }
    EXPECT_FALSE(exists(path));  // b unlinked it; a (moved from) must not matter any more
}

TEST(HandlesCpl, MoveAssignmentUnlinksTheOldFile)
{
    const std::string first = "/vsimem/handles_cpl/first.txt";
    const std::string second = "/vsimem/handles_cpl/second.txt";
    VsiMemFile a(first, "1");
    VsiMemFile b(second, "2");
    a = std::move(b);
    EXPECT_FALSE(exists(first));
    EXPECT_TRUE(exists(second));
    EXPECT_EQ(a.path(), second);
    // NOLINTNEXTLINE(bugprone-use-after-move,clang-analyzer-cplusplus.Move): the moved-from state is the point
    EXPECT_TRUE(b.path().empty());
    EXPECT_EQ(read_vsi_file(second, 10), "2");

    // Self-move leaves the file alone.
    VsiMemFile& same = a;
    a = std::move(same);
    EXPECT_EQ(a.path(), second);
    EXPECT_TRUE(exists(second));
}

TEST(HandlesCpl, ReadStopsAtMaxBytes)
{
    // Larger than the 64 KiB read chunk, so the loop runs several times.
    std::string bytes(200'000, '\0');
    for (std::size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<char>('a' + i % 26);
    const VsiMemFile file("/vsimem/handles_cpl/big.txt", bytes);
    EXPECT_EQ(read_vsi_file(file.path(), bytes.size()), bytes);
    EXPECT_EQ(read_vsi_file(file.path(), 10 * bytes.size()), bytes);
    EXPECT_EQ(read_vsi_file(file.path(), 70'000), bytes.substr(0, 70'000));
    EXPECT_EQ(read_vsi_file(file.path(), 3), "abc");
    EXPECT_EQ(read_vsi_file(file.path(), 0), "");
}

TEST(HandlesCpl, ReadOfMissingFileIsNullopt)
{
    EXPECT_EQ(read_vsi_file("/vsimem/handles_cpl/never_written", 10), std::nullopt);
    EXPECT_EQ(read_vsi_file("/nonexistent-dir-geowalk/none.txt", 10), std::nullopt);
}

TEST(HandlesCpl, RecodeBetweenUtf8AndGb18030)
{
    // 中文: UTF-8 E4 B8 AD E6 96 87; GB2312/GBK/GB18030 D6 D0 CE C4 (the published code tables).
    const std::string utf8 = "\xE4\xB8\xAD\xE6\x96\x87";
    const std::string gb = "\xD6\xD0\xCE\xC4";
    EXPECT_EQ(recode_exactly(gb, "GB18030", "UTF-8"), utf8);
    EXPECT_EQ(recode_exactly(utf8, "UTF-8", "GB18030"), gb);
    EXPECT_EQ(recode_exactly("village 12", "UTF-8", "GB18030"), "village 12");  // ASCII is the same in both
    EXPECT_EQ(recode_exactly("", "UTF-8", "GB18030"), "");
}

TEST(HandlesCpl, RecodeRefusesWhatDoesNotRoundTrip)
{
    const std::string utf8 = "\xE4\xB8\xAD";  // 中 has no Latin-1 form
    EXPECT_EQ(recode_exactly(utf8, "UTF-8", "ISO-8859-1"), std::nullopt);
    EXPECT_EQ(recode_exactly("a\xFF"
                             "b",
                             "UTF-8", "GB18030"),
              std::nullopt);  // not UTF-8 at all
    EXPECT_EQ(recode_exactly(std::string("a\0b", 3), "UTF-8", "GB18030"), std::nullopt);
}

}  // namespace geo

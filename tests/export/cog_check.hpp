#pragma once
// Cloud-Optimized GeoTIFF checks for the rasters geowalk writes, read back through GDAL and the raw bytes, not
// through our writer: validate_cog() follows the structural rules of GDAL's validate_cloud_optimized_geotiff.py
// (its own code, written from the script's logic), cog_contract_problems() the promises of the output contract.
#include "support.hpp"

#include <gdal_priv.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace geo::test {

struct CogReport {
    std::vector<std::string> errors;
    std::vector<std::string> warnings;
    std::vector<long long> ifd_offsets;   // main image, then overviews 0, 1, ...
    std::vector<long long> data_offsets;  // offset of the first block present, same order (0: no block)
    bool ghost_header = false;            // GDAL's structural metadata found before the first IFD
    bool blocks_checked = false;          // every block's leader and trailer bytes checked
};

namespace detail {

inline long long tiff_item(GDALRasterBand& band, const std::string& key)
{
    const char* value = band.GetMetadataItem(key.c_str(), "TIFF");
    return value ? std::atoll(value) : 0;
}

inline long long first_block_offset(GDALRasterBand& band)
{
    int bx = 0, by = 0;
    band.GetBlockSize(&bx, &by);
    for (int y = 0; y < (band.GetYSize() + by - 1) / by; ++y)
        for (int x = 0; x < (band.GetXSize() + bx - 1) / bx; ++x)
            if (const long long o = tiff_item(band, "BLOCK_OFFSET_" + std::to_string(x) + "_" + std::to_string(y)))
                return o;
    return 0;
}

inline std::string read_bytes(std::ifstream& in, long long offset, std::size_t count)
{
    std::string out(count, '\0');
    in.clear();
    in.seekg(offset);
    in.read(out.data(), static_cast<std::streamsize>(count));
    out.resize(static_cast<std::size_t>(in.gcount()));
    return out;
}

inline std::uint32_t le32(const std::string& b)
{
    std::uint32_t v = 0;
    for (int i = 3; i >= 0; --i) v = v << 8 | static_cast<unsigned char>(b[static_cast<std::size_t>(i)]);
    return v;
}

struct Ghost {
    bool row_major = false, leader = false, trailer = false, mask_interleaved = false;
};

// The script's full_check_band: blocks in row-major order, each preceded by its size (leader) and followed by a
// copy of its last 4 bytes (trailer), its mask block right after it when masks are interleaved.
inline void check_blocks(std::ifstream& in, const std::string& name, GDALRasterBand& band, const Ghost& ghost,
                         bool with_mask, std::vector<std::string>& errors)
{
    int bx = 0, by = 0;
    band.GetBlockSize(&bx, &by);
    GDALRasterBand* mask = nullptr;
    if (with_mask) {
        mask = band.GetMaskBand();
        int mx = 0, my = 0;
        mask->GetBlockSize(&mx, &my);
        if (mx != bx || my != by) {
            errors.push_back(name + ": mask block size is different from its imagery band");
            mask = nullptr;
        }
    }
    long long last = 0;
    for (int y = 0; y < (band.GetYSize() + by - 1) / by; ++y)
        for (int x = 0; x < (band.GetXSize() + bx - 1) / bx; ++x) {
            const std::string xy = std::to_string(x) + "_" + std::to_string(y);
            const std::string where = name + ", block (" + std::to_string(x) + ", " + std::to_string(y) + ")";
            long long offset = tiff_item(band, "BLOCK_OFFSET_" + xy);
            const long long bytes = tiff_item(band, "BLOCK_SIZE_" + xy);
            if (offset > 0) {
                if (ghost.row_major && offset < last) errors.push_back(where + ": offset smaller than the previous block's");
                if (ghost.leader) {
                    const std::string b = read_bytes(in, offset - 4, 4);
                    if (b.size() != 4 || le32(b) != static_cast<std::uint32_t>(bytes))
                        errors.push_back(where + ": leader bytes do not hold the block size");
                }
                if (ghost.trailer && bytes >= 4) {
                    const std::string b = read_bytes(in, offset + bytes - 4, 8);
                    if (b.size() != 8 || b.substr(0, 4) != b.substr(4, 4)) errors.push_back(where + ": invalid trailer bytes");
                }
            }
            if (mask) {
                const long long mask_offset = tiff_item(*mask, "BLOCK_OFFSET_" + xy);
                if (offset > 0 && mask_offset > 0) {
                    const long long expected = offset + bytes + (ghost.leader ? 4 : 0) + (ghost.trailer ? 4 : 0);
                    if (mask_offset != expected) errors.push_back("mask of " + where + ": not right after its block");
                } else if (offset == 0 && mask_offset > 0) {
                    if (ghost.row_major && mask_offset < last)
                        errors.push_back("mask of " + where + ": offset smaller than the previous block's");
                    offset = mask_offset;
                }
            }
            last = offset;
        }
}

}  // namespace detail

// Structural validity as a Cloud-Optimized GeoTIFF. An empty `errors` means the file passes.
inline CogReport validate_cog(const std::filesystem::path& file)
{
    CogReport r;
    GDALDatasetUniquePtr ds(GDALDataset::Open(file.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    if (!ds) {
        r.errors.push_back("cannot open " + file.string());
        return r;
    }
    if (std::string(ds->GetDriver()->GetDescription()) != "GTiff") r.errors.push_back("not a GeoTIFF");
    {
        CPLStringList files(ds->GetFileList());
        if (files.FindString((file.string() + ".ovr").c_str()) >= 0)
            r.errors.push_back("overviews in an external .ovr file; they should be internal");
    }
    GDALRasterBand& main = *ds->GetRasterBand(1);
    const int overviews = main.GetOverviewCount();
    if (main.GetXSize() > 512 || main.GetYSize() > 512) {
        int bx = 0, by = 0;
        main.GetBlockSize(&bx, &by);
        if (bx == main.GetXSize() && bx > 1024) r.errors.push_back("larger than 512 pixels but not tiled");
        if (overviews == 0) r.warnings.push_back("larger than 512 pixels without internal overviews");
    }

    // The first IFD right after the header and GDAL's "ghost" structural metadata block, if any.
    std::ifstream in(file, std::ios::binary);
    const long long main_ifd = detail::tiff_item(main, "IFD_OFFSET");
    r.ifd_offsets.push_back(main_ifd);
    detail::Ghost ghost;
    if (main_ifd != 8 && main_ifd != 16) {
        const std::string signature = detail::read_bytes(in, 0, 4);
        const bool bigtiff = signature == std::string("II\x2B\0", 4) || signature == std::string("MM\0\x2B", 4);
        long long expected = bigtiff ? 16 : 8;
        const std::string key = "GDAL_STRUCTURAL_METADATA_SIZE=";
        const std::size_t pattern_size = key.size() + std::string("000000 bytes\n").size();
        const std::string got = detail::read_bytes(in, expected, pattern_size);
        if (got.size() == pattern_size && got.rfind(key, 0) == 0) {
            r.ghost_header = true;
            const auto size = static_cast<std::size_t>(std::atoll(got.substr(key.size(), 6).c_str()));
            const std::string extra = detail::read_bytes(in, expected + static_cast<long long>(pattern_size), size);
            ghost.row_major = extra.find("BLOCK_ORDER=ROW_MAJOR") != std::string::npos;
            ghost.leader = extra.find("BLOCK_LEADER=SIZE_AS_UINT4") != std::string::npos;
            ghost.trailer = extra.find("BLOCK_TRAILER=LAST_4_BYTES_REPEATED") != std::string::npos;
            ghost.mask_interleaved = extra.find("MASK_INTERLEAVED_WITH_IMAGERY=YES") != std::string::npos;
            if (extra.find("KNOWN_INCOMPATIBLE_EDITION=YES") != std::string::npos)
                r.errors.push_back("KNOWN_INCOMPATIBLE_EDITION=YES is declared in the file");
            expected += static_cast<long long>(pattern_size + size);
            expected += expected % 2;  // IFDs start on a word boundary
        }
        if (expected != main_ifd)
            r.errors.push_back("the main IFD is at byte " + std::to_string(main_ifd) + ", not " + std::to_string(expected));
    }

    // Overviews by decreasing size, tiled, their IFDs after the main one and in the same order.
    for (int i = 0; i < overviews; ++i) {
        GDALRasterBand& ovr = *main.GetOverview(i);
        GDALRasterBand& previous = i == 0 ? main : *main.GetOverview(i - 1);
        if (ovr.GetXSize() > previous.GetXSize() || ovr.GetYSize() > previous.GetYSize())
            r.errors.push_back("overview " + std::to_string(i) + " is larger than the level before it");
        int bx = 0, by = 0;
        ovr.GetBlockSize(&bx, &by);
        if (bx == ovr.GetXSize() && bx > 1024) r.errors.push_back("overview " + std::to_string(i) + " is not tiled");
        r.ifd_offsets.push_back(detail::tiff_item(ovr, "IFD_OFFSET"));
        if (r.ifd_offsets.back() < r.ifd_offsets[r.ifd_offsets.size() - 2])
            r.errors.push_back("the IFD of overview " + std::to_string(i) + " comes before the one of the level above");
    }

    // Image data: the smallest overview first, the full resolution last, all after the IFDs.
    r.data_offsets.push_back(detail::first_block_offset(main));
    for (int i = 0; i < overviews; ++i) r.data_offsets.push_back(detail::first_block_offset(*main.GetOverview(i)));
    if (r.data_offsets.back() != 0 && r.data_offsets.back() < r.ifd_offsets.back())
        r.errors.push_back("the first block of the smallest level is before its IFD");
    for (std::size_t i = r.data_offsets.size() - 1; i-- > 1;)
        if (r.data_offsets[i] != 0 && r.data_offsets[i] < r.data_offsets[i + 1])
            r.errors.push_back("the data of overview " + std::to_string(i - 1) + " is before the one of overview " +
                               std::to_string(i));
    if (r.data_offsets.size() >= 2 && r.data_offsets[0] != 0 && r.data_offsets[0] < r.data_offsets[1])
        r.errors.push_back("the full-resolution data is before the data of overview " + std::to_string(overviews - 1));

    // The "full check" of the script (local files: always): leader and trailer bytes of every block.
    if (ghost.row_major || ghost.leader || ghost.trailer || ghost.mask_interleaved) {
        r.blocks_checked = ghost.leader && ghost.trailer;
        const auto mask_of = [&](GDALRasterBand& band) { return band.GetMaskFlags() == GMF_PER_DATASET; };
        detail::check_blocks(in, "full resolution", main, ghost, ghost.mask_interleaved, r.errors);
        if (mask_of(main)) detail::check_blocks(in, "mask of full resolution", *main.GetMaskBand(), ghost, false, r.errors);
        for (int i = 0; i < overviews; ++i) {
            GDALRasterBand& ovr = *main.GetOverview(i);
            const std::string name = "overview " + std::to_string(i);
            detail::check_blocks(in, name, ovr, ghost, ghost.mask_interleaved, r.errors);
            if (mask_of(ovr)) detail::check_blocks(in, "mask of " + name, *ovr.GetMaskBand(), ghost, false, r.errors);
        }
    }
    return r;
}

// What the output contract promises of every geowalk raster beyond the COG structure: GDAL's COG layout
// declared, DEFLATE or ZSTD, tiled, overviews, one Float32 band with nodata, a description and statistics, a CRS.
inline std::vector<std::string> cog_contract_problems(const std::filesystem::path& file)
{
    std::vector<std::string> p;
    GDALDatasetUniquePtr ds(GDALDataset::Open(file.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    if (!ds) return {"cannot open " + file.string()};
    const auto item = [](const char* v) { return std::string(v ? v : ""); };
    if (item(ds->GetMetadataItem("LAYOUT", "IMAGE_STRUCTURE")) != "COG") p.push_back("LAYOUT is not COG");
    const std::string compression = item(ds->GetMetadataItem("COMPRESSION", "IMAGE_STRUCTURE"));
    if (compression != "DEFLATE" && compression != "ZSTD") p.push_back("compression is '" + compression + "'");
    if (ds->GetRasterCount() != 1) return {"not one band"};
    if (!ds->GetSpatialRef()) p.push_back("no CRS");
    GDALRasterBand& band = *ds->GetRasterBand(1);
    if (band.GetRasterDataType() != GDT_Float32) p.push_back("not Float32");
    int has_nodata = FALSE;
    (void)band.GetNoDataValue(&has_nodata);
    if (!has_nodata) p.push_back("no nodata value");
    int bx = 0, by = 0;
    band.GetBlockSize(&bx, &by);
    if (bx != 512 || by != 512) p.push_back("blocks are " + std::to_string(bx) + " x " + std::to_string(by));
    if (band.GetOverviewCount() < 1 && (band.GetXSize() > 512 || band.GetYSize() > 512)) p.push_back("no overviews");
    if (item(band.GetDescription()).empty()) p.push_back("no band description");
    for (const char* s : {"STATISTICS_MINIMUM", "STATISTICS_MAXIMUM", "STATISTICS_MEAN", "STATISTICS_STDDEV"})
        if (!band.GetMetadataItem(s)) p.push_back(std::string("no ") + s);
    return p;
}

inline std::string joined(const std::vector<std::string>& lines)
{
    std::string out;
    for (const auto& l : lines) out += l + "\n";
    return out;
}

}  // namespace geo::test

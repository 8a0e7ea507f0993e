#pragma once
// The deterministic sample town: a Ganjun-like township (Zhangye, Gansu) with every input of a walk-and-find
// campaign in the file formats planners actually receive, plus campaign.toml. Used by `geowalk demo`, the tests and
// the benchmarks; the same seed and scale always give the same files.
#include <gdal.h>

#include <cstdint>
#include <filesystem>

namespace geo::sample {

struct TownOptions {
    std::uint64_t seed = 20170220;
    // 1, 10, 100, 1000...: the town is tiled `scale` times (each tile with its own sub-seed, offset east and north
    // in a near-square arrangement), so network, tracks and issues grow linearly. At most 10,000.
    int scale = 1;
    // Seconds between the fixes a walker's phone logs (at ~1.25 m/s walking speed: 10 s is a fix every ~12 m, 4 s
    // one every ~5 m, as in the coverage benchmark). 1 to 600.
    int fix_interval_s = 10;

    // Throws geo::UsageError for a scale or fix interval out of range.
    void validate() const;
};

// Writes every input file and campaign.toml into dir (created if missing); see files.hpp for the list. Streams tile
// by tile, so memory stays that of one tile whatever the scale. progress may be null; returning FALSE from it
// cancels with geo::Error.
void write_sample_town(const std::filesystem::path& dir, const TownOptions& options,
                       GDALProgressFunc progress = nullptr, void* progress_data = nullptr);

}  // namespace geo::sample

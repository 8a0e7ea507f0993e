#include "libgeo/sample/sample_town.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/sample/campaign_toml.hpp"
#include "libgeo/sample/files.hpp"
#include "libgeo/sample/random.hpp"
#include "libgeo/sample/walk_graph.hpp"

#include <cmath>
#include <cstdio>

namespace geo::sample {

namespace {

// Ganjun town centre (100.45 E, 38.93 N) in UTM 47N, rounded to 100 m.
constexpr Point k_origin{625700.0, 4310000.0};
// Tiles are 12 x 12.5 km; 14 km apart leaves a strip of open country between neighbours.
constexpr double k_tile_spacing = 14000.0;
constexpr int k_max_scale = 10000;
constexpr std::uint64_t k_track_stream = 100;
constexpr std::uint64_t k_issue_stream = 101;

Point tile_offset(int tile, int scale)
{
    const int columns = static_cast<int>(std::ceil(std::sqrt(static_cast<double>(scale))));
    return {k_origin.x + (tile % columns) * k_tile_spacing, k_origin.y + (tile / columns) * k_tile_spacing};
}

}  // namespace

void TownOptions::validate() const
{
    if (scale < 1 || scale > k_max_scale)
        throw UsageError("sample town scale " + std::to_string(scale) + " is out of range", {},
                         "use a scale between 1 and " + std::to_string(k_max_scale) + " (1, 10, 100, 1000 ...)");
    if (fix_interval_s < 1 || fix_interval_s > 600)
        throw UsageError("sample fix interval " + std::to_string(fix_interval_s) + " s is out of range", {},
                         "use 1 to 600 seconds between fixes");
}

void write_sample_town(const std::filesystem::path& dir, const TownOptions& options, GDALProgressFunc progress,
                       void* progress_data)
{
    options.validate();
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) {
        Where where;
        where.file = dir.string();
        throw OutputError("could not create the folder: " + ec.message(), where);
    }

    if (progress && !progress(0.0, "writing the sample town", progress_data))
        throw Error("sample town generation cancelled");
    GeosContext ctx;
    TownFiles files(dir);
    const bool tiled = options.scale > 1;
    for (int tile = 0; tile < options.scale; ++tile) {
        // Tile 0 of any scale is the scale-1 town with suffixed names, so small and large runs stay comparable.
        TileSpec spec;
        spec.seed = derive_seed(options.seed, static_cast<std::uint64_t>(tile));
        spec.tile = tile;
        const std::string number = std::to_string(tile + 1);
        if (tiled) {
            char township[8];
            std::snprintf(township, sizeof township, "%03d", tile % 1000);
            spec.suffix = "-" + number;
            spec.township_code = township;
        }
        const Town town = generate_town(ctx, spec);
        const WalkGraph graph = build_walk_graph(town);
        TrackOptions track_options;
        track_options.fix_interval_s = options.fix_interval_s;
        if (tiled) track_options.file_suffix = "_t" + number;
        const auto tracks = generate_tracks(town, graph, derive_seed(spec.seed, k_track_stream), track_options);
        IssueOptions issue_options;
        if (tiled) issue_options.id_prefix += number + "-";
        const auto issues = generate_issues(town, derive_seed(spec.seed, k_issue_stream), issue_options);

        const Point offset = tile_offset(tile, options.scale);
        files.add_town(town, offset);
        files.add_tracks(tracks, offset);
        files.add_issues(issues, offset);
        if (progress && !progress(static_cast<double>(tile + 1) / options.scale, "writing the sample town",
                                  progress_data))
            throw Error("sample town generation cancelled");
    }
    files.close();
    write_campaign_toml(dir);
}

}  // namespace geo::sample

// geowalk_kde_bench: the kernel density of a point file, for scripts/bench/kde.sh only (not a CLI subcommand: the
// CLI's `geowalk hotspots` reads a campaign). Reads the points of a GDAL vector layer in its own CRS (metres), lays
// QGIS's grid over them unless --grid gives one, and writes the COG with geo::output::write_density. The points are read
// with geo::load::read_layer_points (OGR's Arrow stream).
//
//   geowalk_kde_bench POINTS OUT.tif [--layer NAME] [--radius M] [--pixel M] [--kernel K] [--output raw|scaled]
//                     [--per-km2] [--weight FIELD] [--threads N] [--grid XMIN YMAX COLS ROWS]
//
// Prints one line: "read_s=... kde_write_s=... cols=... rows=... points=... skipped=... max=..."; the grid line
// "grid xmin ymin xmax ymax cols rows" follows for the peers.
#include "libgeo/core/error.hpp"
#include "libgeo/core/memory.hpp"
#include "libgeo/export/density_writer.hpp"
#include "libgeo/load/point_reader.hpp"
#include "libgeo/raster/kde.hpp"

#include <gdal_priv.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

namespace {

double seconds_since(std::chrono::steady_clock::time_point t0)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

struct Args {
    std::string input, output, layer, weight;
    geo::raster::KdeOptions options;
    bool grid_given = false;
    geo::raster::Grid grid;
};

Args parse(int argc, char** argv)
{
    if (argc < 3) throw geo::UsageError("usage: geowalk_kde_bench POINTS OUT.tif [options]");
    Args a;
    a.input = argv[1];
    a.output = argv[2];
    for (int i = 3; i < argc; ++i) {
        const std::string k = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc) throw geo::UsageError(k + " needs a value");
            return argv[++i];
        };
        if (k == "--layer") a.layer = next();
        else if (k == "--radius") a.options.radius_m = std::stod(next());
        else if (k == "--pixel") a.options.pixel_m = std::stod(next());
        else if (k == "--kernel") a.options.kernel = geo::raster::parse_kernel(next());
        else if (k == "--output") a.options.output = geo::raster::parse_kde_output(next());
        else if (k == "--per-km2") a.options.per_km2 = true;
        else if (k == "--weight") a.weight = next();
        else if (k == "--threads") a.options.threads = std::stoi(next());
        else if (k == "--grid") {
            a.grid_given = true;
            a.grid.origin_x = std::stod(next());
            a.grid.origin_y = std::stod(next());
            a.grid.cols = std::stoi(next());
            a.grid.rows = std::stoi(next());
        } else
            throw geo::UsageError("unknown option " + k);
    }
    a.grid.pixel = a.options.pixel_m;
    return a;
}

}  // namespace

int main(int argc, char** argv)
{
    geo::memory::keep_freed_blocks();  // as the CLI does
    GDALAllRegister();
    try {
        const Args a = parse(argc, argv);
        const auto t0 = std::chrono::steady_clock::now();
        const geo::load::LayerPoints read = geo::load::read_layer_points(a.input, a.layer, a.weight);
        const auto& points = read.points;
        const std::string& wkt = read.crs_wkt;
        const double read_s = seconds_since(t0);
        const auto t1 = std::chrono::steady_clock::now();
        const geo::raster::Grid grid = a.grid_given ? a.grid : geo::raster::kde_grid(points, a.options);
        const auto stats = geo::output::write_density(
            a.output, geo::raster::Density{grid, {points.begin(), points.end()}, a.options}, wkt);
        const double kde_s = seconds_since(t1);
        std::printf("read_s=%.3f kde_write_s=%.3f cols=%d rows=%d points=%zu skipped=%zu max=%.9g\n", read_s, kde_s,
                    grid.cols, grid.rows, points.size(), read.skipped.size(), stats.max);
        const auto box = grid.extent();
        std::printf("grid %.6f %.6f %.6f %.6f %d %d\n", box.min_corner().x(), box.min_corner().y(),
                    box.max_corner().x(), box.max_corner().y(), grid.cols, grid.rows);
        return 0;
    } catch (const geo::Error& e) {
        std::cerr << "geowalk_kde_bench: " << e.full_message() << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "geowalk_kde_bench: " << e.what() << "\n";
        return 2;
    }
}

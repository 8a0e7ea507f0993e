#include "libgeo/export/density_writer.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/core/memory.hpp"
#include "libgeo/core/number_text.hpp"
#include "libgeo/handles/gdal_errors.hpp"
#include "libgeo/export/cog_support.hpp"

#include <cpl_string.h>
#include <gdal_priv.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <system_error>
#include <vector>

namespace geo::output {

namespace {

constexpr int block = 512;  // evaluation tile = temporary GTiff block = COG block

// Removes the temporary file however write_density leaves.
class TemporaryFile {
public:
    explicit TemporaryFile(std::filesystem::path path) : m_path(std::move(path)) {}
    ~TemporaryFile()
    {
        std::error_code ignored;
        std::filesystem::remove(m_path, ignored);
    }
    TemporaryFile(const TemporaryFile&) = delete;
    TemporaryFile& operator=(const TemporaryFile&) = delete;
    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

// GDAL's block cache defaults to 5 % of RAM and would fill with the whole raster on a big grid (dirty blocks while
// writing, clean ones while the COG driver reads them back); capping it keeps memory bounded whatever the grid.
class CacheCap {
public:
    explicit CacheCap(GIntBig bytes) : m_saved(GDALGetCacheMax64())
    {
        if (m_saved > bytes) GDALSetCacheMax64(bytes);
    }
    ~CacheCap()
    {
        if (GDALGetCacheMax64() != m_saved) GDALSetCacheMax64(m_saved);
    }
    CacheCap(const CacheCap&) = delete;
    CacheCap& operator=(const CacheCap&) = delete;

private:
    GIntBig m_saved;
};

// Statistics merged tile by tile in tile order (Chan et al.'s pairwise update), so they are deterministic and
// numerically stable whatever the grid size.
class RunningStats {
public:
    void add_tile(const raster::KdeTile& tile)
    {
        double n = 0.0, sum = 0.0;
        double lo = std::numeric_limits<double>::infinity(), hi = -lo;
        for (int r = 0; r < tile.rows; ++r)
            for (int c = 0; c < tile.cols; ++c) {
                const double v = tile.values[static_cast<std::size_t>(r) * tile.stride + c];
                sum += v;
                lo = std::min(lo, v);
                hi = std::max(hi, v);
                if (v != 0.0) ++m_stats.nonzero;
            }
        n = static_cast<double>(tile.rows) * tile.cols;
        const double mean = sum / n;
        double m2 = 0.0;
        for (int r = 0; r < tile.rows; ++r)
            for (int c = 0; c < tile.cols; ++c) {
                const double d = tile.values[static_cast<std::size_t>(r) * tile.stride + c] - mean;
                m2 += d * d;
            }
        const double total = m_n + n;
        const double delta = mean - m_mean;
        m_mean += delta * n / total;
        m_m2 += m2 + delta * delta * m_n * n / total;
        m_n = total;
        m_stats.sum += sum;
        m_stats.min = m_first ? lo : std::min(m_stats.min, lo);
        m_stats.max = m_first ? hi : std::max(m_stats.max, hi);
        m_first = false;
    }
    [[nodiscard]] DensityStats result() const
    {
        DensityStats s = m_stats;
        s.mean = m_mean;
        s.stddev = m_n > 0 ? std::sqrt(m_m2 / m_n) : 0.0;
        return s;
    }

private:
    DensityStats m_stats;
    double m_n = 0.0, m_mean = 0.0, m_m2 = 0.0;
    bool m_first = true;
};

// Grids up to 64 M cells (256 MB of Float32; 8,000 x 8,000 pixels) are staged for the COG driver in memory, when
// the memory limit leaves room for them twice over. Larger ones go through a temporary tiled GeoTIFF, so that any
// grid up to max_kde_cells can be written in bounded memory; for a town-sized grid the temporary file's extra
// compression and read-back cost more than the evaluation itself.
constexpr double max_in_memory_bytes = 256.0 * 1024 * 1024;

bool stage_in_memory(const raster::Grid& grid)
{
    const double bytes = sizeof(float) * static_cast<double>(grid.cells());
    return bytes <= max_in_memory_bytes && 2.0 * bytes <= memory::free_bytes();
}

GDALDatasetUniquePtr memory_stage(const std::filesystem::path& file, const raster::Grid& grid,
                                  const GdalErrorTrap& errors)
{
    GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
    if (!mem) detail::fail_output(file, "GDAL has no MEM driver");
    GDALDatasetUniquePtr dataset(mem->Create("", grid.cols, grid.rows, 1, GDT_Float32, nullptr));
    if (!dataset) detail::fail_output(file, "cannot set up the density raster in memory: " + errors.message());
    return dataset;
}

// The temporary file favours speed (ZSTD level 1, no predictor) and BigTIFF since it may exceed 4 GB raw.
GDALDatasetUniquePtr file_stage(const std::filesystem::path& file, const std::filesystem::path& temp,
                                const raster::Grid& grid, int threads, const GdalErrorTrap& errors)
{
    GDALDriver* gtiff = GetGDALDriverManager()->GetDriverByName("GTiff");
    if (!gtiff) detail::fail_output(file, "GDAL has no GTiff driver");
    CPLStringList create;
    create.SetNameValue("TILED", "YES");
    create.SetNameValue("BLOCKXSIZE", std::to_string(block).c_str());
    create.SetNameValue("BLOCKYSIZE", std::to_string(block).c_str());
    create.SetNameValue("COMPRESS", "ZSTD");
    create.SetNameValue("ZSTD_LEVEL", "1");
    create.SetNameValue("BIGTIFF", "YES");
    create.SetNameValue("NUM_THREADS", std::to_string(threads).c_str());
    GDALDatasetUniquePtr dataset(gtiff->Create(temp.c_str(), grid.cols, grid.rows, 1, GDT_Float32, create.List()));
    if (!dataset) detail::fail_output(file, "cannot create the temporary tiled GeoTIFF: " + errors.message(),
                                      "check free space and permissions of the output folder");
    return dataset;
}

std::map<std::string, std::string> kde_metadata(const raster::KdeOptions& options, bool per_point_radius,
                                                const raster::Grid& grid, std::size_t points)
{
    return {{"GEOWALK_ANALYSIS", "hotspots"},
            {"KDE_KERNEL", std::string(raster::kernel_name(options.kernel))},
            {"KDE_RADIUS_M", number_text(options.radius_m)},
            {"KDE_PER_POINT_RADIUS", per_point_radius ? "yes" : "no"},
            {"KDE_PIXEL_M", number_text(grid.pixel)},
            {"KDE_OUTPUT", std::string(raster::kde_output_name(options.output))},
            {"KDE_UNITS", raster::kde_units(options)},
            {"KDE_POINTS", std::to_string(points)}};
}

}  // namespace

std::string density_description(const raster::KdeOptions& options, bool per_point_radius)
{
    std::string text = "kernel density, " + std::string(raster::kernel_name(options.kernel)) + ", r = " +
                       (per_point_radius ? "per point (default " + number_text(options.radius_m) + " m)"
                                         : number_text(options.radius_m) + " m") +
                       ", " + std::string(raster::kde_output_name(options.output)) + " (" +
                       raster::kde_units(options) + ")";
    return text;
}

DensityStats write_density(const std::filesystem::path& file, const raster::Density& density,
                           const std::string& crs_wkt, const std::map<std::string, std::string>& metadata,
                           Progress progress)
{
    const raster::Grid& grid = density.grid;
    const std::vector<raster::KdePoint>& points = density.points;
    const raster::KdeOptions& options = density.options;
    raster::KdeOptions tiled = options;
    tiled.tile_px = block;
    tiled.validate();
    raster::validate_kde_grid(grid);
    raster::validate_points(points);
    const bool per_point_radius =
        std::any_of(points.begin(), points.end(), [](const raster::KdePoint& p) { return p.radius > 0.0; });

    GdalErrorTrap errors;
    const OGRSpatialReference srs = detail::raster_crs(file, crs_wkt, errors);
    const CacheCap cache(256LL << 20);
    const TemporaryFile temp(file.string() + ".tiles.tmp.tif");
    const bool in_memory = stage_in_memory(grid);
    GDALDatasetUniquePtr dataset = in_memory ? memory_stage(file, grid, errors)
                                             : file_stage(file, temp.path(), grid, options.threads, errors);
    std::array<double, 6> transform = grid.geotransform();
    dataset->SetGeoTransform(transform.data());
    dataset->SetSpatialRef(&srs);
    const auto items = kde_metadata(options, per_point_radius, grid, points.size());
    GDALRasterBand* band = dataset->GetRasterBand(1);
    band->SetNoDataValue(raster::nodata);
    band->SetDescription(density_description(options, per_point_radius).c_str());
    for (const auto& [key, value] : items) {
        dataset->SetMetadataItem(key.c_str(), value.c_str());
        band->SetMetadataItem(key.c_str(), value.c_str());
    }
    for (const auto& [key, value] : metadata) dataset->SetMetadataItem(key.c_str(), value.c_str());
    if (errors.failed()) detail::fail_output(file, "cannot set up the staging raster: " + errors.message());

    // In memory a tile's valid part is copied in; on file whole blocks go straight to the GTiff driver (WriteBlock
    // bypasses the block cache; the padding is zero).
    RunningStats stats;
    std::vector<float> buffer(in_memory ? 0 : static_cast<std::size_t>(block) * block);
    SubProgress evaluation{progress.fn, progress.data, 0.0, 0.8};
    Progress eval_progress{progress.fn ? &SubProgress::callback : nullptr, &evaluation, progress.task};
    density.drain(
        block,
        [&](const raster::KdeTile& tile) {
            stats.add_tile(tile);
            CPLErr written = CE_None;
            if (in_memory) {
                written = band->RasterIO(GF_Write, tile.col, tile.row, tile.cols, tile.rows,
                                         const_cast<float*>(tile.values.data()), tile.cols, tile.rows, GDT_Float32,
                                         sizeof(float), static_cast<GSpacing>(sizeof(float)) * tile.stride, nullptr);
            } else {
                std::copy(tile.values.begin(), tile.values.end(), buffer.begin());
                written = band->WriteBlock(tile.col / block, tile.row / block, buffer.data());
            }
            if (written != CE_None)
                detail::fail_output(file, "cannot write the staging raster: " + errors.message(),
                                    "check free space in the output folder");
        },
        eval_progress);
    const DensityStats result = stats.result();
    band->SetStatistics(result.min, result.max, result.mean, result.stddev);
    dataset->FlushCache(false);
    if (errors.failed())
        detail::fail_output(file, "cannot write the staging raster: " + errors.message(),
                            "check free space in the output folder");

    SubProgress copy{progress.fn, progress.data, 0.8, 1.0};
    detail::copy_to_cog(file, *dataset, errors, options.threads, progress.fn ? &SubProgress::callback : nullptr, &copy);
    progress(1.0, "density.tif written");
    return result;
}

}  // namespace geo::output

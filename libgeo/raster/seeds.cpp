#include "libgeo/raster/seeds.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/core/parallel.hpp"

#include <cpl_string.h>
#include <gdal_alg.h>
#include <gdal_priv.h>
#include <ogr_geometry.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <memory>
#include <string>

namespace geo::raster::detail {

namespace {

// The rows burnt at a time, per thread: about this many bytes.
constexpr std::size_t band_bytes = std::size_t{4} << 20;

bool finite(const Point& p) { return std::isfinite(p.x()) && std::isfinite(p.y()); }

bool same(const Point& a, const Point& b) { return a.x() == b.x() && a.y() == b.y(); }

// Calls add(a, b) for every segment of the lines in input order. Repeated vertices are dropped; a line of one
// position is one point.
template <class Add>
void each_segment(const std::vector<LineString>& lines, Add&& add)
{
    for (std::size_t l = 0; l < lines.size(); ++l) {
        const LineString& line = lines[l];
        for (const Point& p : line)
            if (!finite(p)) throw Error("line " + std::to_string(l) + " has a non-finite coordinate");
        bool any = false;
        for (std::size_t i = 1; i < line.size(); ++i)
            if (!same(line[i - 1], line[i])) {
                add(line[i - 1], line[i]);
                any = true;
            }
        // A track of one fix, or of one position recorded many times, is a visited point.
        if (!any && !line.empty()) add(line.front(), line.front());
    }
}

// Burns the geometries into `pixels` (grid.cells() bytes, row-major, 1 where burnt) with GDAL's ALL_TOUCHED rule,
// through a MEM raster over that buffer, so nothing is copied.
void burn(const Grid& grid, const std::vector<OGRGeometryH>& geometries, std::uint8_t* pixels)
{
    GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
    GDALDatasetUniquePtr ds(mem != nullptr ? mem->Create("", grid.cols, grid.rows, 0, GDT_Byte, nullptr) : nullptr);
    if (!ds) throw Error("GDAL's MEM driver is missing: cannot burn the walks into the distance raster");
    CPLStringList band;
    char pointer[64] = {};  // CPLPrintPointer does not end the text with a NUL
    CPLPrintPointer(pointer, pixels, sizeof pointer - 1);
    band.SetNameValue("DATAPOINTER", pointer);
    auto transform = grid.geotransform();
    if (ds->AddBand(GDT_Byte, band.List()) != CE_None || ds->SetGeoTransform(transform.data()) != CE_None)
        throw Error("could not set up the raster the walks are burnt into: " + std::string(CPLGetLastErrorMsg()));
    int band_number = 1;
    const std::vector<double> values(geometries.size(), 1.0);  // one per geometry and band
    CPLStringList options;
    options.SetNameValue("ALL_TOUCHED", "TRUE");
    if (GDALRasterizeGeometries(GDALDataset::ToHandle(ds.get()), 1, &band_number, static_cast<int>(geometries.size()),
                                geometries.data(), nullptr, nullptr, values.data(), options.List(), nullptr, nullptr) != CE_None)
        throw Error("GDAL could not burn the walks into the distance raster: " + std::string(CPLGetLastErrorMsg()));
}

// Appends offset + i for every marked burnt[i], in order. Most pixels are not seeds: they are skipped eight at a time.
void collect_marked(const std::vector<std::uint8_t>& burnt, std::size_t offset, std::vector<std::size_t>& out)
{
    const std::size_t n = burnt.size();
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        std::uint64_t word;
        std::memcpy(&word, burnt.data() + i, sizeof word);
        if (word == 0) continue;
        for (std::size_t j = i; j < i + 8; ++j)
            if (burnt[j] != 0) out.push_back(offset + j);
    }
    for (; i < n; ++i)
        if (burnt[i] != 0) out.push_back(offset + i);
}

}  // namespace

std::vector<Segment> make_segments(const Grid& grid, const std::vector<LineString>& lines)
{
    std::vector<Segment> segments;
    std::size_t points = 0;
    for (const LineString& line : lines) points += line.size();
    segments.reserve(points);  // at most one segment per point
    each_segment(lines, [&](const Point& a, const Point& b) {
        // Segment ids travel as 32-bit integers.
        if (segments.size() >= static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max()))
            throw UsageError("too many line segments for one distance raster");
        segments.push_back({a.x() - grid.origin_x, grid.origin_y - a.y(), b.x() - grid.origin_x, grid.origin_y - b.y()});
    });
    return segments;
}

std::size_t seed_cells(const Grid& grid, const std::vector<LineString>& lines, std::vector<std::size_t>& cells,
                       int threads)
{
    std::size_t segments = 0;
    each_segment(lines, [&](const Point&, const Point&) { ++segments; });  // also refuses non-finite coordinates
    if (segments == 0) return 0;

    std::vector<std::unique_ptr<OGRGeometry>> geometries;
    for (const LineString& line : lines) {
        if (line.empty()) continue;
        if (std::all_of(line.begin(), line.end(), [&](const Point& p) { return same(p, line.front()); })) {
            geometries.push_back(std::make_unique<OGRPoint>(line.front().x(), line.front().y()));
            continue;
        }
        auto ogr = std::make_unique<OGRLineString>();
        ogr->setNumPoints(static_cast<int>(line.size()), FALSE);
        for (std::size_t i = 0; i < line.size(); ++i) ogr->setPoint(static_cast<int>(i), line[i].x(), line[i].y());
        geometries.push_back(std::move(ogr));
    }
    std::vector<OGREnvelope> extents(geometries.size());
    for (std::size_t g = 0; g < geometries.size(); ++g) geometries[g]->getEnvelope(&extents[g]);

    // Bands of a few megabytes burnt one after another into a buffer of each thread's own: it stays in cache, and
    // nothing the size of the grid is allocated. GDAL walks every geometry it is given, so each band gets only those
    // that reach it (with a pixel's slack for lines along its edges; GDAL clips the rest).
    const auto cols = static_cast<std::size_t>(grid.cols);
    const auto rows_per_band = std::clamp<std::size_t>(band_bytes / cols, 1, static_cast<std::size_t>(grid.rows));
    const auto band_rows = static_cast<int>(rows_per_band);
    const int bands = (grid.rows + band_rows - 1) / band_rows;
    const int workers = std::clamp(threads, 1, bands);
    std::vector<std::vector<std::size_t>> found(static_cast<std::size_t>(bands));
    geo::detail::parallel_chunks(
        static_cast<std::size_t>(workers), 1, workers,
        [&](std::size_t first, std::size_t last) {
            std::vector<std::uint8_t> burnt;
            std::vector<OGRGeometryH> handles;
            for (auto worker = static_cast<int>(first); worker < static_cast<int>(last); ++worker)
                for (int b = worker; b < bands; b += workers) {
                    Grid rows = grid;
                    const int from = b * band_rows;
                    rows.origin_y -= from * grid.pixel;
                    rows.rows = std::min(band_rows, grid.rows - from);
                    const double top = rows.origin_y + grid.pixel;
                    const double bottom = rows.origin_y - (rows.rows + 1) * grid.pixel;
                    handles.clear();
                    for (std::size_t g = 0; g < geometries.size(); ++g)
                        if (extents[g].MaxY >= bottom && extents[g].MinY <= top)
                            handles.push_back(OGRGeometry::ToHandle(geometries[g].get()));
                    if (handles.empty()) continue;
                    burnt.assign(rows.cells(), 0);
                    burn(rows, handles, burnt.data());
                    collect_marked(burnt, grid.index(0, from), found[static_cast<std::size_t>(b)]);
                }
        },
        [](double) { return true; });  // fast: no progress, nothing cancels it
    for (const auto& band : found) cells.insert(cells.end(), band.begin(), band.end());
    return segments;
}

}  // namespace geo::raster::detail

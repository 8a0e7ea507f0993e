#include "libgeo/raster/seeds.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/core/memory.hpp"
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

    // Bands of rows burnt side by side (GDAL burns one geometry after another), each a grid of its own over its rows.
    // Two bands per thread: on the benchmark scenes GDAL burns one whole grid ~4x slower than its two halves.
    std::vector<std::uint8_t> burnt = memory::pixel_buffer<std::uint8_t>(grid.cells(), 0);
    const int bands = std::min(2 * threads, grid.rows);
    geo::detail::parallel_chunks(
        static_cast<std::size_t>(bands), 1, threads,
        [&](std::size_t first, std::size_t last) {
            for (std::size_t b = first; b < last; ++b) {
                const int from = static_cast<int>(static_cast<long long>(grid.rows) * static_cast<long long>(b) / bands);
                const int to = static_cast<int>(static_cast<long long>(grid.rows) * static_cast<long long>(b + 1) / bands);
                Grid rows = grid;
                rows.origin_y -= from * grid.pixel;
                rows.rows = to - from;
                // GDAL walks every geometry it is given: give it only those that reach the band (a pixel's slack
                // for the lines along its edges; GDAL clips the rest).
                const double top = rows.origin_y + grid.pixel;
                const double bottom = rows.origin_y - (rows.rows + 1) * grid.pixel;
                std::vector<OGRGeometryH> handles;
                for (std::size_t g = 0; g < geometries.size(); ++g)
                    if (extents[g].MaxY >= bottom && extents[g].MinY <= top)
                        handles.push_back(OGRGeometry::ToHandle(geometries[g].get()));
                if (!handles.empty()) burn(rows, handles, burnt.data() + grid.index(0, from));
            }
        },
        [](double) { return true; });  // fast: no progress, nothing cancels it
    // Most pixels are not seeds: skip them eight at a time.
    const std::size_t n = burnt.size();
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        std::uint64_t word;
        std::memcpy(&word, burnt.data() + i, sizeof word);
        if (word == 0) continue;
        for (std::size_t j = i; j < i + 8; ++j)
            if (burnt[j] != 0) cells.push_back(j);
    }
    for (; i < n; ++i)
        if (burnt[i] != 0) cells.push_back(i);
    return segments;
}

}  // namespace geo::raster::detail

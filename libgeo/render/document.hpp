#pragma once
// Where maps and the report are drawn: an A4 page measured in points (1/72 inch), backed by a 300 dpi PNG or by a
// PDF of one or more pages. Drawing code sees only a cairo_t in points and never knows which. Cairo draws; the PNG
// file is written by GDAL's PNG driver (resolution, world file and CRS included).
#include "libgeo/handles/cairo.hpp"

#include <array>
#include <filesystem>
#include <optional>
#include <string>

namespace geo::render {

enum class PageFormat { png, pdf };

struct PageSize {
    double width_pt = 841.89;  // A4 landscape
    double height_pt = 595.28;
};
inline constexpr PageSize a4_landscape{841.89, 595.28};
inline constexpr PageSize a4_portrait{595.28, 841.89};
inline constexpr double print_dpi = 300;

[[nodiscard]] constexpr double mm(double millimetres) { return millimetres * 72.0 / 25.4; }

class Document {
public:
    // A PNG is written by finish(); a PDF grows page by page, so callers draw into an output transaction's staging
    // folder (export/atomic_output.hpp) and an unfinished document never reaches a final name.
    Document(std::filesystem::path file, PageFormat format, PageSize size = a4_landscape, double dpi = print_dpi);

    [[nodiscard]] cairo_t* cr() const { return m_cr.get(); }
    [[nodiscard]] const PageSize& size() const { return m_size; }
    [[nodiscard]] PageFormat format() const { return m_format; }

    // Ends the page and starts a new white one (PDF only: a PNG holds one page).
    void next_page();
    // A PNG page that shows a map can carry where it lies: GDAL's affine transform from page points to the map's
    // CRS (x = gt[0] + pt_x * gt[1], y = gt[3] + pt_y * gt[5]). finish() then writes a world file (.wld) and the
    // CRS (.png.aux.xml), so QGIS places the map image on the town.
    void georeference(const std::array<double, 6>& points_to_world, std::string crs_wkt);
    // Writes the file; throws geo::OutputError naming it when Cairo reports a failure.
    void finish();

private:
    void start_page();

    std::filesystem::path m_file;
    PageFormat m_format;
    PageSize m_size;
    CairoSurfacePtr m_surface;
    CairoPtr m_cr;
    double m_scale = 1;
    std::optional<std::array<double, 6>> m_geotransform;  // page pixels to world
    std::string m_crs_wkt;
};

}  // namespace geo::render

#include "libgeo/render/document.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/handles/gdal_errors.hpp"

#include <cairo-pdf.h>
#include <gdal_priv.h>

#include <cmath>
#include <cstdint>
#include <vector>

namespace geo::render {

namespace {

void check(cairo_status_t status, const std::filesystem::path& file, const char* doing)
{
    if (status != CAIRO_STATUS_SUCCESS)
        throw OutputError(std::string("could not ") + doing + ": " + cairo_status_to_string(status),
                          in_file(file.string()), "check the disk has space and the folder is writable");
}

// The page as an RGB PNG through GDAL: Cairo's pixels are premultiplied native-endian ARGB on a white, opaque page.
void write_png(cairo_surface_t* surface, const std::filesystem::path& file, double dpi,
               const std::optional<std::array<double, 6>>& geotransform, const std::string& crs_wkt)
{
    const int w = cairo_image_surface_get_width(surface), h = cairo_image_surface_get_height(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    const unsigned char* data = cairo_image_surface_get_data(surface);
    GdalErrorTrap errors;
    GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
    GDALDriver* png = GetGDALDriverManager()->GetDriverByName("PNG");
    if (!mem || !png) throw OutputError("GDAL has no PNG driver", in_file(file.string()), "install gdal-bin from Debian");
    GDALDatasetUniquePtr page(mem->Create("", w, h, 3, GDT_Byte, nullptr));
    std::vector<std::uint8_t> band(static_cast<std::size_t>(w) * h);
    for (int b = 0; b < 3; ++b) {
        const int shift = 16 - 8 * b;  // red, green, blue
        for (int y = 0; y < h; ++y) {
            const auto* row = reinterpret_cast<const std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
            for (int x = 0; x < w; ++x) band[static_cast<std::size_t>(y) * w + x] = static_cast<std::uint8_t>(row[x] >> shift);
        }
        if (page->GetRasterBand(b + 1)->RasterIO(GF_Write, 0, 0, w, h, band.data(), w, h, GDT_Byte, 0, 0) != CE_None)
            throw OutputError("could not copy the page: " + errors.message(), in_file(file.string()));
    }
    const std::string resolution = std::to_string(static_cast<int>(std::lround(dpi)));
    page->SetMetadataItem("TIFFTAG_XRESOLUTION", resolution.c_str());  // the PNG driver writes them as pHYs
    page->SetMetadataItem("TIFFTAG_YRESOLUTION", resolution.c_str());
    page->SetMetadataItem("TIFFTAG_RESOLUTIONUNIT", "2");                // inches
    if (geotransform) {
        std::array<double, 6> gt = *geotransform;
        page->SetGeoTransform(gt.data());
        if (!crs_wkt.empty()) page->SetProjection(crs_wkt.c_str());
    }
    const char* options[] = {"ZLEVEL=6", geotransform ? "WORLDFILE=YES" : nullptr, nullptr};
    GDALDatasetUniquePtr out(png->CreateCopy(file.c_str(), page.get(), FALSE, const_cast<char**>(options), nullptr, nullptr));
    if (!out) throw OutputError("could not write the PNG: " + errors.message(), in_file(file.string()),
                                "check the disk has space and the folder is writable");
}

}  // namespace

Document::Document(std::filesystem::path file, PageFormat format, PageSize size, double dpi)
    : m_file(std::move(file)), m_format(format), m_size(size)
{
    if (format == PageFormat::png) {
        m_scale = dpi / 72.0;
        const int w = static_cast<int>(std::lround(size.width_pt * m_scale));
        const int h = static_cast<int>(std::lround(size.height_pt * m_scale));
        m_surface.reset(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h));
    } else {
        m_surface.reset(cairo_pdf_surface_create(m_file.c_str(), size.width_pt, size.height_pt));
        cairo_pdf_surface_set_metadata(m_surface.get(), CAIRO_PDF_METADATA_CREATOR, "geowalk");
    }
    check(cairo_surface_status(m_surface.get()), m_file, "create the page");
    m_cr.reset(cairo_create(m_surface.get()));
    check(cairo_status(m_cr.get()), m_file, "start drawing");
    start_page();
}

void Document::start_page()
{
    cairo_t* c = m_cr.get();
    cairo_identity_matrix(c);
    cairo_scale(c, m_scale, m_scale);
    cairo_set_source_rgb(c, 1, 1, 1);
    cairo_paint(c);
}

void Document::next_page()
{
    if (m_format != PageFormat::pdf) throw Error("a PNG map holds one page", in_file(m_file.string()));
    cairo_show_page(m_cr.get());
    start_page();
}

void Document::georeference(const std::array<double, 6>& points_to_world, std::string crs_wkt)
{
    // One pixel is 1/m_scale points.
    auto gt = points_to_world;
    gt[1] /= m_scale;
    gt[2] /= m_scale;
    gt[4] /= m_scale;
    gt[5] /= m_scale;
    m_geotransform = gt;
    m_crs_wkt = std::move(crs_wkt);
}

void Document::finish()
{
    check(cairo_status(m_cr.get()), m_file, "draw the page");
    if (m_format == PageFormat::png) {
        cairo_surface_flush(m_surface.get());
        write_png(m_surface.get(), m_file, m_scale * 72.0, m_geotransform, m_crs_wkt);
    } else {
        cairo_show_page(m_cr.get());
        m_cr.reset();
        cairo_surface_finish(m_surface.get());
        check(cairo_surface_status(m_surface.get()), m_file, "write the PDF");
    }
}

}  // namespace geo::render

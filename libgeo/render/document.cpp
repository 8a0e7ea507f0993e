#include "libgeo/render/document.hpp"

#include "libgeo/core/error.hpp"

#include <cairo-pdf.h>

#include <cmath>

namespace geo::render {

namespace {

void check(cairo_status_t status, const std::filesystem::path& file, const char* doing)
{
    if (status != CAIRO_STATUS_SUCCESS)
        throw OutputError(std::string("could not ") + doing + ": " + cairo_status_to_string(status),
                          in_file(file.string()), "check the disk has space and the folder is writable");
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

void Document::finish()
{
    check(cairo_status(m_cr.get()), m_file, "draw the page");
    if (m_format == PageFormat::png) {
        cairo_surface_flush(m_surface.get());
        check(cairo_surface_write_to_png(m_surface.get(), m_file.c_str()), m_file, "write the PNG");
    } else {
        cairo_show_page(m_cr.get());
        m_cr.reset();
        cairo_surface_finish(m_surface.get());
        check(cairo_surface_status(m_surface.get()), m_file, "write the PDF");
    }
}

}  // namespace geo::render

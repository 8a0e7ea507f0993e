#include "libgeo/render/page_image.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/handles/cairo.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace geo::render {

void draw_as_image(cairo_t* cr, const Rect& area, double dpi, const std::function<void(cairo_t*)>& draw)
{
    const double scale = dpi / 72.0;
    const int width = std::max(1, static_cast<int>(std::ceil(area.w * scale)));
    const int height = std::max(1, static_cast<int>(std::ceil(area.h * scale)));
    CairoSurfacePtr image(cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height));
    if (cairo_surface_status(image.get()) != CAIRO_STATUS_SUCCESS)
        throw Error("could not make a " + std::to_string(width) + " x " + std::to_string(height) +
                    " pixel image of the map: " + cairo_status_to_string(cairo_surface_status(image.get())));
    {
        const CairoPtr ic(cairo_create(image.get()));
        cairo_set_source_rgb(ic.get(), 1, 1, 1);
        cairo_paint(ic.get());
        cairo_scale(ic.get(), scale, scale);
        cairo_translate(ic.get(), -area.x, -area.y);
        draw(ic.get());
    }
    cairo_surface_flush(image.get());
    const CairoSaved saved(cr);
    cairo_rectangle(cr, area.x, area.y, area.w, area.h);
    cairo_clip(cr);
    cairo_translate(cr, area.x, area.y);
    cairo_scale(cr, 1 / scale, 1 / scale);
    cairo_set_source_surface(cr, image.get(), 0, 0);
    cairo_paint(cr);
}

}  // namespace geo::render

#pragma once
// Part of a page drawn as one image at print resolution. A PDF keeps vector drawing whole: a county's map (millions
// of road and track vertices) was recorded by Cairo's PDF surface until the page ended, 3 GB for the 100x sample
// town, and written out at the same order of size. An image of the same part costs the same whatever the data. The
// report places its map pages this way, and a PDF map its map frame (titles, labels and legend stay text).
#include "libgeo/render/view.hpp"

#include <cairo.h>

#include <functional>

namespace geo::render {

// Calls draw(image_cr) with a context measured in the same page points as `cr` but backed by an opaque RGB image of
// `area` at `dpi`, white to start with, then paints that image over `area` of `cr`. What `draw` puts outside `area`
// is cut off. Throws geo::Error when the image cannot be allocated.
void draw_as_image(cairo_t* cr, const Rect& area, double dpi, const std::function<void(cairo_t*)>& draw);

}  // namespace geo::render

#pragma once
// RAII for Cairo surfaces and contexts and Pango layouts: the only place that frees them.
#include <cairo.h>
#include <pango/pangocairo.h>

#include <memory>

namespace geo {

struct CairoSurfaceDeleter {
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct CairoDeleter {
    void operator()(cairo_t* cr) const { cairo_destroy(cr); }
};
struct CairoPatternDeleter {
    void operator()(cairo_pattern_t* p) const { cairo_pattern_destroy(p); }
};
struct GObjectDeleter {
    void operator()(void* object) const { g_object_unref(object); }
};
struct FontDescriptionDeleter {
    void operator()(PangoFontDescription* f) const { pango_font_description_free(f); }
};

using CairoSurfacePtr = std::unique_ptr<cairo_surface_t, CairoSurfaceDeleter>;
using CairoPtr = std::unique_ptr<cairo_t, CairoDeleter>;
using CairoPatternPtr = std::unique_ptr<cairo_pattern_t, CairoPatternDeleter>;
using PangoLayoutPtr = std::unique_ptr<PangoLayout, GObjectDeleter>;
using FontDescriptionPtr = std::unique_ptr<PangoFontDescription, FontDescriptionDeleter>;

// Saves the drawing state and restores it at scope exit, so a helper cannot leak a transform or clip.
class CairoSaved {
public:
    explicit CairoSaved(cairo_t* cr) : m_cr(cr) { cairo_save(cr); }
    ~CairoSaved() { cairo_restore(m_cr); }
    CairoSaved(const CairoSaved&) = delete;
    CairoSaved& operator=(const CairoSaved&) = delete;

private:
    cairo_t* m_cr;
};

}  // namespace geo

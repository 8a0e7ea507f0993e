// Cairo and Pango handles. Cairo and GObject count references, so whether a deleter really released its object is
// read from the library's own counters rather than trusted.
#include "libgeo/handles/cairo.hpp"

#include <gtest/gtest.h>

#include <utility>

namespace geo {

TEST(HandlesCairo, ContextDeleterReleasesItsSurfaceReferences)
{
    const CairoSurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 4, 4));
    ASSERT_EQ(cairo_surface_status(surface.get()), CAIRO_STATUS_SUCCESS);
    EXPECT_EQ(cairo_surface_get_reference_count(surface.get()), 1u);
    CairoPtr cr(cairo_create(surface.get()));
    const unsigned int held = cairo_surface_get_reference_count(surface.get());
    EXPECT_GT(held, 1u);  // the context holds the surface (how many references is cairo's business)
    CairoPtr moved = std::move(cr);
    // NOLINTNEXTLINE(bugprone-use-after-move,clang-analyzer-cplusplus.Move): the moved-from state is the point
    EXPECT_EQ(cr, nullptr);
    EXPECT_EQ(cairo_surface_get_reference_count(surface.get()), held);  // a move takes no reference
    moved.reset();
    EXPECT_EQ(cairo_surface_get_reference_count(surface.get()), 1u);  // every reference the context took is back
}

TEST(HandlesCairo, PatternDeleterReleasesItsReference)
{
    const CairoPatternPtr pattern(cairo_pattern_create_rgb(1, 0, 0));
    cairo_pattern_t* extra = cairo_pattern_reference(pattern.get());
    EXPECT_EQ(cairo_pattern_get_reference_count(pattern.get()), 2u);
    {
        const CairoPatternPtr second(extra);
    }
    EXPECT_EQ(cairo_pattern_get_reference_count(pattern.get()), 1u);
}

TEST(HandlesCairo, SavedStateIsRestoredAtScopeExit)
{
    const CairoSurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 4, 4));
    const CairoPtr cr(cairo_create(surface.get()));
    cairo_set_line_width(cr.get(), 2.0);
    {
        const CairoSaved saved(cr.get());
        cairo_translate(cr.get(), 10.0, 20.0);
        cairo_set_line_width(cr.get(), 7.0);
        double x = 0, y = 0;
        cairo_user_to_device(cr.get(), &x, &y);
        EXPECT_EQ(x, 10.0);
        EXPECT_EQ(y, 20.0);
    }
    EXPECT_EQ(cairo_get_line_width(cr.get()), 2.0);
    double x = 0, y = 0;
    cairo_user_to_device(cr.get(), &x, &y);
    EXPECT_EQ(x, 0.0);
    EXPECT_EQ(y, 0.0);
    EXPECT_EQ(cairo_status(cr.get()), CAIRO_STATUS_SUCCESS);  // save and restore were balanced
}

TEST(HandlesCairo, PangoLayoutIsUnreferenced)
{
    const CairoSurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 4, 4));
    const CairoPtr cr(cairo_create(surface.get()));
    PangoLayoutPtr layout(pango_cairo_create_layout(cr.get()));
    ASSERT_NE(layout, nullptr);
    // A weak pointer is cleared by GObject when the last reference goes: the oracle for "freed".
    gpointer watch = layout.get();
    g_object_add_weak_pointer(G_OBJECT(layout.get()), &watch);
    layout.reset();
    EXPECT_EQ(watch, nullptr);

    const FontDescriptionPtr font(pango_font_description_from_string("Sans 12"));
    ASSERT_NE(font, nullptr);
    EXPECT_EQ(pango_font_description_get_size(font.get()), 12 * PANGO_SCALE);
}

}  // namespace geo

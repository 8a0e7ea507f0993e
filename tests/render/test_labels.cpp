// Labels never overprint each other or the map furniture: checked on a dense constructed scene with the boxes the
// layout returns, by a plain all-pairs overlap test written here (not the labeller's index), and the furniture's
// boxes against the pixels the furniture actually paints.
#include "libgeo/render/furniture.hpp"
#include "libgeo/render/labels.hpp"
#include "libgeo/render/text.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace geo::render {

namespace {

struct Surface {
    explicit Surface(int w, int h)
        : surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h)), cr(cairo_create(surface))
    {
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_paint(cr);
    }
    ~Surface()
    {
        cairo_destroy(cr);
        cairo_surface_destroy(surface);
    }
    Surface(const Surface&) = delete;
    Surface& operator=(const Surface&) = delete;
    cairo_surface_t* surface;
    cairo_t* cr;
};

// Shared area of two boxes, computed from their corners: > 0 means one covers part of the other.
double shared_area(const Rect& a, const Rect& b)
{
    const double w = std::min(a.x + a.w, b.x + b.w) - std::max(a.x, b.x);
    const double h = std::min(a.y + a.h, b.y + b.h) - std::max(a.y, b.y);
    return w > 0 && h > 0 ? w * h : 0.0;
}

bool within(const Rect& inner, const Rect& outer)
{
    return inner.x >= outer.x - 1e-9 && inner.y >= outer.y - 1e-9 && inner.x + inner.w <= outer.x + outer.w + 1e-9 &&
           inner.y + inner.h <= outer.y + outer.h + 1e-9;
}

// The bounding box of the pixels that are not white, in device pixels (1 pixel = 1 point here).
Rect painted(cairo_surface_t* s)
{
    cairo_surface_flush(s);
    const int w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
    const int stride = cairo_image_surface_get_stride(s);
    const unsigned char* data = cairo_image_surface_get_data(s);
    int x0 = w, y0 = h, x1 = -1, y1 = -1;
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const auto* p = data + y * stride + 4 * x;
            if (p[0] < 250 || p[1] < 250 || p[2] < 250) {
                x0 = std::min(x0, x);
                y0 = std::min(y0, y);
                x1 = std::max(x1, x);
                y1 = std::max(y1, y);
            }
        }
    if (x1 < 0) return {};
    return Rect{static_cast<double>(x0), static_cast<double>(y0), static_cast<double>(x1 - x0 + 1),
                static_cast<double>(y1 - y0 + 1)};
}

const std::vector<std::string> names{"毛家寺村", "西洞村", "中沟村", "巴吉滩村", "Xidong", "Ganjun Road", "G312",
                                     "甘浚镇中心小学", "卫生院", "1234 m", "87 m", "黑河", "Heihe river bank"};

}  // namespace

TEST(Labels, DenseSceneLeavesNoTwoLabelsOverlapping)
{
    Surface s(842, 595);
    const Rect frame{28, 60, 620, 500};
    Labeller labels;
    std::mt19937 random(23);
    std::uniform_real_distribution<double> x(frame.x, frame.x + frame.w), y(frame.y, frame.y + frame.h);
    const int candidates = 1500;
    for (int i = 0; i < candidates; ++i) {
        TextStyle t;
        t.size_pt = 5 + i % 7;
        t.bold = i % 3 == 0;
        t.halo_pt = 1;
        labels.add(names[static_cast<std::size_t>(i) % names.size()], x(random), y(random), t, i % 3);
    }
    // Where the map page puts its north arrow and scale bar.
    const Rect arrow = north_arrow_box(frame.x + frame.w - 22, frame.y + 26);
    const Rect bar{frame.x + 6, frame.y + frame.h - 36, 120, 28};
    labels.reserve(arrow);
    labels.reserve(bar);
    const auto placed = labels.draw(s.cr, frame);
    // Dense: many placed, many left out (so the test would see overlaps if the labeller let them through).
    EXPECT_GT(placed.size(), 60u);
    EXPECT_LT(placed.size(), static_cast<std::size_t>(candidates) / 2);
    for (std::size_t i = 0; i < placed.size(); ++i) {
        SCOPED_TRACE(placed[i].text);
        EXPECT_TRUE(within(placed[i].box, frame));
        EXPECT_EQ(shared_area(placed[i].box, arrow), 0.0);
        EXPECT_EQ(shared_area(placed[i].box, bar), 0.0);
        for (std::size_t j = i + 1; j < placed.size(); ++j)
            EXPECT_EQ(shared_area(placed[i].box, placed[j].box), 0.0) << placed[j].text;
    }
}

TEST(Labels, EachBoxHoldsItsText)
{
    Surface s(400, 300);
    Labeller labels;
    TextStyle t;
    t.size_pt = 9;
    labels.add("巴吉滩村", 200, 150, t, 0);
    const auto placed = labels.layout(s.cr, Rect{0, 0, 400, 300});
    ASSERT_EQ(placed.size(), 1u);
    // Drawn alone on a blank page, the label's ink lies inside its box.
    const auto drawn = labels.draw(s.cr, Rect{0, 0, 400, 300});
    ASSERT_EQ(drawn.size(), 1u);
    const Rect ink = painted(s.surface);
    EXPECT_GT(ink.w, 20);
    EXPECT_TRUE(within(ink, drawn[0].box)) << ink.x << " " << ink.y << " " << ink.w << " " << ink.h;
}

TEST(Labels, ASecondLabelOnTheSameSpotMovesRatherThanVanishes)
{
    Surface s(400, 300);
    Labeller labels;
    TextStyle t;
    labels.add("西洞村", 200, 150, t, 0);
    labels.add("卫生院", 200, 150, t, 1);
    const auto placed = labels.draw(s.cr, Rect{0, 0, 400, 300});
    ASSERT_EQ(placed.size(), 2u);
    EXPECT_EQ(placed[0].text, "西洞村");  // the higher priority keeps the anchor
    EXPECT_NEAR(placed[0].box.x + placed[0].box.w / 2, 200, 1e-9);
    EXPECT_EQ(shared_area(placed[0].box, placed[1].box), 0.0);
}

TEST(Labels, NoLabelUnderTheNorthArrow)
{
    Surface s(400, 300);
    const Rect frame{0, 0, 400, 300};
    const Rect arrow = north_arrow_box(370, 40);
    Labeller labels;
    TextStyle t;
    // Anchored right on the arrow: placed beside it or not at all.
    labels.add("甘浚镇中心小学", 370, 40, t, 0);
    labels.add("N", 370, 30, t, 0);
    labels.reserve(arrow);
    for (const auto& p : labels.draw(s.cr, frame)) EXPECT_EQ(shared_area(p.box, arrow), 0.0) << p.text;
}

// The furniture's boxes hold everything the furniture paints, so reserving them keeps labels off it.
TEST(Furniture, NorthArrowBoxHoldsTheArrowAndItsLetter)
{
    for (const Lang lang : {Lang::en, Lang::zh}) {
        Surface mark(200, 200);
        draw_north_arrow(mark.cr, 100, 100, lang);
        const Rect ink = painted(mark.surface);  // the dark parts and the letter
        const Rect box = north_arrow_box(100, 100);
        EXPECT_GT(ink.h, 20);
        EXPECT_TRUE(within(ink, box)) << ink.x << " " << ink.y << " " << ink.w << " " << ink.h;
        // The disc: radius 16.5 around the centre.
        EXPECT_TRUE(within(Rect{83.5, 83.5, 33, 33}, box));
    }
}

TEST(Furniture, ScaleBarBoxHoldsTheBarAndItsTexts)
{
    for (const Lang lang : {Lang::en, Lang::zh}) {
        Surface s(842, 595);
        // 5 km across 600 points: a 1 km bar with "0", "500 m" and "1 km" (米 / 公里 in Chinese) and 1:N.
        const MapView view(Box{{0, 0}, {5000, 4000}}, Rect{28, 60, 600, 480}, 0);
        draw_scale_bar(s.cr, view, 38, 530, lang);
        const Rect ink = painted(s.surface);
        const Rect box = scale_bar_box(s.cr, view, 38, 530, lang);
        EXPECT_GT(ink.w, 100);
        EXPECT_TRUE(within(ink, Rect{box.x - 1, box.y - 1, box.w + 2, box.h + 2}))
            << ink.x << " " << ink.y << " " << ink.w << " " << ink.h << " vs " << box.x << " " << box.y << " " << box.w
            << " " << box.h;
    }
}

// Table headings wrap between words only: every line holds whole words of the heading.
TEST(Text, HeadingsAreNeverBrokenInsideAWord)
{
    Surface s(400, 300);
    const std::string heading = "Farmland forest network, field ridges";
    std::set<std::string> words;
    std::istringstream in(heading);
    for (std::string w; in >> w;) words.insert(w);
    const auto whole_words_only = [&](const std::vector<std::string>& lines) {
        for (const auto& line : lines) {
            std::istringstream l(line);
            for (std::string w; l >> w;)
                if (!words.count(w)) return false;
        }
        return true;
    };
    TextStyle narrow{.size_pt = 8, .bold = true, .wrap_width_pt = 30};  // "Farmland" is wider than 30 pt at 8 pt
    ASSERT_GT(widest_word(s.cr, "Farmland", narrow), 30);
    // Breaking at characters as body text may: a word is cut (the test below could fail).
    EXPECT_FALSE(whole_words_only(layout_lines(s.cr, heading, narrow)));
    const TextStyle fitted = whole_words(s.cr, heading, narrow);
    EXPECT_LT(fitted.size_pt, 8);
    EXPECT_LE(widest_word(s.cr, heading, fitted), 30);
    const auto lines = layout_lines(s.cr, heading, fitted);
    EXPECT_GT(lines.size(), 1u);
    EXPECT_TRUE(whole_words_only(lines));
    // Each line fits the column.
    for (auto line : lines) {
        while (!line.empty() && line.back() == ' ') line.pop_back();  // a line's end space takes no room
        EXPECT_LE(measure_text(s.cr, line, {.size_pt = fitted.size_pt, .bold = true}).width, 30.5) << line;
    }
    // A heading that fits keeps its size.
    EXPECT_EQ(whole_words(s.cr, "Rank", narrow).size_pt, 8);
}

TEST(Text, ChineseHeadingsMayBreakBetweenCharacters)
{
    Surface s(400, 300);
    TextStyle narrow{.size_pt = 8, .bold = true, .wrap_width_pt = 30};
    // One ideograph is one unbreakable piece: about the font size wide.
    EXPECT_NEAR(widest_word(s.cr, "国省道走路肩", narrow), 8, 1.5);
    const TextStyle fitted = whole_words(s.cr, "国省道走路肩", narrow);
    EXPECT_EQ(fitted.size_pt, 8);
    EXPECT_GT(layout_lines(s.cr, "国省道走路肩", fitted).size(), 1u);
}

}  // namespace geo::render

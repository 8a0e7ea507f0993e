#pragma once
// Map labels placed after all layers are drawn, most important first, skipping any that would overlap one already
// placed, cover the map furniture (north arrow, scale bar) or leave the frame — a planner reads twenty clear names
// rather than two hundred overprinted ones. Every label of a map (village names, site names, road names, dead
// corner lengths) goes through one Labeller, so they share one collision set.
#include "libgeo/render/text.hpp"
#include "libgeo/render/view.hpp"

#include <string>
#include <vector>

namespace geo::render {

// True when the two boxes share some area (touching edges do not count).
bool overlaps(const Rect& a, const Rect& b);

struct PlacedLabel {
    std::string text;
    Rect box;  // what the label keeps clear: its text's box and a small gap around it
};

class Labeller {
public:
    // (x, y): the anchor on the page; the label is centred on it, or moved a little off it when that spot is taken.
    // Lower priority numbers are placed first.
    void add(std::string text, double x, double y, const TextStyle& style, int priority);
    // An area no label may cover (the north arrow, the scale bar), in page points.
    void reserve(const Rect& area);
    // Places what fits inside `frame` without drawing: the labels a draw() would draw, in placement order.
    [[nodiscard]] std::vector<PlacedLabel> layout(cairo_t* cr, const Rect& frame);
    // Places and draws the labels; returns them. The candidates are used up, the reserved areas kept.
    std::vector<PlacedLabel> draw(cairo_t* cr, const Rect& frame);

private:
    struct Candidate {
        std::string text;
        double x, y;
        TextStyle style;
        int priority;
    };
    struct Placement {
        std::size_t candidate;
        Rect box;
        double text_x, text_top;
    };
    std::vector<Placement> place(cairo_t* cr, const Rect& frame);

    std::vector<Candidate> m_candidates;
    std::vector<Rect> m_reserved;
};

}  // namespace geo::render

#pragma once
// Map labels placed after all layers are drawn, most important first, skipping any that would overlap one already
// placed or leave the frame — a planner reads twenty clear names rather than two hundred overprinted ones.
#include "libgeo/render/text.hpp"
#include "libgeo/render/view.hpp"

#include <string>
#include <vector>

namespace geo::render {

class Labeller {
public:
    // (x, y): the anchor on the page; the label is centred on it. Lower priority numbers are placed first.
    void add(std::string text, double x, double y, const TextStyle& style, int priority);
    // Draws what fits inside `frame`; returns how many labels were placed.
    int draw(cairo_t* cr, const Rect& frame);

private:
    struct Candidate {
        std::string text;
        double x, y;
        TextStyle style;
        int priority;
        std::size_t order;
    };
    std::vector<Candidate> m_candidates;
};

}  // namespace geo::render

#include "libgeo/render/labels.hpp"

#include <algorithm>

namespace geo::render {

void Labeller::add(std::string text, double x, double y, const TextStyle& style, int priority)
{
    if (text.empty()) return;
    m_candidates.push_back({std::move(text), x, y, style, priority, m_candidates.size()});
}

int Labeller::draw(cairo_t* cr, const Rect& frame)
{
    std::stable_sort(m_candidates.begin(), m_candidates.end(),
                     [](const Candidate& a, const Candidate& b) { return a.priority < b.priority; });
    std::vector<Rect> placed;
    const double gap = 1.5;  // points kept clear around each label
    for (const auto& c : m_candidates) {
        const TextSize size = measure_text(cr, c.text, c.style);
        const Rect box{c.x - size.width / 2 - gap, c.y - size.height / 2 - gap, size.width + 2 * gap,
                       size.height + 2 * gap};
        if (box.x < frame.x || box.y < frame.y || box.x + box.w > frame.x + frame.w || box.y + box.h > frame.y + frame.h)
            continue;
        const bool overlaps = std::any_of(placed.begin(), placed.end(), [&](const Rect& p) {
            return box.x < p.x + p.w && p.x < box.x + box.w && box.y < p.y + p.h && p.y < box.y + box.h;
        });
        if (overlaps) continue;
        TextStyle centred = c.style;
        centred.align = Align::centre;
        draw_text(cr, c.text, centred, c.x, c.y - size.height / 2);
        placed.push_back(box);
    }
    m_candidates.clear();
    return static_cast<int>(placed.size());
}

}  // namespace geo::render

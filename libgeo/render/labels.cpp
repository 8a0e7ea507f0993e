#include "libgeo/render/labels.hpp"

#include "libgeo/core/geometry.hpp"

#include <boost/geometry/index/rtree.hpp>

#include <algorithm>
#include <array>
#include <iterator>

namespace geo::render {

namespace bgi = boost::geometry::index;

namespace {

constexpr double gap = 1.5;  // points kept clear around each label

Box to_box(const Rect& r) { return Box{{r.x, r.y}, {r.x + r.w, r.y + r.h}}; }

bool inside(const Rect& r, const Rect& frame)
{
    return r.x >= frame.x && r.y >= frame.y && r.x + r.w <= frame.x + frame.w && r.y + r.h <= frame.y + frame.h;
}

}  // namespace

bool overlaps(const Rect& a, const Rect& b)
{
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

void Labeller::add(std::string text, double x, double y, const TextStyle& style, int priority)
{
    if (text.empty()) return;
    m_candidates.push_back({std::move(text), x, y, style, priority});
}

void Labeller::reserve(const Rect& area) { m_reserved.push_back(area); }

std::vector<Labeller::Placement> Labeller::place(cairo_t* cr, const Rect& frame)
{
    std::vector<std::size_t> order(m_candidates.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return m_candidates[a].priority < m_candidates[b].priority;
    });
    // Index query, then the exact test: Boost's intersects counts touching boxes, overlaps() does not.
    bgi::rtree<std::pair<Box, std::size_t>, bgi::quadratic<16>> taken;
    for (const auto& r : m_reserved) taken.insert({to_box(r), taken.size()});
    std::vector<Rect> boxes = m_reserved;  // by the index's values
    std::vector<Placement> placed;
    std::vector<std::pair<Box, std::size_t>> hits;
    for (const std::size_t i : order) {
        const Candidate& c = m_candidates[i];
        const TextSize size = measure_text(cr, c.text, c.style);
        const double w = size.width + 2 * gap, h = size.height + 2 * gap;
        // On the anchor first, then just below, above, right and left of it: a name moved by its own height still
        // reads as the name of what is under it, where a dropped one says nothing.
        const std::array<std::pair<double, double>, 5> shifts{{{0, 0}, {0, h}, {0, -h}, {w / 2 + gap, 0}, {-w / 2 - gap, 0}}};
        for (const auto& [dx, dy] : shifts) {
            const Rect box{c.x + dx - w / 2, c.y + dy - h / 2, w, h};
            if (!inside(box, frame)) continue;
            hits.clear();
            taken.query(bgi::intersects(to_box(box)), std::back_inserter(hits));
            if (std::any_of(hits.begin(), hits.end(), [&](const auto& hit) { return overlaps(box, boxes[hit.second]); }))
                continue;
            taken.insert({to_box(box), boxes.size()});
            boxes.push_back(box);
            placed.push_back({i, box, c.x + dx, c.y + dy - size.height / 2});
            break;
        }
    }
    return placed;
}

std::vector<PlacedLabel> Labeller::layout(cairo_t* cr, const Rect& frame)
{
    std::vector<PlacedLabel> out;
    for (const auto& p : place(cr, frame)) out.push_back({m_candidates[p.candidate].text, p.box});
    return out;
}

std::vector<PlacedLabel> Labeller::draw(cairo_t* cr, const Rect& frame)
{
    std::vector<PlacedLabel> out;
    for (const auto& p : place(cr, frame)) {
        const Candidate& c = m_candidates[p.candidate];
        TextStyle centred = c.style;
        centred.align = Align::centre;
        draw_text(cr, c.text, centred, p.text_x, p.text_top);
        out.push_back({c.text, p.box});
    }
    m_candidates.clear();
    return out;
}

}  // namespace geo::render

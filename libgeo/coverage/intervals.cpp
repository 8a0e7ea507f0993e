#include "libgeo/coverage/intervals.hpp"

#include "libgeo/coverage/capsule.hpp"

#include <algorithm>
#include <cmath>

namespace geo::coverage {

namespace {

struct Hit {
    double from, to;  // metres along the line
    int pass;
    double time;
};

std::vector<Hit> hits_along(const LineString& line, double sight, const TrackIndex& tracks)
{
    std::vector<Hit> hits;
    double start = 0;
    for (std::size_t i = 1; i < line.size(); ++i) {
        const Point& a = line[i - 1];
        const Point& b = line[i];
        const double length = bg::distance(a, b);
        if (length > 0) {
            const Box box(Point(std::min(a.x(), b.x()), std::min(a.y(), b.y())),
                          Point(std::max(a.x(), b.x()), std::max(a.y(), b.y())));
            tracks.near(box, sight, [&](const TrackSegment& s) {
                if (auto t = within_distance(a, b, s.a, s.b, sight))
                    hits.push_back({start + t->from * length, start + t->to * length, s.pass, s.time});
            });
        }
        start += length;
    }
    return hits;
}

void add_time(LinePiece& p, double t)
{
    if (std::isnan(t)) return;
    p.first = std::isnan(p.first) ? t : std::min(p.first, t);
    p.last = std::isnan(p.last) ? t : std::max(p.last, t);
}

}  // namespace

std::vector<LinePiece> cover_line(const LineString& line, double sight, const TrackIndex& tracks)
{
    const double total = bg::length(line);
    std::vector<Hit> hits = hits_along(line, sight, tracks);

    // Elementary pieces between consecutive interval ends; each knows which hits span it.
    std::vector<double> cuts{0.0, total};
    for (const Hit& h : hits) {
        cuts.push_back(std::clamp(h.from, 0.0, total));
        cuts.push_back(std::clamp(h.to, 0.0, total));
    }
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
    std::sort(hits.begin(), hits.end(), [](const Hit& x, const Hit& y) { return x.from < y.from; });

    std::vector<LinePiece> pieces;
    std::vector<const Hit*> active;
    std::size_t next = 0;
    for (std::size_t i = 0; i + 1 < cuts.size(); ++i) {
        const double lo = cuts[i], hi = cuts[i + 1];
        const double mid = 0.5 * (lo + hi);
        while (next < hits.size() && hits[next].from <= mid) active.push_back(&hits[next++]);
        std::erase_if(active, [&](const Hit* h) { return h->to < mid; });
        LinePiece piece{lo, hi, !active.empty(), {}, no_time, no_time};
        for (const Hit* h : active) {
            piece.passes.push_back(h->pass);
            add_time(piece, h->time);
        }
        std::sort(piece.passes.begin(), piece.passes.end());
        piece.passes.erase(std::unique(piece.passes.begin(), piece.passes.end()), piece.passes.end());
        if (!pieces.empty() && pieces.back().covered == piece.covered && pieces.back().passes == piece.passes) {
            pieces.back().to = hi;
            add_time(pieces.back(), piece.first);
            add_time(pieces.back(), piece.last);
        } else {
            pieces.push_back(std::move(piece));
        }
    }
    if (pieces.empty()) pieces.push_back({0.0, total, false, {}, no_time, no_time});
    return pieces;
}

double covered_length(const std::vector<LinePiece>& pieces)
{
    double sum = 0;
    for (const auto& p : pieces)
        if (p.covered) sum += p.length();
    return sum;
}

LineString substring(const LineString& line, double from, double to)
{
    LineString out;
    double start = 0;
    for (std::size_t i = 1; i < line.size(); ++i) {
        const Point& a = line[i - 1];
        const Point& b = line[i];
        const double length = bg::distance(a, b);
        const double end = start + length;
        if (end >= from && start <= to && length > 0) {
            auto at = [&](double m) {
                const double t = std::clamp((m - start) / length, 0.0, 1.0);
                return Point(a.x() + t * (b.x() - a.x()), a.y() + t * (b.y() - a.y()));
            };
            const Point p0 = at(std::max(from, start));
            if (out.empty()) out.push_back(p0);
            out.push_back(at(std::min(to, end)));
        }
        start = end;
    }
    if (out.size() == 1) out.push_back(out.front());
    return out;
}

}  // namespace geo::coverage

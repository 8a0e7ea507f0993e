#include "libgeo/leaders/walkers.hpp"

#include "libgeo/core/datetime.hpp"

#include <boost/geometry/index/rtree.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace geo::leaders {

namespace {

namespace bgi = boost::geometry::index;
using VillageBox = std::pair<Box, int>;

// Village bounding boxes, packed once; villages without area cannot be entered and stay out (their envelope is an
// inverted box, which the packing asserts on).
bgi::rtree<VillageBox, bgi::rstar<16>> village_tree(const std::vector<Village>& villages)
{
    std::vector<VillageBox> boxes;
    for (std::size_t i = 0; i < villages.size(); ++i)
        if (!bg::is_empty(villages[i].area)) boxes.emplace_back(bg::return_envelope<Box>(villages[i].area), static_cast<int>(i));
    return {boxes.begin(), boxes.end()};
}

// Villages the track enters: candidates by bounding box, then the exact test on the line (a one-fix piece: its point).
void add_villages(const Track& t, const std::vector<Village>& villages,
                  const bgi::rtree<VillageBox, bgi::rstar<16>>& tree, std::set<int>& out)
{
    if (t.fixes.empty()) return;
    LineString line;
    for (const Fix& f : t.fixes) line.push_back(f.position);
    const Box box = bg::return_envelope<Box>(line);
    std::vector<VillageBox> candidates;
    tree.query(bgi::intersects(box), std::back_inserter(candidates));
    for (const auto& [village_box, v] : candidates) {
        if (out.count(v) != 0) continue;
        const MultiPolygon& area = villages[static_cast<std::size_t>(v)].area;
        const bool enters = line.size() == 1 ? bg::covered_by(line.front(), area) : bg::intersects(line, area);
        if (enters) out.insert(v);
    }
}

bool is_digit(char ch) { return ch >= '0' && ch <= '9'; }

// "2017-02-20", "2017/2/20", "2017.02.20", "20170220": a date phone apps put in a track's name.
bool is_date_word(std::string_view w)
{
    if (w.size() < 8 || w.size() > 10 || !std::all_of(w.begin(), w.begin() + 4, is_digit)) return false;
    int digits = 0;
    char separator = 0;
    for (char ch : w) {
        if (is_digit(ch)) {
            ++digits;
        } else if (ch == '-' || ch == '/' || ch == '.') {
            if (separator != 0 && ch != separator) return false;
            separator = ch;
        } else {
            return false;
        }
    }
    return separator != 0 ? digits >= 6 && w.size() - static_cast<std::size_t>(digits) == 2 : digits == 8;
}

// "#1", "#12": the number of a day's track.
bool is_piece_word(std::string_view w)
{
    return w.size() >= 2 && w.front() == '#' && std::all_of(w.begin() + 1, w.end(), is_digit);
}

}  // namespace

std::string walker_from_name(std::string_view name)
{
    std::string out;
    std::size_t at = 0;
    while (at < name.size()) {
        const std::size_t end = std::min(name.find(' ', at), name.size());
        const std::string_view word = name.substr(at, end - at);
        if (!word.empty() && !is_date_word(word) && !is_piece_word(word)) out += (out.empty() ? "" : " ") + std::string(word);
        at = end + 1;
    }
    return out.empty() ? std::string(trim(name)) : out;
}

std::string walker_of(const Track& track)
{
    const std::string_view walker = trim(track.walker);
    if (!walker.empty()) return std::string(walker);
    const std::string_view name = trim(track.name);
    return name.empty() ? std::string(unnamed_walker) : walker_from_name(name);
}

double walked_length(const Track& track)
{
    double length = 0;
    for (std::size_t i = 1; i < track.fixes.size(); ++i)
        length += bg::distance(track.fixes[i - 1].position, track.fixes[i].position);
    return length;
}

std::vector<WalkerFigures> walker_figures(const Campaign& c, const coverage::CoverageResult* coverage)
{
    struct Tally {
        WalkerFigures figures;
        std::set<std::string> dates;
        std::set<int> villages;
    };
    std::map<std::string, Tally> by_walker;
    const auto tree = village_tree(c.villages);
    for (const Track& t : c.tracks) {
        const std::string walker = walker_of(t);
        Tally& tally = by_walker[walker];
        tally.figures.walker = walker;
        ++tally.figures.pieces;
        tally.figures.walked_m += walked_length(t);
        for (const Fix& f : t.fixes)
            if (std::isfinite(f.time)) tally.dates.insert(format_local_date(f.time, c.utc_offset_minutes));
        add_villages(t, c.villages, tree, tally.villages);
    }

    std::vector<WalkerFigures> out;
    for (auto& [walker, tally] : by_walker) {
        WalkerFigures w = std::move(tally.figures);
        w.days_out = static_cast<int>(tally.dates.size());
        w.villages.assign(tally.villages.begin(), tally.villages.end());
        if (coverage) {
            long long count = 0;
            double length = 0;
            for (const auto& d : coverage->dead_corners)
                if (tally.villages.count(d.village) != 0) {
                    ++count;
                    length += d.length_m;
                }
            w.dead_corners = count;
            w.dead_corner_m = length;
        }
        out.push_back(std::move(w));
    }
    std::stable_sort(out.begin(), out.end(), [](const WalkerFigures& a, const WalkerFigures& b) {
        return a.walked_m > b.walked_m;  // by_walker's order (names) breaks ties
    });
    return out;
}

}  // namespace geo::leaders

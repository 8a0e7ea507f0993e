#include "libgeo/route/greedy.hpp"

#include <limits>
#include <stdexcept>

namespace geo::route {

double greedy_length(const DistanceMatrix& distance, const PlanResult& plan, const std::vector<int>& pieces,
                     const std::map<int, int>& index_of)
{
    const PlanOptions& o = plan.options;
    const double inf = std::numeric_limits<double>::infinity();
    const double limit = o.max_km > 0 ? o.max_km * 1000.0 : inf;
    const double capacity = o.max_required_km > 0 ? o.max_required_km * 1000.0 : inf;
    std::vector<char> done(pieces.size(), 0);
    std::size_t left = pieces.size();
    double total = 0, day = 0, day_required = 0;
    int at = 0;
    while (left > 0) {
        // The nearest end of a piece not walked yet (ties: the first piece).
        std::size_t best = pieces.size();
        bool best_forward = true;
        double best_d = inf;
        for (std::size_t k = 0; k < pieces.size(); ++k) {
            if (done[k]) continue;
            const auto& piece = plan.pieces[static_cast<std::size_t>(pieces[k])];
            for (const bool forward : {true, false}) {
                const double d = distance(at, index_of.at(forward ? piece.from_node : piece.to_node));
                if (d < best_d) best_d = d, best = k, best_forward = forward;
            }
        }
        // Every piece planned here is reachable from the depot (plan.cpp sets the others apart).
        if (best == pieces.size()) throw std::logic_error("greedy_length: a piece no path reaches");
        const auto& piece = plan.pieces[static_cast<std::size_t>(pieces[best])];
        const int end = index_of.at(best_forward ? piece.to_node : piece.from_node);
        const bool fits = day + best_d + piece.length_m + distance(end, 0) <= limit &&
                          day_required + piece.length_m <= capacity;
        if (!fits && at != 0) {  // home, and a new day from the depot
            total += day + distance(at, 0);
            day = day_required = 0;
            at = 0;
            continue;
        }
        day += best_d + piece.length_m;
        day_required += piece.length_m;
        at = end;
        done[best] = 1;
        --left;
    }
    return total + day + distance(at, 0);
}

}  // namespace geo::route

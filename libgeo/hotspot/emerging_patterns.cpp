// The emerging hot spot categories as a table of rules over a few facts about a series (see emerging.hpp).
#include "libgeo/hotspot/emerging.hpp"

#include <array>

namespace geo::hotspot {

namespace {

// Facts about a series in one sense (hot, or cold with every sign mirrored).
struct Facts {
    int n = 0;
    int spots = 0;            // significant slices of this sense
    int opposite = 0;         // significant slices of the other sense
    bool last = false;        // the final slice is a spot
    int final_run = 0;        // spots in the uninterrupted run that ends at the final slice
    bool trend_up = false;    // significant trend towards this sense (up for hot, down for cold)
    bool trend_down = false;

    [[nodiscard]] bool mostly() const { return 10 * spots >= 9 * n; }  // >= 90 % of slices, exactly
};

struct Rule {
    Pattern hot, cold;
    bool (*applies)(const Facts&);
};

// Order resolves the overlaps the definitions leave (emerging.hpp).
constexpr std::array<Rule, 8> rules{{
    {Pattern::historical_hot, Pattern::historical_cold, [](const Facts& f) { return f.mostly() && !f.last; }},
    {Pattern::intensifying_hot, Pattern::intensifying_cold, [](const Facts& f) { return f.mostly() && f.last && f.trend_up; }},
    {Pattern::diminishing_hot, Pattern::diminishing_cold, [](const Facts& f) { return f.mostly() && f.last && f.trend_down; }},
    {Pattern::persistent_hot, Pattern::persistent_cold, [](const Facts& f) { return f.mostly() && f.last; }},
    {Pattern::oscillating_hot, Pattern::oscillating_cold, [](const Facts& f) { return f.last && f.opposite > 0; }},
    {Pattern::new_hot, Pattern::new_cold, [](const Facts& f) { return f.last && f.spots == 1; }},
    {Pattern::consecutive_hot, Pattern::consecutive_cold,
     [](const Facts& f) { return f.last && f.final_run >= 2 && f.spots == f.final_run; }},
    {Pattern::sporadic_hot, Pattern::sporadic_cold, [](const Facts& f) { return f.last && f.opposite == 0; }},
}};

Facts facts(const std::vector<int>& bins, int sign, const MannKendall& trend, double alpha)
{
    Facts f;
    f.n = static_cast<int>(bins.size());
    for (int b : bins) {
        if (b * sign > 0) ++f.spots;
        if (b * sign < 0) ++f.opposite;
    }
    f.last = !bins.empty() && bins.back() * sign > 0;
    for (auto it = bins.rbegin(); it != bins.rend() && *it * sign > 0; ++it) ++f.final_run;
    const bool significant = trend.p < alpha && trend.s != 0;
    f.trend_up = significant && trend.s * sign > 0;
    f.trend_down = significant && trend.s * sign < 0;
    return f;
}

}  // namespace

Pattern classify_series(const std::vector<int>& bins, const MannKendall& trend, double trend_alpha)
{
    if (bins.empty()) return Pattern::none;
    const Facts hot = facts(bins, +1, trend, trend_alpha);
    const Facts cold = facts(bins, -1, trend, trend_alpha);
    const bool cold_first = bins.back() < 0;
    for (int pass = 0; pass < 2; ++pass) {
        const bool use_cold = (pass == 0) == cold_first;
        const Facts& f = use_cold ? cold : hot;
        for (const Rule& rule : rules)
            if (rule.applies(f)) return use_cold ? rule.cold : rule.hot;
    }
    return Pattern::none;
}

std::string_view pattern_code(Pattern p)
{
    switch (p) {
    case Pattern::none: return "no_pattern";
    case Pattern::new_hot: return "new_hot_spot";
    case Pattern::consecutive_hot: return "consecutive_hot_spot";
    case Pattern::intensifying_hot: return "intensifying_hot_spot";
    case Pattern::persistent_hot: return "persistent_hot_spot";
    case Pattern::diminishing_hot: return "diminishing_hot_spot";
    case Pattern::sporadic_hot: return "sporadic_hot_spot";
    case Pattern::oscillating_hot: return "oscillating_hot_spot";
    case Pattern::historical_hot: return "historical_hot_spot";
    case Pattern::new_cold: return "new_cold_spot";
    case Pattern::consecutive_cold: return "consecutive_cold_spot";
    case Pattern::intensifying_cold: return "intensifying_cold_spot";
    case Pattern::persistent_cold: return "persistent_cold_spot";
    case Pattern::diminishing_cold: return "diminishing_cold_spot";
    case Pattern::sporadic_cold: return "sporadic_cold_spot";
    case Pattern::oscillating_cold: return "oscillating_cold_spot";
    case Pattern::historical_cold: return "historical_cold_spot";
    }
    return "no_pattern";
}

std::string_view pattern_label(Pattern p)
{
    switch (p) {
    case Pattern::none: return "No Pattern Detected";
    case Pattern::new_hot: return "New Hot Spot";
    case Pattern::consecutive_hot: return "Consecutive Hot Spot";
    case Pattern::intensifying_hot: return "Intensifying Hot Spot";
    case Pattern::persistent_hot: return "Persistent Hot Spot";
    case Pattern::diminishing_hot: return "Diminishing Hot Spot";
    case Pattern::sporadic_hot: return "Sporadic Hot Spot";
    case Pattern::oscillating_hot: return "Oscillating Hot Spot";
    case Pattern::historical_hot: return "Historical Hot Spot";
    case Pattern::new_cold: return "New Cold Spot";
    case Pattern::consecutive_cold: return "Consecutive Cold Spot";
    case Pattern::intensifying_cold: return "Intensifying Cold Spot";
    case Pattern::persistent_cold: return "Persistent Cold Spot";
    case Pattern::diminishing_cold: return "Diminishing Cold Spot";
    case Pattern::sporadic_cold: return "Sporadic Cold Spot";
    case Pattern::oscillating_cold: return "Oscillating Cold Spot";
    case Pattern::historical_cold: return "Historical Cold Spot";
    }
    return "No Pattern Detected";
}

}  // namespace geo::hotspot

#include "libgeo/core/diagnostics.hpp"

namespace geo {

std::string_view to_string(Action action)
{
    switch (action) {
    case Action::rejected: return "rejected";
    case Action::repaired: return "repaired";
    case Action::noted: return "noted";
    }
    return "rejected";
}

int Diagnostics::add_source(SourceSummary summary)
{
    m_sources.push_back(std::move(summary));
    return static_cast<int>(m_sources.size()) - 1;
}

void Diagnostics::report(Problem problem)
{
    auto& source = m_sources.at(static_cast<std::size_t>(problem.source));
    if (problem.action == Action::rejected) ++source.rejected;
    ++source.reasons[problem.reason];
    m_problems.push_back(std::move(problem));
}

}  // namespace geo

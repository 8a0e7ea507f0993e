#pragma once
#include "libgeo/coverage/coverage.hpp"

#include <string>

namespace geowalk {

// The ten-walk matrix: villages x walk categories, percent covered ("-" where a village has no such route or
// site), plus each village's walked area share and the network total.
std::string coverage_matrix(const geo::Campaign& campaign, const geo::coverage::CoverageResult& result);

}  // namespace geowalk

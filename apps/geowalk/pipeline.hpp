#pragma once
// What `run`, `coverage` and `demo` share: load a campaign, run analyses, write the outputs, tell the user.
#include "libgeo/io/campaign_file.hpp"
#include "libgeo/io/outputs.hpp"

#include <functional>
#include <string>

namespace geowalk {

struct PipelineOptions {
    bool show_progress = true;
    bool print_matrix = false;
    // Applied on top of the campaign file's [coverage] settings.
    std::function<void(geo::coverage::CoverageOptions&)> adjust_coverage;
};

int run_pipeline(const std::string& campaign_file, const std::string& out_dir, const PipelineOptions& options);

}  // namespace geowalk

#pragma once
// What `run`, `coverage`, `hotspots` and `demo` share: load a campaign, run analyses, write the outputs, tell the user.
#include "libgeo/campaign/campaign_file.hpp"
#include "libgeo/pipeline/outputs.hpp"

#include <functional>
#include <string>

namespace geowalk {

struct PipelineOptions {
    bool show_progress = true;
    bool print_matrix = false;
    bool coverage = true;  // which analyses run
    bool hotspots = true;
    // The walk plan: `plan` always; `run` and `demo` when the campaign file has a [plan] section. It plans over a
    // coverage of its own when coverage does not run in the same step.
    enum class Plan { no, when_configured, yes } plan = Plan::no;
    // Applied on top of the campaign file's settings; the second argument is the campaign's UTC offset in minutes,
    // for dates given on the command line.
    std::function<void(geo::coverage::CoverageOptions&, int)> adjust_coverage;
    std::function<void(geo::hotspot::HotspotOptions&, int)> adjust_hotspots;
    std::function<void(geo::route::PlanOptions&, int)> adjust_plan;
    // The Gi* feature mode's input, read once the campaign's CRS is known (empty file: none).
    std::string gi_features_file, gi_features_layer, gi_features_field;
    geo::pipeline::PresentationOptions presentation;  // maps, report, language
    // presentation.lang came from --lang; otherwise the campaign's lang, else the village names decide.
    bool lang_given = false;
};

// What the step kept of the folder's earlier run, and what no longer matches: for the end of the step's output.
std::string kept_outputs_report(const geo::pipeline::RunOutputs& run, const std::string& campaign_file,
                                const std::string& out_dir);

int run_pipeline(const std::string& campaign_file, const std::string& out_dir, const PipelineOptions& options);

}  // namespace geowalk

#include "pipeline.hpp"

#include "coverage_table.hpp"
#include "hotspot_report.hpp"
#include "load_report.hpp"
#include "plan_report.hpp"
#include "progress.hpp"

#include "libgeo/load/gi_features.hpp"
#include "libgeo/load/loader.hpp"
#include "libgeo/render/lang_default.hpp"

#include <iostream>
#include <sstream>

namespace geowalk {

std::string kept_outputs_report(const geo::pipeline::RunOutputs& run, const std::string& campaign_file,
                                const std::string& out_dir)
{
    std::ostringstream out;
    for (const auto& kept : run.kept) {
        std::string outputs;
        for (const auto& o : kept.outputs) outputs += (outputs.empty() ? "" : ", ") + o;
        if (!kept.stale) {
            out << "\nKept from the earlier " << kept.name << " run (" << kept.written_at << ", same input data): "
                << outputs << "\n";
            continue;
        }
        out << "\nwarning: kept the earlier " << kept.name << " run's outputs (" << kept.written_at << "): " << outputs
            << "\n  they rest on other input data than this step (the files changed since); to bring them up to date run"
            << "\n    geowalk " << kept.name << " '" << campaign_file << "' --out '" << out_dir << "'"
            << "\n  or `geowalk run` for every analysis\n";
    }
    for (const auto& stale : run.stale)
        out << "\nwarning: " << stale.path << " is from before this step (" << stale.reason
            << ") and does not show its results; redraw with\n    " << stale.remedy << "\n";
    for (const auto& dropped : run.dropped) out << "\nwarning: not kept: " << dropped << "\n";
    for (const auto& skipped : run.skipped)
        out << "\nnote: not written: " << skipped.path << " (" << skipped.reason << ")\n  to get it: " << skipped.remedy
            << "\n";
    return out.str();
}

namespace {

// [campaign] lang, else Chinese when most village names are.
geo::render::Lang presentation_lang(const geo::campaign::CampaignSpec& spec, const geo::Campaign& campaign)
{
    if (!spec.lang.empty()) return spec.lang == "zh" ? geo::render::Lang::zh : geo::render::Lang::en;
    std::vector<std::string> names;
    names.reserve(campaign.villages.size());
    for (const auto& v : campaign.villages) names.push_back(v.name);
    return geo::render::default_lang(names);
}

}  // namespace

int run_pipeline(const std::string& campaign_file, const std::string& out_dir, const PipelineOptions& options)
{
    const auto spec = geo::campaign::read_campaign_file(campaign_file);
    geo::coverage::CoverageOptions coverage = spec.coverage;
    if (options.adjust_coverage) options.adjust_coverage(coverage, spec.utc_offset_minutes());
    geo::hotspot::HotspotOptions hotspots = spec.hotspots;
    if (options.adjust_hotspots) options.adjust_hotspots(hotspots, spec.utc_offset_minutes());
    // A chosen cell size is never below twice a phone's GPS accuracy nor below the campaign's sight distance.
    hotspots.cells.binning.floor_m = std::max(2 * geo::hotspot::typical_gps_accuracy_m, coverage.sight_m);
    // Before any heavy work.
    if (options.coverage) coverage.validate();
    if (!options.gi_features_file.empty()) {
        if (options.gi_features_field.empty()) throw geo::UsageError("--gi-features needs --gi-field FIELD");
        hotspots.gi_features.emplace();  // validated with a placeholder: the band is checked before loading
    }
    if (options.hotspots) hotspots.validate();
    std::optional<geo::route::PlanOptions> plan;
    if (options.plan == PipelineOptions::Plan::yes || (options.plan == PipelineOptions::Plan::when_configured && spec.plan)) {
        plan = spec.plan.value_or(geo::route::PlanOptions{});
        if (options.adjust_plan) options.adjust_plan(*plan, spec.utc_offset_minutes());
        plan->validate();
    }

    ProgressBar bar = ProgressBar::for_terminal();
    bar.enabled = bar.enabled && options.show_progress;
    const geo::Campaign campaign = geo::load::load_campaign(spec, progress_callback, &bar,
                                                          options.coverage ? coverage.threads : hotspots.threads);
    std::cout << load_report(campaign);
    geo::pipeline::check_village_maps(campaign, options.presentation.village_maps);

    if (!options.gi_features_file.empty())
        hotspots.gi_features = geo::load::read_gi_features(options.gi_features_file, options.gi_features_layer,
                                                         options.gi_features_field, campaign.crs.wkt);

    geo::pipeline::AnalysisResults results;
    for (const auto& phase : spec.phases) results.register_figures.phases.push_back({phase.name, phase.from, phase.to});
    results.register_figures.lookback_days = spec.register_options.lookback_days;
    if (options.coverage) {
        bar.last_percent = -1;
        results.coverage = geo::coverage::analyse(campaign, coverage, {progress_callback, &bar, "coverage"});
        if (options.print_matrix) std::cout << "\n" << coverage_matrix(campaign, *results.coverage);
    }
    if (options.hotspots) {
        bar.last_percent = -1;
        results.hotspots = geo::hotspot::analyse(campaign, hotspots, {progress_callback, &bar, "hotspots"});
        std::cout << "\n" << hotspot_report(campaign, *results.hotspots);
    }

    if (plan) {
        // Without a coverage step, the plan works from a coverage with the campaign's settings (no raster).
        std::optional<geo::coverage::CoverageResult> own_coverage;
        if (!results.coverage) {
            geo::coverage::CoverageOptions o = coverage;
            o.pixel_m = 0;
            bar.last_percent = -1;
            own_coverage = geo::coverage::analyse(campaign, o, {progress_callback, &bar, "coverage"});
        }
        // --required hotspot:BIN plans over the hot cells: from the hotspot step when it ran, else its own.
        std::optional<geo::hotspot::HotspotResult> own_hotspots;
        if (plan->required_pieces().kind == geo::route::RequiredKind::hotspot && !results.hotspots) {
            bar.last_percent = -1;
            own_hotspots = geo::hotspot::analyse(campaign, hotspots, {progress_callback, &bar, "hotspots"});
        }
        bar.last_percent = -1;
        results.plan = geo::route::analyse(campaign, results.coverage ? *results.coverage : *own_coverage, *plan,
                                           {progress_callback, &bar, "plan"},
                                           results.hotspots ? &*results.hotspots : own_hotspots ? &*own_hotspots : nullptr);
        std::cout << "\n" << plan_report(campaign, *results.plan);
    }

    bar.last_percent = -1;
    auto presentation = options.presentation;
    if (!options.lang_given) presentation.lang = presentation_lang(spec, campaign);
    const auto run = geo::pipeline::write_run_outputs(campaign, results, out_dir, presentation,
                                                     {progress_callback, &bar, "writing"});
    std::cout << "\nOutputs:\n";
    for (const auto& f : run.files) std::cout << "  " << f.string() << "\n";
    std::cout << kept_outputs_report(run, campaign_file, out_dir);
    return 0;
}

}  // namespace geowalk

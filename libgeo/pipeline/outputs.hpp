#pragma once
// Writes the output folder of a run: geowalk.gpkg, its GeoJSON copies, rasters and summary.json, staged and moved into place
// atomically. Each analysis that ran adds its layers and its summary section.
#include "libgeo/core/campaign.hpp"
#include "libgeo/coverage/coverage.hpp"
#include "libgeo/core/progress.hpp"
#include "libgeo/hotspot/analysis.hpp"
#include "libgeo/export/carry_over.hpp"
#include "libgeo/export/geojson_export.hpp"
#include "libgeo/export/manifest.hpp"
#include "libgeo/export/register_figures.hpp"
#include "libgeo/export/summary.hpp"
#include "libgeo/render/document.hpp"
#include "libgeo/render/maps.hpp"
#include "libgeo/render/words.hpp"
#include "libgeo/route/plan.hpp"

#include <algorithm>
#include <filesystem>
#include <optional>
#include <thread>
#include <vector>

namespace geo::pipeline {

struct AnalysisResults {
    std::optional<coverage::CoverageResult> coverage;
    std::optional<hotspot::HotspotResult> hotspots;
    std::optional<route::PlanResult> plan;
    output::RegisterFigureOptions register_figures;  // the campaign's phases and look-back interval, for summary.json
};

// What people open besides the data: maps/ and report.pdf, and the language of every label meant for people (map
// and report text, legends of the QGIS styles and project).
struct PresentationOptions {
    render::Lang lang = render::Lang::en;
    bool maps = true;
    render::PageFormat map_format = render::PageFormat::png;
    bool report = true;  // report.pdf
    bool web = true;     // web/, the offline web map
    // Maps drawn side by side: every core unless the step's --threads says otherwise; the maps do not depend on it.
    int threads = static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
    render::VillageMapChoice village_maps;  // which villages get a map (and a report page) of their own
    output::GeojsonChoice geojson;          // which layers get a GeoJSON copy
};

// What a step left in the output folder.
struct RunOutputs {
    std::vector<std::filesystem::path> files;     // written, final paths; geojson/ and maps/ as folders
    std::vector<output::CarriedAnalysis> kept;    // analyses kept from the folder's earlier run
    std::vector<output::StaleOutput> stale;       // outputs kept that do not show this step's results
    std::vector<std::string> dropped;             // earlier outputs that could not be kept, with the reason
    std::vector<output::SkippedOutput> skipped;   // outputs left out on purpose (limits), and how to get them
};

// Writes the analyses that ran and keeps the others the folder already holds (export/carry_over.hpp): a step never
// loses another step's outputs. Maps and the report are drawn from the whole set; with --no-maps or --no-report the
// earlier ones stay, marked stale in the manifest. Progress covers the writing, most of which is evaluating
// density.tif.
RunOutputs write_run_outputs(const Campaign& campaign, const AnalysisResults& results,
                                                     const std::filesystem::path& out_dir,
                                                     const PresentationOptions& presentation = {}, Progress progress = {});

// Throws geo::UsageError naming the villages of a --village-maps list that match no village of `campaign` (by
// name, `code` attribute or number), with a few that do: called once the campaign is loaded, before the analyses.
void check_village_maps(const Campaign& campaign, const render::VillageMapChoice& choice);

// Redraws maps/ (and the report) of an output folder an earlier run wrote, atomically: e.g. in another language,
// or after a step run with --no-maps (the manifest then no longer lists them as stale).
// Throws geo::InputError naming the folder when it holds no run's outputs.
std::vector<std::filesystem::path> redraw_presentation(const std::filesystem::path& out_dir,
                                                       const PresentationOptions& presentation, Progress progress = {});

}  // namespace geo::pipeline

#include "libgeo/pipeline/outputs.hpp"

#include "libgeo/export/contract.hpp"

#include "libgeo/core/number_text.hpp"
#include "libgeo/export/atomic_output.hpp"
#include "libgeo/export/geojson_export.hpp"
#include "libgeo/qgis/layer_styles.hpp"
#include "libgeo/qgis/project_spec.hpp"
#include "libgeo/export/raster_writer.hpp"
#include "libgeo/export/register_figures.hpp"
#include "libgeo/raster/distance_transform.hpp"
#include "libgeo/export/vector_writer.hpp"
#include "libgeo/export/write_coverage.hpp"
#include "libgeo/export/write_hotspots.hpp"
#include "libgeo/export/write_inputs.hpp"
#include "libgeo/export/write_leaders.hpp"
#include "libgeo/export/write_plan.hpp"
#include "libgeo/render/maps.hpp"
#include "libgeo/render/report.hpp"
#include "libgeo/web/web_folder.hpp"

#include <future>

namespace geo::pipeline {

namespace fs = std::filesystem;

namespace {

// The coverage options an earlier run recorded in summary.json's options section, for the network layer's sight_m
// when a step keeps that run's coverage.
std::optional<coverage::CoverageOptions> recorded_coverage_options(const output::Json& summary)
{
    const auto& table = coverage::coverage_option_table();
    const std::string section(table.section());
    if (!summary.contains("options") || !summary["options"].contains(section)) return std::nullopt;
    const output::Json& recorded = summary["options"][section];
    std::vector<std::pair<std::size_t, options::Value>> values;
    const auto specs = table.specs();
    for (std::size_t i = 0; i < specs.size(); ++i) {
        const std::string name(specs[i].key.empty() ? specs[i].flag : specs[i].key);
        if (!recorded.contains(name)) continue;
        const output::Json& v = recorded[name];
        if (v.is_number()) values.emplace_back(i, v.get<double>());
        else if (v.is_boolean()) values.emplace_back(i, v.get<bool>());
        else if (v.is_string() && specs[i].kind != options::Kind::date) values.emplace_back(i, v.get<std::string>());
        else if (v.is_array()) values.emplace_back(i, v.get<std::vector<std::string>>());
        else if (v.is_object()) values.emplace_back(i, v.get<std::map<std::string, double>>());
    }
    coverage::CoverageOptions o;
    table.apply(o, values);
    return o;
}

// Outputs the step keeps without redrawing them, which therefore no longer show its results.
std::vector<output::StaleOutput> stale_presentation(const fs::path& dir, const PresentationOptions& presentation)
{
    std::vector<output::StaleOutput> stale;
    std::error_code ec;
    if (!presentation.maps && fs::is_directory(dir / output::file::maps, ec) && !fs::is_empty(dir / output::file::maps, ec))
        stale.push_back({output::file::maps, "it ran with --no-maps",
                         "geowalk render " + dir.string()});
    if (presentation.geojson.mode == output::GeojsonChoice::Mode::none && fs::is_directory(dir / output::file::geojson, ec) &&
        !fs::is_empty(dir / output::file::geojson, ec))
        stale.push_back({output::file::geojson, "it ran with --geojson none",
                         "run the step again with --geojson all (or --geojson LAYER,...)"});
    if (!presentation.report && fs::exists(dir / output::file::report, ec))
        stale.push_back({output::file::report, "it ran with --no-report",
                         "geowalk report " + dir.string()});
    return stale;
}

// The village maps a presentation leaves out only because the town has more villages than the limit.
std::optional<output::SkippedOutput> skipped_village_maps(std::size_t villages, const fs::path& dir,
                                                          const PresentationOptions& presentation)
{
    if (!presentation.maps || !presentation.village_maps.skips_for_limit(villages)) return std::nullopt;
    return output::SkippedOutput{
        std::string(output::file::maps) + "/village_*",
        std::to_string(villages) + " villages, more than " + std::to_string(presentation.village_maps.limit) +
            ": one map per village is drawn only for a town of at most " + std::to_string(presentation.village_maps.limit) +
            " villages (the town maps, " + output::file::qgis_project + " and the GeoPackage show every village)",
        "geowalk render " + dir.string() + " --village-maps all (or --village-maps NAME,CODE,...)"};
}

// The summary of a run: the loaded campaign, then one section per analysis.
output::Json run_summary(const Campaign& campaign, const AnalysisResults& results, const std::optional<output::DensityStats>& density)
{
    output::Json summary;
    summary["generator"] = "geowalk";
    summary["campaign"] = output::campaign_section(campaign);
    summary["inputs"] = output::inputs_section(campaign);
    summary["track_cleaning"] = output::tracks_cleaning_section(campaign);
    summary["register"] = output::register_section(campaign, results.register_figures);  // the report's issue figures, counted once
    if (results.coverage) summary["coverage"] = output::coverage_section(campaign, *results.coverage);
    if (results.hotspots)
        summary["hotspots"] = output::hotspots_section(campaign, *results.hotspots, density);
    if (results.plan) summary["plan"] = output::plan_section(campaign, *results.plan);
    summary["leaders"] = output::leaders_section(campaign, results.coverage ? &*results.coverage : nullptr);
    // Every option each analysis ran with, from its table: what a later reader needs to repeat the run.
    output::Json& options = summary["options"] = output::Json::object();
    if (results.coverage) {
        const auto& table = coverage::coverage_option_table();
        options[std::string(table.section())] =
            output::options_section(table.specs(), table.values(results.coverage->options), campaign.utc_offset_minutes);
    }
    if (results.hotspots) {
        const auto& table = hotspot::hotspot_option_table();
        options[std::string(table.section())] =
            output::options_section(table.specs(), table.values(results.hotspots->options), campaign.utc_offset_minutes);
    }
    if (results.plan) {
        const auto& table = route::plan_option_table();
        options[std::string(table.section())] =
            output::options_section(table.specs(), table.values(results.plan->options), campaign.utc_offset_minutes);
    }
    return summary;
}

// Maps (and the report) drawn from `source` into `staging`; returns the names written there.
std::vector<std::string> write_presentation(const render::MapSource& source, const std::filesystem::path& staging,
                                            const PresentationOptions& presentation, Progress progress)
{
    std::vector<std::string> names;
    // The report draws every map again as a page: split the time about evenly when both are made.
    const double split = presentation.maps && presentation.report ? 0.5 : presentation.maps ? 1.0 : 0.0;
    SubProgress maps_part{progress.fn, progress.data, 0.0, split};
    SubProgress report_part{progress.fn, progress.data, split, 1.0};
    if (presentation.maps && !render::render_maps(source, staging / "maps", presentation.map_format,
                                                  {SubProgress::callback, &maps_part, progress.task},
                                                  presentation.threads, presentation.village_maps)
                                  .empty())
        names.emplace_back("maps");
    if (presentation.report) {
        render::ReportOptions report;
        report.village_maps = presentation.village_maps;
        render::write_report(source, staging / output::file::report, {SubProgress::callback, &report_part, progress.task},
                             report);
        names.emplace_back(output::file::report);
    }
    return names;
}

// What a presentation owns in the output folder: stale maps of an earlier run (a village since removed, PNGs
// after a switch to PDF) go at commit.
std::vector<output::OwnedFolder> presentation_folders()
{
    return {{"maps", ".png"}, {"maps", ".wld"}, {"maps", ".xml"}, {"maps", ".pdf"}};
}

// The web map's files: an earlier run's layer that this run no longer has goes at commit.
std::vector<output::OwnedFolder> web_folders()
{
    std::vector<output::OwnedFolder> folders;
    for (const auto extension : web::owned_extensions) folders.push_back({web::folder, std::string(extension)});
    return folders;
}

}  // namespace

void check_village_maps(const Campaign& campaign, const render::VillageMapChoice& choice)
{
    if (choice.mode != render::VillageMapChoice::Mode::listed) return;
    const auto matches = [](const Village& v, const std::string& wanted) {
        if (v.name == wanted) return true;
        if (const AttributeValue* code = find(v.attributes, "code"); code && to_text(*code) == wanted) return true;
        // The code a map gets from the village's number is zero-padded: 3, 03 and 003 all name village 3.
        return !wanted.empty() && wanted.size() < 10 && std::all_of(wanted.begin(), wanted.end(), [](char c) {
                   return c >= '0' && c <= '9';
               }) && std::stoi(wanted) == v.id;
    };
    std::string unknown, known;
    for (const auto& wanted : choice.villages)
        if (std::none_of(campaign.villages.begin(), campaign.villages.end(),
                         [&](const Village& v) { return matches(v, wanted); }))
            unknown += (unknown.empty() ? "'" : ", '") + wanted + "'";
    if (unknown.empty()) return;
    for (std::size_t i = 0; i < campaign.villages.size() && i < 5; ++i)
        known += (i == 0 ? "" : ", ") + campaign.villages[i].name;
    if (campaign.villages.size() > 5) known += ", … (" + std::to_string(campaign.villages.size()) + " villages)";
    throw UsageError("--village-maps: no village " + unknown, {},
                     "give village names or codes as in the villages layer, comma-separated, e.g. " + known);
}

RunOutputs write_run_outputs(const Campaign& campaign, const AnalysisResults& results, const fs::path& out_dir,
                             const PresentationOptions& presentation, Progress progress)
{
    const std::string lang = presentation.lang == render::Lang::zh ? "zh" : "en";
    // Density takes most of the writing time, the maps and the report most of the rest.
    const bool presenting = presentation.maps || presentation.report;
    SubProgress density_part{progress.fn, progress.data, 0.0, presenting ? 0.7 : 1.0};
    SubProgress presentation_part{progress.fn, progress.data, 0.7, 1.0};
    output::OutputTransaction out(out_dir);
    RunOutputs run;
    std::vector<std::string> names{output::file::gpkg, output::file::summary, output::file::manifest};
    output::Manifest manifest = output::manifest_of(campaign);
    std::vector<std::string> ran;
    if (results.coverage) ran.emplace_back(output::analysis::coverage);
    if (results.hotspots) ran.emplace_back(output::analysis::hotspots);
    if (results.plan) ran.emplace_back(output::analysis::plan);
    const output::CarryOver carry = output::plan_carry_over(out.target(), ran, manifest);
    run.dropped = carry.dropped;
    const bool keeps_coverage =
        std::find(carry.analyses.begin(), carry.analyses.end(), output::analysis::coverage) != carry.analyses.end();
    const std::optional<coverage::CoverageOptions> kept_coverage_options =
        keeps_coverage ? recorded_coverage_options(carry.previous.summary) : std::nullopt;
    {
        output::VectorFile gpkg(out.staging() / output::file::gpkg, "GPKG");
        gpkg.set_analysis(output::analysis::inputs);
        output::write_input_layers(gpkg, campaign,
                                   results.coverage         ? &results.coverage->options
                                   : kept_coverage_options ? &*kept_coverage_options
                                                           : nullptr);
        output::write_rejects(gpkg, campaign);
        gpkg.set_analysis(output::analysis::coverage);
        if (results.coverage) output::write_coverage_layers(gpkg, campaign, *results.coverage);
        gpkg.set_analysis(output::analysis::hotspots);
        if (results.hotspots) output::write_hotspot_layers(gpkg, campaign, *results.hotspots);
        gpkg.set_analysis(output::analysis::plan);
        if (results.plan) output::write_plan_layers(gpkg, campaign, *results.plan);
        output::carry_layers(carry, gpkg);
        manifest.layers = gpkg.layers();
        gpkg.close();
    }
    qgis::write_layer_styles(out.staging() / output::file::gpkg, lang);
    // From the finished GeoPackage, so that each copy holds exactly what its layer holds. Written beside the rasters:
    // their compression leaves this thread waiting and the cores part idle, and the two share no handle.
    const int threads = results.coverage   ? results.coverage->options.threads
                        : results.hotspots ? results.hotspots->options.threads
                        : results.plan     ? results.plan->options.threads
                                           : 2;
    std::future<output::GeojsonCopies> geojson = std::async(std::launch::async, [&out, threads, &presentation] {
        return output::write_geojson_layers(out.staging() / output::file::gpkg, out.staging() / output::file::geojson,
                                            threads, presentation.geojson);
    });
    std::optional<output::DensityStats> density;
    if (results.hotspots) {
        density = output::write_density_raster(out.staging() / output::file::density, campaign, *results.hotspots,
                                                {SubProgress::callback, &density_part, progress.task});
        if (density) {
            names.push_back(output::file::density);
            manifest.density = output::DensityEntry{output::file::density, density->max};
        }
    }
    if (results.coverage && results.coverage->walk_distance) {
        const auto& o = results.coverage->options;
        const std::string description = "distance to the nearest walk (m), pixel " + significant_text(o.pixel_m) + " m";
        output::write_cog(out.staging() / output::file::walk_distance, *results.coverage->walk_distance, campaign.crs.wkt, description,
                  {{"GEOWALK_MEASURE", o.walk_distance == raster::DistanceMeasure::to_segments
                                           ? "exact distance from the pixel centre to the nearest track segment"
                                           : "distance from the pixel centre to the centre of the nearest pixel a "
                                             "track passes through (as gdal_proximity)"},
                   {"GEOWALK_VILLAGE_M", fixed_text(o.walked_within_m, 6)},
                   {"GEOWALK_BLIND_M", fixed_text(o.blind_beyond_m, 6)}},
                  o.threads);
        names.push_back(output::file::walk_distance);
        manifest.walk_distance = output::WalkDistanceEntry{output::file::walk_distance, o.sight_override_m.value_or(o.sight_m),
                                                           o.walked_within_m, o.blind_beyond_m};
    }
    const output::GeojsonCopies copies = geojson.get();
    if (!copies.written.empty()) names.push_back("geojson");
    for (const auto& left : copies.left_out) {
        const std::string file = std::string(output::file::geojson) + "/" + left.layer + ".geojson";
        if (!left.in_gpkg) {
            run.skipped.push_back({file, left.reason, "run the analysis that writes it"});
            continue;
        }
        run.skipped.push_back({file, left.reason + "; " + output::file::gpkg + " holds the layer",
                               "ogr2ogr -f GeoJSON -lco RFC7946=YES '" + (out.target() / file).string() + "' '" +
                                   (out.target() / output::file::gpkg).string() + "' " + left.layer +
                                   ", or run the step again with --geojson all (or --geojson " + left.layer + ")"});
    }
    if (presentation.geojson.mode == output::GeojsonChoice::Mode::none)
        run.skipped.push_back({output::file::geojson, "the step ran with --geojson none",
                               "run it again with --geojson all (or --geojson LAYER,...)"});
    if (auto villages = skipped_village_maps(campaign.villages.size(), out.target(), presentation))
        run.skipped.push_back(std::move(*villages));
    manifest.skipped = run.skipped;
    if (results.plan && !output::write_plan_gpx(out.staging() / output::file::gpx, campaign, *results.plan).empty())
        names.push_back(output::file::gpx);
    manifest.summary = run_summary(campaign, results, density);
    const std::string now = output::utc_now_text();
    for (const auto& name : ran) manifest.analyses.push_back({name, now, manifest.inputs, false, false});
    run.kept = output::carry_rest(carry, out.staging(), manifest);
    run.stale = manifest.stale = stale_presentation(out.target(), presentation);
    // What was left out on purpose, for people reading the figures (the manifest says it for the tools).
    manifest.summary["skipped"] = output::skipped_json(manifest.skipped);
    output::write_json(out.staging() / output::file::summary, manifest.summary);
    output::write_manifest(out.staging() / output::file::manifest, manifest);
    // Last: the project lists exactly the files written above.
    qgis::write_qgis_project(out.staging() / output::file::qgis_project, qgis::project_spec(manifest, lang));
    names.push_back(output::file::qgis_project);
    // The web map beside the maps: it reads the finished GeoPackage with handles of its own, and mostly waits on
    // GDAL's writers and PROJ while the maps keep the cores busy drawing.
    std::future<web::WebFolder> web_map;
    if (presentation.web)
        web_map = std::async(std::launch::async, [&out, manifest, &lang] {
            return web::write_web_folder(out.staging(), manifest, out.staging() / web::folder, lang);
        });
    // Drawn from the staged outputs, so the maps show exactly what the files hold.
    if (presenting) {
        const render::MapSource source(out.staging(), std::move(manifest), presentation.lang);
        const auto drawn = write_presentation(source, out.staging(), presentation,
                                              {SubProgress::callback, &presentation_part, progress.task});
        names.insert(names.end(), drawn.begin(), drawn.end());
    }
    if (web_map.valid()) {
        web_map.get();
        names.emplace_back(web::folder);
    }
    // Every file a geowalk run can write; one that this step neither produced nor kept (a raster turned off) is
    // removed. geojson/ holds one file per layer of the set, so any other .geojson there is a layer the set no longer
    // has; maps of an earlier run no longer match the data and go too, unless this step draws none (--no-maps), in
    // which case they stay, marked stale; the same for the report.
    std::vector<std::string> owned{output::file::gpkg,          output::file::summary, output::file::manifest,
                                   output::file::walk_distance, output::file::density, output::file::qgis_project};
    if (presentation.report) owned.emplace_back(output::file::report);
    // With --geojson none an earlier run's copies stay, marked stale, like maps with --no-maps.
    std::vector<output::OwnedFolder> folders{{output::file::gpx, ".gpx"}};
    if (presentation.geojson.mode != output::GeojsonChoice::Mode::none)
        folders.push_back({output::file::geojson, ".geojson"});
    if (presentation.maps)
        for (auto& f : presentation_folders()) folders.push_back(std::move(f));
    if (presentation.web)
        for (auto& f : web_folders()) folders.push_back(std::move(f));
    out.commit(owned, folders);
    for (const auto& n : names) run.files.push_back(out.target() / n);
    return run;
}

std::vector<std::filesystem::path> redraw_presentation(const std::filesystem::path& out_dir,
                                                       const PresentationOptions& presentation, Progress progress)
{
    // The folder's manifest says what the run wrote; without it (or malformed) nothing is drawn.
    output::Manifest manifest = output::read_manifest(out_dir);
    const render::MapSource source(out_dir, manifest, presentation.lang);
    output::OutputTransaction out(out_dir);
    auto names = write_presentation(source, out.staging(), presentation, progress);
    if (presentation.web) {
        web::write_web_folder(out_dir, manifest, out.staging() / web::folder,
                              presentation.lang == render::Lang::zh ? "zh" : "en");
        names.emplace_back(web::folder);
    }
    // The village maps this drawing left out for the limit, instead of the earlier note.
    if (presentation.maps) {
        std::erase_if(manifest.skipped, [](const output::SkippedOutput& s) {
            return s.path.starts_with(std::string(output::file::maps) + "/");
        });
        const output::ManifestLayer* villages = manifest.layer(output::layer::villages);
        if (auto skipped = skipped_village_maps(villages ? static_cast<std::size_t>(villages->features) : 0, out_dir,
                                                presentation))
            manifest.skipped.push_back(std::move(*skipped));
    }
    // What was redrawn shows the folder's data again.
    std::erase_if(manifest.stale, [&](const output::StaleOutput& s) {
        return (presentation.maps && s.path == output::file::maps) || (presentation.report && s.path == output::file::report);
    });
    output::write_manifest(out.staging() / output::file::manifest, manifest);
    // Only what was redrawn is replaced: `render` leaves the report alone, `report` the maps.
    std::vector<output::OwnedFolder> folders = presentation.maps ? presentation_folders() : std::vector<output::OwnedFolder>{};
    if (presentation.web)
        for (auto& f : web_folders()) folders.push_back(std::move(f));
    out.commit({output::file::manifest}, folders);
    std::vector<std::filesystem::path> written;
    for (const auto& n : names) written.push_back(out.target() / n);
    return written;
}

}  // namespace geo::pipeline

#include "libgeo/pipeline/outputs.hpp"

#include "libgeo/export/atomic_output.hpp"
#include "libgeo/export/geojson_export.hpp"
#include "libgeo/qgis/layer_styles.hpp"
#include "libgeo/qgis/project_spec.hpp"
#include "libgeo/export/raster_writer.hpp"
#include "libgeo/raster/distance_transform.hpp"
#include "libgeo/export/vector_writer.hpp"
#include "libgeo/export/write_coverage.hpp"
#include "libgeo/export/write_hotspots.hpp"
#include "libgeo/export/write_inputs.hpp"
#include "libgeo/render/maps.hpp"
#include "libgeo/render/report.hpp"

#include <cstdio>
#include <future>

namespace geo::pipeline {

namespace {

// The summary of a run: the loaded campaign, then one section per analysis.
output::Json run_summary(const Campaign& campaign, const AnalysisResults& results, const std::optional<output::DensityStats>& density)
{
    output::Json summary;
    summary["generator"] = "geowalk";
    summary["campaign"] = output::campaign_section(campaign);
    summary["inputs"] = output::inputs_section(campaign);
    summary["track_cleaning"] = output::tracks_cleaning_section(campaign);
    if (results.coverage) summary["coverage"] = output::coverage_section(campaign, *results.coverage);
    if (results.hotspots)
        summary["hotspots"] = output::hotspots_section(campaign, *results.hotspots, results.hotspot_options, density);
    return summary;
}

// Maps (and the report) drawn from the outputs in `from` into `staging`; returns the names written there.
std::vector<std::string> write_presentation(const std::filesystem::path& from, const std::filesystem::path& staging,
                                            const PresentationOptions& presentation, Progress progress)
{
    std::vector<std::string> names;
    const render::MapSource source(from, presentation.lang);
    // The report draws every map again as a page: split the time about evenly when both are made.
    const double split = presentation.maps && presentation.report ? 0.5 : presentation.maps ? 1.0 : 0.0;
    SubProgress maps_part{progress.fn, progress.data, 0.0, split};
    SubProgress report_part{progress.fn, progress.data, split, 1.0};
    if (presentation.maps && !render::render_maps(source, staging / "maps", presentation.map_format,
                                                  {SubProgress::callback, &maps_part, progress.task},
                                                  presentation.threads)
                                  .empty())
        names.emplace_back("maps");
    if (presentation.report) {
        render::write_report(source, staging / "report.pdf", {SubProgress::callback, &report_part, progress.task});
        names.emplace_back("report.pdf");
    }
    return names;
}

// What a presentation owns in the output folder: stale maps of an earlier run (a village since removed, PNGs
// after a switch to PDF) go at commit.
std::vector<output::OwnedFolder> presentation_folders()
{
    return {{"maps", ".png"}, {"maps", ".wld"}, {"maps", ".xml"}, {"maps", ".pdf"}};
}

}  // namespace

std::vector<std::filesystem::path> write_run_outputs(const Campaign& campaign, const AnalysisResults& results,
                                                     const std::filesystem::path& out_dir,
                                                     const PresentationOptions& presentation, Progress progress)
{
    const std::string lang = presentation.lang == render::Lang::zh ? "zh" : "en";
    // Density takes most of the writing time, the maps and the report most of the rest.
    const bool presenting = presentation.maps || presentation.report;
    SubProgress density_part{progress.fn, progress.data, 0.0, presenting ? 0.7 : 1.0};
    SubProgress presentation_part{progress.fn, progress.data, 0.7, 1.0};
    output::OutputTransaction out(out_dir);
    std::vector<std::string> names{"geowalk.gpkg", "summary.json"};
    {
        output::VectorFile gpkg(out.staging() / "geowalk.gpkg", "GPKG");
        output::write_input_layers(gpkg, campaign);
        output::write_rejects(gpkg, campaign);
        if (results.coverage) output::write_coverage_layers(gpkg, campaign, *results.coverage);
        if (results.hotspots) output::write_hotspot_layers(gpkg, campaign, *results.hotspots, results.hotspot_options);
        gpkg.close();
    }
    qgis::write_layer_styles(out.staging() / "geowalk.gpkg", lang);
    // From the finished GeoPackage, so that each copy holds exactly what its layer holds. Written beside the rasters:
    // their compression leaves this thread waiting and the cores part idle, and the two share no handle.
    const int threads = results.coverage ? results.coverage->options.threads : results.hotspot_options.threads;
    std::future<std::vector<std::string>> geojson = std::async(std::launch::async, [&out, threads] {
        return output::write_geojson_layers(out.staging() / "geowalk.gpkg", out.staging() / "geojson", threads);
    });
    std::optional<output::DensityStats> density;
    if (results.hotspots) {
        density = output::write_density_raster(out.staging() / "density.tif", campaign, *results.hotspots,
                                       results.hotspot_options, {SubProgress::callback, &density_part, progress.task});
        if (density) names.push_back("density.tif");
    }
    if (results.coverage && results.coverage->walk_distance) {
        const auto& o = results.coverage->options;
        char description[160];
        std::snprintf(description, sizeof description, "distance to the nearest walk (m), pixel %g m", o.pixel_m);
        output::write_cog(out.staging() / "walk_distance.tif", *results.coverage->walk_distance, campaign.crs.wkt, description,
                  {{"GEOWALK_MEASURE", o.walk_distance == raster::DistanceMeasure::to_segments
                                           ? "exact distance from the pixel centre to the nearest track segment"
                                           : "distance from the pixel centre to the centre of the nearest pixel a "
                                             "track passes through (as gdal_proximity)"},
                   {"GEOWALK_VILLAGE_M", std::to_string(o.village_m)},
                   {"GEOWALK_BLIND_M", std::to_string(o.blind_m)}},
                  o.threads);
        names.push_back("walk_distance.tif");
    }
    if (!geojson.get().empty()) names.push_back("geojson");
    output::write_json(out.staging() / "summary.json", run_summary(campaign, results, density));
    // Last: the project lists exactly the files written above.
    qgis::write_qgis_project(out.staging() / "geowalk.qgs", qgis::project_spec_from_outputs(out.staging(), lang));
    names.push_back("geowalk.qgs");
    // Drawn from the staged outputs, so the maps show exactly what the files hold.
    if (presenting) {
        const auto drawn = write_presentation(out.staging(), out.staging(), presentation,
                                              {SubProgress::callback, &presentation_part, progress.task});
        names.insert(names.end(), drawn.begin(), drawn.end());
    }
    // Every file a geowalk run can write; one that this run did not produce (a raster turned off) is removed.
    // geojson/ holds one file per layer of this run, so any other .geojson there is a layer this run did not write;
    // maps of an earlier run (or all of them, with --no-maps) no longer match the data and go too.
    std::vector<output::OwnedFolder> folders{{"geojson", ".geojson"}};
    for (auto& f : presentation_folders()) folders.push_back(std::move(f));
    out.commit({"geowalk.gpkg", "summary.json", "walk_distance.tif", "density.tif", "geowalk.qgs", "report.pdf"}, folders);
    std::vector<std::filesystem::path> written;
    for (const auto& n : names) written.push_back(out.target() / n);
    return written;
}

std::vector<std::filesystem::path> redraw_presentation(const std::filesystem::path& out_dir,
                                                       const PresentationOptions& presentation, Progress progress)
{
    output::OutputTransaction out(out_dir);
    const auto names = write_presentation(out_dir, out.staging(), presentation, progress);
    // Only what was redrawn is replaced: `render` leaves the report alone, `report` the maps.
    out.commit({}, presentation.maps ? presentation_folders() : std::vector<output::OwnedFolder>{});
    std::vector<std::filesystem::path> written;
    for (const auto& n : names) written.push_back(out.target() / n);
    return written;
}

}  // namespace geo::pipeline

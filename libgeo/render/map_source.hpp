#pragma once
// What maps and the report are drawn from: an output folder as pipeline::write_run_outputs leaves it (or its staging
// folder before the commit): geowalk.gpkg with its layers, density.tif and walk_distance.tif, as the run's manifest
// (export/manifest.hpp) lists them, with the figures the manifest holds.
// Drawing from the written outputs means the maps show exactly what a planner finds in QGIS, styled by the same
// catalogue (qgis/default_styles.hpp).
#include "libgeo/export/manifest.hpp"
#include "libgeo/qgis/project_spec.hpp"
#include "libgeo/render/words.hpp"

#include <gdal_priv.h>

#include <filesystem>
#include <string>

namespace geo::render {

class MapSource {
public:
    // The outputs in `folder` that `manifest` describes (a run passes its own, in memory). Throws geo::InputError
    // naming the folder when geowalk.gpkg cannot be opened.
    MapSource(std::filesystem::path folder, output::Manifest manifest, Lang lang);
    // The same with the folder's manifest.json; throws geo::InputError when it is missing or malformed.
    MapSource(const std::filesystem::path& folder, Lang lang);

    [[nodiscard]] const std::filesystem::path& folder() const { return m_folder; }
    [[nodiscard]] Lang lang() const { return m_lang; }
    // The run's figures (what summary.json holds).
    [[nodiscard]] const output::Json& summary() const { return m_manifest.summary; }
    [[nodiscard]] const output::Manifest& manifest() const { return m_manifest; }
    // What the folder holds, as the QGIS project sees it: layers with their geometry kinds, rasters with their
    // thresholds, the CRS and the town's extent.
    [[nodiscard]] const qgis::QgisProjectSpec& outputs() const { return m_outputs; }
    // The GeoPackage, opened read-only; a layer absent from it is a layer this run did not write.
    [[nodiscard]] GDALDataset& gpkg() const { return *m_gpkg; }
    [[nodiscard]] OGRLayer* layer(const std::string& name) const;
    // A raster of the folder, or an empty path when this run did not write it.
    [[nodiscard]] std::filesystem::path raster(const std::string& file) const;

    // "2017-02-20 – 2017-04-30" from the summary's campaign period, or "no dates recorded".
    [[nodiscard]] std::string period_text() const;

private:
    std::filesystem::path m_folder;
    Lang m_lang;
    output::Manifest m_manifest;
    qgis::QgisProjectSpec m_outputs;
    GDALDatasetUniquePtr m_gpkg;
};

}  // namespace geo::render

#include "libgeo/export/carry_over.hpp"

#include "libgeo/export/contract.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/handles/gdal_errors.hpp"

#include <gdal_priv.h>

#include <algorithm>

namespace geo::output {

namespace fs = std::filesystem;

namespace {

bool contains(const std::vector<std::string>& names, std::string_view name)
{
    return std::find(names.begin(), names.end(), name) != names.end();
}

// The raster an analysis writes, if it wrote one.
std::optional<std::string> raster_of(const Manifest& m, std::string_view analysis)
{
    if (analysis == analysis::coverage && m.walk_distance) return m.walk_distance->file;
    if (analysis == analysis::hotspots && m.density) return m.density->file;
    return std::nullopt;
}

void link_or_copy(const fs::path& from, const fs::path& to)
{
    std::error_code ec;
    fs::create_hard_link(from, to, ec);
    if (!ec) return;
    fs::copy_file(from, to, fs::copy_options::overwrite_existing, ec);
    if (ec)
        throw OutputError("cannot keep the earlier run's " + from.filename().string() + ": " + ec.message(),
                          in_file(from.string()), "check free space and permissions in the output folder");
}

}  // namespace

CarryOver plan_carry_over(const fs::path& dir, const std::vector<std::string>& ran, const Manifest& now)
{
    CarryOver plan;
    plan.dir = dir;
    if (!fs::exists(dir / file::manifest)) return plan;
    try {
        plan.previous = read_manifest(dir);
    } catch (const InputError& e) {
        plan.dropped.emplace_back(std::string("the earlier outputs (") + e.what() + ")");
        return plan;
    }
    if (plan.previous.analyses.empty() && !plan.previous.layers.empty()) {
        plan.dropped.emplace_back("the earlier outputs: an older geowalk wrote them without recording which analysis "
                               "wrote what; run `geowalk run` once to write the whole folder anew");
        return plan;
    }
    std::vector<std::string> earlier;
    for (const auto& a : plan.previous.analyses)
        if (!contains(ran, a.name)) earlier.push_back(a.name);
    if (earlier.empty()) return plan;
    if (plan.previous.crs_wkt != now.crs_wkt) {
        for (const auto& a : earlier)
            plan.dropped.emplace_back("the " + a + " outputs of the earlier run: they are in " + plan.previous.crs_name +
                                   ", this run in " + now.crs_name);
        return plan;
    }
    if (!fs::exists(dir / file::gpkg)) {
        plan.dropped.emplace_back("the earlier run's analyses: geowalk.gpkg is missing from the folder");
        return plan;
    }
    plan.analyses = std::move(earlier);
    return plan;
}

void carry_layers(const CarryOver& plan, VectorFile& gpkg)
{
    if (plan.analyses.empty()) return;
    const fs::path source = plan.dir / file::gpkg;
    GdalErrorTrap errors;
    const GDALDatasetUniquePtr earlier(
        GDALDataset::Open(source.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
    if (!earlier)
        throw InputError("cannot open the earlier run's GeoPackage: " + errors.message(), in_file(source.string()),
                         "run `geowalk run CAMPAIGN --out DIR` to write the whole folder anew");
    for (const auto& layer : plan.previous.layers) {
        if (!contains(plan.analyses, layer.analysis)) continue;
        OGRLayer* from = earlier->GetLayerByName(layer.name.c_str());
        if (!from)
            throw InputError("the earlier run's GeoPackage has no layer '" + layer.name + "' although manifest.json lists it",
                             in_file(source.string()), "run `geowalk run CAMPAIGN --out DIR` to write the whole folder anew");
        gpkg.copy_layer(*from, layer);
    }
}

std::vector<CarriedAnalysis> carry_rest(const CarryOver& plan, const fs::path& staging, Manifest& manifest)
{
    std::vector<CarriedAnalysis> kept;
    const Manifest& earlier = plan.previous;
    for (const auto& name : plan.analyses) {
        const AnalysisEntry* entry = earlier.analysis(name);
        AnalysisEntry carried = *entry;
        carried.carried = true;
        carried.stale = entry->inputs != manifest.inputs;
        manifest.analyses.push_back(carried);

        CarriedAnalysis out{name, entry->written_at, carried.stale, {}};
        for (const auto& layer : earlier.layers)
            if (layer.analysis == name) out.outputs.push_back(layer.name);
        if (const auto raster = raster_of(earlier, name); raster && fs::exists(plan.dir / *raster)) {
            link_or_copy(plan.dir / *raster, staging / *raster);
            out.outputs.push_back(*raster);
            if (name == analysis::coverage) manifest.walk_distance = earlier.walk_distance;
            if (name == analysis::hotspots) manifest.density = earlier.density;
        }
        // The plan's GPX files go with its layers.
        if (name == analysis::plan && fs::is_directory(plan.dir / file::gpx))
            for (const auto& entry : fs::directory_iterator(plan.dir / file::gpx))
                if (entry.path().extension() == ".gpx") {
                    fs::create_directories(staging / file::gpx);
                    link_or_copy(entry.path(), staging / file::gpx / entry.path().filename());
                    out.outputs.push_back(std::string(file::gpx) + "/" + entry.path().filename().string());
                }
        if (earlier.summary.contains(name)) manifest.summary[name] = earlier.summary[name];
        if (earlier.summary.contains("options") && earlier.summary["options"].contains(name))
            manifest.summary["options"][name] = earlier.summary["options"][name];
        kept.push_back(std::move(out));
    }
    return kept;
}

}  // namespace geo::output

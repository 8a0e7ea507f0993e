#include "libgeo/web/layer_scripts.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/handles/cpl.hpp"
#include "libgeo/handles/gdal_apps.hpp"
#include "libgeo/handles/gdal_errors.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <atomic>
#include <fstream>

namespace geo::web {

namespace {

// A /vsimem/ name no other thread uses at the same time.
std::string scratch_name(const std::string& layer)
{
    static std::atomic<long> counter{0};
    return "/vsimem/geowalk_web_" + std::to_string(counter++) + "_" + layer + ".geojson";
}

// Removes the /vsimem/ file at scope exit, whether or not GDAL wrote it.
struct ScratchFile {
    std::string path;
    ~ScratchFile() { VSIUnlink(path.c_str()); }
};

}  // namespace

std::vector<std::string> page_fields(const std::string& layer)
{
    if (layer == "issues") return {"issue_id", "problem", "found", "rectified", "accepted", "village"};
    if (layer == "uncovered") return {"rank", "village", "length_m"};
    if (layer == "villages") return {"name", "name_en", "code"};
    if (layer == "hotspot_cells") return {"gi_class"};
    return {};
}

LayerScript write_layer_script(GDALDataset& source, const std::filesystem::path& gpkg, const std::string& layer,
                               const std::vector<std::string>& fields, bool slim,
                               const std::filesystem::path& web_dir)
{
    GdalErrorTrap trap;
    std::vector<std::string> args{"-f",  "GeoJSON", "-t_srs", "EPSG:4326", "-lco", "RFC7946=YES",
                                  "-lco", "COORDINATE_PRECISION=6", "-lco", "WRITE_NAME=NO"};
    if (slim) {
        std::string list;
        for (const auto& f : fields) list += (list.empty() ? "" : ",") + f;
        args.insert(args.end(), {"-select", list});
    }
    args.push_back(layer);
    UtilityArgs argv(std::move(args));
    VectorTranslateOptionsPtr options(GDALVectorTranslateOptionsNew(argv.argv(), nullptr));
    if (!options) throw OutputError("bad options for the web layer " + layer, in_file(gpkg.string(), layer), trap.message());
    ScratchFile scratch{scratch_name(layer)};
    GDALDatasetH sources[] = {GDALDataset::ToHandle(&source)};
    int usage_error = 0;
    GDALDatasetUniquePtr written(GDALDataset::FromHandle(
        GDALVectorTranslate(scratch.path.c_str(), nullptr, 1, sources, options.get(), &usage_error)));
    if (!written || usage_error)
        throw OutputError("cannot write the web map's copy of " + layer, in_file(gpkg.string(), layer), trap.message());
    LayerScript out{layer, "layer_" + layer + ".js", 0, 0};
    if (OGRLayer* l = written->GetLayer(0)) out.features = l->GetFeatureCount();
    written.reset();  // flushes the GeoJSON
    const auto text = read_vsi_file(scratch.path, std::size_t{1} << 31);
    if (!text) throw OutputError("cannot read back the web map's copy of " + layer, in_file(gpkg.string(), layer));
    const auto file = web_dir / out.file;
    std::ofstream js(file, std::ios::binary);
    // The page defines geowalkLayer(); a layer file loaded alone does nothing.
    js << "geowalkLayer(" << '"' << layer << '"' << ", " << *text << ");\n";
    js.close();
    if (!js) throw OutputError("cannot write " + file.string(), in_file(file.string()), "check the free disk space");
    out.bytes = std::filesystem::file_size(file);
    return out;
}

}  // namespace geo::web

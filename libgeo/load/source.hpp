#pragma once
// Opening one input of a campaign through GDAL/OGR: the file, the layer, the attribute filter and its CRS,
// with errors that name the file and say what to do.
#include "libgeo/core/attributes.hpp"
#include "libgeo/handles/cpl.hpp"
#include "libgeo/campaign/campaign_file.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <filesystem>
#include <string>
#include <vector>

namespace geo::load {

enum class Role { villages, network, access, sites, tracks, issues };
std::string_view to_string(Role role);

struct OpenedLayer {
    VsiMemFile decoded;  // a GBK CSV decoded to UTF-8, which dataset reads; declared first so it outlives dataset
    GDALDatasetUniquePtr dataset;
    OGRLayer* layer = nullptr;  // owned by dataset
    std::filesystem::path path;
    std::string layer_name;
    std::string srs_definition;  // WKT of the layer's CRS, or of the declared one
    bool geographic = false;
};

// Expands a source's paths (relative to the campaign file; '*' and '?' globs in the file name part) into files,
// sorted so that loading order never depends on the directory listing.
std::vector<std::filesystem::path> expand_sources(const campaign::SourceSpec& spec, const std::filesystem::path& base_dir);

// Opens the file, picks the layer (the named one, or the only one that fits the role), applies `where`,
// and resolves the CRS: the layer's own, else the declared `crs`, else WGS 84 for lon/lat columns and GPS files,
// else a geo::InputError. issue_fields gives the lon/lat/wkt column names for CSV issue files.
OpenedLayer open_layer(const std::filesystem::path& path, const campaign::SourceSpec& spec, Role role,
                       const std::map<std::string, std::string>& issue_fields = {});

Attributes read_attributes(OGRFeature& feature);

// The WKT of a feature's geometry as read (for the rejects layer), empty without geometry.
std::string geometry_wkt(const OGRFeature& feature);

}  // namespace geo::load

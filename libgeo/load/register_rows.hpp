#pragma once
// Reading a field upload for the register (`geowalk register import`): the file goes through the campaign's own
// issue reader (load_issues: columns by their common English or Chinese names or [issues.fields], dates as offices
// write them, GBK CSV decoded, GCJ-02/BD-09 undone, each issue placed in its village), so an upload is read exactly
// as `[issues] source` would be. Spreadsheets without a geometry (XLSX through GDAL's driver, ODK/KoBo CSV exports
// with a geopoint column "lat lon alt acc") are first turned into a point layer in memory (GDAL's GeoPackage driver
// on /vsimem/). Rows the reader refuses come back with their row and reason; they are never applied.
#include "libgeo/campaign/campaign_file.hpp"
#include "libgeo/core/campaign.hpp"
#include "libgeo/register/merge.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace geo::load {

struct RegisterRows {
    std::string file_name;  // the upload's name, its identity from one import to the next
    std::string hash;       // SHA-256 of its bytes, hex
    std::string crs_wkt;    // the campaign's local CRS (a new register's)
    std::vector<reg::IncomingRow> rows;
    std::vector<reg::RowProblem> rejected;
};

// coords: "wgs84", "gcj02" or "bd09"; empty: the campaign's [issues] coords (wgs84 without [issues]).
RegisterRows read_register_rows(const campaign::CampaignSpec& spec, const std::filesystem::path& file,
                                const std::string& coords = {});

// The campaign's villages alone (for the register's village by location and its CRS), loaded as every command
// loads them.
Campaign load_villages_only(const campaign::CampaignSpec& spec);

// SHA-256 of a file's bytes as 64 hex digits (OpenSSL). Throws geo::InputError when it cannot be read.
std::string file_sha256(const std::filesystem::path& file);

}  // namespace geo::load

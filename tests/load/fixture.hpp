#pragma once
// A tiny two-village campaign near Ganjun written as plain files, for loader tests.
#include "libgeo/campaign/campaign_file.hpp"
#include "libgeo/load/loader.hpp"
#include "support.hpp"

#include <gdal_utils.h>

#include <string>

namespace geo::test {

// Two 0.05 x 0.05 degree villages side by side: 甲村 (100.40–100.45 E) and 乙村 (100.45–100.50 E), 38.90–38.95 N.
inline const char* villages_geojson = R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"name":"甲村","code":1},"geometry":{"type":"Polygon","coordinates":[[[100.40,38.90],[100.45,38.90],[100.45,38.95],[100.40,38.95],[100.40,38.90]]]}},
{"type":"Feature","properties":{"name":"乙村","code":2},"geometry":{"type":"Polygon","coordinates":[[[100.45,38.90],[100.50,38.90],[100.50,38.95],[100.45,38.95],[100.45,38.90]]]}}
]})";

struct MiniTown {
    TempDir dir{"geowalk-town"};

    MiniTown() { write_text(dir / "villages.geojson", villages_geojson); }

    // Writes campaign.toml with [villages] and the given extra blocks, and parses it.
    [[nodiscard]] campaign::CampaignSpec spec(const std::string& extra, const std::string& campaign_block = "") const
    {
        write_text(dir / "campaign.toml", "[campaign]\nname = \"mini\"\n" + campaign_block +
                                              "\n[villages]\nsource = \"villages.geojson\"\n" + extra);
        return campaign::read_campaign_file(dir / "campaign.toml");
    }

    [[nodiscard]] Campaign load(const std::string& extra, const std::string& campaign_block = "") const
    {
        return load::load_campaign(spec(extra, campaign_block));
    }
};

// Converts a vector file with GDALVectorTranslate (ogr2ogr's library form): the same data in another format/CRS.
inline void translate(const std::filesystem::path& from, const std::filesystem::path& to,
                      std::vector<std::string> options)
{
    GDALDatasetH src = GDALOpenEx(from.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
    if (!src) throw std::runtime_error("cannot open " + from.string());
    std::vector<char*> argv;
    for (auto& o : options) argv.push_back(o.data());
    argv.push_back(nullptr);
    GDALVectorTranslateOptions* opts = GDALVectorTranslateOptionsNew(argv.data(), nullptr);
    int usage_error = 0;
    GDALDatasetH out = GDALVectorTranslate(to.c_str(), nullptr, 1, &src, opts, &usage_error);
    GDALVectorTranslateOptionsFree(opts);
    GDALClose(src);
    if (!out) throw std::runtime_error("cannot write " + to.string());
    GDALClose(out);
}

inline const SourceSummary& source(const Campaign& c, const std::string& role, std::size_t nth = 0)
{
    for (const auto& s : c.diagnostics.sources())
        if (s.role == role && nth-- == 0) return s;
    throw std::runtime_error("no source with role " + role);
}

inline long long reason_count(const SourceSummary& s, std::string_view reason)
{
    auto it = s.reasons.find(std::string(reason));
    return it == s.reasons.end() ? 0 : it->second;
}

}  // namespace geo::test

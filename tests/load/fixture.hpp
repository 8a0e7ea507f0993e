#pragma once
// A tiny two-village campaign near Ganjun written as plain files, for loader tests.
#include "libgeo/campaign/campaign_file.hpp"
#include "libgeo/load/loader.hpp"
#include "support.hpp"

#include <gdal_utils.h>
#include <gtest/gtest.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <memory>
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

// Twelve short east-west rivers inside the two villages, in UTM 47N metres, written by OGR to a GeoJSON that has no
// "crs" member (the layer is created without a CRS): what a projected export without its CRS looks like. GeoJSON
// without "crs" is WGS 84 by definition, so every coordinate is out of range for degrees.
inline void write_projected_rivers(const std::filesystem::path& file)
{
    OGRSpatialReference wgs84;
    wgs84.SetWellKnownGeogCS("WGS84");
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRSpatialReference utm;
    utm.importFromEPSG(32647);
    utm.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    const std::unique_ptr<OGRCoordinateTransformation> to_utm(OGRCreateCoordinateTransformation(&wgs84, &utm));
    ASSERT_TRUE(to_utm);

    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GeoJSON");
    GDALDatasetUniquePtr ds(driver->Create(file.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    ASSERT_TRUE(ds);
    OGRLayer* layer = ds->CreateLayer("rivers", nullptr, wkbLineString, nullptr);
    ASSERT_TRUE(layer);
    OGRFieldDefn name("name", OFTString);
    ASSERT_EQ(layer->CreateField(&name), OGRERR_NONE);
    for (int i = 0; i < 12; ++i) {
        OGRFeatureUniquePtr f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
        f->SetField("name", ("river " + std::to_string(i + 1)).c_str());
        OGRLineString line;
        const double lat = 38.905 + 0.0035 * i;
        line.addPoint(100.41, lat);
        line.addPoint(100.49, lat);
        ASSERT_EQ(line.transform(to_utm.get()), OGRERR_NONE);
        f->SetGeometry(&line);
        ASSERT_EQ(layer->CreateFeature(f.get()), OGRERR_NONE);
    }
}

}  // namespace geo::test

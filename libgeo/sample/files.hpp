#pragma once
// Writes a generated town through GDAL/OGR, in the formats and CRSs planners actually receive:
//   town.gpkg          villages (MultiPolygon) and roads, CGCS2000 / 3-degree GK CM 99E (EPSG:4542)
//   rivers.geojson     rivers and ditches, RFC 7946 (EPSG:4326)
//   field_ridges.shp   field ridges, CGCS2000 geographic (EPSG:4490), UTF-8 .cpg
//   sites.kml          sites as polygons and points, LIBKML driver (EPSG:4326)
//   tracks/wgs84|gcj02/*.gpx   one GPX 1.1 file per track
//   issues.csv         the issue register, GCJ-02 coordinates
// Tiles are appended one at a time, so a town of 1,000 tiles never sits in memory whole.
#include "libgeo/sample/issues.hpp"
#include "libgeo/sample/ogr_support.hpp"
#include "libgeo/sample/town.hpp"
#include "libgeo/sample/tracks.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace geo::sample {

class TownFiles {
public:
    // Creates every dataset and layer in dir (which must exist).
    explicit TownFiles(const std::filesystem::path& dir);
    ~TownFiles();
    TownFiles(const TownFiles&) = delete;
    TownFiles& operator=(const TownFiles&) = delete;

    // offset places the tile's local metres in UTM 47N (EPSG:32647).
    void add_town(const Town& town, Point offset);
    void add_tracks(const std::vector<Track>& tracks, Point offset);
    void add_issues(const std::vector<Issue>& issues, Point offset);

    // Commits, flushes and closes every dataset, throwing OutputError on failure. Without it the destructor closes
    // the files but cannot report errors.
    void close();

private:
    // Pins the dates GDAL stamps into files (GeoPackage last_change) for this thread, so equal seeds give equal
    // bytes; restores the previous setting when the writer goes.
    class FixedFileDate {
    public:
        FixedFileDate();
        ~FixedFileDate();
        FixedFileDate(const FixedFileDate&) = delete;
        FixedFileDate& operator=(const FixedFileDate&) = delete;

    private:
        std::optional<std::string> m_previous;
    };

    void counted(int features);

    FixedFileDate m_fixed_date;  // first member: outlives every dataset
    std::filesystem::path m_dir;
    detail::Projector m_to_gk;      // EPSG:4542
    detail::Projector m_to_wgs84;   // EPSG:4326
    detail::Projector m_to_cgcs;    // EPSG:4490
    GDALDatasetUniquePtr m_town;    // town.gpkg
    GDALDatasetUniquePtr m_rivers;  // rivers.geojson
    GDALDatasetUniquePtr m_ridges;  // field_ridges.shp
    GDALDatasetUniquePtr m_sites;   // sites.kml
    GDALDatasetUniquePtr m_issues;  // issues.csv
    OGRLayer* m_village_layer = nullptr;
    OGRLayer* m_road_layer = nullptr;
    OGRLayer* m_river_layer = nullptr;
    OGRLayer* m_ridge_layer = nullptr;
    OGRLayer* m_site_layer = nullptr;
    OGRLayer* m_issue_layer = nullptr;
    int m_uncommitted = 0;  // GeoPackage features written since the last commit
};

}  // namespace geo::sample

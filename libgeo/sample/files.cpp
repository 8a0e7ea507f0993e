#include "libgeo/sample/files.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/sample/gpx_files.hpp"
#include "libgeo/sample/issue_csv.hpp"

#include <cpl_conv.h>

namespace geo::sample {

namespace {

namespace fs = std::filesystem;
using namespace detail;

// A GeoPackage commits to disk on every feature outside a transaction; batches of this many keep it fast.
constexpr int k_features_per_transaction = 4000;

OGRFeatureUniquePtr new_feature(OGRLayer& layer)
{
    return OGRFeatureUniquePtr(OGRFeature::CreateFeature(layer.GetLayerDefn()));
}

void start_transaction(GDALDataset& ds, const fs::path& path)
{
    if (ds.StartTransaction() != OGRERR_NONE) {
        Where where;
        where.file = path.string();
        throw OutputError("could not start a GeoPackage transaction", where);
    }
}

void commit_transaction(GDALDataset& ds, const fs::path& path)
{
    if (ds.CommitTransaction() != OGRERR_NONE) {
        Where where;
        where.file = path.string();
        throw OutputError("could not commit to the GeoPackage", where, "check that the disk is not full");
    }
}

// The day the register was closed; any fixed date would do.
constexpr const char* k_file_date = "2017-03-12T12:00:00.000Z";

}  // namespace

TownFiles::FixedFileDate::FixedFileDate()
{
    if (const char* previous = CPLGetThreadLocalConfigOption("OGR_CURRENT_DATE", nullptr)) m_previous = previous;
    CPLSetThreadLocalConfigOption("OGR_CURRENT_DATE", k_file_date);
}

TownFiles::FixedFileDate::~FixedFileDate()
{
    CPLSetThreadLocalConfigOption("OGR_CURRENT_DATE", m_previous ? m_previous->c_str() : nullptr);
}

TownFiles::TownFiles(const fs::path& dir) : m_dir(dir), m_to_gk(4542), m_to_wgs84(4326), m_to_cgcs(4490)
{
    const fs::path town = dir / "town.gpkg";
    m_town = create_dataset("GPKG", town);
    m_village_layer = create_layer(*m_town, town, "villages", &m_to_gk.target(), wkbMultiPolygon);
    for (const char* field : {"name", "name_en", "code"}) add_string_field(*m_village_layer, town, field);
    m_road_layer = create_layer(*m_town, town, "roads", &m_to_gk.target(), wkbLineString);
    for (const char* field : {"name", "class"}) add_string_field(*m_road_layer, town, field);
    start_transaction(*m_town, town);

    const fs::path rivers = dir / "rivers.geojson";
    m_rivers = create_dataset("GeoJSON", rivers);
    m_river_layer = create_layer(*m_rivers, rivers, "rivers", &m_to_wgs84.target(), wkbLineString, {"RFC7946=YES"});
    for (const char* field : {"name", "kind"}) add_string_field(*m_river_layer, rivers, field);

    const fs::path ridges = dir / "field_ridges.shp";
    m_ridges = create_dataset("ESRI Shapefile", ridges);
    m_ridge_layer =
        create_layer(*m_ridges, ridges, "field_ridges", &m_to_cgcs.target(), wkbLineString,
                     {"ENCODING=UTF-8", "DBF_DATE_LAST_UPDATE=2017-03-12"});
    add_string_field(*m_ridge_layer, ridges, "name", 100);

    const fs::path sites = dir / "sites.kml";
    m_sites = create_dataset("LIBKML", sites);
    m_site_layer = create_layer(*m_sites, sites, "sites", &m_to_wgs84.target(), wkbUnknown);
    for (const char* field : {"name", "kind"}) add_string_field(*m_site_layer, sites, field);

    // Every column is text so the CSV holds exactly what a clerk typed (dates in three spellings, 7 decimals).
    const fs::path issues = dir / "issues.csv";
    m_issues = create_dataset("CSV", issues);
    m_issue_layer = create_layer(*m_issues, issues, "issues", nullptr, wkbNone,
                                 {"LINEFORMAT=LF", "STRING_QUOTING=IF_NEEDED", "WRITE_BOM=NO"});
    for (std::string_view column : k_issue_columns)
        add_string_field(*m_issue_layer, issues, std::string(column).c_str());

    fs::create_directories(dir / "tracks" / "wgs84");
    fs::create_directories(dir / "tracks" / "gcj02");
}

TownFiles::~TownFiles()
{
    // Reached with open datasets only when an exception is on its way out; close quietly, that error wins.
    if (m_town) m_town->RollbackTransaction();
}

void TownFiles::counted(int features)
{
    m_uncommitted += features;
    if (m_uncommitted < k_features_per_transaction) return;
    commit_transaction(*m_town, m_dir / "town.gpkg");
    start_transaction(*m_town, m_dir / "town.gpkg");
    m_uncommitted = 0;
}

void TownFiles::add_town(const Town& town, Point offset)
{
    const fs::path gpkg = m_dir / "town.gpkg";
    for (const Village& v : town.villages) {
        OGRFeatureUniquePtr f = new_feature(*m_village_layer);
        f->SetField("name", v.name.c_str());
        f->SetField("name_en", v.name_en.c_str());
        f->SetField("code", v.code.c_str());
        const OGRMultiPolygon area = to_ogr_multipolygon(m_to_gk, v.area, offset);
        f->SetGeometry(&area);
        create_feature(*m_village_layer, *f, gpkg);
    }
    for (const Road& r : town.roads) {
        OGRFeatureUniquePtr f = new_feature(*m_road_layer);
        f->SetField("name", r.name.c_str());
        f->SetField("class", std::string(code(r.road_class)).c_str());
        const OGRLineString line = to_ogr_line(m_to_gk, r.line, offset);
        f->SetGeometry(&line);
        create_feature(*m_road_layer, *f, gpkg);
    }
    counted(static_cast<int>(town.villages.size() + town.roads.size()));

    for (const Water& w : town.waters) {
        OGRFeatureUniquePtr f = new_feature(*m_river_layer);
        f->SetField("name", w.name.c_str());
        f->SetField("kind", std::string(code(w.kind)).c_str());
        const OGRLineString line = to_ogr_line(m_to_wgs84, w.line, offset);
        f->SetGeometry(&line);
        create_feature(*m_river_layer, *f, m_dir / "rivers.geojson");
    }
    for (const Ridge& r : town.ridges) {
        OGRFeatureUniquePtr f = new_feature(*m_ridge_layer);
        f->SetField("name", r.name.c_str());
        const OGRLineString line = to_ogr_line(m_to_cgcs, r.line, offset);
        f->SetGeometry(&line);
        create_feature(*m_ridge_layer, *f, m_dir / "field_ridges.shp");
    }
    for (const Site& s : town.sites) {
        OGRFeatureUniquePtr f = new_feature(*m_site_layer);
        f->SetField("name", s.name.c_str());
        f->SetField("kind", std::string(code(s.kind)).c_str());
        if (s.boundary.empty()) {
            const Point p = m_to_wgs84.apply(s.centre, offset);
            OGRPoint point(p.x, p.y);
            f->SetGeometry(&point);
        } else {
            const OGRPolygon polygon = to_ogr_polygon(m_to_wgs84, Polygon{s.boundary, {}}, offset);
            f->SetGeometry(&polygon);
        }
        create_feature(*m_site_layer, *f, m_dir / "sites.kml");
    }
}

void TownFiles::add_tracks(const std::vector<Track>& tracks, Point offset)
{
    for (const Track& t : tracks) {
        const fs::path file = m_dir / "tracks" / (t.gcj02 ? "gcj02" : "wgs84") / (t.file_stem + ".gpx");
        write_gpx_track(file, t, m_to_wgs84, offset);
    }
}

void TownFiles::add_issues(const std::vector<Issue>& issues, Point offset)
{
    std::vector<Point> local;
    for (const Issue& issue : issues) local.push_back(issue.location);
    std::vector<double> lons, lats;
    m_to_wgs84.apply(local, offset, lons, lats);
    for (std::size_t i = 0; i < issues.size(); ++i) {
        const IssueRow row = issue_row(issues[i], crs::wgs84_to_gcj02({lons[i], lats[i]}));
        OGRFeatureUniquePtr f = new_feature(*m_issue_layer);
        for (std::size_t c = 0; c < row.size(); ++c)
            if (!row[c].empty()) f->SetField(static_cast<int>(c), row[c].c_str());
        create_feature(*m_issue_layer, *f, m_dir / "issues.csv");
    }
}

void TownFiles::close()
{
    commit_transaction(*m_town, m_dir / "town.gpkg");
    close_dataset(m_town, m_dir / "town.gpkg");
    close_dataset(m_rivers, m_dir / "rivers.geojson");
    close_dataset(m_ridges, m_dir / "field_ridges.shp");
    close_dataset(m_sites, m_dir / "sites.kml");
    close_dataset(m_issues, m_dir / "issues.csv");
}

}  // namespace geo::sample

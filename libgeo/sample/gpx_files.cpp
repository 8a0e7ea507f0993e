#include "libgeo/sample/gpx_files.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/crs/gcj02.hpp"

#include <cmath>

namespace geo::sample::detail {

namespace {

// Phones log about seven decimals; rounding also keeps the files small (GDAL writes the shortest exact form).
double round7(double degrees) { return std::round(degrees * 1e7) / 1e7; }

int field_index(OGRLayer& layer, const char* name, const std::filesystem::path& file)
{
    const int index = layer.GetLayerDefn()->GetFieldIndex(name);
    if (index < 0) {
        Where where;
        where.file = file.string();
        where.layer = layer.GetName();
        throw OutputError(std::string("the GPX driver has no field ") + name, where);
    }
    return index;
}

}  // namespace

void write_gpx_track(const std::filesystem::path& file, const Track& track, const Projector& to_wgs84, Point offset)
{
    GDALDatasetUniquePtr ds = create_dataset("GPX", file);
    OGRLayer* layer = create_layer(*ds, file, "track_points", &to_wgs84.target(), wkbPoint);
    const int track_fid = field_index(*layer, "track_fid", file);
    const int segment = field_index(*layer, "track_seg_id", file);
    const int name = field_index(*layer, "track_name", file);
    const int time = field_index(*layer, "time", file);
    const int hdop = field_index(*layer, "hdop", file);

    std::vector<Point> local;
    local.reserve(track.fixes.size());
    for (const Fix& fix : track.fixes) local.push_back(fix.position);
    std::vector<double> lons, lats;
    to_wgs84.apply(local, offset, lons, lats);

    for (std::size_t i = 0; i < track.fixes.size(); ++i) {
        crs::LonLat p{lons[i], lats[i]};
        if (track.gcj02) p = crs::wgs84_to_gcj02(p);
        OGRFeatureUniquePtr feature(OGRFeature::CreateFeature(layer->GetLayerDefn()));
        feature->SetField(track_fid, 0);
        feature->SetField(segment, 0);
        if (i == 0) feature->SetField(name, track.name.c_str());
        if (const auto& t = track.fixes[i].time) {
            const Civil c = to_utc(*t);
            feature->SetField(time, c.year, static_cast<int>(c.month), static_cast<int>(c.day), c.hour, c.minute,
                              static_cast<float>(c.second), 100);  // 100: UTC, written with a Z
        }
        feature->SetField(hdop, std::round(track.fixes[i].hdop * 10.0) / 10.0);
        OGRPoint point(round7(p.lon), round7(p.lat));
        feature->SetGeometry(&point);
        create_feature(*layer, *feature, file);
    }
    close_dataset(ds, file);
}

}  // namespace geo::sample::detail

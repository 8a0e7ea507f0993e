#pragma once
// One GPX 1.1 file per walk track, written by GDAL's GPX driver.
#include "libgeo/sample/ogr_support.hpp"
#include "libgeo/sample/tracks.hpp"

#include <filesystem>

namespace geo::sample::detail {

// Writes trk/trkseg/trkpt with <time> (UTC) and <hdop>. The GPX driver only produces trkpt children from its
// `track_points` layer (the `tracks` layer has geometry but no per-point fields), so every fix is one feature of
// that layer with track_fid 0 and track_seg_id 0. to_wgs84 maps local tile metres to EPSG:4326; GCJ-02 tracks are
// shifted after that, as the map apps do.
void write_gpx_track(const std::filesystem::path& file, const Track& track, const Projector& to_wgs84, Point offset);

}  // namespace geo::sample::detail

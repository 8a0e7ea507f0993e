#pragma once
// Field uploads without a geometry of their own: an XLSX sheet with longitude/latitude columns (GDAL's XLSX driver
// reads cells, not points), an ODK/KoBo CSV export whose geopoint column holds "lat lon alt acc" in one cell. They
// are copied, every column and feature id as they are, into a point layer of an in-memory GeoPackage (/vsimem/),
// which the issue reader then reads as any other point file.
#include "libgeo/load/source.hpp"

#include <map>
#include <string>

namespace geo::load {

class GeopointLayer {
public:
    GeopointLayer() = default;
    explicit GeopointLayer(std::string folder) : m_folder(std::move(folder)) {}
    GeopointLayer(GeopointLayer&& other) noexcept : path(std::move(other.path)), m_folder(std::move(other.m_folder))
    {
        other.m_folder.clear();
    }
    GeopointLayer& operator=(GeopointLayer&&) = delete;
    GeopointLayer(const GeopointLayer&) = delete;
    GeopointLayer& operator=(const GeopointLayer&) = delete;
    ~GeopointLayer();

    std::string path;  // the point layer's file; empty when the layer had a geometry already

private:
    std::string m_folder;
};

// fields: [issues.fields] (lon, lat name the columns). Throws geo::InputError when the layer has neither a
// geometry nor columns to place its rows by.
GeopointLayer as_point_layer(const OpenedLayer& layer, const std::map<std::string, std::string>& fields);

}  // namespace geo::load

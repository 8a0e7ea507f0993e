// The vector loading path (libgeo/load: open_layer, the loaders, normalisation to the local CRS) through GDAL's
// in-memory files: the first byte picks the format and role, the rest is the file.
#include "fuzz_load.hpp"

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    geo::fuzz::init_gdal();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const std::string villages = "[villages]\nsource = \"villages.geojson\"\n";
    switch (geo::fuzz::take_selector(bytes) % 8) {
    case 0:  // GeoJSON lines walked
        geo::fuzz::load_in_memory(bytes, "geojson",
                                  villages + "[[network]]\nsource = \"input.geojson\"\ncategory = \"river_ditch\"\n");
        break;
    case 1:  // GeoJSON village boundaries: they choose the local CRS
        geo::fuzz::load_in_memory(bytes, "geojson", "[villages]\nsource = \"input.geojson\"\n");
        break;
    case 2:  // GeoJSON sites, points or polygons
        geo::fuzz::load_in_memory(bytes, "geojson",
                                  villages + "[[sites]]\nsource = \"input.geojson\"\ncategory = \"school_clinic\"\n");
        break;
    case 3:  // GeoJSON tracks: lines, or point fixes with times
        geo::fuzz::load_in_memory(bytes, "geojson",
                                  villages + "[[tracks]]\nsource = \"input.geojson\"\ntime_field = \"time\"\n");
        break;
    case 4:  // GPX tracks (track_points with times and HDOP, or tracks/routes)
        geo::fuzz::load_in_memory(bytes, "gpx", villages + "[[tracks]]\nsource = \"input.gpx\"\n");
        break;
    case 5:  // GPX tracks in GCJ-02
        geo::fuzz::load_in_memory(bytes, "gpx", villages + "[[tracks]]\nsource = \"input.gpx\"\ncoords = \"gcj02\"\n");
        break;
    case 6:  // CSV fixes from a phone app, grouped by track and ordered by time
        geo::fuzz::load_in_memory(bytes, "csv",
                                  villages + "[[tracks]]\nsource = \"input.csv\"\ntime_field = \"time\"\n"
                                             "track_field = \"track\"\naccuracy_field = \"accuracy\"\n");
        break;
    default:  // CSV issues with lon/lat or WKT columns found by their common names
        geo::fuzz::load_in_memory(bytes, "csv", villages + "[issues]\nsource = \"input.csv\"\n");
        break;
    }
    return 0;
}

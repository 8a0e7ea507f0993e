#pragma once
// Pure generation of one tile of the sample town (modelled on Ganjun town, Zhangye, Gansu) in local metres: x east,
// y north, origin at the tile centre. No I/O; files.hpp places the tile in UTM 47N and writes it.
#include "libgeo/handles/geos.hpp"
#include "libgeo/sample/geometry.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace geo::sample {

enum class RoadClass { highway, named_road, village_road, field_road };
enum class WaterKind { river, ditch };
enum class SiteKind { settlement, residential, school, clinic, mine, construction, farm, wasteland };

std::string_view code(RoadClass c);
std::string_view code(WaterKind k);
std::string_view code(SiteKind k);

struct Village {
    std::string name;     // 甘浚村
    std::string name_en;  // Ganjun
    std::string code;     // 620702101001
    std::string cadre;    // the village official responsible for its issues
    Point centre;
    MultiPolygon area;
};

struct Road {
    std::string name;
    RoadClass road_class;
    Polyline line;
};

struct Water {
    std::string name;
    WaterKind kind;
    Polyline line;
};

struct Ridge {
    std::string name;
    Polyline line;
};

struct Site {
    std::string name;
    SiteKind kind;
    Point centre;
    Ring boundary;  // empty for a site recorded as a point
};

struct Town {
    int tile = 0;
    Polygon outline;
    std::vector<Village> villages;
    std::vector<Road> roads;
    std::vector<Water> waters;
    std::vector<Ridge> ridges;
    std::vector<Site> sites;
    // What the walkers leave alone, so coverage has dead corners to find: a disc nobody enters and one village
    // that is almost never walked.
    Point dead_corner;
    double dead_corner_radius = 0.0;
    std::size_t quiet_village = 0;
};

struct TileSpec {
    std::uint64_t seed = 0;
    int tile = 0;
    // Appended to every name so the tiles of a scaled town stay distinguishable ("" for a single tile).
    std::string suffix;
    // Village codes are "620702" + township + village number.
    std::string township_code = "101";
};

Town generate_town(const GeosContext& ctx, const TileSpec& spec);

// The village whose Voronoi cell holds p: the nearest village centre (cells are clipped to the outline, so the
// answer is only meaningful for points inside it).
std::size_t village_at(const Town& town, Point p);

// Generation steps, in the order generate_town runs them (network.cpp and sites.cpp).
void add_main_roads(const GeosContext& ctx, Town& town, Random& random);
void add_village_roads(const GeosContext& ctx, Town& town, Random& random);
void add_waters(const GeosContext& ctx, Town& town, Random& random);
void add_sites(Town& town, Random& random);
void add_ridges(const GeosContext& ctx, Town& town, Random& random);

}  // namespace geo::sample

#pragma once
// Reader of the classical CARP benchmark files in ../shared/reference/postman/carp_instances/ (the CARPData.jl
// `.dat` format: vertices, edges, one "from to cost demand" line per edge with 0-based vertices and the depot at 0,
// then vehicles, capacity, published lower and upper bound). Test and benchmark code only, not part of libgeo.
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace geo::test {

struct CarpFile {
    struct Edge {
        int from = 0;
        int to = 0;
        double cost = 0;
        double demand = 0;  // > 0: required
    };
    std::string name;  // file stem, e.g. "gdb1"
    int vertices = 0;
    std::vector<Edge> edges;
    int vehicles = 0;
    double capacity = 0;
    double lower_bound = 0;  // best known, published
    double upper_bound = 0;
};

inline CarpFile read_carp_file(const std::filesystem::path& path)
{
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot open " + path.string());
    CarpFile file;
    file.name = path.stem().string();
    int edge_count = 0;
    if (!(in >> file.vertices >> edge_count)) throw std::runtime_error(path.string() + ": no header");
    file.edges.resize(static_cast<std::size_t>(edge_count));
    for (auto& e : file.edges)
        if (!(in >> e.from >> e.to >> e.cost >> e.demand)) throw std::runtime_error(path.string() + ": short edge list");
    if (!(in >> file.vehicles >> file.capacity >> file.lower_bound >> file.upper_bound))
        throw std::runtime_error(path.string() + ": no vehicles/capacity/bounds line");
    return file;
}

}  // namespace geo::test

// geowalk_carp_bench: the CARP solver on the classical benchmark files (gdb, val, egl, …), each solution checked
// independently of the solver (every required edge served once, capacity, cost walked again over our own shortest
// paths), one JSON line per instance and a summary of the gaps to the published upper bounds per family.
//
// Usage: geowalk_carp_bench [--time-limit S] [--threads N] [--seed N] [--effort X] [--solutions DIR] FILE.dat...
// Exit status 1 when a solution fails its check.
#include "libgeo/route/carp.hpp"
#include "route/carp_file.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using geo::route::CarpInstance;
using geo::route::CarpSolution;
using geo::test::CarpFile;

// All-pairs shortest paths over the file's graph (≤ 255 vertices: Floyd–Warshall is instant).
std::vector<std::vector<double>> shortest_paths(const CarpFile& file)
{
    const double inf = std::numeric_limits<double>::infinity();
    const auto n = static_cast<std::size_t>(file.vertices);
    std::vector<std::vector<double>> d(n, std::vector<double>(n, inf));
    for (std::size_t v = 0; v < n; ++v) d[v][v] = 0;
    for (const auto& e : file.edges) {
        const auto a = static_cast<std::size_t>(e.from), b = static_cast<std::size_t>(e.to);
        d[a][b] = std::min(d[a][b], e.cost);
        d[b][a] = std::min(d[b][a], e.cost);
    }
    for (std::size_t k = 0; k < n; ++k)
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = 0; j < n; ++j) d[i][j] = std::min(d[i][j], d[i][k] + d[k][j]);
    return d;
}

struct Required {
    int from, to;
    double cost, demand;
};

std::vector<Required> required_edges(const CarpFile& file)
{
    std::vector<Required> out;
    for (const auto& e : file.edges)
        if (e.demand > 0) out.push_back({e.from, e.to, e.cost, e.demand});
    return out;
}

CarpInstance make_instance(const CarpFile& file, const std::vector<std::vector<double>>& d)
{
    CarpInstance instance;
    instance.depot = 0;
    instance.capacity = file.capacity;
    instance.distance = geo::route::DistanceMatrix(file.vertices);
    for (int i = 0; i < file.vertices; ++i)
        for (int j = 0; j < file.vertices; ++j)
            instance.distance.set(i, j, d[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)]);
    for (const auto& r : required_edges(file)) instance.tasks.push_back({r.from, r.to, r.cost, r.demand});
    return instance;
}

// The independent check: returns "" or what is wrong; `cost` gets the cost walked again.
std::string check(const CarpFile& file, const std::vector<std::vector<double>>& d, const CarpSolution& s,
                  double& cost)
{
    const auto required = required_edges(file);
    std::vector<int> served(required.size(), 0);
    cost = 0;
    for (const auto& route : s.routes) {
        double load = 0, route_cost = 0;
        std::size_t at = 0;
        for (const auto& st : route.tasks) {
            if (st.task < 0 || static_cast<std::size_t>(st.task) >= required.size()) return "unknown task";
            const Required& e = required[static_cast<std::size_t>(st.task)];
            ++served[static_cast<std::size_t>(st.task)];
            const auto from = static_cast<std::size_t>(st.forward ? e.from : e.to);
            route_cost += d[at][from] + e.cost;
            at = static_cast<std::size_t>(st.forward ? e.to : e.from);
            load += e.demand;
        }
        if (!route.tasks.empty()) route_cost += d[at][0];
        if (load > file.capacity + 1e-9) return "a route over capacity";
        if (std::abs(route_cost - route.cost) > 1e-6 * std::max(1.0, route_cost)) return "a route's cost is wrong";
        cost += route_cost;
    }
    for (int count : served)
        if (count != 1) return "a required edge served " + std::to_string(count) + " times";
    if (std::abs(cost - s.cost) > 1e-6 * std::max(1.0, cost)) return "the total cost is wrong";
    return "";
}

void write_solution(const std::filesystem::path& path, const CarpFile& file, const CarpSolution& s, double cost)
{
    const auto required = required_edges(file);
    std::ofstream out(path);
    out << "{\"instance\":\"" << file.name << "\",\"cost\":" << cost << ",\"capacity\":" << file.capacity
        << ",\"routes\":[";
    for (std::size_t r = 0; r < s.routes.size(); ++r) {
        out << (r ? "," : "") << "[";
        for (std::size_t k = 0; k < s.routes[r].tasks.size(); ++k) {
            const auto& st = s.routes[r].tasks[k];
            const Required& e = required[static_cast<std::size_t>(st.task)];
            out << (k ? "," : "") << "[" << (st.forward ? e.from : e.to) << "," << (st.forward ? e.to : e.from) << "]";
        }
        out << "]";
    }
    out << "]}\n";
    if (!out) throw std::runtime_error("cannot write " + path.string());
}

// gdb, val, egl-e, egl-s, egl-g, kshs, C…F: the names before the instance number.
std::string family_of(const std::string& name)
{
    if (name.rfind("egl-", 0) == 0) return name.substr(0, 5);
    std::size_t k = 0;
    while (k < name.size() && !std::isdigit(static_cast<unsigned char>(name[k]))) ++k;
    return name.substr(0, k);
}

}  // namespace

int main(int argc, char** argv)
{
    geo::route::CarpOptions options;
    options.time_limit_s = 60;
    std::filesystem::path solutions;
    std::vector<std::filesystem::path> files;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "%s needs a value\n", arg.c_str());
                std::exit(2);
            }
            return argv[++i];
        };
        if (arg == "--time-limit") options.time_limit_s = std::stod(value());
        else if (arg == "--threads") options.threads = std::stoi(value());
        else if (arg == "--effort") options.effort = std::stod(value());
        else if (arg == "--seed") options.seed = std::stoull(value());
        else if (arg == "--solutions") solutions = value();
        else if (!arg.empty() && arg[0] == '-') {
            std::fprintf(stderr, "unknown option %s\n", arg.c_str());
            return 2;
        } else files.emplace_back(arg);
    }
    if (!solutions.empty()) std::filesystem::create_directories(solutions);
    std::map<std::string, std::vector<double>> gaps;
    double max_seconds = 0, worst_gap = -1e9;
    std::string worst;
    bool all_ok = true;
    for (const auto& path : files) {
        const CarpFile file = geo::test::read_carp_file(path);
        const auto d = shortest_paths(file);
        const CarpSolution s = geo::route::solve_carp(make_instance(file, d), options);
        double cost = 0;
        const std::string problem = check(file, d, s, cost);
        const bool ok = problem.empty() && s.feasible;
        all_ok = all_ok && ok;
        const double gap = 100.0 * (cost - file.upper_bound) / file.upper_bound;
        std::printf("{\"instance\":\"%s\",\"cost\":%.0f,\"ub\":%.0f,\"gap_pct\":%.3f,\"seconds\":%.2f,\"routes\":%zu,"
                    "\"feasible\":%s%s%s%s}\n",
                    file.name.c_str(), cost, file.upper_bound, gap, s.seconds, s.routes.size(), ok ? "true" : "false",
                    s.stopped_by_time ? ",\"stopped_by_time\":true" : "", problem.empty() ? "" : ",\"error\":\"",
                    problem.empty() ? "" : (problem + "\"").c_str());
        std::fflush(stdout);
        if (!solutions.empty()) write_solution(solutions / (file.name + ".json"), file, s, cost);
        gaps[family_of(file.name)].push_back(gap);
        max_seconds = std::max(max_seconds, s.seconds);
        if (gap > worst_gap) {
            worst_gap = gap;
            worst = file.name;
        }
    }
    auto average = [&](std::initializer_list<const char*> families, std::size_t& count) {
        double sum = 0;
        count = 0;
        for (const char* f : families)
            if (auto it = gaps.find(f); it != gaps.end())
                for (double g : it->second) sum += g, ++count;
        return count ? sum / static_cast<double>(count) : 0.0;
    };
    std::printf("{\"summary\":true");
    for (const auto& [family, list] : gaps) {
        std::size_t count = 0;
        std::printf(",\"%s\":{\"n\":%zu,\"avg_gap_pct\":%.3f}", family.c_str(), list.size(),
                    average({family.c_str()}, count));
    }
    std::size_t n1 = 0, n2 = 0;
    const double gv = average({"gdb", "val"}, n1);
    const double egl = average({"egl-e", "egl-s"}, n2);
    std::printf(",\"gdb+val\":{\"n\":%zu,\"avg_gap_pct\":%.3f},\"egl-e+egl-s\":{\"n\":%zu,\"avg_gap_pct\":%.3f},"
                "\"worst\":\"%s\",\"worst_gap_pct\":%.3f,\"max_seconds\":%.2f,\"all_feasible\":%s}\n",
                n1, gv, n2, egl, worst.c_str(), worst_gap, max_seconds, all_ok ? "true" : "false");
    return all_ok ? 0 : 1;
}

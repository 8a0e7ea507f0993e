// geowalk: walk-route coverage, blind spots and hotspots for township "walk and find" inspection campaigns.
// main() only dispatches to a subcommand and turns errors into one clear message and an exit code:
// 0 success, 1 a user error (the message names the file and the fix), 2 bad usage.
#include "command.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/core/memory.hpp"

#include <gdal.h>

#include <cpl_conv.h>
#include <iostream>
#include <new>

namespace {

constexpr const char* k_overview_head = R"(geowalk — where did we walk, what did we miss, where do problems concentrate?

For township "walk and find" campaigns (走找): loads village boundaries, the road / river / ditch network,
sites, inspectors' GPS tracks and geotagged issues from any format GDAL reads (GeoPackage, Shapefile,
GeoJSON, KML, GPX, CSV with lon/lat, OSM), in WGS 84, CGCS2000 or GCJ-02 / BD-09 from Chinese map apps,
and writes layers that open in QGIS.

Usage: geowalk COMMAND [options]     geowalk COMMAND --help for the details of one command

Commands:
)";

constexpr const char* k_overview_tail = R"(
Start with:
  geowalk demo --out /tmp/ganjun        generate the sample town and run everything on it
  geowalk validate /tmp/ganjun/input/campaign.toml
)";

void print_overview()
{
    std::cout << k_overview_head;
    for (const auto& c : geowalk::all_commands()) {
        std::string name = c->name();
        name.resize(10, ' ');
        std::cout << "  " << name << c->summary() << "\n";
    }
    std::cout << k_overview_tail;
}

}  // namespace

namespace geowalk {

std::vector<std::unique_ptr<Command>> all_commands()
{
    std::vector<std::unique_ptr<Command>> out;
    out.push_back(make_demo_command());
    out.push_back(make_run_command());
    out.push_back(make_coverage_command());
    out.push_back(make_hotspots_command());
    out.push_back(make_plan_command());
    out.push_back(make_render_command());
    out.push_back(make_report_command());
    out.push_back(make_register_command());
    out.push_back(make_serve_command());
    out.push_back(make_validate_command());
    return out;
}

}  // namespace geowalk

int main(int argc, char** argv)
{
    geo::memory::keep_freed_blocks();
    GDALAllRegister();
    // Text in our outputs and messages is UTF-8 whatever the user's locale (Shapefiles with a .cpg agree).
    CPLSetConfigOption("SHAPE_ENCODING", nullptr);
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args.front() == "--help" || args.front() == "-h" || args.front() == "help") {
        print_overview();
        return args.empty() ? 2 : 0;
    }
    if (args.front() == "--version") {
        std::cout << "geowalk 0.1.0 (GDAL " << GDALVersionInfo("RELEASE_NAME") << ")\n";
        return 0;
    }
    for (auto& command : geowalk::all_commands()) {
        if (command->name() != args.front()) continue;
        try {
            return command->run({args.begin() + 1, args.end()});
        } catch (const geo::UsageError& e) {
            std::cerr << "geowalk " << command->name() << ": " << e.full_message() << "\n";
            return 2;
        } catch (const geo::Error& e) {
            std::cerr << "geowalk " << command->name() << ": error: " << e.full_message() << "\n";
            return 1;
        } catch (const std::bad_alloc&) {
            // The memory guard refuses what it can foresee; this is what it could not.
            std::cerr << "geowalk " << command->name() << ": error: ran out of memory (geowalk may use "
                      << geo::memory::size_text(static_cast<double>(geo::memory::limit_bytes())) << ")\n"
                      << "  hint: split the campaign (by village or by period), use larger pixel sizes, or run on "
                         "a machine with more memory\n";
            return 1;
        } catch (const std::exception& e) {
            std::cerr << "geowalk " << command->name() << ": internal error: " << e.what()
                      << "\n  please report this with the campaign file that caused it\n";
            return 3;
        }
    }
    std::cerr << "geowalk: unknown command '" << args.front() << "'; run geowalk --help for the list\n";
    return 2;
}

// geowalk_kde_bench: the kernel density of a point file, for scripts/bench/kde.sh only (not a CLI subcommand: the
// CLI's `geowalk hotspots` reads a campaign). Reads the points of a GDAL vector layer in its own CRS (metres), lays
// QGIS's grid over them unless --grid gives one, and writes the COG with geo::io::write_density.
//
//   geowalk_kde_bench POINTS OUT.tif [--layer NAME] [--radius M] [--pixel M] [--kernel K] [--output raw|scaled]
//                     [--per-km2] [--weight FIELD] [--threads N] [--grid XMIN YMAX COLS ROWS]
//
// Prints one line: "read_s=... kde_write_s=... cols=... rows=... points=... max=..."; the grid line
// "grid xmin ymin xmax ymax cols rows" follows for the peers.
#include "libgeo/core/error.hpp"
#include "libgeo/io/density_writer.hpp"
#include "libgeo/raster/kde.hpp"

#include <cpl_string.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

namespace {

double seconds_since(std::chrono::steady_clock::time_point t0)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

struct Args {
    std::string input, output, layer, weight;
    geo::raster::KdeOptions options;
    bool grid_given = false;
    geo::raster::Grid grid;
};

Args parse(int argc, char** argv)
{
    if (argc < 3) throw geo::UsageError("usage: geowalk_kde_bench POINTS OUT.tif [options]");
    Args a;
    a.input = argv[1];
    a.output = argv[2];
    for (int i = 3; i < argc; ++i) {
        const std::string k = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc) throw geo::UsageError(k + " needs a value");
            return argv[++i];
        };
        if (k == "--layer") a.layer = next();
        else if (k == "--radius") a.options.radius_m = std::stod(next());
        else if (k == "--pixel") a.options.pixel_m = std::stod(next());
        else if (k == "--kernel") a.options.kernel = geo::raster::parse_kernel(next());
        else if (k == "--output") a.options.output = geo::raster::parse_kde_output(next());
        else if (k == "--per-km2") a.options.per_km2 = true;
        else if (k == "--weight") a.weight = next();
        else if (k == "--threads") a.options.threads = std::stoi(next());
        else if (k == "--grid") {
            a.grid_given = true;
            a.grid.origin_x = std::stod(next());
            a.grid.origin_y = std::stod(next());
            a.grid.cols = std::stoi(next());
            a.grid.rows = std::stoi(next());
        } else
            throw geo::UsageError("unknown option " + k);
    }
    a.grid.pixel = a.options.pixel_m;
    return a;
}

std::vector<geo::raster::KdePoint> read_points(const Args& a, std::string& wkt)
{
    GDALDatasetUniquePtr ds(GDALDataset::Open(a.input.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!ds) throw geo::InputError("cannot open " + a.input);
    OGRLayer* layer = a.layer.empty() ? ds->GetLayer(0) : ds->GetLayerByName(a.layer.c_str());
    if (!layer) throw geo::InputError("no such layer in " + a.input);
    if (const OGRSpatialReference* srs = layer->GetSpatialRef()) {
        char* text = nullptr;
        srs->exportToWkt(&text);
        wkt = text ? text : "";
        CPLFree(text);
    }
    // Only the geometry and the weight are read (QGIS's heatmap, too, requests only the attributes it uses).
    CPLStringList ignored;
    const OGRFeatureDefn* definition = layer->GetLayerDefn();
    for (int i = 0; i < definition->GetFieldCount(); ++i)
        if (a.weight != definition->GetFieldDefn(i)->GetNameRef())
            ignored.AddString(definition->GetFieldDefn(i)->GetNameRef());
    ignored.AddString("OGR_STYLE");
    layer->SetIgnoredFields(const_cast<const char**>(ignored.List()));
    const int weight_field = a.weight.empty() ? -1 : layer->GetLayerDefn()->GetFieldIndex(a.weight.c_str());
    if (!a.weight.empty() && weight_field < 0) throw geo::InputError("no field " + a.weight);
    std::vector<geo::raster::KdePoint> points;
    points.reserve(static_cast<std::size_t>(std::max<GIntBig>(layer->GetFeatureCount(FALSE), 0)));
    for (const auto& feature : *layer) {
        const OGRGeometry* g = feature->GetGeometryRef();
        if (!g || g->IsEmpty() || wkbFlatten(g->getGeometryType()) != wkbPoint) continue;
        const auto* p = g->toPoint();
        geo::raster::KdePoint k{p->getX(), p->getY()};
        if (weight_field >= 0) k.weight = feature->GetFieldAsDouble(weight_field);
        points.push_back(k);
    }
    return points;
}

}  // namespace

int main(int argc, char** argv)
{
    GDALAllRegister();
    try {
        const Args a = parse(argc, argv);
        const auto t0 = std::chrono::steady_clock::now();
        std::string wkt;
        const auto points = read_points(a, wkt);
        const double read_s = seconds_since(t0);
        const auto t1 = std::chrono::steady_clock::now();
        const geo::raster::Grid grid = a.grid_given ? a.grid : geo::raster::kde_grid(points, a.options);
        const auto stats = geo::io::write_density(a.output, grid, points, a.options, wkt);
        const double kde_s = seconds_since(t1);
        std::printf("read_s=%.3f kde_write_s=%.3f cols=%d rows=%d points=%zu max=%.9g\n", read_s, kde_s, grid.cols,
                    grid.rows, points.size(), stats.max);
        const auto box = grid.extent();
        std::printf("grid %.6f %.6f %.6f %.6f %d %d\n", box.min_corner().x(), box.min_corner().y(),
                    box.max_corner().x(), box.max_corner().y(), grid.cols, grid.rows);
        return 0;
    } catch (const geo::Error& e) {
        std::cerr << "geowalk_kde_bench: " << e.full_message() << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "geowalk_kde_bench: " << e.what() << "\n";
        return 2;
    }
}

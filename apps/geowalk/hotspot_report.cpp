#include "hotspot_report.hpp"

#include "text_table.hpp"

#include "libgeo/core/number_text.hpp"
#include "libgeo/export/write_hotspots.hpp"

#include <map>
#include <sstream>
#include <string>

namespace {

// How a chosen cell size came about, for the step's report.
std::string size_note(const geo::hotspot::Binning& b)
{
    if (!b.size_chosen || !b.size_rule) return "";
    const std::string rule = b.size_rule->rule;
    if (rule == "floor") return " (size: the floor; the issues' spacing gives " + geo::significant_text(b.size_rule->nearest_neighbour_m, 3) + " m)";
    if (rule == "max_cells")
        return " (size: at most " + std::to_string(b.size_rule->max_cells) + " cells; the issues' spacing gives " +
               geo::significant_text(b.size_rule->nearest_neighbour_m, 3) + " m)";
    return " (size from the issues' spacing)";
}

}  // namespace

namespace geowalk {

std::string hotspot_report(const geo::Campaign& c, const geo::hotspot::HotspotResult& a)
{
    const geo::hotspot::HotspotOptions& options = a.options;
    using geo::significant_text;  // what the stream wrote for a double, without its locale
    std::ostringstream out;
    out << "Hotspots: " << a.issues.size() << " of " << c.issues.size() << " issues ("
        << options.filter.describe(c.utc_offset_minutes) << ")\n";
    if (a.density)
        out << "  density: " << geo::raster::kernel_name(options.kde.kernel) << " kernel, radius "
            << significant_text(options.kde.radius_m) << " m, " << a.density->grid.cols << " x " << a.density->grid.rows
            << " pixels of " << significant_text(a.density->grid.pixel) << " m\n";
    else
        out << "  density: none (no issue passed the filter)\n";
    if (a.density_advice) out << "  note: " << *a.density_advice << "\n";
    if (a.cells) {
        const auto& r = *a.cells;
        std::map<int, int> bins;
        int not_inspected = 0;
        for (std::size_t i = 0; i < r.gi.bin.size(); ++i) {
            ++bins[r.gi.bin[i]];
            not_inspected += a.inspected[i] ? 0 : 1;
        }
        out << "  Gi*: " << r.binning.cells.size() << " cells of " << significant_text(r.binning.layout.size) << " m"
            << size_note(r.binning) << ", band " << significant_text(r.band_m) << " m"
            << (r.band_search ? " (first peak of Moran's I)" : "") << "\n";
        TextTable table({"confidence", "hot cells", "cold cells"});
        for (int level = 3; level >= 1; --level)
            table.add({geo::output::gi_class(level).substr(10), std::to_string(bins[level]), std::to_string(bins[-level])});
        out << table.render();
        out << "  " << not_inspected << " cells not inspected (walked less than " << significant_text(a.min_walk_m)
            << " m and no issue found in them): too little effort to call them clean\n";
        if (a.rate_gi) {
            out << "  Gi* of issues per walked km over the " << a.rate_cells.size()
                << " inspected cells: " << a.rate_gi->hot() << " hot, " << a.rate_gi->cold() << " cold\n";
        } else if (options.gi_rate) {
            out << "  Gi* of issues per walked km: not run — " << a.rate_skipped << "\n";
        }
    } else {
        out << "  Gi*: not run — " << a.cells_skipped << "\n";
    }
    if (a.emerging) {
        std::map<std::string, int> patterns;
        for (const auto& cell : a.emerging->cells)
            if (cell.pattern != geo::hotspot::Pattern::none) ++patterns[std::string(geo::hotspot::pattern_label(cell.pattern))];
        out << "  emerging over " << a.emerging->slices << " slices of " << significant_text(a.emerging->slice_s / 86400.0) << " days:";
        if (patterns.empty()) out << " no pattern";
        for (const auto& [label, n] : patterns) out << " " << label << " " << n << ";";
        out << "\n";
    } else {
        out << "  emerging hot spots: not run — " << a.emerging_skipped << "\n";
    }
    out << "  found again within " << significant_text(options.rebounds.radius_m) << " m after acceptance (same walk and "
        << "problem type, " << significant_text(options.rebounds.min_days) << " days or more later): " << a.rebounds.size()
        << "\n";
    return out.str();
}

}  // namespace geowalk

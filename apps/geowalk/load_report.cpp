#include "load_report.hpp"

#include "text_table.hpp"

#include "libgeo/load/losses.hpp"

#include <map>

namespace geowalk {

namespace {

// The files one glob of a block matched, one row each up to this many; beyond, one row for the block (a county's
// thousands of GPX files would bury the rest of the table). summary.json keeps every file.
constexpr std::size_t rows_per_block = 10;

// The sources as the table shows them: a block's files summed into one row "DIR/… (N files)" when it has more than
// rows_per_block of them.
std::vector<geo::SourceSummary> grouped_sources(const std::vector<geo::SourceSummary>& all)
{
    std::map<std::pair<std::string, int>, std::size_t> files_of_block;
    for (const auto& s : all)
        if (s.block >= 0) ++files_of_block[{s.role, s.block}];
    std::vector<geo::SourceSummary> out;
    std::map<std::pair<std::string, int>, std::size_t> row_of_block;
    for (const auto& s : all) {
        const std::pair key{s.role, s.block};
        if (s.block < 0 || files_of_block[key] <= rows_per_block) {
            out.push_back(s);
            continue;
        }
        const auto [it, first] = row_of_block.try_emplace(key, out.size());
        if (first) {
            out.push_back(s);
            const auto slash = s.source.find_last_of('/');
            out.back().source = (slash == std::string::npos ? std::string() : s.source.substr(0, slash + 1)) + "… (" +
                                std::to_string(files_of_block[key]) + " files)";
            continue;
        }
        auto& row = out[it->second];
        if (row.layer != s.layer) row.layer = "…";
        row.read += s.read;
        row.loaded += s.loaded;
        row.rejected += s.rejected;
        for (const auto& [reason, n] : s.reasons) row.reasons[reason] += n;
    }
    return out;
}

}  // namespace

std::string load_report(const geo::Campaign& c)
{
    std::string out = "Campaign: " + c.name + "\nAnalysis CRS: " + c.crs.id + " (" + c.crs.name + ")\n\n";
    TextTable sources({"role", "source", "layer", "read", "loaded", "rejected", "reasons"});
    long long read = 0, loaded = 0, rejected = 0;
    for (const auto& s : grouped_sources(c.diagnostics.sources())) {
        std::string reasons;
        for (const auto& [reason, n] : s.reasons) reasons += (reasons.empty() ? "" : ", ") + reason + " " + std::to_string(n);
        sources.add({s.role, s.source, s.layer, std::to_string(s.read), std::to_string(s.loaded),
                     std::to_string(s.rejected), reasons});
        read += s.read;
        loaded += s.loaded;
        rejected += s.rejected;
    }
    out += sources.render();
    const long long unexplained = read - loaded - rejected;
    out += "\n" + std::to_string(read) + " features read (a track counts as one): " + std::to_string(loaded) + " loaded, " +
           std::to_string(rejected) + " rejected (see the rejects layer), " +
           (unexplained == 0 ? std::string("none unexplained") : std::to_string(unexplained) + " UNEXPLAINED") + ".\n";

    if (c.track_reports.size() > 60) {
        out += "\nTrack cleaning: " + std::to_string(c.track_reports.size()) +
               " tracks; per-track counts are in summary.json (track_cleaning) and the tracks layer.\n";
    } else if (!c.track_reports.empty()) {
        TextTable tracks({"track", "fixes", "kept", "bad pos", "dupl", "inacc", "time", "spikes", "fast", "alone",
                          "gaps", "pieces", "times"});
        for (const auto& r : c.track_reports) {
            const auto& t = r.cleaning;
            tracks.add({r.name, std::to_string(t.fixes_read), std::to_string(t.fixes_kept), std::to_string(t.bad_position),
                        std::to_string(t.duplicates), std::to_string(t.inaccurate), std::to_string(t.untimed + t.out_of_order),
                        std::to_string(t.spikes), std::to_string(t.too_fast), std::to_string(t.isolated),
                        std::to_string(t.gaps), std::to_string(t.pieces), t.has_times ? "yes" : "NO"});
        }
        out += "\nTrack cleaning (fixes dropped per step; pieces after splitting at gaps):\n" + tracks.render();
    }
    for (const auto& loss : geo::load::find_losses(c))
        if (loss.allowed) out += "\nwarning: " + loss.line() + " (loaded anyway: allow_rejects = true)\n";
    out += "\nLoaded: " + std::to_string(c.villages.size()) + " villages, " + std::to_string(c.network.size()) +
           " network lines, " + std::to_string(c.sites.size()) + " sites, " + std::to_string(c.tracks.size()) +
           " track pieces, " + std::to_string(c.issues.size()) + " issues.\n";
    return out;
}

std::string rejects_listing(const geo::Campaign& c, std::size_t limit)
{
    const auto& problems = c.diagnostics.problems();
    if (problems.empty()) return {};
    std::string out = "\nRejects (" + std::to_string(problems.size()) + " rows):\n";
    for (std::size_t i = 0; i < problems.size() && i < limit; ++i) {
        const geo::Problem& p = problems[i];
        const auto& s = c.diagnostics.sources().at(static_cast<std::size_t>(p.source));
        out += "  " + s.source + " " + p.row + ": " + p.reason + " (" + std::string(geo::to_string(p.action)) + "): " +
               p.detail + "\n";
    }
    if (problems.size() > limit)
        out += "  … and " + std::to_string(problems.size() - limit) + " more; write them all with --rejects FILE\n";
    return out;
}

}  // namespace geowalk

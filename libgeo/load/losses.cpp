#include "libgeo/load/losses.hpp"

#include "libgeo/core/error.hpp"

#include <map>

namespace geo::load {

namespace {

// What was rejected in one file, or in the files of one [[tracks]] block.
struct Tally {
    std::size_t first_source = 0;
    int files = 0;
    long long read = 0;
    long long lost = 0;
    std::map<std::string, long long> reasons;
    std::map<std::string, std::string> examples;  // reason -> the first reject's "row: detail"
};

// "network line", "issue": what one feature of the role is to a planner.
std::string noun(const std::string& role, long long n)
{
    const std::string one = role == "villages" ? "village" : role == "network" ? "network line" : role == "sites" ? "site"
                          : role == "tracks"   ? "track"   : role == "issues"  ? "issue"        : "feature";
    return n == 1 ? one : one + "s";
}

bool past_limit(const Tally& t, long long by_reason)
{
    return t.read > 0 && (t.lost == t.read || 2 * by_reason > t.read);
}

}  // namespace

std::string Loss::what() const
{
    return std::to_string(lost) + " of " + std::to_string(read) + " " + noun(role, read) + " rejected, " + std::to_string(by_reason) + " as " + reason + (example.empty() ? "" : " (first: " + example + ")") +
           (lost == read ? ": nothing of this source would be in any result" : "");
}

std::string Loss::line() const
{
    return source + (layer.empty() ? "" : ", layer '" + layer + "'") + ": " + what();
}

std::string Loss::hint() const
{
    std::string fix;
    if (reason == reason::out_of_range || reason == reason::transform_failed)
        fix = "the numbers are not longitude/latitude in the CRS the file gives (a GeoJSON without a \"crs\" member is "
              "read as WGS 84 degrees); declare the CRS it was made in with crs = \"EPSG:…\" in the campaign for this "
              "source (a Shapefile needs its .prj)";
    else if (reason == reason::swapped_lat_lon)
        fix = "latitude and longitude are exchanged: fix the file's columns, or set fix_swapped = true in [campaign]";
    else if (reason == reason::null_island)
        fix = "the positions are (0, 0), recorded before the device had a fix: fill in or delete those rows";
    else if (reason == reason::outside_villages)
        fix = "this source does not lie over the villages: check that it is the same place, its CRS (crs = \"EPSG:…\") "
              "and, for exports of Chinese map apps, coords = \"gcj02\" or \"bd09\"";
    else if (reason == reason::no_geometry)
        fix = "GDAL found no geometry: a CSV needs lon/lat columns (or [issues.fields] lon/lat naming them) or a WKT "
              "column; save a spreadsheet as CSV with lon/lat columns";
    else if (reason == reason::wrong_geometry_type)
        fix = "the layer holds the wrong kind of geometry for " + role +
              " (villages: polygons, network: lines, issues: points); choose another layer = \"…\"";
    else if (reason == reason::degenerate_geometry || reason == reason::invalid_geometry)
        fix = "the geometries are broken; check them in QGIS (Vector > Geometry Tools > Check Validity)";
    else if (reason == reason::bad_date)
        fix = "write the dates as 2017-02-20, or name the right column in [issues.fields]";
    else if (reason == reason::duplicate_id)
        fix = "every row needs its own id; check that [issues.fields] id names the id column";
    else if (reason == reason::unknown_category)
        fix = "write the categories as the ten walk codes or their Chinese labels, or name the right column in "
              "[issues.fields] category";
    else if (reason == reason::unknown_status)
        fix = "write the statuses as found, assigned, rectifying, rectified, accepted, rebounded (or 发现, 交办, 整改中, "
              "已整改, 验收合格, 反弹)";
    else if (reason == reason::too_few_fixes)
        fix = "the tracks lost their fixes in cleaning: check max_accuracy_m and max_speed_mps of this [[tracks]] "
              "block, and the tracks' CRS and coords";
    else
        fix = "run geowalk validate CAMPAIGN --rejects rejects.csv and read the reasons";
    return fix + "; or set allow_rejects = true in this source's block to load what remains";
}

std::vector<Loss> find_losses(const Campaign& campaign)
{
    const auto& sources = campaign.diagnostics.sources();
    std::vector<Tally> tallies;
    std::map<int, std::size_t> track_block;  // block -> its tally
    std::vector<std::size_t> tally_of(sources.size());
    for (std::size_t i = 0; i < sources.size(); ++i) {
        const SourceSummary& s = sources[i];
        if (s.role == "tracks" && s.block >= 0) {
            const auto [it, fresh] = track_block.try_emplace(s.block, tallies.size());
            if (fresh) tallies.push_back({i, 0, 0, 0, {}, {}});
            tally_of[i] = it->second;
        } else {
            tally_of[i] = tallies.size();
            tallies.push_back({i, 0, 0, 0, {}, {}});
        }
        Tally& t = tallies[tally_of[i]];
        ++t.files;
        t.read += s.read;
        t.lost += s.rejected;
    }
    for (const Problem& p : campaign.diagnostics.problems()) {
        if (p.action != Action::rejected || p.source < 0) continue;
        Tally& t = tallies[tally_of[static_cast<std::size_t>(p.source)]];
        ++t.reasons[p.reason];
        t.examples.try_emplace(p.reason, (p.row.empty() ? "feature " + std::to_string(p.feature) : p.row) + ": " + p.detail);
    }
    std::vector<Loss> out;
    for (const Tally& t : tallies) {
        std::string reason;
        long long by_reason = 0;
        for (const auto& [r, n] : t.reasons)
            if (n > by_reason) {
                reason = r;
                by_reason = n;
            }
        if (!past_limit(t, by_reason)) continue;
        const SourceSummary& s = sources[t.first_source];
        Loss loss;
        loss.role = s.role;
        loss.source = s.source + (t.files > 1 ? " and " + std::to_string(t.files - 1) + " more files" : "");
        loss.layer = s.layer;
        loss.read = t.read;
        loss.lost = t.lost;
        loss.reason = reason;
        loss.by_reason = by_reason;
        if (const auto e = t.examples.find(reason); e != t.examples.end()) loss.example = e->second;
        loss.allowed = s.allow_rejects;
        out.push_back(std::move(loss));
    }
    return out;
}

void require_no_losses(const Campaign& campaign)
{
    std::vector<Loss> refused;
    for (Loss& loss : find_losses(campaign))
        if (!loss.allowed) refused.push_back(std::move(loss));
    if (refused.empty()) return;
    const Loss& first = refused.front();
    std::string what = first.what();
    for (std::size_t i = 1; i < refused.size(); ++i) what += "; also " + refused[i].line();
    throw InputError(what, in_file(first.source, first.layer), first.hint());
}

}  // namespace geo::load

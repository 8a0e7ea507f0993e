#include "libgeo/export/summary.hpp"

#include "libgeo/core/datetime.hpp"
#include "libgeo/core/error.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>

namespace geo::output {

namespace {

// The local dates of the first and last record (walked fix, issue found, rectified or accepted), which maps and
// the report print as the campaign's period, and the two instants as local times with the campaign's UTC offset;
// null when there are none.
Json period(const Campaign& c)
{
    double first = std::numeric_limits<double>::infinity();
    double last = -first;
    auto see = [&](double t) {
        if (!std::isfinite(t)) return;
        first = std::min(first, t);
        last = std::max(last, t);
    };
    for (const auto& t : c.tracks)
        for (const auto& f : t.fixes) see(f.time);
    for (const auto& i : c.issues)
        for (const auto& t : {i.found, i.rectified, i.accepted})
            if (t) see(*t);
    if (first > last) return nullptr;
    return {{"from", format_local_date(first, c.utc_offset_minutes)},
            {"to", format_local_date(last, c.utc_offset_minutes)},
            {"first_record", format_local_time(first, c.utc_offset_minutes)},
            {"last_record", format_local_time(last, c.utc_offset_minutes)}};
}

}  // namespace

Json campaign_section(const Campaign& c)
{
    double network_m = 0;
    for (const auto& n : c.network) network_m += bg::length(n.line);
    Json j;
    j["name"] = c.name;
    j["crs"] = c.crs.id;
    j["crs_name"] = c.crs.name;
    j["villages"] = c.villages.size();
    j["network_lines"] = c.network.size();
    j["network_km"] = network_m / 1000.0;
    j["sites"] = c.sites.size();
    j["track_pieces"] = c.tracks.size();
    j["issues"] = c.issues.size();
    j["period"] = period(c);
    return j;
}

Json inputs_section(const Campaign& c)
{
    Json list = Json::array();
    for (const auto& s : c.diagnostics.sources()) {
        Json reasons = Json::object();
        for (const auto& [reason, count] : s.reasons) reasons[reason] = count;
        list.push_back({{"role", s.role},
                        {"source", s.source},
                        {"layer", s.layer},
                        {"read", s.read},
                        {"loaded", s.loaded},
                        {"rejected", s.rejected},
                        {"reasons", reasons}});
    }
    return list;
}

Json tracks_cleaning_section(const Campaign& c)
{
    TrackCleaning total;
    long long untimed = 0;
    for (const auto& r : c.track_reports) {
        const auto& t = r.cleaning;
        total.fixes_read += t.fixes_read;
        total.bad_position += t.bad_position;
        total.duplicates += t.duplicates;
        total.inaccurate += t.inaccurate;
        total.untimed += t.untimed;
        total.out_of_order += t.out_of_order;
        total.spikes += t.spikes;
        total.too_fast += t.too_fast;
        total.isolated += t.isolated;
        total.gaps += t.gaps;
        total.fixes_kept += t.fixes_kept;
        total.pieces += t.pieces;
        untimed += t.has_times ? 0 : 1;
    }
    return {{"tracks_read", c.track_reports.size()}, {"tracks_without_times", untimed},
            {"fixes_read", total.fixes_read},         {"fixes_kept", total.fixes_kept},
            {"bad_position", total.bad_position},     {"duplicates", total.duplicates},
            {"inaccurate", total.inaccurate},         {"untimed", total.untimed},
            {"out_of_order", total.out_of_order},
            {"spikes", total.spikes},                 {"too_fast", total.too_fast},
            {"isolated", total.isolated},             {"gap_splits", total.gaps},
            {"pieces", total.pieces}};
}

Json options_section(std::span<const options::Spec> specs, const std::vector<options::Value>& values,
                     int utc_offset_minutes)
{
    Json out = Json::object();
    for (std::size_t i = 0; i < specs.size(); ++i) {
        const options::Spec& spec = specs[i];
        const std::string name(spec.key.empty() ? spec.flag : spec.key);
        out[name] = std::visit(
            [&](const auto& v) -> Json {
                using T = std::decay_t<decltype(v)>;
                if constexpr (std::is_same_v<T, std::monostate>) return nullptr;
                else if constexpr (std::is_same_v<T, double>)
                    return spec.kind == options::Kind::date ? Json(format_local_date(v, utc_offset_minutes)) : Json(v);
                else return Json(v);
            },
            values[i]);
    }
    return out;
}

void write_json(const std::filesystem::path& file, const Json& json)
{
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    out.close();
    if (!out) throw OutputError("cannot write the file", in_file(file.string()), "check free space and permissions");
}

}  // namespace geo::output

// Walk tracks: GPX track points with per-fix times, point layers of fixes (CSV from phone apps), or plain lines.
#include "libgeo/core/datetime.hpp"
#include "libgeo/core/error.hpp"
#include "libgeo/load/load_features.hpp"
#include "libgeo/normalise/track_cleaning.hpp"

#include <algorithm>
#include <exception>
#include <map>
#include <optional>
#include <thread>

namespace geo::load::detail {

namespace {

struct RawTrack {
    long long feature = -1;  // track number within the source (GPX track_fid) or line FID
    std::string name;
    std::string walker;
    std::vector<Fix> fixes;
    long long bad_position = 0;
    std::string bad_position_why;  // what was wrong with the first of them (a reject detail)
    bool swapped = false;          // latitude and longitude were exchanged (fix_swapped = true)
    Attributes attributes;
};

int field_index(OGRFeature& f, const std::string& wanted, std::initializer_list<const char*> fallbacks)
{
    if (!wanted.empty()) return f.GetFieldIndex(wanted.c_str());
    for (const char* name : fallbacks)
        if (int i = f.GetFieldIndex(name); i >= 0) return i;
    return -1;
}

double fix_time(OGRFeature& f, int i, int utc_offset_minutes)
{
    if (i < 0 || !f.IsFieldSetAndNotNull(i)) return no_time;
    const OGRFieldType type = f.GetFieldDefnRef(i)->GetType();
    if (type == OFTDateTime || type == OFTDate) {
        int y = 0, mo = 0, d = 0, h = 0, mi = 0, tz = 0;
        float s = 0;
        if (!f.GetFieldAsDateTime(i, &y, &mo, &d, &h, &mi, &s, &tz)) return no_time;
        // OGR's TZ flag: 100 is UTC, each step of 1 is 15 minutes; 0/1 mean unknown/local.
        const int offset = tz >= 2 ? (tz - 100) * 15 : utc_offset_minutes;
        return utc_seconds(y, mo, d, h, mi, static_cast<double>(s), offset);
    }
    const auto t = parse_timestamp(f.GetFieldAsString(i), utc_offset_minutes);
    return t ? t->seconds : no_time;
}

std::map<long long, std::string> gpx_track_names(GDALDataset& ds)
{
    std::map<long long, std::string> out;
    if (OGRLayer* tracks = ds.GetLayerByName("tracks"))
        for (auto& f : *tracks) {
            const int i = f->GetFieldIndex("name");
            if (i >= 0 && f->IsFieldSetAndNotNull(i)) out[f->GetFID()] = f->GetFieldAsString(i);
        }
    return out;
}

std::vector<RawTrack> read_tracks(const LoadContext& ctx, OpenedLayer& layer, const campaign::TracksSpec& spec,
                                  const normalise::ToLocal& tl)
{
    std::string read_problem;  // GDAL's complaint about the feature being read, if any
    std::map<long long, std::string> names;
    {
        // What GDAL says about a bad feature here is said again, and reported, when read_features reaches it.
        const GdalErrorTrap quiet;
        names = gpx_track_names(*layer.dataset);
        // Field names the campaign gives explicitly must exist: a typo would silently merge or untime tracks.
        if (OGRFeatureUniquePtr first{layer.layer->GetNextFeature()}) {
            for (const auto& [key, field] : {std::pair{"time_field", spec.time_field}, {"accuracy_field", spec.accuracy_field},
                                             {"track_field", spec.track_field}, {"walker_field", spec.walker_field},
                                             {"name_field", spec.name_field}})
                require_field(*first, field, key, layer);
        }
    }
    layer.layer->ResetReading();
    std::map<std::string, RawTrack> by_key;  // ordered, so tracks come out in a stable order
    std::vector<std::string> order;
    const std::string stem = layer.path.stem().string();
    long long line_number = 0;
    read_features(ctx, layer, read_problem, [&](OGRFeature& feature_ref) {
        OGRFeature* feature = &feature_ref;
        const OGRGeometry* geom = feature->GetGeometryRef();
        SourceGeometry g = geom ? from_ogr(*geom) : SourceGeometry{};
        if (!g.lines.empty()) {
            // A line is one track without times (GeoJSON or KML exports of a route).
            RawTrack t;
            t.feature = feature->GetFID();
            t.name = text_field(*feature, spec.name_field.empty() ? "name" : spec.name_field);
            if (t.name.empty()) t.name = stem + "#" + std::to_string(++line_number);
            t.walker = text_field(*feature, spec.walker_field);
            t.attributes = read_attributes(*feature);
            SourceGeometry all;
            for (const auto& line : g.lines) all.points.insert(all.points.end(), line.begin(), line.end());
            const auto outcome = tl.convert(all);
            t.swapped = outcome.swapped;
            if (!outcome.ok()) {
                t.bad_position = static_cast<long long>(all.points.size());
                t.bad_position_why = outcome.detail;
            } else
                for (const auto& p : all.points) t.fixes.push_back({p, no_time, no_time});
            const std::string key = "line:" + std::to_string(t.feature);
            order.push_back(key);
            by_key.emplace(key, std::move(t));
            return;
        }
        const int group_i = field_index(*feature, spec.track_field, {"track_fid"});
        const std::string group = group_i >= 0 ? feature->GetFieldAsString(group_i) : std::string("0");
        const std::string key = "fixes:" + group;
        auto [it, fresh] = by_key.try_emplace(key);
        RawTrack& t = it->second;
        if (fresh) {
            order.push_back(key);
            // GPX numbers its tracks; other layers may name them ("walker A"): then number them in order of appearance.
            const OGRFieldType type = group_i >= 0 ? feature->GetFieldDefnRef(group_i)->GetType() : OFTString;
            const bool numeric = type == OFTInteger || type == OFTInteger64;
            t.feature = numeric ? feature->GetFieldAsInteger64(group_i) : static_cast<long long>(order.size()) - 1;
            auto n = names.find(t.feature);
            t.name = n != names.end() ? n->second : text_field(*feature, spec.name_field);
            if (t.name.empty()) t.name = by_key.size() == 1 && group_i < 0 ? stem : stem + "#" + group;
            t.walker = text_field(*feature, spec.walker_field);
            if (spec.track_field.empty() && group_i < 0) t.attributes = {};
            else t.attributes = {{"track", group}};
        }
        const std::string not_a_point = read_problem.empty() ? "the fix is not one point"
                                                             : "the fix has no usable geometry (GDAL: " + read_problem + ")";
        const auto outcome = g.points.size() == 1 ? tl.convert(g)
                                                  : normalise::Outcome{std::string(reason::no_geometry), not_a_point, false};
        if (!outcome.ok()) {
            if (t.bad_position++ == 0) t.bad_position_why = outcome.detail;
            return;
        }
        t.swapped = t.swapped || outcome.swapped;
        Fix fix;
        fix.position = g.points.front();
        fix.time = fix_time(*feature, field_index(*feature, spec.time_field, {"time", "timestamp", "时间", "定位时间"}),
                            ctx.campaign.utc_offset_minutes);
        const int acc_i = field_index(*feature, spec.accuracy_field, {"accuracy", "acc", "horizontal_accuracy", "precision", "精度"});
        const int hdop_i = spec.accuracy_field.empty() ? feature->GetFieldIndex("hdop") : -1;
        if (acc_i >= 0 && feature->IsFieldSetAndNotNull(acc_i)) fix.accuracy_m = feature->GetFieldAsDouble(acc_i);
        else if (hdop_i >= 0 && feature->IsFieldSetAndNotNull(hdop_i))
            fix.accuracy_m = feature->GetFieldAsDouble(hdop_i) * normalise::metres_per_hdop;
        t.fixes.push_back(fix);
    });
    std::vector<RawTrack> out;
    for (const auto& key : order) out.push_back(std::move(by_key.at(key)));
    return out;
}

std::string counts_text(const TrackCleaning& c)
{
    return std::to_string(c.fixes_read) + " fixes: " + std::to_string(c.bad_position) + " without valid position, " +
           std::to_string(c.duplicates) + " duplicates, " + std::to_string(c.inaccurate) + " inaccurate, " +
           std::to_string(c.untimed) + " without time, " + std::to_string(c.out_of_order) + " out of time order, " + std::to_string(c.spikes) + " spikes, " +
           std::to_string(c.too_fast) + " too fast, " + std::to_string(c.isolated) + " isolated";
}

void report_track(LoadContext& ctx, int source, const RawTrack& t, std::string_view why, std::string detail, Action action)
{
    Problem p;
    p.source = source;
    p.feature = t.feature;
    p.reason = std::string(why);
    p.detail = std::move(detail);
    p.action = action;
    p.attributes = t.attributes;
    p.attributes.insert(p.attributes.begin(), {"track_name", t.name});
    p.row = "track \"" + t.name + "\"";
    ctx.campaign.diagnostics.report(std::move(p));
}

// One file's tracks, read, cleaned and checked against the villages off the calling thread.
struct FileTracks {
    std::optional<OpenedLayer> layer;
    std::vector<RawTrack> raw;
    std::vector<normalise::CleanedTrack> cleaned;  // one per raw track
    std::vector<char> inside;                      // one per raw track: some piece touches a village
    std::exception_ptr failure;                    // raised when this file's turn comes, in file order
};

bool touches_a_village(const LoadContext& ctx, const normalise::CleanedTrack& cleaned)
{
    return std::any_of(cleaned.pieces.begin(), cleaned.pieces.end(), [&](const auto& piece) {
        LineString line;
        for (const Fix& f : piece) line.push_back(f.position);
        return ctx.villages->touches_any(line);
    });
}

// Transformations of a helper thread, kept from batch to batch (creating one costs tens of milliseconds).
using Transforms = std::map<std::string, std::unique_ptr<normalise::ToLocal>>;

// Reads files[first, last) into out[0, last - first): this thread and one more per helpers[] entry take every
// n-th file (parsing GPX is most of a load). This thread uses ctx's own transformations, each helper its own (a
// ToLocal holds a PROJ context, used by one thread at a time); helpers write nothing of ctx.
void read_files(LoadContext& ctx, const campaign::TracksSpec& spec, const std::vector<std::filesystem::path>& files,
                std::size_t first, std::size_t last, std::vector<Transforms>& helpers, std::vector<FileTracks>& out)
{
    const normalise::CleaningOptions options{spec.max_accuracy_m, spec.max_speed_mps, spec.max_gap_min * 60.0,
                                             spec.speed_window_s, spec.speed_window_m};
    const std::size_t stride = helpers.size() + 1;
    const auto worker = [&](std::size_t offset, Transforms* own) {
        for (std::size_t i = first + offset; i < last; i += stride) {
            FileTracks& ft = out[i - first];
            try {
                ft.layer.emplace(open_layer(files[i], spec, Role::tracks));
                const normalise::ToLocal* tl = nullptr;
                if (own) {
                    auto& made = (*own)[LoadContext::to_local_key(*ft.layer, spec)];
                    if (!made) made = ctx.make_to_local(*ft.layer, spec);
                    tl = made.get();
                } else {
                    tl = &ctx.to_local(*ft.layer, spec);
                }
                ft.raw = read_tracks(ctx, *ft.layer, spec, *tl);
                for (const RawTrack& raw : ft.raw) {
                    ft.cleaned.push_back(normalise::clean_track(raw.fixes, options));
                    ft.inside.push_back(touches_a_village(ctx, ft.cleaned.back()) ? 1 : 0);
                }
            } catch (...) {
                ft.failure = std::current_exception();
            }
        }
    };
    std::vector<std::thread> pool;
    for (std::size_t t = 0; t < helpers.size() && first + t + 1 < last; ++t) pool.emplace_back(worker, t + 1, &helpers[t]);
    worker(0, nullptr);
    for (auto& t : pool) t.join();
}

// Registers one file's tracks in the campaign: its source, the reports, the kept pieces.
void add_file(LoadContext& ctx, const campaign::TracksSpec& spec, int block, FileTracks& ft)
{
    if (ft.failure) std::rethrow_exception(ft.failure);
    const int source = ctx.add_source(Role::tracks, *ft.layer, spec, block);
    for (std::size_t k = 0; k < ft.raw.size(); ++k) {
        RawTrack& raw = ft.raw[k];
        normalise::CleanedTrack& cleaned = ft.cleaned[k];
        ctx.campaign.diagnostics.count_read(source);
        cleaned.counts.bad_position = raw.bad_position;
        cleaned.counts.fixes_read += raw.bad_position;
        ctx.campaign.track_reports.push_back({source, raw.feature, raw.name, cleaned.counts});
        if (cleaned.pieces.empty()) {
            report_track(ctx, source, raw, reason::too_few_fixes,
                         "fewer than two usable fixes are left (" + counts_text(cleaned.counts) + ")" +
                             (raw.bad_position_why.empty() ? "" : "; first fix without valid position: " + raw.bad_position_why),
                         Action::rejected);
            continue;
        }
        if (!ft.inside[k]) {
            report_track(ctx, source, raw, reason::outside_villages, "the track lies outside every village",
                         Action::rejected);
            continue;
        }
        if (raw.swapped)
            report_track(ctx, source, raw, reason::swapped_lat_lon,
                         "latitude and longitude were swapped and have been exchanged (fix_swapped = true)",
                         Action::repaired);
        if (!cleaned.counts.has_times)
            report_track(ctx, source, raw, reason::no_times,
                         "the track has no times: kept without speed and gap checks, no walk dates", Action::noted);
        int part = 0;
        for (auto& piece : cleaned.pieces) {
            Track t;
            t.id = static_cast<int>(ctx.campaign.tracks.size()) + 1;
            t.name = raw.name;
            t.walker = raw.walker;
            t.part = ++part;
            t.fixes = std::move(piece);
            t.has_times = cleaned.counts.has_times;
            t.attributes = raw.attributes;
            t.origin = {source, raw.feature};
            ctx.campaign.tracks.push_back(std::move(t));
        }
        ctx.campaign.diagnostics.count_loaded(source);
    }
}

}  // namespace

void load_tracks(LoadContext& ctx)
{
    // Files are read in batches, so that a campaign of thousands of files does not hold them all at once; each
    // batch is registered in file order, so ids, reports and errors are those of reading one file after another.
    constexpr std::size_t batch = 32;
    std::vector<Transforms> helpers(static_cast<std::size_t>(std::max(ctx.threads, 1) - 1));
    for (const campaign::TracksSpec& spec : ctx.spec.tracks) {
        const std::vector<std::filesystem::path> files = expand_sources(spec, ctx.spec.base_dir);
        const int block = ctx.next_block++;
        for (std::size_t first = 0; first < files.size(); first += batch) {
            const std::size_t last = std::min(files.size(), first + batch);
            std::vector<FileTracks> read(last - first);
            read_files(ctx, spec, files, first, last, helpers, read);
            for (FileTracks& ft : read) add_file(ctx, spec, block, ft);
        }
    }
}

}  // namespace geo::load::detail

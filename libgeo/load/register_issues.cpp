// [issues] source = "register": every analysis reads the register's current state instead of a file (issue 21).
// Each issue comes in as if read from a file: placed by its WGS 84 lon/lat in the campaign's CRS and village, its
// register fields kept as attributes; withdrawn issues (recorded in error) are left out.
#include "libgeo/core/datetime.hpp"
#include "libgeo/crs/local_crs.hpp"
#include "libgeo/load/load_context.hpp"
#include "libgeo/register/store.hpp"

#include <charconv>
#include <cmath>

namespace geo::load::detail {

namespace {

std::optional<double> number(const std::string& text)
{
    double v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return v;
}

}  // namespace

bool is_register_source(const campaign::SourceSpec& spec)
{
    return spec.paths.size() == 1 && spec.paths.front() == "register";
}

void load_issues_from_register(LoadContext& ctx)
{
    const std::string location =
        campaign::store_location(ctx.spec.register_options, ctx.spec.base_dir.string(), ctx.spec.file.string());
    reg::Store store = reg::Store::open(location, std::nullopt);
    SourceSummary summary;
    summary.block = ctx.next_block++;
    summary.role = "issues";
    summary.source = store.is_postgres() ? "register (PostgreSQL)" : location;
    summary.layer = "issues";
    summary.allow_rejects = ctx.spec.issues->allow_rejects;
    const int source = ctx.campaign.diagnostics.add_source(std::move(summary));
    const crs::Transformer to_local("EPSG:4326", ctx.campaign.crs.wkt);
    const int offset = ctx.campaign.utc_offset_minutes;
    // Not a structured binding: the lambda below captures the names, which clang 14 (the sanitizer build) refuses.
    for (const auto& entry : store.read_issues()) {
        const std::string& id = entry.first;
        const reg::StoredIssue& stored = entry.second;
        const reg::Record& r = stored.record;
        if (r.status() == reg::Status::withdrawn) continue;
        ctx.campaign.diagnostics.count_read(source);
        auto reject = [&](std::string_view why, const std::string& detail) {
            ctx.report(source, nullptr, stored.fid, why, std::string("issue ").append(id).append(": ").append(detail));
        };
        Issue issue;
        issue.code = id;
        const auto category = parse_category(r.get(reg::Field::category));
        if (!category) {
            reject(reason::unknown_category, "category '" + r.get(reg::Field::category) + "' is not one of the ten walks");
            continue;
        }
        issue.category = *category;
        issue.status = static_cast<Status>(static_cast<int>(r.status()));  // the first six statuses are the core's
        issue.problem = r.get(reg::Field::problem);
        issue.responsible = r.get(reg::Field::person);
        for (auto [field, slot] : {std::pair{reg::Field::found_at, &issue.found}, {reg::Field::deadline, &issue.deadline},
                                   {reg::Field::rectified_at, &issue.rectified}, {reg::Field::accepted_at, &issue.accepted}})
            if (const auto t = parse_timestamp(r.get(field), offset)) *slot = t->seconds;
        const auto lon = number(r.get(reg::Field::lon)), lat = number(r.get(reg::Field::lat));
        double x = lon.value_or(NAN), y = lat.value_or(NAN);
        if (!lon || !lat || !to_local.transform(x, y) || !std::isfinite(x) || !std::isfinite(y)) {
            reject(reason::no_geometry, "no position");
            continue;
        }
        issue.position = Point(x, y);
        issue.village = ctx.villages->locate(issue.position);
        if (issue.village < 0) {
            reject(reason::outside_villages, "the issue lies outside every village");
            continue;
        }
        for (reg::Field f : reg::all_fields())
            issue.attributes.push_back({std::string(reg::name(f)), r.get(f).empty() ? AttributeValue() : AttributeValue(r.get(f))});
        issue.attributes.push_back({"lookback_due", stored.lookback_due.empty() ? AttributeValue() : AttributeValue(stored.lookback_due)});
        issue.id = static_cast<int>(ctx.campaign.issues.size()) + 1;
        issue.origin = {source, stored.fid};
        ctx.campaign.issues.push_back(std::move(issue));
        ctx.campaign.diagnostics.count_loaded(source);
    }
}

}  // namespace geo::load::detail

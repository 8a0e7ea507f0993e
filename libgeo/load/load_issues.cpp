// Geotagged issues: the register rows planners keep in spreadsheets and phone apps.
#include "libgeo/core/datetime.hpp"
#include "libgeo/core/error.hpp"
#include "libgeo/load/load_features.hpp"

#include <set>

namespace geo::load::detail {

namespace {

// Column names tried for each role when the campaign file does not map it.
const std::map<std::string, std::vector<std::string>>& common_names()
{
    static const std::map<std::string, std::vector<std::string>> names{
        {"id", {"id", "issue_id", "code", "编号", "问题编号", "序号"}},
        {"category", {"category", "walk", "类别", "走找类别", "点位类别"}},
        {"problem", {"problem", "problem_type", "type", "问题类型", "问题"}},
        {"found", {"found", "found_at", "found_time", "date", "发现时间", "发现日期"}},
        {"status", {"status", "状态", "整改状态"}},
        {"responsible", {"responsible", "责任人"}},
        {"deadline", {"deadline", "due", "整改期限", "期限"}},
        {"rectified", {"rectified", "rectified_at", "整改时间", "整改完成时间"}},
        {"accepted", {"accepted", "accepted_at", "验收时间"}},
    };
    return names;
}

// Resolves each role to a field index once per layer.
std::map<std::string, int> resolve_fields(const OGRFeature& feature, const campaign::IssuesSpec& spec)
{
    std::map<std::string, int> out;
    for (const auto& [role, candidates] : common_names()) {
        int index = -1;
        if (auto it = spec.fields.find(role); it != spec.fields.end()) {
            index = feature.GetFieldIndex(it->second.c_str());
        } else {
            for (const auto& name : candidates)
                if ((index = feature.GetFieldIndex(name.c_str())) >= 0) break;
        }
        out[role] = index;
    }
    return out;
}

std::string text(OGRFeature& f, int i) { return i >= 0 && f.IsFieldSetAndNotNull(i) ? std::string(trim(f.GetFieldAsString(i))) : std::string(); }

}  // namespace

void load_issues(LoadContext& ctx)
{
    if (!ctx.spec.issues) return;
    const campaign::IssuesSpec& spec = *ctx.spec.issues;
    if (is_register_source(spec)) {
        load_issues_from_register(ctx);
        return;
    }
    std::set<std::string> seen_ids;
    std::map<std::string, int> fields;
    int fields_for_source = -1;
    for_each_feature(ctx, Role::issues, spec, [&](int source, OGRFeature& feature, const normalise::ToLocal& tl) {
        if (fields_for_source != source) {
            for (const auto& [role, column] : spec.fields)
                if (role != "lon" && role != "lat" && role != "wkt") require_field(feature, column, "fields." + role, source, ctx);
            fields = resolve_fields(feature, spec);
            fields_for_source = source;
            if (fields.at("category") < 0) {
                const auto& s = ctx.campaign.diagnostics.sources().at(static_cast<std::size_t>(source));
                throw InputError("the issues have no category column", in_file(s.source, s.layer),
                                 "name it in [issues.fields] category = \"…\" (values: walk codes or their Chinese labels)");
            }
        }
        const long long fid = feature.GetFID();
        auto reject = [&](std::string_view why, const std::string& detail) {
            ctx.report(source, &feature, fid, why, detail);
            return false;
        };

        Issue issue;
        issue.code = text(feature, fields.at("id"));
        if (issue.code.empty()) issue.code = "row-" + std::to_string(fid);
        const std::string category_text = text(feature, fields.at("category"));
        const auto category = parse_category(category_text);
        if (!category)
            return reject(reason::unknown_category, "category '" + category_text + "' is not one of the ten walks");
        issue.category = *category;
        const std::string status_text = text(feature, fields.at("status"));
        if (!status_text.empty()) {
            const auto status = parse_status(status_text);
            if (!status) return reject(reason::unknown_status, "status '" + status_text + "' is not a known status");
            issue.status = *status;
        }
        for (auto [role, slot] : {std::pair{"found", &issue.found}, {"deadline", &issue.deadline},
                                  {"rectified", &issue.rectified}, {"accepted", &issue.accepted}}) {
            const std::string value = text(feature, fields.at(role));
            if (value.empty()) continue;
            const auto t = parse_timestamp(value, ctx.campaign.utc_offset_minutes);
            if (!t && is_bare_year(value))
                return reject(reason::bad_date, std::string(role) + " date '" + value +
                                                    "' is a year without month and day; write the whole date, such as "
                                                    "2017-02-20 (a 4-digit number is not read as an Excel serial)");
            if (!t)
                return reject(reason::bad_date, std::string(role) + " date '" + value +
                                                    "' cannot be read; write it as 2017-02-20 (day-first dates such as "
                                                    "20/02/2017 are not guessed)");
            *slot = t->seconds;
        }
        issue.problem = text(feature, fields.at("problem"));
        issue.responsible = text(feature, fields.at("responsible"));

        auto g = local_geometry(ctx, source, feature, tl);
        if (!g) return false;
        if (g->points.size() != 1 || !g->lines.empty() || !g->polygons.empty())
            return reject(reason::wrong_geometry_type, "an issue must be one point");
        issue.position = g->points.front();
        issue.village = ctx.villages->locate(issue.position);
        if (issue.village < 0) return reject(reason::outside_villages, "the issue lies outside every village");
        if (!seen_ids.insert(issue.code).second)
            return reject(reason::duplicate_id, "id '" + issue.code + "' was already used by an earlier row");

        issue.id = static_cast<int>(ctx.campaign.issues.size()) + 1;
        issue.attributes = read_attributes(feature);
        issue.origin = {source, fid};
        ctx.campaign.issues.push_back(std::move(issue));
        return true;
    });
}

}  // namespace geo::load::detail

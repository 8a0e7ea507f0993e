#include "libgeo/load/register_rows.hpp"

#include "libgeo/core/datetime.hpp"
#include "libgeo/core/error.hpp"
#include "libgeo/crs/local_crs.hpp"
#include "libgeo/handles/gdal_errors.hpp"
#include "libgeo/load/geopoint_layer.hpp"
#include "libgeo/load/loader.hpp"
#include "libgeo/load/row_numbers.hpp"
#include "libgeo/load/source.hpp"

#include <openssl/evp.h>

#include <fstream>
#include <map>
#include <memory>

namespace geo::load {

namespace {

// The register's own columns beyond those load_issues reads, by their common names (English or Chinese).
const std::vector<std::pair<reg::Field, std::vector<std::string>>>& extra_columns()
{
    using reg::Field;
    static const std::vector<std::pair<Field, std::vector<std::string>>> columns{
        {Field::description, {"description", "描述", "问题描述", "问题详情"}},
        {Field::photos, {"photos", "photo", "照片", "图片", "附件"}},
        {Field::found_by, {"found_by", "发现人", "巡查人", "上报人"}},
        {Field::unit, {"unit", "responsible_unit", "责任单位"}},
        {Field::measures, {"measures", "整改措施"}},
        {Field::acceptance_note, {"acceptance_note", "验收意见", "验收情况"}},
        {Field::rebound_of, {"rebound_of", "反弹原问题", "原问题编号"}},
        {Field::lookback_at, {"lookback_at", "回头看时间"}},
    };
    return columns;
}
const std::vector<std::string>& reason_names()
{
    static const std::vector<std::string> names{"deadline_reason", "延期原因", "延期理由"};
    return names;
}

std::string attribute_text(const Attributes& attributes, const std::vector<std::string>& names)
{
    std::string out;
    for (const auto& name : names)
        if (const AttributeValue* v = find(attributes, name)) {
            const std::string t(trim(to_text(*v)));
            if (!t.empty()) out += (out.empty() ? "" : ";") + t;
        }
    return out;
}

std::string time_text(const std::optional<double>& t, int offset)
{
    return t ? format_local_time(*t, offset) : std::string();
}

// The campaign restricted to its villages and, as issues, the one upload.
campaign::CampaignSpec upload_spec(const campaign::CampaignSpec& spec, const std::filesystem::path& file,
                                   const std::string& coords, const OGRFeatureDefn& columns)
{
    campaign::CampaignSpec out = spec;
    out.network.clear();
    out.access.clear();
    out.sites.clear();
    out.tracks.clear();
    out.plan.reset();
    campaign::IssuesSpec issues;
    issues.paths = {file.string()};
    issues.coords = !coords.empty() ? coords : spec.issues ? spec.issues->coords : "wgs84";
    issues.allow_rejects = true;
    // The campaign's column names where the upload has them (a QField layer may name its columns otherwise).
    if (spec.issues)
        for (const auto& [role, column] : spec.issues->fields)
            if (columns.GetFieldIndex(column.c_str()) >= 0) issues.fields[role] = column;
    out.issues = issues;
    return out;
}

}  // namespace

std::string file_sha256(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in) throw InputError("cannot read the file", in_file(file.string()), "check the path");
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1) throw Error("SHA-256 is not available");
    std::vector<char> buffer(1 << 16);
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        if (in.gcount() > 0) EVP_DigestUpdate(ctx.get(), buffer.data(), static_cast<std::size_t>(in.gcount()));
    }
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(ctx.get(), digest, &length);
    static const char* hex = "0123456789abcdef";
    std::string out;
    for (unsigned int i = 0; i < length; ++i) {
        out += hex[digest[i] >> 4];
        out += hex[digest[i] & 15];
    }
    return out;
}

Campaign load_villages_only(const campaign::CampaignSpec& spec)
{
    campaign::CampaignSpec only = spec;
    only.network.clear();
    only.access.clear();
    only.sites.clear();
    only.tracks.clear();
    only.issues.reset();
    only.plan.reset();
    return load_campaign(only);
}

RegisterRows read_register_rows(const campaign::CampaignSpec& spec, const std::filesystem::path& file,
                                const std::string& coords)
{
    RegisterRows out;
    out.file_name = file.filename().string();
    out.hash = file_sha256(file);

    campaign::IssuesSpec probe_spec;
    probe_spec.paths = {file.string()};
    probe_spec.crs = "EPSG:4326";  // the probe reads columns only; a sheet has no CRS of its own
    if (spec.issues) probe_spec.fields = spec.issues->fields;
    OpenedLayer opened = open_layer(file, probe_spec, Role::issues, probe_spec.fields);
    const RowNumbers rows(opened);
    // A spreadsheet or an ODK/KoBo export: no geometry of its own, points made from its columns.
    GeopointLayer points = as_point_layer(opened, probe_spec.fields);
    const std::filesystem::path readable = points.path.empty() ? file : std::filesystem::path(points.path);

    const campaign::CampaignSpec upload = upload_spec(spec, readable, coords, *opened.layer->GetLayerDefn());
    const Campaign campaign = load_inputs(upload);
    for (const Problem& p : campaign.diagnostics.problems()) {
        const auto& source = campaign.diagnostics.sources().at(static_cast<std::size_t>(p.source));
        if (source.role != "issues" || p.action != Action::rejected) continue;
        std::string id;
        if (const AttributeValue* v = find(p.attributes, upload.issues->fields.count("id") ? upload.issues->fields.at("id") : "编号"))
            id = to_text(*v);
        out.rejected.push_back({p.feature >= 0 ? rows.describe(p.feature) : p.row, id, p.reason + ": " + p.detail});
    }
    out.crs_wkt = campaign.crs.wkt;
    const crs::Transformer to_wgs84(campaign.crs.wkt, "EPSG:4326");
    const int offset = campaign.utc_offset_minutes;
    const std::vector<std::string> status_columns =
        upload.issues->fields.count("status") ? std::vector<std::string>{upload.issues->fields.at("status")}
                                              : std::vector<std::string>{"status", "状态", "整改状态"};
    for (const Issue& issue : campaign.issues) {
        reg::IncomingRow in;
        reg::Record& r = in.record;
        r.id = issue.code;
        r.set(reg::Field::village, campaign.villages.at(static_cast<std::size_t>(issue.village)).name);
        r.set(reg::Field::category, std::string(code(issue.category)));
        r.set(reg::Field::problem, issue.problem);
        r.set(reg::Field::person, issue.responsible);
        r.set(reg::Field::found_at, time_text(issue.found, offset));
        r.set(reg::Field::deadline, time_text(issue.deadline, offset));
        r.set(reg::Field::rectified_at, time_text(issue.rectified, offset));
        r.set(reg::Field::accepted_at, time_text(issue.accepted, offset));
        // Only a status the row states: an empty cell says nothing (the register keeps what it has).
        if (!attribute_text(issue.attributes, status_columns).empty()) r.set(reg::Field::status, std::string(geo::code(issue.status)));
        for (const auto& [field, names] : extra_columns()) r.set(field, attribute_text(issue.attributes, names));
        in.deadline_reason = attribute_text(issue.attributes, reason_names());
        double lon = issue.position.x(), lat = issue.position.y();
        if (!to_wgs84.transform(lon, lat)) continue;
        r.set(reg::Field::lon, reg::coordinate_text(lon));
        r.set(reg::Field::lat, reg::coordinate_text(lat));
        in.row = rows.describe(issue.origin.feature);
        out.rows.push_back(std::move(in));
    }
    return out;
}

}  // namespace geo::load

#include "libgeo/render/village_maps.hpp"

#include "libgeo/core/number_text.hpp"
#include "libgeo/export/contract.hpp"

#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <tuple>
#include <vector>

namespace geo::render {

namespace {

constexpr std::size_t max_name_bytes = 60;

bool refused_in_file_names(unsigned char c)
{
    return c < 0x20 || c == 0x7f || c == ' ' || c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' ||
           c == '"' || c == '<' || c == '>' || c == '|';
}

// Counts the features of `layer` whose `field` equals `value` and sums `sum_field` over them (0 when absent).
std::pair<long long, double> count_where(OGRLayer* layer, const char* field, const std::string& value,
                                         const char* sum_field = nullptr)
{
    long long n = 0;
    double sum = 0;
    if (!layer) return {n, sum};
    const int index = layer->GetLayerDefn()->GetFieldIndex(field);
    if (index < 0) return {n, sum};
    const int sum_index = sum_field ? layer->GetLayerDefn()->GetFieldIndex(sum_field) : -1;
    // Compared here rather than in an attribute filter: a name with quotes needs no escaping.
    layer->SetSpatialFilter(nullptr);
    layer->ResetReading();
    for (OGRFeatureUniquePtr f(layer->GetNextFeature()); f; f.reset(layer->GetNextFeature())) {
        if (!f->IsFieldSetAndNotNull(index) || value != f->GetFieldAsString(index)) continue;
        ++n;
        if (sum_index >= 0 && f->IsFieldSetAndNotNull(sum_index)) sum += f->GetFieldAsDouble(sum_index);
    }
    return {n, sum};
}

double number(const output::Json& j, const char* key)
{
    const auto it = j.find(key);
    return it != j.end() && it->is_number() ? it->get<double>() : 0.0;
}

std::string km_text(double metres) { return significant_text(std::round(metres / 100) / 10); }

}  // namespace

std::string file_name_part(std::string_view name)
{
    std::string out;
    for (const char ch : name) {
        const auto c = static_cast<unsigned char>(ch);
        if (refused_in_file_names(c)) {
            if (!out.empty() && out.back() != '_') out += '_';
        } else {
            out += ch;
        }
    }
    if (out.size() > max_name_bytes) {
        std::size_t cut = max_name_bytes;
        // Back to the start of a UTF-8 character (continuation bytes are 10xxxxxx).
        while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
        out.resize(cut);
    }
    const auto edge = [](char c) { return c == '.' || c == '_'; };
    while (!out.empty() && edge(out.back())) out.pop_back();
    const auto first = std::find_if_not(out.begin(), out.end(), edge);
    out.erase(out.begin(), first);
    return out;
}

int village_code_width(OGRLayer& villages)
{
    long long top = 0;
    const int id = villages.GetLayerDefn()->GetFieldIndex("id");
    villages.ResetReading();
    for (OGRFeatureUniquePtr f(villages.GetNextFeature()); f; f.reset(villages.GetNextFeature()))
        top = std::max(top, id >= 0 ? f->GetFieldAsInteger64(id) : f->GetFID());
    int width = 2;
    for (long long limit = 100; top >= limit && width < 18; limit *= 10) ++width;
    return width;
}

std::string village_code(const OGRFeature& village, int width)
{
    const int code = village.GetFieldIndex("code");
    if (code >= 0 && village.IsFieldSetAndNotNull(code)) {
        std::string text = file_name_part(village.GetFieldAsString(code));
        if (!text.empty()) return text;
    }
    const int id = village.GetFieldIndex("id");
    const long long n = id >= 0 && village.IsFieldSetAndNotNull(id) ? village.GetFieldAsInteger64(id) : village.GetFID();
    char text[32];
    std::snprintf(text, sizeof text, "%0*lld", width, n);
    return text;
}

std::string village_map_name(std::string_view code, std::string_view name)
{
    std::string out = "village_" + std::string(code);
    const std::string part = file_name_part(name);
    if (!part.empty()) out += "_" + part;
    return out;
}

VillageFigures village_figures(const MapSource& source, const std::string& village)
{
    VillageFigures f;
    const auto coverage = source.summary().find("coverage");
    if (coverage != source.summary().end() && coverage->is_object()) {
        f.coverage = true;
        if (const auto rows = coverage->find("by_village"); rows != coverage->end() && rows->is_array())
            for (const auto& r : *rows) {
                if (r.value("village", std::string{}) != village) continue;
                f.route_m += number(r, "length_m");
                f.covered_m += number(r, "covered_m");
                f.sites += static_cast<int>(number(r, "sites"));
                f.visited += static_cast<int>(number(r, "visited"));
            }
        std::tie(f.dead_corners, f.dead_corner_m) = count_where(source.layer(output::layer::uncovered), "village", village, "length_m");
    }
    if (OGRLayer* issues = source.layer(output::layer::issues)) {
        f.issues_layer = true;
        f.issues = count_where(issues, "village", village).first;
    }
    return f;
}

std::string village_figures_text(const VillageFigures& f, Lang lang)
{
    const bool zh = lang == Lang::zh;
    std::vector<std::string> parts;
    if (f.coverage) {
        if (f.route_m > 0) {
            const std::string pct = fixed_text(std::round(100 * f.covered_m / f.route_m), 0) + " %";
            parts.push_back(zh ? "路线覆盖 " + pct + "（共 " + km_text(f.route_m) + " 公里）"
                               : "routes walked " + pct + " of " + km_text(f.route_m) + " km");
        }
        if (f.sites > 0) {
            const std::string n = std::to_string(f.visited) + " / " + std::to_string(f.sites);
            parts.push_back(zh ? "点位到访 " + n : "sites visited " + n);
        }
        const std::string n = std::to_string(f.dead_corners);
        const std::string len = f.dead_corners > 0 ? (zh ? "（" + km_text(f.dead_corner_m) + " 公里）"
                                                         : " (" + km_text(f.dead_corner_m) + " km)")
                                                   : std::string();
        parts.push_back(zh ? "死角 " + n + " 处" + len : "dead corners " + n + len);
    }
    if (f.issues_layer) parts.push_back(zh ? "问题 " + std::to_string(f.issues) + " 个" : "problems " + std::to_string(f.issues));
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : "  ·  ") + p;
    if (!out.empty() && !zh) out[0] = static_cast<char>(out[0] - 'a' + 'A');
    return out;
}

}  // namespace geo::render

#include "libgeo/register_export/form.hpp"

#include "libgeo/core/categories.hpp"
#include "libgeo/render/words_register.hpp"

namespace geo::reg {

namespace w = render::words;

std::vector<FormColumn> form_columns(bool with_village)
{
    // Widths: what a planner writes there. Descriptions, measures and notes wrap at about 20 Chinese characters;
    // dates stay on one line in print. The PDF shares are relative (scaled to the page width).
    std::vector<FormColumn> columns{
        {FormField::number, w::col_number, 6, 0.035},          {FormField::issue_id, w::col_issue_id, 16, 0.07},
        {FormField::found_at, w::col_found_at, 17, 0.07},      {FormField::found_by, w::col_found_by, 12, 0.05},
        {FormField::village, w::col_village, 16, 0.06},        {FormField::category, w::col_category, 16, 0.07},
        {FormField::problem, w::col_problem, 16, 0.065},       {FormField::description, w::col_description, 40, 0.14},
        {FormField::location, w::col_location, 22, 0.075},     {FormField::unit, w::col_unit, 20, 0.065},
        {FormField::person, w::col_person, 12, 0.045},         {FormField::deadline, w::col_deadline, 12, 0.068},
        {FormField::status, w::col_status, 12, 0.05},          {FormField::measures, w::col_measures, 36, 0.1},
        {FormField::acceptance, w::col_acceptance, 30, 0.07},  {FormField::lookback, w::col_lookback, 12, 0.068},
    };
    if (!with_village) std::erase_if(columns, [](const FormColumn& c) { return c.field == FormField::village; });
    return columns;
}

std::string category_label(const std::string& code, Lang lang)
{
    const auto category = parse_category(code);
    if (!category) return code;
    const CategoryInfo& i = info(*category);
    return std::string(lang == Lang::zh ? i.label_zh : i.label_en);
}

std::string status_label(const std::string& code, Lang lang)
{
    if (const auto status = parse_status(code)) {
        const StatusInfo& i = info(*status);
        return std::string(lang == Lang::zh ? i.label_zh : i.label_en);
    }
    if (trim(code) == "withdrawn") return std::string(w::status_withdrawn(lang));
    return code;
}

std::string cell_text(FormField field, const RegisterRow& row, std::size_t index, Lang lang)
{
    switch (field) {
    case FormField::number: return std::to_string(index + 1);
    case FormField::issue_id: return row.issue_id;
    case FormField::found_at: return row.found_at;
    case FormField::found_by: return row.found_by;
    case FormField::village: return row.village;
    case FormField::category: return category_label(row.category, lang);
    case FormField::problem: return row.problem_type;
    case FormField::description: return row.description;
    case FormField::location: return row.location;
    case FormField::unit: return row.responsible_unit;
    case FormField::person: return row.responsible_person;
    case FormField::deadline: return row.deadline;
    case FormField::status: return status_label(row.status, lang);
    case FormField::measures: return row.measures;
    case FormField::acceptance: return row.acceptance_note;
    case FormField::lookback: return row.lookback_due;
    }
    return {};
}

const std::vector<RegisterRow>& form_rows(const VillageRegister& village, Form form)
{
    return form == Form::transfer_list ? village.rows_of_day : village.rows_cumulative;
}

Words form_name(Form form) { return form == Form::transfer_list ? w::transfer_list : w::register_book; }

std::string form_title(const VillageRegister& village, Form form, Lang lang)
{
    return village.village + (lang == Lang::zh ? " " : " — ") + std::string(form_name(form)(lang));
}

std::string form_subtitle(const VillageRegister& village, Form form, const std::string& campaign, Lang lang)
{
    const std::string colon = lang == Lang::zh ? "：" : ": ";
    const std::string gap = "    ";
    std::string out;
    if (!campaign.empty()) out += std::string(w::campaign_label(lang)) + colon + campaign + gap;
    out += std::string(w::date_label(lang)) + colon + village.day;
    if (!village.village_code.empty()) out += gap + std::string(w::village_code_label(lang)) + colon + village.village_code;
    out += gap + std::string(w::count_label(lang)) + colon + std::to_string(form_rows(village, form).size());
    return out;
}

std::vector<std::string> signature_lines(Lang lang)
{
    std::vector<std::string> lines;
    for (const Words& who : {w::village_head, w::station_chief, w::party_secretary}) {
        const std::string name = lang == Lang::zh ? std::string(who(lang)) + "（" + std::string(w::signature(lang)) + "）："
                                                  : std::string(who(lang)) + " (" + std::string(w::signature(lang)) + "): ";
        lines.push_back(name + "________________  " + std::string(w::sign_date(lang)));
    }
    return lines;
}

}  // namespace geo::reg

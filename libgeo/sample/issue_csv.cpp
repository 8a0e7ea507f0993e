#include "libgeo/sample/issue_csv.hpp"

#include "libgeo/core/number_text.hpp"

namespace geo::sample {

std::string format_degrees(double degrees) { return fixed_text(degrees, 7); }

IssueRow issue_row(const Issue& issue, crs::LonLat gcj02)
{
    const CategoryInfo& category = info(issue.category);
    IssueRow row{
        issue.id,
        std::string(issue.chinese_label ? category.label_zh : category.code),
        issue.problem,
        format_local_minute(issue.found, issue.style),
        std::string(info(issue.status).label_zh),
        issue.responsible,
        format_local_date(issue.deadline, issue.style),
        issue.rectified ? format_local_minute(*issue.rectified, issue.style) : std::string(),
        issue.accepted ? format_local_minute(*issue.accepted, issue.style) : std::string(),
        format_degrees(gcj02.lon),
        format_degrees(gcj02.lat),
        issue.note,
    };
    switch (issue.defect) {
    case Defect::none:
    case Defect::duplicate_id:  // the id is already another row's
    case Defect::outside:       // the location is already outside the town
        break;
    case Defect::no_coordinates:
        row[9].clear();
        row[10].clear();
        break;
    case Defect::zero_zero:
        row[9] = "0";
        row[10] = "0";
        break;
    case Defect::swapped: std::swap(row[9], row[10]); break;
    case Defect::garbled_number: row[9][1] = 'O'; break;  // "1O0.45...": a letter typed for a zero
    case Defect::unparseable_date: row[3] = "上周三上午"; break;
    case Defect::impossible_date: row[3] = "2017-02-30 09:15"; break;
    case Defect::unknown_category: row[1] = "路边垃圾"; break;
    case Defect::unknown_status: row[4] = "待核实"; break;
    }
    return row;
}

}  // namespace geo::sample

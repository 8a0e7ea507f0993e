#pragma once
// The words of the rectification register's printed forms (the daily transfer list and the register, as XLSX, CSV
// and PDF: libgeo/register_export/) and of the report's register page, in English and Chinese. Walk and status
// labels are not here: they come from core/categories.hpp, the one table of codes and labels.
#include "libgeo/render/words.hpp"

namespace geo::render::words {

// The two forms a village hands in every day.
inline constexpr Words transfer_list{"Problem transfer list", "问题交办清单"};
inline constexpr Words register_book{"Problem register", "问题台账"};
// Columns, in the order the forms print them.
inline constexpr Words col_number{"No.", "序号"};
inline constexpr Words col_issue_id{"Issue ID", "问题编号"};
inline constexpr Words col_found_at{"Found at", "发现时间"};
inline constexpr Words col_found_by{"Found by", "发现人"};
inline constexpr Words col_village{"Village", "村庄"};
inline constexpr Words col_category{"Walk", "巡查类别"};
inline constexpr Words col_problem{"Problem type", "问题类型"};
inline constexpr Words col_description{"Description", "问题描述"};
inline constexpr Words col_location{"Location (lon, lat)", "位置（经度，纬度）"};
inline constexpr Words col_unit{"Responsible unit", "责任单位"};
inline constexpr Words col_person{"Responsible person", "责任人"};
inline constexpr Words col_deadline{"Deadline", "整改期限"};
inline constexpr Words col_status{"Status", "状态"};
inline constexpr Words col_measures{"Measures taken", "整改措施"};
inline constexpr Words col_acceptance{"Acceptance note", "验收意见"};
inline constexpr Words col_lookback{"Look-back due", "回头看日期"};
// The lines under the forms: who signs, and when.
inline constexpr Words village_head{"Village head", "村主任"};
inline constexpr Words station_chief{"Station chief", "站所长"};
inline constexpr Words party_secretary{"Village party secretary", "村支书"};
inline constexpr Words signature{"signature", "签字"};
inline constexpr Words sign_date{"Date:      /      /", "日期：    年    月    日"};
inline constexpr Words campaign_label{"Campaign", "活动"};
inline constexpr Words date_label{"Date", "日期"};
inline constexpr Words village_code_label{"Code", "村代码"};
inline constexpr Words count_label{"Issues", "问题数"};
inline constexpr Words no_issues{"No issues.", "无问题。"};
// A status the core table does not know yet (the register's `withdrawn`).
inline constexpr Words status_withdrawn{"Withdrawn", "已撤销"};

// The report's register page (report_register.hpp).
inline constexpr Words report_register{"Rectification register", "整改台账"};
inline constexpr Words register_by_status{"Issues by status", "问题状态"};
inline constexpr Words register_by_village{"Register by village", "整改台账：分村"};
inline constexpr Words register_by_unit{"Register by responsible unit", "整改台账：分责任单位"};
inline constexpr Words register_phases{"Register by campaign phase", "整改台账：分阶段"};
inline constexpr Words register_chart{"Issues by village and status", "分村问题状态"};
inline constexpr Words total{"Total", "合计"};
inline constexpr Words unit{"Unit", "责任单位"};
inline constexpr Words phase{"Phase", "阶段"};
inline constexpr Words from_date{"From", "起"};
inline constexpr Words to_date{"To", "止"};
inline constexpr Words deadlines_in_phase{"Deadlines in phase", "期限在本阶段"};
inline constexpr Words rectified_by_deadline{"Rectified by deadline", "按期整改"};
inline constexpr Words median_found_to_rectified{"Median days found → rectified", "发现至整改（中位天数）"};
inline constexpr Words median_rectified_to_accepted{"Median days rectified → accepted", "整改至验收（中位天数）"};
inline constexpr Words lookback_due{"Look-backs due", "应回头看"};
inline constexpr Words lookback_done{"Look-backs done", "已回头看"};
inline constexpr Words none_yet{"none yet", "暂无"};
inline constexpr Words villages_left_out{"villages more in summary.json", "个村见 summary.json"};

}  // namespace geo::render::words

#pragma once
// The words of the report's "what a leader asks next" pages (report_leaders.hpp), in English and Chinese. Kept
// beside words.hpp rather than in it so that its tables stay one concern per file.
#include "libgeo/render/words.hpp"

namespace geo::render::words {

inline constexpr Words report_walkers{"Who walked what", "巡查人员工作量"};
inline constexpr Words report_weeks{"Week by week", "分周进展"};
inline constexpr Words report_problems{"Problems by village, walk and type", "分村分类问题"};
inline constexpr Words report_responsible{"Overdue by responsible person", "责任人逾期情况"};
inline constexpr Words walker{"Walker", "巡查人"};
inline constexpr Words track_pieces{"Tracks", "轨迹段数"};
inline constexpr Words km_walked{"km walked", "巡查里程（公里）"};
inline constexpr Words days_out{"Days out", "出勤天数"};
inline constexpr Words villages_visited{"Villages visited", "到访村数"};
inline constexpr Words dead_corners_left{"Dead corners left there", "所到村剩余死角"};
inline constexpr Words dead_corner_km{"Dead corner km", "死角长度（公里）"};
inline constexpr Words week{"Week", "周次"};
inline constexpr Words week_from{"Monday", "起始日（周一）"};
inline constexpr Words no_date{"no date", "无日期"};
inline constexpr Words outside_villages{"outside villages", "村界外"};
inline constexpr Words problem_types{"Problem types (most first)", "问题类型（按数量）"};
inline constexpr Words more{"more", "其他"};
inline constexpr Words open_issues{"Open", "未整改"};
inline constexpr Words responsible{"Responsible", "责任人"};
inline constexpr Words nobody{"(nobody named)", "（未填写）"};
inline constexpr Words most_days_overdue{"Longest overdue (days)", "最长逾期（天）"};
inline constexpr Words note_walkers{
    "Walker: the walker the track names, else the track name less its date and #number. km walked: length of the cleaned tracks. Days out: "
    "local dates with a walked GPS fix. Villages visited: villages whose land a track of the walker enters. Dead "
    "corners left there: dead corners in those villages (a village two walkers visited counts for both).",
    "巡查人：轨迹记录的巡查人，无则为轨迹名称（去掉日期和 #编号）。巡查里程：清洗后轨迹长度。出勤天数：有定位记录的本地日期数。到访村：轨迹进入其村域的村。"
    "所到村剩余死角：这些村内的死角（两人都到过的村，两人各计一次）。"};
inline constexpr Words note_weeks{
    "ISO weeks (Monday to Sunday) in the campaign's local time. Walking counts in the week it was walked; issues in "
    "the week of their found, rectified and accepted dates. Rectified or accepted issues without the date of it, "
    "and walks or issues without any date, are in the \"no date\" row, so each column adds up to the headline total.",
    "按 ISO 周（周一至周日，活动所在时区）统计。里程计入巡查所在周；问题按发现、整改、验收日期计入各周。"
    "无日期的轨迹、问题及无整改或验收日期的已整改、已验收问题计入“无日期”行，各列合计与首页总数一致。"};
inline constexpr Words note_problems{
    "One row per village and walk; the problem types with their counts. Open: no rectification recorded. Overdue: "
    "deadline passed by the campaign's last record and no rectification recorded. Every combination is listed in "
    "summary.json (leaders.problems).",
    "每村每类巡查一行，列出问题类型及数量。未整改：无整改记录。逾期：截至活动最后一条记录已过整改期限且未整改。"
    "完整的村 × 类别 × 问题类型统计见 summary.json（leaders.problems）。"};
inline constexpr Words note_responsible{
    "Overdue as of the campaign's last record (the same date as the headline figures), most overdue first. Issues "
    "with no responsible person recorded are grouped as \"(nobody named)\".",
    "逾期截至活动最后一条记录（与首页指标同一时点），按逾期数排序。未填写责任人的问题合为“（未填写）”一行。"};

}  // namespace geo::render::words

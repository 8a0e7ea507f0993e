#pragma once
// The printed forms of the register, one table shared by the XLSX, CSV and PDF writers: which columns, in which
// order, with which titles, and the text of each cell (walk and status codes turned into labels). Kept in one place
// so that the three files of a village can never disagree about a column.
#include "libgeo/register/transfer_list.hpp"
#include "libgeo/render/words.hpp"

#include <string>
#include <vector>

namespace geo::reg {

using render::Lang;
using render::Words;

enum class Form {
    transfer_list,  // 问题交办清单: the day's issues
    register_book,  // 问题台账: every issue up to the day
};

enum class FormField {
    number, issue_id, found_at, found_by, village, category, problem, description, location, unit, person,
    deadline, status, measures, acceptance, lookback,
};

struct FormColumn {
    FormField field;
    Words title;
    int max_chars;  // widest a spreadsheet column grows (East Asian characters count two); longer text wraps
    double pdf_share;  // the column's share of the printed page width
};

// The columns in print order. `with_village`: the CSV keeps the village (files are often concatenated); the
// printed forms name it in the title instead.
std::vector<FormColumn> form_columns(bool with_village);

// The cell's text; `index` is the row's 0-based position (the 序号 column prints index + 1).
std::string cell_text(FormField field, const RegisterRow& row, std::size_t index, Lang lang);

// "Walk" and "status" labels from core/categories; an unknown code is printed as given.
std::string category_label(const std::string& code, Lang lang);
std::string status_label(const std::string& code, Lang lang);

const std::vector<RegisterRow>& form_rows(const VillageRegister& village, Form form);
Words form_name(Form form);
// "东村 问题交办清单" / "East village — Problem transfer list"
std::string form_title(const VillageRegister& village, Form form, Lang lang);
// "活动：… 日期：2017-02-20 村代码：… 问题数：3"
std::string form_subtitle(const VillageRegister& village, Form form, const std::string& campaign, Lang lang);
// The three signature lines, each "村主任（签字）：" and a date blank.
std::vector<std::string> signature_lines(Lang lang);

}  // namespace geo::reg

#include "libgeo/register_export/export_xlsx.hpp"

#include "libgeo/core/display_width.hpp"
#include "libgeo/handles/xlsx.hpp"
#include "libgeo/register_export/form.hpp"
#include "libgeo/render/words_register.hpp"

#include <algorithm>
#include <cmath>

namespace geo::reg {

namespace {

// Rows of a sheet: the title, the subtitle, the column headings (frozen and repeated on every printed page), then
// the issues.
constexpr lxw_row_t title_row = 0, subtitle_row = 1, header_row = 2, first_data_row = 3;
constexpr std::uint8_t paper_a4 = 9;          // libxlsxwriter's paper code
constexpr std::uint8_t charset_gb2312 = 134;  // tells Excel the font is a Chinese one even where it is missing

struct Formats {
    lxw_format* title;
    lxw_format* subtitle;
    lxw_format* header;
    lxw_format* cell;
    lxw_format* centred;
    lxw_format* signature;
};

lxw_format* font_format(lxw_workbook* wb, const XlsxOptions& options, double size)
{
    lxw_format* f = workbook_add_format(wb);
    format_set_font_name(f, options.font.c_str());
    format_set_font_charset(f, charset_gb2312);
    format_set_font_size(f, size);
    return f;
}

Formats make_formats(lxw_workbook* wb, const XlsxOptions& options)
{
    Formats f{};
    f.title = font_format(wb, options, options.font_size + 5.5);
    format_set_bold(f.title);
    format_set_align(f.title, LXW_ALIGN_CENTER);
    format_set_align(f.title, LXW_ALIGN_VERTICAL_CENTER);
    f.subtitle = font_format(wb, options, options.font_size);
    format_set_align(f.subtitle, LXW_ALIGN_VERTICAL_CENTER);
    f.header = font_format(wb, options, options.font_size);
    format_set_bold(f.header);
    format_set_text_wrap(f.header);
    format_set_align(f.header, LXW_ALIGN_CENTER);
    format_set_align(f.header, LXW_ALIGN_VERTICAL_CENTER);
    format_set_border(f.header, LXW_BORDER_THIN);
    format_set_bg_color(f.header, 0xE7ECF2);
    f.cell = font_format(wb, options, options.font_size);
    format_set_text_wrap(f.cell);
    format_set_align(f.cell, LXW_ALIGN_VERTICAL_TOP);
    format_set_border(f.cell, LXW_BORDER_THIN);
    f.centred = font_format(wb, options, options.font_size);
    format_set_align(f.centred, LXW_ALIGN_CENTER);
    format_set_align(f.centred, LXW_ALIGN_VERTICAL_TOP);
    format_set_border(f.centred, LXW_BORDER_THIN);
    f.signature = font_format(wb, options, options.font_size + 1);
    format_set_align(f.signature, LXW_ALIGN_VERTICAL_BOTTOM);
    return f;
}

// Lines the text takes in a column `width` characters wide (its own line breaks kept).
int lines_in(const std::string& text, double width)
{
    int lines = 0;
    std::size_t start = 0;
    const double room = std::max(1.0, width - 1);
    while (true) {
        const std::size_t end = text.find('\n', start);
        const std::string_view line(text.data() + start, (end == std::string::npos ? text.size() : end) - start);
        lines += std::max(1, static_cast<int>(std::ceil(display_width(line) / room)));
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return lines;
}

int widest_line(const std::string& text)
{
    int widest = 0;
    std::size_t start = 0;
    while (true) {
        const std::size_t end = text.find('\n', start);
        widest = std::max(widest, display_width(std::string_view(text).substr(start, end == std::string::npos ? std::string::npos : end - start)));
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return widest;
}

void write_sheet(const XlsxWorkbook& wb, const Formats& f, const VillageRegister& village, Form form,
                 const XlsxOptions& options)
{
    const Lang lang = options.lang;
    const std::string name(form_name(form)(lang));
    lxw_worksheet* ws = workbook_add_worksheet(wb.get(), name.c_str());
    if (!ws) throw OutputError("cannot add the sheet " + name);
    const std::vector<FormColumn> columns = form_columns(false);
    const auto last_col = static_cast<lxw_col_t>(columns.size() - 1);
    const std::vector<RegisterRow>& rows = form_rows(village, form);

    // The text of every cell first: the column widths and row heights follow from it.
    std::vector<std::vector<std::string>> cells(rows.size());
    std::vector<double> widths(columns.size());
    for (std::size_t c = 0; c < columns.size(); ++c) {
        int widest = std::min(display_width(columns[c].title(lang)), 12);
        for (std::size_t r = 0; r < rows.size(); ++r) {
            if (c == 0) cells[r].reserve(columns.size());
            cells[r].push_back(cell_text(columns[c].field, rows[r], r, lang));
            widest = std::max(widest, widest_line(cells[r].back()));
        }
        widths[c] = std::clamp(widest + 2, 6, columns[c].max_chars + 2);
        wb.check(worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths[c], nullptr),
                 "cannot set a column width");
    }
    const double line_height = options.font_size * 1.3 + 1.5;  // points: CJK glyphs stand taller than Latin ones

    wb.check(worksheet_merge_range(ws, title_row, 0, title_row, last_col, form_title(village, form, lang).c_str(), f.title),
             "cannot write the title");
    wb.check(worksheet_set_row(ws, title_row, (options.font_size + 5.5) * 1.8, nullptr), "cannot set a row height");
    wb.check(worksheet_merge_range(ws, subtitle_row, 0, subtitle_row, last_col,
                                   form_subtitle(village, form, options.campaign, lang).c_str(), f.subtitle),
             "cannot write the subtitle");
    int header_lines = 1;
    for (std::size_t c = 0; c < columns.size(); ++c) {
        const std::string title(columns[c].title(lang));
        wb.check(worksheet_write_string(ws, header_row, static_cast<lxw_col_t>(c), title.c_str(), f.header),
                 "cannot write a heading");
        header_lines = std::max(header_lines, lines_in(title, widths[c]));
    }
    wb.check(worksheet_set_row(ws, header_row, header_lines * line_height + 4, nullptr), "cannot set a row height");

    lxw_row_t row = first_data_row;
    for (std::size_t r = 0; r < rows.size(); ++r, ++row) {
        int lines = 1;
        for (std::size_t c = 0; c < columns.size(); ++c) {
            const auto col = static_cast<lxw_col_t>(c);
            if (columns[c].field == FormField::number)
                wb.check(worksheet_write_number(ws, row, col, static_cast<double>(r + 1), f.centred), "cannot write a cell");
            else
                wb.check(worksheet_write_string(ws, row, col, cells[r][c].c_str(), f.cell), "cannot write a cell");
            lines = std::max(lines, lines_in(cells[r][c], widths[c]));
        }
        // Set, not left to the spreadsheet: programs differ in whether they grow a wrapped row on opening, and the
        // printed page count should not depend on which one prints it.
        wb.check(worksheet_set_row(ws, row, lines * line_height + 3, nullptr), "cannot set a row height");
    }
    if (rows.empty()) {
        wb.check(worksheet_merge_range(ws, row, 0, row, last_col, std::string(render::words::no_issues(lang)).c_str(), f.cell),
                 "cannot write a cell");
        ++row;
    }

    // The signature lines: a blank row, then three blocks side by side, each over a third of the columns, tall
    // enough to sign in.
    row += 1;
    const std::vector<std::string> lines = signature_lines(lang);
    const lxw_col_t per_block = (last_col + 1) / 3;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const auto from = static_cast<lxw_col_t>(i * per_block);
        const auto to = i + 1 == lines.size() ? last_col : static_cast<lxw_col_t>(from + per_block - 1);
        wb.check(worksheet_merge_range(ws, row, from, row, to, lines[i].c_str(), f.signature),
                 "cannot write a signature line");
    }
    wb.check(worksheet_set_row(ws, row, line_height * 2.5, nullptr), "cannot set a row height");

    worksheet_freeze_panes(ws, first_data_row, 0);
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, paper_a4);
    worksheet_set_margins(ws, 0.4, 0.4, 0.5, 0.6);
    worksheet_center_horizontally(ws);
    worksheet_fit_to_pages(ws, 1, 0);  // one page wide, as many tall as it takes
    wb.check(worksheet_repeat_rows(ws, title_row, header_row), "cannot set the print titles");
    const std::string footer = lang == Lang::zh ? "&C第 &P 页，共 &N 页" : "&CPage &P of &N";
    wb.check(worksheet_set_footer(ws, footer.c_str()), "cannot set the page footer");
}

}  // namespace

void write_village_xlsx(const VillageRegister& village, const std::filesystem::path& file, const XlsxOptions& options)
{
    XlsxWorkbook wb(file);
    const Formats formats = make_formats(wb.get(), options);
    write_sheet(wb, formats, village, Form::transfer_list, options);
    write_sheet(wb, formats, village, Form::register_book, options);
    wb.close();
}

}  // namespace geo::reg

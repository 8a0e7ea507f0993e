#pragma once
// One village's workbook for printing: sheet 交办清单 (the day's transfer list) and sheet 问题台账 (the register up to
// the day), each with a title (village, campaign, date), a frozen header row, columns as wide as their text (Chinese
// counted double, long text wrapped), a Chinese font, A4 landscape fitted to the page width with the title and
// header repeated on every printed page, and the three signature lines under the table. libxlsxwriter writes it:
// GDAL's XLSX driver writes cells but no formatting.
#include "libgeo/register/transfer_list.hpp"
#include "libgeo/render/words.hpp"

#include <filesystem>
#include <string>

namespace geo::reg {

struct XlsxOptions {
    render::Lang lang = render::Lang::zh;
    std::string campaign;  // printed in the subtitle
    // 宋体 (SimSun) is on every Chinese Windows and WPS install, where these sheets are printed; elsewhere the
    // spreadsheet program substitutes a CJK font of its own.
    std::string font = "宋体";
    double font_size = 10.5;  // 五号
};

// Writes `file` whole (callers write into an output transaction's staging folder). Throws geo::OutputError.
void write_village_xlsx(const VillageRegister& village, const std::filesystem::path& file, const XlsxOptions& options);

}  // namespace geo::reg

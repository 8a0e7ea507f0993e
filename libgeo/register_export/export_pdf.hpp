#pragma once
// The day's forms of many villages as one PDF to print (A4 landscape): each village starts on a page of its own with
// its title (village, form, campaign, date), the table (long text wrapped, rows as tall as they need; a village
// whose rows overflow continues on further pages, each with the column headings again) and, at the foot of every
// page, the three signature lines (village head, station chief, village party secretary) with date blanks: whichever
// page is torn off, it can be signed. Drawn with the report's Cairo/Pango code (render/document, text,
// report_layout).
#include "libgeo/core/progress.hpp"
#include "libgeo/register_export/form.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace geo::reg {

struct PdfOptions {
    Lang lang = Lang::zh;
    std::string campaign;
    Form form = Form::transfer_list;
};

// Writes `file` (callers write into an output transaction's staging folder: the PDF grows page by page) and
// returns its page count. Throws geo::OutputError.
int write_register_pdf(const std::vector<VillageRegister>& villages, const std::filesystem::path& file,
                       const PdfOptions& options, const Progress& progress = {});

}  // namespace geo::reg

#include "libgeo/register_export/export_all.hpp"

#include "libgeo/core/memory.hpp"
#include "libgeo/export/atomic_output.hpp"
#include "libgeo/register_export/export_csv.hpp"
#include "libgeo/register_export/export_pdf.hpp"
#include "libgeo/register_export/export_xlsx.hpp"
#include "libgeo/register_export/file_names.hpp"

namespace geo::reg {

namespace fs = std::filesystem;

ExportResult export_registers(const std::vector<VillageRegister>& villages, const fs::path& dir,
                              const ExportOptions& options, Progress progress)
{
    const std::string day = villages.empty() ? std::string() : villages.front().day;
    for (const auto& v : villages)
        if (v.day != day)
            throw UsageError("the villages' forms are of different days (" + day + ", " + v.day + ")", {},
                             "export one day at a time (--day YYYY-MM-DD)");
    const Lang lang = options.lang;
    const std::string day_stem = safe_file_name(day, 40);
    const std::vector<std::string> stems = village_file_stems(villages);
    const std::string of_day(form_name(Form::transfer_list)(lang)), cumulative(form_name(Form::register_book)(lang));
    const auto with_underscores = [](std::string text) {
        for (auto& ch : text) ch = ch == ' ' ? '_' : ch;
        return text;
    };

    // libxlsxwriter deflates each part of a workbook (about 15 a file) with a zlib stream of its own, whose ~260 KB
    // of buffers are freed at the top of the heap; with glibc's defaults that memory goes back to the kernel and the
    // next stream faults it in and zeroes it again: measured, 45% of the time of 1,200 workbooks. The CLI keeps freed
    // blocks from its start; a library caller exporting workbooks gets the same (a process-wide setting).
    if (options.xlsx) memory::keep_freed_blocks();
    output::OutputTransaction out(dir);
    const fs::path& staging = out.staging();
    ExportResult result;
    // Shares of the progress bar, as measured on 1,200 villages: the PDF takes about half of the time.
    const double spreadsheet_share = options.pdf ? 0.5 : 1.0;
    if (options.xlsx) fs::create_directories(staging / "xlsx");
    if (options.csv) fs::create_directories(staging / "csv");
    const XlsxOptions xlsx{.lang = lang, .campaign = options.campaign};
    for (std::size_t i = 0; i < villages.size(); ++i) {
        progress(spreadsheet_share * static_cast<double>(i) / static_cast<double>(villages.size()),
                 "writing the villages' spreadsheets");
        const std::string stem = stems[i] + "_" + day_stem;
        if (options.xlsx) {
            const fs::path rel = fs::path("xlsx") / (stem + ".xlsx");
            write_village_xlsx(villages[i], staging / rel, xlsx);
            result.files.push_back(rel);
        }
        if (options.csv)
            for (const auto& [form, name] : {std::pair{Form::transfer_list, of_day}, std::pair{Form::register_book, cumulative}}) {
                const fs::path rel = fs::path("csv") / (stem + "_" + with_underscores(name) + ".csv");
                write_village_csv(villages[i], form, staging / rel, lang);
                result.files.push_back(rel);
            }
    }
    if (options.pdf) {
        const fs::path rel = day_stem + "_" + with_underscores(of_day) + ".pdf";
        SubProgress part{progress.fn, progress.data, spreadsheet_share, 1.0};
        result.pdf_pages = write_register_pdf(villages, staging / rel, {.lang = lang, .campaign = options.campaign},
                                              Progress{&SubProgress::callback, &part, progress.task});
        result.files.push_back(rel);
    }
    progress(1, "putting the forms in place");
    out.commit();
    return result;
}

}  // namespace geo::reg

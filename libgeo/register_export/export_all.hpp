#pragma once
// `geowalk register export`: a day's forms of every village into one folder, as one set (written into a staging
// folder and put in place at once: export/atomic_output.hpp), so a printer never picks up half a day:
//   DIR/<day>_问题交办清单.pdf                 every village's transfer list of the day, a page (or more) each
//   DIR/xlsx/<village>_<day>.xlsx             two sheets: 交办清单 and 问题台账
//   DIR/csv/<village>_<day>_问题交办清单.csv   and <village>_<day>_问题台账.csv (UTF-8 with BOM)
// (English names with --lang en.) Other files in DIR (earlier days' exports) are kept.
#include "libgeo/core/progress.hpp"
#include "libgeo/register_export/form.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace geo::reg {

struct ExportOptions {
    Lang lang = Lang::zh;
    std::string campaign;  // printed under each title
    bool xlsx = true, csv = true, pdf = true;
};

struct ExportResult {
    std::vector<std::filesystem::path> files;  // relative to the folder, in writing order
    int pdf_pages = 0;
};

// Throws geo::UsageError when the villages are of different days, geo::OutputError when a file cannot be written
// (the folder is then left as it was).
ExportResult export_registers(const std::vector<VillageRegister>& villages, const std::filesystem::path& dir,
                              const ExportOptions& options, Progress progress = {});

}  // namespace geo::reg

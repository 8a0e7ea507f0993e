#pragma once
// One form of one village as CSV for Excel: UTF-8 with a byte-order mark (without it Excel on a Chinese Windows
// reads UTF-8 as GBK and shows mojibake), CRLF line ends, and fields quoted where they hold a comma, a quote or a
// line break. Written by GDAL's CSV driver (its WRITE_BOM and STRING_QUOTING layer options do all of that).
#include "libgeo/register_export/form.hpp"

#include <filesystem>

namespace geo::reg {

// Writes `file` (must end in .csv; callers write into an output transaction's staging folder). The columns are the
// printed forms' plus the village. Throws geo::OutputError.
void write_village_csv(const VillageRegister& village, Form form, const std::filesystem::path& file, Lang lang);

}  // namespace geo::reg

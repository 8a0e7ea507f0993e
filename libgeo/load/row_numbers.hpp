#pragma once
// Names a feature the way the user finds it in the file they edit: the line of a CSV file (header on line 1), the
// row of a spreadsheet (header on row 1), else OGR's feature id. A rejects row that says "line 214" can be fixed in
// a text editor or Excel; "feature 212" sends the planner counting.
#include "libgeo/load/source.hpp"

#include <optional>
#include <string>
#include <vector>

namespace geo::load {

class RowNumbers {
public:
    RowNumbers() = default;
    explicit RowNumbers(const OpenedLayer& layer);

    // "line 7", "row 3" or "feature 12".
    [[nodiscard]] std::string describe(long long fid) const;

    // CSV only: the line on which each record starts (index 0 is the first record, the header when there is one),
    // scanned from the text as GDAL's CSV reader splits it: a quoted field may span lines, and empty lines are
    // skipped without taking a feature id. Exposed for tests.
    static std::vector<long long> record_lines(const std::string& text);

private:
    enum class Kind { feature, csv_line, sheet_row };
    Kind m_kind = Kind::feature;
    long long m_first_fid_record = 1;  // CSV: the record index of feature id 1 (1 after a header, else 0)
    std::string m_path;                // CSV: the file, scanned when the first row is named (most files have none)
    mutable std::optional<std::vector<long long>> m_lines;  // CSV: record_lines() of the file
};

}  // namespace geo::load

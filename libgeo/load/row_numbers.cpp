#include "libgeo/load/row_numbers.hpp"

#include "libgeo/handles/cpl.hpp"

#include <cpl_string.h>

#include <limits>

namespace geo::load {

RowNumbers::RowNumbers(const OpenedLayer& layer)
{
    const char* driver = layer.dataset->GetDriver()->GetDescription();
    if (EQUAL(driver, "XLSX") || EQUAL(driver, "ODS")) {
        // GDAL 3.6 numbers spreadsheet features by their row (the header is row 1, empty rows keep their number).
        m_kind = Kind::sheet_row;
        return;
    }
    if (!EQUAL(driver, "CSV")) return;
    m_kind = Kind::csv_line;
    m_path = layer.path.string();
    // Without a header GDAL names the fields field_1, field_2, ... and the first record is feature 1.
    const OGRFeatureDefn* defn = layer.layer->GetLayerDefn();
    const bool header = !(defn->GetFieldCount() > 0 && EQUAL(defn->GetFieldDefn(0)->GetNameRef(), "field_1"));
    m_first_fid_record = header ? 1 : 0;
}

std::vector<long long> RowNumbers::record_lines(const std::string& text)
{
    std::vector<long long> out;
    long long line = 1;
    long long start = 1;
    bool quoted = false;
    bool empty = true;  // the record so far holds nothing but a carriage return
    for (std::size_t i = 0; i <= text.size(); ++i) {
        const char ch = i < text.size() ? text[i] : '\n';
        const bool at_end = i == text.size();
        if (ch == '"') quoted = !quoted;  // "" inside a quoted field toggles twice, as GDAL's splitter does
        if (ch == '\n' && (!quoted || at_end)) {
            if (!empty) out.push_back(start);
            quoted = false;
            empty = true;
            start = ++line;
            continue;
        }
        if (ch == '\n') ++line;
        if (ch != '\r') empty = false;
    }
    return out;
}

std::string RowNumbers::describe(long long fid) const
{
    switch (m_kind) {
    case Kind::sheet_row: return "row " + std::to_string(fid);
    case Kind::csv_line: {
        if (!m_lines) {
            // The file's own bytes, not a GBK file's UTF-8 copy: GBK's second bytes are never '"', '\n' or '\r',
            // so the lines are the same, and the copy may be gone when a row is named after the file was read.
            const auto text = read_vsi_file(m_path, std::numeric_limits<std::size_t>::max());
            m_lines = text ? record_lines(*text) : std::vector<long long>{};
        }
        const long long record = fid - 1 + m_first_fid_record;
        if (fid >= 1 && record < static_cast<long long>(m_lines->size()))
            return "line " + std::to_string((*m_lines)[static_cast<std::size_t>(record)]);
        break;
    }
    case Kind::feature: break;
    }
    return "feature " + std::to_string(fid);
}

}  // namespace geo::load

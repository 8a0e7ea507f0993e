#include "text_table.hpp"

#include "libgeo/core/display_width.hpp"

#include <algorithm>
#include <cctype>

namespace geowalk {

int display_width(const std::string& s) { return geo::display_width(s); }

TextTable::TextTable(std::vector<std::string> header) { m_rows.push_back(std::move(header)); }

void TextTable::add(std::vector<std::string> row) { m_rows.push_back(std::move(row)); }

std::string TextTable::render() const
{
    std::vector<int> widths;
    for (const auto& row : m_rows) {
        widths.resize(std::max(widths.size(), row.size()), 0);
        for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], display_width(row[i]));
    }
    std::string out;
    for (std::size_t r = 0; r < m_rows.size(); ++r) {
        const auto& row = m_rows[r];
        for (std::size_t i = 0; i < row.size(); ++i) {
            const std::string pad(static_cast<std::size_t>(widths[i] - display_width(row[i])), ' ');
            const bool numeric = r > 0 && !row[i].empty() && (std::isdigit(static_cast<unsigned char>(row[i][0])) || row[i][0] == '-');
            out += i ? "  " : "";
            out += numeric ? pad + row[i] : row[i] + (i + 1 < row.size() ? pad : "");
        }
        out += '\n';
        if (r == 0) {
            for (std::size_t i = 0; i < widths.size(); ++i)
                out += (i ? "  " : "") + std::string(static_cast<std::size_t>(widths[i]), '-');
            out += '\n';
        }
    }
    return out;
}

}  // namespace geowalk

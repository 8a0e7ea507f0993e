#include "text_table.hpp"

#include <algorithm>
#include <cctype>

namespace geowalk {

int display_width(const std::string& s)
{
    int width = 0;
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        unsigned cp = c;
        if (len == 3 && i + 2 < s.size())
            cp = ((c & 0x0Fu) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 6) |
                 (static_cast<unsigned char>(s[i + 2]) & 0x3Fu);
        // CJK, Hangul, full-width forms and CJK punctuation occupy two terminal cells.
        const bool wide = len == 3 && ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                                       (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                                       (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                                       (cp >= 0xFFE0 && cp <= 0xFFE6));
        width += wide || len == 4 ? 2 : 1;
        i += len;
    }
    return width;
}

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

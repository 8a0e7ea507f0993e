#pragma once
// Plain-text tables for the terminal; Chinese characters take two columns.
#include <string>
#include <vector>

namespace geowalk {

// Terminal columns of UTF-8 text (East Asian wide characters count two).
int display_width(const std::string& utf8);

class TextTable {
public:
    explicit TextTable(std::vector<std::string> header);
    void add(std::vector<std::string> row);
    [[nodiscard]] std::string render() const;  // numbers (rows' cells that start with a digit) right-aligned

private:
    std::vector<std::vector<std::string>> m_rows;
};

}  // namespace geowalk

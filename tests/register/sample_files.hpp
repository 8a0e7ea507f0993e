#pragma once
// The sample town's campaign and issue register copied into a temporary folder, and CSV text edits for the import
// tests (the sample's first eleven columns never hold a quoted comma; only 备注, the last, does).
#include "support.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace geo::test {

inline void copy_sample_register_inputs(const std::filesystem::path& to)
{
    for (const char* name : {"campaign.toml", "town.gpkg", "issues.csv"})
        std::filesystem::copy_file(source_dir() / "data/sample" / name, to / name,
                                   std::filesystem::copy_options::overwrite_existing);
}

inline std::vector<std::string> text_lines(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    std::vector<std::string> out;
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

inline void write_lines(const std::filesystem::path& file, const std::vector<std::string>& lines)
{
    std::string text;
    for (const auto& l : lines) text += l + "\n";
    write_text(file, text);
}

// Cell `column` (0-based, among the first eleven) of a line, and the line with it replaced.
inline std::string cell(const std::string& line, int column)
{
    std::size_t start = 0;
    for (int i = 0; i < column; ++i) start = line.find(',', start) + 1;
    return line.substr(start, line.find(',', start) - start);
}
inline std::string with_cell(const std::string& line, int column, const std::string& value)
{
    std::size_t start = 0;
    for (int i = 0; i < column; ++i) start = line.find(',', start) + 1;
    return line.substr(0, start) + value + line.substr(line.find(',', start));
}

}  // namespace geo::test

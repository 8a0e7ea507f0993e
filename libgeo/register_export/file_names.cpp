#include "libgeo/register_export/file_names.hpp"

#include <array>
#include <map>

namespace geo::reg {

namespace {

std::string ascii_lower(std::string_view text)
{
    std::string out(text);
    for (auto& ch : out) ch = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
    return out;
}

bool reserved_on_windows(std::string_view name)
{
    // The device name counts up to the first dot: "con.xlsx" opens the console on Windows.
    const std::string stem = ascii_lower(name.substr(0, name.find('.')));
    static constexpr std::array<std::string_view, 4> devices{"con", "prn", "aux", "nul"};
    for (const auto d : devices)
        if (stem == d) return true;
    return stem.size() == 4 && (stem.starts_with("com") || stem.starts_with("lpt")) && stem[3] >= '1' && stem[3] <= '9';
}

}  // namespace

std::string safe_file_name(std::string_view name, std::size_t max_bytes)
{
    std::string out;
    out.reserve(name.size());
    for (const char ch : name) {
        const auto c = static_cast<unsigned char>(ch);
        const bool forbidden = c < 0x20 || c == 0x7F || std::string_view("<>:\"/\\|?*").find(ch) != std::string_view::npos;
        out += forbidden ? '_' : ch;
    }
    // Cut at a character boundary (never inside a UTF-8 sequence: a continuation byte is 10xxxxxx).
    if (out.size() > max_bytes) {
        std::size_t cut = max_bytes;
        while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0u) == 0x80u) --cut;
        out.resize(cut);
    }
    while (!out.empty() && (out.back() == '.' || out.back() == ' ')) out.pop_back();
    while (!out.empty() && out.front() == ' ') out.erase(out.begin());
    if (out.empty()) return "_";
    if (reserved_on_windows(out)) out.insert(out.begin(), '_');
    return out;
}

std::vector<std::string> village_file_stems(const std::vector<VillageRegister>& villages)
{
    std::vector<std::string> stems;
    stems.reserve(villages.size());
    std::map<std::string, int> seen;  // lower-cased stem -> how often
    for (const auto& v : villages) ++seen[ascii_lower(safe_file_name(v.village))];
    std::map<std::string, int> taken;
    for (const auto& v : villages) {
        std::string stem = safe_file_name(v.village);
        if (seen[ascii_lower(stem)] > 1 && !v.village_code.empty())
            stem = safe_file_name(v.village + "_" + v.village_code, 100);
        // Still taken (no code, or the same code twice): number the later ones, in the villages' order.
        std::string unique = stem;
        for (int n = 2; taken.count(ascii_lower(unique)); ++n) unique = stem + "_" + std::to_string(n);
        taken[ascii_lower(unique)] = 1;
        stems.push_back(unique);
    }
    return stems;
}

}  // namespace geo::reg

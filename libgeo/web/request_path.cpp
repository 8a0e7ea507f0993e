#include "libgeo/web/request_path.hpp"

#include <algorithm>
#include <optional>
#include <string>

namespace geo::web {

namespace {

int hex_value(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// The segment with %XX decoded; nullopt for a malformed escape or a decoded separator, NUL or control byte.
std::optional<std::string> decode_segment(std::string_view segment)
{
    std::string out;
    for (std::size_t i = 0; i < segment.size(); ++i) {
        char c = segment[i];
        if (c == '%') {
            if (i + 2 >= segment.size()) return std::nullopt;
            const int hi = hex_value(segment[i + 1]), lo = hex_value(segment[i + 2]);
            if (hi < 0 || lo < 0) return std::nullopt;
            c = static_cast<char>(hi * 16 + lo);
            i += 2;
        }
        if (c == '/' || c == '\\' || static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return std::nullopt;
        out.push_back(c);
    }
    return out;
}

}  // namespace

ResolvedPath resolve_request_path(const std::filesystem::path& root, std::string_view target)
{
    if (target.empty() || target.front() != '/') return {PathVerdict::forbidden, {}};
    std::filesystem::path relative;
    std::string_view rest = target.substr(1);
    if (rest.empty()) rest = "index.html";
    while (true) {
        const auto slash = rest.find('/');
        const std::string_view raw = rest.substr(0, slash);
        const auto segment = decode_segment(raw);
        if (!segment || segment->empty() || *segment == "." || *segment == "..") return {PathVerdict::forbidden, {}};
        relative /= *segment;
        if (slash == std::string_view::npos) break;
        rest = rest.substr(slash + 1);
    }
    std::error_code ec;
    const std::filesystem::path file = std::filesystem::canonical(root / relative, ec);
    if (ec) return {PathVerdict::missing, {}};
    // A symlink inside the folder may point out of it: the real path must still be under the root.
    const auto [root_end, file_it] = std::mismatch(root.begin(), root.end(), file.begin(), file.end());
    if (root_end != root.end()) return {PathVerdict::forbidden, {}};
    if (!std::filesystem::is_regular_file(file, ec)) return {PathVerdict::missing, {}};
    return {PathVerdict::file, file};
}

}  // namespace geo::web

#include "libgeo/core/display_width.hpp"

#include <cstddef>

namespace geo {

int display_width(std::string_view s)
{
    int width = 0;
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        unsigned cp = c;
        if (len == 3 && i + 2 < s.size())
            cp = ((c & 0x0Fu) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 6) |
                 (static_cast<unsigned char>(s[i + 2]) & 0x3Fu);
        // CJK, Hangul, full-width forms and CJK punctuation occupy two cells; so do the supplementary planes'
        // ideographs (every four-byte sequence, emoji included).
        const bool wide = len == 3 && ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                                       (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                                       (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                                       (cp >= 0xFFE0 && cp <= 0xFFE6));
        width += wide || len == 4 ? 2 : 1;
        i += len;
    }
    return width;
}

}  // namespace geo

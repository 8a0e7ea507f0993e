#pragma once
// The font the web map's Chinese text is drawn in, inside the folder: a tablet without Chinese fonts, or a browser
// told to use no system fonts, still shows 村 and 死角. Noto Sans CJK SC (Debian fonts-noto-cjk) holds some 65,000
// glyphs (16 MB); HarfBuzz's subsetter keeps only the characters the page can show (its words, the legend, the
// village names), about 100 kB. Chromium refuses fonts from file:// URLs (CORS), so the font travels as a data:
// URL inside a style sheet.
#include <filesystem>
#include <string>

namespace geo::web {

// The Noto Sans CJK collection and the index of its Simplified Chinese face.
struct FontSource {
    std::filesystem::path file = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
    unsigned face = 2;  // JP, KR, SC, TC, HK in the collection's order
};

// Writes `css` with an @font-face "GeowalkCJK" holding the glyphs of every character of `text` (and ASCII).
// Returns the font's size in bytes. Throws geo::OutputError naming the font when it is missing or cannot be
// subset, with the package that provides it.
std::size_t write_font_css(const std::string& text, const std::filesystem::path& css, const FontSource& source = {});

}  // namespace geo::web

#pragma once
// How wide UTF-8 text shows in a fixed-width grid: a terminal's columns, a spreadsheet's character widths. East
// Asian wide characters (CJK, Hangul, full-width forms and punctuation) take two cells, everything else one.
#include <string_view>

namespace geo {

int display_width(std::string_view utf8);

}  // namespace geo

#include "libgeo/render/words.hpp"

#include "libgeo/core/categories.hpp"

#include <string>

namespace geo::render {

std::optional<Lang> parse_lang(std::string_view text)
{
    std::string t(trim(text));
    for (auto& ch : t) ch = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
    if (t == "en" || t == "english" || t == "en-us" || t == "en-gb") return Lang::en;
    if (t == "zh" || t == "zh-cn" || t == "zh-hans" || t == "cn" || t == "chinese" || t == "中文") return Lang::zh;
    return std::nullopt;
}

}  // namespace geo::render

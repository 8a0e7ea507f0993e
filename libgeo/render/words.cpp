#include "libgeo/render/words.hpp"

#include "libgeo/export/contract.hpp"
#include "libgeo/qgis/layer_names.hpp"
#include "libgeo/core/categories.hpp"

#include <array>
#include <string>
#include <utility>

namespace geo::render {

std::optional<Lang> parse_lang(std::string_view text)
{
    std::string t(trim(text));
    for (auto& ch : t) ch = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
    if (t == "en" || t == "english" || t == "en-us" || t == "en-gb") return Lang::en;
    if (t == "zh" || t == "zh-cn" || t == "zh-hans" || t == "cn" || t == "chinese" || t == "中文") return Lang::zh;
    return std::nullopt;
}

std::string crs_name_text(std::string_view name, Lang lang)
{
    std::string out(name);
    if (lang != Lang::zh) return out;
    // The zone or meridian is the rest of the name after the phrase.
    const auto rewrite = [&out](std::string_view phrase, std::string_view before, std::string_view after) {
        const auto at = out.find(phrase);
        if (at == std::string::npos) return false;
        out.replace(at, phrase.size(), before);
        out += after;
        return true;
    };
    if (rewrite("3-degree Gauss-Kruger CM ", "3度带高斯-克吕格投影 中央经线 ", "")) {
        // "114E" -> "114°E"
        if (!out.empty() && (out.back() == 'E' || out.back() == 'W')) out.insert(out.size() - 1, "°");
        return out;
    }
    if (rewrite("3-degree Gauss-Kruger zone ", "3度带高斯-克吕格投影 第 ", " 带")) return out;
    if (rewrite("Gauss-Kruger CM ", "6度带高斯-克吕格投影 中央经线 ", "")) {
        if (!out.empty() && (out.back() == 'E' || out.back() == 'W')) out.insert(out.size() - 1, "°");
        return out;
    }
    if (rewrite("Gauss-Kruger zone ", "6度带高斯-克吕格投影 第 ", " 带")) return out;
    rewrite("UTM zone ", "UTM 投影 第 ", " 带");
    return out;
}

Words layer_title(std::string_view layer)
{
    // One table of layer names, shared with the QGIS project (qgis/layer_names.hpp). The file names of the rasters
    // ("density.tif") are the maps' layer keys.
    std::string_view key = layer;
    if (key.ends_with(".tif")) key.remove_suffix(4);
    const qgis::LayerName name = qgis::layer_name(key);
    if (name.en == key) return {layer, layer};
    return {name.en, name.zh};
}

}  // namespace geo::render

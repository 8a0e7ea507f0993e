#pragma once
// Which language people get when nobody said: Chinese when most village names are Chinese — a town whose villages
// are called 甘峻村 reads its maps in Chinese; one whose names are in Latin letters does not.
#include "libgeo/render/words.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace geo::render {

// True when the UTF-8 text holds a CJK ideograph (the unified blocks, their extensions A-F and compatibility forms).
bool has_cjk(std::string_view utf8);

// zh when more than half of the non-empty names hold a CJK ideograph, else en (no names: en).
Lang default_lang(const std::vector<std::string>& village_names);

// The same for the villages of an output folder (its geowalk.gpkg); en when it has none.
Lang default_lang(const std::filesystem::path& out_dir);

}  // namespace geo::render

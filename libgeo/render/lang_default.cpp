#include "libgeo/render/lang_default.hpp"

#include "libgeo/export/contract.hpp"
#include "libgeo/handles/gdal_errors.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cstdint>

namespace geo::render {

namespace {

bool is_cjk(std::uint32_t cp)
{
    return (cp >= 0x4E00 && cp <= 0x9FFF)      // CJK Unified Ideographs
           || (cp >= 0x3400 && cp <= 0x4DBF)   // Extension A
           || (cp >= 0xF900 && cp <= 0xFAFF)   // Compatibility Ideographs
           || (cp >= 0x20000 && cp <= 0x2FA1F);  // Extensions B-F and Compatibility Supplement
}

}  // namespace

bool has_cjk(std::string_view utf8)
{
    for (std::size_t i = 0; i < utf8.size();) {
        const auto b = static_cast<unsigned char>(utf8[i]);
        const std::size_t length = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
        if (length == 0 || i + length > utf8.size()) {
            ++i;  // not UTF-8 here: skip the byte
            continue;
        }
        std::uint32_t cp = length == 1 ? b : b & (0x7Fu >> length);
        bool valid = true;
        for (std::size_t k = 1; k < length; ++k) {
            const auto c = static_cast<unsigned char>(utf8[i + k]);
            valid = valid && (c & 0xC0) == 0x80;
            cp = (cp << 6) | (c & 0x3Fu);
        }
        if (valid && is_cjk(cp)) return true;
        i += valid ? length : 1;
    }
    return false;
}

Lang default_lang(const std::vector<std::string>& village_names)
{
    std::size_t named = 0, chinese = 0;
    for (const auto& n : village_names) {
        if (n.empty()) continue;
        ++named;
        if (has_cjk(n)) ++chinese;
    }
    return 2 * chinese > named ? Lang::zh : Lang::en;
}

Lang default_lang(const std::filesystem::path& out_dir)
{
    GdalErrorTrap quiet;  // no folder or no GeoPackage: the caller's MapSource says so with a hint
    GDALDatasetUniquePtr gpkg(GDALDataset::Open((out_dir / output::file::gpkg).c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                                nullptr, nullptr, nullptr));
    if (!gpkg) return Lang::en;
    OGRLayer* villages = gpkg->GetLayerByName(output::layer::villages);
    if (!villages) return Lang::en;
    const int field = villages->GetLayerDefn()->GetFieldIndex("name");
    if (field < 0) return Lang::en;
    std::vector<std::string> names;
    for (OGRFeatureUniquePtr f(villages->GetNextFeature()); f; f.reset(villages->GetNextFeature()))
        names.emplace_back(f->IsFieldSetAndNotNull(field) ? f->GetFieldAsString(field) : "");
    return default_lang(names);
}

}  // namespace geo::render

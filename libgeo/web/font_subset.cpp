#include "libgeo/web/font_subset.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/handles/gdal_apps.hpp"

#include <cpl_string.h>

#include <fstream>

namespace geo::web {

namespace {

// The code points of UTF-8 text; a malformed byte is skipped (it has no glyph to keep).
void add_code_points(const std::string& text, hb_set_t* set)
{
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        const int extra = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xe ? 2 : (c >> 3) == 0x1e ? 3 : -1;
        if (extra < 0 || i + static_cast<std::size_t>(extra) >= text.size()) {
            ++i;
            continue;
        }
        hb_codepoint_t cp = extra == 0 ? c : c & (0x3f >> extra);
        for (int k = 1; k <= extra; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3f);
        hb_set_add(set, cp);
        i += static_cast<std::size_t>(extra) + 1;
    }
}

}  // namespace

std::size_t write_font_css(const std::string& text, const std::filesystem::path& css, const FontSource& source)
{
    const Where where = in_file(source.file.string());
    const std::string hint = "install Debian's fonts-noto-cjk (scripts/setup.sh)";
    HbBlobPtr blob(hb_blob_create_from_file_or_fail(source.file.c_str()));
    if (!blob) throw OutputError("cannot read the Chinese font for the web map", where, hint);
    HbFacePtr face(hb_face_create(blob.get(), source.face));
    if (hb_face_get_glyph_count(face.get()) == 0)
        throw OutputError("the font file holds no Simplified Chinese face", where, hint);
    HbSubsetInputPtr input(hb_subset_input_create_or_fail());
    if (!input) throw OutputError("out of memory subsetting the Chinese font", where);
    hb_set_t* unicodes = hb_subset_input_unicode_set(input.get());  // owned by `input`
    for (hb_codepoint_t cp = 0x20; cp < 0x7f; ++cp) hb_set_add(unicodes, cp);
    add_code_points(text, unicodes);
    HbFacePtr subset(hb_subset_or_fail(face.get(), input.get()));
    if (!subset) throw OutputError("cannot subset the Chinese font for the web map", where, hint);
    HbBlobPtr bytes(hb_face_reference_blob(subset.get()));
    unsigned length = 0;
    const char* data = hb_blob_get_data(bytes.get(), &length);
    if (length == 0) throw OutputError("the subset of the Chinese font is empty", where, hint);
    CplStringPtr base64(CPLBase64Encode(static_cast<int>(length), reinterpret_cast<const GByte*>(data)));
    std::ofstream out(css, std::ios::binary);
    out << "@font-face { font-family: 'GeowalkCJK'; font-style: normal; font-weight: 400 700;\n"
        << "  src: url(data:font/otf;base64," << base64.get() << ") format('opentype'); }\n";
    out.close();
    if (!out) throw OutputError("cannot write " + css.string(), in_file(css.string()), "check the free disk space");
    return length;
}

}  // namespace geo::web

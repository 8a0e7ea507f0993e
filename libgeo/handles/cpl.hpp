#pragma once
// GDAL's portability library (CPL): reading files through its virtual file system (VSI), an in-memory file that
// lives as long as its owner, and text recoding. The buffers CPL allocates are freed here only.
#include <cstddef>
#include <optional>
#include <string>

namespace geo {

// Up to max_bytes of the file at path (a real path or a GDAL virtual one such as /vsimem/), nullopt when it cannot
// be opened.
std::optional<std::string> read_vsi_file(const std::string& path, std::size_t max_bytes);

// text converted between two encodings by CPLRecode (iconv names: "GB18030", "UTF-8"); nullopt when the text holds
// a NUL or a character that does not convert back to the same bytes (iconv skips those, and warns only once).
std::optional<std::string> recode_exactly(const std::string& text, const char* from, const char* to);

// A /vsimem/ file holding a copy of the given bytes, unlinked when the object dies. Keep it alive for as long as
// any dataset opened from it.
class VsiMemFile {
public:
    VsiMemFile() = default;
    VsiMemFile(std::string path, const std::string& bytes);
    ~VsiMemFile();
    VsiMemFile(VsiMemFile&& other) noexcept;
    VsiMemFile& operator=(VsiMemFile&& other) noexcept;
    VsiMemFile(const VsiMemFile&) = delete;
    VsiMemFile& operator=(const VsiMemFile&) = delete;

    [[nodiscard]] const std::string& path() const { return m_path; }

private:
    void unlink();
    std::string m_path;  // empty when the object holds no file
};

}  // namespace geo

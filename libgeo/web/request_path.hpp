#pragma once
// Which file under the web folder a request names, if any: `geowalk serve` answers only with regular files inside
// DIR/web. Refused (403): "..", "." and empty segments, backslashes, NUL and control bytes, encoded slashes and
// backslashes (%2f, %5c: a decoder further on would make them separators), malformed escapes, and paths that leave
// the folder through a symlink. Missing (404): anything else that is not a regular file there.
#include <filesystem>
#include <string_view>

namespace geo::web {

enum class PathVerdict { file, forbidden, missing };

struct ResolvedPath {
    PathVerdict verdict = PathVerdict::missing;
    std::filesystem::path file;  // canonical, when verdict is file
};

// `root` must be canonical (std::filesystem::canonical); `target` is the request's path as sent, still
// percent-encoded, without the query string. "/" names index.html.
ResolvedPath resolve_request_path(const std::filesystem::path& root, std::string_view target);

}  // namespace geo::web

#pragma once
// What makes a village map one's own: its file name (village_<code>_<name>.png, so a folder of a hundred maps sorts
// and reads without opening them) and the village's figures printed on it (routes walked, sites visited, dead
// corners, problems), read from the same outputs the town maps are drawn from.
#include "libgeo/render/map_source.hpp"

#include <string>
#include <string_view>

class OGRFeature;
class OGRLayer;

namespace geo::render {

// A village name as part of a file name: Chinese and other letters kept, characters that Windows, macOS or Linux
// refuse in a file name (/ \ : * ? " < > | and control characters) and spaces become "_", at most 60 bytes
// (cut at a UTF-8 character boundary), no leading or trailing dots or "_". Empty when nothing is left.
std::string file_name_part(std::string_view name);

// The village's stable code: its `code` field when the villages layer has one and it is set, else its id (the
// campaign's order) zero-padded to `width` digits.
std::string village_code(const OGRFeature& village, int width);
// The padding that fits every id of the layer (at least 2 digits).
int village_code_width(OGRLayer& villages);

// "village_<code>_<name>" (no extension), or "village_<code>" when the name leaves nothing for a file name.
std::string village_map_name(std::string_view code, std::string_view name);

struct VillageFigures {
    bool coverage = false;  // the run computed coverage
    double route_m = 0, covered_m = 0;
    int sites = 0, visited = 0;
    long long dead_corners = 0;
    double dead_corner_m = 0;
    bool issues_layer = false;  // the run loaded issues
    long long issues = 0;
};

// The village's figures: routes and sites from the summary's coverage.by_village, dead corners and problems counted
// in the uncovered and issues layers by their village field.
VillageFigures village_figures(const MapSource& source, const std::string& village);

// "Routes walked 87 % of 12.4 km · sites visited 11 / 12 · dead corners 5 (1.2 km) · problems 34", in `lang`.
std::string village_figures_text(const VillageFigures& figures, Lang lang);

}  // namespace geo::render

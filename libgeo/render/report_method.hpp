#pragma once
// The method notes at the back of the report: how the hotspot figures were computed (kernel density, cells and
// distance band, Gi* with the false discovery rate, how zones are merged and named), with this run's settings in
// numbers rounded for people. A leader need not read them; the planner who is asked "how do you know?" does.
#include "libgeo/render/report_data.hpp"
#include "libgeo/render/report_layout.hpp"

#include <string>
#include <vector>

namespace geo::render::report {

struct MethodNote {
    std::string heading;
    std::string text;
};

// One note per step, in the order the steps run; a step the run skipped says so.
std::vector<MethodNote> method_notes(const MethodFigures& figures, Lang lang);

// Draws the notes top to bottom in the area (they fit one landscape page at the sizes used).
void draw_method_notes(cairo_t* cr, const Area& area, const std::vector<MethodNote>& notes);

}  // namespace geo::render::report

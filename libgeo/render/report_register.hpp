#pragma once
// The report's register pages, from summary.json's `register` section as the run manifest holds it (computed once in
// export/register_figures.cpp, never counted again here): an overview page (issues by status in the issues layer's
// colours, overdue, median days found → rectified and rectified → accepted, look-backs, and a bar chart of the first
// villages stacked by status), then tables by village, by responsible unit and by campaign phase. Every part is drawn
// only when its keys are present: runs of an older geowalk have only the counts by status.
#include "libgeo/export/summary.hpp"
#include "libgeo/render/report_leaders.hpp"

#include <cstddef>
#include <vector>

namespace geo::render::report {

// The section, or null when the run has none.
const output::Json* register_section(const output::Json& summary);

// The overview page's content (inside the page frame). `villages`: how many villages the chart shows.
void draw_register_overview(cairo_t* cr, const Area& area, const output::Json& section, Lang lang,
                            std::size_t villages);

// By village (the first `villages`, with a note of how many more), by responsible unit, by phase: only those
// present in the section.
std::vector<TitledTable> register_tables(const output::Json& section, Lang lang, std::size_t villages);

// The status codes of the section in print order: the known statuses first (core/categories.hpp), then any other
// code that by_status lists (the register's `withdrawn`).
std::vector<std::string> register_status_codes(const output::Json& section);

}  // namespace geo::render::report

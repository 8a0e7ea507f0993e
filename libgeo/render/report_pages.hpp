#pragma once
// The report's own pages: headline figures, and the tables (the ten-walk matrix, dead corners, hotspots) as
// columns and rows that write_report splits over as many pages as they need.
#include "libgeo/render/report_data.hpp"
#include "libgeo/render/report_layout.hpp"

#include <string>
#include <vector>

namespace geo::render::report {

// Page 1: figure boxes (coverage, issues, rebounds, blind area, dead corners), coverage by walk type, issues by
// status with the as-of date.
void draw_headline(cairo_t* cr, const Area& area, const ReportData& data, Lang lang);

// A table that may continue over pages, with a note under it and optionally the coverage colour legend.
struct TableSpec {
    std::vector<Column> columns;
    std::vector<TableRow> rows;
    TableStyle style;
    std::string note;
    std::string empty_text;  // shown instead of the table when there are no rows
    bool coverage_legend = false;
};

TableSpec matrix_table(const ReportData& data, Lang lang, double width);
TableSpec dead_corner_table(const ReportData& data, Lang lang);
TableSpec hotspot_table(const ReportData& data, Lang lang);

// Height reserved under a table on every page for its note and legend.
double table_footer_height(cairo_t* cr, const TableSpec& table, double width);
// Draws rows [first, last) of the table and its note (and legend) into the area.
void draw_table_part(cairo_t* cr, const Area& area, const TableSpec& table, std::size_t first, std::size_t last,
                     Lang lang);

}  // namespace geo::render::report

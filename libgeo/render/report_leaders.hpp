#pragma once
// The report's pages for what a leader asks next: who walked what, week by week, problems by village, walk and
// type, and overdue issues by responsible person. Read from the run's figures (summary.json's `leaders` section,
// export/write_leaders.hpp, as the manifest holds it) into tables that write_report splits over pages.
#include "libgeo/export/summary.hpp"
#include "libgeo/render/report_pages.hpp"

#include <string>
#include <vector>

namespace geo::render::report {

struct TitledTable {
    std::string title;
    TableSpec table;
};

// The four tables in the order they are printed; each says "not computed" when the run holds no `leaders`
// section (an output folder of an older geowalk).
std::vector<TitledTable> leader_tables(const output::Json& summary, Lang lang);

}  // namespace geo::render::report

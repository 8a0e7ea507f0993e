#pragma once
// The leadership report (report.pdf): a multi-page A4 landscape PDF in English or Chinese (the source's
// language) drawn from an output folder — headline figures, the ten-walk matrix, every map of the catalogue, the
// longest dead corners and the strongest hotspots with their WGS 84 positions. Each page has a header (campaign
// name, page title) and a footer (made with geowalk, period, page number).
#include "libgeo/core/progress.hpp"
#include "libgeo/render/map_source.hpp"
#include "libgeo/render/maps.hpp"

#include <cstddef>
#include <filesystem>

namespace geo::render {

struct ReportOptions {
    std::size_t top = 20;  // rows of the dead-corner and hotspot tables
    bool maps = true;      // include the map pages
    // The village map pages: the same villages as maps/ (maps.hpp select_maps). By default only up to
    // max_village_maps villages: a county of 1,200 villages would make a report of 1,200 pages (and Cairo holds
    // every page's images until the PDF is finished).
    VillageMapChoice village_maps;
};

// Writes `pdf` (callers write into an output transaction's staging folder: the file grows page by page).
// Throws geo::OutputError when Cairo cannot write it.
void write_report(const MapSource& source, const std::filesystem::path& pdf, Progress progress = {},
                  const ReportOptions& options = {});

}  // namespace geo::render

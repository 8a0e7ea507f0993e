#include "libgeo/render/report.hpp"

#include "libgeo/render/document.hpp"
#include "libgeo/render/maps.hpp"
#include "libgeo/render/page_image.hpp"
#include "libgeo/render/report_data.hpp"
#include "libgeo/render/report_method.hpp"
#include "libgeo/render/report_leaders.hpp"
#include "libgeo/render/report_plan.hpp"
#include "libgeo/render/report_pages.hpp"
#include "libgeo/render/report_register.hpp"
#include "libgeo/render/words_register.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace geo::render {

namespace {

using report::Area;

struct PlannedPage {
    std::string title;
    std::function<void(cairo_t*, const Area&)> draw;  // the content, inside the page frame
};

// Splits a table over as many pages as it needs; the title of a follow-on page says "continued".
void plan_table(std::vector<PlannedPage>& pages, cairo_t* cr, PageSize size, const std::string& title,
                report::TableSpec table, Lang lang)
{
    const Area area = report::content_area(size);
    const double footer = report::table_footer_height(cr, table, area.width);
    const std::size_t per_page =
        std::max<std::size_t>(1, report::rows_that_fit(cr, table.columns, table.style, area.height - footer));
    auto shared = std::make_shared<const report::TableSpec>(std::move(table));
    std::size_t first = 0;
    do {
        const std::size_t last = std::min(shared->rows.size(), first + per_page);
        const std::string page_title =
            first == 0 ? title : title + " (" + std::string(words::continued(lang)) + ")";
        pages.push_back({page_title, [shared, first, last, lang](cairo_t* c, const Area& a) {
                             report::draw_table_part(c, a, *shared, first, last, lang);
                         }});
        first = last;
    } while (first < shared->rows.size());
}

// The whole map page as one image (page_image.hpp): drawn as vectors, a county's map is recorded whole by Cairo's
// PDF surface until the page ends, 3 GB for the 100x sample town.
void draw_map_image(cairo_t* cr, PageSize page, const MapSource& source, const MapSpec& spec)
{
    constexpr double dpi = 200;
    draw_as_image(cr, Rect{0, 0, page.width_pt, page.height_pt}, dpi,
                  [&](cairo_t* ic) { draw_map_page(ic, page, source, spec); });
}

}  // namespace

void write_report(const MapSource& source, const std::filesystem::path& pdf, Progress progress,
                  const ReportOptions& options)
{
    progress(0, "reading the report's figures");
    const Lang lang = source.lang();
    const ReportData data = read_report_data(source, options.top);
    Document doc(pdf, PageFormat::pdf, a4_landscape);
    cairo_t* cr = doc.cr();
    const PageSize size = doc.size();
    const Area area = report::content_area(size);

    std::vector<PlannedPage> pages;
    pages.push_back({std::string(words::report_headline(lang)),
                     [&data, lang](cairo_t* c, const Area& a) { report::draw_headline(c, a, data, lang); }});
    plan_table(pages, cr, size, std::string(words::report_matrix(lang)), report::matrix_table(data, lang, area.width),
               lang);
    const std::vector<MapSpec> catalogue = options.maps ? map_catalogue(source) : std::vector<MapSpec>{};
    const std::vector<MapSpec> maps = select_maps(catalogue, options.village_maps);
    const auto village_count = [](const std::vector<MapSpec>& m) {
        return std::count_if(m.begin(), m.end(), [](const MapSpec& spec) { return !spec.village.empty(); });
    };
    const bool villages_left_out = village_count(maps) < village_count(catalogue);
    for (const MapSpec& spec : maps)
        // The map prints its own title; the page header only says this is the maps part.
        pages.push_back({std::string(words::report_maps(lang)), [&source, spec, size](cairo_t* c, const Area& a) {
                             // The map lays itself out on a page of the content's size below the header.
                             CairoSaved saved(c);
                             cairo_rectangle(c, 0, a.y, size.width_pt, a.height);
                             cairo_clip(c);
                             cairo_translate(c, 0, a.y);
                             draw_map_image(c, PageSize{size.width_pt, a.height}, source, spec);
                         }});
    if (villages_left_out)
        pages.push_back({std::string(words::report_maps(lang)), [lang](cairo_t* c, const Area& a) {
                             const TextStyle note{.size_pt = 12, .wrap_width_pt = a.width};
                             draw_text(c, words::village_maps_left_out(lang), note, a.x, a.y);
                         }});
    plan_table(pages, cr, size, std::string(words::report_dead_corners(lang)), report::dead_corner_table(data, lang),
               lang);
    plan_table(pages, cr, size, std::string(words::report_hotspots(lang)), report::hotspot_table(data, lang), lang);
    for (auto& [title, table] : report::leader_tables(source.summary(), lang))
        plan_table(pages, cr, size, title, std::move(table), lang);
    if (const output::Json* section = report::register_section(source.summary())) {
        pages.push_back({std::string(words::report_register(lang)),
                         [section, lang, n = options.top](cairo_t* c, const Area& a) {
                             report::draw_register_overview(c, a, *section, lang, n);
                         }});
        for (auto& [title, table] : report::register_tables(*section, lang, options.top))
            plan_table(pages, cr, size, title, std::move(table), lang);
    }
    for (auto& [title, table] : report::plan_tables(source, lang)) plan_table(pages, cr, size, title, std::move(table), lang);
    pages.push_back({std::string(words::report_method(lang)), [notes = report::method_notes(data.method, lang)](
                                                                      cairo_t* c, const Area& a) {
                         report::draw_method_notes(c, a, notes);
                     }});

    const int count = static_cast<int>(pages.size());
    for (int i = 0; i < count; ++i) {
        progress(static_cast<double>(i) / count, "drawing the report");
        if (i > 0) doc.next_page();
        const report::PageFrame frame{data.campaign, pages[static_cast<std::size_t>(i)].title, data.period, lang,
                                      i + 1, count};
        const Area a = report::draw_page_frame(cr, size, frame);
        pages[static_cast<std::size_t>(i)].draw(cr, a);
    }
    doc.finish();
    progress(1, "report written");
}

}  // namespace geo::render

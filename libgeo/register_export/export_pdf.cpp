#include "libgeo/register_export/export_pdf.hpp"

#include "libgeo/render/document.hpp"
#include "libgeo/render/report_layout.hpp"
#include "libgeo/render/words_register.hpp"

#include <numeric>

namespace geo::reg {

namespace {

namespace report = render::report;
using render::Align;

constexpr double title_height = 40;       // title and subtitle above the table
constexpr double signature_height = 34;   // the signature lines under it
constexpr double footer_height = 16;      // page number

struct VillagePages {
    const VillageRegister* village = nullptr;
    std::vector<report::TableRow> rows;
    std::vector<std::size_t> breaks;  // first row of each page; one page even without rows
};

std::vector<report::Column> pdf_columns(double width, Lang lang)
{
    const std::vector<FormColumn> form = form_columns(false);
    const double shares = std::accumulate(form.begin(), form.end(), 0.0,
                                          [](double sum, const FormColumn& c) { return sum + c.pdf_share; });
    std::vector<report::Column> columns;
    columns.reserve(form.size());
    for (const FormColumn& c : form)
        columns.push_back({std::string(c.title(lang)), width * c.pdf_share / shares,
                           c.field == FormField::number ? Align::centre : Align::left, true});
    return columns;
}

report::TableStyle table_style() { return {.font_pt = 7.5, .header_font_pt = 7.5, .row_height = 15, .padding = 3}; }

// Rows go on a page while they fit above the signature lines; a row taller than a whole page gets a page of its own
// (and is cut at the page's foot: no register text is that long).
std::vector<std::size_t> page_breaks(cairo_t* cr, const std::vector<report::Column>& columns,
                                     const std::vector<report::TableRow>& rows, double room)
{
    const report::TableStyle style = table_style();
    const double for_rows = room - report::table_header_height(cr, columns, style);
    std::vector<std::size_t> breaks{0};
    double used = 0;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const double h = report::table_row_height(cr, columns, rows[r], style);
        if (used > 0 && used + h > for_rows) {
            breaks.push_back(r);
            used = 0;
        }
        used += h;
    }
    return breaks;
}

void draw_signatures(cairo_t* cr, const report::Area& area, double y, Lang lang)
{
    const std::vector<std::string> lines = signature_lines(lang);
    const double each = area.width / static_cast<double>(lines.size());
    for (std::size_t i = 0; i < lines.size(); ++i)
        render::draw_text(cr, lines[i], {.size_pt = 9, .wrap_width_pt = each - 8}, area.x + each * static_cast<double>(i), y);
}

}  // namespace

int write_register_pdf(const std::vector<VillageRegister>& villages, const std::filesystem::path& file,
                       const PdfOptions& options, const Progress& progress)
{
    const Lang lang = options.lang;
    render::Document doc(file, render::PageFormat::pdf, render::a4_landscape);
    cairo_t* cr = doc.cr();
    const render::PageSize size = doc.size();
    const report::Area area{report::margin, report::margin * 0.7, size.width_pt - 2 * report::margin,
                            size.height_pt - 1.4 * report::margin};
    const double table_room = area.height - title_height - signature_height - footer_height;
    const std::vector<report::Column> columns = pdf_columns(area.width, lang);
    const std::vector<FormColumn> form = form_columns(false);

    // Every page is planned before the first is drawn: the footer says "page 3 of 1,250".
    std::vector<VillagePages> planned(villages.size());
    std::size_t total = 0;
    for (std::size_t v = 0; v < villages.size(); ++v) {
        progress(0.3 * static_cast<double>(v) / static_cast<double>(villages.size()), "laying out the forms");
        VillagePages& p = planned[v];
        p.village = &villages[v];
        const std::vector<RegisterRow>& rows = form_rows(villages[v], options.form);
        p.rows.reserve(rows.size());
        for (std::size_t r = 0; r < rows.size(); ++r) {
            report::TableRow row;
            row.reserve(form.size());
            for (const FormColumn& c : form) row.emplace_back(cell_text(c.field, rows[r], r, lang));
            p.rows.push_back(std::move(row));
        }
        p.breaks = page_breaks(cr, columns, p.rows, table_room);
        total += p.breaks.size();
    }

    const report::TableStyle style = table_style();
    int page = 0;
    for (std::size_t v = 0; v < planned.size(); ++v) {
        progress(0.3 + 0.7 * static_cast<double>(v) / static_cast<double>(planned.size()), "drawing the forms");
        const VillagePages& p = planned[v];
        for (std::size_t b = 0; b < p.breaks.size(); ++b) {
            if (page++ > 0) doc.next_page();
            std::string title = form_title(*p.village, options.form, lang);
            if (b > 0) title += " (" + std::string(render::words::continued(lang)) + ")";
            render::draw_text(cr, title, {.size_pt = 15, .bold = true, .align = Align::centre}, area.x + area.width / 2, area.y);
            render::draw_text(cr, form_subtitle(*p.village, options.form, options.campaign, lang),
                              {.size_pt = 8.5, .colour = report::ink_muted}, area.x, area.y + 24);
            const std::size_t first = p.breaks[b];
            const std::size_t last = b + 1 < p.breaks.size() ? p.breaks[b + 1] : p.rows.size();
            const std::vector<report::TableRow> part(p.rows.begin() + static_cast<std::ptrdiff_t>(first),
                                                     p.rows.begin() + static_cast<std::ptrdiff_t>(last));
            {
                // A row taller than the page is cut at the signature lines rather than drawn over them.
                CairoSaved saved(cr);
                cairo_rectangle(cr, area.x - 1, area.y + title_height, area.width + 2, table_room);
                cairo_clip(cr);
                const double below = report::draw_table(cr, area.x, area.y + title_height, columns, part, style);
                if (p.rows.empty())
                    render::draw_text(cr, render::words::no_issues(lang), {.size_pt = 9}, area.x + 3, below + 4);
            }
            const double foot = area.bottom() - footer_height;
            draw_signatures(cr, area, foot - signature_height + 8, lang);
            render::draw_text(cr, report::page_number_text(lang, page, static_cast<int>(total)),
                              {.size_pt = 7.5, .colour = report::ink_muted, .align = Align::right}, area.right(), foot + 4);
        }
    }
    doc.finish();
    progress(1, "forms written");
    return page;
}

}  // namespace geo::reg

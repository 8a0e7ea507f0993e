#pragma once
// Building blocks of the report pages: the page frame (header and footer), figure boxes, tables with coloured
// cells, and locale-independent number text. Everything is measured in points on an A4 landscape page.
#include "libgeo/render/document.hpp"
#include "libgeo/render/text.hpp"
#include "libgeo/render/words.hpp"

#include <optional>
#include <utility>
#include <string>
#include <vector>

namespace geo::render::report {

struct Area {
    double x = 0, y = 0, width = 0, height = 0;
    [[nodiscard]] double right() const { return x + width; }
    [[nodiscard]] double bottom() const { return y + height; }
};

inline constexpr double margin = mm(14);
inline const double header_height = 44;  // campaign name, page title, rule
inline const double footer_height = 22;

struct PageFrame {
    std::string campaign;
    std::string title;
    std::string period;
    Lang lang = Lang::en;
    int page = 1, pages = 1;
};

// The area inside the header and footer, the same on every page.
Area content_area(PageSize size);
// Draws the header (campaign name, page title) and the footer (made with geowalk, period, page number) and
// returns the area left for the page's content.
Area draw_page_frame(cairo_t* cr, PageSize size, const PageFrame& frame);
// "Page 3 of 9" / "第 3 页，共 9 页"
std::string page_number_text(Lang lang, int page, int pages);

// Numbers as text, independent of the process locale (fixed_text in core/number_text): percent(0.623) = "62.3%".
std::string percent(double ratio, int decimals = 1);
std::string whole(long long value);

// Traffic-light fills of coverage cells: < 50 % red, < 80 % orange, otherwise green; grey where there is no route.
inline constexpr Rgba fill_low{239, 120, 110, 255};
inline constexpr Rgba fill_mid{253, 196, 120, 255};
inline constexpr Rgba fill_high{134, 203, 134, 255};
inline constexpr Rgba fill_none{228, 228, 228, 255};
inline constexpr Rgba ink{20, 20, 20, 255};
inline constexpr Rgba ink_muted{95, 95, 95, 255};
inline constexpr Rgba ink_alert{200, 30, 30, 255};
Rgba coverage_fill(double ratio);

// A boxed headline figure: small label on top, the value large, a note below.
void draw_figure_box(cairo_t* cr, const Area& box, std::string_view label, std::string_view value,
                     std::string_view note, Rgba value_colour = ink);

struct Column {
    std::string title;
    double width = 60;
    Align align = Align::left;
    // Long text wraps onto more lines and the row grows (the register's descriptions); otherwise it is set smaller
    // to stay on one line of the fixed row height.
    bool wrap = false;
};

struct TableCell {
    TableCell() = default;
    TableCell(std::string text_, std::optional<Rgba> fill_ = std::nullopt, bool bold_ = false, Rgba colour_ = ink)
        : text(std::move(text_)), fill(fill_), bold(bold_), colour(colour_)
    {
    }
    std::string text;
    std::optional<Rgba> fill;
    bool bold = false;
    Rgba colour = ink;
};
using TableRow = std::vector<TableCell>;

struct TableStyle {
    double font_pt = 8.5;
    double header_font_pt = 7.5;
    double row_height = 17;
    double padding = 4;
};

// The height of the header row: the tallest column title wrapped in its column.
double table_header_height(cairo_t* cr, const std::vector<Column>& columns, const TableStyle& style);
// How many rows fit below the header in `height` points.
std::size_t rows_that_fit(cairo_t* cr, const std::vector<Column>& columns, const TableStyle& style, double height);
// The area inside the header and footer, the same on every page.
Area content_area(PageSize size);
// The height of one row: style.row_height, or more where a wrapping column's text takes several lines.
double table_row_height(cairo_t* cr, const std::vector<Column>& columns, const TableRow& row, const TableStyle& style);
// Draws the header and the rows from the top-left corner (x, y); returns the y below the table.
double draw_table(cairo_t* cr, double x, double y, const std::vector<Column>& columns,
                  const std::vector<TableRow>& rows, const TableStyle& style);

}  // namespace geo::render::report

#include "formats/xlsx_chart.h"

#include "formats/chart_layout.h"

#include <algorithm>
#include <cctype>

namespace schoolctl::formats {
namespace {

void style_series(lxw_chart_series* series, report::Chart::Kind kind, std::size_t index) {
    // The same colours as the PDF and HTML drawings of the chart.
    const Colour colour = series_colour(index);
    if (kind == report::Chart::Kind::line) {
        lxw_chart_line line{};
        line.color = colour;
        line.width = 2.0f;
        chart_series_set_line(series, &line);
        chart_series_set_marker_type(series, LXW_CHART_MARKER_CIRCLE);
        lxw_chart_fill marker_fill{};
        marker_fill.color = colour;
        chart_series_set_marker_fill(series, &marker_fill);
        chart_series_set_marker_line(series, &line);
    } else {
        lxw_chart_fill fill{};
        fill.color = colour;
        chart_series_set_fill(series, &fill);
    }
}

// libxlsxwriter 1.1.4 quotes a sheet name in a reference when it has anything but ASCII
// letters, digits, '_' and '.' (so «5А» is quoted), but not one that starts with a digit
// («5» for a parallel), which Excel needs quoted too. It keeps a name quoted already.
bool needs_own_quotes(const std::string& name) {
    if (name.empty() || !std::isdigit(static_cast<unsigned char>(name.front()))) {
        return false;
    }
    return std::all_of(name.begin(), name.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.';
    });
}

// The series' cached numbers are looked up by the unquoted name only, and a miss is a warning
// on stderr: for a name we quote ourselves, write no cache (Excel and LibreOffice compute the
// chart from the cells on opening, as they do for constant_memory sheets).
void skip_cache(lxw_chart_series* series) {
    series->categories->ignore_cache = LXW_TRUE;
    series->values->ignore_cache = LXW_TRUE;
    if (series->title.range != nullptr) {
        series->title.range->ignore_cache = LXW_TRUE;
    }
}

} // namespace

std::string chart_label(const std::string& text) {
    return !text.empty() && text.front() == '=' ? " " + text : text;
}

lxw_chart* make_xlsx_chart(lxw_workbook* book, const std::string& sheet_name,
                           const report::Table& table, const report::Chart& chart,
                           const TableRows& rows) {
    const bool own_quotes = needs_own_quotes(sheet_name);
    const std::string sheet = own_quotes ? "'" + sheet_name + "'" : sheet_name;
    // A bar chart of classes reads best with upright bars, as PDF and HTML draw it.
    const bool line = chart.kind == report::Chart::Kind::line;
    lxw_chart* out = workbook_add_chart(book, line ? LXW_CHART_LINE : LXW_CHART_COLUMN);
    if (out == nullptr) {
        return nullptr;
    }
    const auto ncols = table.columns.size();
    std::size_t index = 0;
    for (std::size_t col : chart.value_columns) {
        if (col >= ncols) {
            continue;
        }
        lxw_chart_series* series = chart_add_series(out, nullptr, nullptr);
        if (series == nullptr) {
            return nullptr; // the workbook owns the chart and frees it
        }
        const auto value_col = static_cast<lxw_col_t>(col);
        if (chart.category_column < ncols) {
            const auto cat = static_cast<lxw_col_t>(chart.category_column);
            chart_series_set_categories(series, sheet.c_str(), rows.first, cat, rows.last, cat);
        }
        chart_series_set_values(series, sheet.c_str(), rows.first, value_col, rows.last,
                                value_col);
        // The title cell holds the name as plain text: no formula can come in this way.
        chart_series_set_name_range(series, sheet.c_str(), rows.titles, value_col);
        style_series(series, chart.kind, index++);
        if (own_quotes) {
            skip_cache(series);
        }
    }
    if (!chart.title.empty()) {
        chart_title_set_name(out, chart_label(chart.title).c_str());
    }
    if (!chart.value_axis.empty()) {
        chart_axis_set_name(out->y_axis, chart_label(chart.value_axis).c_str());
    }
    chart_legend_set_position(out, index > 1 ? LXW_CHART_LEGEND_BOTTOM : LXW_CHART_LEGEND_NONE);
    return out;
}

} // namespace schoolctl::formats

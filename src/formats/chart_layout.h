#pragma once
// A report chart laid out once and drawn by any backend: the PDF writer paints it with libharu,
// the HTML writer as inline SVG. The layout works in a box with the origin at its top left and
// y growing downwards; a backend converts to its own coordinates.
#include "report/document.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace schoolctl::formats {

// 0xRRGGBB
using Colour = std::uint32_t;

enum class Anchor { start, middle, end };

struct ChartPoint {
    float x = 0;
    float y = 0;
};

class ChartPainter {
  public:
    virtual ~ChartPainter() = default;
    virtual float text_width(std::string_view text, float size, bool bold) const = 0;
    virtual void rect(ChartPoint top_left, float w, float h, Colour fill) = 0;
    virtual void line(ChartPoint a, ChartPoint b, float width, Colour colour) = 0;
    virtual void polyline(const std::vector<ChartPoint>& points, float width, Colour colour) = 0;
    virtual void marker(ChartPoint centre, float radius, Colour colour) = 0;
    virtual void text(ChartPoint baseline, std::string_view text, float size, bool bold,
                      Colour colour, Anchor anchor) = 0;
};

// The numbers a chart shows, read from its section's table.
struct ChartSeries {
    std::string name;                          // the value column's title
    std::vector<std::optional<double>> values; // one per category; nullopt is a gap
};

struct ChartData {
    report::Chart::Kind kind = report::Chart::Kind::bar;
    std::string title;
    std::string value_axis;
    std::vector<std::string> categories;
    std::vector<ChartSeries> series;
};

// Columns out of range are skipped: a chart never fails a report.
ChartData chart_data(const report::Table& table, const report::Chart& chart);

// Font sizes of a drawing; the box's units are the backend's.
struct ChartStyle {
    float title_size = 10;
    float label_size = 7.5f;
};

// Title, legend (more than one series), the value axis name, gridlines with their numbers,
// category labels (every k-th when they would collide), then bars or lines with markers.
void draw_chart(ChartPainter& painter, const ChartData& data, float width, float height,
                const ChartStyle& style);

// The fills of series 1, 2, ...: distinct in colour and still apart when printed in grey.
Colour series_colour(std::size_t index);

} // namespace schoolctl::formats

#include "formats/svg_chart.h"

#include "formats/chart_layout.h"
#include "formats/html_writer.h"
#include "formats/table_writer.h"

#include <cmath>
#include <cstdio>
#include <string>

namespace schoolctl::formats {
namespace {

// The viewBox; the browser scales it to the column's width, fonts with it.
constexpr float view_width = 640;
constexpr float view_height = 300;

// Coordinates with one decimal and a point whatever the locale.
std::string num(float v) {
    const long tenths = std::lround(static_cast<double>(v) * 10);
    const long whole = tenths / 10, frac = std::labs(tenths % 10);
    std::string out = tenths < 0 && whole == 0 ? "-0" : std::to_string(whole);
    return frac == 0 ? out : out + "." + std::to_string(frac);
}

std::string hex(Colour c) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%06x", static_cast<unsigned>(c & 0xFFFFFFu));
    return buf;
}

class SvgPainter : public ChartPainter {
  public:
    explicit SvgPainter(std::ostream& out) : out_(out) {}

    // The browser measures the real text; the layout needs an estimate to place labels:
    // Liberation Sans averages a little over half an em per letter, Latin or Cyrillic.
    float text_width(std::string_view text, float size, bool bold) const override {
        return static_cast<float>(display_width(text)) * size * (bold ? 0.62f : 0.57f);
    }
    void rect(ChartPoint p, float w, float h, Colour fill) override {
        out_ << "<rect x=\"" << num(p.x) << "\" y=\"" << num(p.y) << "\" width=\"" << num(w)
             << "\" height=\"" << num(h) << "\" fill=\"" << hex(fill) << "\"/>\n";
    }
    void line(ChartPoint a, ChartPoint b, float width, Colour colour) override {
        out_ << "<line x1=\"" << num(a.x) << "\" y1=\"" << num(a.y) << "\" x2=\"" << num(b.x)
             << "\" y2=\"" << num(b.y) << "\" stroke=\"" << hex(colour) << "\" stroke-width=\""
             << num(width) << "\"/>\n";
    }
    void polyline(const std::vector<ChartPoint>& points, float width, Colour colour) override {
        out_ << "<polyline fill=\"none\" stroke=\"" << hex(colour) << "\" stroke-width=\""
             << num(width) << "\" stroke-linejoin=\"round\" points=\"";
        for (std::size_t i = 0; i < points.size(); ++i) {
            out_ << (i == 0 ? "" : " ") << num(points[i].x) << "," << num(points[i].y);
        }
        out_ << "\"/>\n";
    }
    void marker(ChartPoint c, float radius, Colour colour) override {
        out_ << "<circle cx=\"" << num(c.x) << "\" cy=\"" << num(c.y) << "\" r=\"" << num(radius)
             << "\" fill=\"" << hex(colour) << "\"/>\n";
    }
    void text(ChartPoint p, std::string_view text, float size, bool bold, Colour colour,
              Anchor anchor) override {
        if (text.empty()) {
            return;
        }
        const char* a = anchor == Anchor::middle ? "middle" : anchor == Anchor::end ? "end" : "start";
        out_ << "<text x=\"" << num(p.x) << "\" y=\"" << num(p.y) << "\" font-size=\""
             << num(size) << "\"" << (bold ? " font-weight=\"bold\"" : "") << " text-anchor=\""
             << a << "\" fill=\"" << hex(colour) << "\">" << html_escape(text) << "</text>\n";
    }

  private:
    std::ostream& out_;
};

} // namespace

void write_svg_chart(const report::Table& table, const report::Chart& chart, std::ostream& out) {
    const ChartData data = chart_data(table, chart);
    out << "<figure class=\"chart\">\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "
        << num(view_width) << " " << num(view_height) << "\" role=\"img\" aria-label=\""
        << html_escape(chart.title) << "\" font-family=\"Liberation Sans, Arial, sans-serif\">\n";
    SvgPainter painter(out);
    draw_chart(painter, data, view_width, view_height, {14, 11});
    out << "</svg>\n</figure>\n";
}

} // namespace schoolctl::formats

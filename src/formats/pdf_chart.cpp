#include "formats/pdf_chart.h"

#include "formats/chart_layout.h"

namespace schoolctl::formats {
namespace {

// Turns the layout's top-down box into page coordinates.
class PdfPainter : public ChartPainter {
  public:
    PdfPainter(PdfCanvas& canvas, Point origin) : c_(canvas), origin_(origin) {}

    float text_width(std::string_view text, float size, bool bold) const override {
        return c_.text_width(pdf_safe_text(text), bold ? Face::bold : Face::regular, size);
    }
    void rect(ChartPoint p, float w, float h, Colour fill) override {
        if (w > 0 && h > 0) {
            c_.fill_rect(page({p.x, p.y + h}), w, h, Rgb::from_hex(fill));
        }
    }
    void line(ChartPoint a, ChartPoint b, float width, Colour colour) override {
        c_.line(page(a), page(b), width, Rgb::from_hex(colour));
    }
    void polyline(const std::vector<ChartPoint>& points, float width, Colour colour) override {
        std::vector<Point> out;
        for (const auto& p : points) {
            out.push_back(page(p));
        }
        c_.polyline(out, width, Rgb::from_hex(colour));
    }
    void marker(ChartPoint centre, float radius, Colour colour) override {
        c_.disc(page(centre), radius, Rgb::from_hex(colour));
    }
    void text(ChartPoint baseline, std::string_view text, float size, bool bold, Colour colour,
              Anchor anchor) override {
        const std::string safe = pdf_safe_text(text);
        const Face face = bold ? Face::bold : Face::regular;
        const float w = c_.text_width(safe, face, size);
        const float shift = anchor == Anchor::middle ? w / 2 : anchor == Anchor::end ? w : 0;
        c_.text(page({baseline.x - shift, baseline.y}), safe, face, size, Rgb::from_hex(colour));
    }

  private:
    Point page(ChartPoint p) const { return {origin_.x + p.x, origin_.y - p.y}; }
    PdfCanvas& c_;
    Point origin_;
};

} // namespace

void draw_pdf_chart(PdfCanvas& canvas, const report::Table& table, const report::Chart& chart,
                    Point top_left, float width, float height) {
    PdfPainter painter(canvas, top_left);
    draw_chart(painter, chart_data(table, chart), width, height, {});
    canvas.check();
}

} // namespace schoolctl::formats

#include "formats/chart_layout.h"

#include "formats/cell_text.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace schoolctl::formats {
namespace {

constexpr Colour black = 0x000000;
constexpr Colour grid_colour = 0xC8C8C8;
constexpr Colour text_colour = 0x222222;
constexpr float leading = 1.4f;

std::optional<double> number(const report::Cell& cell) {
    if (const auto* i = std::get_if<std::int64_t>(&cell)) {
        return static_cast<double>(*i);
    }
    if (const auto* d = std::get_if<report::Decimal>(&cell)) {
        return decimal_value(*d);
    }
    return std::nullopt;
}

// The value axis: from `low` to `high` in steps of 1, 2 or 5 times a power of ten, about five
// of them. Bars start from zero, so their axis includes it; lines show the range they span
// (marks from 2.9 to 4.6 would be a flat line on an axis from 0).
struct Scale {
    double low = 0;
    double high = 1;
    double step = 1;
    int places = 0; // decimals the tick numbers need
};

Scale nice_scale(const ChartData& data) {
    std::optional<double> min, max;
    for (const auto& series : data.series) {
        for (const auto& v : series.values) {
            if (v) {
                min = std::min(min.value_or(*v), *v);
                max = std::max(max.value_or(*v), *v);
            }
        }
    }
    double lo = min.value_or(0), hi = max.value_or(0);
    if (data.kind == report::Chart::Kind::bar) {
        lo = std::min(lo, 0.0);
        hi = std::max(hi, 0.0);
    }
    if (hi - lo <= 0) {
        hi = lo + 1;
    }
    const double raw = (hi - lo) / 5;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double norm = raw / magnitude;
    const double unit = norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10;
    Scale s;
    s.step = unit * magnitude;
    s.low = std::floor(lo / s.step + 1e-9) * s.step;
    s.high = std::ceil(hi / s.step - 1e-9) * s.step;
    if (s.high <= s.low) {
        s.high = s.low + s.step;
    }
    s.places = std::max(0, -static_cast<int>(std::floor(std::log10(s.step) + 1e-9)));
    return s;
}

// Tick numbers the Russian way (decimal comma), through the same code as table cells.
std::string tick_text(double value, int places) {
    const double scaled = std::round(value * std::pow(10.0, places));
    return decimal_text({static_cast<std::int64_t>(scaled), places}, ',');
}

// The longest prefix (whole code points) that fits `width` with «…» appended.
std::string fit_text(const ChartPainter& p, const std::string& text, float size, float width) {
    if (p.text_width(text, size, false) <= width) {
        return text;
    }
    std::string cut = text;
    while (!cut.empty()) {
        std::size_t last = cut.size() - 1; // drop the last code point, all its bytes
        while (last > 0 && (static_cast<unsigned char>(cut[last]) & 0xC0u) == 0x80u) {
            --last;
        }
        cut.resize(last);
        if (p.text_width(cut + "…", size, false) <= width) {
            return cut.empty() ? std::string{} : cut + "…";
        }
    }
    return {};
}

class ChartDrawing {
  public:
    ChartDrawing(ChartPainter& p, const ChartData& data, float width, float height,
                 const ChartStyle& style)
        : p_(p), data_(data), width_(width), height_(height), style_(style),
          scale_(nice_scale(data)) {}

    void draw() {
        title();
        legend();
        axis_name();
        plot_area();
        grid();
        if (data_.kind == report::Chart::Kind::line) {
            lines();
        } else {
            bars();
        }
        category_labels();
        // The axes last, over the bars' edges.
        p_.line({left_, top_}, {left_, bottom_}, 0.6f, black);
        const double base = std::clamp(0.0, scale_.low, scale_.high);
        p_.line({left_, y_of(base)}, {right_, y_of(base)}, 0.6f, black);
    }

  private:
    float label() const { return style_.label_size; }
    float y_of(double v) const {
        return bottom_ - static_cast<float>((v - scale_.low) / (scale_.high - scale_.low)) *
                             (bottom_ - top_);
    }
    float slot() const {
        return (right_ - left_) / static_cast<float>(std::max<std::size_t>(data_.categories.size(), 1));
    }

    void title() {
        if (data_.title.empty()) {
            return;
        }
        y_ += style_.title_size;
        p_.text({width_ / 2, y_}, fit_text(p_, data_.title, style_.title_size, width_),
                style_.title_size, true, black, Anchor::middle);
        y_ += style_.title_size * (leading - 1) + label() * 0.5f;
    }

    // Swatch and name per series, centred, wrapping onto more lines when they do not fit.
    void legend() {
        if (data_.series.size() < 2) {
            return;
        }
        const float swatch = label() * 0.9f, gap = label() * 0.4f, spacing = label() * 1.5f;
        std::vector<std::vector<std::size_t>> lines(1);
        std::vector<float> line_width(1, 0);
        auto item_width = [&](std::size_t i) {
            return swatch + gap + p_.text_width(data_.series[i].name, label(), false);
        };
        for (std::size_t i = 0; i < data_.series.size(); ++i) {
            const float w = item_width(i) + (lines.back().empty() ? 0 : spacing);
            if (!lines.back().empty() && line_width.back() + w > width_) {
                lines.emplace_back();
                line_width.push_back(0);
            }
            line_width.back() += item_width(i) + (lines.back().empty() ? 0 : spacing);
            lines.back().push_back(i);
        }
        for (std::size_t l = 0; l < lines.size(); ++l) {
            y_ += label() * leading;
            float x = std::max(0.0f, (width_ - line_width[l]) / 2);
            for (std::size_t i : lines[l]) {
                p_.rect({x, y_ - swatch}, swatch, swatch, series_colour(i));
                p_.text({x + swatch + gap, y_}, data_.series[i].name, label(), false, text_colour,
                        Anchor::start);
                x += item_width(i) + spacing;
            }
        }
        y_ += label() * 0.5f;
    }

    void axis_name() {
        if (data_.value_axis.empty()) {
            return;
        }
        y_ += label() * leading;
        p_.text({0, y_}, fit_text(p_, data_.value_axis, label(), width_), label(), false,
                text_colour, Anchor::start);
    }

    void plot_area() {
        float widest = 0;
        for (double v = scale_.low; v <= scale_.high + scale_.step / 2; v += scale_.step) {
            widest = std::max(widest, p_.text_width(tick_text(v, scale_.places), label(), false));
        }
        left_ = widest + label() * 0.6f;
        right_ = width_ - 1;
        top_ = y_ + label();
        bottom_ = height_ - label() * leading - 2;
        if (bottom_ - top_ < label() * 4) { // too short to read: squeeze the title block instead
            top_ = std::max(0.0f, bottom_ - label() * 4);
        }
    }

    void grid() {
        const auto steps = static_cast<int>(std::lround((scale_.high - scale_.low) / scale_.step));
        for (int i = 0; i <= steps; ++i) {
            const double v = scale_.low + i * scale_.step;
            const float y = y_of(v);
            p_.line({left_, y}, {right_, y}, 0.4f, grid_colour);
            p_.text({left_ - label() * 0.3f, y + label() * 0.35f}, tick_text(v, scale_.places),
                    label(), false, text_colour, Anchor::end);
        }
    }

    void bars() {
        const std::size_t n = data_.series.size();
        if (n == 0) {
            return;
        }
        const float group = slot() * 0.75f;
        const float bar = group / static_cast<float>(n);
        for (std::size_t c = 0; c < data_.categories.size(); ++c) {
            const float x0 = left_ + slot() * static_cast<float>(c) + (slot() - group) / 2;
            for (std::size_t s = 0; s < n; ++s) {
                const auto& v = data_.series[s].values[c];
                if (!v) {
                    continue;
                }
                const float top = y_of(std::max(*v, 0.0)), bottom = y_of(std::min(*v, 0.0));
                p_.rect({x0 + bar * static_cast<float>(s), top}, bar, bottom - top,
                        series_colour(s));
            }
        }
    }

    // A gap in a series breaks its line; every known point gets a marker.
    void lines() {
        for (std::size_t s = 0; s < data_.series.size(); ++s) {
            std::vector<ChartPoint> run;
            auto flush = [&] {
                if (run.size() > 1) {
                    p_.polyline(run, 1.5f, series_colour(s));
                }
                run.clear();
            };
            for (std::size_t c = 0; c < data_.categories.size(); ++c) {
                const auto& v = data_.series[s].values[c];
                if (!v) {
                    flush();
                    continue;
                }
                run.push_back({left_ + slot() * (static_cast<float>(c) + 0.5f), y_of(*v)});
            }
            flush();
            for (std::size_t c = 0; c < data_.categories.size(); ++c) {
                if (const auto& v = data_.series[s].values[c]) {
                    p_.marker({left_ + slot() * (static_cast<float>(c) + 0.5f), y_of(*v)},
                              label() * 0.4f, series_colour(s));
                }
            }
        }
    }

    // Every k-th label, k as small as lets the labels stand apart; each cut to its room.
    void category_labels() {
        const std::size_t n = data_.categories.size();
        float widest = 0;
        for (const auto& c : data_.categories) {
            widest = std::max(widest, p_.text_width(c, label(), false));
        }
        std::size_t k = 1;
        const float wanted = std::min(widest, label() * 6) + label() * 0.5f;
        while (k < n && slot() * static_cast<float>(k) < wanted) {
            ++k;
        }
        const float room = slot() * static_cast<float>(k) - label() * 0.3f;
        for (std::size_t c = 0; c < n; c += k) {
            p_.text({left_ + slot() * (static_cast<float>(c) + 0.5f), bottom_ + label() * 1.2f},
                    fit_text(p_, data_.categories[c], label(), room), label(), false, text_colour,
                    Anchor::middle);
        }
    }

    ChartPainter& p_;
    const ChartData& data_;
    float width_;
    float height_;
    ChartStyle style_;
    Scale scale_;
    float y_ = 0; // bottom of what the title block has used
    float left_ = 0, right_ = 0, top_ = 0, bottom_ = 0;
};

} // namespace

ChartData chart_data(const report::Table& table, const report::Chart& chart) {
    ChartData data;
    data.kind = chart.kind;
    data.title = chart.title;
    data.value_axis = chart.value_axis;
    const std::size_t ncols = table.columns.size();
    const bool has_categories = chart.category_column < ncols;
    for (const auto& row : table.rows) {
        const bool in_row = has_categories && chart.category_column < row.size();
        data.categories.push_back(in_row ? cell_text(row[chart.category_column], TextStyle::ru)
                                         : std::string{});
    }
    for (std::size_t col : chart.value_columns) {
        if (col >= ncols) {
            continue;
        }
        ChartSeries& series = data.series.emplace_back();
        series.name = table.columns[col].title;
        for (const auto& row : table.rows) {
            series.values.push_back(col < row.size() ? number(row[col]) : std::nullopt);
        }
    }
    return data;
}

void draw_chart(ChartPainter& painter, const ChartData& data, float width, float height,
                const ChartStyle& style) {
    ChartDrawing(painter, data, width, height, style).draw();
}

Colour series_colour(std::size_t index) {
    // Dark blue, orange, grey, gold, light blue, green: lightness differs between neighbours.
    static constexpr std::array<Colour, 6> palette{0x2F5597, 0xED7D31, 0xA5A5A5,
                                                   0xFFC000, 0x5B9BD5, 0x70AD47};
    return palette[index % palette.size()];
}

} // namespace schoolctl::formats

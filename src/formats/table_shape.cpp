#include "formats/table_shape.h"

#include <algorithm>
#include <compare>
#include <variant>

namespace schoolctl::formats {
namespace {

// a.scaled / 10^a.places against b.scaled / 10^b.places, exactly: both are brought to the
// larger number of places (report decimals have 0..4 places, far from overflowing).
std::strong_ordering compare(report::Decimal a, report::Decimal b) {
    auto widen = [](report::Decimal d, int places) {
        for (int p = d.places; p < places; ++p) {
            d.scaled *= 10;
        }
        return d.scaled;
    };
    const int places = std::max({a.places, b.places, 0});
    return widen(a, places) <=> widen(b, places);
}

std::optional<report::Decimal> as_decimal(const report::Cell& cell) {
    if (const auto* i = std::get_if<std::int64_t>(&cell)) {
        return report::Decimal{*i, 0};
    }
    if (const auto* d = std::get_if<report::Decimal>(&cell)) {
        return *d;
    }
    return std::nullopt;
}

bool text_caught(const report::Highlight& rule, const report::Cell& cell) {
    std::string text;
    if (const auto* s = std::get_if<std::string>(&cell)) {
        text = *s;
    } else if (const auto* i = std::get_if<std::int64_t>(&cell)) {
        text = std::to_string(*i);
    } else {
        return false;
    }
    return std::find(rule.texts.begin(), rule.texts.end(), text) != rule.texts.end();
}

} // namespace

std::vector<HeaderSpan> group_spans(const report::Table& table) {
    const std::size_t n = table.columns.size();
    std::vector<const report::ColumnGroup*> owner(n, nullptr);
    bool any = false;
    for (const auto& group : table.groups) {
        if (group.count == 0 || group.first >= n) {
            continue;
        }
        const std::size_t end = std::min(n, group.first + group.count);
        if (std::any_of(owner.begin() + static_cast<std::ptrdiff_t>(group.first),
                        owner.begin() + static_cast<std::ptrdiff_t>(end),
                        [](const auto* g) { return g != nullptr; })) {
            continue;
        }
        std::fill(owner.begin() + static_cast<std::ptrdiff_t>(group.first),
                  owner.begin() + static_cast<std::ptrdiff_t>(end), &group);
        any = true;
    }
    std::vector<HeaderSpan> spans;
    if (!any) {
        return spans;
    }
    for (std::size_t c = 0; c < n;) {
        if (owner[c] == nullptr) {
            spans.push_back({{}, c, 1, false});
            ++c;
            continue;
        }
        std::size_t end = c;
        while (end < n && owner[end] == owner[c]) {
            ++end;
        }
        spans.push_back({owner[c]->title, c, end - c, true});
        c = end;
    }
    return spans;
}

std::vector<std::string> qualified_titles(const report::Table& table) {
    std::vector<std::string> titles;
    for (const auto& column : table.columns) {
        titles.push_back(column.title);
    }
    for (const auto& span : group_spans(table)) {
        for (std::size_t c = span.first; span.group && c < span.first + span.count; ++c) {
            titles[c] = span.title + ": " + titles[c];
        }
    }
    return titles;
}

bool caught(const report::Highlight& rule, const report::Cell& cell) {
    if (text_caught(rule, cell)) {
        return true;
    }
    const auto number = as_decimal(cell);
    if (!number) {
        return false;
    }
    return (rule.below && compare(*number, *rule.below) < 0) ||
           (rule.at_least && compare(*number, *rule.at_least) >= 0);
}

bool caught(const report::Table& table, std::size_t c, const report::Cell& cell) {
    return c < table.columns.size() && table.columns[c].highlight &&
           caught(*table.columns[c].highlight, cell);
}

bool has_highlights(const report::Document& doc) {
    return std::any_of(doc.sections.begin(), doc.sections.end(), [](const auto& section) {
        const auto& columns = section.table.columns;
        return std::any_of(columns.begin(), columns.end(),
                           [](const auto& column) { return column.highlight.has_value(); });
    });
}

bool has_charts(const report::Document& doc) {
    return std::any_of(doc.sections.begin(), doc.sections.end(),
                       [](const auto& section) { return !section.charts.empty(); });
}

} // namespace schoolctl::formats

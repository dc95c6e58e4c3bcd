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

std::vector<std::vector<std::size_t>> column_slices(const report::Table& table,
                                                   double max_width) {
    const std::size_t n = table.columns.size();
    std::vector<std::size_t> all(n);
    for (std::size_t c = 0; c < n; ++c) {
        all[c] = c;
    }
    double total = 0;
    for (const auto& column : table.columns) {
        total += std::max(column.width, 0.0);
    }
    const std::size_t keys = std::min(table.key_columns, n);
    if (keys == 0 || keys == n || total <= max_width) {
        return {all};
    }
    double key_width = 0;
    for (std::size_t c = 0; c < keys; ++c) {
        key_width += std::max(table.columns[c].width, 0.0);
    }
    // The units the slices are cut along: each group whole, each column outside a group alone.
    std::vector<std::pair<std::size_t, std::size_t>> units;  // first, count
    for (const auto& span : group_spans(table)) {
        const std::size_t end = span.first + span.count;
        if (end > keys) {
            const std::size_t first = std::max(span.first, keys);
            units.emplace_back(first, end - first);
        }
    }
    if (units.empty()) {
        for (std::size_t c = keys; c < n; ++c) {
            units.emplace_back(c, 1);
        }
    }
    std::vector<std::vector<std::size_t>> slices;
    std::vector<std::size_t> current;
    double width = key_width;
    auto close = [&] {
        if (!current.empty()) {
            std::vector<std::size_t> slice(all.begin(),
                                           all.begin() + static_cast<std::ptrdiff_t>(keys));
            slice.insert(slice.end(), current.begin(), current.end());
            slices.push_back(std::move(slice));
            current.clear();
            width = key_width;
        }
    };
    for (const auto& [first, count] : units) {
        double unit_width = 0;
        for (std::size_t c = first; c < first + count; ++c) {
            unit_width += std::max(table.columns[c].width, 0.0);
        }
        if (!current.empty() && width + unit_width > max_width) {
            close();
        }
        for (std::size_t c = first; c < first + count; ++c) {
            current.push_back(c);
        }
        width += unit_width;
    }
    close();
    return slices;
}

report::Table column_slice(const report::Table& table, const std::vector<std::size_t>& columns) {
    report::Table out;
    std::vector<std::ptrdiff_t> new_index(table.columns.size(), -1);
    for (std::size_t i = 0; i < columns.size(); ++i) {
        out.columns.push_back(table.columns[columns[i]]);
        new_index[columns[i]] = static_cast<std::ptrdiff_t>(i);
        if (i < table.key_columns && columns[i] == i) {
            out.key_columns = i + 1;
        }
    }
    for (const auto& group : table.groups) {
        if (group.first < new_index.size() && new_index[group.first] >= 0) {
            std::size_t count = 0;
            for (std::size_t c = group.first;
                 c < std::min(new_index.size(), group.first + group.count) && new_index[c] >= 0;
                 ++c) {
                ++count;
            }
            out.groups.push_back(
                {group.title, static_cast<std::size_t>(new_index[group.first]), count});
        }
    }
    for (const auto& row : table.rows) {
        std::vector<report::Cell> cells;
        for (std::size_t c : columns) {
            cells.push_back(c < row.size() ? row[c] : report::Cell{});
        }
        out.rows.push_back(std::move(cells));
    }
    return out;
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

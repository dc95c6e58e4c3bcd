#pragma once
// What every writer needs to know about a table's additions beyond its cells: the heading row
// that column groups make, the names CSV and JSON give grouped columns, and which cells a
// column's highlight rule catches. One reading here, so no two writers disagree.
#include "report/document.h"

#include <cstddef>
#include <string>
#include <vector>

namespace schoolctl::formats {

// One cell of the group heading row: a group's title over its columns, or an empty cell over a
// column outside every group.
struct HeaderSpan {
    std::string title;
    std::size_t first = 0;
    std::size_t count = 1;
    bool group = false;
};

// The group heading row, left to right, covering every column exactly once; empty when the
// table has no usable group. A group that runs past the last column is cut at it; one that
// overlaps a group before it, or is empty, is left out (document.h promises neither happens).
std::vector<HeaderSpan> group_spans(const report::Table& table);

// Column names for formats with one header line: «Математика: I» for a grouped column, the
// plain title otherwise.
std::vector<std::string> qualified_titles(const report::Table& table);

// Whether the rule catches the cell: a text cell equal to one of `texts`, an integer whose
// digits are one of `texts` (a mark 2 stored as a number), or a number below `below` or at
// least `at_least`, compared exactly. Dates and empty cells are never caught.
bool caught(const report::Highlight& rule, const report::Cell& cell);

// Whether column `c` of the table catches `cell` (false when the column has no rule).
bool caught(const report::Table& table, std::size_t c, const report::Cell& cell);

// The table in slices no wider than `max_width` (in Column::width units), for a page that
// cannot hold all of it: each slice is the key columns followed by whole groups (a group wider
// than a page alone is a slice of its own), left to right, every column once. One slice, the
// whole table, when it fits or has no key columns.
std::vector<std::vector<std::size_t>> column_slices(const report::Table& table, double max_width);

// The columns of `table` listed in `columns`, with their cells, groups and key columns.
report::Table column_slice(const report::Table& table, const std::vector<std::size_t>& columns);

// Whether anything in the document needs the writers' extra parts (for writers that add
// style sheets only when used, so documents without them render exactly as before).
bool has_highlights(const report::Document& doc);
bool has_charts(const report::Document& doc);

} // namespace schoolctl::formats

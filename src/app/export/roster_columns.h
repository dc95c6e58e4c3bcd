#pragma once
// How the roster tables are built: each kind declares its columns once, by the field name of
// its importer, with the cell each row gives. Shared by roster_tables*.cpp only.
#include "app/export/roster_snapshot.h"
#include "report/document.h"
#include "store/people.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace schoolctl::app {

template <typename Row> struct Column {
    std::string field; // the importer's field name: "last_name"
    std::function<report::Cell(const Row&)> value;
};

// A kind's table with its columns in the export's own order.
struct BuiltTable {
    std::string kind;
    std::vector<std::string> fields;
    std::vector<std::vector<report::Cell>> rows;
};

template <typename Row>
BuiltTable build_table(std::string kind, const std::vector<Row>& rows,
                       const std::vector<Column<Row>>& columns) {
    BuiltTable t{std::move(kind), {}, {}};
    for (const auto& c : columns) {
        t.fields.push_back(c.field);
    }
    t.rows.reserve(rows.size());
    for (const Row& row : rows) {
        auto& cells = t.rows.emplace_back();
        cells.reserve(columns.size());
        for (const auto& c : columns) {
            cells.push_back(c.value(row));
        }
    }
    return t;
}

// What a file names a person by: the external id, else «Фамилия Имя Отчество», as the
// importers' resolvers look them up.
std::string person_ref(const store::PersonFields& person);

// Empty text is an empty cell, so no writer has to tell "" from nothing.
report::Cell text_cell(std::string text);
// An ISO date as a date cell (DD.MM.YYYY in CSV, a real date in a workbook); empty if none.
report::Cell date_cell(const std::optional<std::string>& iso);

// "a, b, c": the list separator every importer splits on.
std::string join_list(const std::vector<std::string>& items);

// The tables of the kinds that stand alone (roster_tables.cpp) and of those that link others
// (roster_link_tables.cpp).
BuiltTable subjects_table(const RosterSnapshot& r);
BuiltTable staff_table(const RosterSnapshot& r);
BuiltTable classes_table(const RosterSnapshot& r);
BuiltTable students_table(const RosterSnapshot& r, std::vector<std::string>& warnings);
BuiltTable guardians_table(const RosterSnapshot& r, std::vector<std::string>& warnings);
BuiltTable groups_table(const RosterSnapshot& r, std::vector<std::string>& warnings);
BuiltTable assignments_table(const RosterSnapshot& r);

} // namespace schoolctl::app

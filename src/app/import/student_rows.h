#pragma once
// Turning CSV rows into validated pupil records, collecting every problem.
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "app/import/columns.h"
#include "app/import/import_result.h"
#include "domain/class_name.h"
#include "formats/csv_reader.h"
#include "store/pupils.h"

namespace schoolctl::app {

struct StudentRow {
    std::size_t line = 0;
    std::vector<std::string> original;  // the row as read, for the rejects file
    store::PersonFields person;
    domain::ClassName class_name;
};

const std::vector<FieldSpec>& student_fields();

// Every row either becomes a StudentRow or a RowReject; duplicates within the file are rejects.
void validate_student_rows(const formats::CsvTable& table, const ColumnMap& columns,
                           std::vector<StudentRow>& rows, std::vector<RowReject>& rejects);

}  // namespace schoolctl::app

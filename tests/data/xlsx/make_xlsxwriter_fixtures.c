/* Writes the libxlsxwriter fixtures of tests/data/xlsx (see README.md there):
 *   types-xlsxwriter.xlsx         normal mode: shared strings, a rich string, a string formula
 *   types-xlsxwriter-inline.xlsx  constant_memory mode: the same cells as inline strings
 * cc -o /tmp/make_xlsxwriter_fixtures make_xlsxwriter_fixtures.c -lxlsxwriter
 * /tmp/make_xlsxwriter_fixtures tests/data/xlsx
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

static void check(lxw_error e, const char* what) {
    if (e != LXW_NO_ERROR) {
        fprintf(stderr, "%s: %s\n", what, lxw_strerror(e));
        exit(1);
    }
}

static void write_book(const char* path, int constant_memory) {
    lxw_workbook_options options = {.constant_memory = (uint8_t)constant_memory,
                                    .tmpdir = NULL,
                                    .use_zip64 = LXW_FALSE};
    lxw_workbook* wb = workbook_new_opt(path, &options);
    lxw_doc_properties properties = {.created = 1756684800}; /* 2025-09-01, reproducible */
    check(workbook_set_properties(wb, &properties), "properties");

    lxw_format* date = workbook_add_format(wb);
    format_set_num_format(date, "dd.mm.yyyy");
    lxw_format* bold = workbook_add_format(wb);
    format_set_bold(bold);

    lxw_worksheet* ws = workbook_add_worksheet(wb, "Ученики");
    const char* header[] = {"id", "Фамилия", "Имя", "Отчество", "Дата рождения", "Класс",
                            "Балл", "Примечание"};
    for (lxw_col_t c = 0; c < 8; ++c) {
        check(worksheet_write_string(ws, 0, c, header[c], NULL), "header");
    }

    /* Row 2: a number id, Ё, a date cell, a decimal, rich text. */
    check(worksheet_write_number(ws, 1, 0, 1, NULL), "id");
    check(worksheet_write_string(ws, 1, 1, "Ёлкин", NULL), "name");
    check(worksheet_write_string(ws, 1, 2, "Пётр", NULL), "name");
    check(worksheet_write_string(ws, 1, 3, "Сергеевич", NULL), "name");
    lxw_datetime birth = {2016, 8, 25, 0, 0, 0};
    check(worksheet_write_datetime(ws, 1, 4, &birth, date), "date");
    check(worksheet_write_string(ws, 1, 5, "5А", NULL), "class");
    check(worksheet_write_number(ws, 1, 6, 4.5, NULL), "mark");
    lxw_rich_string_tuple part1 = {.format = bold, .string = "Важно:"};
    lxw_rich_string_tuple part2 = {.format = NULL, .string = " пересдача"};
    lxw_rich_string_tuple* rich[] = {&part1, &part2, NULL};
    check(worksheet_write_rich_string(ws, 1, 7, rich, NULL), "rich");

    /* Row 3: no patronymic (a gap), a string formula, 0.1 + 0.2. */
    check(worksheet_write_number(ws, 2, 0, 2, NULL), "id");
    check(worksheet_write_string(ws, 2, 1, "Семёнова", NULL), "name");
    check(worksheet_write_string(ws, 2, 2, "Алёна", NULL), "name");
    lxw_datetime birth2 = {2015, 12, 31, 0, 0, 0};
    check(worksheet_write_datetime(ws, 2, 4, &birth2, date), "date");
    check(worksheet_write_formula_str(ws, 2, 5, "=\"5\"&\"Б\"", NULL, "5Б"), "formula");
    check(worksheet_write_number(ws, 2, 6, 0.1 + 0.2, NULL), "sum");
    check(worksheet_write_string(ws, 2, 7, "табуляция\tи\x01управляющий", NULL), "control");

    /* Row 5 (row 4 absent): a boolean and a big integer. */
    check(worksheet_write_number(ws, 4, 0, 1000000, NULL), "id");
    check(worksheet_write_boolean(ws, 4, 6, 1, NULL), "bool");

    lxw_worksheet* teachers = workbook_add_worksheet(wb, "Учителя");
    check(worksheet_write_string(teachers, 0, 0, "Фамилия", NULL), "teacher");
    check(worksheet_write_string(teachers, 1, 0, "Захарова", NULL), "teacher");

    check(workbook_close(wb), path);
}

int main(int argc, char** argv) {
    const char* dir = argc > 1 ? argv[1] : ".";
    char path[4096];
    snprintf(path, sizeof path, "%s/types-xlsxwriter.xlsx", dir);
    write_book(path, 0);
    snprintf(path, sizeof path, "%s/types-xlsxwriter-inline.xlsx", dir);
    write_book(path, 1);
    return 0;
}

// The worksheet XML of the XLSX reader (formats/xlsx_sheet.h): cells and their references,
// types, shared and inline strings, numbers, dates by style, rows out of order. The input is
// one sheet, put into an otherwise sound workbook (written here with libzip) so that every run
// reaches the sheet parser rather than stopping at the container.
#include <zip.h>

#include "formats/xlsx_reader.h"
#include "fuzz_input.h"

namespace {

constexpr const char* workbook =
    R"(<?xml version="1.0" encoding="UTF-8"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr date1904="false"/><sheets><sheet name="Ученики" sheetId="1" r:id="rId1"/></sheets></workbook>)";
constexpr const char* relationships =
    R"(<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>)";
constexpr const char* shared_strings =
    R"(<?xml version="1.0" encoding="UTF-8"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4"><si><t>Фамилия</t></si><si><t>Класс</t></si><si><r><t>Ёлкин</t></r><r><t xml:space="preserve"> Пётр</t></r></si><si><t>5А</t></si></sst>)";
constexpr const char* styles =
    R"(<?xml version="1.0" encoding="UTF-8"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd.mm.yyyy"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>)";

bool add(zip_t* archive, const char* name, const void* data, std::size_t size) {
    zip_source_t* source = zip_source_buffer(archive, data, size, 0);
    if (source == nullptr) {
        return false;
    }
    if (zip_file_add(archive, name, source, ZIP_FL_OVERWRITE) < 0) {
        zip_source_free(source);
        return false;
    }
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace schoolctl;
    const auto path = fuzz::input_file({}, ".xlsx");
    int error = 0;
    zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    if (archive == nullptr) {
        return 0;
    }
    const std::string parts[][2] = {{"xl/workbook.xml", workbook},
                                    {"xl/_rels/workbook.xml.rels", relationships},
                                    {"xl/sharedStrings.xml", shared_strings},
                                    {"xl/styles.xml", styles}};
    bool ok = true;
    for (const auto& [name, text] : parts) {
        ok = ok && add(archive, name.c_str(), text.data(), text.size());
    }
    ok = ok && add(archive, "xl/worksheets/sheet1.xml", data, size);
    if (!ok || zip_close(archive) != 0) {
        zip_discard(archive);
        return 0;
    }
    fuzz::refused_or_read([&] {
        formats::XlsxReader reader(path.string());
        formats::CsvRecord record;
        while (reader.next(record)) {
        }
    });
    return 0;
}

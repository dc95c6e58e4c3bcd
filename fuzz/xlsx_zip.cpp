// The XLSX reader given any file as a workbook: the zip container (formats/zip_archive.h: the
// central directory, entry names, sizes, inflating, the limits) and whatever parts it holds.
#include "formats/xlsx_reader.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace schoolctl;
    const auto path = fuzz::input_file(fuzz::as_text(data, size), ".xlsx");
    fuzz::refused_or_read([&] { formats::xlsx_sheet_names(path.string()); });
    fuzz::refused_or_read([&] {
        formats::XlsxReader reader(path.string());
        formats::CsvRecord record;
        while (reader.next(record)) {
        }
    });
    return 0;
}

// The CSV reader (formats/csv_reader.h): encoding sniffing (UTF-8, Windows-1251, BOM), the
// delimiter sniffed from the header, quoted fields across lines, and both ways to read — the
// whole table and the streaming reader.
#include "formats/csv_reader.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace schoolctl;
    const auto path = fuzz::input_file(fuzz::as_text(data, size), ".csv");
    fuzz::refused_or_read([&] { formats::read_csv(path.string()); });
    fuzz::refused_or_read([&] {
        formats::CsvOptions options;
        options.encoding = "cp1251";
        options.delimiter = ',';
        formats::CsvReader reader(path.string(), options);
        formats::CsvRecord record;
        while (reader.next(record)) {
        }
    });
    return 0;
}

// The mapping files: a CSV or XLSX import's column mapping (formats/mapping_reader.h) and a FET
// import's mapping of FET's names to the school's (formats/fet_mapping.h). Both are TOML read
// with file:line errors.
#include "formats/fet_mapping.h"
#include "formats/mapping_reader.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace schoolctl;
    const auto path = fuzz::input_file(fuzz::as_text(data, size), ".toml");
    fuzz::refused_or_read([&] { formats::read_mapping(path.string()); });
    fuzz::refused_or_read([&] { formats::read_fet_mapping(path.string()); });
    return 0;
}

// The FET timetable reader (formats/fet_reader.h): FET's XML with its days, hours, teachers,
// subjects, students sets, activities, rooms and the placements of a generated timetable.
#include "formats/fet_reader.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace schoolctl;
    const auto path = schoolctl::fuzz::input_file(fuzz::as_text(data, size), ".fet");
    fuzz::refused_or_read([&] { formats::read_fet(path); });
    return 0;
}

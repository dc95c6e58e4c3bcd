// schoolctl.toml (formats/config_reader.h): the TOML itself, every key's type and range, the
// arrays of tables ([[periods]], [[holidays]], [[scales]], [[work_types]]), then the checks
// across keys. Problems are collected, never thrown: the run must only not crash.
#include "formats/config_reader.h"
#include "formats/config_validate.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace schoolctl;
    formats::ConfigState state;
    fuzz::refused_or_read([&] {
        formats::apply_config_text(fuzz::as_text(data, size), "fuzz.toml", state);
        formats::check_consistency(state);
        for (const auto& problem : state.problems) {
            (void)problem.message();
        }
    });
    return 0;
}

// The OneRoster bundle reader (formats/oneroster_reader.h): the manifest, each file's CSV, the
// references between files. The input is a whole bundle in one text — each file begins with a
// line `@@ NAME` — read from memory, so the fuzzer mutates the CSV itself, not a zip around it.
#include "formats/oneroster_reader.h"
#include "formats/oneroster_source.h"
#include "fuzz_input.h"

#include <algorithm>
#include <map>

namespace {

class TextBundle : public schoolctl::formats::BundleSource {
public:
    explicit TextBundle(std::string_view text) {
        std::string* current = nullptr;
        std::size_t pos = 0;
        while (pos < text.size()) {
            std::size_t end = text.find('\n', pos);
            end = end == std::string_view::npos ? text.size() : end + 1;
            std::string_view line = text.substr(pos, end - pos);
            if (line.substr(0, 3) == "@@ ") {
                std::string name(line.substr(3));
                while (!name.empty() && (name.back() == '\n' || name.back() == '\r')) {
                    name.pop_back();
                }
                current = &files_[name];
            } else if (current != nullptr) {
                current->append(line);
            }
            pos = end;
        }
    }
    std::vector<std::string> names() const override {
        std::vector<std::string> out;
        for (const auto& [name, bytes] : files_) {
            out.push_back(name);
        }
        return out;
    }
    std::string read(const std::string& name) const override {
        auto it = files_.find(name);
        if (it == files_.end()) {
            throw schoolctl::Error(schoolctl::ExitCode::io, "fuzz bundle: no " + name);
        }
        return it->second;
    }
    std::string label() const override { return "fuzz-bundle"; }

private:
    std::map<std::string, std::string> files_;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace schoolctl;
    TextBundle bundle(fuzz::as_text(data, size));
    fuzz::refused_or_read([&] { formats::read_oneroster(bundle); });
    return 0;
}

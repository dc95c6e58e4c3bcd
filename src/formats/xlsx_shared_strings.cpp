#include "formats/xlsx_shared_strings.h"

#include "formats/xlsx_text.h"
#include "formats/xlsx_xml.h"
#include "util/error.h"

#include <algorithm>

namespace schoolctl::formats::xlsx {
namespace {

// <sst><si><t>text</t></si> or rich text <si><r><rPr/><t>part</t></r>...</si>; the phonetic
// reading of East Asian text (<rPh><t>...</t></rPh>) is not part of the value.
class SharedStringsParser : public XmlParser {
  public:
    SharedStringsParser(const ZipArchive& zip, const std::string& part, std::string& text,
                        std::vector<std::uint32_t>& ends)
        : XmlParser(zip.file(), part), text_(text), ends_(ends) {}

  protected:
    void on_start(std::string_view name, const char**) override {
        if (name == "si") {
            current_.clear();
        } else if (name == "rPh") {
            ++phonetic_;
        } else if (name == "t" && phonetic_ == 0) {
            in_t_ = true;
        }
    }
    void on_end(std::string_view name) override {
        if (name == "t") {
            in_t_ = false;
        } else if (name == "rPh") {
            --phonetic_;
        } else if (name == "si") {
            decode_escapes(current_);
            if (utf16_length(current_) > max_cell_chars) {
                throw too_long();
            }
            text_ += current_;
            ends_.push_back(static_cast<std::uint32_t>(text_.size()));
        }
    }
    void on_text(std::string_view text) override {
        if (in_t_) {
            if (current_.size() + text.size() > max_cell_bytes) {
                throw too_long();
            }
            current_.append(text);
        }
    }

  private:
    Error too_long() const {
        return data_error(Location{file(), 0, part()},
                          "shared string " + std::to_string(ends_.size()) + " is longer than " +
                              std::to_string(max_cell_chars) +
                              " characters (Excel's limit for a cell)");
    }

    std::string& text_;
    std::vector<std::uint32_t>& ends_;
    std::string current_;
    int phonetic_ = 0;
    bool in_t_ = false;
};

} // namespace

void SharedStrings::load(const ZipArchive& zip, const std::string& part, std::uint64_t max_bytes) {
    // The text is a subset of the part's bytes: reserving the declared size (bounded by
    // `max_bytes`, enforced while inflating) saves the doubling copies.
    text_.reserve(static_cast<std::size_t>(std::min(zip.declared_size(part), max_bytes)));
    SharedStringsParser(zip, part, text_, ends_).parse(zip, max_bytes);
}

std::string_view SharedStrings::at(std::size_t index) const {
    const std::size_t begin = index == 0 ? 0 : ends_[index - 1];
    return std::string_view(text_).substr(begin, ends_[index] - begin);
}

} // namespace schoolctl::formats::xlsx

#include "formats/xlsx_styles.h"

#include "formats/xlsx_workbook.h"
#include "formats/xlsx_xml.h"

#include <charconv>
#include <map>

namespace schoolctl::formats::xlsx {
namespace {

// <numFmts><numFmt numFmtId="164" formatCode="DD.MM.YYYY"/></numFmts> and
// <cellXfs><xf numFmtId="164"/>...</cellXfs>; other xf lists (cellStyleXfs) and the numFmt
// of differential formats (dxfs) are not cell styles.
class StylesParser : public XmlParser {
  public:
    StylesParser(const ZipArchive& zip, const std::string& part) : XmlParser(zip.file(), part) {}
    std::map<std::uint32_t, NumberKind> custom;
    std::vector<std::uint32_t> xf_formats;

  protected:
    void on_start(std::string_view name, const char** attributes) override {
        if (name == "numFmts" || name == "cellXfs") {
            in_ = name;
        } else if (name == "numFmt" && in_ == "numFmts") {
            const char* code = attribute(attributes, "formatCode");
            custom[id(attributes)] = code != nullptr ? format_code_kind(code) : NumberKind::number;
        } else if (name == "xf" && in_ == "cellXfs") {
            xf_formats.push_back(id(attributes));
        }
    }
    void on_end(std::string_view name) override {
        if (name == in_) {
            in_.clear();
        }
    }

  private:
    static std::uint32_t id(const char** attributes) {
        const char* v = attribute(attributes, "numFmtId");
        std::uint32_t n = 0;
        if (v != nullptr) {
            std::from_chars(v, v + std::char_traits<char>::length(v), n);
        }
        return n;
    }
    std::string in_;
};

} // namespace

void CellStyles::load(const ZipArchive& zip, const std::string& part) {
    StylesParser parser(zip, part);
    parser.parse(zip, max_part_bytes);
    kinds_.reserve(parser.xf_formats.size());
    for (const std::uint32_t format : parser.xf_formats) {
        const auto it = parser.custom.find(format);
        kinds_.push_back(it != parser.custom.end() ? it->second : builtin_format_kind(format));
    }
}

} // namespace schoolctl::formats::xlsx

#include "formats/xlsx_workbook.h"

#include "formats/xlsx_xml.h"
#include "util/error.h"

#include <charconv>
#include <unordered_map>

namespace schoolctl::formats::xlsx {
namespace {

struct Relationship {
    std::string type; // the full type URI; compared by its last segment
    std::string target;
};

bool has_type(const Relationship& r, std::string_view last_segment) {
    // Transitional and strict OOXML use different URIs with the same last segment.
    return r.type.size() > last_segment.size() && r.type.ends_with(last_segment) &&
           r.type[r.type.size() - last_segment.size() - 1] == '/';
}

std::string dir_of(std::string_view part) {
    const std::size_t slash = part.rfind('/');
    return slash == std::string_view::npos ? std::string() : std::string(part.substr(0, slash + 1));
}

std::string rels_part_of(std::string_view part) {
    const std::size_t slash = part.rfind('/');
    const std::size_t base = slash == std::string_view::npos ? 0 : slash + 1;
    return std::string(part.substr(0, base)) + "_rels/" + std::string(part.substr(base)) + ".rels";
}

struct Relationships {
    std::unordered_map<std::string, Relationship> by_id;
    std::vector<Relationship> in_order;
};

// A relationships part (OPC): Id -> type and resolved target. External targets are left out.
class RelationshipsParser : public XmlParser {
  public:
    RelationshipsParser(const ZipArchive& zip, std::string part, std::string source_dir,
                        Relationships& out)
        : XmlParser(zip.file(), std::move(part)), source_dir_(std::move(source_dir)), out_(out) {}

  protected:
    void on_start(std::string_view name, const char** attributes) override {
        if (name != "Relationship") {
            return;
        }
        const char* id = attribute(attributes, "Id");
        const char* type = attribute(attributes, "Type");
        const char* target = attribute(attributes, "Target");
        const char* mode = attribute(attributes, "TargetMode");
        if (type == nullptr || target == nullptr ||
            (mode != nullptr && std::string_view(mode) == "External")) {
            return;
        }
        Relationship r{type, resolve_target(source_dir_, target)};
        if (id != nullptr) {
            out_.by_id.emplace(id, r);
        }
        out_.in_order.push_back(std::move(r));
    }
    void on_end(std::string_view) override {}

  private:
    std::string source_dir_;
    Relationships& out_;
};

// The relationships of `source` (a part, or "" for the package); none when the part is absent.
Relationships read_relationships(const ZipArchive& zip, const std::string& source) {
    Relationships rels;
    const std::string part = rels_part_of(source);
    if (zip.contains(part)) {
        RelationshipsParser(zip, part, dir_of(source), rels).parse(zip, max_part_bytes);
    }
    return rels;
}

// A zip that is not a workbook is usually another document that was picked by mistake.
Error not_a_workbook(const ZipArchive& zip, const std::string& main_part) {
    std::string what = "not an Excel workbook (.xlsx)";
    if (main_part.ends_with(".bin")) {
        what = "an Excel binary workbook (.xlsb); save it as .xlsx";
    } else if (main_part.starts_with("word/")) {
        what = "not an Excel workbook but a Word document";
    } else if (main_part.starts_with("ppt/")) {
        what = "not an Excel workbook but a PowerPoint presentation";
    } else if (zip.contains("content.xml") && zip.contains("mimetype")) {
        what = "not an Excel workbook but an OpenDocument file (.ods?); save it as .xlsx";
    } else if (main_part.empty()) {
        what = "a zip archive, but not an Excel workbook (it has no xl/workbook.xml)";
    }
    return data_error(Location{zip.file(), 0, {}}, "the file is " + what);
}

class WorkbookParser : public XmlParser {
  public:
    WorkbookParser(const ZipArchive& zip, std::string part)
        : XmlParser(zip.file(), std::move(part)), zip_(zip) {}
    std::string root;
    bool date1904 = false;
    struct Sheet {
        std::string name, id;
    };
    std::vector<Sheet> sheets;

  protected:
    void on_start(std::string_view name, const char** attributes) override {
        if (root.empty()) {
            root = name;
            if (root != "workbook") { // stop here: the rest of a document is no business of ours
                throw not_a_workbook(zip_, part());
            }
        } else if (name == "workbookPr") {
            const char* v = attribute(attributes, "date1904");
            date1904 =
                v != nullptr && (std::string_view(v) == "1" || std::string_view(v) == "true");
        } else if (name == "sheets") {
            in_sheets_ = true;
        } else if (name == "sheet" && in_sheets_) {
            const char* n = attribute(attributes, "name");
            const char* id = attribute(attributes, "id"); // r:id
            sheets.push_back({n != nullptr ? n : "", id != nullptr ? id : ""});
        }
    }
    void on_end(std::string_view name) override {
        if (name == "sheets") {
            in_sheets_ = false;
        }
    }

  private:
    const ZipArchive& zip_;
    bool in_sheets_ = false;
};

} // namespace

std::string resolve_target(std::string_view source_dir, std::string_view target) {
    std::string decoded;
    for (std::size_t i = 0; i < target.size(); ++i) {
        unsigned value = 0;
        if (target[i] == '%' && i + 2 < target.size() &&
            std::from_chars(target.data() + i + 1, target.data() + i + 3, value, 16).ptr ==
                target.data() + i + 3) {
            decoded += static_cast<char>(value);
            i += 2;
        } else {
            decoded += target[i] == '\\' ? '/' : target[i];
        }
    }
    std::string path =
        decoded.starts_with('/') ? decoded.substr(1) : std::string(source_dir) + decoded;
    // Normalise "." and ".." segments.
    std::vector<std::string> segments;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= path.size(); ++i) {
        if (i < path.size() && path[i] != '/') {
            continue;
        }
        const std::string segment = path.substr(start, i - start);
        start = i + 1;
        if (segment == "..") {
            if (segments.empty()) {
                return {};
            }
            segments.pop_back();
        } else if (!segment.empty() && segment != ".") {
            segments.push_back(segment);
        }
    }
    std::string out;
    for (const std::string& s : segments) {
        out += (out.empty() ? "" : "/") + s;
    }
    return out;
}

Workbook read_workbook(const ZipArchive& zip) {
    Workbook book;
    // The package's relationships name the main part; old or hand-made files may lack them.
    for (const Relationship& r : read_relationships(zip, "").in_order) {
        if (has_type(r, "officeDocument")) {
            book.part = r.target;
            break;
        }
    }
    if (book.part.empty() && zip.contains("xl/workbook.xml")) {
        book.part = "xl/workbook.xml";
    }
    if (book.part.empty() || !zip.contains(book.part) || !book.part.ends_with(".xml") ||
        book.part.starts_with("word/") || book.part.starts_with("ppt/")) {
        throw not_a_workbook(zip, book.part);
    }
    WorkbookParser wb(zip, book.part);
    wb.parse(zip, max_part_bytes);
    book.date1904 = wb.date1904;

    const Relationships rels = read_relationships(zip, book.part);
    for (const WorkbookParser::Sheet& s : wb.sheets) {
        const auto it = rels.by_id.find(s.id);
        if (it == rels.by_id.end()) {
            book.sheets.push_back({s.name, {}}); // an error if it is chosen, not before
        } else if (has_type(it->second, "worksheet")) {
            book.sheets.push_back({s.name, it->second.target});
        }
    }
    for (const Relationship& r : rels.in_order) {
        if (has_type(r, "sharedStrings") && book.shared_strings.empty()) {
            book.shared_strings = r.target;
        } else if (has_type(r, "styles") && book.styles.empty()) {
            book.styles = r.target;
        }
    }
    return book;
}

} // namespace schoolctl::formats::xlsx

#pragma once
// expat, hardened for XML that comes from outside, and turned into something a reader can pull
// from. Internal to the XLSX reader (nothing here is about spreadsheets, so a FET or OneRoster
// reader may take it over).
//
// Element and attribute names arrive without their namespace prefix ("x:row" is "row",
// "r:id" is "id"): SpreadsheetML is written with and without prefixes and in two namespace
// families (transitional and strict), and within one part the local names do not collide.
#include "formats/zip_archive.h"

#include <cstdint>
#include <exception>
#include <string>
#include <string_view>

struct XML_ParserStruct;

namespace schoolctl::formats::xlsx {

// A start tag longer than this (or a run of attributes) is refused: expat holds an unfinished
// tag in memory whole, and no workbook writes one this long.
constexpr std::uint64_t max_tag_bytes = std::uint64_t{4} << 20;

class XmlParser {
  public:
    // `file` and `part` name the document in errors: "pupils.xlsx: xl/styles.xml: ...".
    XmlParser(std::string file, std::string part);
    virtual ~XmlParser();
    XmlParser(const XmlParser&) = delete;
    XmlParser& operator=(const XmlParser&) = delete;

    // Parses `chunk` (`last`: the document ends with it). Returns false when a handler called
    // suspend(): call resume() until it returns true before feeding more. Malformed XML and a
    // DOCTYPE are ExitCode::data; an exception thrown by a handler comes out here.
    bool feed(std::string_view chunk, bool last);
    bool resume();
    bool suspended() const { return suspended_; }

    // Feeds a whole entry of the archive (for parts whose handlers never suspend).
    void parse(const ZipArchive& zip, std::uint64_t max_bytes);

    const std::string& file() const { return file_; }
    const std::string& part() const { return part_; }

  protected:
    virtual void on_start(std::string_view name, const char** attributes) = 0;
    virtual void on_end(std::string_view name) = 0;
    virtual void on_text(std::string_view /*text*/) {}
    // Pauses parsing after the current event; feed() or resume() returns false.
    void suspend();

  private:
    static void start_handler(void* self, const char* name, const char** attributes);
    static void end_handler(void* self, const char* name);
    static void text_handler(void* self, const char* text, int length);
    static void doctype_handler(void* self, const char* name, const char* sysid, const char* pubid,
                                int has_internal_subset);
    template <class F> void guarded(F&& f);
    bool finish(int status);

    std::string file_;
    std::string part_;
    XML_ParserStruct* parser_ = nullptr;
    std::exception_ptr failure_; // thrown inside a handler, rethrown outside expat
    bool suspended_ = false;
    std::uint64_t fed_ = 0; // bytes given to expat so far
};

// The local part of a (possibly prefixed) XML name.
std::string_view local_name(std::string_view name);

// The value of the attribute with this local name, or nullptr.
const char* attribute(const char** attributes, std::string_view local);

} // namespace schoolctl::formats::xlsx

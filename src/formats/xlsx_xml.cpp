#include "formats/xlsx_xml.h"

#include "util/error.h"

#include <climits>
#include <cstring>
#include <expat.h>
#include <new>

namespace schoolctl::formats::xlsx {

XmlParser::XmlParser(std::string file, std::string part)
    : file_(std::move(file)), part_(std::move(part)) {
    parser_ = XML_ParserCreate(nullptr); // the encoding the part declares: UTF-8 or UTF-16
    if (parser_ == nullptr) {
        throw std::bad_alloc();
    }
    XML_SetUserData(parser_, this);
    XML_SetElementHandler(parser_, &XmlParser::start_handler, &XmlParser::end_handler);
    XML_SetCharacterDataHandler(parser_, &XmlParser::text_handler);
    // No part of a workbook has a DOCTYPE, and only a DOCTYPE can declare entities (the
    // billion-laughs expansion, external files): refuse it outright rather than rely on
    // expat's amplification limits.
    XML_SetStartDoctypeDeclHandler(parser_, &XmlParser::doctype_handler);
    XML_SetParamEntityParsing(parser_, XML_PARAM_ENTITY_PARSING_NEVER);
}

XmlParser::~XmlParser() {
    XML_ParserFree(parser_);
}

std::string_view local_name(std::string_view name) {
    const std::size_t colon = name.rfind(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

const char* attribute(const char** attributes, std::string_view local) {
    for (const char** a = attributes; a[0] != nullptr; a += 2) {
        if (local_name(a[0]) == local) {
            return a[1];
        }
    }
    return nullptr;
}

// Exceptions must not unwind through expat's C frames: keep the first one, stop the parser,
// and rethrow it once XML_Parse has returned.
template <class F> void XmlParser::guarded(F&& f) {
    if (failure_) {
        return;
    }
    try {
        f();
    } catch (...) {
        failure_ = std::current_exception();
        XML_StopParser(parser_, XML_FALSE);
    }
}

void XmlParser::start_handler(void* self, const char* name, const char** attributes) {
    auto* p = static_cast<XmlParser*>(self);
    p->guarded([&] { p->on_start(local_name(name), attributes); });
}

void XmlParser::end_handler(void* self, const char* name) {
    auto* p = static_cast<XmlParser*>(self);
    p->guarded([&] { p->on_end(local_name(name)); });
}

void XmlParser::text_handler(void* self, const char* text, int length) {
    auto* p = static_cast<XmlParser*>(self);
    p->guarded([&] { p->on_text(std::string_view(text, static_cast<std::size_t>(length))); });
}

void XmlParser::doctype_handler(void* self, const char* /*name*/, const char* /*sysid*/,
                                const char* /*pubid*/, int /*has_internal_subset*/) {
    auto* p = static_cast<XmlParser*>(self);
    p->guarded([&] {
        throw data_error(Location{p->file_, 0, p->part_},
                         "the XML has a DOCTYPE declaration, which is refused (a workbook never "
                         "has one; it can declare entities that expand without bound)");
    });
}

void XmlParser::suspend() {
    XML_StopParser(parser_, XML_TRUE);
}

bool XmlParser::finish(int status) {
    if (failure_) {
        std::rethrow_exception(failure_);
    }
    if (status == XML_STATUS_SUSPENDED) {
        suspended_ = true;
        return false;
    }
    suspended_ = false;
    if (status == XML_STATUS_ERROR) {
        throw data_error(Location{file_, 0, part_},
                         "malformed XML at line " +
                             std::to_string(XML_GetCurrentLineNumber(parser_)) + ", column " +
                             std::to_string(XML_GetCurrentColumnNumber(parser_)) + ": " +
                             XML_ErrorString(XML_GetErrorCode(parser_)));
    }
    // Outside a handler the byte index is just past the last event: what expat holds beyond
    // it is an unfinished tag, which it keeps whole however long it grows.
    const XML_Index at = XML_GetCurrentByteIndex(parser_);
    if (at >= 0 && fed_ - static_cast<std::uint64_t>(at) > max_tag_bytes) {
        throw data_error(Location{file_, 0, part_}, "an XML tag longer than " +
                                                        std::to_string(max_tag_bytes >> 20) +
                                                        " MiB (a damaged or hostile file)");
    }
    return true;
}

bool XmlParser::feed(std::string_view chunk, bool last) {
    if (chunk.size() > INT_MAX) {
        throw std::length_error("XML chunk too large");
    }
    fed_ += chunk.size();
    return finish(XML_Parse(parser_, chunk.data(), static_cast<int>(chunk.size()),
                            last ? XML_TRUE : XML_FALSE));
}

bool XmlParser::resume() {
    return finish(XML_ResumeParser(parser_));
}

void XmlParser::parse(const ZipArchive& zip, std::uint64_t max_bytes) {
    zip.read_chunks(
        part_, [this](std::string_view chunk) { feed(chunk, false); }, max_bytes);
    feed({}, true);
}

} // namespace schoolctl::formats::xlsx

#pragma once
// A TOML file a user wrote by hand — an import's mapping, a FET mapping, a custom report, a file
// of records — read whole and parsed, with the errors every such reader gives alike.
#include <cstddef>
#include <string>
#include <toml++/toml.h>

#include "util/error.h"

namespace schoolctl::formats {

struct TomlFile {
    std::string text;  // the bytes as read, for a checksum
    toml::table doc;
};

// Exit 66 "PATH: cannot open the WHAT" when the file cannot be read; `syntax_code` naming
// PATH:LINE with toml++'s description of a syntax error.
TomlFile read_toml_file(const std::string& path, ExitCode syntax_code,
                        const std::string& what = "file");

// The line a node starts on, for PATH:LINE messages.
inline std::size_t line_of(const toml::node& node) { return node.source().begin.line; }

}  // namespace schoolctl::formats

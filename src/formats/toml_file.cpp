#include "formats/toml_file.h"

#include <fstream>
#include <sstream>

namespace schoolctl::formats {

TomlFile read_toml_file(const std::string& path, ExitCode syntax_code, const std::string& what) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw Error(ExitCode::no_input, path + ": cannot open the " + what);
    }
    std::ostringstream bytes;
    bytes << in.rdbuf();
    TomlFile file;
    file.text = bytes.str();
    try {
        file.doc = toml::parse(file.text, std::string_view(path));
    } catch (const toml::parse_error& e) {
        throw Error(syntax_code, Location{path, e.source().begin.line, ""},
                    std::string(e.description()));
    }
    return file;
}

}  // namespace schoolctl::formats

// Entries of marks.thresholds, [[work_types]] and [[scales]]. What one entry can say about itself
// is checked here, with its line; codes unique across entries and the rules between keys are
// in config_consistency.cpp.
#include "domain/mark_scale.h"
#include "domain/person_name.h"
#include "formats/config_entry.h"

#include <algorithm>

namespace schoolctl::formats::detail {
namespace {

using domain::MarkScale;
using domain::ScaleSymbol;

// The thresholds name marks of the five-point scale above its lowest: below the lowest
// threshold the marks are rounded half up, so the bottom mark needs none. Whether «1» (and so a
// threshold for «2») is allowed is marks.five_point_allows_one's, checked with the other keys.
const MarkScale& five_point() {
    static const MarkScale scale = *domain::builtin_scale("five_point", true);
    return scale;
}

std::optional<domain::Threshold> threshold(Entry& e) {
    auto mark = e.get<std::string>("mark", true);
    auto from = e.get<std::int64_t>("from", true);
    const ScaleSymbol* symbol = mark ? five_point().find(*mark) : nullptr;
    if (mark && (symbol == nullptr || symbol == &five_point().symbols.back())) {
        e.add("mark", "\"" + *mark + "\" is not a mark of the five-point scale above its lowest " +
                          "(expected 5, 4, 3 or 2)");
    } else if (symbol != nullptr && from &&
               (*from > symbol->points || *from <= symbol->points - 100)) {
        // Within (mark - 1, mark], so the marks listed highest first have falling thresholds.
        e.add("from", domain::format_points(static_cast<int>(*from)) + " for a " + symbol->symbol +
                          " must be above " + domain::format_points(symbol->points - 100) +
                          " and at most " + domain::format_points(symbol->points));
    }
    if (!e.ok()) {
        return std::nullopt;
    }
    return domain::Threshold{symbol->symbol, static_cast<int>(*from)};
}

std::optional<domain::WorkType> work_type(Entry& e) {
    auto code = e.get<std::string>("code", true);
    auto name = e.get<std::string>("name", true);
    auto weight = e.get<std::int64_t>("weight", true);
    if (!e.ok()) {
        return std::nullopt;
    }
    return domain::WorkType{*code, *name, static_cast<int>(*weight)};
}

// How symbols are told apart when a mark is read: case aside, spaces ignored.
std::string symbol_key(std::string_view symbol) {
    std::string key = domain::match_key(symbol);
    std::erase(key, ' ');
    return key;
}

// «н/а» and «осв» are the special marks of every scale, and a slash makes a double mark.
bool is_reserved(const std::string& symbol) {
    if (symbol.find('/') != std::string::npos) {
        return true;
    }
    static const MarkScale probe{"probe", "probe", {{"\x01", 0}}, 0, false};
    auto parsed = domain::parse_mark(symbol, probe, {false, true});
    return std::holds_alternative<domain::Mark>(parsed);
}

std::optional<ScaleSymbol> scale_symbol(Entry& e) {
    auto symbol = e.get<std::string>("symbol", true);
    auto value = e.get<std::int64_t>("value", true);
    if (symbol && is_reserved(*symbol)) {
        e.add("symbol", "\"" + *symbol + "\" is reserved (н/а and осв are marks of every scale; " +
                            "a slash writes two marks in one cell)");
    }
    if (!e.ok()) {
        return std::nullopt;
    }
    return ScaleSymbol{*symbol, static_cast<int>(*value)};
}

std::vector<ScaleSymbol> symbols(Entry& e) {
    std::vector<ScaleSymbol> out;
    const toml::node* node = e.find("symbols");
    const toml::array* array = node != nullptr ? node->as_array() : nullptr;
    if (node == nullptr) {
        e.add("symbols", "is required but missing");
    } else if (array == nullptr) {
        e.add("symbols", "expected an array of tables, got " + a_type(*node));
    } else if (array->empty()) {
        e.add("symbols", "must list at least one symbol (a subject without marks has scale none)");
    } else {
        std::vector<std::size_t> lines;
        for (const auto& item : *array) {
            Entry one(item, "scales.symbols", e.report());
            if (auto s = scale_symbol(one)) {
                for (std::size_t i = 0; i < out.size(); ++i) {
                    if (symbol_key(out[i].symbol) == symbol_key(s->symbol)) {
                        one.add("symbol", "\"" + s->symbol + "\" is already a symbol at line " +
                                              std::to_string(lines[i]));
                    }
                }
                out.push_back(*s);
                lines.push_back(one.line());
            }
        }
    }
    return out;
}

std::optional<MarkScale> scale(Entry& e) {
    auto code = e.get<std::string>("code", true);
    auto name = e.get<std::string>("name", true);
    auto pass = e.get<std::string>("pass", true);
    if (code && domain::builtin_scale(*code)) {
        std::string builtins;
        for (const auto& c : domain::builtin_scale_codes()) {
            builtins += (builtins.empty() ? "" : ", ") + c;
        }
        e.add("code", "\"" + *code + "\" is a built-in scale (" + builtins + ")");
    }
    MarkScale out{code.value_or(""), name.value_or(""), symbols(e), 0, false};
    // Highest first, as every scale lists them; equal values keep the file's order.
    std::stable_sort(
        out.symbols.begin(), out.symbols.end(),
        [](const ScaleSymbol& a, const ScaleSymbol& b) { return a.points > b.points; });
    if (pass && !out.symbols.empty()) {
        if (const ScaleSymbol* s = out.find(*pass)) {
            out.pass_points = s->points;
        } else {
            e.add("pass", "\"" + *pass + "\" is not one of the scale's symbols (" +
                              out.symbols_text() + ")");
        }
    }
    if (!e.ok()) {
        return std::nullopt;
    }
    return out;
}

} // namespace

ConfigValue read_thresholds(const ConfigKey& key, const toml::array& entries, Report& report,
                            std::vector<std::size_t>& item_lines) {
    auto value = read_all<domain::Threshold, threshold>(key, entries, report, item_lines);
    // Highest first and each mark once; the bands of `from` then fall with them.
    const auto& list = std::get<std::vector<domain::Threshold>>(value);
    for (std::size_t i = 1; i < list.size(); ++i) {
        int before = five_point().find(list[i - 1].symbol)->points;
        int now = five_point().find(list[i].symbol)->points;
        if (now >= before) {
            report.add(item_lines[i], "marks.thresholds.mark",
                       "\"" + list[i].symbol + "\" after \"" + list[i - 1].symbol +
                           "\": list the marks highest first, each once");
        }
    }
    return value;
}

ConfigValue read_work_types(const ConfigKey& key, const toml::array& entries, Report& report,
                            std::vector<std::size_t>& item_lines) {
    return read_all<domain::WorkType, work_type>(key, entries, report, item_lines);
}

ConfigValue read_scales(const ConfigKey& key, const toml::array& entries, Report& report,
                        std::vector<std::size_t>& item_lines) {
    return read_all<domain::MarkScale, scale>(key, entries, report, item_lines);
}

} // namespace schoolctl::formats::detail

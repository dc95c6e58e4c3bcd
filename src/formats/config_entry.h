#pragma once
// Internal to src/formats/config_*.cpp: one table of an array of tables ([[periods]], an inline
// { mark = "5", from = 4.60 }) read field by field against the schema rows under the array's
// name, and the readers of each array.
#include "formats/config_toml.h"

#include <optional>
#include <string>
#include <vector>

namespace schoolctl::formats::detail {

// One table of an array; `prefix` is the array's dotted name ("periods", "bells.lessons").
// Every problem goes to the report; ok() says whether this entry had any.
class Entry {
  public:
    Entry(const toml::node& node, std::string prefix, Report& report)
        : table_(node.as_table()), prefix_(std::move(prefix)), report_(report),
          first_problem_(report.count()), line_(line_of(node)) {
        if (table_ == nullptr) {
            report_.add(line_, prefix_, "expected a table, got " + a_type(node));
            return;
        }
        for (auto&& [k, v] : *table_) {
            std::string name = prefix_ + "." + std::string{k.str()};
            const ConfigKey* key = find_config_key(name);
            if (key == nullptr || !key->is_item_field() || k.str().find('.') != std::string::npos) {
                report_.unknown_key(k.source().begin.line, name);
            }
        }
    }

    template <typename T> std::optional<T> get(std::string_view field, bool required) {
        const toml::node* node = find(field);
        const ConfigKey* key = find_config_key(prefix_ + "." + std::string{field});
        if (node == nullptr) {
            if (required && table_ != nullptr) {
                add(field, "is required but missing");
            }
            return std::nullopt;
        }
        std::vector<std::size_t> unused;
        auto value = read_value(*key, *node, line_of(*node), report_, unused);
        if (!value) {
            return std::nullopt;
        }
        return std::get<T>(std::move(*value));
    }

    const toml::node* find(std::string_view field) const {
        return table_ == nullptr ? nullptr : table_->get(field);
    }

    void add(std::string_view field, std::string reason) {
        const toml::node* node = find(field);
        report_.add(node != nullptr ? line_of(*node) : line_, prefix_ + "." + std::string{field},
                    std::move(reason));
    }

    bool ok() const { return report_.count() == first_problem_; }
    std::size_t line() const { return line_; }
    Report& report() { return report_; }

  private:
    const toml::table* table_;
    std::string prefix_;
    Report& report_;
    std::size_t first_problem_;
    std::size_t line_;
};

// Each entry of `entries` read by Read: the right ones in order, each with its line.
template <typename T, std::optional<T> (*Read)(Entry&)>
ConfigValue read_all(const ConfigKey& key, const toml::array& entries, Report& report,
                     std::vector<std::size_t>& item_lines) {
    std::vector<T> out;
    for (const auto& node : entries) {
        Entry e(node, std::string{key.name}, report);
        if (auto item = Read(e)) {
            out.push_back(std::move(*item));
            item_lines.push_back(e.line());
        }
    }
    return out;
}

// marks.thresholds, [[work_types]] and [[scales]] (config_mark_items.cpp).
ConfigValue read_thresholds(const ConfigKey& key, const toml::array& entries, Report& report,
                            std::vector<std::size_t>& item_lines);
ConfigValue read_work_types(const ConfigKey& key, const toml::array& entries, Report& report,
                            std::vector<std::size_t>& item_lines);
ConfigValue read_scales(const ConfigKey& key, const toml::array& entries, Report& report,
                        std::vector<std::size_t>& item_lines);

} // namespace schoolctl::formats::detail

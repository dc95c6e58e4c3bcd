#include "commands/import.h"

#include <nlohmann/json.hpp>

#include "app/import/history.h"
#include "app/import/students.h"
#include "commands/context.h"
#include "commands/listing.h"
#include "util/error.h"

namespace schoolctl::cli {
namespace {

std::optional<char> delimiter_char(const std::optional<std::string>& text) {
    if (!text) {
        return std::nullopt;
    }
    if (*text == "tab" || *text == "\\t" || *text == "\t") {
        return '\t';
    }
    if (text->size() == 1 && (*text == ";" || *text == "," || *text == "|")) {
        return text->front();
    }
    throw Error(ExitCode::usage, "--delimiter must be one of ; , | tab");
}

void print_summary(Context& ctx, const app::ImportSummary& s, const std::string& format) {
    if (format == "json") {
        nlohmann::json rejects = nlohmann::json::array();
        for (const auto& r : s.rejects) {
            rejects.push_back({{"line", r.line}, {"field", r.field}, {"reason", r.reason}});
        }
        nlohmann::json j = {{"file", s.file},         {"rows", s.rows},
                            {"created", s.created},   {"updated", s.updated},
                            {"unchanged", s.unchanged}, {"rejected", s.rejects.size()},
                            {"classes_created", s.classes_created},
                            {"dry_run", s.dry_run},   {"written", s.written},
                            {"rejects", rejects}};
        ctx.out() << j.dump(2) << '\n';
        return;
    }
    const char* heading = s.written  ? "imported"
                          : s.dry_run ? "plan (dry run, nothing written)"
                                      : "not imported, rows rejected";
    ctx.out() << heading << ": " << s.file
              << '\n'
              << "  created    " << s.created << '\n'
              << "  updated    " << s.updated << '\n'
              << "  unchanged  " << s.unchanged << '\n'
              << "  rejected   " << s.rejects.size() << '\n';
    if (s.classes_created > 0) {
        ctx.out() << "  new classes " << s.classes_created << '\n';
    }
}

}  // namespace

CommandInfo ImportCommand::info() const {
    return {"import",
            "Load rosters from the files schools have (CSV in UTF-8 or Windows-1251)",
            "Data",
            {"schoolctl import students samples/students.csv",
             "schoolctl import students pupils.csv --dry-run --rejects fix-me.csv",
             "schoolctl import history",
             "schoolctl import students export.csv --encoding cp1251 --delimiter ';'"}};
}

void ImportCommand::add_cli(CLI::App& app) {
    app.require_subcommand(1);
    students_ = app.add_subcommand(
        "students", "Pupils with their classes; matched by id column or name + birth date");
    students_->add_option("FILE", file_, "CSV file with a header line, or - for stdin")
        ->required();
    students_->add_flag("--dry-run", dry_run_, "Show what would change; write nothing");
    students_->add_option("--encoding", encoding_, "auto, utf-8 or cp1251")
        ->check(CLI::IsMember({"auto", "utf-8", "utf8", "cp1251", "windows-1251"},
                              CLI::ignore_case))
        ->capture_default_str();
    students_->add_option("--delimiter", delimiter_, "; , | or tab (default: sniffed)");
    students_
        ->add_option("--rejects", rejects_,
                     "Write the rejected rows, with an error column, to this CSV file")
        ->type_name("FILE");
    students_
        ->add_option("--max-rejects", max_rejects_,
                     "Import the good rows when at most N rows are rejected (default 0: any "
                     "rejected row means nothing is written)")
        ->type_name("N")
        ->capture_default_str();
    students_->add_option("--format", format_, "Summary format")
        ->check(CLI::IsMember({"table", "json"}))
        ->capture_default_str();

    history_ = app.add_subcommand(
        "history", "Every import that wrote: when, who, the file and its SHA-256, the counts");
    history_->add_option("--limit", limit_, "Only the newest N imports")->type_name("N");
    history_->add_option("--format", format_, "Output format")
        ->check(CLI::IsMember({"table", "csv", "json"}))
        ->capture_default_str();
}

int ImportCommand::run(Context& ctx) {
    if (history_->parsed()) {
        print_document(ctx, app::import_history(ctx.session(), limit_), format_);
        return 0;
    }
    app::ImportStudentsRequest request{file_,    encoding_,    delimiter_char(delimiter_),
                                       dry_run_, max_rejects_, rejects_};
    app::ImportSummary summary = app::import_students(ctx.session(), request);
    ctx.detail("read " + summary.file + " as " + summary.encoding + ", delimiter " +
               (summary.delimiter == '\t' ? std::string("TAB") : std::string(1, summary.delimiter)) +
               ", " + std::to_string(summary.rows) + " rows");
    for (const auto& w : summary.warnings) {
        ctx.warn(w);
    }
    for (const auto& r : summary.rejects) {
        ctx.err() << summary.file << ':' << r.line << ": " << r.field << ": " << r.reason << '\n';
    }
    print_summary(ctx, summary, format_);
    if (summary.rejects.size() > summary.max_rejects) {
        throw Error(ExitCode::data,
                    std::to_string(summary.rejects.size()) + " of " +
                        std::to_string(summary.rows) + " rows rejected; nothing was written (" +
                        (rejects_ ? "see " + *rejects_ + ", or " : std::string()) +
                        "use --max-rejects to import the rest)");
    }
    if (!summary.rejects.empty() && summary.written) {
        ctx.warn(std::to_string(summary.rejects.size()) +
                 " rejected rows were left out (--max-rejects " +
                 std::to_string(summary.max_rejects) + ")");
    }
    return 0;
}

}  // namespace schoolctl::cli

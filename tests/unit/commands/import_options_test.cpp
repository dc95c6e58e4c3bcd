// The options every import from a file shares: one --format names how to read the file and how
// to print the summary; the delimiter is one of four.
#include "commands/import_options.h"

#include <catch2/catch.hpp>

#include "support/exit_code.h"

using namespace schoolctl;
using cli::ImportFileOptions;

TEST_CASE("import options: --format for the file and for the summary", "[commands]") {
    ImportFileOptions o;
    o.file = "marks.xlsx";
    CHECK(o.request().source.format == app::SourceFormat::automatic);
    CHECK(o.summary_format() == "table");
    o.formats = {"xlsx", "json"};
    CHECK(o.request().source.format == app::SourceFormat::xlsx);
    CHECK(o.summary_format() == "json");
    o.formats = {"table", "csv"};
    CHECK(o.request().source.format == app::SourceFormat::csv);
    CHECK(o.summary_format() == "table");
}

TEST_CASE("import options: the request carries every choice", "[commands]") {
    ImportFileOptions o;
    o.file = "-";
    o.dry_run = true;
    o.max_rejects = 3;
    o.rejects = "fix-me.csv";
    o.encoding = "cp1251";
    o.sheet = "2";
    o.delimiter = "tab";
    app::ImportRequest r = o.request();
    CHECK(r.source.file == "-");
    CHECK(r.source.encoding == "cp1251");
    CHECK(r.source.delimiter == '\t');
    CHECK(r.source.sheet == "2");
    CHECK(r.dry_run);
    CHECK(r.max_rejects == 3);
    CHECK(r.rejects_file == "fix-me.csv");
    CHECK(r.mode == app::ImportMode::upsert);
    o.delimiter = ";";
    CHECK(o.request().source.delimiter == ';');
    o.delimiter = "::";
    CHECK(test::exit_code_of([&] { o.request(); }) == ExitCode::usage);
}

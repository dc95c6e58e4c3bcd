#include "app/sample/generate.h"
#include "support/exit_code.h"
#include "support/temp_dir.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <set>
#include <sstream>
#include <sys/stat.h>

using namespace schoolctl;
using namespace schoolctl::app::sample;
namespace fs = std::filesystem;

namespace {

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

SampleRequest request(const fs::path& out, int pupils, int schools = 1, std::uint64_t seed = 1) {
    SampleRequest r;
    r.pupils = pupils;
    r.schools = schools;
    r.seed = seed;
    r.out = out;
    return r;
}

} // namespace

TEST_CASE("one school: every file straight into the folder, mode 0600", "[sample][generate]") {
    test::TempDir dir;
    const auto summary = generate_sample(request(dir / "school", 80), {});
    REQUIRE(summary.schools.size() == 1);
    CHECK(summary.schools[0].pupils == 80);
    for (const auto& name : school_file_names()) {
        const fs::path p = dir / "school" / name;
        REQUIRE(fs::exists(p));
        struct stat st {};
        REQUIRE(::stat(p.c_str(), &st) == 0);
        CHECK((st.st_mode & 0777u) == 0600u);
    }
    // Nothing else: no temporary files left.
    CHECK(std::distance(fs::directory_iterator(dir / "school"), fs::directory_iterator{}) ==
          static_cast<long>(school_file_names().size()));
    CHECK(read(dir / "school" / "students.csv").rfind("\xEF\xBB\xBFИдентификатор;", 0) == 0);
}

TEST_CASE("the same seed writes the same bytes on any number of threads, another seed other ones",
          "[sample][generate]") {
    test::TempDir dir;
    auto a = request(dir / "a", 60, 2, 5), b = request(dir / "b", 60, 2, 5);
    a.threads = 2; // the schools side by side, or one after the other: the same bytes
    b.threads = 1;
    generate_sample(a, {});
    generate_sample(b, {});
    generate_sample(request(dir / "c", 60, 2, 6), {});
    for (const char* school : {"school-001", "school-002"}) {
        for (const auto& name : school_file_names()) {
            CAPTURE(school, name);
            CHECK(read(dir / "a" / school / name) == read(dir / "b" / school / name));
        }
    }
    CHECK(read(dir / "a" / "school-001" / "students.csv") !=
          read(dir / "c" / "school-001" / "students.csv"));
}

TEST_CASE("a district: distinct schools, pupils in all as asked", "[sample][generate]") {
    test::TempDir dir;
    int done = 0;
    const auto summary =
        generate_sample(request(dir / "d", 300, 3), [&](std::size_t n, std::size_t total) {
            CHECK(total == 3);
            done = static_cast<int>(n);
        });
    CHECK(done == 3);
    int pupils = 0;
    std::set<std::string> ids;
    for (const auto& s : summary.schools) {
        pupils += s.pupils;
        ids.insert(s.external_id);
    }
    CHECK(pupils == 300);
    CHECK(ids.size() == 3);
    CHECK(fs::exists(dir / "d" / "school-003" / "marks.csv"));
}

TEST_CASE("refusals: a folder with files, a bad count, a missing parent", "[sample][generate]") {
    test::TempDir dir;
    fs::create_directory(dir / "full");
    std::ofstream(dir / "full" / "notes.txt") << "keep me";
    CHECK(test::exit_code_of([&] { generate_sample(request(dir / "full", 20), {}); }) ==
          ExitCode::cant_create);
    CHECK(!fs::exists(dir / "full" / "students.csv"));
    auto forced = request(dir / "full", 20);
    forced.force = true;
    generate_sample(forced, {});
    CHECK(read(dir / "full" / "notes.txt") == "keep me");
    CHECK(fs::exists(dir / "full" / "students.csv"));

    CHECK(test::exit_code_of([&] { generate_sample(request(dir / "x", 0), {}); }) ==
          ExitCode::usage);
    CHECK(test::exit_code_of([&] { generate_sample(request(dir / "x", 3, 5), {}); }) ==
          ExitCode::usage);
    CHECK(test::exit_code_of([&] { generate_sample(request(dir / "x", 8000), {}); }) ==
          ExitCode::usage);
    auto period = request(dir / "x", 20);
    period.period = "Q5";
    CHECK(test::exit_code_of([&] { generate_sample(period, {}); }) == ExitCode::usage);
    CHECK(!fs::exists(dir / "x"));
    CHECK(test::exit_code_of([&] { generate_sample(request(dir / "no" / "such", 20), {}); }) ==
          ExitCode::cant_create);
}

#include "formats/oneroster_reader.h"
#include "formats/oneroster_writer.h"
#include "support/exit_code.h"
#include "support/temp_dir.h"
#include "util/error.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/stat.h>
#include <vector>

using schoolctl::Error;
using schoolctl::ExitCode;
using schoolctl::formats::OneRosterBundle;
using schoolctl::formats::OneRosterUserRole;
using schoolctl::formats::OneRosterVersion;
using schoolctl::formats::read_oneroster_folder;
using schoolctl::formats::render_oneroster;
using schoolctl::formats::write_oneroster_folder;
using schoolctl::test::exit_code_of;
using schoolctl::test::TempDir;
namespace fs = std::filesystem;

namespace {

fs::path data(const std::string& bundle) {
    return fs::path(SCHOOLCTL_SOURCE_DIR) / "tests/data/oneroster" / bundle;
}

std::string bytes_of(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

unsigned mode_of(const fs::path& p) {
    struct stat st {};
    REQUIRE(::stat(p.c_str(), &st) == 0);
    return st.st_mode & 0777u;
}

std::vector<std::string> entries(const fs::path& folder) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(folder)) {
        names.push_back(e.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

std::string text_of(const std::vector<schoolctl::formats::OneRosterFileText>& files,
                    const std::string& name) {
    for (const auto& f : files) {
        if (f.name == name) {
            return f.bytes;
        }
    }
    FAIL("no " + name);
    return {};
}

OneRosterBundle read_ok(const fs::path& folder) {
    OneRosterBundle b = read_oneroster_folder(folder);
    std::vector<std::string> problems;
    for (const auto& p : b.problems) {
        problems.push_back(p.str());
    }
    CAPTURE(problems);
    REQUIRE(b.problems.empty());
    return b;
}

} // namespace

TEST_CASE("oneroster writer: the sample bundles come out byte for byte as committed",
          "[oneroster]") {
    // The committed bundles are in the writer's own form: CRLF, quotes only where needed, the
    // manifest listing every file of the version in the spec's order.
    const std::string version = GENERATE(std::string("v1.1"), std::string("v1.2"));
    CAPTURE(version);
    const OneRosterBundle b = read_ok(data(version));
    const auto files = render_oneroster(b, b.version);
    std::vector<std::string> names;
    for (const auto& f : files) {
        CAPTURE(f.name);
        CHECK(f.bytes == bytes_of(data(version) / f.name));
        names.push_back(f.name);
    }
    std::sort(names.begin(), names.end());
    CHECK(names == entries(data(version)));
}

TEST_CASE("oneroster writer: what it writes reads back as the same bundle", "[oneroster]") {
    const std::string version = GENERATE(std::string("v1.1"), std::string("v1.2"));
    CAPTURE(version);
    const OneRosterBundle original = read_ok(data(version));
    TempDir dir;
    write_oneroster_folder(original, original.version, dir / "out");
    const OneRosterBundle again = read_ok(dir / "out");
    CHECK(again == original);

    // Private: the folder is the owner's only, every file 0600, nothing left beside it.
    CHECK(mode_of(dir / "out") == 0700u);
    for (const auto& name : entries(dir / "out")) {
        CAPTURE(name);
        CHECK(mode_of(dir / "out" / name) == 0600u);
        CHECK(bytes_of(dir / "out" / name).substr(0, 3) != "\xEF\xBB\xBF");
    }
    CHECK(entries(dir.path()) == std::vector<std::string>{"out"});
}

TEST_CASE("oneroster writer: bulk output, quoting, list fields", "[oneroster]") {
    OneRosterBundle b = read_ok(data("v1.1"));
    b.orgs[0].status = "active"; // as a delta file would have had it
    b.orgs[0].date_last_modified = "2026-09-01T00:00:00Z";
    b.orgs[0].name = "Школа\r\n\"Эврика\", филиал";
    const std::string orgs = text_of(render_oneroster(b, OneRosterVersion::v1_1), "orgs.csv");
    CHECK_THAT(orgs,
               Catch::Contains("\r\norg-dep,,,\"Школа\r\n\"\"Эврика\"\", филиал\",district,"));

    TempDir dir;
    write_oneroster_folder(b, OneRosterVersion::v1_1, dir / "out");
    const OneRosterBundle again = read_ok(dir / "out");
    CHECK(again.orgs[0].name == b.orgs[0].name);
    CHECK(again.orgs[0].status.empty());
    CHECK(again.orgs[0].date_last_modified.empty());

    b.users[0].agent_sourced_ids = {"g,1"};
    const auto e = exit_code_of([&] { render_oneroster(b, OneRosterVersion::v1_1); });
    CHECK(e == ExitCode::data); // the comma would split the item when read back
}

TEST_CASE("oneroster writer: 1.1 to 1.2 and back translates roles", "[oneroster]") {
    SECTION("1.1 read, 1.2 written: roles.csv with made-up ids, administrators placed") {
        OneRosterBundle b = read_ok(data("v1.1"));
        OneRosterUserRole admin;
        admin.role = "administrator";
        admin.org_sourced_id = "org-dep";
        b.users[0].roles.push_back(admin); // a teacher who also administers the district
        b.users[0].roles[0].primary = true;
        b.users[0].roles[1].primary = false;
        TempDir dir;
        write_oneroster_folder(b, OneRosterVersion::v1_2, dir / "out");
        const OneRosterBundle again = read_ok(dir / "out");
        CHECK(again.version == OneRosterVersion::v1_2);
        const auto& roles = again.users[0].roles;
        REQUIRE(roles.size() == 2);
        CHECK(roles[0].sourced_id == "t-kovaleva-role-1");
        CHECK(roles[0].role == "teacher");
        CHECK(roles[1].role == "districtAdministrator");
        CHECK_FALSE(roles[1].primary);
        CHECK(again.users.size() == b.users.size());
        CHECK(again.users[3].agent_sourced_ids == b.users[3].agent_sourced_ids);
        CHECK(again.demographics == b.demographics);
    }
    SECTION("1.2 read, 1.1 written: one role per user, 1.2-only columns dropped") {
        OneRosterBundle b = read_ok(data("v1.2"));
        TempDir dir;
        // Семёнов teaches and is a principal: 1.1 cannot say both.
        const auto refused = [&] {
            try {
                write_oneroster_folder(b, OneRosterVersion::v1_1, dir / "out");
            } catch (const Error& e) {
                return std::string(e.what());
            }
            return std::string();
        }();
        CHECK(refused == "cannot write OneRoster 1.1: user \"t-semenov\" has the roles teacher "
                         "and principal (1.1 has one role per user)");
        CHECK_FALSE(fs::exists(dir / "out"));
        CHECK(entries(dir.path()).empty());

        b.users[1].roles.pop_back();
        b.users[1].roles[0].role = "principal";
        write_oneroster_folder(b, OneRosterVersion::v1_1, dir / "out");
        const OneRosterBundle again = read_ok(dir / "out");
        CHECK(again.users[1].roles.at(0).role == "administrator");
        CHECK(again.users[3].preferred_given_name.empty());
        CHECK(again.users[3].given_name == "Алёна");
        CHECK(again.manifest.at("source.systemName") == "Школьный журнал");
    }
}

TEST_CASE("oneroster writer: an existing folder is replaced only if it is a bundle",
          "[oneroster]") {
    const OneRosterBundle b = read_ok(data("v1.1"));
    TempDir dir;
    SECTION("an older bundle is replaced whole") {
        write_oneroster_folder(read_ok(data("v1.2")), OneRosterVersion::v1_2, dir / "out");
        CHECK(fs::exists(dir / "out" / "roles.csv"));
        write_oneroster_folder(b, OneRosterVersion::v1_1, dir / "out");
        CHECK_FALSE(fs::exists(dir / "out" / "roles.csv")); // nothing of the old one is left
        CHECK(read_ok(dir / "out").version == OneRosterVersion::v1_1);
        CHECK(entries(dir.path()) == std::vector<std::string>{"out"});
    }
    SECTION("an empty folder is filled") {
        fs::create_directory(dir / "out");
        write_oneroster_folder(b, OneRosterVersion::v1_1, dir / "out/");
        CHECK(read_ok(dir / "out") == b);
    }
    SECTION("a folder with other things in it is left alone") {
        fs::create_directory(dir / "out");
        std::ofstream(dir / "out" / "thesis.docx") << "years of work";
        CHECK(exit_code_of([&] {
                  write_oneroster_folder(b, OneRosterVersion::v1_1, dir / "out");
              }) == ExitCode::cant_create);
        CHECK(entries(dir / "out") == std::vector<std::string>{"thesis.docx"});
        CHECK(entries(dir.path()) == std::vector<std::string>{"out"});
    }
    SECTION("a file is not replaced by a folder") {
        std::ofstream(dir / "out") << "x";
        CHECK(exit_code_of([&] {
                  write_oneroster_folder(b, OneRosterVersion::v1_1, dir / "out");
              }) == ExitCode::cant_create);
    }
    SECTION("a folder that cannot be made leaves nothing behind") {
        CHECK(exit_code_of([&] {
                  write_oneroster_folder(b, OneRosterVersion::v1_1, dir / "missing" / "out");
              }) == ExitCode::cant_create);
        CHECK(entries(dir.path()).empty());
    }
}

#include "../formats/report_test_support.h"
#include "util/atomic_file.h"
#include "util/error.h"

#include <catch2/catch.hpp>
#include <sys/stat.h>
#include <unistd.h>

using schoolctl::AtomicFile;
using schoolctl::write_file_atomically;
namespace fs = std::filesystem;
namespace test = schoolctl::test;

namespace {

unsigned mode_of(const fs::path& p) {
    struct stat st {};
    REQUIRE(::stat(p.c_str(), &st) == 0);
    return st.st_mode & 07777u;
}

std::size_t entries(const fs::path& dir) {
    return static_cast<std::size_t>(
        std::distance(fs::directory_iterator(dir), fs::directory_iterator{}));
}

} // namespace

TEST_CASE("atomic write leaves only the final file, mode 0600", "[util][atomic_file]") {
    test::TempDir dir;
    const auto path = dir / "out.txt";
    const mode_t old_umask = ::umask(0); // even a permissive umask must not widen the mode
    write_file_atomically(path, "Ёлкин\n");
    ::umask(old_umask);
    CHECK(test::read_file(path) == "Ёлкин\n");
    CHECK(mode_of(path) == 0600u);
    CHECK(entries(dir.path()) == 1);
}

TEST_CASE("atomic write replaces an existing file whole", "[util][atomic_file]") {
    test::TempDir dir;
    const auto path = dir / "out.txt";
    std::ofstream(path) << "old content that is longer";
    fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write | fs::perms::others_read);
    write_file_atomically(path, "new");
    CHECK(test::read_file(path) == "new");
    CHECK(mode_of(path) == 0600u);
}

TEST_CASE("the temporary file is private and hidden next to the target", "[util][atomic_file]") {
    test::TempDir dir;
    const auto path = dir / "out.txt";
    AtomicFile file(path);
    CHECK(file.temp_path().parent_path() == dir.path());
    CHECK(file.temp_path().filename().string().rfind(".out.txt.tmp-", 0) == 0);
    CHECK(mode_of(file.temp_path()) == 0600u);
    file.write("partial");
    CHECK(!fs::exists(path)); // nothing under the final name before commit
}

TEST_CASE("an abandoned atomic file leaves nothing behind", "[util][atomic_file]") {
    test::TempDir dir;
    {
        AtomicFile file(dir / "out.txt");
        file.write("half of it");
    }
    CHECK(entries(dir.path()) == 0);
}

TEST_CASE("a missing directory is cant_create and creates nothing", "[util][atomic_file]") {
    test::TempDir dir;
    const auto path = dir / "missing" / "out.txt";
    try {
        write_file_atomically(path, "x");
        FAIL("no error");
    } catch (const schoolctl::Error& e) {
        CHECK(e.code() == schoolctl::ExitCode::cant_create);
        CHECK(std::string(e.what()) ==
              "cannot create " + path.string() + ": No such file or directory");
    }
    CHECK(entries(dir.path()) == 0);
}

TEST_CASE("a read-only directory is cant_create", "[util][atomic_file]") {
    if (::geteuid() == 0) {
        WARN("running as root: permissions are not enforced, skipped");
        return;
    }
    test::TempDir dir;
    fs::permissions(dir.path(), fs::perms::owner_read | fs::perms::owner_exec);
    try {
        write_file_atomically(dir / "out.txt", "x");
        FAIL("no error");
    } catch (const schoolctl::Error& e) {
        CHECK(e.code() == schoolctl::ExitCode::cant_create);
    }
}

TEST_CASE("renaming over a directory is cant_create and cleans up", "[util][atomic_file]") {
    test::TempDir dir;
    fs::create_directory(dir / "taken");
    try {
        write_file_atomically(dir / "taken", "x");
        FAIL("no error");
    } catch (const schoolctl::Error& e) {
        CHECK(e.code() == schoolctl::ExitCode::cant_create);
    }
    CHECK(entries(dir.path()) == 1);
    CHECK(fs::is_directory(dir / "taken"));
}

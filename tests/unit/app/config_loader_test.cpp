#include "app/config_loader.h"
#include "util/error.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;
using schoolctl::Error;
using schoolctl::ExitCode;
using schoolctl::app::check_config;
using schoolctl::app::ConfigSources;
using schoolctl::app::load_config;

namespace {

// A fresh directory per test: home/, xdg/ and work/ (the working directory) inside it.
class Sandbox {
  public:
    Sandbox() {
        std::string pattern = (fs::temp_directory_path() / "schoolctl-config-XXXXXX").string();
        char* made = mkdtemp(pattern.data());
        REQUIRE(made != nullptr);
        root_ = made;
        fs::create_directories(root_ / "work");
    }
    ~Sandbox() {
        std::error_code ec;
        fs::remove_all(root_, ec);
    }
    Sandbox(const Sandbox&) = delete;
    Sandbox& operator=(const Sandbox&) = delete;

    fs::path write(const fs::path& relative, const std::string& text) const {
        fs::path file = root_ / relative;
        fs::create_directories(file.parent_path());
        std::ofstream(file) << text;
        return file;
    }
    fs::path path(const fs::path& relative) const { return root_ / relative; }

    // Nothing but the sandbox: no XDG, HOME inside it, the working directory inside it.
    ConfigSources sources() const {
        ConfigSources s;
        s.cwd = root_ / "work";
        s.home = root_ / "home";
        return s;
    }

  private:
    fs::path root_;
};

std::string origin(const schoolctl::app::LoadedConfig& c, const std::string& key) {
    for (const auto& [name, o] : c.origins) {
        if (name == key) {
            return o.value + " @ " + o.source;
        }
    }
    return "(no such key)";
}

std::string period(const char* code, const char* start, const char* end) {
    return std::string{"[[periods]]\ncode = \""} + code + "\"\nname = \"" + code +
           "\"\nstart = " + start + "\nend = " + end + "\n";
}

} // namespace

TEST_CASE("config loader: nothing configured gives the built-in defaults", "[config]") {
    Sandbox box;
    auto c = load_config(box.sources());
    CHECK(c.files.empty());
    CHECK(c.settings.database_path == "school.db");
    CHECK(c.settings.busy_timeout_ms == 5000);
    CHECK(origin(c, "database.path") == "\"school.db\" @ default");
    CHECK(origin(c, "academic_year.start") == " @ default");
    CHECK(origin(c, "periods") == "[] @ default");
    // Every key that is a setting, in schema order.
    REQUIRE(!c.origins.empty());
    CHECK(c.origins.front().first == "school.name");
    CHECK(c.origins.back().first == "accounts.lockout_after");
    for (const auto& [name, o] : c.origins) {
        CHECK(name.find("periods.") == std::string::npos);
        CHECK(o.source == "default");
    }
}

TEST_CASE("config loader: precedence across every layer, with origins", "[config]") {
    Sandbox box;
    ConfigSources s = box.sources();
    s.xdg_config_home = box.path("xdg");
    fs::path user =
        box.write("xdg/schoolctl/config.toml", "[school]\n"
                                               "name = \"Школа из XDG\"\n"
                                               "short_name = \"XDG\"\n"
                                               "[database]\n"
                                               "path = \"xdg.db\"\n"
                                               "busy_timeout_ms = 1000\n"
                                               "[reports]\n"
                                               "language = \"en\"\n"
                                               "csv_dialect = \"rfc4180\"\n"
                                               "[academic_year]\n"
                                               "start = 2026-09-01\n"
                                               "end = 2027-05-26\n" +
                                                   period("Q1", "2026-09-01", "2026-10-23") +
                                                   period("Q2", "2026-11-02", "2026-12-26"));
    // The user file's start and end combine with this file's name, key by key.
    fs::path local = box.write("work/schoolctl.toml", "[school]\n"
                                                      "name = \"Школа из каталога\"\n"
                                                      "[database]\n"
                                                      "path = \"local.db\"\n"
                                                      "busy_timeout_ms = 2000\n"
                                                      "[academic_year]\n"
                                                      "name = \"2026/27\"\n" +
                                                          period("H1", "2026-09-01", "2026-12-26"));
    fs::path chosen = box.write("chosen.toml", "[database]\n"
                                               "path = \"chosen.db\"\n"
                                               "busy_timeout_ms = 3000\n"
                                               "[accounts]\n"
                                               "session_hours = 8\n");
    s.explicit_file = chosen;

    SECTION("files only") {
        auto c = load_config(s);
        CHECK(c.files == std::vector<fs::path>{user, local, chosen});
        CHECK(origin(c, "school.name") == "\"Школа из каталога\" @ " + local.string() + ":2");
        CHECK(origin(c, "school.short_name") == "\"XDG\" @ " + user.string() + ":3");
        CHECK(origin(c, "database.path") == "\"chosen.db\" @ " + chosen.string() + ":2");
        CHECK(origin(c, "database.busy_timeout_ms") == "3000 @ " + chosen.string() + ":3");
        CHECK(origin(c, "academic_year.start") == "2026-09-01 @ " + user.string() + ":11");
        CHECK(origin(c, "academic_year.name") == "\"2026/27\" @ " + local.string() + ":7");
        CHECK(origin(c, "accounts.session_hours") == "8 @ " + chosen.string() + ":5");
        CHECK(origin(c, "reports.language") == "\"en\" @ " + user.string() + ":8");
        CHECK(origin(c, "accounts.password_min_length") == "12 @ default");
        // The higher file's [[periods]] replaces the lower one's whole.
        REQUIRE(c.settings.periods.size() == 1);
        CHECK(c.settings.periods[0].code == "H1");
        CHECK(origin(c, "periods").ends_with(" @ " + local.string() + ":8"));
    }
    SECTION("environment over files, flags over environment") {
        s.env = {{"SCHOOLCTL_DB", "env.db"},
                 {"SCHOOLCTL_BUSY_TIMEOUT", "4000"},
                 {"SCHOOLCTL_LANG", "ru"}};
        auto c = load_config(s);
        CHECK(origin(c, "database.path") == "\"env.db\" @ env SCHOOLCTL_DB");
        CHECK(origin(c, "database.busy_timeout_ms") == "4000 @ env SCHOOLCTL_BUSY_TIMEOUT");
        CHECK(origin(c, "reports.language") == "\"ru\" @ env SCHOOLCTL_LANG");
        CHECK(c.settings.busy_timeout_ms == 4000);

        s.flag_db = "flag.db";
        c = load_config(s);
        CHECK(c.settings.database_path == "flag.db");
        CHECK(origin(c, "database.path") == "\"flag.db\" @ flag --db");
    }
    SECTION("SCHOOLCTL_CONFIG names the file when --config does not") {
        s.explicit_file.reset();
        s.env = {{"SCHOOLCTL_CONFIG", chosen.string()}};
        CHECK(load_config(s).settings.database_path == "chosen.db");
        s.explicit_file = box.write("other.toml", "[database]\npath = \"other.db\"\n");
        CHECK(load_config(s).settings.database_path == "other.db");
    }
}

TEST_CASE("config loader: where the per-user file is looked for", "[config]") {
    Sandbox box;
    box.write("home/.config/schoolctl/config.toml", "[database]\npath = \"home.db\"\n");
    box.write("xdg/schoolctl/config.toml", "[database]\npath = \"xdg.db\"\n");
    ConfigSources s = box.sources();
    CHECK(load_config(s).settings.database_path == "home.db");
    s.xdg_config_home = box.path("xdg");
    CHECK(load_config(s).settings.database_path == "xdg.db");
    s.xdg_config_home = "relative/xdg"; // ignored, as the XDG spec says
    CHECK(load_config(s).settings.database_path == "home.db");
    s.home.reset();
    s.xdg_config_home.reset();
    CHECK(load_config(s).files.empty());
}

TEST_CASE("config loader: a relative --config is relative to the working directory", "[config]") {
    Sandbox box;
    box.write("work/conf/school.toml", "[database]\npath = \"rel.db\"\n");
    ConfigSources s = box.sources();
    s.explicit_file = "conf/school.toml";
    CHECK(load_config(s).settings.database_path == "rel.db");
    // Naming ./schoolctl.toml again reads it once.
    box.write("work/schoolctl.toml", "[database]\npath = \"local.db\"\n");
    s.explicit_file = "schoolctl.toml";
    CHECK(load_config(s).files.size() == 1);
}

TEST_CASE("config loader: a missing explicit file is missing input", "[config]") {
    Sandbox box;
    ConfigSources s = box.sources();
    s.explicit_file = box.path("nope.toml");
    auto expect_no_input = [&](auto&& call) {
        try {
            call();
            FAIL("no error");
        } catch (const Error& e) {
            CHECK(e.code() == ExitCode::no_input);
            CHECK(std::string{e.what()} ==
                  box.path("nope.toml").string() + ": config file not found");
        }
    };
    expect_no_input([&] { load_config(s); });
    expect_no_input([&] { check_config(s); });
    s.explicit_file.reset();
    s.env = {{"SCHOOLCTL_CONFIG", box.path("nope.toml").string()}};
    expect_no_input([&] { load_config(s); });
}

TEST_CASE("config loader: wrong environment values name the variable", "[config]") {
    Sandbox box;
    ConfigSources s = box.sources();
    s.env = {{"SCHOOLCTL_BUSY_TIMEOUT", "5s"}, {"SCHOOLCTL_LANG", "de"}};
    CHECK(check_config(s) ==
          std::vector<std::string>{
              "env SCHOOLCTL_BUSY_TIMEOUT: database.busy_timeout_ms: expected an integer, got "
              "\"5s\"",
              "env SCHOOLCTL_LANG: reports.language: must be \"ru\" or \"en\", got \"de\"",
          });
    s.env = {{"SCHOOLCTL_BUSY_TIMEOUT", "-5"}};
    CHECK(check_config(s) ==
          std::vector<std::string>{"env SCHOOLCTL_BUSY_TIMEOUT: database.busy_timeout_ms: must be "
                                   "0 or more, got -5"});
    s.env = {{"SCHOOLCTL_BUSY_TIMEOUT", ""}}; // empty = unset
    CHECK(check_config(s).empty());
    s.flag_db = "";
    CHECK(check_config(s) ==
          std::vector<std::string>{"flag --db: database.path: must not be empty"});
}

TEST_CASE("config loader: problems of every layer are reported together", "[config]") {
    Sandbox box;
    ConfigSources s = box.sources();
    fs::path local = box.write("work/schoolctl.toml", "[school]\nnmae = \"x\"\n");
    s.explicit_file = box.write("chosen.toml", "[database]\nbusy_timeout_ms = \"x\"\n"
                                               "[academic_year]\nstart = 2026-09-01\n");
    s.env = {{"SCHOOLCTL_LANG", "fr"}};
    std::vector<std::string> expected = {
        local.string() + ":2: unknown key \"school.nmae\"; did you mean \"school.name\"?",
        s.explicit_file->string() +
            ":2: database.busy_timeout_ms: expected an integer, got a string",
        s.explicit_file->string() +
            ":4: academic_year.end: is required when academic_year.start is set",
        "env SCHOOLCTL_LANG: reports.language: must be \"ru\" or \"en\", got \"fr\"",
    };
    CHECK(check_config(s) == expected);
    try {
        load_config(s);
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.code() == ExitCode::config);
        std::string all;
        for (const auto& line : expected) {
            all += (all.empty() ? "" : "\n") + line;
        }
        CHECK(std::string{e.what()} == all);
    }
}

TEST_CASE("config loader: the sample configuration loads", "[config]") {
    Sandbox box;
    ConfigSources s = box.sources();
    s.explicit_file = SCHOOLCTL_SOURCE_DIR "/samples/schoolctl.toml";
    REQUIRE(check_config(s) == std::vector<std::string>{});
    auto c = load_config(s);
    CHECK(c.settings.school_name == "ГБОУ Школа № 1234");
    CHECK(c.settings.periods.size() == 4);
    CHECK(origin(c, "school.name").ends_with("samples/schoolctl.toml:6"));
}

TEST_CASE("config loader: schoolctl.toml(5) documents every variable", "[config][docs]") {
    std::ifstream in(SCHOOLCTL_SOURCE_DIR "/man/schoolctl.toml.5");
    REQUIRE(in);
    std::ostringstream page;
    page << in.rdbuf();
    for (const auto& setting : schoolctl::app::config_environment()) {
        CAPTURE(setting.variable);
        CHECK(page.str().find(".B " + std::string{setting.variable} + "\n") != std::string::npos);
    }
}

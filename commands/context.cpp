#include "commands/context.h"

#include "util/filesystem_kind.h"

#include <unistd.h>

#include <cstdlib>
#include <iostream>

namespace schoolctl::cli {
namespace {

std::optional<std::string> env(const char* name) {
    const char* v = std::getenv(name);
    return v && *v ? std::optional<std::string>(v) : std::nullopt;
}

std::filesystem::path state_dir() {
    if (auto xdg = env("XDG_STATE_HOME")) {
        return std::filesystem::path(*xdg) / "schoolctl";
    }
    return std::filesystem::path(env("HOME").value_or(".")) / ".local/state/schoolctl";
}

}  // namespace

Context::Context(GlobalOptions options, std::ostream& out, std::ostream& err, std::istream& in)
    : options_(std::move(options)), out_(out), err_(err), in_(in) {
    if (!options_.school) {
        options_.school = env("SCHOOLCTL_SCHOOL");
    }
}

Context::~Context() = default;

void Context::note(const std::string& message) {
    if (!options_.quiet) {
        err_ << message << '\n';
    }
}

void Context::detail(const std::string& message) {
    if (options_.verbose > 0) {
        err_ << message << '\n';
    }
}

void Context::warn(const std::string& message) {
    err_ << (color() ? "\033[33mschoolctl: warning:\033[0m " : "schoolctl: warning: ") << message
         << '\n';
}

bool Context::stdin_is_terminal() const { return ::isatty(STDIN_FILENO) == 1; }
bool Context::stderr_is_terminal() const { return ::isatty(STDERR_FILENO) == 1; }

bool color_enabled(const GlobalOptions& options) {
    if (options.color == "always") {
        return true;
    }
    return options.color == "auto" && !env("NO_COLOR") && ::isatty(STDERR_FILENO) == 1;
}

bool Context::color() const { return color_enabled(options_); }

bool Context::stdout_color() const {
    if (options_.color == "always") {
        return true;
    }
    return options_.color == "auto" && !env("NO_COLOR") && ::isatty(STDOUT_FILENO) == 1;
}

bool Context::show_progress() const {
    return !options_.no_progress && !options_.quiet && stderr_is_terminal();
}

const app::LoadedConfig& Context::config() {
    if (!config_) {
        std::optional<std::filesystem::path> file;
        if (options_.config) {
            file = *options_.config;
        }
        config_ = app::load_config(app::sources_from_environment(file, options_.db));
    }
    return *config_;
}

std::filesystem::path Context::db_path() { return settings().database_path; }

std::filesystem::path Context::session_file() {
    return app::session_file_for(state_dir(), db_path());
}

app::Session& Context::session(store::SchemaPolicy policy) {
    if (!session_) {
        app::SessionRequest request;
        request.db_path = db_path();
        request.settings = &settings();
        request.token = env("SCHOOLCTL_TOKEN");
        request.session_file = session_file();
        request.school = options_.school;
        request.schema = policy;
        if (auto network = network_filesystem(request.db_path)) {
            warn("the database " + request.db_path.string() + " is on " + *network +
                 ", a network file system: SQLite's write-ahead log needs shared memory and "
                 "locks that it does not provide reliably, and two jobs at once can corrupt "
                 "the database; keep it on a local disk and reach it through schoolctl there");
        }
        session_ = app::open_session(request);
    }
    return *session_;
}

}  // namespace schoolctl::cli

#pragma once
// What every command gets: the global options, the console, and lazily the configuration and
// the acting session. Only commands/ prints, and it prints through here.
#include <filesystem>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>

#include "app/config_loader.h"
#include "app/session.h"

namespace schoolctl::cli {

enum class ColorMode { auto_, always, never };

struct GlobalOptions {
    std::optional<std::string> db;
    std::optional<std::string> config;
    std::optional<std::string> school;
    bool quiet = false;
    int verbose = 0;
    std::string color = "auto";
    bool no_progress = false;
};

// Colour on stderr: --color=always, or auto with stderr a terminal and NO_COLOR unset or empty.
bool color_enabled(const GlobalOptions& options);

class Context {
public:
    Context(GlobalOptions options, std::ostream& out, std::ostream& err, std::istream& in);
    ~Context();

    const GlobalOptions& options() const { return options_; }
    std::ostream& out() { return out_; }
    std::ostream& err() { return err_; }
    std::istream& in() { return in_; }

    // Messages for people on stderr: `note` unless --quiet, `detail` only with --verbose.
    void note(const std::string& message);
    void detail(const std::string& message);
    void warn(const std::string& message);

    bool stdin_is_terminal() const;
    bool stderr_is_terminal() const;
    bool color() const;
    // Colour in data on stdout (a report's terminal table): as color(), for stdout.
    bool stdout_color() const;
    bool show_progress() const;

    const app::LoadedConfig& config();
    const domain::Settings& settings() { return config().settings; }
    std::filesystem::path db_path();
    std::filesystem::path session_file();

    app::Session& session(store::SchemaPolicy policy = store::SchemaPolicy::require_current);

private:
    GlobalOptions options_;
    std::ostream& out_;
    std::ostream& err_;
    std::istream& in_;
    std::optional<app::LoadedConfig> config_;
    std::unique_ptr<app::Session> session_;
};

}  // namespace schoolctl::cli

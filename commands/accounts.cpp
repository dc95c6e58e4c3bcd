#include "commands/accounts.h"

#include <memory>
#include <mutex>

#include "app/accounts_admin.h"
#include "app/activation.h"
#include "app/credentials.h"
#include "commands/context.h"
#include "commands/listing.h"
#include "commands/password_prompt.h"
#include "commands/progress_bar.h"
#include "util/error.h"

namespace schoolctl::cli {
namespace {

std::vector<std::string> role_names() {
    std::vector<std::string> out;
    for (domain::Role r : domain::all_roles()) {
        out.emplace_back(domain::to_string(r));
    }
    return out;
}

CLI::App* with_login(CLI::App* sub, std::string& login) {
    sub->add_option("LOGIN", login, "The account's login")->required();
    return sub;
}

}  // namespace

CommandInfo AccountsCommand::info() const {
    return {"accounts",
            "Issue logins and activation codes, activate, list, lock, reset and grant roles",
            "Setup",
            {"schoolctl accounts issue --role student --class 5А --out 5A-slips.pdf",
             "schoolctl accounts issue --role guardian --all --per-family --out parents.pdf "
             "--csv parents.csv",
             "schoolctl accounts activate yelkin.petr",
             "schoolctl accounts list --class 5А --status pending",
             "schoolctl accounts grant ivanova.mariya teacher --scope subject:MATH@5А",
             "schoolctl accounts unlock yelkin.petr"}};
}

void AccountsCommand::add_cli(CLI::App& app) {
    app.require_subcommand(1);

    issue_ = app.add_subcommand(
        "issue", "Create the missing accounts of pupils, guardians or staff with activation codes");
    issue_->add_option("--role", role_, "Whose accounts: student, guardian or staff")
        ->required()
        ->check(CLI::IsMember({"student", "guardian", "staff"}));
    auto* klass = issue_->add_option("--class", class_, "Only this class (pupils or their guardians)");
    auto* all = issue_->add_flag("--all", all_, "The whole school");
    klass->excludes(all);
    issue_->add_option("--out", out_, "Write the credential slips to this PDF (mode 0600)")
        ->type_name("SLIPS.pdf");
    issue_->add_option("--csv", csv_, "Write the credentials as CSV for mail merge (mode 0600)")
        ->type_name("FILE");
    issue_->add_flag("--reset", reset_flag_,
                     "Also give new codes to accounts that are active or hold a live code");
    issue_->add_flag("--per-family", per_family_,
                     "Group slips by family (siblings and their guardians) instead of by class");
    issue_->add_option("--threads", threads_, "Hashing threads (default: one per core)")
        ->check(CLI::Range(1, 64).description("").name("1..64"));

    activate_ = with_login(
        app.add_subcommand("activate", "Exchange the activation code from a slip for a password"),
        login_);
    activate_->add_flag("--stdin", from_stdin_,
                        "Read the code, then the new password, one per line from standard input");

    list_ = app.add_subcommand("list", "Accounts of the school, or of one class");
    list_->add_option("--role", kind_, "Only pupils, guardians, staff or other accounts")
        ->check(CLI::IsMember({"student", "guardian", "staff", "other"}));
    list_->add_option("--class", class_, "Only the pupils of this class and their guardians");
    list_->add_option("--status", status_, "Only accounts in this state")
        ->check(CLI::IsMember({"active", "pending", "locked", "disabled"}));
    list_->add_option("--format", format_, "Output format")
        ->check(CLI::IsMember({"table", "csv", "json"}))
        ->capture_default_str();

    show_ = with_login(app.add_subcommand("show", "One account: its state and every role"), login_);
    show_->add_option("--format", format_, "Output format")
        ->check(CLI::IsMember({"table", "csv", "json"}))
        ->capture_default_str();

    lock_ = with_login(app.add_subcommand("lock", "Lock an account and end its sessions"), login_);
    unlock_ = with_login(
        app.add_subcommand("unlock", "Unlock an account locked by failed logins or by hand"),
        login_);
    disable_ = with_login(
        app.add_subcommand("disable", "Disable an account for good and end its sessions"), login_);

    reset_ = with_login(app.add_subcommand(
                            "reset", "Give an account a new activation code; its password, lock "
                                     "and sessions stop working"),
                        login_);
    reset_->add_option("--out", out_, "Write the credential slip to this PDF (mode 0600)")
        ->type_name("SLIP.pdf");
    reset_->add_option("--csv", csv_, "Write the credential as CSV (mode 0600)")->type_name("FILE");

    for (auto** sub : {&grant_, &revoke_}) {
        bool granting = sub == &grant_;
        *sub = with_login(app.add_subcommand(granting ? "grant" : "revoke",
                                             granting ? "Grant a role within a scope"
                                                      : "Take back a role granted with `grant`"),
                          login_);
        (*sub)->add_option("ROLE", role_, "The role")->required()->check(CLI::IsMember(role_names()));
        (*sub)->add_option("--scope", scope_,
                           "school (default for school roles), all, class:5А, "
                           "subject:CODE@5А, subject:CODE@GROUP or child:EXTERNAL_ID");
    }
}

int AccountsCommand::run_issue(Context& ctx) {
    if (!class_ && !all_) {
        throw Error(ExitCode::usage, "choose --class CLASS or --all");
    }
    app::IssueRequest request;
    request.role = role_ == "student"    ? app::IssueRole::student
                   : role_ == "guardian" ? app::IssueRole::guardian
                                         : app::IssueRole::staff;
    request.class_name = class_;
    request.reset = reset_flag_;
    request.per_family = per_family_;
    if (out_) {
        request.slips_pdf = *out_;
    }
    if (csv_) {
        request.csv = *csv_;
    }
    request.threads = threads_;
    std::unique_ptr<ProgressBar> bar;
    std::once_flag started;
    request.progress = [&](std::size_t done, std::size_t total) {
        std::call_once(started, [&] {
            bar = std::make_unique<ProgressBar>(ctx.err(), "Issuing codes", total,
                                                ctx.show_progress());
        });
        bar->update(done);
    };
    app::IssueResult result = app::issue_credentials(ctx.session(), request);
    if (bar) {
        bar->finish();
    }
    for (const auto& path : result.written) {
        ctx.out() << path.string() << '\n';
    }
    std::string counts = std::to_string(result.created) + " new, " +
                         std::to_string(result.renewed) + " expired renewed, " +
                         std::to_string(result.reset) + " reset";
    if (result.issued() == 0) {
        ctx.note("No codes issued: " + std::to_string(result.kept) +
                 " account(s) are active or hold a live code (--reset replaces them)" +
                 (result.disabled ? ", " + std::to_string(result.disabled) + " disabled" : "") +
                 ". No file written.");
        return 0;
    }
    ctx.note("Issued " + std::to_string(result.issued()) + " activation code(s) (" + counts +
             "), valid until " + result.expires_on + ".");
    if (result.kept || result.disabled) {
        ctx.note("Left alone: " + std::to_string(result.kept) + " active or with a live code" +
                 (result.disabled ? ", " + std::to_string(result.disabled) +
                                        " disabled (`schoolctl accounts reset LOGIN` gives one a "
                                        "new code)"
                                  : std::string()) +
                 ".");
    }
    ctx.note("The files hold live codes: hand them out, then delete them.");
    return 0;
}

int AccountsCommand::run_activate(Context& ctx) {
    app::ActivationRequest request;
    request.db_path = ctx.db_path();
    request.busy_timeout_ms = ctx.settings().busy_timeout_ms;
    request.login = login_;
    request.password_min_length = ctx.settings().password_min_length;
    request.lockout_after = ctx.settings().lockout_after;
    request.code = read_secret(ctx, "Activation code for " + login_ + ": ", from_stdin_);
    if (!from_stdin_ && ctx.stdin_is_terminal()) {
        ctx.note("Choose a password of at least " +
                 std::to_string(request.password_min_length) +
                 " characters; a phrase of several words is easiest to remember.");
    }
    request.password = read_new_password(ctx, from_stdin_);
    app::activate_account(request);
    ctx.note("Account " + login_ + " is active: log in with `schoolctl login " + login_ + "`.");
    return 0;
}

int AccountsCommand::run(Context& ctx) {
    if (issue_->parsed()) {
        return run_issue(ctx);
    }
    if (activate_->parsed()) {
        return run_activate(ctx);
    }
    if (list_->parsed()) {
        print_document(ctx, app::account_listing(ctx.session(), {kind_, class_, status_}),
                       format_);
        return 0;
    }
    if (show_->parsed()) {
        print_document(ctx, app::account_details(ctx.session(), login_), format_);
        return 0;
    }
    if (lock_->parsed() || unlock_->parsed() || disable_->parsed()) {
        auto change = lock_->parsed()     ? app::AccountChange::lock
                      : unlock_->parsed() ? app::AccountChange::unlock
                                          : app::AccountChange::disable;
        app::change_account(ctx.session(), login_, change);
        ctx.note("Account " + login_ + " " +
                 (lock_->parsed() ? "locked" : unlock_->parsed() ? "unlocked" : "disabled") + ".");
        return 0;
    }
    if (reset_->parsed()) {
        app::ResetRequest request{login_, {}, {}};
        if (out_) {
            request.slips_pdf = *out_;
        }
        if (csv_) {
            request.csv = *csv_;
        }
        app::ResetResult result = app::reset_account(ctx.session(), request);
        if (!result.code.empty()) {
            ctx.out() << result.code << '\n';
        } else {
            for (const auto& p : {out_, csv_}) {
                if (p) {
                    ctx.out() << *p << '\n';
                }
            }
        }
        ctx.note("New activation code for " + login_ + ", valid until " + result.expires_on +
                 "; the old password and sessions no longer work.");
        return 0;
    }
    auto role = *domain::parse_role(role_);
    bool changed = grant_->parsed() ? app::grant_role(ctx.session(), login_, role, scope_)
                                    : app::revoke_role(ctx.session(), login_, role, scope_);
    if (grant_->parsed()) {
        ctx.note(changed ? "Granted " + role_ + " to " + login_ + "."
                         : login_ + " already holds that role there; nothing changed.");
    } else {
        ctx.note(changed ? "Revoked " + role_ + " from " + login_ + "."
                         : login_ + " holds no such grant; nothing changed.");
    }
    return 0;
}

}  // namespace schoolctl::cli

#include "app/credentials.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <numeric>

#include "app/class_select.h"
#include "app/credential_files.h"
#include "domain/collation.h"
#include "domain/login_name.h"
#include "store/credential_people.h"
#include "util/clock.h"
#include "util/crypto.h"
#include "util/error.h"
#include "util/parallel_for.h"

namespace schoolctl::app {
namespace {

// 4 groups of 4 characters from a 32-letter alphabet: 80 random bits, typed in a minute.
constexpr int code_groups = 4;

enum class Action { create, renew, reset, keep, disabled };

struct Planned {
    const store::CredentialPerson* person = nullptr;
    Action action = Action::keep;
    std::string login;
    std::string code;
    std::string code_hash;
};

Action decide(const store::CredentialPerson& p, bool reset, const std::string& now) {
    if (!p.account) {
        return Action::create;
    }
    const auto& a = *p.account;
    if (a.status == "disabled") {
        return Action::disabled;
    }
    bool live_code = a.status == "pending" && a.activation_hash && a.activation_expires_at &&
                     *a.activation_expires_at > now;
    if (a.status == "pending" && !live_code) {
        return Action::renew;  // the old slip is useless anyway
    }
    return reset ? Action::reset : Action::keep;
}

int grade_of(const std::string& class_name) {
    int grade = 0;
    for (char c : class_name) {
        if (c < '0' || c > '9') {
            break;
        }
        grade = grade * 10 + (c - '0');
    }
    return grade;
}

// Classes in school order: 1А … 1Г, 2А, …, 11Б; no class last.
bool class_before(const std::string& a, const std::string& b,
                  const domain::RussianCollator& collator) {
    if (a.empty() != b.empty()) {
        return b.empty();
    }
    if (grade_of(a) != grade_of(b)) {
        return grade_of(a) < grade_of(b);
    }
    return collator.less(a, b);
}

std::string child_list(const std::vector<store::ChildOf>& children) {
    std::string out;
    for (const auto& c : children) {
        out += (out.empty() ? "" : ", ") + c.name.last + " " + c.name.first;
        if (!c.class_name.empty()) {
            out += " (" + c.class_name + ")";
        }
    }
    return out;
}

std::string detail_of(IssueRole role, const store::CredentialPerson& p) {
    switch (role) {
    case IssueRole::student:
        return p.class_name.empty() ? "Ученик" : "Ученик, класс " + p.class_name;
    case IssueRole::guardian:
        return "Родитель: " + child_list(p.children);
    case IssueRole::staff:
        return p.position.empty() ? "Сотрудник" : p.position;
    }
    return "";
}

// The class a person's slip is filed under: a pupil's class, a guardian's youngest child's.
std::string class_of(IssueRole role, const store::CredentialPerson& p,
                     const domain::RussianCollator& collator) {
    if (role == IssueRole::student) {
        return p.class_name;
    }
    std::string best;
    for (const auto& c : p.children) {
        if (best.empty() || class_before(c.class_name, best, collator)) {
            best = c.class_name;
        }
    }
    return best;
}

// Families: pupils and guardians joined by guardian links (union-find over person ids).
class Families {
public:
    std::int64_t find(std::int64_t x) {
        auto it = parent_.find(x);
        if (it == parent_.end()) {
            parent_[x] = x;
            return x;
        }
        if (it->second == x) {
            return x;
        }
        std::int64_t root = find(it->second);
        parent_[x] = root;
        return root;
    }
    void join(std::int64_t a, std::int64_t b) { parent_[find(a)] = find(b); }

private:
    std::map<std::int64_t, std::int64_t> parent_;
};

struct SlipEntry {
    const Planned* planned;
    std::string group_key;  // sorts the groups
    std::string heading;
};

std::vector<CredentialSheet> slip_sheets(const std::vector<const Planned*>& issued,
                                         const IssueRequest& r,
                                         const std::optional<ClassRef>& klass,
                                         const std::string& expires_on,
                                         const domain::RussianCollator& collator) {
    std::vector<SlipEntry> entries;
    const bool klass_given = klass.has_value();
    if (r.per_family) {
        Families families;
        for (const Planned* p : issued) {
            for (std::int64_t g : p->person->guardians) {
                families.join(p->person->person_id, g);
            }
            for (const auto& c : p->person->children) {
                families.join(p->person->person_id, c.pupil_id);
            }
        }
        // A family is headed by its children, by name; families follow their first child.
        std::map<std::int64_t, std::vector<const Planned*>> members;
        for (const Planned* p : issued) {
            members[families.find(p->person->person_id)].push_back(p);
        }
        for (auto& [root, list] : members) {
            std::vector<store::ChildOf> children;
            for (const Planned* p : list) {
                if (r.role == IssueRole::student) {
                    children.push_back({p->person->person_id, p->person->name,
                                        p->person->class_name});
                }
                for (const auto& c : p->person->children) {
                    if (std::none_of(children.begin(), children.end(),
                                     [&](const auto& x) { return x.pupil_id == c.pupil_id; })) {
                        children.push_back(c);
                    }
                }
            }
            std::sort(children.begin(), children.end(), [&](const auto& a, const auto& b) {
                return collator.less(domain::full_name(a.name), domain::full_name(b.name));
            });
            std::string heading = "Семья: " + child_list(children);
            std::string key = children.empty() ? heading
                                               : domain::full_name(children.front().name);
            for (const Planned* p : list) {
                entries.push_back({p, key, heading});
            }
        }
    } else {
        for (const Planned* p : issued) {
            // With --class everyone is filed under that class, even a parent whose other
            // child is in a lower one.
            std::string filed = r.role == IssueRole::staff ? ""
                                : klass_given              ? klass->name
                                                           : class_of(r.role, *p->person, collator);
            std::string heading;
            switch (r.role) {
            case IssueRole::student:
                heading = filed.empty() ? "Ученики без класса" : filed + " — ученики";
                break;
            case IssueRole::guardian:
                heading = filed.empty() ? "Родители" : filed + " — родители";
                break;
            case IssueRole::staff:
                heading = "Сотрудники";
                break;
            }
            entries.push_back({p, filed, heading});
        }
    }
    std::stable_sort(entries.begin(), entries.end(), [&](const SlipEntry& a, const SlipEntry& b) {
        if (a.group_key != b.group_key) {
            return r.per_family ? collator.less(a.group_key, b.group_key)
                                : class_before(a.group_key, b.group_key, collator);
        }
        if (a.heading != b.heading) {
            return a.heading < b.heading;
        }
        return collator.less(domain::full_name(a.planned->person->name),
                             domain::full_name(b.planned->person->name));
    });
    std::vector<CredentialSheet> sheets;
    for (const SlipEntry& e : entries) {
        if (sheets.empty() || sheets.back().heading != e.heading) {
            sheets.push_back({e.heading, {}});
        }
        const auto& person = *e.planned->person;
        sheets.back().credentials.push_back(
            {{domain::full_name(person.name), detail_of(r.role, person), e.planned->login,
              e.planned->code, expires_on},
             person.name,
             person.email});
    }
    return sheets;
}

// The accounts as they are now, inside the write transaction, against what the plan was made
// from: another job may have issued or changed some meanwhile. A login taken in between is
// simply replaced; anything else stops the run before it writes.
void recheck_plan(Session& s, std::vector<Planned*>& items) {
    auto logins = store::all_logins(s.db());
    for (Planned* item : items) {
        auto now = store::find_account_of_person(s.db(), item->person->person_id);
        const auto& before = item->person->account;
        bool same = now.has_value() == before.has_value() &&
                    (!now || (now->id == before->id && now->status == before->status &&
                              now->activation_expires_at == before->activation_expires_at &&
                              now->password_hash == before->password_hash));
        if (!same) {
            throw Error(ExitCode::busy,
                        "the account of " + domain::full_name(item->person->name) +
                            " changed while the codes were being made (another job?); nothing "
                            "was written: run the command again");
        }
        if (item->action == Action::create && logins.count(item->login) > 0) {
            item->login = domain::unique_login(
                domain::login_base(item->person->name),
                [&](const std::string& l) { return logins.count(l) > 0; });
        }
        logins.insert(item->login);
    }
}

std::vector<store::CredentialPerson> select_people(Session& s, const IssueRequest& r,
                                                   const std::optional<ClassRef>& klass,
                                                   const std::string& today) {
    std::optional<std::int64_t> class_id;
    if (klass) {
        class_id = klass->id;
    }
    switch (r.role) {
    case IssueRole::student:
        return store::pupils_for_credentials(s.db(), s.school_id(), class_id, today);
    case IssueRole::guardian:
        return store::guardians_for_credentials(s.db(), s.school_id(), class_id, today);
    case IssueRole::staff:
        return store::staff_for_credentials(s.db(), s.school_id());
    }
    return {};
}

void require_issue_permission(Session& s, const IssueRequest& r,
                              const std::optional<ClassRef>& klass) {
    if (r.role == IssueRole::staff) {
        s.require(domain::Permission::accounts_manage);
    } else if (klass) {
        s.require(domain::Permission::credentials_issue, class_target(s, *klass),
                  "class " + klass->name);
    } else {
        s.require(domain::Permission::credentials_issue);
    }
}

}  // namespace

std::string_view to_string(IssueRole role) {
    switch (role) {
    case IssueRole::student:
        return "student";
    case IssueRole::guardian:
        return "guardian";
    case IssueRole::staff:
        return "staff";
    }
    return "";
}

IssueResult issue_credentials(Session& s, const IssueRequest& r) {
    if (!r.slips_pdf && !r.csv) {
        throw Error(ExitCode::usage,
                    "nowhere to put the codes: give --out SLIPS.pdf and/or --csv FILE (the codes "
                    "are shown nowhere else and cannot be recovered)");
    }
    if (r.role == IssueRole::staff && (r.class_name || r.per_family)) {
        throw Error(ExitCode::usage, "--class and --per-family apply to pupils and guardians only");
    }
    std::optional<ClassRef> klass;
    if (r.class_name) {
        klass = select_class(s, *r.class_name);
    }
    require_issue_permission(s, r, klass);

    std::time_t now_t = now_seconds();
    std::string now = utc_iso(now_t);
    std::string today = today_iso();
    domain::Date last_day = moscow_date(
        now_t + static_cast<std::time_t>(s.settings().activation_days) * 86400);
    std::string expires_at = end_of_moscow_day(last_day);
    IssueResult result;
    result.expires_on = domain::format_ru(last_day);

    // Chosen and hashed outside the write lock: hashing 2,000 codes takes half a minute, and
    // other jobs must not wait that long. The write transaction below checks nothing moved.
    auto people = select_people(s, r, klass, today);
    if (people.empty()) {
        throw Error(ExitCode::data, std::string("no ") +
                                        (r.role == IssueRole::student    ? "pupils"
                                         : r.role == IssueRole::guardian ? "guardians"
                                                                         : "staff") +
                                        (klass ? " in class " + klass->name : " in the school") +
                                        ": import the roster first");
    }

    domain::RussianCollator collator;
    for (auto& p : people) {
        std::sort(p.children.begin(), p.children.end(), [&](const auto& a, const auto& b) {
            return collator.less(domain::full_name(a.name), domain::full_name(b.name));
        });
    }

    std::vector<Planned> plan;
    plan.reserve(people.size());
    auto logins = store::all_logins(s.db());
    for (const auto& p : people) {
        Planned item{&p, decide(p, r.reset, now), {}, {}, {}};
        if (item.action == Action::create) {
            item.login = domain::unique_login(domain::login_base(p.name),
                                              [&](const std::string& l) { return logins.count(l) > 0; });
            logins.insert(item.login);
        } else {
            item.login = p.account->login;
        }
        plan.push_back(std::move(item));
    }

    std::vector<Planned*> to_issue;
    for (auto& item : plan) {
        switch (item.action) {
        case Action::create: ++result.created; break;
        case Action::renew: ++result.renewed; break;
        case Action::reset: ++result.reset; break;
        case Action::keep: ++result.kept; continue;
        case Action::disabled: ++result.disabled; continue;
        }
        to_issue.push_back(&item);
    }

    if (to_issue.empty()) {
        return result;  // nothing to write: no file, no audit row, no change
    }

    // Argon2id is slow on purpose; hashing is the whole cost, so it gets every core.
    std::atomic<std::size_t> done{0};
    parallel_for(to_issue.size(), r.threads, [&](std::size_t i) {
        to_issue[i]->code = crypto::random_code(code_groups);
        to_issue[i]->code_hash = crypto::hash_password(to_issue[i]->code);
        std::size_t finished = ++done;
        if (r.progress) {
            r.progress(finished, to_issue.size());
        }
    });

    store::Transaction tx(s.db());
    recheck_plan(s, to_issue);
    std::string role_name(to_string(r.role));
    for (Planned* item : to_issue) {
        std::int64_t account_id = 0;
        if (item->action == Action::create) {
            store::NewAccount account;
            account.login = item->login;
            account.person_id = item->person->person_id;
            account.status = "pending";
            account.activation_hash = item->code_hash;
            account.activation_expires_at = expires_at;
            account_id = store::insert_account(s.db(), account, now);
        } else {
            account_id = item->person->account->id;
            store::set_activation(s.db(), account_id, item->code_hash, expires_at);
            store::revoke_tokens_of(s.db(), account_id, now);
        }
        s.audit(item->action == Action::create ? "account.create" : "account.code_issued",
                "account", std::to_string(account_id),
                {{"login", item->login},
                 {"person_id", item->person->person_id},
                 {"role", role_name},
                 {"reason", item->action == Action::create  ? "new"
                            : item->action == Action::renew ? "expired"
                                                            : "reset"},
                 {"expires_at", expires_at}});
    }

    std::vector<const Planned*> issued(to_issue.begin(), to_issue.end());
    CredentialFiles files(s, slip_sheets(issued, r, klass, result.expires_on, collator),
                          r.slips_pdf, r.csv, now_t);
    result.written = files.paths();
    s.audit("credentials.issue", "school", std::to_string(s.school_id()),
            {{"role", role_name},
             {"class", klass ? nlohmann::json(klass->name) : nlohmann::json("all")},
             {"per_family", r.per_family},
             {"created", result.created},
             {"renewed", result.renewed},
             {"reset", result.reset},
             {"kept", result.kept},
             {"disabled", result.disabled},
             {"expires_at", expires_at},
             {"outputs", files.audit_paths()}});
    files.publish_with(tx);
    return result;
}

}  // namespace schoolctl::app

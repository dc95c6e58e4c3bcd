#pragma once
// The acting account on an open database: what every use case except init and login runs in.
// The permission check and the audit row both live here, so no service can forget either.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/access.h"
#include "domain/settings.h"
#include "store/accounts.h"
#include "store/connection.h"
#include "store/database.h"

namespace schoolctl::app {

struct Actor {
    std::int64_t account_id = 0;
    std::string login;
    std::optional<std::int64_t> person_id;
    // Granted explicitly (`accounts grant`) and derived from the roster (a teacher's current
    // assignments, a guardian's children), as of today.
    std::vector<domain::Grant> grants;
    std::optional<std::int64_t> token_id;  // the session or script token used
};

struct SessionRequest {
    std::filesystem::path db_path;
    const domain::Settings* settings = nullptr;
    std::optional<std::string> token;        // SCHOOLCTL_TOKEN
    std::filesystem::path session_file;      // where `schoolctl login` stored its token
    std::optional<std::string> school;       // --school: id, external id or name
    store::SchemaPolicy schema = store::SchemaPolicy::require_current;
};

class Session {
public:
    Session(std::unique_ptr<store::Database> db, Actor actor, std::int64_t school_id,
            std::string school_name, const domain::Settings& settings);

    store::Database& db() { return *db_; }
    // The same actor on a connection of its own to the same database, for reading on another
    // thread (a connection is never shared between threads).
    std::unique_ptr<Session> second_connection() const;
    const Actor& actor() const { return actor_; }
    std::int64_t school_id() const { return school_id_; }
    const std::string& school_name() const { return school_name_; }
    const domain::Settings& settings() const { return settings_; }

    // Throws exit 77 naming the missing permission unless a grant of the actor allows it on the
    // whole of this session's school.
    void require(domain::Permission permission) const;
    bool allowed(domain::Permission permission) const;
    // The same for a narrower target; `what` names it in the refusal («class 5А»).
    void require(domain::Permission permission, const domain::Target& target,
                 const std::string& what) const;
    bool allowed(domain::Permission permission, const domain::Target& target) const;
    // The whole school as a target.
    domain::Target school_target() const;

    // Appends an audit row as the actor; call inside the write transaction of the change.
    void audit(const std::string& action, const std::string& object_type,
               const std::string& object_id, const nlohmann::json& details);

private:
    std::unique_ptr<store::Database> db_;
    Actor actor_;
    std::int64_t school_id_;
    std::string school_name_;
    const domain::Settings& settings_;
};

std::unique_ptr<Session> open_session(const SessionRequest& request);

// What an account may do: its explicit grants and those that follow from the roster today.
std::vector<domain::Grant> effective_grants(store::Database& db, const store::AccountRow& account);

// The token of the acting account from SCHOOLCTL_TOKEN or the session file; exit 77 if none.
Actor resolve_actor(store::Database& db, const std::optional<std::string>& token,
                    const std::filesystem::path& session_file);

// The token `schoolctl login` saved in `file`, if there is one.
std::optional<std::string> read_session_token(const std::filesystem::path& file);

// Where `schoolctl login` keeps the session token for one database: a file named after the
// database's absolute path under $XDG_STATE_HOME/schoolctl/sessions/.
std::filesystem::path session_file_for(const std::filesystem::path& state_dir,
                                       const std::filesystem::path& db_path);

}  // namespace schoolctl::app

#include "store/database.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>

#include "util/error.h"

namespace schoolctl::store {
namespace {

ExitCode exit_code_for(int rc) {
    switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return ExitCode::busy;
    case SQLITE_CANTOPEN:
        return ExitCode::no_input;
    case SQLITE_NOTADB:
        return ExitCode::config;
    case SQLITE_READONLY:
        return ExitCode::cant_create;
    case SQLITE_CORRUPT:
    case SQLITE_IOERR:
    case SQLITE_FULL:
        return ExitCode::io;
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
        return ExitCode::data;
    default:
        return ExitCode::failure;
    }
}

// SQLite creates files with the process umask; personal data must not be world-readable, so
// the file is created 0600 before SQLite opens it (its -wal and -shm files copy that mode).
void create_private_file(const std::filesystem::path& path) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        if (errno == EEXIST) {
            throw Error(ExitCode::cant_create,
                        "database " + path.string() + " already exists; use it, or choose another --db");
        }
        throw Error(ExitCode::cant_create,
                    "cannot create database " + path.string() + ": " + std::strerror(errno));
    }
    ::close(fd);
}

// SQLite counts every allocation for sqlite3_memory_used() under a global mutex unless told
// not to before its first use; nothing here reads those counts, and imports allocate per row.
void configure_sqlite_once() {
    static const int done = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    (void)done;  // SQLITE_MISUSE when SQLite was already in use: the counting stays on
}

// The crash-safety tests' switch (tests/reliability/kill_test.py, docs/RELIABILITY.md):
// SCHOOLCTL_KILL_AT_STATEMENT=k makes the process SIGKILL itself just before its k-th statement
// step (every sqlite3_step and every exec: BEGIN, COMMIT), as a power cut or the OOM killer
// would stop it; with 0 the steps are only counted (statement_steps()). Unset, it costs one
// comparison a statement.
class StatementKiller {
public:
    StatementKiller() {
        if (const char* v = std::getenv("SCHOOLCTL_KILL_AT_STATEMENT"); v != nullptr && *v) {
            kill_at_ = std::atol(v);
            armed_ = true;
        }
    }
    void count() {
        if (armed_ && ++count_ >= kill_at_ && kill_at_ > 0) {
            ::kill(::getpid(), SIGKILL);
        }
    }
    long steps() const { return count_.load(); }

private:
    bool armed_ = false;
    long kill_at_ = 0;
    std::atomic<long> count_{0};
};

StatementKiller statement_killer;

}  // namespace

long statement_steps() { return statement_killer.steps(); }

Database::Database(const std::filesystem::path& path, const OpenOptions& options) : path_(path) {
    configure_sqlite_once();
    if (options.mode == OpenMode::create) {
        create_private_file(path);
    } else if (!std::filesystem::exists(path)) {
        throw Error(ExitCode::no_input, "database " + path.string() +
                                            " does not exist; create it with `schoolctl init`");
    }
    int rc = sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                             nullptr);
    if (rc != SQLITE_OK) {
        std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
        sqlite3_close(db_);
        db_ = nullptr;
        throw Error(exit_code_for(rc), "cannot open database " + path.string() + ": " + message);
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, options.busy_timeout_ms);
}

Database::~Database() {
    cache_.clear();  // finalize before closing
    sqlite3_close_v2(db_);
}

void Database::fail(std::string_view what) const {
    int rc = sqlite3_extended_errcode(db_);
    ExitCode code = exit_code_for(rc);
    std::string message;
    if (code == ExitCode::busy) {
        message = "database " + path_.string() +
                  " is busy (another schoolctl is writing) past the busy timeout; try again";
    } else if ((rc & 0xff) == SQLITE_NOTADB) {
        message = path_.string() + " is not a schoolctl database (not an SQLite file)";
    } else if ((rc & 0xff) == SQLITE_FULL) {
        message = "database " + path_.string() + ": " + std::string(what) +
                  ": the disk is full; the unfinished change was rolled back";
    } else if ((rc & 0xff) == SQLITE_IOERR) {
        message = "database " + path_.string() + ": " + std::string(what) + ": " +
                  sqlite3_errmsg(db_) +
                  " (is the disk full or failing?); the unfinished change was rolled back";
    } else {
        message = "database " + path_.string() + ": " + std::string(what) + ": " +
                  sqlite3_errmsg(db_);
    }
    throw Error(code, message);
}

void Database::exec(std::string_view sql) {
    statement_killer.count();
    std::string text(sql);
    char* err = nullptr;
    if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
        sqlite3_free(err);
        fail("executing SQL");
    }
}

Statement Database::prepare(std::string_view sql) { return Statement(*this, sql); }

CachedStatement Database::cached(std::string_view sql) {
    auto it = cache_.find(sql);
    if (it == cache_.end()) {
        auto statement = std::make_unique<Statement>(*this, sql);
        it = cache_.emplace(std::string(sql), CacheSlot{std::move(statement), false}).first;
    }
    CacheSlot& slot = it->second;
    if (slot.leased) {
        return CachedStatement(nullptr, std::make_unique<Statement>(*this, sql));
    }
    return CachedStatement(&slot, nullptr);
}

CachedStatement::CachedStatement(Database::CacheSlot* slot, std::unique_ptr<Statement> own)
    : slot_(slot), own_(std::move(own)) {
    if (slot_) {
        slot_->leased = true;
        statement_ = slot_->statement.get();
    } else {
        statement_ = own_.get();
    }
}

CachedStatement::~CachedStatement() {
    if (slot_) {
        statement_->reset();
        slot_->leased = false;
    }
}

std::int64_t Database::last_insert_id() const { return sqlite3_last_insert_rowid(db_); }

int Database::changes() const { return sqlite3_changes(db_); }

std::int64_t Database::total_changes() const { return sqlite3_total_changes64(db_); }

Statement::Statement(Database& db, std::string_view sql) : db_(&db) {
    if (sqlite3_prepare_v2(db.handle(), sql.data(), static_cast<int>(sql.size()), &stmt_,
                           nullptr) != SQLITE_OK) {
        db.fail("preparing a statement");
    }
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement::Statement(Statement&& other) noexcept : db_(other.db_), stmt_(other.stmt_) {
    other.stmt_ = nullptr;
}

namespace {
void check_bind(Database& db, int rc) {
    if (rc != SQLITE_OK) {
        db.fail("binding a value");
    }
}
}  // namespace

Statement& Statement::bind(int index, std::int64_t value) {
    check_bind(*db_, sqlite3_bind_int64(stmt_, index, value));
    return *this;
}

Statement& Statement::bind(int index, double value) {
    check_bind(*db_, sqlite3_bind_double(stmt_, index, value));
    return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
    check_bind(*db_, sqlite3_bind_text64(stmt_, index, value.data(), value.size(),
                                         SQLITE_TRANSIENT, SQLITE_UTF8));
    return *this;
}

Statement& Statement::bind_blob(int index, const void* data, std::size_t size) {
    check_bind(*db_, sqlite3_bind_blob64(stmt_, index, data, size, SQLITE_TRANSIENT));
    return *this;
}

Statement& Statement::bind_null(int index) {
    check_bind(*db_, sqlite3_bind_null(stmt_, index));
    return *this;
}

Step Statement::step() {
    statement_killer.count();
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) {
        return Step::row;
    }
    if (rc == SQLITE_DONE) {
        return Step::done;
    }
    sqlite3_reset(stmt_);
    db_->fail("running a statement");
}

void Statement::run() {
    while (step() == Step::row) {
    }
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

bool Statement::is_null(int column) const {
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::int64_t Statement::get_int(int column) const { return sqlite3_column_int64(stmt_, column); }

double Statement::get_double(int column) const { return sqlite3_column_double(stmt_, column); }

std::string Statement::get_text(int column) const {
    const auto* text = sqlite3_column_text(stmt_, column);
    if (text == nullptr) {
        return {};
    }
    return {reinterpret_cast<const char*>(text),
            static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))};
}

std::optional<std::string> Statement::get_optional_text(int column) const {
    if (is_null(column)) {
        return std::nullopt;
    }
    return get_text(column);
}

std::optional<std::int64_t> Statement::get_optional_int(int column) const {
    if (is_null(column)) {
        return std::nullopt;
    }
    return get_int(column);
}

std::string Statement::get_blob(int column) const {
    const void* data = sqlite3_column_blob(stmt_, column);
    auto size = static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column));
    return data ? std::string(static_cast<const char*>(data), size) : std::string();
}

Transaction::Transaction(Database& db) : db_(db) { db_.exec("BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
    if (!done_) {
        // Never throw from a destructor; a failed rollback leaves SQLite to roll back on close.
        sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    }
}

void Transaction::commit() {
    db_.exec("COMMIT");
    done_ = true;
}

// Savepoints run once per imported row, so their statements are cached, not parsed each time.
Savepoint::Savepoint(Database& db, std::string name) : db_(db), name_(std::move(name)) {
    db_.cached("SAVEPOINT \"" + name_ + "\"")->run();
}

Savepoint::~Savepoint() {
    if (!done_) {
        std::string sql = "ROLLBACK TO \"" + name_ + "\"; RELEASE \"" + name_ + "\"";
        sqlite3_exec(db_.handle(), sql.c_str(), nullptr, nullptr, nullptr);
    }
}

void Savepoint::release() {
    db_.cached("RELEASE \"" + name_ + "\"")->run();
    done_ = true;
}

}  // namespace schoolctl::store

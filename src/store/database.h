#pragma once
// The RAII SQLite layer. Values are always bound, never formatted into SQL; std::optional binds
// NULL. Every failure becomes a schoolctl::Error with an exit code (busy -> 75, corrupt -> 74).
#include <chrono>
#include <cstdint>
#include <functional>
#include <filesystem>
#include <optional>
#include <string>
#include <memory>
#include <string_view>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace schoolctl::store {

enum class OpenMode { existing, create };

struct OpenOptions {
    OpenMode mode = OpenMode::existing;
    int busy_timeout_ms = 5000;
};

class Statement;
class CachedStatement;

// The statement steps this process has run, counted when SCHOOLCTL_KILL_AT_STATEMENT is set
// (the crash-safety tests' switch, database.cpp); 0 otherwise.
long statement_steps();

class Database {
public:
    Database(const std::filesystem::path& path, const OpenOptions& options);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // Runs SQL without parameters (pragmas, migrations); may hold several statements.
    void exec(std::string_view sql);
    Statement prepare(std::string_view sql);
    // A statement prepared once per connection and reused: for the per-row queries of imports
    // and schedule expansion, where preparing costs more than running. Reset when the lease ends.
    CachedStatement cached(std::string_view sql);

    std::int64_t last_insert_id() const;
    int changes() const;
    // Rows inserted, updated or deleted on this connection so far: tells whether a piece of
    // work wrote anything.
    std::int64_t total_changes() const;
    const std::filesystem::path& path() const { return path_; }
    sqlite3* handle() { return db_; }

    // Throws the Error matching the connection's last failure.
    [[noreturn]] void fail(std::string_view what) const;

private:
    friend class CachedStatement;
    struct CacheSlot {
        std::unique_ptr<Statement> statement;
        bool leased = false;
    };
    // Looked up by string_view, so a lookup neither copies nor allocates the SQL text.
    struct SqlHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view sql) const {
            return std::hash<std::string_view>{}(sql);
        }
    };
    sqlite3* db_ = nullptr;
    std::filesystem::path path_;
    std::unordered_map<std::string, CacheSlot, SqlHash, std::equal_to<>> cache_;
};

enum class Step { row, done };

class Statement {
public:
    Statement(Database& db, std::string_view sql);
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&&) = delete;
    Statement(const Statement&) = delete;

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view value);
    Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    Statement& bind_blob(int index, const void* data, std::size_t size);
    Statement& bind_null(int index);
    template <typename T>
    Statement& bind(int index, const std::optional<T>& value) {
        return value ? bind(index, *value) : bind_null(index);
    }

    // Binds every argument in order, starting at parameter 1.
    template <typename... Args>
    Statement& bind_all(const Args&... args) {
        int i = 0;
        (bind(++i, args), ...);
        return *this;
    }

    Step step();
    // Steps a statement that must not return rows (INSERT, UPDATE, DELETE).
    void run();
    void reset();

    bool is_null(int column) const;
    std::int64_t get_int(int column) const;
    double get_double(int column) const;
    std::string get_text(int column) const;
    std::optional<std::string> get_optional_text(int column) const;
    std::optional<std::int64_t> get_optional_int(int column) const;
    std::string get_blob(int column) const;

private:
    Database* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

// A lease on a cached statement; a nested lease of the same SQL gets its own statement.
class CachedStatement {
public:
    CachedStatement(const CachedStatement&) = delete;
    CachedStatement& operator=(const CachedStatement&) = delete;
    ~CachedStatement();

    Statement& operator*() { return *statement_; }
    Statement* operator->() { return statement_; }

private:
    friend class Database;
    CachedStatement(Database::CacheSlot* slot, std::unique_ptr<Statement> own);

    Database::CacheSlot* slot_ = nullptr;  // null when the statement is our own
    std::unique_ptr<Statement> own_;
    Statement* statement_ = nullptr;
};

// A write transaction. BEGIN IMMEDIATE takes the write lock up front, so a read-then-write never
// fails with SQLITE_BUSY_SNAPSHOT; the destructor rolls back unless commit() ran.
class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Database& db_;
    bool done_ = false;
};

// A nested unit of work inside a transaction; rolls back to its start unless released.
class Savepoint {
public:
    Savepoint(Database& db, std::string name);
    ~Savepoint();
    Savepoint(const Savepoint&) = delete;
    Savepoint& operator=(const Savepoint&) = delete;
    void release();

private:
    Database& db_;
    std::string name_;
    bool done_ = false;
};

}  // namespace schoolctl::store

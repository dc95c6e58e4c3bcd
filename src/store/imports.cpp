#include "store/imports.h"

#include <algorithm>

namespace schoolctl::store {

std::int64_t insert_import(Database& db, const ImportRecord& r) {
    Statement st = db.prepare(
        "INSERT INTO imports(school_id, kind, file_name, sha256, account_id, actor, at, rows, "
        "created, updated, unchanged, rejected, mode, left_count) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    st.bind_all(r.school_id, r.kind, r.file_name, r.sha256, r.account_id, r.actor, r.at, r.rows,
                r.created, r.updated, r.unchanged, r.rejected, r.mode, r.left);
    st.run();
    return db.last_insert_id();
}

std::vector<ImportRecord> list_imports(Database& db, std::int64_t school_id, std::size_t limit) {
    Statement st = db.prepare(
        "SELECT id, school_id, kind, file_name, sha256, account_id, actor, at, rows, created, "
        "updated, unchanged, rejected, mode, left_count FROM imports WHERE school_id = ? "
        "ORDER BY id DESC LIMIT ?");
    st.bind_all(school_id, limit > 0 ? static_cast<std::int64_t>(limit) : std::int64_t{-1});
    std::vector<ImportRecord> out;
    while (st.step() == Step::row) {
        out.push_back({st.get_int(0), st.get_int(1), st.get_text(2), st.get_text(3),
                       st.get_text(4), st.get_optional_int(5), st.get_text(6), st.get_text(7),
                       st.get_int(8), st.get_int(9), st.get_int(10), st.get_int(11),
                       st.get_int(12), st.get_text(13), st.get_int(14)});
    }
    std::reverse(out.begin(), out.end());
    return out;
}

}  // namespace schoolctl::store

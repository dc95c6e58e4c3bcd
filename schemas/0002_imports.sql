-- Schema 2: the history of imports (`schoolctl import history`).
-- One row per import that wrote to the database; dry runs and rejected files leave none.
CREATE TABLE imports (
    id          INTEGER PRIMARY KEY,
    school_id   INTEGER NOT NULL REFERENCES schools(id),
    kind        TEXT NOT NULL CHECK (length(kind) > 0),
    file_name   TEXT NOT NULL,
    sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
    account_id  INTEGER,
    actor       TEXT NOT NULL,
    at          TEXT NOT NULL,
    rows        INTEGER NOT NULL CHECK (rows >= 0),
    created     INTEGER NOT NULL CHECK (created >= 0),
    updated     INTEGER NOT NULL CHECK (updated >= 0),
    unchanged   INTEGER NOT NULL CHECK (unchanged >= 0),
    rejected    INTEGER NOT NULL CHECK (rejected >= 0)
) STRICT;
CREATE INDEX imports_school ON imports(school_id, id);

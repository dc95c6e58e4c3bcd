-- Schema 1: schools, calendar, people and their roles, accounts, audit.
-- Dates are ISO 8601 text (YYYY-MM-DD); timestamps are UTC ISO 8601 text (YYYY-MM-DDTHH:MM:SSZ).

CREATE TABLE schools (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL CHECK (length(name) > 0),
    short_name  TEXT NOT NULL DEFAULT '',
    external_id TEXT UNIQUE,
    login_url   TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
) STRICT;

CREATE TABLE academic_years (
    id            INTEGER PRIMARY KEY,
    school_id     INTEGER NOT NULL REFERENCES schools(id),
    name          TEXT NOT NULL CHECK (length(name) > 0),
    start_date    TEXT NOT NULL CHECK (date(start_date) = start_date),
    end_date      TEXT NOT NULL CHECK (date(end_date) = end_date),
    days_per_week INTEGER NOT NULL DEFAULT 5 CHECK (days_per_week IN (5, 6)),
    CHECK (start_date <= end_date),
    UNIQUE (school_id, name)
) STRICT;

-- grades: '' for every grade level, else a comma list such as '10,11'.
CREATE TABLE attestation_periods (
    id         INTEGER PRIMARY KEY,
    year_id    INTEGER NOT NULL REFERENCES academic_years(id) ON DELETE CASCADE,
    code       TEXT NOT NULL CHECK (length(code) > 0),
    name       TEXT NOT NULL,
    start_date TEXT NOT NULL CHECK (date(start_date) = start_date),
    end_date   TEXT NOT NULL CHECK (date(end_date) = end_date),
    grades     TEXT NOT NULL DEFAULT '',
    CHECK (start_date <= end_date),
    UNIQUE (year_id, code, grades)
) STRICT;

CREATE TABLE holidays (
    id         INTEGER PRIMARY KEY,
    year_id    INTEGER NOT NULL REFERENCES academic_years(id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    start_date TEXT NOT NULL CHECK (date(start_date) = start_date),
    end_date   TEXT NOT NULL CHECK (date(end_date) = end_date),
    grades     TEXT NOT NULL DEFAULT '',
    CHECK (start_date <= end_date)
) STRICT;

CREATE TABLE bell_schedules (
    id      INTEGER PRIMARY KEY,
    year_id INTEGER NOT NULL REFERENCES academic_years(id) ON DELETE CASCADE,
    name    TEXT NOT NULL,
    grades  TEXT NOT NULL DEFAULT '',
    UNIQUE (year_id, name)
) STRICT;

CREATE TABLE bells (
    schedule_id INTEGER NOT NULL REFERENCES bell_schedules(id) ON DELETE CASCADE,
    number      INTEGER NOT NULL CHECK (number BETWEEN 0 AND 20),
    start_time  TEXT NOT NULL CHECK (start_time GLOB '[0-2][0-9]:[0-5][0-9]'),
    end_time    TEXT NOT NULL CHECK (end_time GLOB '[0-2][0-9]:[0-5][0-9]'),
    CHECK (start_time < end_time),
    PRIMARY KEY (schedule_id, number)
) STRICT;

-- Names are kept as three fields; match_key (NFC, case-folded, ё -> е) finds duplicates.
CREATE TABLE people (
    id          INTEGER PRIMARY KEY,
    school_id   INTEGER NOT NULL REFERENCES schools(id),
    last_name   TEXT NOT NULL CHECK (length(last_name) > 0),
    first_name  TEXT NOT NULL CHECK (length(first_name) > 0),
    middle_name TEXT NOT NULL DEFAULT '',
    birth_date  TEXT CHECK (birth_date IS NULL OR date(birth_date) = birth_date),
    external_id TEXT,
    match_key   TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    UNIQUE (school_id, external_id)
) STRICT;
CREATE INDEX people_match ON people(school_id, match_key);

CREATE TABLE pupils (
    person_id   INTEGER PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
    admitted_on TEXT CHECK (admitted_on IS NULL OR date(admitted_on) = admitted_on),
    left_on     TEXT CHECK (left_on IS NULL OR date(left_on) = left_on),
    left_reason TEXT
) STRICT;

CREATE TABLE guardians (
    person_id INTEGER PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
    phone     TEXT NOT NULL DEFAULT '',
    email     TEXT NOT NULL DEFAULT ''
) STRICT;

-- A guardian may have several children; a child several guardians.
CREATE TABLE guardian_links (
    guardian_id INTEGER NOT NULL REFERENCES guardians(person_id) ON DELETE CASCADE,
    pupil_id    INTEGER NOT NULL REFERENCES pupils(person_id) ON DELETE CASCADE,
    relation    TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (guardian_id, pupil_id)
) STRICT;
CREATE INDEX guardian_links_pupil ON guardian_links(pupil_id);

CREATE TABLE staff (
    person_id INTEGER PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
    position  TEXT NOT NULL DEFAULT '',
    hired_on  TEXT CHECK (hired_on IS NULL OR date(hired_on) = hired_on),
    left_on   TEXT CHECK (left_on IS NULL OR date(left_on) = left_on)
) STRICT;

-- A class is a grade 1..11 and an upper-case Cyrillic letter, within one academic year.
CREATE TABLE classes (
    id               INTEGER PRIMARY KEY,
    year_id          INTEGER NOT NULL REFERENCES academic_years(id),
    grade            INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 11),
    letter           TEXT NOT NULL CHECK (length(letter) = 1),
    class_teacher_id INTEGER REFERENCES staff(person_id),
    UNIQUE (year_id, grade, letter)
) STRICT;

-- Subgroups (a foreign-language half of a class) and streams mixing classes.
CREATE TABLE groups (
    id       INTEGER PRIMARY KEY,
    year_id  INTEGER NOT NULL REFERENCES academic_years(id),
    class_id INTEGER REFERENCES classes(id),
    name     TEXT NOT NULL CHECK (length(name) > 0),
    kind     TEXT NOT NULL CHECK (kind IN ('subgroup', 'stream', 'elective')),
    UNIQUE (year_id, name)
) STRICT;

CREATE TABLE class_memberships (
    id        INTEGER PRIMARY KEY,
    pupil_id  INTEGER NOT NULL REFERENCES pupils(person_id) ON DELETE CASCADE,
    class_id  INTEGER NOT NULL REFERENCES classes(id),
    from_date TEXT NOT NULL CHECK (date(from_date) = from_date),
    to_date   TEXT CHECK (to_date IS NULL OR date(to_date) = to_date),
    CHECK (to_date IS NULL OR from_date <= to_date),
    UNIQUE (pupil_id, class_id, from_date)
) STRICT;
CREATE INDEX class_memberships_class ON class_memberships(class_id);

CREATE TABLE group_memberships (
    id        INTEGER PRIMARY KEY,
    pupil_id  INTEGER NOT NULL REFERENCES pupils(person_id) ON DELETE CASCADE,
    group_id  INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    from_date TEXT NOT NULL CHECK (date(from_date) = from_date),
    to_date   TEXT CHECK (to_date IS NULL OR date(to_date) = to_date),
    CHECK (to_date IS NULL OR from_date <= to_date),
    UNIQUE (pupil_id, group_id, from_date)
) STRICT;

CREATE TABLE subjects (
    id        INTEGER PRIMARY KEY,
    school_id INTEGER NOT NULL REFERENCES schools(id),
    code      TEXT NOT NULL CHECK (length(code) > 0),
    name      TEXT NOT NULL CHECK (length(name) > 0),
    scale     TEXT NOT NULL DEFAULT 'five_point',
    UNIQUE (school_id, code)
) STRICT;

-- Who teaches what: a subject in a whole class or in one group.
CREATE TABLE teaching_assignments (
    id         INTEGER PRIMARY KEY,
    staff_id   INTEGER NOT NULL REFERENCES staff(person_id),
    subject_id INTEGER NOT NULL REFERENCES subjects(id),
    class_id   INTEGER REFERENCES classes(id),
    group_id   INTEGER REFERENCES groups(id),
    from_date  TEXT CHECK (from_date IS NULL OR date(from_date) = from_date),
    to_date    TEXT CHECK (to_date IS NULL OR date(to_date) = to_date),
    CHECK ((class_id IS NULL) <> (group_id IS NULL)),
    UNIQUE (staff_id, subject_id, class_id, group_id)
) STRICT;

CREATE TABLE accounts (
    id                   INTEGER PRIMARY KEY,
    person_id            INTEGER REFERENCES people(id) ON DELETE SET NULL,
    login                TEXT NOT NULL UNIQUE CHECK (login = lower(login) AND length(login) > 0),
    password_hash        TEXT,
    must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
    status               TEXT NOT NULL DEFAULT 'active'
                         CHECK (status IN ('active', 'pending', 'disabled')),
    created_at           TEXT NOT NULL,
    last_login_at        TEXT
) STRICT;

-- A role held within a scope. school_id NULL: every school of the database.
CREATE TABLE role_grants (
    id         INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    role       TEXT NOT NULL CHECK (role IN ('student', 'guardian', 'teacher', 'class_teacher',
                                             'deputy_head', 'director', 'secretary',
                                             'administrator')),
    school_id  INTEGER REFERENCES schools(id),
    scope_kind TEXT NOT NULL DEFAULT 'school'
               CHECK (scope_kind IN ('all', 'school', 'class', 'subject', 'child')),
    scope_id   INTEGER NOT NULL DEFAULT 0,
    granted_at TEXT NOT NULL,
    UNIQUE (account_id, role, school_id, scope_kind, scope_id)
) STRICT;

-- Session and script tokens; only a hash of each is kept.
CREATE TABLE tokens (
    id           INTEGER PRIMARY KEY,
    account_id   INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind IN ('session', 'script')),
    name         TEXT NOT NULL DEFAULT '',
    token_hash   TEXT NOT NULL UNIQUE,
    created_at   TEXT NOT NULL,
    expires_at   TEXT,
    revoked_at   TEXT,
    last_used_at TEXT
) STRICT;

-- Append-only and hash-chained: hash = SHA-256(prev_hash | at | actor | action | object | details).
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    account_id  INTEGER,
    actor       TEXT NOT NULL,
    action      TEXT NOT NULL,
    object_type TEXT NOT NULL DEFAULT '',
    object_id   TEXT NOT NULL DEFAULT '',
    details     TEXT NOT NULL DEFAULT '{}',
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL UNIQUE
) STRICT;
CREATE INDEX audit_log_object ON audit_log(object_type, object_id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

-- Turns a fresh database back into schema 1, as the first schoolctl created it, to test the
-- upgrade path. Each block undoes one migration, newest first.

-- 10: health records
DROP TABLE health_records;

-- 9: audit redaction. The rows keep schema 9's hashes until tests/data/schema/rehash-audit-v1.py
-- re-chains them under the old rule.
DROP TRIGGER IF EXISTS audit_log_no_update;
ALTER TABLE audit_log DROP COLUMN salt;
ALTER TABLE audit_log DROP COLUMN content_hash;
ALTER TABLE people DROP COLUMN purged_on;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

-- 8: consents
DROP TABLE consents;

-- 7: journal
DROP TABLE period_locks;
DROP TABLE final_marks;
DROP TABLE seen_receipts;
DROP TABLE remarks;
DROP TABLE lesson_notes;
DROP TABLE attendance_changes;
DROP TABLE attendance;
DROP TABLE mark_changes;
DROP TABLE marks;
ALTER TABLE attestation_periods DROP COLUMN min_marks;

-- 6: timetable
DROP TABLE schedule_runs;
DROP TABLE lesson_changes;
DROP TABLE lessons;
DROP TABLE timetable_rules;
DROP TABLE production_days;
ALTER TABLE academic_years DROP COLUMN week_a;
ALTER TABLE academic_years DROP COLUMN five_day_grades;
ALTER TABLE academic_years DROP COLUMN six_day_grades;
ALTER TABLE bell_schedules DROP COLUMN classes;
ALTER TABLE bell_schedules DROP COLUMN weekdays;
ALTER TABLE bell_schedules DROP COLUMN from_date;
ALTER TABLE bell_schedules DROP COLUMN to_date;

-- 5: accounts
DROP INDEX accounts_person;
DROP INDEX teaching_assignments_staff;
DROP INDEX classes_class_teacher;
ALTER TABLE accounts DROP COLUMN activation_hash;
ALTER TABLE accounts DROP COLUMN activation_expires_at;
ALTER TABLE accounts DROP COLUMN failed_logins;
ALTER TABLE accounts DROP COLUMN locked_at;
CREATE TABLE role_grants_old (
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
INSERT INTO role_grants_old(id, account_id, role, school_id, scope_kind, granted_at)
    SELECT id, account_id, role, school_id, scope_kind, granted_at FROM role_grants;
DROP TABLE role_grants;
ALTER TABLE role_grants_old RENAME TO role_grants;

-- 4: groups (the audit log keeps its schema 4 form: the older one only had a UNIQUE index more)
DROP INDEX group_memberships_group;

-- 3 and 2: import history, family keys, staff subjects, contact indexes
DROP TABLE imports;
DROP TABLE staff_subjects;
DROP INDEX pupils_family;
DROP INDEX guardians_phone;
DROP INDEX guardians_email;
ALTER TABLE pupils DROP COLUMN family_key;

PRAGMA user_version = 1;

-- Schema 5: accounts get activation codes and login throttling; role grants name their scope
-- with real references (a class, a subject in a class or group, a child) instead of one number.

-- One account per person: a teacher who is also a parent has one login with both roles.
CREATE UNIQUE INDEX accounts_person ON accounts(person_id) WHERE person_id IS NOT NULL;

-- The one-time activation code, as an Argon2id hash, and until when it works (UTC ISO 8601).
ALTER TABLE accounts ADD COLUMN activation_hash TEXT;
ALTER TABLE accounts ADD COLUMN activation_expires_at TEXT;
-- Consecutive failed logins or activations; reset by a success. At the configured limit the
-- account is locked (locked_at set) until someone with accounts.manage unlocks it.
ALTER TABLE accounts ADD COLUMN failed_logins INTEGER NOT NULL DEFAULT 0
    CHECK (failed_logins >= 0);
ALTER TABLE accounts ADD COLUMN locked_at TEXT;

CREATE TABLE role_grants_scoped (
    id         INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    role       TEXT NOT NULL CHECK (role IN ('student', 'guardian', 'teacher', 'class_teacher',
                                             'deputy_head', 'director', 'secretary',
                                             'administrator')),
    scope_kind TEXT NOT NULL CHECK (scope_kind IN ('all', 'school', 'class', 'subject', 'child')),
    school_id  INTEGER REFERENCES schools(id),
    class_id   INTEGER REFERENCES classes(id) ON DELETE CASCADE,
    group_id   INTEGER REFERENCES groups(id) ON DELETE CASCADE,
    subject_id INTEGER REFERENCES subjects(id) ON DELETE CASCADE,
    pupil_id   INTEGER REFERENCES pupils(person_id) ON DELETE CASCADE,
    granted_at TEXT NOT NULL,
    CHECK ((scope_kind = 'all') = (school_id IS NULL)),
    CHECK (scope_kind <> 'class' OR (class_id IS NOT NULL) <> (group_id IS NOT NULL)),
    CHECK (scope_kind <> 'subject' OR (subject_id IS NOT NULL
                                       AND (class_id IS NOT NULL OR group_id IS NOT NULL))),
    CHECK ((scope_kind = 'child') = (pupil_id IS NOT NULL))
) STRICT;
INSERT INTO role_grants_scoped(id, account_id, role, scope_kind, school_id, class_id, pupil_id,
                               granted_at)
    SELECT id, account_id, role, scope_kind, school_id,
           CASE WHEN scope_kind = 'class' THEN scope_id END,
           CASE WHEN scope_kind = 'child' THEN scope_id END,
           granted_at
    FROM role_grants ORDER BY id;
DROP TABLE role_grants;
ALTER TABLE role_grants_scoped RENAME TO role_grants;
CREATE UNIQUE INDEX role_grants_unique ON role_grants(
    account_id, role, scope_kind, ifnull(school_id, 0), ifnull(class_id, 0), ifnull(group_id, 0),
    ifnull(subject_id, 0), ifnull(pupil_id, 0));

-- Lookups of what a person teaches and leads, for the grants derived from the roster.
CREATE INDEX teaching_assignments_staff ON teaching_assignments(staff_id);
CREATE INDEX classes_class_teacher ON classes(class_teacher_id) WHERE class_teacher_id IS NOT NULL;

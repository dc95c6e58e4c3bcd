-- Schema 7: the journal. Marks and absences attach to dated lessons; a lesson has its topic and
-- homework; teachers leave remarks about pupils; guardians' views are receipted per item; period
-- and year marks keep the computed mean, the computed mark and the final mark apart.

-- How many marks a period needs for a period mark, when it differs from marks.min_marks (5 for a
-- half-year where a quarter needs 3).
ALTER TABLE attestation_periods ADD COLUMN min_marks INTEGER CHECK (min_marks IS NULL OR min_marks >= 0);

-- A mark. Several per pupil per lesson are allowed; `slot` tells apart marks of one work type in
-- one lesson (the 1st, the 2nd answer), so a file of marks imported again finds each one again.
-- `value` is the canonical text on the subject's scale («5», «4/3», «зач»); `points` and
-- `second_points` what it counts as, in hundredths (see schoolctl-finals(1)).
CREATE TABLE marks (
    id            INTEGER PRIMARY KEY,
    lesson_id     INTEGER NOT NULL REFERENCES lessons(id),
    pupil_id      INTEGER NOT NULL REFERENCES pupils(person_id),
    work_type     TEXT NOT NULL CHECK (length(work_type) > 0),
    slot          INTEGER NOT NULL DEFAULT 1 CHECK (slot >= 1),
    value         TEXT NOT NULL CHECK (length(value) > 0),
    points        INTEGER NOT NULL,
    second_points INTEGER,
    comment       TEXT NOT NULL DEFAULT '',
    author_id     INTEGER,  -- the account that gave it
    source        TEXT NOT NULL DEFAULT '',  -- "marks.csv:14" or "" when given by hand
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX marks_key ON marks(lesson_id, pupil_id, work_type, slot);

-- Every change of a mark after it was given, oldest first: corrected (old → new) or removed.
-- The audit log has the same with the actor's hash chain; this is what the journal shows.
CREATE TABLE mark_changes (
    id         INTEGER PRIMARY KEY,
    mark_id    INTEGER NOT NULL,  -- no reference: a removed mark keeps its history
    lesson_id  INTEGER NOT NULL,
    pupil_id   INTEGER NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('correct', 'remove')),
    old_value  TEXT NOT NULL,
    new_value  TEXT NOT NULL DEFAULT '',
    reason     TEXT NOT NULL DEFAULT '',
    at         TEXT NOT NULL,
    account_id INTEGER
) STRICT;
CREATE INDEX mark_changes_mark ON mark_changes(mark_id);

-- An absence or a lateness; a pupil with no row was present. `code` is the stored name
-- (unexcused | excused | ill | late), printed with the school's labels (Н, П, Б, ОП).
CREATE TABLE attendance (
    lesson_id    INTEGER NOT NULL REFERENCES lessons(id),
    pupil_id     INTEGER NOT NULL REFERENCES pupils(person_id),
    code         TEXT NOT NULL CHECK (code IN ('unexcused', 'excused', 'ill', 'late')),
    minutes_late INTEGER CHECK (minutes_late IS NULL OR minutes_late > 0),
    note         TEXT NOT NULL DEFAULT '',
    author_id    INTEGER,
    source       TEXT NOT NULL DEFAULT '',
    updated_at   TEXT NOT NULL,
    PRIMARY KEY (lesson_id, pupil_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX attendance_pupil ON attendance(pupil_id);

-- Every re-classification of an absence, oldest first: Н → Б when a medical note arrives.
-- old_code or new_code is '' when the pupil was, or is now, present.
CREATE TABLE attendance_changes (
    id         INTEGER PRIMARY KEY,
    lesson_id  INTEGER NOT NULL,
    pupil_id   INTEGER NOT NULL,
    old_code   TEXT NOT NULL,
    new_code   TEXT NOT NULL,
    reason     TEXT NOT NULL DEFAULT '',
    at         TEXT NOT NULL,
    account_id INTEGER
) STRICT;
CREATE INDEX attendance_changes_pupil ON attendance_changes(pupil_id, lesson_id);

-- What a lesson was about and what it set: the topic, the homework, and a file given with it
-- (where it is, how big, its SHA-256, so a changed file is noticed).
CREATE TABLE lesson_notes (
    lesson_id     INTEGER PRIMARY KEY REFERENCES lessons(id),
    topic         TEXT NOT NULL DEFAULT '',
    homework      TEXT NOT NULL DEFAULT '',
    file_path     TEXT,
    file_size     INTEGER CHECK (file_size IS NULL OR file_size >= 0),
    file_sha256   TEXT,
    author_id     INTEGER,
    updated_at    TEXT NOT NULL
) STRICT;

-- A teacher's remark about a pupil («забыл форму», «отлично выступил»), on a day or a lesson.
CREATE TABLE remarks (
    id         INTEGER PRIMARY KEY,
    pupil_id   INTEGER NOT NULL REFERENCES pupils(person_id),
    lesson_id  INTEGER REFERENCES lessons(id),
    date       TEXT NOT NULL CHECK (date(date) = date),
    text       TEXT NOT NULL CHECK (length(text) > 0),
    author_id  INTEGER,
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX remarks_pupil ON remarks(pupil_id, date);

-- When a guardian first saw an item in the diary: a mark, a remark, or a lesson's homework (for
-- that guardian's child). One row per item and guardian; the first view is what counts.
CREATE TABLE seen_receipts (
    kind        TEXT NOT NULL CHECK (kind IN ('mark', 'remark', 'homework')),
    item_id     INTEGER NOT NULL,
    pupil_id    INTEGER NOT NULL,
    guardian_id INTEGER NOT NULL REFERENCES guardians(person_id),
    seen_at     TEXT NOT NULL,
    PRIMARY KEY (kind, item_id, pupil_id, guardian_id)
) STRICT, WITHOUT ROWID;

-- Period and year marks. `period` is a period's code (Q1) or 'year'. The computation is kept
-- apart from what counts: mean (hundredths, truncated), computed (the rule's mark) and final
-- (the computed mark, or a teacher's override kept beside it with who, when and why).
CREATE TABLE final_marks (
    year_id         INTEGER NOT NULL REFERENCES academic_years(id),
    pupil_id        INTEGER NOT NULL REFERENCES pupils(person_id),
    subject_id      INTEGER NOT NULL REFERENCES subjects(id),
    period          TEXT NOT NULL CHECK (length(period) > 0),
    marks_count     INTEGER NOT NULL DEFAULT 0,
    weighted_sum    INTEGER NOT NULL DEFAULT 0,
    weight_sum      INTEGER NOT NULL DEFAULT 0,
    mean            INTEGER,
    computed        TEXT NOT NULL DEFAULT '',
    reason          TEXT NOT NULL DEFAULT '',
    computed_at     TEXT,
    override        TEXT,
    override_by     INTEGER,
    override_at     TEXT,
    override_reason TEXT NOT NULL DEFAULT '',
    final           TEXT GENERATED ALWAYS AS (coalesce(override, computed)) VIRTUAL,
    PRIMARY KEY (year_id, pupil_id, subject_id, period)
) STRICT, WITHOUT ROWID;

-- A period closed for marks: no mark of its dates may be given, corrected or removed, and its
-- period marks may not be overridden, until it is unlocked.
CREATE TABLE period_locks (
    year_id    INTEGER NOT NULL REFERENCES academic_years(id),
    period     TEXT NOT NULL,
    locked_at  TEXT NOT NULL,
    account_id INTEGER,
    PRIMARY KEY (year_id, period)
) STRICT, WITHOUT ROWID;

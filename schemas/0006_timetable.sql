-- Schema 6: the rest of the study calendar (the production calendar, week length per grade,
-- the A/B week anchor, bell schedules per class and weekday), timetable rules, the dated lessons
-- they expand into, and the changes made to single lessons (substitutions, cancellations, moves).

-- The Monday-based week that counts as week A; NULL: the week of start_date.
ALTER TABLE academic_years ADD COLUMN week_a TEXT CHECK (week_a IS NULL OR date(week_a) = week_a);
-- Grade levels that study 5 or 6 days a week against days_per_week, as '1,2,3'.
ALTER TABLE academic_years ADD COLUMN five_day_grades TEXT NOT NULL DEFAULT '';
ALTER TABLE academic_years ADD COLUMN six_day_grades TEXT NOT NULL DEFAULT '';

-- A bell schedule may be for some classes ('5А,5Б') and some weekdays ('1' = Monday) only.
ALTER TABLE bell_schedules ADD COLUMN classes TEXT NOT NULL DEFAULT '';
ALTER TABLE bell_schedules ADD COLUMN weekdays TEXT NOT NULL DEFAULT '';
-- ... and between some dates only (the 1st grade's 35-minute lessons until December).
ALTER TABLE bell_schedules ADD COLUMN from_date TEXT CHECK (from_date IS NULL OR date(from_date) = from_date);
ALTER TABLE bell_schedules ADD COLUMN to_date TEXT CHECK (to_date IS NULL OR date(to_date) = to_date);

-- The government's production calendar: the days that differ from a Monday-Friday week.
CREATE TABLE production_days (
    year_id  INTEGER NOT NULL REFERENCES academic_years(id) ON DELETE CASCADE,
    date     TEXT NOT NULL CHECK (date(date) = date),
    kind     TEXT NOT NULL CHECK (kind IN ('holiday', 'day_off', 'working')),
    name     TEXT NOT NULL DEFAULT '',
    works_as INTEGER CHECK (works_as IS NULL OR (kind = 'working' AND works_as BETWEEN 1 AND 7)),
    PRIMARY KEY (year_id, date)
) STRICT, WITHOUT ROWID;

-- A timetable rule: who studies what with whom, where, on which weekday and lesson, how often
-- and between which dates. A rule never changes its class or group, subject, slot or
-- periodicity: a different one of those is a different rule. A change from a date ends the old
-- rule the day before and starts a new one (see schoolctl-schedule(1)).
CREATE TABLE timetable_rules (
    id          INTEGER PRIMARY KEY,
    year_id     INTEGER NOT NULL REFERENCES academic_years(id),
    class_id    INTEGER REFERENCES classes(id),
    group_id    INTEGER REFERENCES groups(id),
    subject_id  INTEGER NOT NULL REFERENCES subjects(id),
    teacher_id  INTEGER NOT NULL REFERENCES staff(person_id),
    room        TEXT NOT NULL DEFAULT '',
    weekday     INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    lesson_no   INTEGER NOT NULL CHECK (lesson_no BETWEEN 0 AND 15),
    periodicity TEXT NOT NULL DEFAULT 'weekly',
    valid_from  TEXT NOT NULL CHECK (date(valid_from) = valid_from),
    valid_to    TEXT NOT NULL CHECK (date(valid_to) = valid_to),
    source      TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    CHECK ((class_id IS NULL) <> (group_id IS NULL)),
    CHECK (valid_from <= valid_to)
) STRICT;
CREATE INDEX timetable_rules_slot ON timetable_rules(year_id, weekday, lesson_no);

-- A dated lesson, keyed by the rule that gave it and the date it gave (rule_date). A moved
-- lesson keeps its key and changes date and lesson_no, so expanding again never brings it back
-- at the old place. teacher_id is the teacher the timetable planned; a substitute is recorded
-- beside it, never over it.
CREATE TABLE lessons (
    id            INTEGER PRIMARY KEY,
    rule_id       INTEGER NOT NULL REFERENCES timetable_rules(id),
    rule_date     TEXT NOT NULL CHECK (date(rule_date) = rule_date),
    date          TEXT NOT NULL CHECK (date(date) = date),
    lesson_no     INTEGER NOT NULL CHECK (lesson_no BETWEEN 0 AND 15),
    teacher_id    INTEGER NOT NULL REFERENCES staff(person_id),
    room          TEXT NOT NULL DEFAULT '',
    substitute_id INTEGER REFERENCES staff(person_id),
    status        TEXT NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled')),
    UNIQUE (rule_id, rule_date)
) STRICT;
CREATE INDEX lessons_date ON lessons(date, lesson_no);

-- What was done to one lesson by hand, oldest first. The lesson keeps its current state; this
-- keeps how it got there (the audit log has the same with the actor's hash chain).
CREATE TABLE lesson_changes (
    id         INTEGER PRIMARY KEY,
    lesson_id  INTEGER NOT NULL REFERENCES lessons(id),
    kind       TEXT NOT NULL CHECK (kind IN ('substitute', 'cancel', 'move', 'restore')),
    at         TEXT NOT NULL,
    account_id INTEGER,
    before     TEXT NOT NULL DEFAULT '{}',
    after      TEXT NOT NULL DEFAULT '{}',
    reason     TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX lesson_changes_lesson ON lesson_changes(lesson_id);

-- What the last `schedule generate` of a window started from and left: a digest of the rules,
-- the calendar, the grades and the lessons. When the next run finds the same digest there is
-- nothing to do, and it says so without comparing every lesson of the year again.
CREATE TABLE schedule_runs (
    year_id   INTEGER NOT NULL REFERENCES academic_years(id) ON DELETE CASCADE,
    from_date TEXT NOT NULL,
    to_date   TEXT NOT NULL,
    digest    TEXT NOT NULL,
    at        TEXT NOT NULL,
    PRIMARY KEY (year_id, from_date, to_date)
) STRICT;

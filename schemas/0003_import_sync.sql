-- Schema 3: sync imports (mode, people marked as left), family keys, staff subjects.
ALTER TABLE imports ADD COLUMN mode TEXT NOT NULL DEFAULT 'upsert'
    CHECK (mode IN ('upsert', 'sync'));
ALTER TABLE imports ADD COLUMN left_count INTEGER NOT NULL DEFAULT 0 CHECK (left_count >= 0);

-- Pupils of one family share a key a guardians file can link by («Семья» in both files).
ALTER TABLE pupils ADD COLUMN family_key TEXT;
CREATE INDEX pupils_family ON pupils(family_key) WHERE family_key IS NOT NULL;

-- The subjects a staff member can teach (the staff file's «Предметы»); who teaches which class
-- is teaching_assignments.
CREATE TABLE staff_subjects (
    staff_id   INTEGER NOT NULL REFERENCES staff(person_id) ON DELETE CASCADE,
    subject_id INTEGER NOT NULL REFERENCES subjects(id) ON DELETE CASCADE,
    PRIMARY KEY (staff_id, subject_id)
) STRICT;

-- A guardians file reports contacts shared with another guardian: looked up per row.
CREATE INDEX guardians_phone ON guardians(phone) WHERE phone <> '';
CREATE INDEX guardians_email ON guardians(email) WHERE email <> '';

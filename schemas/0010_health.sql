-- Schema 10: health data, a special category under 152-ФЗ (art. 10): kept for a pupil only
-- while a guardian's written consent to health data holds (`schoolctl health`). What the school
-- needs of it: the health group (I-V) and the physical-education group, which decide what a
-- pupil may do in PE, and a note for the teachers. When the consent is revoked the row is
-- deleted; a purge deletes it with the pupil's other data.
CREATE TABLE health_records (
    pupil_id     INTEGER PRIMARY KEY REFERENCES pupils(person_id),
    health_group TEXT CHECK (health_group IS NULL OR health_group IN ('I', 'II', 'III', 'IV', 'V')),
    pe_group     TEXT CHECK (pe_group IS NULL
                             OR pe_group IN ('main', 'preparatory', 'special', 'exempt')),
    note         TEXT NOT NULL DEFAULT '',
    updated_at   TEXT NOT NULL
) STRICT;

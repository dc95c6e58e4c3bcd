-- Guardians' consents (152-ФЗ, DOMAIN.md «Personal data»): to the processing of a child's
-- personal data, of health data (a special category: written consent only), to photos and
-- video, to publication. A consent is revoked, never deleted: the row keeps when it stopped.
CREATE TABLE consents (
    id            INTEGER PRIMARY KEY,
    guardian_id   INTEGER NOT NULL REFERENCES guardians(person_id),
    pupil_id      INTEGER REFERENCES pupils(person_id),  -- NULL: every child of the guardian
    kind          TEXT NOT NULL
                  CHECK (kind IN ('personal_data', 'health', 'photo', 'publication')),
    scope         TEXT NOT NULL DEFAULT '',
    given_on      TEXT NOT NULL CHECK (date(given_on) = given_on),
    revoked_on    TEXT CHECK (revoked_on IS NULL OR (date(revoked_on) = revoked_on
                                                     AND revoked_on >= given_on)),
    revoke_reason TEXT NOT NULL DEFAULT '',
    recorded_at   TEXT NOT NULL
) STRICT;
CREATE INDEX consents_guardian ON consents(guardian_id);
CREATE INDEX consents_pupil ON consents(pupil_id);

-- Schema 9: the personal data of people who left can be purged: audit rows can be redacted
-- without breaking the chain, and people carry when they were purged.
--
-- The chain now hashes a row's actor and details through a salted content hash:
--   content_hash = SHA-256(salt | actor | details)
--   hash         = SHA-256(prev_hash | at | account_id | action | object_type | object_id | content_hash)
-- A purge (`schoolctl purge`) redacts a row by replacing its actor or details and setting salt to
-- NULL; content_hash and hash stay, so the rows after it still verify. Without the random salt the
-- content hash cannot be matched against guessed names. Every redacted row must be listed by a
-- later, unredacted `data.purge` row, which `schoolctl audit verify` checks.
--
-- The existing rows are re-chained under the new rule by the migration's code step
-- (store::rechain_audit_log), after their old chain is verified; it runs in this transaction.
ALTER TABLE audit_log ADD COLUMN salt TEXT;
ALTER TABLE audit_log ADD COLUMN content_hash TEXT NOT NULL DEFAULT '';

DROP TRIGGER audit_log_no_update;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
WHEN NOT (OLD.salt IS NOT NULL AND NEW.salt IS NULL
          AND NEW.id = OLD.id AND NEW.at = OLD.at AND NEW.account_id IS OLD.account_id
          AND NEW.action = OLD.action AND NEW.object_type = OLD.object_type
          AND NEW.object_id = OLD.object_id AND NEW.prev_hash = OLD.prev_hash
          AND NEW.hash = OLD.hash AND NEW.content_hash = OLD.content_hash)
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only; only a purge may redact a row');
END;

-- When `schoolctl purge` removed a person's personal data. A purged pupil or staff member keeps
-- their row under a placeholder name, with the marks, absences and class memberships the past
-- periods' reports count; everything that named them is gone.
ALTER TABLE people ADD COLUMN purged_on TEXT CHECK (purged_on IS NULL OR date(purged_on) = purged_on);

-- A tamper-evident audit log: each entry carries the hash of the entry before it (`prev_hash`) and
-- a SHA-256 of its own content chained to it (`hash`); docs/data.md gives the exact recipe. SQLite
-- has no SHA-256, so the hashes of the entries already here are computed right after this script,
-- in the same transaction, by `db::audit_chain::after_migration`.
ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
ALTER TABLE audit_log ADD COLUMN hash TEXT;

-- Entries are only ever added. A chained entry cannot be changed or removed through pmi-desk or by a
-- slip in a database browser; someone who drops these triggers is caught by the chain instead.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log WHEN OLD.hash IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

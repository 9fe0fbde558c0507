-- The records themselves become tamper-evident: every audit entry about a change carries a
-- SHA-256 of the record's stored columns after it (`digest`, docs/data.md gives the recipe), and
-- the entry's hash covers it. `check` recomputes each record's digest against its latest entry.
-- Entries written before this version have none: their records are reported as not covered
-- until a clerk's next change to them.
ALTER TABLE audit_log ADD COLUMN digest TEXT;

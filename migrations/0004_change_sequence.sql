-- Sync by sequence, not by clock (docs/exchange-format.md, "Trust rules"): every record carries the
-- change sequence of its last insert or update; `export --since-last` selects by it. Timestamps keep
-- milliseconds so that a record's `updated_at` can always move forward. The database itself refuses
-- what must never happen: two issued letters for one placement, two open placements for one person,
-- a change without a new sequence number.

CREATE TABLE change_sequence (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    value INTEGER NOT NULL
);
INSERT INTO change_sequence (id, value) VALUES (1, 0);

-- The version of each record last received from each office, for telling concurrent edits apart
-- from ordinary updates. `fields` is NULL while the stored record is still that version.
CREATE TABLE sync_base (
    record_uid  TEXT NOT NULL,
    office_code TEXT NOT NULL,
    version     TEXT NOT NULL,
    fields      TEXT,
    PRIMARY KEY (record_uid, office_code)
) WITHOUT ROWID;

-- What an import from one office stored, as a range of the change sequence: every record whose
-- sequence number lies in a range of office O was received from O as it is now (its base for O is
-- its current version), unless `sync_base` says otherwise. One row per import instead of one per
-- record; a record's own row is written when it changes (see `db::sync::keep_base`).
CREATE TABLE sync_received (
    office_code TEXT NOT NULL,
    seq_from    INTEGER NOT NULL,
    seq_to      INTEGER NOT NULL
);
CREATE INDEX sync_received_range ON sync_received(office_code, seq_to);

-- Timestamps with milliseconds, so that text order is time order.
UPDATE persons SET created_at = substr(created_at, 1, 19) || '.000Z' WHERE length(created_at) = 20;
UPDATE persons SET updated_at = substr(updated_at, 1, 19) || '.000Z' WHERE length(updated_at) = 20;
UPDATE placements SET created_at = substr(created_at, 1, 19) || '.000Z' WHERE length(created_at) = 20;
UPDATE placements SET updated_at = substr(updated_at, 1, 19) || '.000Z' WHERE length(updated_at) = 20;
UPDATE documents SET created_at = substr(created_at, 1, 19) || '.000Z' WHERE length(created_at) = 20;
UPDATE documents SET updated_at = substr(updated_at, 1, 19) || '.000Z' WHERE length(updated_at) = 20;
UPDATE recommendations SET created_at = substr(created_at, 1, 19) || '.000Z' WHERE length(created_at) = 20;
UPDATE recommendations SET updated_at = substr(updated_at, 1, 19) || '.000Z' WHERE length(updated_at) = 20;
UPDATE cases SET created_at = substr(created_at, 1, 19) || '.000Z' WHERE length(created_at) = 20;
UPDATE cases SET updated_at = substr(updated_at, 1, 19) || '.000Z' WHERE length(updated_at) = 20;
UPDATE case_events SET created_at = substr(created_at, 1, 19) || '.000Z' WHERE length(created_at) = 20;
UPDATE repatriations SET created_at = substr(created_at, 1, 19) || '.000Z' WHERE length(created_at) = 20;
UPDATE repatriations SET updated_at = substr(updated_at, 1, 19) || '.000Z' WHERE length(updated_at) = 20;
UPDATE audit_log SET at = substr(at, 1, 19) || '.000Z' WHERE length(at) = 20;

-- The sequence of what is already stored: in order of last change, table by table.
ALTER TABLE persons ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE placements ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE documents ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE recommendations ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE case_events ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE repatriations ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;

CREATE TEMP TABLE numbered AS
    SELECT 'persons' AS t, rowid AS r, row_number() OVER (ORDER BY updated_at, uid) AS n FROM persons;
UPDATE persons SET seq = n + (SELECT value FROM change_sequence) FROM temp.numbered WHERE t = 'persons' AND r = persons.rowid;
UPDATE change_sequence SET value = value + (SELECT count(*) FROM persons);
DELETE FROM temp.numbered;

INSERT INTO temp.numbered SELECT 'placements', rowid, row_number() OVER (ORDER BY updated_at, uid) FROM placements;
UPDATE placements SET seq = n + (SELECT value FROM change_sequence) FROM temp.numbered WHERE t = 'placements' AND r = placements.rowid;
UPDATE change_sequence SET value = value + (SELECT count(*) FROM placements);
DELETE FROM temp.numbered;

INSERT INTO temp.numbered SELECT 'documents', rowid, row_number() OVER (ORDER BY updated_at, uid) FROM documents;
UPDATE documents SET seq = n + (SELECT value FROM change_sequence) FROM temp.numbered WHERE t = 'documents' AND r = documents.rowid;
UPDATE change_sequence SET value = value + (SELECT count(*) FROM documents);
DELETE FROM temp.numbered;

INSERT INTO temp.numbered SELECT 'recommendations', rowid, row_number() OVER (ORDER BY updated_at, uid) FROM recommendations;
UPDATE recommendations SET seq = n + (SELECT value FROM change_sequence) FROM temp.numbered WHERE t = 'recommendations' AND r = recommendations.rowid;
UPDATE change_sequence SET value = value + (SELECT count(*) FROM recommendations);
DELETE FROM temp.numbered;

INSERT INTO temp.numbered SELECT 'cases', rowid, row_number() OVER (ORDER BY updated_at, uid) FROM cases;
UPDATE cases SET seq = n + (SELECT value FROM change_sequence) FROM temp.numbered WHERE t = 'cases' AND r = cases.rowid;
UPDATE change_sequence SET value = value + (SELECT count(*) FROM cases);
DELETE FROM temp.numbered;

INSERT INTO temp.numbered SELECT 'case_events', rowid, row_number() OVER (ORDER BY created_at, uid) FROM case_events;
UPDATE case_events SET seq = n + (SELECT value FROM change_sequence) FROM temp.numbered WHERE t = 'case_events' AND r = case_events.rowid;
UPDATE change_sequence SET value = value + (SELECT count(*) FROM case_events);
DELETE FROM temp.numbered;

INSERT INTO temp.numbered SELECT 'repatriations', rowid, row_number() OVER (ORDER BY updated_at, uid) FROM repatriations;
UPDATE repatriations SET seq = n + (SELECT value FROM change_sequence) FROM temp.numbered WHERE t = 'repatriations' AND r = repatriations.rowid;
UPDATE change_sequence SET value = value + (SELECT count(*) FROM repatriations);
DROP TABLE temp.numbered;

CREATE UNIQUE INDEX persons_seq ON persons(seq);
CREATE UNIQUE INDEX placements_seq ON placements(seq);
CREATE UNIQUE INDEX documents_seq ON documents(seq);
CREATE UNIQUE INDEX recommendations_seq ON recommendations(seq);
CREATE UNIQUE INDEX cases_seq ON cases(seq);
CREATE UNIQUE INDEX case_events_seq ON case_events(seq);
CREATE UNIQUE INDEX repatriations_seq ON repatriations(seq);
DROP INDEX placements_updated_at;

-- Every update carries a new sequence number. (Inserts are stamped by the one function that
-- inserts records; an insert trigger would make SQLite keep a statement journal for every row of a
-- bulk import, and `check` verifies that every row has its own number.)
CREATE TRIGGER persons_seq_update BEFORE UPDATE ON persons WHEN NEW.seq <= OLD.seq
BEGIN SELECT RAISE(FAIL, 'change sequence not advanced'); END;
CREATE TRIGGER placements_seq_update BEFORE UPDATE ON placements WHEN NEW.seq <= OLD.seq
BEGIN SELECT RAISE(FAIL, 'change sequence not advanced'); END;
CREATE TRIGGER documents_seq_update BEFORE UPDATE ON documents WHEN NEW.seq <= OLD.seq
BEGIN SELECT RAISE(FAIL, 'change sequence not advanced'); END;
CREATE TRIGGER recommendations_seq_update BEFORE UPDATE ON recommendations WHEN NEW.seq <= OLD.seq
BEGIN SELECT RAISE(FAIL, 'change sequence not advanced'); END;
CREATE TRIGGER cases_seq_update BEFORE UPDATE ON cases WHEN NEW.seq <= OLD.seq
BEGIN SELECT RAISE(FAIL, 'change sequence not advanced'); END;
CREATE TRIGGER case_events_seq_update BEFORE UPDATE ON case_events WHEN NEW.seq <= OLD.seq
BEGIN SELECT RAISE(FAIL, 'change sequence not advanced'); END;
CREATE TRIGGER repatriations_seq_update BEFORE UPDATE ON repatriations WHEN NEW.seq <= OLD.seq
BEGIN SELECT RAISE(FAIL, 'change sequence not advanced'); END;

-- At most one issued letter per placement: an expired one is voided when a new one is issued.
-- Older duplicates left by earlier versions (two clerks at once) are voided here, kept, and logged.
INSERT INTO audit_log (at, clerk, command, record_kind, record_uid, action, changes)
SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'pmi-desk', 'upgrade', 'recommendation', r.uid, 'void',
       json_object('status', json_array('ISSUED', 'VOID'),
                   'void_reason', json_array(NULL, 'Surat ganda untuk satu penempatan (perbaikan otomatis)'))
FROM recommendations r
WHERE r.status = 'ISSUED' AND EXISTS (
    SELECT 1 FROM recommendations o WHERE o.placement_uid = r.placement_uid AND o.status = 'ISSUED'
      AND (o.decided_on, o.created_at, o.uid) > (r.decided_on, r.created_at, r.uid));
UPDATE recommendations
SET status = 'VOID', void_reason = 'Surat ganda untuk satu penempatan (perbaikan otomatis)',
    updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), seq = (SELECT value FROM change_sequence) + rowid
WHERE status = 'ISSUED' AND EXISTS (
    SELECT 1 FROM recommendations o WHERE o.placement_uid = recommendations.placement_uid AND o.status = 'ISSUED'
      AND (o.decided_on, o.created_at, o.uid) > (recommendations.decided_on, recommendations.created_at, recommendations.uid));
UPDATE change_sequence SET value = value + (SELECT max(rowid) FROM recommendations)
WHERE EXISTS (SELECT 1 FROM recommendations WHERE seq > (SELECT value FROM change_sequence));
CREATE UNIQUE INDEX recommendations_one_issued ON recommendations(placement_uid) WHERE status = 'ISSUED';

-- At most one open placement per person: older duplicates are cancelled, kept, and logged.
INSERT INTO audit_log (at, clerk, command, record_kind, record_uid, action, changes)
SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'pmi-desk', 'upgrade', 'placement', p.uid, 'update',
       json_object('stage', json_array(p.stage, 'CANCELLED'), 'cancel_reason', json_array(NULL, 'OTHER'),
                   'cancel_note', json_array(NULL, 'Penempatan terbuka ganda (perbaikan otomatis)'))
FROM placements p
WHERE p.stage IN ('REGISTERED', 'RECOMMENDED') AND EXISTS (
    SELECT 1 FROM placements o WHERE o.person_uid = p.person_uid AND o.stage IN ('REGISTERED', 'RECOMMENDED')
      AND (o.registered_on, o.created_at, o.uid) > (p.registered_on, p.created_at, p.uid));
UPDATE placements
SET stage = 'CANCELLED', cancel_reason = 'OTHER', cancel_note = 'Penempatan terbuka ganda (perbaikan otomatis)',
    updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), seq = (SELECT value FROM change_sequence) + rowid
WHERE stage IN ('REGISTERED', 'RECOMMENDED') AND EXISTS (
    SELECT 1 FROM placements o WHERE o.person_uid = placements.person_uid AND o.stage IN ('REGISTERED', 'RECOMMENDED')
      AND (o.registered_on, o.created_at, o.uid) > (placements.registered_on, placements.created_at, placements.uid));
UPDATE change_sequence SET value = value + (SELECT max(rowid) FROM placements)
WHERE EXISTS (SELECT 1 FROM placements WHERE seq > (SELECT value FROM change_sequence));
CREATE UNIQUE INDEX placements_one_open ON placements(person_uid) WHERE stage IN ('REGISTERED', 'RECOMMENDED');
CREATE INDEX placements_stage ON placements(stage, registered_on);

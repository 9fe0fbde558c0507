-- Documents a clerk can fix (issue 13). A document is never deleted: the database is a legal record
-- and the exchange has no deletions. A removed document keeps its row with the date and reason of
-- its removal (exchanged as two more columns of documents.csv), and no longer counts in a
-- placement's checklist. A placement holds at most one live document of each kind.
ALTER TABLE documents ADD COLUMN removed_on TEXT;
ALTER TABLE documents ADD COLUMN removed_reason TEXT;

-- Duplicates earlier versions accepted (two "Akta kelahiran" on one placement): the newest stays,
-- the others are removed with an automatic reason, kept, and logged as `upgrade` entries.
CREATE TEMP TABLE duplicated AS
SELECT d.rowid AS r, d.uid AS uid
FROM documents d
WHERE EXISTS (
    SELECT 1 FROM documents o WHERE o.placement_uid = d.placement_uid AND o.kind = d.kind
      AND (o.created_at, o.updated_at, o.uid) > (d.created_at, d.updated_at, d.uid));

INSERT INTO audit_log (at, clerk, command, record_kind, record_uid, action, changes)
SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'pmi-desk', 'upgrade', 'document', uid, 'remove',
       json_object('removed_on', json_array(NULL, date('now')),
                   'removed_reason', json_array(NULL, 'Dokumen ganda untuk satu penempatan (perbaikan otomatis)'))
FROM temp.duplicated ORDER BY r;

UPDATE documents
SET removed_on = date('now'),
    removed_reason = 'Dokumen ganda untuk satu penempatan (perbaikan otomatis)',
    updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
    seq = (SELECT value FROM change_sequence) + rowid
WHERE rowid IN (SELECT r FROM temp.duplicated);
UPDATE change_sequence SET value = value + (SELECT max(rowid) FROM documents)
WHERE EXISTS (SELECT 1 FROM temp.duplicated);
DROP TABLE temp.duplicated;

CREATE UNIQUE INDEX documents_one_live ON documents(placement_uid, kind) WHERE removed_on IS NULL;

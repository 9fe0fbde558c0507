-- The new rows of an import are vouched for too, compactly: one row here per record (its kind,
-- uid and the SHA-256 of its stored columns, 32 bytes), and one audit entry per import (kind
-- `digests`, uid the batch number) whose digest is the SHA-256 of the batch's rows in the order
-- they were written (`pos`), so that the chain covers them. A uid stored again by a later import
-- (after a merge removed it) has a row in each batch: the latest batch counts. `check` recomputes each batch against
-- its entry and each record against the latest of its entries and its row here (docs/data.md).
CREATE TABLE record_digests (
    record_kind TEXT NOT NULL,
    record_uid TEXT NOT NULL,
    batch INTEGER NOT NULL,
    pos INTEGER NOT NULL,
    digest BLOB NOT NULL CHECK (length(digest) = 32),
    -- In the order the import wrote them: appended, so keeping them costs no index in random order.
    PRIMARY KEY (batch, pos)
) WITHOUT ROWID;

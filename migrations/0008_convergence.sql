-- Offices that converge (docs/exchange-format.md, version 2). This database becomes a *site*: its id
-- and signing key are made just before this script (`site_self`, by `db::site::prepare`). Every
-- record gets its versions (`versions`): what exists now was written here, at the change sequence
-- it carries. Uniqueness rules become rules of this office's own records: a row another office sent
-- that clashes with one here is kept and marked (`clash`, a number of its own) and listed for review,
-- instead of refusing the whole folder. Registration and repatriation numbers carry the office's code
-- and travel; the numbers this office gave to records it received keep working as lookups
-- (`legacy_number`). Foreign keys are off while the tables are rebuilt (`db::migrate`) and checked
-- before the commit.

-- The seq triggers come back at the end, for the rebuilt tables too.
DROP TRIGGER persons_seq_update;
DROP TRIGGER placements_seq_update;
DROP TRIGGER documents_seq_update;
DROP TRIGGER recommendations_seq_update;
DROP TRIGGER cases_seq_update;
DROP TRIGGER case_events_seq_update;
DROP TRIGGER repatriations_seq_update;
DROP VIEW v_placements;
DROP VIEW v_recommendations;
DROP VIEW v_cases;
DROP VIEW v_repatriations;

CREATE TEMP TABLE upgrade AS
SELECT (SELECT site_id FROM site_self) AS site,
       (SELECT value FROM settings WHERE key = 'office.code') AS office;

-- Persons: the NIK is unique among this office's persons that are not in a clash.
CREATE TABLE persons_v8 (
    uid               TEXT PRIMARY KEY,
    nik               TEXT,
    full_name         TEXT NOT NULL,
    name_key          TEXT NOT NULL,
    sex               TEXT,
    birth_place       TEXT,
    birth_date        TEXT,
    regency_code      TEXT,
    address           TEXT,
    phone             TEXT,
    education         TEXT,
    marital_status    TEXT,
    office_code       TEXT NOT NULL,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    seq               INTEGER NOT NULL DEFAULT 0,
    accepted_warnings TEXT,
    versions          TEXT NOT NULL DEFAULT '',
    clash             INTEGER NOT NULL DEFAULT 0,   -- 0, or a number of its own while in a clash
    warnings          TEXT                          -- codes of warnings nobody accepted yet
);
INSERT INTO persons_v8 (rowid, uid, nik, full_name, name_key, sex, birth_place, birth_date, regency_code,
    address, phone, education, marital_status, office_code, created_at, updated_at, seq, versions)
SELECT rowid, uid, nik, full_name, name_key, sex, birth_place, birth_date, regency_code, address, phone,
    education, marital_status, office_code, created_at, updated_at, seq,
    (SELECT site FROM temp.upgrade) || '.' || max(seq, 1)
FROM persons;
DROP TABLE persons;
ALTER TABLE persons_v8 RENAME TO persons;
CREATE UNIQUE INDEX persons_nik ON persons(nik, clash);
CREATE UNIQUE INDEX persons_seq ON persons(seq);
CREATE INDEX persons_regency ON persons(regency_code);
CREATE INDEX persons_clashing ON persons(nik) WHERE clash <> 0;
CREATE INDEX persons_warned ON persons(uid) WHERE warnings IS NOT NULL;

-- Placements: numbers with the office's code; this office's numbers for others' placements kept
-- as lookups.
CREATE TABLE placements_v8 (
    uid                 TEXT PRIMARY KEY,
    registration_number TEXT,
    person_uid          TEXT NOT NULL REFERENCES persons(uid),
    scheme              TEXT NOT NULL,
    p3mi_name           TEXT,
    employer_name       TEXT,
    country             TEXT NOT NULL,
    sector              TEXT,
    occupation          TEXT,
    stage               TEXT NOT NULL,
    registered_on       TEXT NOT NULL,
    departed_on         TEXT,
    returned_on         TEXT,
    cancel_reason       TEXT,
    cancel_note         TEXT,
    passport_number     TEXT,
    office_code         TEXT NOT NULL,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    seq                 INTEGER NOT NULL DEFAULT 0,
    legacy_number       TEXT,
    versions            TEXT NOT NULL DEFAULT '',
    clash               INTEGER NOT NULL DEFAULT 0
);
INSERT INTO placements_v8 (rowid, uid, registration_number, person_uid, scheme, p3mi_name, employer_name,
    country, sector, occupation, stage, registered_on, departed_on, returned_on, cancel_reason, cancel_note,
    passport_number, office_code, created_at, updated_at, seq, legacy_number, versions)
SELECT rowid, uid,
    CASE WHEN office_code IS (SELECT office FROM temp.upgrade) AND registration_number LIKE 'REG-%'
         THEN office_code || '-' || registration_number
         WHEN office_code IS (SELECT office FROM temp.upgrade) THEN registration_number END,
    person_uid, scheme, p3mi_name, employer_name, country, sector, occupation, stage, registered_on,
    departed_on, returned_on, cancel_reason, cancel_note, passport_number, office_code, created_at,
    updated_at, seq,
    CASE WHEN office_code IS NOT (SELECT office FROM temp.upgrade) THEN registration_number END,
    (SELECT site FROM temp.upgrade) || '.' || max(seq, 1)
FROM placements;
DROP TABLE placements;
ALTER TABLE placements_v8 RENAME TO placements;
CREATE UNIQUE INDEX placements_number ON placements(registration_number, clash);
CREATE UNIQUE INDEX placements_seq ON placements(seq);
CREATE UNIQUE INDEX placements_one_open ON placements(person_uid, clash)
    WHERE stage IN ('REGISTERED', 'RECOMMENDED');
CREATE INDEX placements_person ON placements(person_uid, registered_on);
CREATE INDEX placements_registered_on ON placements(registered_on);
CREATE INDEX placements_stage ON placements(stage, registered_on);
CREATE INDEX placements_departures ON placements(departed_on, scheme, country, sector, person_uid)
    WHERE departed_on IS NOT NULL;
CREATE INDEX placements_country ON placements(country, registered_on);
CREATE INDEX placements_scheme ON placements(scheme, registered_on);
CREATE INDEX placements_legacy ON placements(legacy_number) WHERE legacy_number IS NOT NULL;
CREATE INDEX placements_clashing ON placements(person_uid) WHERE clash <> 0;
-- Facts that contradict each other (a departure and a cancellation, a return without departure).
CREATE INDEX placements_contradicted ON placements(uid)
    WHERE (cancel_reason IS NOT NULL AND (departed_on IS NOT NULL OR returned_on IS NOT NULL))
       OR (returned_on IS NOT NULL AND (departed_on IS NULL OR returned_on < departed_on));

-- Documents: one live document of a kind per placement, among those not in a clash.
ALTER TABLE documents ADD COLUMN versions TEXT NOT NULL DEFAULT '';
ALTER TABLE documents ADD COLUMN clash INTEGER NOT NULL DEFAULT 0;
UPDATE documents SET versions = (SELECT site FROM temp.upgrade) || '.' || max(seq, 1);
DROP INDEX documents_one_live;
CREATE UNIQUE INDEX documents_one_live ON documents(placement_uid, kind, clash) WHERE removed_on IS NULL;
CREATE INDEX documents_clashing ON documents(placement_uid) WHERE clash <> 0;

-- Recommendations: a letter USED before the passport's date travelled gets its decision date's
-- stand-in (the status now follows from the facts: a void, a passport issued).
CREATE TABLE recommendations_v8 (
    uid                 TEXT PRIMARY KEY,
    placement_uid       TEXT NOT NULL REFERENCES placements(uid),
    letter_number       TEXT,
    status              TEXT NOT NULL,
    decided_on          TEXT NOT NULL,
    valid_until         TEXT,
    immigration_office  TEXT,
    refusal_reasons     TEXT,
    refusal_details     TEXT,
    void_reason         TEXT,
    passport_number     TEXT,
    passport_issued_on  TEXT,
    reprints            INTEGER NOT NULL DEFAULT 0,
    clerk               TEXT,
    office_code         TEXT NOT NULL,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    seq                 INTEGER NOT NULL DEFAULT 0,
    versions            TEXT NOT NULL DEFAULT '',
    clash               INTEGER NOT NULL DEFAULT 0
);
INSERT INTO audit_log (at, clerk, command, record_kind, record_uid, action, changes)
SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'pmi-desk', 'upgrade', 'recommendation', uid, 'update',
       json_object('passport_issued_on', json_array(NULL, COALESCE(valid_until, decided_on)))
FROM recommendations WHERE status = 'USED' AND passport_issued_on IS NULL AND passport_number IS NULL
ORDER BY rowid;
INSERT INTO recommendations_v8 (rowid, uid, placement_uid, letter_number, status, decided_on, valid_until,
    immigration_office, refusal_reasons, refusal_details, void_reason, passport_number, passport_issued_on,
    reprints, clerk, office_code, created_at, updated_at, seq, versions)
SELECT rowid, uid, placement_uid, letter_number, status, decided_on, valid_until, immigration_office,
    refusal_reasons, refusal_details, void_reason, passport_number,
    CASE WHEN status = 'USED' AND passport_issued_on IS NULL AND passport_number IS NULL
         THEN COALESCE(valid_until, decided_on) ELSE passport_issued_on END,
    reprints, clerk, office_code, created_at, updated_at, seq,
    (SELECT site FROM temp.upgrade) || '.' || max(seq, 1)
FROM recommendations;
DROP TABLE recommendations;
ALTER TABLE recommendations_v8 RENAME TO recommendations;
CREATE UNIQUE INDEX recommendations_number ON recommendations(letter_number, clash);
CREATE UNIQUE INDEX recommendations_seq ON recommendations(seq);
CREATE UNIQUE INDEX recommendations_one_issued ON recommendations(placement_uid, clash) WHERE status = 'ISSUED';
CREATE INDEX recommendations_placement ON recommendations(placement_uid);
CREATE INDEX recommendations_decided_on ON recommendations(decided_on);
CREATE INDEX recommendations_status ON recommendations(status, decided_on);
CREATE INDEX recommendations_clashing ON recommendations(placement_uid) WHERE clash <> 0;

-- Cases: the status follows from the status events (`review` holds what a clerk must look at).
CREATE TABLE cases_v8 (
    uid                  TEXT PRIMARY KEY,
    case_number          TEXT NOT NULL,
    person_uid           TEXT REFERENCES persons(uid),
    category             TEXT NOT NULL,
    channel              TEXT,
    procedural_status    TEXT,
    country              TEXT,
    reported_on          TEXT NOT NULL,
    complainant_name     TEXT,
    complainant_relation TEXT,
    summary              TEXT,
    status               TEXT NOT NULL,
    closure_reason       TEXT,
    closed_on            TEXT,
    outcome              TEXT,
    clerk                TEXT,
    office_code          TEXT NOT NULL,
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL,
    seq                  INTEGER NOT NULL DEFAULT 0,
    versions             TEXT NOT NULL DEFAULT '',
    clash                INTEGER NOT NULL DEFAULT 0,
    review               TEXT
);
INSERT INTO cases_v8 (rowid, uid, case_number, person_uid, category, channel, procedural_status, country,
    reported_on, complainant_name, complainant_relation, summary, status, closure_reason, closed_on, outcome,
    clerk, office_code, created_at, updated_at, seq, versions)
SELECT rowid, uid, case_number, person_uid, category, channel, procedural_status, country, reported_on,
    complainant_name, complainant_relation, summary, status, closure_reason, closed_on, outcome, clerk,
    office_code, created_at, updated_at, seq, (SELECT site FROM temp.upgrade) || '.' || max(seq, 1)
FROM cases;
DROP TABLE cases;
ALTER TABLE cases_v8 RENAME TO cases;
CREATE UNIQUE INDEX cases_number ON cases(case_number, clash);
CREATE UNIQUE INDEX cases_seq ON cases(seq);
CREATE INDEX cases_reported_on ON cases(reported_on);
CREATE INDEX cases_person ON cases(person_uid);
CREATE INDEX cases_status ON cases(status);
CREATE INDEX cases_review ON cases(uid) WHERE review IS NOT NULL;
CREATE INDEX cases_clashing ON cases(case_number) WHERE clash <> 0;

-- Case events carry the status they moved the case to, the closure reason, and what they had seen.
ALTER TABLE case_events ADD COLUMN closure_reason TEXT;
ALTER TABLE case_events ADD COLUMN seen TEXT;
ALTER TABLE case_events ADD COLUMN versions TEXT NOT NULL DEFAULT '';
UPDATE case_events SET versions = (SELECT site FROM temp.upgrade) || '.' || max(seq, 1);
UPDATE case_events SET closure_reason = (SELECT c.closure_reason FROM cases c WHERE c.uid = case_events.case_uid)
WHERE status_to = 'CLOSED';

-- Repatriations: numbers travel; this office's numbers for others' returns kept as lookups.
CREATE TABLE repatriations_v8 (
    uid                    TEXT PRIMARY KEY,
    repatriation_number    TEXT,
    person_uid             TEXT REFERENCES persons(uid),
    case_uid               TEXT REFERENCES cases(uid),
    category               TEXT NOT NULL,
    from_country           TEXT,
    debarkation            TEXT,
    arrived_on             TEXT NOT NULL,
    origin_regency_code    TEXT,
    escort                 TEXT,
    fit_to_travel_letter   TEXT,
    cause_of_death         TEXT,
    airway_bill            TEXT,
    handed_over_to         TEXT,
    handed_over_on         TEXT,
    handover_record_number TEXT,
    receiver_name          TEXT,
    receiver_relation      TEXT,
    witness                TEXT,
    notes                  TEXT,
    office_code            TEXT NOT NULL,
    created_at             TEXT NOT NULL,
    updated_at             TEXT NOT NULL,
    seq                    INTEGER NOT NULL DEFAULT 0,
    legacy_number          TEXT,
    versions               TEXT NOT NULL DEFAULT '',
    clash                  INTEGER NOT NULL DEFAULT 0
);
INSERT INTO repatriations_v8 (rowid, uid, repatriation_number, person_uid, case_uid, category, from_country,
    debarkation, arrived_on, origin_regency_code, escort, fit_to_travel_letter, cause_of_death, airway_bill,
    handed_over_to, handed_over_on, handover_record_number, receiver_name, receiver_relation, witness, notes,
    office_code, created_at, updated_at, seq, legacy_number, versions)
SELECT rowid, uid,
    CASE WHEN office_code IS (SELECT office FROM temp.upgrade) THEN repatriation_number END,
    person_uid, case_uid, category, from_country, debarkation, arrived_on, origin_regency_code, escort,
    fit_to_travel_letter, cause_of_death, airway_bill, handed_over_to, handed_over_on, handover_record_number,
    receiver_name, receiver_relation, witness, notes, office_code, created_at, updated_at, seq,
    CASE WHEN office_code IS NOT (SELECT office FROM temp.upgrade) THEN repatriation_number END,
    (SELECT site FROM temp.upgrade) || '.' || max(seq, 1)
FROM repatriations;
DROP TABLE repatriations;
ALTER TABLE repatriations_v8 RENAME TO repatriations;
CREATE UNIQUE INDEX repatriations_number ON repatriations(repatriation_number, clash);
CREATE UNIQUE INDEX repatriations_seq ON repatriations(seq);
CREATE INDEX repatriations_arrived_on ON repatriations(arrived_on);
CREATE INDEX repatriations_person ON repatriations(person_uid);
CREATE INDEX repatriations_legacy ON repatriations(legacy_number) WHERE legacy_number IS NOT NULL;
CREATE INDEX repatriations_clashing ON repatriations(repatriation_number) WHERE clash <> 0;

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

-- The writes that lost a field to a concurrent write, kept with their values until a clerk writes
-- the field again (exchanged as conflicts.csv). `seq` follows the record's.
CREATE TABLE kept_writes (
    uid         TEXT PRIMARY KEY,       -- record uid '/' field '/' dot
    record_kind TEXT NOT NULL,
    record_uid  TEXT NOT NULL,
    field       TEXT NOT NULL,
    version     TEXT NOT NULL,          -- the write's dot
    value       TEXT NOT NULL,
    at          TEXT NOT NULL,          -- when this office came to keep it, for people
    seq         INTEGER NOT NULL
);
CREATE INDEX kept_writes_record ON kept_writes(record_uid);
CREATE INDEX kept_writes_seq ON kept_writes(seq);

-- Two person records found to be one person (the same NIK at registration, or a clerk's
-- `worker merge`): merged field by field everywhere, the lower uid staying (exchanged as
-- person_merges.csv).
CREATE TABLE person_merges (
    uid         TEXT PRIMARY KEY,
    person_uid  TEXT NOT NULL,
    other_uid   TEXT NOT NULL,
    reason      TEXT NOT NULL,          -- SAME_NIK or CLERK
    note        TEXT,
    clerk       TEXT,
    office_code TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    versions    TEXT NOT NULL DEFAULT '',
    seq         INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX person_merges_seq ON person_merges(seq);

-- Other sites: their office, the key their folders must be signed with (learned on the first folder
-- from them, or from a key file), what their folders said of themselves, and what was received.
CREATE TABLE sites (
    uid              TEXT PRIMARY KEY,  -- the site id
    office_code      TEXT NOT NULL,
    public_key       TEXT,              -- base64; NULL when only heard of through another office
    trusted_on       TEXT,
    trusted_by       TEXT,              -- FOLDER or KEY_FILE
    seq_base         INTEGER NOT NULL DEFAULT 0,
    last_exported_at TEXT,
    last_imported_at TEXT,
    seq              INTEGER NOT NULL DEFAULT 0
);

-- Per origin site, the ranges of its change sequence whose changes this office holds.
CREATE TABLE sync_held (
    site     TEXT NOT NULL,
    seq_from INTEGER NOT NULL,
    seq_to   INTEGER NOT NULL,
    PRIMARY KEY (site, seq_from)
) WITHOUT ROWID;

-- What each import brought, per origin: relayed onward by the exports that carry its changes.
CREATE TABLE sync_carried (
    local_from INTEGER NOT NULL,
    local_to   INTEGER NOT NULL,
    site       TEXT NOT NULL,
    seq_from   INTEGER NOT NULL,
    seq_to     INTEGER NOT NULL
);
CREATE INDEX sync_carried_local ON sync_carried(local_to);

-- `export --since-last --to OFFICE`: per recipient, the change sequence its last folder covered.
CREATE TABLE sync_cursors (
    recipient   TEXT PRIMARY KEY,
    seq         INTEGER NOT NULL,
    exported_at TEXT NOT NULL,
    folder      TEXT NOT NULL
);

-- Rows that refer to records not received yet (a folder lost on the way): held, and applied when
-- the records arrive.
CREATE TABLE sync_pending (
    uid         TEXT PRIMARY KEY,
    kind        TEXT NOT NULL,
    waits_for   TEXT NOT NULL,
    row         TEXT NOT NULL,          -- JSON: the row's columns and values
    source      TEXT NOT NULL,
    received_at TEXT NOT NULL
);
CREATE INDEX sync_pending_waits ON sync_pending(waits_for);

-- The query views, as before, over the rebuilt tables.
CREATE VIEW v_placements AS
SELECT pl.registration_number, pl.uid AS placement_uid, pe.uid AS person_uid, pe.nik, pe.full_name,
       pe.sex, sx.label_id AS sex_label, pe.birth_date,
       CAST(strftime('%Y', pl.registered_on) AS INTEGER) - CAST(strftime('%Y', pe.birth_date) AS INTEGER)
         - (strftime('%m-%d', pl.registered_on) < strftime('%m-%d', pe.birth_date)) AS age_at_registration,
       pe.regency_code, rg.name AS regency_name, rg.province_code, pe.education,
       pl.scheme, sc.label_id AS scheme_label, pl.p3mi_name, pl.employer_name,
       pl.country, co.name_id AS country_name, pl.sector, pl.occupation,
       pl.stage, st.label_id AS stage_label, pl.registered_on, pl.departed_on, pl.returned_on, pl.cancel_reason,
       CAST(julianday(pl.departed_on) - julianday(pl.registered_on) AS INTEGER) AS days_to_departure,
       CAST(strftime('%Y', pl.registered_on) AS INTEGER) AS registered_year,
       CAST(strftime('%Y', pl.departed_on) AS INTEGER) AS departed_year,
       substr(pl.departed_on, 1, 7) AS departed_month,
       pl.office_code
FROM placements pl
JOIN persons pe ON pe.uid = pl.person_uid
LEFT JOIN ref_regencies rg ON rg.code = pe.regency_code
LEFT JOIN ref_countries co ON co.alpha2 = pl.country
LEFT JOIN ref_labels sx ON sx.list = 'sex' AND sx.code = pe.sex
LEFT JOIN ref_labels sc ON sc.list = 'scheme' AND sc.code = pl.scheme
LEFT JOIN ref_labels st ON st.list = 'stage' AND st.code = pl.stage;

CREATE VIEW v_recommendations AS
SELECT r.letter_number, r.uid AS recommendation_uid, r.status, rs.label_id AS status_label, r.decided_on,
       r.valid_until, r.immigration_office, r.refusal_reasons, r.void_reason, r.reprints,
       pl.registration_number, pe.nik, pe.full_name, pl.scheme, pl.country, pe.regency_code
FROM recommendations r
JOIN placements pl ON pl.uid = r.placement_uid
JOIN persons pe ON pe.uid = pl.person_uid
LEFT JOIN ref_labels rs ON rs.list = 'recommendation status' AND rs.code = r.status;

CREATE VIEW v_cases AS
SELECT c.case_number, c.uid AS case_uid, c.reported_on, CAST(strftime('%Y', c.reported_on) AS INTEGER) AS reported_year,
       c.category, ca.label_id AS category_label, c.status, cs.label_id AS status_label,
       c.channel, c.procedural_status, c.country, co.name_id AS country_name,
       pe.nik, pe.full_name, pe.sex, pe.regency_code, rg.name AS regency_name,
       c.complainant_relation, c.closure_reason, c.closed_on,
       CAST(julianday(c.closed_on) - julianday(c.reported_on) AS INTEGER) AS days_to_close,
       (SELECT count(*) FROM case_events e WHERE e.case_uid = c.uid) AS events,
       c.clerk, c.office_code
FROM cases c
LEFT JOIN persons pe ON pe.uid = c.person_uid
LEFT JOIN ref_regencies rg ON rg.code = pe.regency_code
LEFT JOIN ref_countries co ON co.alpha2 = c.country
LEFT JOIN ref_labels ca ON ca.list = 'case category' AND ca.code = c.category
LEFT JOIN ref_labels cs ON cs.list = 'case status' AND cs.code = c.status;

CREATE VIEW v_repatriations AS
SELECT x.repatriation_number, x.uid AS repatriation_uid, x.arrived_on, CAST(strftime('%Y', x.arrived_on) AS INTEGER) AS arrived_year,
       x.category, ca.label_id AS category_label, x.from_country, co.name_id AS country_name, x.debarkation,
       x.origin_regency_code, rg.name AS regency_name, rg.province_code,
       x.handed_over_to, x.handed_over_on, pe.nik, pe.full_name, pe.sex, c.case_number, x.office_code
FROM repatriations x
LEFT JOIN persons pe ON pe.uid = x.person_uid
LEFT JOIN cases c ON c.uid = x.case_uid
LEFT JOIN ref_regencies rg ON rg.code = x.origin_regency_code
LEFT JOIN ref_countries co ON co.alpha2 = x.from_country
LEFT JOIN ref_labels ca ON ca.list = 'repatriation category' AND ca.code = x.category;

DROP TABLE temp.upgrade;

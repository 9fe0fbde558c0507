-- pmi-desk schema, version 1: every record of the exchange format (docs/exchange-format.md),
-- keyed by its uid, with office settings, per-year counters and the audit log.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Per-year sequences for registration, letter, case and repatriation numbers. Never decremented.
CREATE TABLE counters (
    name  TEXT NOT NULL,
    year  INTEGER NOT NULL,
    value INTEGER NOT NULL,
    PRIMARY KEY (name, year)
);

CREATE TABLE persons (
    uid            TEXT PRIMARY KEY,
    nik            TEXT UNIQUE,
    full_name      TEXT NOT NULL,
    name_key       TEXT NOT NULL,          -- lower case, accents removed: for `worker find`
    sex            TEXT,
    birth_place    TEXT,
    birth_date     TEXT,
    regency_code   TEXT,
    address        TEXT,
    phone          TEXT,
    education      TEXT,
    marital_status TEXT,
    office_code    TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);
CREATE INDEX persons_name_key ON persons(name_key);

-- Another office's uid for a person stored here under our uid (same NIK): imports attach to ours.
CREATE TABLE person_aliases (
    alias_uid  TEXT PRIMARY KEY,
    person_uid TEXT NOT NULL REFERENCES persons(uid)
);

CREATE TABLE placements (
    uid                 TEXT PRIMARY KEY,
    registration_number TEXT UNIQUE,
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
    updated_at          TEXT NOT NULL
);
CREATE INDEX placements_person ON placements(person_uid, registered_on);
CREATE INDEX placements_registered_on ON placements(registered_on);
CREATE INDEX placements_departed_on ON placements(departed_on) WHERE departed_on IS NOT NULL;
CREATE INDEX placements_updated_at ON placements(updated_at);

CREATE TABLE documents (
    uid            TEXT PRIMARY KEY,
    placement_uid  TEXT NOT NULL REFERENCES placements(uid),
    kind           TEXT NOT NULL,
    number         TEXT,
    issued_on      TEXT,
    expires_on     TEXT,
    verified_on    TEXT,
    verified_by    TEXT,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);
CREATE INDEX documents_placement ON documents(placement_uid, kind);

CREATE TABLE recommendations (
    uid                 TEXT PRIMARY KEY,
    placement_uid       TEXT NOT NULL REFERENCES placements(uid),
    letter_number       TEXT UNIQUE,
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
    updated_at          TEXT NOT NULL
);
CREATE INDEX recommendations_placement ON recommendations(placement_uid);
CREATE INDEX recommendations_decided_on ON recommendations(decided_on);

CREATE TABLE cases (
    uid                  TEXT PRIMARY KEY,
    case_number          TEXT NOT NULL UNIQUE,
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
    updated_at           TEXT NOT NULL
);
CREATE INDEX cases_reported_on ON cases(reported_on);
CREATE INDEX cases_person ON cases(person_uid);

CREATE TABLE case_events (
    uid           TEXT PRIMARY KEY,
    case_uid      TEXT NOT NULL REFERENCES cases(uid),
    occurred_on   TEXT NOT NULL,
    kind          TEXT NOT NULL,
    partner       TEXT,
    letter_number TEXT,
    note          TEXT,
    status_from   TEXT,
    status_to     TEXT,
    clerk         TEXT,
    created_at    TEXT NOT NULL
);
CREATE INDEX case_events_case ON case_events(case_uid, occurred_on);

CREATE TABLE repatriations (
    uid                    TEXT PRIMARY KEY,
    repatriation_number    TEXT NOT NULL UNIQUE,
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
    updated_at             TEXT NOT NULL
);
CREATE INDEX repatriations_arrived_on ON repatriations(arrived_on);

-- Every change made by a writing command: when, who, which command, which record, old and new values.
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    clerk       TEXT NOT NULL,
    command     TEXT NOT NULL,
    record_kind TEXT NOT NULL,
    record_uid  TEXT NOT NULL,
    action      TEXT NOT NULL,
    changes     TEXT NOT NULL            -- JSON: {"field": [old, new], ...}
);
CREATE INDEX audit_log_record ON audit_log(record_uid);
CREATE INDEX audit_log_at ON audit_log(at);

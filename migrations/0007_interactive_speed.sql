-- Every interactive command under 50 ms on a million records (docs/performance.md): each listing
-- filter and each report cut has an index that answers it, and names are found through a
-- trigram index of their letters (accents, case, spaces and apostrophes ignored: "nuraini" and
-- "aini" find "Nur'aini") instead of a scan of every name.

-- Names: each person's name as it is searched (`Person::words`), kept by pmi-desk with every
-- insert and change.
DROP INDEX persons_name_key;
CREATE VIRTUAL TABLE persons_words USING fts5(
    words, content = '', contentless_delete = 1, tokenize = 'trigram'
);
-- Filled by pmi-desk after this script, with the words the commands keep (db::records).

-- Departures by year with what reports cut them by: the report never reads the table itself.
DROP INDEX placements_departed_on;
CREATE INDEX placements_departures ON placements(departed_on, scheme, country, sector, person_uid)
    WHERE departed_on IS NOT NULL;

-- `worker list` filters, `recommendation list --status`.
CREATE INDEX placements_country ON placements(country, registered_on);
CREATE INDEX placements_scheme ON placements(scheme, registered_on);
CREATE INDEX persons_regency ON persons(regency_code);
CREATE INDEX recommendations_status ON recommendations(status, decided_on);

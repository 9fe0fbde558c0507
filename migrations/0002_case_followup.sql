-- Follow-up of protection cases, for the closure deadlines of Perban 6/2024 Art. 30: what the office
-- is waiting for from the complainant after an event, and whether the complainant was reached.

ALTER TABLE case_events ADD COLUMN awaiting TEXT;                          -- DOCUMENTS, CLARIFICATION, RESPONSE, NOTHING
ALTER TABLE case_events ADD COLUMN contacted INTEGER NOT NULL DEFAULT 0;   -- 1 when the complainant was reached
CREATE INDEX cases_status ON cases(status);
CREATE INDEX repatriations_person ON repatriations(person_uid);

-- Readable views for ad-hoc statistics (`pmi-desk query`, docs/queries.md), with Indonesian labels
-- and region and country names from reference tables that pmi-desk fills from its embedded lists.

CREATE TABLE ref_labels (
    list     TEXT NOT NULL,
    code     TEXT NOT NULL,
    label_id TEXT NOT NULL,
    label_en TEXT NOT NULL,
    PRIMARY KEY (list, code)
);
CREATE TABLE ref_regencies (
    code          TEXT PRIMARY KEY,
    province_code TEXT NOT NULL,
    name          TEXT NOT NULL
);
CREATE TABLE ref_countries (
    alpha2  TEXT PRIMARY KEY,
    name_id TEXT NOT NULL,
    name_en TEXT NOT NULL
);

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

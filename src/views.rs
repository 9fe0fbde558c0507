//! How records look to a clerk: the columns, headings and labels of each kind of record, shared by
//! every command that shows it (table labels; CSV and JSON codes).

use crate::domain::audit::{Action, RecordKind};
use crate::domain::case::{Case, CaseEvent};
use crate::domain::document::Document;
use crate::domain::eligibility::Detail;
use crate::domain::person::Person;
use crate::domain::placement::Placement;
use crate::domain::recommendation::{join_reasons, Recommendation};
use crate::domain::repatriation::Repatriation;
use crate::domain::WarningCode;
use crate::i18n::Label;
use crate::i18n::{lang, Msg};
use crate::output::{column, Cell, Column, Records};
use crate::report::Dimension;
use crate::t;

fn date(d: Option<chrono::NaiveDate>) -> Cell {
    Cell::opt(d.map(|d| d.to_string()))
}

fn code<C: crate::domain::CodeList>(c: Option<C>) -> Cell {
    match c {
        Some(c) => Cell::code(c.code(), c.label_in(lang())),
        None => Cell::text(""),
    }
}

fn regency(code: Option<&str>) -> Cell {
    match code {
        Some(c) => {
            let name = crate::reference::reference()
                .regency(c)
                .map(|r| r.name.as_str())
                .unwrap_or(c);
            Cell::code(c, name)
        }
        None => Cell::text(""),
    }
}

fn country(c: &crate::domain::CountryCode) -> Cell {
    Cell::code(c.as_str(), c.name(lang()))
}

pub fn person_columns() -> Vec<Column> {
    vec![
        column("person_uid", t!(Msg::HeadPersonUid)).wide(),
        column("nik", "NIK"),
        column("full_name", t!(Msg::HeadName)),
        column("sex", t!(Msg::HeadSex)),
        column("birth_place", t!(Msg::HeadBirthPlace)),
        column("birth_date", t!(Msg::HeadBirthDate)),
        column("regency_code", t!(Msg::HeadRegency)),
        column("address", t!(Msg::HeadAddress)),
        column("phone", t!(Msg::HeadPhone)),
        column("education", t!(Msg::HeadEducation)),
        column("marital_status", t!(Msg::HeadMaritalStatus)),
    ]
}

pub fn person_cells(p: &Person) -> Vec<Cell> {
    vec![
        Cell::text(&p.uid),
        Cell::opt(p.nik.as_ref().map(|n| n.to_string())),
        Cell::text(&p.full_name),
        code(p.sex),
        Cell::opt(p.birth_place.clone()),
        date(p.birth_date),
        regency(p.regency.as_ref().map(|r| r.as_str())),
        Cell::opt(p.address.clone()),
        Cell::opt(p.phone.clone()),
        code(p.education),
        code(p.marital_status),
    ]
}

pub fn placement_columns() -> Vec<Column> {
    vec![
        column("registration_number", t!(Msg::HeadRegistrationNumber)),
        column("placement_uid", t!(Msg::HeadPlacementUid)).wide(),
        column("scheme", t!(Msg::HeadScheme)),
        column("p3mi_name", "P3MI"),
        column("employer_name", t!(Msg::HeadEmployer)),
        column("country", t!(Msg::HeadCountry)),
        column("sector", t!(Msg::HeadSector)),
        column("occupation", t!(Msg::HeadOccupation)),
        column("stage", t!(Msg::HeadStage)),
        column("registered_on", t!(Msg::HeadRegisteredOn)),
        column("departed_on", t!(Msg::HeadDepartedOn)),
        column("returned_on", t!(Msg::HeadReturnedOn)),
        column("cancel_reason", t!(Msg::HeadCancelReason)),
        column("passport_number", t!(Msg::HeadPassport)),
    ]
}

pub fn placement_cells(p: &Placement) -> Vec<Cell> {
    vec![
        number_cell(
            p.registration_number
                .as_deref()
                .or(p.legacy_number.as_deref()),
        ),
        Cell::text(&p.uid),
        code(Some(p.scheme)),
        Cell::opt(p.p3mi_name.clone()),
        Cell::opt(p.employer_name.clone()),
        country(&p.country),
        code(p.sector),
        Cell::opt(p.occupation.clone()),
        code(Some(p.stage)),
        date(Some(p.registered_on)),
        date(p.departed_on),
        date(p.returned_on),
        code(p.cancel_reason),
        Cell::opt(p.passport_number.clone()),
    ]
}

/// A placement with its person: the record `register` prints and `worker show` starts with.
pub fn person_placement(person: &Person, placement: &Placement) -> Records {
    let mut columns = placement_columns();
    columns.extend(person_columns());
    let mut row = placement_cells(placement);
    row.extend(person_cells(person));
    Records {
        columns,
        rows: vec![row],
    }
}

/// The placements of one person (`worker show`, `case show`), with the person's NIK and regency.
pub fn placements_of(person: &Person, placements: Vec<Placement>) -> Records {
    let nik = person.nik.as_ref().map(|n| n.to_string());
    let regency = person.regency.as_ref().map(|r| r.to_string());
    placement_list(
        placements
            .into_iter()
            .map(|p| (p, person.full_name.clone(), nik.clone(), regency.clone())),
    )
}

/// A short list of placements (`worker list`, `worker find`, `worker show`); in a table the
/// registration number, NIK, name, stage, country and registration date (`--wide`: all).
pub fn placement_list(
    rows: impl Iterator<Item = (Placement, String, Option<String>, Option<String>)>,
) -> Records {
    Records {
        columns: vec![
            column("registration_number", t!(Msg::HeadRegistrationNumber)),
            column("nik", "NIK"),
            column("full_name", t!(Msg::HeadName)),
            column("regency_code", t!(Msg::HeadRegency)).wide(),
            column("scheme", t!(Msg::HeadScheme)).wide(),
            column("country", t!(Msg::HeadCountry)),
            column("stage", t!(Msg::HeadStage)),
            column("registered_on", t!(Msg::HeadRegisteredOn)),
            column("departed_on", t!(Msg::HeadDepartedOn)).wide(),
            column("placement_uid", t!(Msg::HeadPlacementUid)).wide(),
        ],
        rows: rows
            .map(|(p, name, nik, reg)| {
                vec![
                    number_cell(
                        p.registration_number
                            .as_deref()
                            .or(p.legacy_number.as_deref()),
                    ),
                    Cell::opt(nik),
                    Cell::text(name),
                    regency(reg.as_deref()),
                    code(Some(p.scheme)),
                    country(&p.country),
                    code(Some(p.stage)),
                    date(Some(p.registered_on)),
                    date(p.departed_on),
                    Cell::text(&p.uid),
                ]
            })
            .collect(),
    }
}

pub fn documents(docs: &[Document]) -> Records {
    Records {
        columns: vec![
            column("kind", t!(Msg::HeadDocument)),
            column("number", t!(Msg::HeadNumber)),
            column("issued_on", t!(Msg::HeadIssuedOn)),
            column("expires_on", t!(Msg::HeadExpiresOn)),
            column("verified_on", t!(Msg::HeadVerifiedOn)),
            column("verified_by", t!(Msg::HeadVerifiedBy)).wide(),
            column("document_uid", "UID").wide(),
        ],
        rows: docs
            .iter()
            .map(|d| {
                vec![
                    code(Some(d.kind)),
                    Cell::opt(d.number.clone()),
                    date(d.issued_on),
                    date(d.expires_on),
                    date(d.verified_on),
                    Cell::opt(d.verified_by.clone()),
                    Cell::text(&d.uid),
                ]
            })
            .collect(),
    }
}

/// The status a clerk sees: `EXPIRED` for an issued letter past its validity.
fn recommendation_status(r: &Recommendation, today: chrono::NaiveDate) -> Cell {
    if r.is_expired(today) {
        Cell::code("EXPIRED", &t!(Msg::StatusExpired))
    } else {
        code(Some(r.status))
    }
}

fn recommendation_cells(r: &Recommendation, today: chrono::NaiveDate) -> Vec<Cell> {
    vec![
        Cell::opt(r.letter_number.clone()),
        recommendation_status(r, today),
        date(Some(r.decided_on)),
        date(r.valid_until),
        Cell::opt(r.immigration_office.clone()),
        Cell::code(
            &join_reasons(&r.refusal_reasons),
            &r.refusal_reasons
                .iter()
                .map(|x| x.label())
                .collect::<Vec<_>>()
                .join("; "),
        ),
        Cell::opt(r.void_reason.clone()),
        Cell::opt(r.passport_number.clone()),
        Cell::text(&r.uid),
    ]
}

fn recommendation_columns() -> Vec<Column> {
    vec![
        column("letter_number", t!(Msg::HeadLetterNumber)),
        column("status", t!(Msg::HeadStatus)),
        column("decided_on", t!(Msg::HeadDecidedOn)),
        column("valid_until", t!(Msg::HeadValidUntil)),
        column("immigration_office", t!(Msg::HeadImmigrationOffice)),
        column("refusal_reasons", t!(Msg::HeadRefusalReasons)),
        column("void_reason", t!(Msg::HeadVoidReason)),
        column("passport_number", t!(Msg::HeadPassport)),
        column("recommendation_uid", "UID").wide(),
    ]
}

/// One recommendation with its worker: what `recommend-passport --format json` and `show` print.
pub fn recommendation(
    r: &Recommendation,
    person: &Person,
    placement: &Placement,
    today: chrono::NaiveDate,
) -> Records {
    let mut columns = recommendation_columns();
    columns.extend([
        column("refusal_details", t!(Msg::HeadMeaning)),
        column("reprints", t!(Msg::HeadReprints)),
        column("registration_number", t!(Msg::HeadRegistrationNumber)),
        column("nik", "NIK"),
        column("full_name", t!(Msg::HeadName)),
        column("placement_uid", t!(Msg::HeadPlacementUid)).wide(),
    ]);
    let mut row = recommendation_cells(r, today);
    row.extend([
        Cell::opt(
            r.refusal_details
                .as_deref()
                .map(|d| refusal_details(d).join("; ")),
        ),
        Cell::number(r.reprints),
        number_cell(
            placement
                .registration_number
                .as_deref()
                .or(placement.legacy_number.as_deref()),
        ),
        Cell::opt(person.nik.as_ref().map(|n| n.to_string())),
        Cell::text(&person.full_name),
        Cell::text(&placement.uid),
    ]);
    Records {
        columns,
        rows: vec![row],
    }
}

/// Decisions with their workers; in a table the letter number, status, decision date, registration
/// number and name (`--wide`: all).
pub fn recommendation_list(
    rows: &[crate::db::recommendations::Listed],
    today: chrono::NaiveDate,
) -> Records {
    let short = [
        "letter_number",
        "status",
        "decided_on",
        "registration_number",
        "full_name",
    ];
    let mut columns = recommendation_columns();
    columns.extend([
        column("registration_number", t!(Msg::HeadRegistrationNumber)),
        column("nik", "NIK"),
        column("full_name", t!(Msg::HeadName)),
    ]);
    let columns = columns
        .into_iter()
        .map(|c| {
            if short.contains(&c.key.as_str()) {
                c
            } else {
                c.wide()
            }
        })
        .collect();
    Records {
        columns,
        rows: rows
            .iter()
            .map(|l| {
                let mut row = recommendation_cells(&l.recommendation, today);
                row.extend([
                    number_cell(l.registration_number.as_deref()),
                    Cell::opt(l.nik.clone()),
                    Cell::text(&l.full_name),
                ]);
                row
            })
            .collect(),
    }
}

/// A titled part of a `show` table; a dash when empty.
pub fn section(out: &mut dyn std::io::Write, title: &str, records: &Records) -> anyhow::Result<()> {
    writeln!(out, "\n{title}")?;
    if records.rows.is_empty() {
        writeln!(out, "  -")?;
        return Ok(());
    }
    records.print(crate::output::Format::Table, out)
}

fn optional_country(c: &Option<crate::domain::CountryCode>) -> Cell {
    c.as_ref().map(country).unwrap_or_else(|| Cell::text(""))
}

/// One case with its person: what `open-case --format json` and `case show` print.
pub fn case(c: &Case, person: Option<&Person>) -> Records {
    Records {
        columns: vec![
            column("case_number", t!(Msg::HeadCaseNumber)),
            column("category", t!(Msg::HeadCategory)),
            column("status", t!(Msg::HeadStatus)),
            column("reported_on", t!(Msg::HeadReportedOn)),
            column("channel", t!(Msg::HeadChannel)),
            column("procedural_status", t!(Msg::HeadProcedural)),
            column("country", t!(Msg::HeadCountry)),
            column("complainant_name", t!(Msg::HeadComplainant)),
            column("complainant_relation", t!(Msg::HeadRelation)),
            column("summary", t!(Msg::HeadSummary)),
            column("closure_reason", t!(Msg::HeadClosureReason)),
            column("closed_on", t!(Msg::HeadClosedOn)),
            column("outcome", t!(Msg::HeadOutcome)),
            column("clerk", t!(Msg::HeadClerk)),
            column("nik", "NIK"),
            column("full_name", t!(Msg::HeadName)),
            column("person_uid", t!(Msg::HeadPersonUid)).wide(),
            column("case_uid", "UID").wide(),
        ],
        rows: vec![vec![
            Cell::text(&c.case_number),
            code(Some(c.category)),
            code(Some(c.status)),
            date(Some(c.reported_on)),
            code(c.channel),
            code(c.procedural_status),
            optional_country(&c.country),
            Cell::opt(c.complainant_name.clone()),
            Cell::opt(c.complainant_relation.clone()),
            Cell::opt(c.summary.clone()),
            code(c.closure_reason),
            date(c.closed_on),
            Cell::opt(c.outcome.clone()),
            Cell::opt(c.clerk.clone()),
            Cell::opt(person.and_then(|p| p.nik.as_ref()).map(|n| n.to_string())),
            Cell::opt(person.map(|p| p.full_name.clone())),
            Cell::opt(c.person_uid.clone()),
            Cell::text(&c.uid),
        ]],
    }
}

/// Cases with the person's name; in a table the number, date, category, status and name
/// (`--wide`: country and clerk too).
pub fn case_list(cases: &[(Case, Option<String>)]) -> Records {
    Records {
        columns: vec![
            column("case_number", t!(Msg::HeadCaseNumber)),
            column("reported_on", t!(Msg::HeadReportedOn)),
            column("category", t!(Msg::HeadCategory)),
            column("status", t!(Msg::HeadStatus)),
            column("country", t!(Msg::HeadCountry)).wide(),
            column("full_name", t!(Msg::HeadName)),
            column("clerk", t!(Msg::HeadClerk)).wide(),
        ],
        rows: cases
            .iter()
            .map(|(c, name)| {
                vec![
                    Cell::text(&c.case_number),
                    date(Some(c.reported_on)),
                    code(Some(c.category)),
                    code(Some(c.status)),
                    optional_country(&c.country),
                    Cell::opt(name.clone()),
                    Cell::opt(c.clerk.clone()),
                ]
            })
            .collect(),
    }
}

pub fn case_events(events: &[CaseEvent]) -> Records {
    Records {
        columns: vec![
            column("occurred_on", t!(Msg::HeadDate)),
            column("kind", t!(Msg::HeadEvent)),
            column("status_to", t!(Msg::HeadStatus)),
            column("partner", t!(Msg::HeadPartner)),
            column("letter_number", t!(Msg::HeadLetterNumber)),
            column("awaiting", t!(Msg::HeadAwaiting)).wide(),
            column("note", t!(Msg::HeadNote)),
            column("clerk", t!(Msg::HeadClerk)).wide(),
        ],
        rows: events
            .iter()
            .map(|e| {
                vec![
                    date(Some(e.occurred_on)),
                    code(Some(e.kind)),
                    code(e.status_to),
                    code(e.partner),
                    Cell::opt(e.letter_number.clone()),
                    code(e.awaiting),
                    Cell::opt(e.note.clone()),
                    Cell::opt(e.clerk.clone()),
                ]
            })
            .collect(),
    }
}

/// One repatriation with its person: what `repatriate --format json` and `show` print.
pub fn repatriation(r: &Repatriation, person: Option<&Person>) -> Records {
    Records {
        columns: vec![
            column("repatriation_number", t!(Msg::HeadRepatriationNumber)),
            column("category", t!(Msg::HeadCategory)),
            column("arrived_on", t!(Msg::HeadArrivedOn)),
            column("from_country", t!(Msg::HeadCountry)),
            column("debarkation", t!(Msg::HeadDebarkation)),
            column("origin_regency_code", t!(Msg::HeadRegency)),
            column("escort", t!(Msg::HeadEscort)),
            column("fit_to_travel_letter", t!(Msg::HeadFitToTravel)),
            column("cause_of_death", t!(Msg::HeadCauseOfDeath)),
            column("airway_bill", t!(Msg::HeadAirwayBill)),
            column("handed_over_to", t!(Msg::HeadHandedOverTo)),
            column("handed_over_on", t!(Msg::HeadHandedOverOn)),
            column("handover_record_number", t!(Msg::HeadHandoverRecord)),
            column("receiver_name", t!(Msg::HeadReceiver)),
            column("receiver_relation", t!(Msg::HeadRelation)),
            column("witness", t!(Msg::HeadWitness)),
            column("notes", t!(Msg::HeadNote)),
            column("nik", "NIK"),
            column("full_name", t!(Msg::HeadName)),
            column("person_uid", t!(Msg::HeadPersonUid)).wide(),
            column("case_uid", t!(Msg::HeadCaseUid)).wide(),
            column("repatriation_uid", "UID").wide(),
        ],
        rows: vec![vec![
            Cell::text(r.reference()),
            code(Some(r.category)),
            date(Some(r.arrived_on)),
            optional_country(&r.from_country),
            Cell::opt(r.debarkation.clone()),
            regency(r.origin_regency.as_ref().map(|x| x.as_str())),
            Cell::opt(r.escort.clone()),
            Cell::opt(r.fit_to_travel_letter.clone()),
            Cell::opt(r.cause_of_death.clone()),
            Cell::opt(r.airway_bill.clone()),
            code(r.handed_over_to),
            date(r.handed_over_on),
            Cell::opt(r.handover_record_number.clone()),
            Cell::opt(r.receiver_name.clone()),
            Cell::opt(r.receiver_relation.clone()),
            Cell::opt(r.witness.clone()),
            Cell::opt(r.notes.clone()),
            Cell::opt(person.and_then(|p| p.nik.as_ref()).map(|n| n.to_string())),
            Cell::opt(person.map(|p| p.full_name.clone())),
            Cell::opt(r.person_uid.clone()),
            Cell::opt(r.case_uid.clone()),
            Cell::text(&r.uid),
        ]],
    }
}

/// Repatriations with the person's name; in a table the number, arrival, category, name and
/// handover date (`--wide`: all).
pub fn repatriation_list(rows: &[(Repatriation, Option<String>)]) -> Records {
    Records {
        columns: vec![
            column("repatriation_number", t!(Msg::HeadRepatriationNumber)),
            column("arrived_on", t!(Msg::HeadArrivedOn)),
            column("category", t!(Msg::HeadCategory)),
            column("full_name", t!(Msg::HeadName)),
            column("from_country", t!(Msg::HeadCountry)).wide(),
            column("origin_regency_code", t!(Msg::HeadRegency)).wide(),
            column("debarkation", t!(Msg::HeadDebarkation)).wide(),
            column("handed_over_to", t!(Msg::HeadHandedOverTo)).wide(),
            column("handed_over_on", t!(Msg::HeadHandedOverOn)),
        ],
        rows: rows
            .iter()
            .map(|(r, name)| {
                vec![
                    Cell::text(r.reference()),
                    date(Some(r.arrived_on)),
                    code(Some(r.category)),
                    Cell::opt(name.clone()),
                    optional_country(&r.from_country),
                    regency(r.origin_regency.as_ref().map(|x| x.as_str())),
                    Cell::opt(r.debarkation.clone()),
                    code(r.handed_over_to),
                    date(r.handed_over_on),
                ]
            })
            .collect(),
    }
}

/// What an audit entry is about (`placement`), in the clerk's language; a code this version does
/// not know as it is.
pub fn record_kind_label(kind: impl Into<RecordKind>) -> String {
    let msg = match kind.into() {
        RecordKind::Person => Msg::LogKindPerson,
        RecordKind::Placement => Msg::LogKindPlacement,
        RecordKind::Document => Msg::LogKindDocument,
        RecordKind::Recommendation => Msg::LogKindRecommendation,
        RecordKind::Case => Msg::LogKindCase,
        RecordKind::CaseEvent => Msg::LogKindCaseEvent,
        RecordKind::Repatriation => Msg::LogKindRepatriation,
        RecordKind::Warning => Msg::LogKindWarning,
        RecordKind::Database => Msg::LogKindDatabase,
        RecordKind::Export => Msg::LogActionExport,
        RecordKind::Import => Msg::LogActionImport,
        RecordKind::Setting => Msg::LogKindSetting,
        RecordKind::Site => Msg::LogKindSite,
        RecordKind::File => Msg::LogKindFile,
        RecordKind::Query => Msg::LogKindQuery,
        RecordKind::Listing => Msg::LogKindListing,
        RecordKind::DigestBatch => Msg::LogKindDigestBatch,
        RecordKind::Other(code) => return code,
    };
    t!(msg)
}

/// What the audit log says was done (`update`), in the clerk's language; a code this version
/// does not know as it is.
pub fn action_label(action: impl Into<Action>) -> String {
    let msg = match action.into() {
        Action::Create => Msg::LogActionCreate,
        Action::Update => Msg::LogActionUpdate,
        Action::Void => Msg::ActionVoid,
        Action::Used => Msg::ActionUse,
        Action::Handover => Msg::LogActionHandover,
        Action::Import => Msg::LogActionImport,
        Action::Export => Msg::LogActionExport,
        Action::Alias => Msg::LogActionAlias,
        Action::ConflictKeptLocal => Msg::LogActionConflictKeptLocal,
        Action::WarningsAccepted | Action::AcceptWarnings => Msg::LogActionWarningsAccepted,
        Action::Remove => Msg::LogActionRemove,
        Action::Verify => Msg::LogActionVerify,
        Action::Set => Msg::LogActionSet,
        Action::Print => Msg::LogActionPrint,
        Action::RefusalDetails => Msg::LogActionRefusalDetails,
        Action::Merge => Msg::LogActionMerge,
        Action::Resolve => Msg::LogActionResolve,
        Action::Forget => Msg::LogActionForget,
        Action::Trust => Msg::LogActionTrust,
        Action::Write => Msg::LogActionWrite,
        Action::Init => Msg::LogActionInit,
        Action::Demo => Msg::LogActionDemo,
        Action::Stored => Msg::LogActionStored,
        Action::ReadOut => Msg::LogActionReadOut,
        Action::Other(code) => return code,
    };
    t!(msg)
}

/// A table (or exchange file) by what it holds (`placements`), in the clerk's language.
/// This office's code, for showing its own numbers short on a screen.
static OFFICE: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// Called once a command knows the office it works for.
pub fn set_office(code: &str) {
    let _ = OFFICE.set(code.to_string());
}

/// A number as a clerk reads it: this office's own without its code (`REG-2023-00042`), another
/// office's whole; CSV and JSON always carry the whole number.
pub fn number_cell(number: Option<&str>) -> Cell {
    let Some(number) = number else {
        return Cell::text("");
    };
    let shown = OFFICE
        .get()
        .and_then(|office| number.strip_prefix(office.as_str()))
        .and_then(|rest| rest.strip_prefix('-'))
        .filter(|rest| rest.starts_with("REG-"))
        .unwrap_or(number);
    Cell {
        shown: shown.to_string(),
        value: serde_json::Value::String(number.to_string()),
    }
}

/// A warning's code as a clerk reads it.
/// What exactly failed in a passport check, in the current language (a letter composes in
/// Indonesian).
pub fn finding_detail(detail: &Detail) -> String {
    use crate::domain::eligibility::Lack;
    use crate::domain::CodeList;
    let date = |d: &str| {
        d.parse::<chrono::NaiveDate>()
            .map(|d| d.to_string())
            .unwrap_or_else(|_| d.to_string())
    };
    match detail {
        Detail::BirthDateInFuture { birth } => t!(Msg::BirthDateInFuture, date(birth)),
        Detail::UnderAge { age, on, minimum } => t!(Msg::UnderAge, age, date(on), minimum),
        Detail::BirthDateUnknown => t!(Msg::BirthDateUnknown),
        Detail::Documents { lacking } => {
            let items: Vec<String> = lacking
                .iter()
                .map(|l| {
                    let names = l
                        .kinds()
                        .iter()
                        .map(|k| CodeList::label_in(*k, lang()))
                        .collect::<Vec<_>>()
                        .join(" / ");
                    let state = t!(match l.lack {
                        Lack::Unverified => Msg::DocUnverified,
                        Lack::Expired => Msg::DocExpired,
                        Lack::Missing => Msg::DocMissing,
                    });
                    format!("{names} ({state})")
                })
                .collect();
            t!(Msg::DocsIncomplete, items.join(", "))
        }
        Detail::NikMissing => t!(Msg::NikMissing),
        Detail::NikWarnings { codes } => {
            let words: Vec<String> = codes.iter().map(|c| warning_label(c)).collect();
            t!(Msg::NikWarningsOpen, words.join("; "))
        }
        Detail::DestinationClosed {
            country,
            scheme,
            sector,
        } => {
            let country = country
                .parse::<crate::domain::CountryCode>()
                .map(|c| c.name(lang()).to_string())
                .unwrap_or_else(|_| country.clone());
            let scheme = scheme
                .parse::<crate::domain::Scheme>()
                .map(|s| s.label().to_string())
                .unwrap_or_else(|_| scheme.clone());
            let sector = sector
                .as_deref()
                .and_then(|s| s.parse::<crate::domain::Sector>().ok())
                .map(|s| s.label().to_string())
                .unwrap_or_else(|| "-".into());
            t!(Msg::DestinationClosed, country, scheme, sector)
        }
        Detail::ActiveLetter { letter } => t!(Msg::ActiveRecommendation, letter),
        Detail::Interview { reason, note } => {
            let reason = reason
                .parse::<crate::domain::RefusalReason>()
                .map(|r| r.label().to_string())
                .unwrap_or_else(|_| reason.clone());
            t!(
                Msg::InterviewFinding,
                reason,
                note.as_deref().unwrap_or_default()
            )
            .trim_end()
            .to_string()
        }
    }
}

/// A refusal's stored details in the current language: each detail (an older pmi-desk stored
/// text, shown as it is).
pub fn refusal_details(stored: &str) -> Vec<String> {
    match Detail::parse_stored(stored) {
        Some(details) => details.iter().map(finding_detail).collect(),
        None => stored
            .split("; ")
            .map(str::trim)
            .filter(|d| !d.is_empty())
            .map(str::to_string)
            .collect(),
    }
}

/// A warning's code as a clerk reads it; one this version does not raise (accepted at another
/// office or by another version) as it is.
pub fn warning_label(code: &str) -> String {
    let Ok(code) = code.parse::<WarningCode>() else {
        return code.to_string();
    };
    t!(match code {
        WarningCode::NikBirthDateMismatch => Msg::WarningNikBirthDate,
        WarningCode::NikSexMismatch => Msg::WarningNikSex,
        WarningCode::NikRegencyDiffers => Msg::WarningNikRegency,
        WarningCode::NikDistrictUnknown => Msg::WarningNikDistrict,
        WarningCode::PhoneUnusual => Msg::WarningPhoneUnusual,
        WarningCode::PassportUnusual => Msg::WarningPassportUnusual,
        WarningCode::PersonDiffers => Msg::WarningPersonDiffers,
        WarningCode::EarlierPlacementAbroad => Msg::WarningEarlierAbroad,
        WarningCode::DestinationClosed => Msg::WarningDestinationClosed,
        WarningCode::DepartureDocumentsLacking => Msg::WarningDepartureDocuments,
        WarningCode::DepartureBeforePassport => Msg::WarningDepartureBeforePassport,
        WarningCode::PassportExpiresSoon => Msg::WarningPassportExpiresSoon,
        WarningCode::ReportedBeforeDeparture => Msg::WarningReportedBeforeDeparture,
    })
}

/// A stored code of a record's column as the clerk reads it (`ISSUED` as "Terbit"; a list of
/// codes `A|B` each); `None` for a column that holds no code, or a code this version does not know.
pub fn code_value_label(record_kind: &str, column: &str, value: &str) -> Option<String> {
    use crate::domain::*;
    match column {
        "country" | "from_country" => {
            let country = value.parse::<CountryCode>().ok()?;
            return Some(format!("{} ({value})", country.name(lang())));
        }
        "regency_code" | "origin_regency_code" => {
            let regency = value.parse::<RegencyCode>().ok()?;
            return Some(format!("{} ({value})", regency.name()));
        }
        _ => {}
    }
    let list = match (record_kind, column) {
        (_, "sex") => Sex::LIST,
        (_, "education") => Education::LIST,
        (_, "marital_status") => MaritalStatus::LIST,
        (_, "scheme") => Scheme::LIST,
        (_, "sector") => Sector::LIST,
        (_, "stage") => Stage::LIST,
        (_, "cancel_reason") => CancelReason::LIST,
        ("document", "kind") => DocumentKind::LIST,
        ("recommendation", "status") => RecommendationStatus::LIST,
        (_, "refusal_reasons") => RefusalReason::LIST,
        ("case", "category") => CaseCategory::LIST,
        (_, "channel") => Channel::LIST,
        (_, "procedural_status") => ProceduralStatus::LIST,
        ("case", "status") | (_, "status_to") | (_, "status_from") => CaseStatus::LIST,
        (_, "closure_reason") => ClosureReason::LIST,
        ("case_event", "kind") => CaseEventKind::LIST,
        (_, "partner") => Partner::LIST,
        ("repatriation", "category") => RepatriationCategory::LIST,
        (_, "handed_over_to") => HandoverTo::LIST,
        _ => return None,
    };
    let lists = all_lists();
    let entries = &lists.iter().find(|l| l.list == list)?.entries;
    let words: Option<Vec<&str>> = value
        .split('|')
        .map(|code| {
            entries
                .iter()
                .find(|(c, _, _)| *c == code)
                .map(|(_, id, en)| match lang() {
                    crate::i18n::Lang::Id => *id,
                    crate::i18n::Lang::En => *en,
                })
        })
        .collect();
    Some(words?.join(", "))
}

pub fn table_label(table: &str) -> String {
    let msg = match table {
        "persons" => Msg::TableNamePersons,
        "placements" => Msg::TableNamePlacements,
        "documents" => Msg::TableNameDocuments,
        "recommendations" => Msg::TableNameRecommendations,
        "cases" => Msg::TableNameCases,
        "case_events" => Msg::TableNameCaseEvents,
        "repatriations" => Msg::TableNameRepatriations,
        "audit_log" => Msg::TableNameAuditLog,
        "person_merges" => Msg::TableNamePersonMerges,
        "conflicts" => Msg::TableNameConflicts,
        other => return other.to_string(),
    };
    t!(msg)
}

/// A report dimension's column heading (`--by scheme`: "Skema"), in the clerk's language.
pub fn dimension_heading(dimension: Dimension) -> String {
    t!(match dimension {
        Dimension::Scheme => Msg::HeadScheme,
        Dimension::Country => Msg::HeadCountry,
        Dimension::Sector => Msg::HeadSector,
        Dimension::Regency => Msg::HeadRegency,
        Dimension::Sex => Msg::HeadSex,
        Dimension::Occupation => Msg::HeadOccupation,
        Dimension::Education => Msg::HeadEducation,
        Dimension::P3mi => Msg::HeadP3mi,
        Dimension::Month => Msg::HeadMonth,
        Dimension::AgeGroup => Msg::HeadAgeGroup,
        Dimension::Stage => Msg::HeadStage,
        Dimension::CancelReason => Msg::HeadCancelReason,
        Dimension::Status => Msg::HeadStatus,
        Dimension::Reason => Msg::HeadRefusalReasons,
        Dimension::Office => Msg::HeadImmigrationOffice,
        Dimension::Category => Msg::HeadCategory,
        Dimension::Channel => Msg::HeadChannel,
        Dimension::ProceduralStatus => Msg::HeadProcedural,
        Dimension::Handling => Msg::HeadHandling,
        Dimension::Debarkation => Msg::HeadDebarkation,
        Dimension::HandedOver => Msg::HeadHandedOver,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{with_lang, Lang};

    /// Regression: the audit log showed `query`, `listing` and `trust` raw in Indonesian: labels
    /// were a list beside the codes, and a new code could be written without one.
    #[test]
    fn every_audit_kind_and_action_has_an_indonesian_label() {
        with_lang(Lang::Id, || {
            for kind in RecordKind::KNOWN {
                let label = record_kind_label(kind.clone());
                assert_ne!(label, kind.as_str(), "record kind {kind} has no label");
            }
            for action in Action::KNOWN {
                let label = action_label(action.clone());
                assert_ne!(label, action.as_str(), "action {action} has no label");
            }
        });
        with_lang(Lang::Id, || {
            for code in WarningCode::ALL {
                assert_ne!(warning_label(code.as_str()), code.as_str(), "{code}");
            }
        });
        assert_eq!(warning_label("NIK_TOO_OLD"), "NIK_TOO_OLD");
        assert_eq!(record_kind_label("persons"), "persons");
        assert_eq!(action_label("frobnicate"), "frobnicate");
    }
}

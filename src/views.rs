//! How records look to a clerk: the columns, headings and labels of each kind of record, shared by
//! every command that shows it (table labels; CSV and JSON codes).

use crate::domain::document::Document;
use crate::domain::person::Person;
use crate::domain::placement::Placement;
use crate::i18n::{lang, Msg};
use crate::output::{column, Cell, Column, Records};
use crate::t;

fn date(d: Option<chrono::NaiveDate>) -> Cell {
    Cell::opt(d.map(|d| d.to_string()))
}

fn code<C: crate::domain::CodeList>(c: Option<C>) -> Cell {
    match c {
        Some(c) => Cell::code(c.code(), c.label(lang())),
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
        column("person_uid", t!(Msg::HeadPersonUid)),
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
        column("placement_uid", t!(Msg::HeadPlacementUid)),
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
        Cell::opt(p.registration_number.clone()),
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

/// A short list of placements (`worker list`, `worker show`).
pub fn placement_list(
    rows: impl Iterator<Item = (Placement, String, Option<String>, Option<String>)>,
) -> Records {
    Records {
        columns: vec![
            column("registration_number", t!(Msg::HeadRegistrationNumber)),
            column("nik", "NIK"),
            column("full_name", t!(Msg::HeadName)),
            column("regency_code", t!(Msg::HeadRegency)),
            column("scheme", t!(Msg::HeadScheme)),
            column("country", t!(Msg::HeadCountry)),
            column("stage", t!(Msg::HeadStage)),
            column("registered_on", t!(Msg::HeadRegisteredOn)),
            column("departed_on", t!(Msg::HeadDepartedOn)),
            column("placement_uid", t!(Msg::HeadPlacementUid)),
        ],
        rows: rows
            .map(|(p, name, nik, reg)| {
                vec![
                    Cell::opt(p.registration_number.clone()),
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
            column("verified_by", t!(Msg::HeadVerifiedBy)),
            column("document_uid", "UID"),
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

//! The CSV exchange format, version 1 (docs/exchange-format.md): the files of a folder, their columns
//! in order, which are required, the manifest, and masking for statistics outside the office.

use crate::domain::record::{self, Column, Record};

pub mod export;
pub mod import;
pub mod merge;
pub mod probe;
pub mod read;
pub mod sign;
pub mod workbook;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FileKind {
    Persons,
    /// Two person records found to be one person (version 2).
    PersonMerges,
    Placements,
    Documents,
    Recommendations,
    Cases,
    CaseEvents,
    Repatriations,
    /// The values of writes that lost a field to a concurrent write (version 2).
    Conflicts,
}

pub const FORMAT: &str = "pmi-desk-exchange";

/// Calls `$f::<R>($args)` with the record type of a file kind.
#[macro_export]
macro_rules! by_kind {
    ($kind:expr, $f:ident $(, $arg:expr)*) => {
        match $kind {
            $crate::exchange::FileKind::Persons => $f::<$crate::domain::person::Person>($($arg),*),
            $crate::exchange::FileKind::Placements => {
                $f::<$crate::domain::placement::Placement>($($arg),*)
            }
            $crate::exchange::FileKind::Documents => {
                $f::<$crate::domain::document::Document>($($arg),*)
            }
            $crate::exchange::FileKind::Recommendations => {
                $f::<$crate::domain::recommendation::Recommendation>($($arg),*)
            }
            $crate::exchange::FileKind::Cases => $f::<$crate::domain::case::Case>($($arg),*),
            $crate::exchange::FileKind::CaseEvents => {
                $f::<$crate::domain::case::CaseEvent>($($arg),*)
            }
            $crate::exchange::FileKind::Repatriations => {
                $f::<$crate::domain::repatriation::Repatriation>($($arg),*)
            }
            $crate::exchange::FileKind::PersonMerges => {
                $f::<$crate::domain::identity::PersonMerge>($($arg),*)
            }
            $crate::exchange::FileKind::Conflicts => {
                $f::<$crate::domain::version::KeptWrite>($($arg),*)
            }
        }
    };
}
pub use by_kind;
/// The version this pmi-desk writes (docs/exchange-format.md): 2, offices that converge.
pub const VERSION: i64 = 2;

impl FileKind {
    /// In the order files are written and read: every reference points to an earlier file.
    pub const ALL: [FileKind; 9] = [
        FileKind::Persons,
        FileKind::PersonMerges,
        FileKind::Placements,
        FileKind::Documents,
        FileKind::Recommendations,
        FileKind::Cases,
        FileKind::CaseEvents,
        FileKind::Repatriations,
        FileKind::Conflicts,
    ];

    /// The files of version 1: the records themselves.
    pub const RECORDS: [FileKind; 7] = [
        FileKind::Persons,
        FileKind::Placements,
        FileKind::Documents,
        FileKind::Recommendations,
        FileKind::Cases,
        FileKind::CaseEvents,
        FileKind::Repatriations,
    ];

    /// What version 2 adds for the merge: never in a masked export, never read from an unsigned
    /// folder.
    pub fn is_merge_data(self) -> bool {
        matches!(self, FileKind::PersonMerges | FileKind::Conflicts)
    }

    pub fn name(self) -> &'static str {
        match self {
            FileKind::Persons => "persons",
            FileKind::Placements => "placements",
            FileKind::Documents => "documents",
            FileKind::Recommendations => "recommendations",
            FileKind::Cases => "cases",
            FileKind::CaseEvents => "case_events",
            FileKind::Repatriations => "repatriations",
            FileKind::PersonMerges => "person_merges",
            FileKind::Conflicts => "conflicts",
        }
    }

    pub fn file_name(self) -> String {
        format!("{}.csv", self.name())
    }

    pub fn parse(name: &str) -> Option<FileKind> {
        let name = name.trim().to_ascii_lowercase();
        FileKind::ALL
            .into_iter()
            .find(|k| k.name() == name || k.file_name() == name)
    }

    /// The exchange columns of the kind, in order, as its record declaration gives them.
    pub fn exchange_columns(self) -> Vec<&'static Column> {
        fn of<R: Record>() -> Vec<&'static Column> {
            record::exchange_columns::<R>().collect()
        }
        by_kind!(self, of)
    }

    pub fn columns(self) -> Vec<&'static str> {
        self.exchange_columns()
            .into_iter()
            .filter_map(|c| c.exchange)
            .collect()
    }

    pub fn required(self) -> Vec<&'static str> {
        self.exchange_columns()
            .into_iter()
            .filter(|c| c.required)
            .filter_map(|c| c.exchange)
            .collect()
    }

    /// Recognises a file's kind from its header: the key column of each kind, most specific first.
    pub fn from_header(headers: &[String]) -> Option<FileKind> {
        let has = |c: &str| headers.iter().any(|h| h == c);
        [
            ("conflict_uid", FileKind::Conflicts),
            ("merge_uid", FileKind::PersonMerges),
            ("event_uid", FileKind::CaseEvents),
            ("document_uid", FileKind::Documents),
            ("recommendation_uid", FileKind::Recommendations),
            ("repatriation_uid", FileKind::Repatriations),
            ("case_uid", FileKind::Cases),
            ("placement_uid", FileKind::Placements),
            ("person_uid", FileKind::Persons),
        ]
        .into_iter()
        .find(|(key, _)| has(key))
        .map(|(_, kind)| kind)
    }
}

/// `Budi Santoso` -> `B. S.`
fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|w| w.chars().next())
        .map(|c| format!("{c}."))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Masks a row for statistics outside the office: NIK to its first 12 digits, names to initials,
/// contact details and narratives left out. `columns` names the values.
pub fn mask(columns: &[&str], values: &mut [String]) {
    for (column, value) in columns.iter().zip(values.iter_mut()) {
        match *column {
            "nik" if value.len() >= 12 => value.truncate(12),
            "full_name" | "complainant_name" => *value = initials(value),
            "address" | "phone" | "summary" | "note" | "notes" | "number" | "passport_number" => {
                value.clear()
            }
            _ => {}
        }
    }
}

/// A value from a refused row as a message off a terminal quotes it (a nightly script's output
/// ends in mail): a NIK to its first 6 digits (the region), a name to initials, contact details,
/// narratives and document numbers to their length only. Codes, dates and uids stay.
pub fn masked_for_log(column: &str, value: &str) -> String {
    match column {
        "nik" => format!("{}…", value.chars().take(6).collect::<String>()),
        "full_name" | "complainant_name" | "handed_over_to" | "person_name" | "name" => {
            initials(value)
        }
        "address"
        | "phone"
        | "summary"
        | "note"
        | "notes"
        | "number"
        | "passport_number"
        | "birth_place"
        | "complainant_relation"
        | "employer_name" => {
            format!("({})", value.chars().count())
        }
        _ => masked_niks(value),
    }
}

/// Every run of 16 digits (a NIK) in a text cut to its first 6.
pub fn masked_niks(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let run = chars[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if run == 16 {
            out.extend(&chars[i..i + 6]);
            out.push('…');
            i += run;
        } else if run > 0 {
            out.extend(&chars[i..i + run]);
            i += run;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn values_quoted_off_a_terminal_keep_no_personal_data() {
        assert_eq!(masked_for_log("nik", "1371021508900001"), "137102…");
        assert_eq!(masked_for_log("full_name", "Budi Santoso"), "B. S.");
        assert_eq!(masked_for_log("address", "Jl. Merdeka 1"), "(13)");
        assert_eq!(masked_for_log("country", "XX"), "XX");
        assert_eq!(
            masked_niks("NIK 1371021508900001 is taken; 2026-01-01"),
            "NIK 137102… is taken; 2026-01-01"
        );
    }

    use super::*;

    #[test]
    fn every_kind_has_its_key_first_and_is_recognised_from_its_header() {
        for kind in FileKind::ALL {
            let columns: Vec<String> = kind.columns().iter().map(|c| c.to_string()).collect();
            assert_eq!(FileKind::from_header(&columns), Some(kind), "{kind:?}");
            assert!(columns[0].ends_with("_uid"));
            assert_eq!(FileKind::parse(&kind.file_name()), Some(kind));
        }
    }

    /// The contract (docs/exchange-format.md): these names, in this order, never renamed; version 2
    /// added columns at the end of each file.
    #[test]
    fn columns_follow_the_contract() {
        let contract: [(FileKind, &str); 7] = [
            (FileKind::Persons, "*person_uid,nik,*full_name,sex,birth_place,birth_date,regency_code,address,phone,education,marital_status,*office_code,*created_at,*updated_at,accepted_warnings,versions"),
            (FileKind::Placements, "*placement_uid,*person_uid,*scheme,p3mi_name,employer_name,*country,sector,occupation,*stage,*registered_on,departed_on,returned_on,cancel_reason,passport_number,*office_code,*created_at,*updated_at,registration_number,versions"),
            (FileKind::Documents, "*document_uid,*placement_uid,*kind,number,issued_on,expires_on,verified_on,verified_by,*updated_at,removed_on,removed_reason,versions"),
            (FileKind::Recommendations, "*recommendation_uid,*placement_uid,letter_number,*status,*decided_on,valid_until,immigration_office,refusal_reasons,void_reason,clerk,*office_code,*created_at,*updated_at,passport_number,passport_issued_on,versions"),
            (FileKind::Cases, "*case_uid,*case_number,person_uid,*category,channel,procedural_status,country,*reported_on,complainant_name,complainant_relation,summary,*status,closure_reason,closed_on,*office_code,*created_at,*updated_at,versions"),
            (FileKind::CaseEvents, "*event_uid,*case_uid,*occurred_on,*kind,partner,letter_number,note,clerk,*created_at,status_to,closure_reason,seen,versions"),
            (FileKind::Repatriations, "*repatriation_uid,person_uid,case_uid,*category,from_country,debarkation,*arrived_on,origin_regency_code,handed_over_to,handed_over_on,handover_record_number,notes,*office_code,*created_at,*updated_at,repatriation_number,versions"),
        ];
        for (kind, columns) in contract {
            let declared: Vec<String> = kind
                .exchange_columns()
                .iter()
                .map(|c| {
                    format!(
                        "{}{}",
                        if c.required { "*" } else { "" },
                        c.exchange.unwrap()
                    )
                })
                .collect();
            assert_eq!(declared.join(","), columns, "{kind:?}");
        }
    }

    #[test]
    fn masking() {
        let mut row = vec![
            "1371021508900001".to_string(),
            "Budi Santoso".into(),
            "Jl. X".into(),
        ];
        mask(&["nik", "full_name", "address"], &mut row);
        assert_eq!(row, ["137102150890", "B. S.", ""]);
    }
}

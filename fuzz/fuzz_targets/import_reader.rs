//! Arbitrary bytes as an exchange file from another office: reading, header checks, every row
//! parsed by its record declaration and checked by its rules. It must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

const NAMES: [&str; 8] = [
    "persons.csv",
    "placements.csv",
    "documents.csv",
    "recommendations.csv",
    "cases.csv",
    "case_events.csv",
    "repatriations.csv",
    "unknown.csv",
];

fuzz_target!(|data: &[u8]| {
    let Some((first, rest)) = data.split_first() else {
        return;
    };
    let name = NAMES[*first as usize % NAMES.len()];
    let today = chrono::NaiveDate::from_ymd_opt(2023, 11, 8).unwrap();
    if let Ok(probed) = pmi_desk::exchange::probe::probe(name, rest, today) {
        for error in &probed.errors {
            assert!(!error.reason.is_empty(), "an error without a reason");
        }
    }
});

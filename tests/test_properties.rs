//! Properties over arbitrary input (proptest): whatever a clerk types or a file carries, the parsers
//! never panic, every refusal says why, and every valid value or exchange row comes back unchanged.

use chrono::NaiveDate;
use proptest::prelude::*;

use pmi_desk::domain::case::{Case, CaseEvent};
use pmi_desk::domain::contact::parse_phone;
use pmi_desk::domain::date::parse_date;
use pmi_desk::domain::document::Document;
use pmi_desk::domain::person::Person;
use pmi_desk::domain::placement::Placement;
use pmi_desk::domain::recommendation::{Reasons, Recommendation};
use pmi_desk::domain::record::{exchange_fields, Record, Timestamp};
use pmi_desk::domain::repatriation::Repatriation;
use pmi_desk::domain::text::{csv_safe, parse_name};
use pmi_desk::domain::*;
use pmi_desk::exchange::probe::probe;
use pmi_desk::exchange::FileKind;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2023, 11, 8).unwrap()
}

/// Any text at all, control characters and all scripts included.
fn anything() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), "[0-9 .,/:;+=@'\"-]{0,24}", "\\PC{0,30}",]
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (1950i32..2023, 1u32..=12, 1u32..=28)
        .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap())
}

fn uid() -> impl Strategy<Value = String> {
    any::<u128>().prop_map(|n| uuid::Uuid::from_u128(n).to_string())
}

fn stamp() -> impl Strategy<Value = Timestamp> {
    (1_500_000_000_000i64..1_699_000_000_000).prop_map(|ms| {
        Timestamp::from_datetime(chrono::DateTime::from_timestamp_millis(ms).unwrap())
    })
}

/// Free text a clerk may store, formula-looking starts and line breaks of notes left out.
fn text() -> impl Strategy<Value = Option<String>> {
    proptest::option::of(
        "[=+@'-]?[A-Za-z0-9àéĞğŞş漢 .,/()]{1,30}".prop_map(|s| s.trim().to_string()),
    )
    .prop_map(|t| t.filter(|s| !s.is_empty()))
}

fn name() -> impl Strategy<Value = String> {
    "[A-Za-z][A-Za-z' .]{0,30}[a-z]"
        .prop_map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
}

fn code<C: CodeList + std::fmt::Debug>() -> impl Strategy<Value = C> {
    proptest::sample::select(C::all())
}

fn valid_nik() -> impl Strategy<Value = (String, NaiveDate, Sex)> {
    let districts: Vec<String> = pmi_desk::reference::reference()
        .districts
        .iter()
        .map(|d| d.code.replace('.', ""))
        .filter(|c| c.len() == 6)
        .take(400)
        .collect();
    (
        proptest::sample::select(districts),
        date(),
        code::<Sex>(),
        1u32..=9999,
    )
        .prop_map(|(district, birth, sex, serial)| {
            let day: u32 = birth.format("%d").to_string().parse::<u32>().unwrap()
                + if sex == Sex::P { 40 } else { 0 };
            let nik = format!("{district}{day:02}{}{serial:04}", birth.format("%m%y"));
            (nik, birth, sex)
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_text_as_a_nik_never_panics_and_says_why(input in anything()) {
        if let Err(e) = input.parse::<Nik>() {
            prop_assert!(!e.to_string().trim().is_empty());
        }
    }

    #[test]
    fn valid_niks_parse_and_carry_their_birth_date_and_sex((nik, birth, sex) in valid_nik()) {
        let parsed: Nik = nik.parse().map_err(|e: pmi_desk::error::Invalid| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(parsed.as_str(), nik.as_str());
        prop_assert_eq!(parsed.embedded_sex(), sex);
        prop_assert!(parsed.warnings(Some(birth), Some(sex), None).iter().all(|w| w.code != WarningCode::NikSexMismatch));
    }

    #[test]
    fn any_text_as_a_date_never_panics_and_says_why(input in anything()) {
        if let Err(e) = parse_date(&input) {
            prop_assert!(!e.to_string().trim().is_empty());
        }
    }

    #[test]
    fn a_date_in_every_accepted_form_is_the_same_day(d in date()) {
        for form in ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"] {
            prop_assert_eq!(parse_date(&d.format(form).to_string()).unwrap(), d);
        }
    }

    #[test]
    fn any_text_as_a_phone_never_panics_and_says_why(input in anything()) {
        if let Err(e) = parse_phone(&input) {
            prop_assert!(!e.to_string().trim().is_empty());
        }
    }

    #[test]
    fn indonesian_mobile_numbers_normalise_once(digits in "8[0-9]{8,11}", form in 0usize..3) {
        let typed = match form { 0 => format!("0{digits}"), 1 => format!("+62{digits}"), _ => format!("62 {digits}") };
        let (normal, warning) = parse_phone(&typed).unwrap();
        prop_assert_eq!(&normal, &format!("+62{digits}"));
        prop_assert!(warning.is_none());
        prop_assert_eq!(parse_phone(&normal).unwrap().0, normal);
    }

    #[test]
    fn any_text_as_a_name_never_panics_and_what_is_accepted_is_clean(input in anything()) {
        match parse_name(&input) {
            Ok(n) => {
                prop_assert!(!n.chars().any(char::is_control));
                prop_assert!(n.chars().count() <= 200);
                prop_assert!(!n.starts_with(['=', '+', '-', '@']));
                prop_assert_eq!(parse_name(&n).unwrap(), n);
            }
            Err(e) => prop_assert!(!e.to_string().trim().is_empty()),
        }
    }

    #[test]
    fn any_cells_in_any_exchange_file_never_panic(
        kind in proptest::sample::select(FileKind::ALL.to_vec()),
        cells in proptest::collection::vec(proptest::collection::vec(anything(), 0..20), 0..6),
    ) {
        let mut out = Vec::new();
        {
            let mut w = csv::WriterBuilder::new().flexible(true).from_writer(&mut out);
            w.write_record(kind.columns()).unwrap();
            for row in &cells {
                w.write_record(row).unwrap();
            }
        }
        if let Ok(probed) = probe(&kind.file_name(), &out, today()) {
            for e in &probed.errors {
                prop_assert!(!e.reason.is_empty());
            }
        }
    }

    #[test]
    fn any_bytes_as_an_exchange_file_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = probe("persons.csv", &bytes, today());
    }
}

/// Writes one record as the exchange writes it, reads it back as an import reads it.
fn round_trip<R: Record>(kind: FileKind, record: &R) -> Result<(), TestCaseError> {
    let fields = exchange_fields(record);
    let mut out = Vec::new();
    {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(&mut out);
        w.write_record(fields.iter().map(|(c, _)| *c)).unwrap();
        w.write_record(fields.iter().map(|(_, v)| csv_safe(v).into_owned()))
            .unwrap();
    }
    let probed = probe(&kind.file_name(), &out, today()).unwrap();
    prop_assert!(
        probed.errors.is_empty(),
        "{:?}\n{}",
        probed.errors,
        String::from_utf8_lossy(&out)
    );
    prop_assert_eq!(probed.valid, 1);
    // And the values parse back to the same fields.
    let text = String::from_utf8(out).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let row = reader.records().next().unwrap().unwrap();
    let mut problems = Vec::new();
    let back = R::from_exchange(
        |c| {
            let i = fields.iter().position(|(name, _)| *name == c).unwrap();
            text::csv_unescape(row.get(i).unwrap().trim())
        },
        &mut problems,
    );
    prop_assert!(problems.is_empty(), "{:?}", problems);
    prop_assert_eq!(exchange_fields(&back.unwrap()), fields);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn valid_persons_round_trip(
        uid in uid(), nik in proptest::option::of(valid_nik()), full_name in name(),
        place in text(), regency in proptest::option::of(proptest::sample::select(vec!["1371", "1306", "3578"])),
        address in text(), phone in proptest::option::of("8[0-9]{9}"), education in proptest::option::of(code::<Education>()),
        marital in proptest::option::of(code::<MaritalStatus>()), created in stamp(), updated in stamp(),
    ) {
        let person = Person {
            uid,
            sex: nik.as_ref().map(|(_, _, s)| *s),
            birth_date: nik.as_ref().map(|(_, b, _)| *b),
            nik: nik.map(|(n, _, _)| n.parse().unwrap()),
            full_name,
            birth_place: place,
            regency: regency.map(|r| r.parse().unwrap()),
            address,
            phone: phone.map(|p| format!("+62{p}")),
            education,
            marital_status: marital,
            office_code: "BP3MI-SB".into(),
            created_at: created,
            updated_at: updated,
            accepted_warnings: None,
            versions: version::Versions::unset(),
        };
        round_trip(FileKind::Persons, &person)?;
    }

    #[test]
    fn valid_placements_round_trip(
        uid in uid(), person in uid(), scheme in code::<Scheme>(), company in name(), employer in text(),
        country in proptest::sample::select(vec!["MY", "JP", "TW", "SA", "KR"]), sector in proptest::option::of(code::<Sector>()),
        occupation in text(), registered in date(), stage in 0usize..5, days in 1i64..300,
        reason in code::<CancelReason>(), passport in proptest::option::of("[A-C][0-9]{7}"), stamp in stamp(),
    ) {
        let later = (registered + chrono::Duration::days(days)).min(today());
        let (stage, departed, returned, cancel) = match stage {
            0 => (Stage::Registered, None, None, None),
            1 => (Stage::Recommended, None, None, None),
            2 => (Stage::Departed, Some(registered), None, None),
            3 => (Stage::Returned, Some(registered), Some(later), None),
            _ => (Stage::Cancelled, None, None, Some(reason)),
        };
        let placement = Placement {
            uid, registration_number: None, person_uid: person, scheme,
            p3mi_name: (scheme == Scheme::P3mi).then_some(company),
            employer_name: employer, country: country.parse().unwrap(), sector, occupation, stage,
            registered_on: registered, departed_on: departed, returned_on: returned, cancel_reason: cancel,
            cancel_note: None, passport_number: passport, office_code: "DISNAKER-AGAM".into(),
            created_at: stamp.clone(), updated_at: stamp,
            legacy_number: None,
            versions: version::Versions::unset(),
        };
        round_trip(FileKind::Placements, &placement)?;
    }

    #[test]
    fn valid_documents_recommendations_and_events_round_trip(
        uid in uid(), other in uid(), kind in code::<DocumentKind>(), number in text(), issued in date(),
        days in 0i64..900, status in code::<RecommendationStatus>(), reasons in proptest::collection::vec(code::<RefusalReason>(), 1..3),
        office in text(), note in text(), event in code::<CaseEventKind>(), partner in proptest::option::of(code::<Partner>()),
        stamp in stamp(),
    ) {
        let document = Document {
            uid: uid.clone(), placement_uid: other.clone(), kind, number: number.clone(),
            issued_on: Some(issued), expires_on: Some(issued + chrono::Duration::days(days)),
            verified_on: Some(issued), verified_by: office.clone(),
            created_at: stamp.clone(), updated_at: stamp.clone(),
            removed_on: (days % 2 == 0).then_some(issued), removed_reason: (days % 2 == 0).then(|| "salah catat".to_string()),
            versions: version::Versions::unset(),
        };
        // A document's creation time is not exchanged: what comes back is its update time.
        let mut expected = document.clone();
        expected.created_at = stamp.clone();
        round_trip(FileKind::Documents, &expected)?;
        let refused = status == RecommendationStatus::Refused;
        let recommendation = Recommendation {
            uid: uid.clone(), placement_uid: other.clone(), letter_number: Some(format!("B.{days}/BP3MI-SB/I/2023")),
            status, decided_on: issued, valid_until: (!refused).then(|| issued + chrono::Duration::days(30)),
            immigration_office: office, refusal_reasons: Reasons(if refused { reasons } else { vec![] }),
            refusal_details: None, void_reason: (status == RecommendationStatus::Void).then(|| "salah nama".to_string()),
            passport_number: None, passport_issued_on: None, reprints: 0, clerk: Some("siti".into()),
            office_code: "BP3MI-SB".into(), created_at: stamp.clone(), updated_at: stamp.clone(),
            versions: version::Versions::unset(),
        };
        round_trip(FileKind::Recommendations, &recommendation)?;
        let event = CaseEvent {
            uid, case_uid: other, occurred_on: issued, kind: event, partner, letter_number: number,
            note, status_from: None, status_to: None, awaiting: None, contacted: false,
            clerk: Some("siti".into()), created_at: stamp,
            closure_reason: None,
            seen: Default::default(),
            versions: version::Versions::unset(),
        };
        round_trip(FileKind::CaseEvents, &event)?;
    }

    #[test]
    fn valid_cases_and_repatriations_round_trip(
        uid in uid(), person in proptest::option::of(uid()), category in code::<CaseCategory>(),
        channel in proptest::option::of(code::<Channel>()), procedural in proptest::option::of(code::<ProceduralStatus>()),
        reported in date(), days in 0i64..200, status in code::<CaseStatus>(), reason in code::<ClosureReason>(),
        summary in text(), rep in code::<RepatriationCategory>(), to in proptest::option::of(code::<HandoverTo>()),
        stamp in stamp(),
    ) {
        let end = (reported + chrono::Duration::days(days)).min(today());
        let ended = matches!(status, CaseStatus::Resolved | CaseStatus::Closed);
        let case = Case {
            uid: uid.clone(), case_number: format!("BP3MI-SB-K-2023-{days:04}"), person_uid: person.clone(), category,
            channel, procedural_status: procedural, country: Some("MY".parse().unwrap()), reported_on: reported,
            complainant_name: Some("Ibu Sari".into()), complainant_relation: Some("ibu".into()), summary: summary.clone(),
            status, closure_reason: (status == CaseStatus::Closed).then_some(reason), closed_on: ended.then_some(end),
            outcome: None, clerk: None, office_code: "BP3MI-SB".into(), created_at: stamp.clone(), updated_at: stamp.clone(),
            versions: version::Versions::unset(),
        };
        round_trip(FileKind::Cases, &case)?;
        let repatriation = Repatriation {
            uid, repatriation_number: None, person_uid: person, case_uid: None, category: rep,
            from_country: Some("MY".parse().unwrap()), debarkation: Some("BIM".into()), arrived_on: reported,
            origin_regency: Some("1371".parse().unwrap()), escort: None, fit_to_travel_letter: None, cause_of_death: None,
            airway_bill: None, handed_over_to: to, handed_over_on: to.map(|_| end),
            handover_record_number: to.map(|_| "BP3MI-SB-BA-2023-0001".to_string()), receiver_name: None,
            receiver_relation: None, witness: None, notes: summary, office_code: "BP3MI-SB".into(),
            created_at: stamp.clone(), updated_at: stamp,
            legacy_number: None,
            versions: version::Versions::unset(),
        };
        round_trip(FileKind::Repatriations, &repatriation)?;
    }
}

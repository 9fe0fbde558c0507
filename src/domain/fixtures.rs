//! Records for the domain's unit tests.

use super::person::Person;
use super::placement::Placement;
use super::record::Timestamp;
use super::{Scheme, Stage};

/// A MANDIRI placement to Malaysia, registered on 2023-03-01, at `stage`.
pub fn placement_in(stage: Stage) -> Placement {
    Placement {
        uid: "u".into(),
        registration_number: Some("REG-2023-00001".into()),
        person_uid: "p".into(),
        scheme: Scheme::Mandiri,
        p3mi_name: None,
        employer_name: None,
        country: "MY".parse().unwrap(),
        sector: None,
        occupation: None,
        stage,
        registered_on: "2023-03-01".parse().unwrap(),
        departed_on: None,
        returned_on: None,
        cancel_reason: None,
        cancel_note: None,
        passport_number: None,
        office_code: "X".into(),
        created_at: Timestamp::default(),
        updated_at: Timestamp::default(),
        legacy_number: None,
        versions: super::version::Versions::unset(),
    }
}

/// Budi, born 1990-08-15 in Kota Padang, with a NIK that agrees.
pub fn person() -> Person {
    Person {
        uid: "p".into(),
        nik: Some("1371021508900001".parse().unwrap()),
        full_name: "Budi".into(),
        sex: Some(super::Sex::L),
        birth_place: Some("Padang".into()),
        birth_date: Some("1990-08-15".parse().unwrap()),
        regency: Some("1371".parse().unwrap()),
        address: Some("Jl. Lama".into()),
        phone: Some("+6281200000001".into()),
        education: None,
        marital_status: None,
        office_code: "SB".into(),
        created_at: Timestamp::default(),
        updated_at: Timestamp::default(),
        accepted_warnings: None,
        versions: super::version::Versions::unset(),
    }
}

/// The remains of the fixture person, arrived from Malaysia on 2023-10-05.
pub fn remains() -> super::repatriation::Repatriation {
    super::repatriation::Repatriation {
        uid: "r".into(),
        person_uid: Some("p".into()),
        case_uid: None,
        category: super::RepatriationCategory::Deceased,
        from_country: Some("MY".parse().unwrap()),
        debarkation: None,
        arrived_on: "2023-10-05".parse().unwrap(),
        origin_regency: None,
        escort: None,
        fit_to_travel_letter: None,
        cause_of_death: None,
        airway_bill: None,
        handed_over_to: None,
        handed_over_on: None,
        handover_record_number: None,
        receiver_name: None,
        receiver_relation: None,
        witness: None,
        notes: None,
        office_code: "SB".into(),
        created_at: Timestamp::default(),
        updated_at: Timestamp::default(),
        repatriation_number: None,
        legacy_number: None,
        versions: super::version::Versions::unset(),
    }
}

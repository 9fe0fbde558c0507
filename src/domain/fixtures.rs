//! Records for the domain's unit tests.

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

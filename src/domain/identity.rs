//! One person, one record: two person records found to be the same person (the same NIK at
//! registration at two offices, or a clerk's `worker merge`) are merged by a recorded operation that
//! travels to every office. The lower uid stays, so every office that knows the same merges holds
//! the same persons; the other uid keeps naming the person (an alias). The fields are merged as two
//! copies of one record (`domain::version::merge`): blanks filled, differing values kept as
//! conflicts for a clerk, never "the stored one wins".

use super::codes::CodeList;
use super::record::{parse_uid, Timestamp};
use super::version::Versions;
use crate::error::Invalid;
use crate::i18n::Lang;

/// A uid that names a person stored here under another uid (`person_aliases`): another
/// office's uid for the same person, or a merged person's. Both are person uids, so only their
/// roles tell them apart: a newtype each, so that the two cannot be passed the wrong way round.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AliasUid<'a>(pub &'a str);

/// The person stored here that an `AliasUid` names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StoredPersonUid<'a>(pub &'a str);

code_list!(
    /// Why two person records were found to be one person.
    MergeReason, "merge reason" {
    SameNik = "SAME_NIK", "NIK sama saat pendaftaran", "Same NIK at registration";
    Clerk = "CLERK", "Digabung petugas", "Merged by a clerk";
});

crate::record! {
    /// Two person records that are one person (person_merges.csv).
    pub struct PersonMerge in "person_merges" as "person_merge", version created_at {
        uid: String => "uid" as "merge_uid" via parse_uid,
        person_uid: String => "person_uid" as "person_uid" via parse_uid,
        other_uid: String => "other_uid" as "other_uid" via parse_uid,
        reason: MergeReason => "reason" as "reason",
        note: Option<String> => "note" as "note",
        clerk: Option<String> => "clerk" as "clerk",
        office_code: String => "office_code" as "office_code",
        created_at: Timestamp => "created_at" as "created_at",
        versions: Versions => "versions" as "versions",
    }
}

/// Of two person uids found to be one person, the one that stays (the lower, at every office).
pub fn survivor<'a>(a: &'a str, b: &'a str) -> (&'a str, &'a str) {
    match a <= b {
        true => (a, b),
        false => (b, a),
    }
}

/// A person's own fields, which a merge takes from the person that stays: who created the record,
/// and when.
pub const IDENTITY_FIELDS: &[&str] = &["office_code", "created_at"];

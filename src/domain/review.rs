//! Review items: what offices' records say that a clerk must decide (docs/exchange-format.md,
//! version 2). Each follows from the shared data alone, so every office holding the same records
//! lists the same items under the same ids, and an item goes away, everywhere, when the records no
//! longer say it (a clerk chose a value, cancelled one of two placements, merged two persons...).
//! Codes and data only: `views` says them in the clerk's language.

use sha2::{Digest, Sha256};

/// What an item is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ReviewKind {
    /// One field written differently at two offices, neither knowing of the other's write.
    FieldConflict,
    /// Two open placements (registered or recommended) of one person.
    OpenPlacements,
    /// Two live documents of one kind on one placement.
    LiveDocuments,
    /// Two issued letters for one placement.
    IssuedLetters,
    /// One NIK on two persons not merged.
    NikTaken,
    /// One number on two records.
    NumberTaken,
    /// A placement's facts contradict each other (departed and cancelled...).
    Contradiction,
    /// A person's NIK disagrees with the sex, birth date or regency, and nobody accepted it.
    Warning,
    /// Two offices changed a case's status not knowing of each other's change.
    StatusClash,
    /// An office acted on a case another office closed, not knowing of the closing.
    ActedWhileClosed,
}

impl ReviewKind {
    pub const ALL: [ReviewKind; 10] = [
        ReviewKind::FieldConflict,
        ReviewKind::OpenPlacements,
        ReviewKind::LiveDocuments,
        ReviewKind::IssuedLetters,
        ReviewKind::NikTaken,
        ReviewKind::NumberTaken,
        ReviewKind::Contradiction,
        ReviewKind::Warning,
        ReviewKind::StatusClash,
        ReviewKind::ActedWhileClosed,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ReviewKind::FieldConflict => "FIELD_CONFLICT",
            ReviewKind::OpenPlacements => "OPEN_PLACEMENTS",
            ReviewKind::LiveDocuments => "LIVE_DOCUMENTS",
            ReviewKind::IssuedLetters => "ISSUED_LETTERS",
            ReviewKind::NikTaken => "NIK_TAKEN",
            ReviewKind::NumberTaken => "NUMBER_TAKEN",
            ReviewKind::Contradiction => "CONTRADICTION",
            ReviewKind::Warning => "WARNING",
            ReviewKind::StatusClash => "STATUS_CLASH",
            ReviewKind::ActedWhileClosed => "ACTED_WHILE_CLOSED",
        }
    }

    pub fn parse(code: &str) -> Option<ReviewKind> {
        let code = code.trim().to_ascii_uppercase();
        ReviewKind::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// One side of an item: a record, and what it holds that matters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Side {
    /// The record kind (`person`, `placement`...) and uid.
    pub kind: &'static str,
    pub uid: String,
    /// The value it holds (a field's value, a number, a NIK), if the item is about one.
    pub value: Option<String>,
    /// The office whose write it is, where that is known.
    pub office: Option<String>,
}

/// One review item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    pub id: String,
    pub kind: ReviewKind,
    /// The field or rule concerned (`address`, `nik`, `DEPARTED_AND_CANCELLED`, a document kind).
    pub topic: String,
    /// The current value first, where there is one.
    pub sides: Vec<Side>,
}

impl Item {
    pub fn new(kind: ReviewKind, topic: &str, sides: Vec<Side>) -> Item {
        let mut uids: Vec<&str> = sides.iter().map(|s| s.uid.as_str()).collect();
        uids.sort();
        uids.dedup();
        Item {
            id: id(kind, topic, &uids),
            kind,
            topic: topic.to_string(),
            sides,
        }
    }
}

/// `T-3F9A2C`: the same item has the same id at every office.
pub fn id(kind: ReviewKind, topic: &str, uids: &[&str]) -> String {
    let mut h = Sha256::new();
    h.update(kind.code().as_bytes());
    h.update(b"\0");
    h.update(topic.as_bytes());
    for uid in uids {
        h.update(b"\0");
        h.update(uid.as_bytes());
    }
    let digest = h.finalize();
    format!(
        "T-{}",
        digest
            .iter()
            .take(3)
            .map(|b| format!("{b:02X}"))
            .collect::<String>()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_item_has_one_id_whatever_the_order_of_its_records() {
        let side = |uid: &str| Side {
            kind: "placement",
            uid: uid.into(),
            value: None,
            office: None,
        };
        let a = Item::new(ReviewKind::OpenPlacements, "", vec![side("a"), side("b")]);
        let b = Item::new(ReviewKind::OpenPlacements, "", vec![side("b"), side("a")]);
        assert_eq!(a.id, b.id);
        assert!(a.id.starts_with("T-") && a.id.len() == 8);
        let c = Item::new(ReviewKind::LiveDocuments, "", vec![side("a"), side("b")]);
        assert_ne!(a.id, c.id);
        assert_eq!(ReviewKind::parse("nik_taken"), Some(ReviewKind::NikTaken));
    }
}

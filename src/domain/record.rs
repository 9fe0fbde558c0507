//! One declaration per record kind. `record!` writes the struct and, from the same list of fields,
//! its database columns, the mapping to and from a stored row, the exchange columns (names, order,
//! which are required, how a cell is parsed) and the fields the audit log records, so a field the
//! database, the exchange and the audit log disagree on cannot compile. A new column also needs its
//! migration, its label and, when clerks type it, its flag (ARCHITECTURE.md, "Add a column").

use std::borrow::Cow;

use chrono::{DateTime, NaiveDate, SecondsFormat, TimeDelta, Utc};

use crate::error::Invalid;
use crate::i18n::Msg;
use crate::said;

/// A stored value: what a database column holds.
#[derive(Clone, Debug, PartialEq)]
pub enum Scalar<'a> {
    Null,
    Text(Cow<'a, str>),
    Int(i64),
}

impl Scalar<'_> {
    /// As the exchange format and the audit log write it: empty for no value.
    pub fn text(&self) -> Cow<'_, str> {
        match self {
            Scalar::Null => Cow::Borrowed(""),
            Scalar::Text(t) => Cow::Borrowed(t.as_ref()),
            Scalar::Int(i) => Cow::Owned(i.to_string()),
        }
    }
}

/// A value held by one field of a record.
pub trait FieldValue: Sized {
    /// The value inside an optional field (the type a cell parser returns).
    type Inner;
    /// Whether an exchange row must give it.
    const REQUIRED: bool;
    /// A calendar date (a workbook writes it as a date cell).
    const DATE: bool = false;
    /// Stored as an integer (`Scalar::Int`), not as text.
    const INTEGER: bool = false;
    fn store(&self) -> Scalar<'_>;
    /// From the database.
    fn load(value: Scalar<'_>) -> Result<Self, Invalid>;
    /// From the trimmed text of a cell, through `parse` for a value that is present.
    fn parse_with(
        text: &str,
        parse: impl Fn(&str) -> Result<Self::Inner, Invalid>,
    ) -> Result<Self, Invalid>;
    /// From the trimmed text of a cell, as a clerk's input is parsed.
    fn parse(text: &str) -> Result<Self, Invalid>;
}

/// A value written as one piece of text, the same in the database, an exchange file and the audit log.
pub trait Text: Sized {
    /// A calendar date (a workbook writes it as a date cell).
    const DATE: bool = false;
    fn as_text(&self) -> Cow<'_, str>;
    /// Parses input (a flag, a prompt, a cell): the lenient parser clerks get everywhere.
    fn parse_text(text: &str) -> Result<Self, Invalid>;
    /// Reads a stored value (already checked when it was saved).
    fn load_text(text: &str) -> Result<Self, Invalid> {
        Self::parse_text(text)
    }
}

impl<T: Text> FieldValue for T {
    type Inner = T;
    const REQUIRED: bool = true;
    const DATE: bool = T::DATE;
    fn store(&self) -> Scalar<'_> {
        Scalar::Text(self.as_text())
    }
    fn load(value: Scalar<'_>) -> Result<Self, Invalid> {
        match value {
            Scalar::Text(text) => T::load_text(&text),
            Scalar::Int(i) => T::load_text(&i.to_string()),
            Scalar::Null => Err(Invalid(said!(Msg::ImportValueRequired))),
        }
    }
    fn parse_with(text: &str, parse: impl Fn(&str) -> Result<T, Invalid>) -> Result<Self, Invalid> {
        if text.is_empty() {
            return Err(Invalid(said!(Msg::ImportValueRequired)));
        }
        parse(text)
    }
    fn parse(text: &str) -> Result<Self, Invalid> {
        Self::parse_with(text, T::parse_text)
    }
}

impl<T: Text> FieldValue for Option<T> {
    type Inner = T;
    const REQUIRED: bool = false;
    const DATE: bool = T::DATE;
    fn store(&self) -> Scalar<'_> {
        match self {
            Some(value) => Scalar::Text(value.as_text()),
            None => Scalar::Null,
        }
    }
    fn load(value: Scalar<'_>) -> Result<Self, Invalid> {
        match value {
            Scalar::Null => Ok(None),
            Scalar::Text(text) if text.is_empty() => Ok(None),
            other => T::load(other).map(Some),
        }
    }
    fn parse_with(text: &str, parse: impl Fn(&str) -> Result<T, Invalid>) -> Result<Self, Invalid> {
        if text.is_empty() {
            return Ok(None);
        }
        parse(text).map(Some)
    }
    fn parse(text: &str) -> Result<Self, Invalid> {
        Self::parse_with(text, T::parse_text)
    }
}

/// Counters kept by this office only (reprints).
impl FieldValue for i64 {
    type Inner = i64;
    const REQUIRED: bool = false;
    const INTEGER: bool = true;
    fn store(&self) -> Scalar<'_> {
        Scalar::Int(*self)
    }
    fn load(value: Scalar<'_>) -> Result<Self, Invalid> {
        match value {
            Scalar::Int(i) => Ok(i),
            Scalar::Null => Ok(0),
            Scalar::Text(t) => t.parse().map_err(|_| Invalid(said!(Msg::NumberInvalid, t))),
        }
    }
    fn parse_with(
        text: &str,
        parse: impl Fn(&str) -> Result<i64, Invalid>,
    ) -> Result<i64, Invalid> {
        if text.is_empty() {
            return Ok(0);
        }
        parse(text)
    }
    fn parse(text: &str) -> Result<Self, Invalid> {
        Self::parse_with(text, |t| {
            t.parse().map_err(|_| Invalid(said!(Msg::NumberInvalid, t)))
        })
    }
}

/// Flags kept by this office only (a case event's `contacted`).
impl FieldValue for bool {
    type Inner = bool;
    const REQUIRED: bool = false;
    const INTEGER: bool = true;
    fn store(&self) -> Scalar<'_> {
        Scalar::Int(*self as i64)
    }
    fn load(value: Scalar<'_>) -> Result<Self, Invalid> {
        Ok(i64::load(value)? != 0)
    }
    fn parse_with(
        text: &str,
        parse: impl Fn(&str) -> Result<bool, Invalid>,
    ) -> Result<bool, Invalid> {
        if text.is_empty() {
            return Ok(false);
        }
        parse(text)
    }
    fn parse(text: &str) -> Result<Self, Invalid> {
        Self::parse_with(text, |t| {
            Ok(matches!(t, "1" | "true" | "TRUE" | "ya" | "yes"))
        })
    }
}

/// Free text: one line, no control characters (notes use `parse_note` instead).
impl Text for String {
    fn as_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(self)
    }
    fn parse_text(text: &str) -> Result<Self, Invalid> {
        crate::domain::text::parse_line(text)
    }
    fn load_text(text: &str) -> Result<Self, Invalid> {
        Ok(text.to_string())
    }
}

/// Dates are stored as `YYYY-MM-DD`; input may also be day first.
impl Text for NaiveDate {
    const DATE: bool = true;
    fn as_text(&self) -> Cow<'_, str> {
        Cow::Owned(iso_date(*self))
    }
    fn parse_text(text: &str) -> Result<Self, Invalid> {
        // The stored form, the common case of every import, without the general parser.
        iso_date_parse(text).map_or_else(|| crate::domain::date::parse_date(text), Ok)
    }
}

/// `YYYY-MM-DD`, written by hand: `format` is slow for the millions of dates of a bulk load.
fn iso_date(date: NaiveDate) -> String {
    use chrono::Datelike;
    let (y, m, d) = (date.year(), date.month(), date.day());
    if !(0..=9999).contains(&y) {
        return date.format("%Y-%m-%d").to_string();
    }
    let digits = [
        b'0' + (y / 1000) as u8,
        b'0' + (y / 100 % 10) as u8,
        b'0' + (y / 10 % 10) as u8,
        b'0' + (y % 10) as u8,
        b'-',
        b'0' + (m / 10) as u8,
        b'0' + (m % 10) as u8,
        b'-',
        b'0' + (d / 10) as u8,
        b'0' + (d % 10) as u8,
    ];
    String::from_utf8(digits.to_vec()).unwrap_or_default()
}

/// Exactly `YYYY-MM-DD` with a date that exists, else `None`.
fn iso_date_parse(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        b[range].iter().try_fold(0u32, |n, c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    NaiveDate::from_ymd_opt(number(0..4)? as i32, number(5..7)?, number(8..10)?)
}

/// A moment in UTC with milliseconds (`2023-11-08T09:30:00.123Z`): the only form stored, so that
/// comparing the text compares the moments. Input may be any RFC 3339 time, whole seconds included.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(String);

impl Timestamp {
    /// The stored form of a moment. Never a form that would not read back: a moment past the
    /// last one of year 9999 (only `after` a stamp at the very end could get there; the clock
    /// refuses later years) is held at that last millisecond.
    pub fn from_datetime(moment: DateTime<Utc>) -> Timestamp {
        let last = NaiveDate::from_ymd_opt(9999, 12, 31)
            .and_then(|d| d.and_hms_milli_opt(23, 59, 59, 999))
            .map(|t| t.and_utc());
        let moment = match last {
            Some(last) if moment > last => last,
            _ => moment,
        };
        Timestamp(moment.to_rfc3339_opts(SecondsFormat::Millis, true))
    }

    pub fn parse(text: &str) -> Result<Timestamp, Invalid> {
        if Timestamp::canonical(text) {
            return Ok(Timestamp(text.to_string()));
        }
        DateTime::parse_from_rfc3339(text.trim())
            .map(|t| Timestamp::from_datetime(t.with_timezone(&Utc)))
            .map_err(|_| Invalid(said!(Msg::TimestampInvalid, text.trim())))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Already `YYYY-MM-DDTHH:MM:SS.mmmZ` with a date and time that exist: kept as it is.
    fn canonical(text: &str) -> bool {
        let b = text.as_bytes();
        if b.len() != 24 || b[10] != b'T' || b[19] != b'.' || b[23] != b'Z' {
            return false;
        }
        let digits = |range: std::ops::Range<usize>| -> Option<u32> {
            b[range].iter().try_fold(0u32, |n, c| {
                c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
            })
        };
        let time = (|| {
            let ok = b[13] == b':' && b[16] == b':';
            Some(
                ok && digits(11..13)? < 24
                    && digits(14..16)? < 60
                    && digits(17..19)? < 60
                    && digits(20..23).is_some(),
            )
        })();
        iso_date_parse(&text[..10]).is_some() && time == Some(true)
    }

    pub fn moment(&self) -> Option<DateTime<Utc>> {
        DateTime::parse_from_rfc3339(&self.0)
            .ok()
            .map(|t| t.with_timezone(&Utc))
    }

    /// The stamp of a change made now to a record last stamped `previous`: the later of now and
    /// `previous` plus one millisecond, so a record's `updated_at` never goes backwards even when
    /// this office's clock is behind the one that stamped it (a hybrid logical clock).
    pub fn after(now: DateTime<Utc>, previous: &Timestamp) -> Timestamp {
        match previous.moment() {
            Some(before) if before + TimeDelta::milliseconds(1) > now => {
                Timestamp::from_datetime(before + TimeDelta::milliseconds(1))
            }
            _ => Timestamp::from_datetime(now),
        }
    }
}

impl std::fmt::Display for Timestamp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl Text for Timestamp {
    fn as_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(&self.0)
    }
    fn parse_text(text: &str) -> Result<Self, Invalid> {
        Timestamp::parse(text)
    }
}

/// Validated values written as their canonical text.
macro_rules! text_by_str {
    ($($t:ty),+) => {$(
        impl Text for $t {
            fn as_text(&self) -> Cow<'_, str> {
                Cow::Borrowed(self.as_str())
            }
            fn parse_text(text: &str) -> Result<Self, Invalid> {
                text.parse()
            }
        }
    )+};
}
text_by_str!(
    crate::domain::Nik,
    crate::domain::RegencyCode,
    crate::domain::CountryCode
);

/// A record's uid: a UUID, stored in lower case.
pub fn parse_uid(text: &str) -> Result<String, Invalid> {
    uuid::Uuid::parse_str(text.trim())
        .map(|u| u.to_string())
        .map_err(|_| Invalid(said!(Msg::UidInvalid, text.trim())))
}

/// How offices merge a column (docs/exchange-format.md, version 2).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Merge {
    /// The record's uid.
    Key,
    /// A field clerks write: each write has a version, the greatest wins everywhere, a concurrent
    /// loser is kept (`domain::version`).
    Register,
    /// Computed from other fields by a domain rule (a placement's stage, a letter's status).
    Derived,
    /// The latest moment of any write (`updated_at`): the greater of the two.
    Latest,
    /// The record's versions themselves.
    Versions,
    /// A set of versions that only grows (what a case event had seen): the union of both copies,
    /// never a conflict.
    Union,
    /// Kept by this office only.
    Local,
}

impl Merge {
    /// The class a column gets when its declaration does not say: the uid is the key, the version
    /// column the latest, `versions` the versions, any other exchanged column a register.
    pub const fn of(field: &str, exchanged: bool, version: &str, given: Option<&str>) -> Merge {
        if let Some(given) = given {
            if eq(given, "derived") {
                return Merge::Derived;
            }
            if eq(given, "union") {
                return Merge::Union;
            }
        }
        if !exchanged {
            Merge::Local
        } else if eq(field, "uid") {
            Merge::Key
        } else if eq(field, version) {
            Merge::Latest
        } else if eq(field, "versions") {
            Merge::Versions
        } else {
            Merge::Register
        }
    }
}

const fn eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// One column of a record kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Column {
    /// In the database.
    pub name: &'static str,
    /// In the exchange format; `None` for what only this office records.
    pub exchange: Option<&'static str>,
    /// An exchange row must give a value.
    pub required: bool,
    /// Holds a calendar date (`YYYY-MM-DD`).
    pub date: bool,
    /// Stored as an integer, not as text.
    pub integer: bool,
    /// How offices merge it.
    pub merge: Merge,
}

/// Where a value failed: the exchange column (or database column) and why.
pub type FieldError = (&'static str, Invalid);

/// What every record kind offers, generated by `record!`.
pub trait Record: Clone + Sized {
    /// The database table.
    const TABLE: &'static str;
    /// The record kind as the audit log names it (`person`, `placement`...).
    const KIND: &'static str;
    /// `KIND` as the audit log's vocabulary.
    fn record_kind() -> crate::domain::audit::RecordKind {
        crate::domain::audit::RecordKind::from(Self::KIND)
    }
    /// The column holding `version()`.
    const VERSION: &'static str;
    /// Every column, database order = declaration order.
    fn columns() -> &'static [Column];
    /// The values, in the order of `columns()`.
    fn values(&self) -> Vec<Scalar<'_>>;
    /// From stored values given in the order of `columns()`.
    fn from_values<'v>(
        values: impl FnMut(usize) -> Result<Scalar<'v>, Invalid>,
    ) -> Result<Self, FieldError>;
    /// From an exchange row: `cell` gives a column's trimmed text ("" when absent), and every
    /// value that does not parse is reported; local-only fields start empty.
    fn from_exchange<'c>(
        cell: impl Fn(&'static str) -> &'c str,
        errors: &mut Vec<FieldError>,
    ) -> Option<Self>;
    /// Sets a column from a clerk's text (a flag, a prompt) through the parser its exchange cells
    /// are read with, so a correction accepts exactly what an import would (an address its line
    /// breaks). `Ok(false)` for a column the record has not.
    fn set_text(&mut self, column: &str, text: &str) -> Result<bool, Invalid>;
    /// Copies from `stored` what only this office records, when another office's version replaces it.
    fn keep_local(&mut self, stored: &Self);
    fn uid(&self) -> &str;
    /// What orders two versions of the record (`updated_at`; `created_at` for what never changes).
    fn version(&self) -> &Timestamp;
    fn set_version(&mut self, version: Timestamp);
    /// Every field as `(column, text)`, as the audit log records a version of the record.
    fn fields(&self) -> Vec<(&'static str, String)> {
        fields(self)
    }
    /// The words the record is found by (a person's name), kept in a full-text index.
    fn words(&self) -> Option<String> {
        None
    }
    /// Columns the database derives from the record (e.g. a search key), stored alongside.
    fn derived(&self) -> Vec<(&'static str, Scalar<'_>)> {
        Vec::new()
    }
    /// Before a clerk's command saves the record: what saving it here means (a person's warnings,
    /// confirmed by the command, become accepted ones that travel with it).
    fn on_save(&mut self, _clerk: &str, _at: &Timestamp) {}
}

/// The exchange columns of a kind, in order.
pub fn exchange_columns<R: Record>() -> impl Iterator<Item = &'static Column> {
    R::columns().iter().filter(|c| c.exchange.is_some())
}

/// The exchange names of the fields offices write and merge (`Merge::Register`), in order.
pub fn registers<R: Record>() -> Vec<&'static str> {
    R::columns()
        .iter()
        .filter(|c| c.merge == Merge::Register)
        .filter_map(|c| c.exchange)
        .collect()
}

/// Every field as `(column, text)`, as the audit log records a version of the record.
pub fn fields<R: Record>(record: &R) -> Vec<(&'static str, String)> {
    R::columns()
        .iter()
        .zip(record.values())
        .map(|(c, v)| (c.name, v.text().into_owned()))
        .collect()
}

/// The exchange fields as `(exchange column, text)`, in the exchange order.
pub fn exchange_fields<R: Record>(record: &R) -> Vec<(&'static str, String)> {
    R::columns()
        .iter()
        .zip(record.values())
        .filter_map(|(c, v)| c.exchange.map(|e| (e, v.text().into_owned())))
        .collect()
}

/// Declares a record kind: the struct and its `Record` implementation.
///
/// ```text
/// record! {
///     /// doc
///     pub struct Person in "persons" as "person", version updated_at {
///         uid: String => "uid" as "person_uid",
///         full_name: String => "full_name" as "full_name" via parse_name,
///         cancel_note: Option<String> => "cancel_note",
///     }
/// }
/// ```
/// A field with `as` is exchanged under that name (required when its type is); `via` names the
/// parser of its cells; `[derived]` marks a column computed from others (see `Merge`); a field
/// without `as` is kept by this office only.
#[macro_export]
macro_rules! record {
    (
        $(#[$meta:meta])*
        pub struct $name:ident in $table:literal as $kind:literal, version $version:ident
            $(, derived $derived:path)? $(, words $words:path)? $(, on_save $on_save:path)? {
            $(
                $(#[$fmeta:meta])*
                $field:ident : $ty:ty => $column:literal $(as $exchange:literal)? $(via $parser:path)?
                    $([$class:ident])?
            ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq)]
        pub struct $name {
            $( $(#[$fmeta])* pub $field: $ty, )+
        }

        impl $crate::domain::record::Record for $name {
            const TABLE: &'static str = $table;
            const KIND: &'static str = $kind;
            const VERSION: &'static str = stringify!($version);

            fn columns() -> &'static [$crate::domain::record::Column] {
                const COLUMNS: &[$crate::domain::record::Column] = &[$(
                    $crate::domain::record::Column {
                        name: $column,
                        exchange: $crate::record!(@exchange $($exchange)?),
                        required: <$ty as $crate::domain::record::FieldValue>::REQUIRED
                            && $crate::record!(@exchange $($exchange)?).is_some(),
                        date: <$ty as $crate::domain::record::FieldValue>::DATE,
                        integer: <$ty as $crate::domain::record::FieldValue>::INTEGER,
                        merge: $crate::domain::record::Merge::of(
                            stringify!($field),
                            $crate::record!(@exchange $($exchange)?).is_some(),
                            stringify!($version),
                            $crate::record!(@class $($class)?),
                        ),
                    },
                )+];
                COLUMNS
            }

            fn values(&self) -> Vec<$crate::domain::record::Scalar<'_>> {
                vec![$( $crate::domain::record::FieldValue::store(&self.$field), )+]
            }

            fn from_values<'v>(
                mut values: impl FnMut(usize) -> Result<$crate::domain::record::Scalar<'v>, $crate::error::Invalid>,
            ) -> Result<Self, $crate::domain::record::FieldError> {
                let mut index = 0usize;
                $(
                    let $field: $ty = values(index)
                        .and_then(<$ty as $crate::domain::record::FieldValue>::load)
                        .map_err(|e| ($column, e))?;
                    index += 1;
                )+
                let _ = index;
                Ok($name { $($field),+ })
            }

            fn from_exchange<'c>(
                cell: impl Fn(&'static str) -> &'c str,
                errors: &mut Vec<$crate::domain::record::FieldError>,
            ) -> Option<Self> {
                $(
                    let $field: Option<$ty> =
                        $crate::record!(@parse cell, errors, $ty $(, $exchange)? $(; $parser)?);
                )+
                Some($name { $($field: $field?),+ })
            }

            fn set_text(&mut self, column: &str, text: &str) -> Result<bool, $crate::error::Invalid> {
                $(
                    if column == $column {
                        self.$field = $crate::record!(@set text.trim(), $ty $(; $parser)?)?;
                        return Ok(true);
                    }
                )+
                Ok(false)
            }

            fn keep_local(&mut self, stored: &Self) {
                let _ = stored;
                $( $crate::record!(@keep self, stored, $field $(, $exchange)?); )+
            }

            fn uid(&self) -> &str {
                &self.uid
            }

            fn version(&self) -> &$crate::domain::record::Timestamp {
                &self.$version
            }

            fn set_version(&mut self, version: $crate::domain::record::Timestamp) {
                self.$version = version;
            }

            $crate::record!(@derived $($derived)?);
            $crate::record!(@words $($words)?);
            $crate::record!(@on_save $($on_save)?);
        }
    };
    (@class) => { None::<&'static str> };
    (@class $class:ident) => { Some(stringify!($class)) };
    (@exchange) => { None::<&'static str> };
    (@exchange $exchange:literal) => { Some($exchange) };
    (@parse $cell:ident, $errors:ident, $ty:ty) => { Some(<$ty as Default>::default()) };
    (@parse $cell:ident, $errors:ident, $ty:ty, $exchange:literal) => {
        match <$ty as $crate::domain::record::FieldValue>::parse($cell($exchange)) {
            Ok(v) => Some(v),
            Err(e) => { $errors.push(($exchange, e)); None }
        }
    };
    (@parse $cell:ident, $errors:ident, $ty:ty, $exchange:literal; $parser:path) => {
        match <$ty as $crate::domain::record::FieldValue>::parse_with($cell($exchange), $parser) {
            Ok(v) => Some(v),
            Err(e) => { $errors.push(($exchange, e)); None }
        }
    };
    (@set $text:expr, $ty:ty) => { <$ty as $crate::domain::record::FieldValue>::parse($text) };
    (@set $text:expr, $ty:ty; $parser:path) => {
        <$ty as $crate::domain::record::FieldValue>::parse_with($text, $parser)
    };
    (@keep $self:ident, $stored:ident, $field:ident) => { $self.$field = $stored.$field.clone() };
    (@keep $self:ident, $stored:ident, $field:ident, $exchange:literal) => {};
    (@on_save) => {};
    (@on_save $on_save:path) => {
        fn on_save(&mut self, clerk: &str, at: &$crate::domain::record::Timestamp) {
            $on_save(self, clerk, at)
        }
    };
    (@words) => {};
    (@words $words:path) => {
        fn words(&self) -> Option<String> {
            Some($words(self))
        }
    };
    (@derived) => {};
    (@derived $derived:path) => {
        fn derived(&self) -> Vec<(&'static str, $crate::domain::record::Scalar<'_>)> {
            $derived(self)
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_keep_milliseconds_in_utc_and_compare_as_text() {
        let whole = Timestamp::parse("2023-11-08T16:30:00+07:00").unwrap();
        assert_eq!(whole.as_str(), "2023-11-08T09:30:00.000Z");
        let later = Timestamp::parse("2023-11-08T09:30:00.001Z").unwrap();
        assert!(later > whole);
        assert!(Timestamp::parse("yesterday").is_err());
    }

    #[test]
    fn the_fast_paths_agree_with_the_general_parsers() {
        for text in ["2023-11-08", "2024-02-29", "0999-01-31"] {
            let d: NaiveDate = Text::parse_text(text).unwrap();
            assert_eq!(d.as_text(), text);
        }
        assert!(<NaiveDate as Text>::parse_text("2023-02-29").is_err());
        assert_eq!(
            <NaiveDate as Text>::parse_text("08-11-2023")
                .unwrap()
                .as_text(),
            "2023-11-08"
        );
        for bad in [
            "2023-11-08T24:00:00.000Z",
            "2023-11-31T00:00:00.000Z",
            "2023-11-08T09:60:00.000Z",
        ] {
            assert!(Timestamp::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(
            Timestamp::parse("2023-11-08T09:30:00.123Z")
                .unwrap()
                .as_str(),
            "2023-11-08T09:30:00.123Z"
        );
    }

    #[test]
    fn a_change_never_stamps_before_the_stored_version() {
        let stored = Timestamp::parse("2030-01-01T00:00:00Z").unwrap();
        let now = "2023-11-08T09:30:00Z".parse::<DateTime<Utc>>().unwrap();
        assert_eq!(
            Timestamp::after(now, &stored).as_str(),
            "2030-01-01T00:00:00.001Z",
            "a clock behind the stored version moves one millisecond past it"
        );
        let old = Timestamp::parse("2020-01-01T00:00:00Z").unwrap();
        assert_eq!(
            Timestamp::after(now, &old).as_str(),
            "2023-11-08T09:30:00.000Z"
        );
        let same = Timestamp::from_datetime(now);
        assert_eq!(
            Timestamp::after(now, &same).as_str(),
            "2023-11-08T09:30:00.001Z",
            "two changes in the same millisecond still order"
        );
    }
}

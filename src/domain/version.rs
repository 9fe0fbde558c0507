//! Versions of shared records, for offices that converge (docs/exchange-format.md, version 2): every
//! database is a *site*; every write a clerk makes to a shared field is a *dot* (the site and its
//! logical counter); a record keeps, per field, the writes no later write has superseded, and a
//! *context* of every write it has seen. Merging two copies of a record keeps each side's writes that
//! the other side has not seen, and the outcome is the same whatever the order of arrival: for one
//! field the greatest dot wins everywhere, and a concurrent loser is kept (a conflict) until a clerk
//! writes the field again. Pure: no clock, no database; the commands and the importer call it.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use crate::error::Invalid;
use crate::i18n::Msg;
use crate::said;

/// A database's site id: 64 random bits, written as 16 lower-case hex digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Site(pub u64);

impl Site {
    pub fn parse(text: &str) -> Result<Site, Invalid> {
        let t = text.trim();
        if t.len() != 16 || !t.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(Invalid(said!(
                Msg::SiteInvalid,
                crate::exchange::read::quoted(t)
            )));
        }
        u64::from_str_radix(t, 16)
            .map(Site)
            .map_err(|_| Invalid(said!(Msg::SiteInvalid, t)))
    }

    /// A new random site id (never 0).
    pub fn random() -> Site {
        let mut bytes = [0u8; 8];
        let _ = getrandom::fill(&mut bytes);
        Site(u64::from_le_bytes(bytes).max(1))
    }

    /// The site that stands, at every office, for the writes an office made before version 2 to
    /// the records other offices had received from it (each office upgraded them without knowing
    /// that office's site): the same for one office code everywhere, held by no database.
    pub fn legacy(office_code: &str) -> Site {
        use sha2::{Digest, Sha256};
        let hash = Sha256::digest(format!("pmi-desk version 1 office {office_code}"));
        let mut bytes = [0u8; 8];
        bytes.copy_from_slice(&hash[..8]);
        Site(u64::from_be_bytes(bytes).max(1))
    }

    /// The first eight digits, for people: enough to tell sites apart on a screen.
    pub fn short(&self) -> String {
        self.to_string()[..8].to_string()
    }
}

impl fmt::Display for Site {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:016x}", self.0)
    }
}

/// The largest counter accepted from another office: far beyond any real history, far below where
/// a counter could overflow.
pub const COUNTER_LIMIT: i64 = 1 << 53;

/// The furthest another office's counter moves this office's own: a trillion writes, beyond any
/// real history. A row claiming a greater counter is taken (its writes win where they are
/// concurrent, the same everywhere) but leaves this office room for its own writes: they still
/// supersede what they have seen, by their context, whatever their counter.
pub const RAISE_LIMIT: i64 = 1 << 40;

/// One write: the site that made it and that site's logical counter when it did. Dots are ordered
/// by counter, then site: the greater dot wins a field, the same at every office.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Dot {
    pub counter: i64,
    pub site: Site,
}

impl Ord for Dot {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.counter, self.site).cmp(&(other.counter, other.site))
    }
}

impl PartialOrd for Dot {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Dot {
    pub fn new(site: Site, counter: i64) -> Dot {
        Dot { counter, site }
    }

    /// `7f3a9c2e1b4d5a60.17`
    pub fn parse(text: &str) -> Result<Dot, Invalid> {
        let bad = || {
            Invalid(said!(
                Msg::VersionsInvalid,
                crate::exchange::read::quoted(text)
            ))
        };
        let (site, counter) = text.split_once('.').ok_or_else(bad)?;
        let site = Site::parse(site).map_err(|_| bad())?;
        if counter.is_empty() || counter.len() > 16 || !counter.bytes().all(|b| b.is_ascii_digit())
        {
            return Err(bad());
        }
        let counter: i64 = counter.parse().map_err(|_| bad())?;
        if !(1..=COUNTER_LIMIT).contains(&counter) {
            return Err(bad());
        }
        Ok(Dot { counter, site })
    }
}

impl fmt::Display for Dot {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.site, self.counter)
    }
}

/// What a copy of a record has seen: the exact set of writes (dots). Not a per-site maximum: when
/// two records of one person are merged, each brings what it had seen of its own history, and a
/// site's writes to one record say nothing of its writes to the other.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Context(pub BTreeSet<Dot>);

impl Context {
    pub fn knows(&self, dot: Dot) -> bool {
        self.0.contains(&dot)
    }

    pub fn add(&mut self, dot: Dot) {
        self.0.insert(dot);
    }

    pub fn join(&mut self, other: &Context) {
        self.0.extend(other.0.iter().copied());
    }

    /// The greatest counter seen, if any.
    pub fn max_counter(&self) -> Option<i64> {
        self.0.iter().map(|d| d.counter).max()
    }

    /// `a1b2c3d4e5f60718.5 0c1d2e3f4a5b6c7d.9` (oldest first): how a case event says what it saw.
    pub fn to_text(&self) -> String {
        self.0
            .iter()
            .map(|d| d.to_string())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// As read from another office: at most `VERSIONS_LIMIT` bytes.
    pub fn parse(text: &str) -> Result<Context, Invalid> {
        Context::parse_within(text, VERSIONS_LIMIT)
    }

    /// As stored here, whatever its length (merges may grow it past what a folder may carry).
    pub fn load(text: &str) -> Result<Context, Invalid> {
        Context::parse_within(text, usize::MAX)
    }

    fn parse_within(text: &str, limit: usize) -> Result<Context, Invalid> {
        let mut ctx = Context::default();
        if text.len() > limit {
            return Err(Invalid(said!(Msg::VersionsTooLong, VERSIONS_LIMIT)));
        }
        for part in text.split_whitespace() {
            ctx.add(Dot::parse(part)?);
        }
        Ok(ctx)
    }
}

/// The most text a record's versions may take in a folder: some forty thousand writes (a record
/// edited at a handful of offices takes a few hundred bytes). What is stored here has no limit: a
/// record that outgrew it stays readable, and its row is refused, on its own, where it arrives.
pub const VERSIONS_LIMIT: usize = 1 << 20;

/// The version state of one record as stored and exchanged (the `versions` column): the dot of its
/// creation, the dot of the winning write of each field written since, the dots of kept losing writes
/// (their values travel in `conflicts.csv`), and what the record has seen beyond those dots.
///
/// Text: `ORIGIN [FIELDS@DOT]... [~FIELD@DOT]... [+DOT]...`, e.g.
/// `7f3a9c2e1b4d5a60.17 departed_on,passport_number@7f3a9c2e1b4d5a60.45 ~phone@0c1d2e3f4a5b6c7d.44`.
/// An empty text is a record not stamped yet (a command's new record, or a row of an older folder).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Versions {
    pub origin: Option<Dot>,
    /// Field -> the dot of its winning write, where it is not the origin.
    pub fields: BTreeMap<String, Dot>,
    /// Field -> the dots of its kept losing writes, greatest first, and what each holds.
    pub losers: BTreeMap<String, Vec<(Dot, Kept)>>,
    /// Knowledge not implied by the dots above.
    pub extra: Context,
}

impl Versions {
    pub fn unset() -> Versions {
        Versions::default()
    }

    pub fn is_set(&self) -> bool {
        self.origin.is_some()
    }

    pub fn created(dot: Dot) -> Versions {
        Versions {
            origin: Some(dot),
            ..Versions::default()
        }
    }

    /// The dot of the winning write of `field`.
    pub fn dot_of(&self, field: &str) -> Option<Dot> {
        self.fields.get(field).copied().or(self.origin)
    }

    pub fn has_losers(&self) -> bool {
        self.losers
            .values()
            .flatten()
            .any(|(_, k)| *k == Kept::Value)
    }

    /// Everything this copy of the record has seen.
    pub fn context(&self) -> Context {
        let mut ctx = self.implied();
        ctx.join(&self.extra);
        ctx
    }

    /// The context the dots themselves give.
    fn implied(&self) -> Context {
        let mut ctx = Context::default();
        for dot in self
            .origin
            .iter()
            .chain(self.fields.values())
            .chain(self.losers.values().flatten().map(|(d, _)| d))
        {
            ctx.add(*dot);
        }
        ctx
    }

    /// Keeps in `extra` only what the dots do not already say.
    fn with_context(mut self, ctx: &Context) -> Versions {
        let implied = self.implied();
        self.extra = Context(ctx.0.difference(&implied.0).copied().collect());
        self
    }

    /// The greatest counter the record holds.
    pub fn max_counter(&self) -> Option<i64> {
        self.context().max_counter()
    }

    /// A clerk's write of `fields` here: each gets the dot, and its kept losers are resolved by it.
    pub fn write(&mut self, fields: &[&str], dot: Dot) {
        let ctx = self.context();
        for field in fields {
            self.losers.remove(*field);
            if Some(dot) == self.origin {
                self.fields.remove(*field);
            } else {
                self.fields.insert(field.to_string(), dot);
            }
        }
        let mut ctx = ctx;
        ctx.add(dot);
        *self = std::mem::take(self).with_context(&ctx);
    }

    /// As read from another office: at most `VERSIONS_LIMIT` bytes.
    pub fn parse(text: &str) -> Result<Versions, Invalid> {
        Versions::parse_within(text, VERSIONS_LIMIT)
    }

    /// As stored here, whatever its length.
    pub fn load(text: &str) -> Result<Versions, Invalid> {
        Versions::parse_within(text, usize::MAX)
    }

    fn parse_within(text: &str, limit: usize) -> Result<Versions, Invalid> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(Versions::unset());
        }
        if text.len() > limit {
            return Err(Invalid(said!(Msg::VersionsTooLong, VERSIONS_LIMIT)));
        }
        let bad = || {
            Invalid(said!(
                Msg::VersionsInvalid,
                crate::exchange::read::quoted(text)
            ))
        };
        let mut parts = text.split(' ');
        let origin = Dot::parse(parts.next().ok_or_else(bad)?)?;
        let mut v = Versions::created(origin);
        let mut extra = Context::default();
        for part in parts {
            if let Some(dot) = part.strip_prefix('+') {
                extra.add(Dot::parse(dot)?);
                continue;
            }
            let (loser, part) = match part.as_bytes().first() {
                Some(b'~') => (Some(Kept::Value), &part[1..]),
                Some(b'=') => (Some(Kept::Same), &part[1..]),
                Some(b'_') => (Some(Kept::Blank), &part[1..]),
                _ => (None, part),
            };
            let (names, dot) = part.rsplit_once('@').ok_or_else(bad)?;
            let dot = Dot::parse(dot)?;
            for name in names.split(',') {
                if name.is_empty()
                    || name.len() > 40
                    || !name
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
                {
                    return Err(bad());
                }
                if let Some(kept) = loser {
                    let dots = v.losers.entry(name.to_string()).or_default();
                    if !dots.iter().any(|(d, _)| *d == dot) {
                        dots.push((dot, kept));
                        dots.sort_by_key(|d| std::cmp::Reverse(d.0));
                    }
                } else {
                    v.fields.insert(name.to_string(), dot);
                }
            }
        }
        let mut ctx = v.context();
        ctx.join(&extra);
        Ok(v.with_context(&ctx))
    }
}

impl fmt::Display for Versions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Some(origin) = self.origin else {
            return Ok(());
        };
        write!(f, "{origin}")?;
        // Fields grouped by the dot of their write, oldest write first.
        let mut groups: BTreeMap<Dot, Vec<&str>> = BTreeMap::new();
        for (field, dot) in &self.fields {
            groups.entry(*dot).or_default().push(field);
        }
        for (dot, fields) in groups {
            write!(f, " {}@{dot}", fields.join(","))?;
        }
        for (field, dots) in &self.losers {
            for (dot, kept) in dots {
                let mark = match kept {
                    Kept::Value => '~',
                    Kept::Same => '=',
                    Kept::Blank => '_',
                };
                write!(f, " {mark}{field}@{dot}")?;
            }
        }
        for dot in &self.extra.0 {
            write!(f, " +{dot}")?;
        }
        Ok(())
    }
}

/// What a kept losing write holds: a value of its own (travelling in conflicts.csv), the
/// winner's value (the same written at two offices), or none.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kept {
    Value,
    Same,
    Blank,
}

/// One write of a field: its dot and the value it wrote (as exchanged; empty for none).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Write {
    pub dot: Dot,
    pub value: String,
}

/// The writes of one field that nothing has superseded: the winner, and the losers kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldState {
    pub winner: Write,
    pub losers: Vec<Write>,
}

/// A record's shared fields with their writes, and what it has seen: the form merges work on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct State {
    pub origin: Dot,
    pub fields: BTreeMap<String, FieldState>,
    pub ctx: Context,
}

/// Where a merge found concurrent writes of one field with different values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Clash {
    pub field: String,
    pub winner: Write,
    pub losers: Vec<Write>,
}

impl State {
    /// From a record's versions, the winning value of each field (`value`), and the values of its
    /// kept losers (`loser`). `None` when the versions are not set.
    pub fn of(
        versions: &Versions,
        fields: &[&str],
        value: impl Fn(&str) -> String,
        loser: impl Fn(&str, Dot) -> Option<String>,
    ) -> Option<State> {
        let origin = versions.origin?;
        let mut out = BTreeMap::new();
        for field in fields {
            let winner = Write {
                dot: versions.dot_of(field).unwrap_or(origin),
                value: value(field),
            };
            let losers = versions
                .losers
                .get(*field)
                .map(|dots| {
                    dots.iter()
                        .filter_map(|(d, kept)| {
                            let value = match kept {
                                Kept::Value => loser(field, *d)?,
                                Kept::Same => winner.value.clone(),
                                Kept::Blank => String::new(),
                            };
                            Some(Write { dot: *d, value })
                        })
                        .collect()
                })
                .unwrap_or_default();
            out.insert(field.to_string(), FieldState { winner, losers });
        }
        Some(State {
            origin,
            fields: out,
            ctx: versions.context(),
        })
    }

    /// The versions text of this state.
    pub fn versions(&self) -> Versions {
        let mut v = Versions::created(self.origin);
        for (field, s) in &self.fields {
            if s.winner.dot != self.origin {
                v.fields.insert(field.clone(), s.winner.dot);
            }
            if !s.losers.is_empty() {
                let kept = s
                    .losers
                    .iter()
                    .map(|w| {
                        let kind = if w.value.is_empty() {
                            Kept::Blank
                        } else if w.value == s.winner.value {
                            Kept::Same
                        } else {
                            Kept::Value
                        };
                        (w.dot, kind)
                    })
                    .collect();
                v.losers.insert(field.clone(), kept);
            }
        }
        v.with_context(&self.ctx)
    }

    pub fn value(&self, field: &str) -> Option<&str> {
        self.fields.get(field).map(|s| s.winner.value.as_str())
    }

    /// Fields whose kept writes hold other values than the winner's.
    pub fn clashes(&self) -> Vec<Clash> {
        self.fields
            .iter()
            .filter_map(|(f, s)| {
                let losers: Vec<Write> = s.conflicting().into_iter().cloned().collect();
                (!losers.is_empty()).then(|| Clash {
                    field: f.clone(),
                    winner: s.winner.clone(),
                    losers,
                })
            })
            .collect()
    }
}

/// Concurrent writes of one field (none has seen another): all are kept, so that one superseded
/// later brings none of the others down with it. The winner is the greatest dot among the writes
/// that hold a value (a blank never hides a value); the others are kept beside it.
fn settle(mut writes: Vec<Write>) -> FieldState {
    writes.sort_by_key(|w| std::cmp::Reverse(w.dot));
    writes.dedup_by(|a, b| a.dot == b.dot);
    let at = writes.iter().position(|w| !w.value.is_empty()).unwrap_or(0);
    let winner = writes.remove(at);
    FieldState {
        winner,
        losers: writes,
    }
}

impl FieldState {
    /// The kept writes whose value differs from the winner's: what a clerk must decide. A blank,
    /// or the same value written at two offices, is no conflict.
    pub fn conflicting(&self) -> Vec<&Write> {
        let mut out: Vec<&Write> = Vec::new();
        for w in &self.losers {
            if !w.value.is_empty()
                && w.value != self.winner.value
                && !out.iter().any(|o| o.value == w.value)
            {
                out.push(w);
            }
        }
        out
    }
}

/// The current writes of a field in one copy.
fn writes(s: &FieldState) -> impl Iterator<Item = &Write> {
    std::iter::once(&s.winner).chain(s.losers.iter())
}

/// Two copies of one record merged: for each field, every write of one copy that the other has not
/// seen is kept beside the other's (those it has seen and superseded are dropped), then `settle`
/// picks the winner. Commutative, associative and idempotent: offices that have received the same
/// writes hold the same state, in whatever order the writes arrived.
pub fn merge(a: &State, b: &State) -> State {
    let mut ctx = a.ctx.clone();
    ctx.join(&b.ctx);
    let mut fields = BTreeMap::new();
    let names: BTreeSet<&String> = a.fields.keys().chain(b.fields.keys()).collect();
    for name in names {
        let mut kept: Vec<Write> = Vec::new();
        let wa: Vec<&Write> = a
            .fields
            .get(name)
            .map(|s| writes(s).collect())
            .unwrap_or_default();
        let wb: Vec<&Write> = b
            .fields
            .get(name)
            .map(|s| writes(s).collect())
            .unwrap_or_default();
        for w in &wa {
            let in_b = wb.iter().find(|x| x.dot == w.dot);
            match in_b {
                // The same write on both sides (a value differing would be a forgery: the greater
                // text is kept, so that both sides still agree).
                Some(x) => kept.push(if x.value > w.value {
                    (*x).clone()
                } else {
                    (*w).clone()
                }),
                None if !b.ctx.knows(w.dot) => kept.push((*w).clone()),
                None => {}
            }
        }
        for w in &wb {
            if wa.iter().any(|x| x.dot == w.dot) {
                continue;
            }
            if !a.ctx.knows(w.dot) {
                kept.push((*w).clone());
            }
        }
        if kept.is_empty() {
            // Both sides superseded each other's writes of a field only one of them still holds:
            // cannot happen with whole states; keep the greater for safety.
            let mut all: Vec<Write> = wa.into_iter().chain(wb).cloned().collect();
            all.sort_by_key(|w| std::cmp::Reverse(w.dot));
            kept.push(all.remove(0));
        }
        fields.insert(name.clone(), settle(kept));
    }
    State {
        origin: a.origin.min(b.origin),
        fields,
        ctx,
    }
}

/// A clerk's write of `field` on a state: it supersedes every current write of the field.
pub fn write(state: &mut State, field: &str, value: String, dot: Dot) {
    state.ctx.add(dot);
    state.fields.insert(
        field.to_string(),
        FieldState {
            winner: Write { dot, value },
            losers: Vec::new(),
        },
    );
}

crate::record! {
    /// A write that lost a field to a concurrent write of another office, kept with its value until a
    /// clerk writes the field again (conflicts.csv). Its uid is the record's uid, the field and the
    /// write's version.
    pub struct KeptWrite in "kept_writes" as "kept_write", version at {
        uid: String => "uid" as "conflict_uid" via parse_kept_uid,
        record_kind: String => "record_kind" as "record_kind",
        record_uid: String => "record_uid" as "record_uid" via crate::domain::record::parse_uid,
        field: String => "field" as "field",
        version: DotText => "version" as "version",
        value: Option<String> => "value" as "value" via crate::domain::text::parse_note,
        /// When this office came to keep it (for people; a write's own time does not travel).
        at: crate::domain::record::Timestamp => "at",
    }
}

impl KeptWrite {
    pub fn key(record_uid: &str, field: &str, dot: Dot) -> String {
        format!("{record_uid}/{field}/{dot}")
    }
}

/// `uid/field/site.counter`, checked part by part.
fn parse_kept_uid(text: &str) -> Result<String, Invalid> {
    let bad = || {
        Invalid(said!(
            Msg::VersionsInvalid,
            crate::exchange::read::quoted(text)
        ))
    };
    let mut parts = text.trim().splitn(3, '/');
    let (Some(uid), Some(field), Some(dot)) = (parts.next(), parts.next(), parts.next()) else {
        return Err(bad());
    };
    let uid = crate::domain::record::parse_uid(uid)?;
    if field.is_empty()
        || !field
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
    {
        return Err(bad());
    }
    Ok(KeptWrite::key(&uid, field, Dot::parse(dot)?))
}

/// A dot as a field's value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DotText(pub Dot);

impl crate::domain::record::Text for DotText {
    fn as_text(&self) -> std::borrow::Cow<'_, str> {
        std::borrow::Cow::Owned(self.0.to_string())
    }
    fn parse_text(text: &str) -> Result<Self, Invalid> {
        Dot::parse(text.trim()).map(DotText)
    }
}

/// The `versions` column: never required (a row of an older folder has none: it is stamped here).
impl crate::domain::record::FieldValue for Versions {
    type Inner = Versions;
    const REQUIRED: bool = false;
    fn store(&self) -> crate::domain::record::Scalar<'_> {
        match self.origin {
            None => crate::domain::record::Scalar::Text("".into()),
            Some(_) => crate::domain::record::Scalar::Text(self.to_string().into()),
        }
    }
    fn load(value: crate::domain::record::Scalar<'_>) -> Result<Self, Invalid> {
        Versions::load(&value.text())
    }
    fn parse_with(
        text: &str,
        parse: impl Fn(&str) -> Result<Versions, Invalid>,
    ) -> Result<Self, Invalid> {
        parse(text)
    }
    fn parse(text: &str) -> Result<Self, Invalid> {
        Versions::parse(text)
    }
}

/// What a case event had seen of its case when it was recorded (`seen`), as a context.
impl crate::domain::record::FieldValue for Context {
    type Inner = Context;
    const REQUIRED: bool = false;
    fn store(&self) -> crate::domain::record::Scalar<'_> {
        match self.0.is_empty() {
            true => crate::domain::record::Scalar::Null,
            false => crate::domain::record::Scalar::Text(self.to_text().into()),
        }
    }
    fn load(value: crate::domain::record::Scalar<'_>) -> Result<Self, Invalid> {
        Context::load(&value.text())
    }
    fn parse_with(
        text: &str,
        parse: impl Fn(&str) -> Result<Context, Invalid>,
    ) -> Result<Self, Invalid> {
        parse(text)
    }
    fn parse(text: &str) -> Result<Self, Invalid> {
        Context::parse(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn site(n: u64) -> Site {
        Site(n)
    }

    fn dot(s: u64, c: i64) -> Dot {
        Dot::new(site(s), c)
    }

    fn created(s: u64, c: i64, values: &[(&str, &str)]) -> State {
        let mut ctx = Context::default();
        ctx.add(dot(s, c));
        State {
            origin: dot(s, c),
            fields: values
                .iter()
                .map(|(f, v)| {
                    (
                        f.to_string(),
                        FieldState {
                            winner: Write {
                                dot: dot(s, c),
                                value: v.to_string(),
                            },
                            losers: vec![],
                        },
                    )
                })
                .collect(),
            ctx,
        }
    }

    #[test]
    fn versions_text_round_trips() {
        let text = "00000000000000a1.17 departed_on,passport_number@00000000000000a1.45 ~phone@0000000000000b02.44 =sex@0000000000000b02.44 +0000000000000c03.50";
        let v = Versions::parse(text).unwrap();
        assert_eq!(v.to_string(), text);
        assert_eq!(v.dot_of("departed_on"), Some(dot(0xa1, 45)));
        assert_eq!(v.dot_of("full_name"), Some(dot(0xa1, 17)));
        assert!(v.context().knows(dot(0xc03, 50)));
        assert!(v.context().knows(dot(0xb02, 44)));
        // Exactly what was seen: a site's other writes are not implied by its greatest one.
        assert!(!v.context().knows(dot(0xc03, 49)));
        assert!(!v.context().knows(dot(0xa1, 20)));
        // Knowledge the dots already give is not repeated.
        let v = Versions::parse("00000000000000a1.17 +00000000000000a1.17 +00000000000000a1.10")
            .unwrap();
        assert_eq!(v.to_string(), "00000000000000a1.17 +00000000000000a1.10");
        for bad in [
            "x",
            "00000000000000a1",
            "00000000000000a1.0",
            "00000000000000A1.5 nik@",
            "00000000000000a1.5 NIK@00000000000000a1.6",
            "00000000000000a1.99999999999999999",
        ] {
            assert!(Versions::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn edits_of_different_fields_both_survive() {
        let base = created(1, 5, &[("address", "Jl. A"), ("phone", "0811")]);
        let mut province = base.clone();
        write(&mut province, "address", "Jl. B".into(), dot(2, 9));
        let mut regency = base.clone();
        write(&mut regency, "phone", "0822".into(), dot(1, 7));
        let m = merge(&province, &regency);
        assert_eq!(m.value("address"), Some("Jl. B"));
        assert_eq!(m.value("phone"), Some("0822"));
        assert!(m.clashes().is_empty());
        assert_eq!(m, merge(&regency, &province));
    }

    #[test]
    fn one_field_edited_at_two_offices_keeps_the_loser() {
        let base = created(1, 5, &[("address", "Jl. A")]);
        let mut a = base.clone();
        write(&mut a, "address", "Jl. B".into(), dot(2, 9));
        let mut b = base.clone();
        write(&mut b, "address", "Jl. C".into(), dot(3, 9));
        let m = merge(&a, &b);
        assert_eq!(
            m.value("address"),
            Some("Jl. C"),
            "same counter: the greater site"
        );
        assert_eq!(m.clashes()[0].losers[0].value, "Jl. B");
        // A clerk's new write resolves it, and the resolution wins at an office that kept a side.
        let mut resolved = m.clone();
        write(&mut resolved, "address", "Jl. B".into(), dot(1, 12));
        assert!(resolved.clashes().is_empty());
        assert_eq!(merge(&a, &resolved), resolved);
        assert_eq!(merge(&resolved, &b), resolved);
    }

    #[test]
    fn a_later_edit_supersedes_without_conflict() {
        let base = created(1, 5, &[("phone", "0811")]);
        let mut a = base.clone();
        write(&mut a, "phone", "0822".into(), dot(1, 6));
        let mut b = a.clone();
        write(&mut b, "phone", "0833".into(), dot(2, 7));
        assert_eq!(merge(&a, &b), b);
        assert_eq!(merge(&base, &b), b);
    }

    #[test]
    fn a_blank_is_filled_and_equal_values_are_one() {
        let a = created(1, 5, &[("phone", ""), ("nik", "1371")]);
        let b = created(2, 3, &[("phone", "0811"), ("nik", "1371")]);
        let m = merge(&a, &b);
        assert_eq!(m.value("phone"), Some("0811"));
        assert!(m.clashes().is_empty());
        assert_eq!(m.origin, dot(2, 3));
        // Both writes are kept: a later write that has seen only one of them leaves the other.
        let mut later = a.clone();
        write(&mut later, "nik", "1372".into(), dot(1, 8));
        let m2 = merge(&m, &later);
        assert_eq!(m2.value("nik"), Some("1372"));
        assert_eq!(m2.clashes()[0].losers[0].value, "1371");
    }

    #[test]
    fn versions_grown_past_the_folder_limit_stay_readable_here_but_not_from_a_folder() {
        let mut v = Versions::created(dot(1, 1));
        // Each seen write takes some 22 characters: 60 000 of them are past the limit.
        for n in 2..60_000i64 {
            v.extra.add(dot(n as u64 % 7 + 2, n));
        }
        v.write(&["phone"], dot(1, 60_000));
        let text = v.to_string();
        assert!(text.len() > VERSIONS_LIMIT);
        assert_eq!(Versions::load(&text).unwrap(), v);
        assert!(Versions::parse(&text).is_err());
    }

    #[test]
    fn two_records_of_one_person_merged_keep_each_others_writes() {
        // The survivor's name was written at site 1 (counter 9); the other record was edited at
        // site 1 much later (counter 23), of another field. Its context says nothing of the
        // survivor's write: the name stays.
        let mut survivor = created(1, 3, &[("full_name", "Siti"), ("phone", "")]);
        write(&mut survivor, "full_name", "Siti Rahmah".into(), dot(1, 9));
        let mut other = created(2, 4, &[("full_name", "Andi"), ("phone", "")]);
        write(&mut other, "phone", "0811".into(), dot(1, 23));
        let m = merge(&survivor, &other);
        assert!(
            writes(&m.fields["full_name"]).any(|w| w.value == "Siti Rahmah"),
            "{m:?}"
        );
        assert_eq!(m.value("phone"), Some("0811"));
        assert_eq!(m, merge(&other, &survivor));
    }

    /// Random histories: sites write random fields on copies that have seen random parts of each
    /// other; every order of merging gives one state.
    fn arbitrary_states() -> impl Strategy<Value = Vec<State>> {
        let ops = proptest::collection::vec((0u64..4, 0usize..3, 0usize..4, 0usize..4), 1..25);
        ops.prop_map(|ops| {
            let fields = ["a", "b", "c"];
            let values = ["", "x", "y", "z"];
            let mut copies: Vec<State> =
                vec![created(9, 1, &[("a", "x"), ("b", ""), ("c", "y")]); 4];
            let mut counter = 1;
            for (who, field, value, from) in ops {
                counter += 1;
                let w = who as usize;
                if from != w && counter % 3 == 0 {
                    copies[w] = merge(&copies[w], &copies[from]);
                } else {
                    let c = counter.max(copies[w].ctx.max_counter().unwrap_or(0) + 1);
                    write(
                        &mut copies[w],
                        fields[field],
                        values[value].into(),
                        dot(who + 1, c),
                    );
                }
            }
            copies
        })
    }

    proptest! {
        #[test]
        fn merging_converges_in_any_order(copies in arbitrary_states()) {
            let [a, b, c, d] = <[State; 4]>::try_from(copies).unwrap();
            let left = merge(&merge(&merge(&a, &b), &c), &d);
            let right = merge(&d, &merge(&c, &merge(&b, &a)));
            let mixed = merge(&merge(&b, &d), &merge(&c, &a));
            prop_assert_eq!(&left, &right);
            prop_assert_eq!(&left, &mixed);
            prop_assert_eq!(merge(&left, &a), left.clone(), "idempotent");
            // The text form carries the whole state.
            let v = left.versions();
            let back = Versions::parse(&v.to_string()).unwrap();
            prop_assert_eq!(back.context(), left.ctx.clone());
        }
    }
}

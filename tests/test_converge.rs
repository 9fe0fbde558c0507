//! Offices that converge (docs/exchange-format.md, version 2), proved by simulation: two regencies,
//! a province and the centre work at random with every writing command, and send each other
//! folders that arrive late, twice, out of order, or never (and are sent again as a full folder at
//! the end). After a final full exchange:
//!
//! - every office's exports of the shared records are byte-identical (convergence);
//! - every value a clerk typed for a shared field is the current value, or kept as the losing side
//!   of a conflict, or was replaced by a clerk at an office that had it before them (nothing
//!   typed is lost);
//! - no import was refused, and no row of another office was (never blocked by another office).
//!
//! `cargo test` runs a fixed set of seeds; `scripts/converge.sh` runs many more, longer.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use crate::util::Office;

const OFFICES: [&str; 4] = ["AGAM", "PADANG", "BP3MI-SB", "BP2MI"];
const NOW: &str = "2026-11-09T10:00:00Z";

/// xorshift64*: a small reproducible generator.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// A value a clerk typed: the record (its uid), the field, the value.
#[derive(Clone, Debug)]
struct Typed {
    uid: String,
    field: &'static str,
    value: String,
}

struct Sim {
    rng: Rng,
    offices: Vec<Office>,
    /// Every NIK registered anywhere.
    niks: Vec<String>,
    serial: u32,
    typed: Vec<Typed>,
    /// (record uid, field, value) that an office held (as current or kept) when a clerk there
    /// wrote the field again: replaced knowingly.
    seen_replaced: BTreeSet<(String, &'static str, String)>,
    /// Folders waiting to be delivered: (to office, folder, nights late).
    mail: Vec<(usize, PathBuf, u32)>,
    folder: u32,
    imports: usize,
}

fn run(office: &Office, args: &[&str]) -> crate::util::Run {
    let run = office.run_with(args, &[("PMI_DESK_NOW", NOW)]);
    // A correction to the value already there changes nothing (a usage error, and no harm).
    let same = run.code == 2 && run.stderr.contains("Nothing changed: ");
    assert!(
        [0, 1, 4].contains(&run.code) || same,
        "{args:?} exit {}:\n{}\n{}",
        run.code,
        run.stdout,
        run.stderr
    );
    run
}

/// The record a person's field belongs to at an office (the person, or its latest placement for
/// a placement's field), by the person's NIK there.
fn record_of(office: &Office, nik: &str, field: &str) -> Option<String> {
    let conn = rusqlite::Connection::open(&office.db).unwrap();
    let sql = match field {
        // As `worker edit NIK` finds it: the first person holding the NIK, its latest placement.
        "occupation" => {
            "SELECT p.uid FROM placements p
             WHERE p.person_uid = (SELECT uid FROM persons WHERE nik = ?1 ORDER BY rowid LIMIT 1)
             ORDER BY p.registered_on DESC, p.created_at DESC, p.uid LIMIT 1"
        }
        _ => "SELECT uid FROM persons WHERE nik = ?1 ORDER BY rowid LIMIT 1",
    };
    conn.query_row(sql, [nik], |r| r.get(0)).ok()
}

/// The current value of a record's field, and the values kept for it, at an office (a merged
/// person's uid followed to the person that stays).
fn held(office: &Office, uid: &str, field: &str) -> Vec<String> {
    let conn = rusqlite::Connection::open(&office.db).unwrap();
    let uid: String = conn
        .query_row(
            "SELECT person_uid FROM person_aliases WHERE alias_uid = ?1",
            [uid],
            |r| r.get(0),
        )
        .unwrap_or_else(|_| uid.to_string());
    let table = match field {
        "occupation" => "placements",
        _ => "persons",
    };
    let mut out: Vec<String> = conn
        .query_row(
            &format!("SELECT CAST({field} AS TEXT) FROM {table} WHERE uid = ?1"),
            [&uid],
            |r| r.get::<_, Option<String>>(0),
        )
        .ok()
        .flatten()
        .into_iter()
        .collect();
    let mut stmt = conn
        .prepare("SELECT value FROM kept_writes WHERE record_uid = ?1 AND field = ?2")
        .unwrap();
    out.extend(
        stmt.query_map(rusqlite::params![uid, field], |r| r.get::<_, String>(0))
            .unwrap()
            .map(Result::unwrap),
    );
    out
}

/// A person's uid as an office names it now (merged persons followed).
fn canonical(office: &Office, uid: &str) -> String {
    let conn = rusqlite::Connection::open(&office.db).unwrap();
    conn.query_row(
        "SELECT person_uid FROM person_aliases WHERE alias_uid = ?1",
        [uid],
        |r| r.get(0),
    )
    .unwrap_or_else(|_| uid.to_string())
}

/// NIKs an office holds.
fn niks_at(office: &Office) -> Vec<String> {
    let conn = rusqlite::Connection::open(&office.db).unwrap();
    let mut stmt = conn
        .prepare("SELECT nik FROM persons WHERE nik IS NOT NULL ORDER BY nik")
        .unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

/// Registration numbers (or uids) of an office's placements, with the NIK of their person.
fn placements_at(office: &Office) -> Vec<(String, String)> {
    let conn = rusqlite::Connection::open(&office.db).unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT p.uid, e.nik FROM placements p JOIN persons e ON e.uid = p.person_uid
             WHERE e.nik IS NOT NULL ORDER BY p.uid",
        )
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

fn cases_at(office: &Office) -> Vec<String> {
    let conn = rusqlite::Connection::open(&office.db).unwrap();
    let mut stmt = conn.prepare("SELECT uid FROM cases ORDER BY uid").unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

fn letters_at(office: &Office) -> Vec<String> {
    let conn = rusqlite::Connection::open(&office.db).unwrap();
    let mut stmt = conn
        .prepare("SELECT uid FROM recommendations WHERE letter_number IS NOT NULL ORDER BY uid")
        .unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

impl Sim {
    fn new(seed: u64) -> Sim {
        Sim {
            rng: Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1),
            offices: OFFICES.iter().map(|c| Office::with_code(c)).collect(),
            niks: Vec::new(),
            serial: 0,
            typed: Vec::new(),
            seen_replaced: BTreeSet::new(),
            mail: Vec::new(),
            folder: 0,
            imports: 0,
        }
    }

    fn type_value(
        &mut self,
        at: usize,
        nik: &str,
        field: &'static str,
        value: String,
        args: &[&str],
    ) {
        let Some(uid) = record_of(&self.offices[at], nik, field) else {
            return;
        };
        // What the office held before the clerk wrote: replaced knowingly.
        for v in held(&self.offices[at], &uid, field) {
            self.seen_replaced
                .insert((canonical(&self.offices[at], &uid), field, v));
        }
        let run = run(&self.offices[at], args);
        if run.code == 0 {
            self.typed.push(Typed {
                uid: canonical(&self.offices[at], &uid),
                field,
                value,
            });
        }
    }

    fn register(&mut self, at: usize) {
        // Often a person registered elsewhere registers here too (the same NIK), sometimes
        // spelled differently.
        let reuse = !self.niks.is_empty() && self.rng.chance(30);
        let nik = match reuse {
            true => self.rng.pick(&self.niks).clone(),
            false => {
                self.serial += 1;
                let nik = format!("1371021508{:02}{:04}", 90, self.serial);
                self.niks.push(nik.clone());
                nik
            }
        };
        let name = format!(
            "{} {}",
            self.rng.pick(&["Budi", "Siti", "Rina", "Andi", "Dewi"]),
            self.rng.pick(&["Santoso", "Rahmah", "Saputra", "Sutan"])
        );
        let country = *self.rng.pick(&["MY", "JP", "TW"]);
        let office = &self.offices[at];
        let run = run(
            office,
            &[
                "register",
                "--nik",
                &nik,
                "--name",
                &name,
                "--sex",
                "L",
                "--birth-place",
                "Padang",
                "--birth-date",
                "1990-08-15",
                "--regency",
                "1371",
                "--scheme",
                "MANDIRI",
                "--country",
                country,
                "--registered-on",
                "2026-10-01",
                "--accept-warnings",
            ],
        );
        if run.code == 0 && !reuse {
            if let Some(uid) = record_of(&self.offices[at], &nik, "full_name") {
                self.typed.push(Typed {
                    uid,
                    field: "full_name",
                    value: name,
                });
            }
        }
    }

    fn edit(&mut self, at: usize) {
        let niks = niks_at(&self.offices[at]);
        if niks.is_empty() {
            return;
        }
        let nik = self.rng.pick(&niks).clone();
        match self.rng.below(5) {
            4 => {
                // A NIK corrected, sometimes to one another office holds for someone else.
                let value = match self.rng.chance(50) {
                    true => self.rng.pick(&self.niks).clone(),
                    false => {
                        self.serial += 1;
                        let fresh = format!("1371021508{:02}{:04}", 90, self.serial);
                        self.niks.push(fresh.clone());
                        fresh
                    }
                };
                if value != nik {
                    run(
                        &self.offices[at],
                        &[
                            "worker",
                            "edit",
                            &nik,
                            "--nik",
                            &value,
                            "--yes",
                            "--accept-warnings",
                        ],
                    );
                }
            }
            0 => {
                let value = format!("Jl. {} {}", OFFICES[at], self.rng.below(1000));
                self.type_value(
                    at,
                    &nik,
                    "address",
                    value.clone(),
                    &["worker", "edit", &nik, "--address", &value],
                );
            }
            1 => {
                let value = format!("+62812{:07}", self.rng.below(10_000_000));
                let typed = format!("0812{}", &value[6..]);
                self.type_value(
                    at,
                    &nik,
                    "phone",
                    value,
                    &["worker", "edit", &nik, "--phone", &typed],
                );
            }
            2 => {
                let value = self
                    .rng
                    .pick(&["Caregiver", "Operator", "Welder"])
                    .to_string();
                self.type_value(
                    at,
                    &nik,
                    "occupation",
                    value.clone(),
                    &["worker", "edit", &nik, "--occupation", &value],
                );
            }
            _ => {
                let value = format!(
                    "{} {}",
                    self.rng.pick(&["Budi", "Siti", "Rina"]),
                    self.rng.pick(&["Chaniago", "Piliang"])
                );
                self.type_value(
                    at,
                    &nik,
                    "full_name",
                    value.clone(),
                    &["worker", "edit", &nik, "--name", &value, "--yes"],
                );
            }
        }
    }

    fn stage(&mut self, at: usize) {
        let placements = placements_at(&self.offices[at]);
        if placements.is_empty() {
            return;
        }
        let (uid, _) = self.rng.pick(&placements).clone();
        let office = &self.offices[at];
        match self.rng.below(7) {
            6 => {
                // Ready for a letter at once: documents, then the decision.
                for kind in [
                    "KTP",
                    "KK",
                    "BIRTH_CERTIFICATE",
                    "MEDICAL_CERTIFICATE",
                    "FAMILY_PERMISSION",
                    "AK1_CARD",
                    "MARITAL_STATUS_LETTER",
                ] {
                    run(office, &["docs", "add", &uid, "--kind", kind, "--verified"]);
                }
                run(office, &["recommend-passport", &uid, "--on", "2026-10-15"]);
            }
            0 => {
                for kind in [
                    "KTP",
                    "KK",
                    "BIRTH_CERTIFICATE",
                    "MEDICAL_CERTIFICATE",
                    "FAMILY_PERMISSION",
                    "AK1_CARD",
                    "MARITAL_STATUS_LETTER",
                ] {
                    run(office, &["docs", "add", &uid, "--kind", kind, "--verified"]);
                }
            }
            1 => {
                run(office, &["recommend-passport", &uid, "--on", "2026-10-15"]);
            }
            2 => {
                run(
                    office,
                    &[
                        "depart",
                        &uid,
                        "--on",
                        "2026-11-01",
                        "--passport",
                        "C1234567",
                        "--accept-warnings",
                    ],
                );
            }
            3 => {
                run(office, &["cancel", &uid, "--reason", "WITHDRAWN"]);
            }
            4 => {
                run(office, &["return", &uid, "--on", "2026-11-05"]);
            }
            _ => {
                let letters = letters_at(office);
                if let Some(letter) = letters.first() {
                    match self.rng.chance(50) {
                        true => run(
                            office,
                            &["recommendation", "void", letter, "--reason", "Salah tulis"],
                        ),
                        false => run(
                            office,
                            &[
                                "recommendation",
                                "used",
                                letter,
                                "--passport",
                                "C7654321",
                                "--issued",
                                "2026-10-20",
                            ],
                        ),
                    };
                }
            }
        }
    }

    fn case(&mut self, at: usize) {
        let office = &self.offices[at];
        let cases = cases_at(office);
        if cases.is_empty() || self.rng.chance(30) {
            let niks = niks_at(office);
            let mut args = vec![
                "open-case",
                "--category",
                "UNPAID_WAGES",
                "--reported-on",
                "2026-10-20",
            ];
            let nik;
            match niks.is_empty() {
                true => args.extend(["--person-name", "Korban"]),
                false => {
                    nik = self.rng.pick(&niks).clone();
                    args.extend(["--nik", nik.as_str(), "--accept-warnings"]);
                }
            }
            run(office, &args);
            return;
        }
        let case = self.rng.pick(&cases).clone();
        match self.rng.below(6) {
            5 => run(
                office,
                &["case", "close", &case, "--reason", "HANDED_TO_AGENCY"],
            ),
            0 => run(office, &["case", "note", &case, "Ditelepon"]),
            1 => run(office, &["case", "act", &case, "--kind", "MEDIATION"]),
            2 => run(office, &["case", "refer", &case, "--partner", "POLICE"]),
            3 => run(office, &["case", "resolve", &case, "--outcome", "Dibayar"]),
            _ => run(office, &["case", "reopen", &case]),
        };
    }

    fn repatriate(&mut self, at: usize) {
        let office = &self.offices[at];
        let niks = niks_at(office);
        if niks.is_empty() {
            return;
        }
        let nik = self.rng.pick(&niks).clone();
        run(
            office,
            &[
                "repatriate",
                "--category",
                "DEPORTED",
                "--arrived-on",
                "2026-11-02",
                "--nik",
                &nik,
                "--from-country",
                "MY",
                "--accept-warnings",
            ],
        );
    }

    /// A clerk settles an item waiting for review, one way or another.
    fn review(&mut self, at: usize) {
        let office = &self.offices[at];
        let listed = run(office, &["review", "list", "--format", "json"]);
        let Ok(items) = serde_json::from_str::<serde_json::Value>(&listed.stdout) else {
            return;
        };
        let Some(items) = items.as_array().filter(|i| !i.is_empty()) else {
            return;
        };
        let item = &items[self.rng.below(items.len())];
        let id = item["id"].as_str().unwrap_or_default().to_string();
        // A clerk choosing between two values has seen both: the one not chosen is replaced
        // knowingly.
        if item["kind"] == "FIELD_CONFLICT" {
            let shown = run(office, &["review", "show", &id, "--format", "json"]);
            let shown: serde_json::Value = serde_json::from_str(&shown.stdout).unwrap();
            let field: Option<&'static str> =
                ["full_name", "address", "phone", "occupation", "nik"]
                    .into_iter()
                    .find(|f| shown["topic"] == *f);
            for side in shown["sides"].as_array().cloned().unwrap_or_default() {
                if let (Some(field), Some(uid), Some(value)) =
                    (field, side["record_uid"].as_str(), side["value"].as_str())
                {
                    self.seen_replaced
                        .insert((canonical(office, uid), field, value.to_string()));
                }
            }
        }
        let keep = (1 + self.rng.below(2)).to_string();
        let args: Vec<&str> = match item["kind"].as_str().unwrap_or_default() {
            "FIELD_CONFLICT" | "OPEN_PLACEMENTS" | "LIVE_DOCUMENTS" | "ISSUED_LETTERS" => {
                vec!["review", "resolve", &id, "--keep", &keep]
            }
            "WARNING" => vec!["review", "resolve", &id, "--accept"],
            "NIK_TAKEN" => vec!["review", "resolve", &id, "--merge"],
            "CONTRADICTION" => vec![
                "review",
                "resolve",
                &id,
                "--keep",
                if self.rng.chance(50) {
                    "departure"
                } else {
                    "cancellation"
                },
            ],
            "STATUS_CLASH" | "ACTED_WHILE_CLOSED" => vec!["review", "resolve", &id, "--confirm"],
            _ => return,
        };
        run(office, &args);
    }

    fn work(&mut self) {
        let at = self.rng.below(OFFICES.len());
        match self.rng.below(12) {
            0..=2 => self.register(at),
            3..=5 => self.edit(at),
            6 | 7 => self.stage(at),
            8 => self.case(at),
            9 => self.review(at),
            _ => self.repatriate(at),
        }
    }

    fn export(&mut self, from: usize, to: usize, full: bool) -> PathBuf {
        self.folder += 1;
        let name = format!("f{}-{}-{}", self.folder, OFFICES[from], OFFICES[to]);
        let mut args = vec!["export", "--out", &name, "--to", OFFICES[to]];
        if !full {
            args.push("--since-last");
        }
        run(&self.offices[from], &args).ok();
        self.offices[from].path(&name)
    }

    fn import(&mut self, to: usize, folder: &std::path::Path) {
        let run = run(
            &self.offices[to],
            &["import", folder.to_str().unwrap(), "--format", "json"],
        );
        assert!(
            run.code != 1,
            "an import was refused at {}: {}",
            OFFICES[to],
            run.stderr
        );
        let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        assert_eq!(
            doc["refused"].as_array().map(Vec::len),
            Some(0),
            "another office's row refused at {}: {doc}",
            OFFICES[to]
        );
        self.imports += 1;
    }

    /// A night: regencies send to the province, the province to the centre and back, the centre to
    /// the province; folders are late, doubled, lost.
    fn night(&mut self) {
        let routes = [(0, 2), (1, 2), (2, 3), (2, 0), (2, 1), (3, 2)];
        for (from, to) in routes {
            if self.rng.chance(70) {
                let folder = self.export(from, to, false);
                if self.rng.chance(10) {
                    continue; // lost on the way
                }
                let late = match self.rng.chance(25) {
                    true => 1 + self.rng.below(2) as u32,
                    false => 0,
                };
                self.mail.push((to, folder.clone(), late));
                if self.rng.chance(10) {
                    self.mail.push((to, folder, late + 1)); // sent twice
                }
            }
        }
        // Deliver what is due, in a shuffled order.
        let mut due = Vec::new();
        let mut later = Vec::new();
        for (to, folder, late) in std::mem::take(&mut self.mail) {
            match late {
                0 => due.push((to, folder)),
                n => later.push((to, folder, n - 1)),
            }
        }
        self.mail = later;
        while !due.is_empty() {
            let i = self.rng.below(due.len());
            let (to, folder) = due.swap_remove(i);
            self.import(to, &folder);
        }
    }

    /// Every office sends everything it holds to every other, twice over, with what is still in the
    /// post delivered on the way.
    fn final_exchange(&mut self) {
        for (to, folder, _) in std::mem::take(&mut self.mail) {
            self.import(to, &folder);
        }
        for _ in 0..2 {
            for from in 0..OFFICES.len() {
                for to in 0..OFFICES.len() {
                    if from != to {
                        let folder = self.export(from, to, true);
                        self.import(to, &folder);
                    }
                }
            }
        }
    }
}

/// Each file of a full export, as text.
fn exported(office: &Office, name: &str) -> BTreeMap<String, String> {
    run(office, &["export", "--out", name]).ok();
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(office.path(name)).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "csv") {
            out.insert(
                path.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&path).unwrap(),
            );
        }
    }
    out
}

fn simulate(seed: u64, days: u32, per_day: u32) {
    let mut sim = Sim::new(seed);
    for _ in 0..days {
        for _ in 0..per_day {
            sim.work();
        }
        sim.night();
    }
    sim.final_exchange();
    // Convergence: the same shared data everywhere.
    let first = exported(&sim.offices[0], "final-0");
    assert!(
        first["persons.csv"].lines().count() > 1,
        "seed {seed}: nothing was registered"
    );
    for (i, office) in sim.offices.iter().enumerate().skip(1) {
        let other = exported(office, &format!("final-{i}"));
        for (file, text) in &first {
            assert_eq!(
                Some(text),
                other.get(file),
                "seed {seed}: {file} differs between {} and {}",
                OFFICES[0],
                OFFICES[i]
            );
        }
    }
    // Nothing typed is lost: current, kept, or replaced by a clerk who had it.
    let centre = &sim.offices[3];
    // What clerks replaced, named by the persons as they stand in the end (merges followed).
    let replaced_now: BTreeSet<(String, &'static str, String)> = sim
        .seen_replaced
        .iter()
        .map(|(u, f, v)| (canonical(centre, u), *f, v.clone()))
        .collect();
    for t in &sim.typed {
        let now = held(centre, &t.uid, t.field);
        // Replaced by a clerk who had it, under whichever uid the person had then.
        let replaced =
            replaced_now.contains(&(canonical(centre, &t.uid), t.field, t.value.clone()));
        if !(now.contains(&t.value) || replaced) {
            let conn = rusqlite::Connection::open(&centre.db).unwrap();
            let dump = |sql: &str| -> String {
                let mut stmt = conn.prepare(sql).unwrap();
                let n = stmt.column_count();
                stmt.query_map([&t.uid], |r| {
                    Ok((0..n)
                        .map(|i| match r.get_ref(i).unwrap() {
                            rusqlite::types::ValueRef::Text(t) => {
                                String::from_utf8_lossy(t).into_owned()
                            }
                            other => format!("{other:?}"),
                        })
                        .collect::<Vec<_>>()
                        .join(" | "))
                })
                .unwrap()
                .map(Result::unwrap)
                .collect::<Vec<_>>()
                .join("\n")
            };
            let canon = canonical(centre, &t.uid);
            eprintln!(
                "typed {:?}\nstays as {canon}\nperson: {}\nplacement: {}\npending: {}\nlog: {}",
                t,
                dump("SELECT uid, nik, full_name, versions FROM persons WHERE uid = (SELECT coalesce((SELECT person_uid FROM person_aliases WHERE alias_uid = ?1), ?1))"),
                dump("SELECT uid, person_uid, occupation, stage, versions FROM placements WHERE uid = ?1"),
                dump("SELECT kind, waits_for FROM sync_pending WHERE uid = ?1"),
                dump("SELECT command || ' ' || action || ' ' || changes FROM audit_log WHERE record_uid = ?1 OR record_uid = (SELECT person_uid FROM person_aliases WHERE alias_uid = ?1)"),
            );
            for (i, o) in sim.offices.iter().enumerate() {
                eprintln!("{}: {:?}", OFFICES[i], held(o, &t.uid, t.field));
            }
        }
        assert!(
            now.contains(&t.value) || replaced,
            "seed {seed}: {} of {} typed as '{}' is lost (held now: {now:?})",
            t.field,
            t.uid,
            t.value
        );
    }
    // The same items wait for review everywhere.
    let reviews: Vec<String> = sim
        .offices
        .iter()
        .map(|o| {
            let r = run(o, &["review", "list", "--format", "csv"]);
            r.stdout
        })
        .collect();
    for (i, r) in reviews.iter().enumerate().skip(1) {
        assert_eq!(
            &reviews[0], r,
            "seed {seed}: review items differ at {}",
            OFFICES[i]
        );
    }
    assert!(
        sim.imports > 20,
        "seed {seed}: only {} imports",
        sim.imports
    );
    let count = |file: &str| first[file].lines().count() - 1;
    eprintln!(
        "seed {seed}: {} imports, {} values typed, persons {}, placements {}, letters {}, cases {}, \
         events {}, returns {}, merges {}, kept conflicts {}, review items {}",
        sim.imports,
        sim.typed.len(),
        count("persons.csv"),
        count("placements.csv"),
        count("recommendations.csv"),
        count("cases.csv"),
        count("case_events.csv"),
        count("repatriations.csv"),
        count("person_merges.csv"),
        count("conflicts.csv"),
        reviews[0].lines().count().saturating_sub(1)
    );
}

fn seeds() -> Vec<u64> {
    match std::env::var("PMI_DESK_SIM_SEEDS") {
        Ok(s) => s.split(',').filter_map(|x| x.trim().parse().ok()).collect(),
        Err(_) => vec![1, 2, 3],
    }
}

fn size() -> (u32, u32) {
    match std::env::var("PMI_DESK_SIM_SIZE") {
        Ok(s) => {
            let mut it = s.split('x').filter_map(|x| x.parse().ok());
            (it.next().unwrap_or(3), it.next().unwrap_or(12))
        }
        Err(_) => (3, 12),
    }
}

#[test]
fn offices_that_exchange_at_random_converge_and_lose_nothing() {
    let (days, per_day) = size();
    for seed in seeds() {
        simulate(seed, days, per_day);
    }
}

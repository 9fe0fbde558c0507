//! Regencies -> province -> centre, night after night, through `export --since-last`: every record
//! and every later correction reaches the centre, even from a folder that arrives a night late,
//! from an office whose clock is behind, or edited in the same second as an export.

use std::collections::BTreeMap;

use crate::util::Office;

fn office(code: &str) -> Office {
    let office = Office::empty();
    office
        .run(&["init", "--office-code", code, "--office-name", code])
        .ok();
    office
}

/// Every row of every file of a full export, by uid, without what only the exporting office keeps.
fn rows(office: &Office, name: &str, now: &str) -> BTreeMap<String, String> {
    office
        .run_with(&["export", "--out", name], &[("PMI_DESK_NOW", now)])
        .ok();
    let mut out = BTreeMap::new();
    for file in [
        "persons",
        "placements",
        "documents",
        "recommendations",
        "cases",
        "case_events",
        "repatriations",
    ] {
        let text = std::fs::read_to_string(office.path(name).join(format!("{file}.csv"))).unwrap();
        for line in text.lines().skip(1) {
            let uid = line.split(',').next().unwrap().to_string();
            out.insert(format!("{file}/{uid}"), line.to_string());
        }
    }
    out
}

struct Regency {
    office: Office,
    code: &'static str,
    /// Minutes this office's clock is behind.
    behind: i64,
    registered: Vec<String>,
    serial: u32,
}

impl Regency {
    fn at(&self, day: u32, hour: u32) -> String {
        let minutes = hour as i64 * 60 - self.behind;
        let (h, m) = (minutes.div_euclid(60), minutes.rem_euclid(60));
        if h < 0 {
            return format!("2023-11-{:02}T23:{m:02}:00Z", day - 1);
        }
        format!("2023-11-{day:02}T{h:02}:{m:02}:00Z")
    }

    fn run(&self, day: u32, hour: u32, args: &[&str]) {
        let now = self.at(day, hour);
        self.office.run_with(args, &[("PMI_DESK_NOW", &now)]).ok();
    }

    /// A working day: two registrations, a correction and a cancellation of earlier ones.
    fn work(&mut self, day: u32) {
        for _ in 0..2 {
            self.serial += 1;
            let nik = format!("{}021508{:02}{:04}", &self.code[..4], 90, self.serial);
            let name = format!("Pekerja {} {}", self.code, self.serial);
            let now = self.at(day, 9);
            let registered = self
                .office
                .run_with(
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
                        &self.code[..4],
                        "--scheme",
                        "MANDIRI",
                        "--country",
                        "MY",
                        "--accept-warnings",
                        "--format",
                        "json",
                    ],
                    &[("PMI_DESK_NOW", &now)],
                )
                .json();
            self.registered.push(
                registered["registration_number"]
                    .as_str()
                    .unwrap()
                    .to_string(),
            );
        }
        let n = self.registered.len();
        if n >= 3 {
            let corrected = self.registered[n - 3].clone();
            self.run(
                day,
                10,
                &[
                    "worker",
                    "edit",
                    &corrected,
                    "--address",
                    &format!("Jl. Hari {day}"),
                ],
            );
        }
        if n >= 4 && day.is_multiple_of(2) {
            let cancelled = self.registered[n - 4].clone();
            self.run(day, 11, &["cancel", &cancelled, "--reason", "WITHDRAWN"]);
        }
    }

    /// The nightly export, at the same second as the day's last change, then one more change
    /// in that same second (which the next night's export must carry).
    fn night(&mut self, day: u32) -> std::path::PathBuf {
        let name = format!("{}-{day}", self.code);
        self.run(
            day,
            11,
            &["export", "--out", &name, "--since-last", "--to", "BP3MI-SB"],
        );
        if let Some(last) = self.registered.last().cloned() {
            self.run(
                day,
                11,
                &["worker", "edit", &last, "--occupation", "Operator"],
            );
        }
        self.office.path(&name)
    }
}

#[test]
fn a_relay_over_five_nights_delivers_every_record_and_every_correction() {
    let mut regencies = vec![
        Regency {
            office: office("1306-AGAM"),
            code: "1306-AGAM",
            behind: 0,
            registered: vec![],
            serial: 0,
        },
        Regency {
            office: office("1371-PADANG"),
            code: "1371-PADANG",
            behind: 0,
            registered: vec![],
            serial: 0,
        },
        // This office's clock is two hours behind everyone else's.
        Regency {
            office: office("1375-BUKITTINGGI"),
            code: "1375-BUKITTINGGI",
            behind: 120,
            registered: vec![],
            serial: 0,
        },
    ];
    let province = office("BP3MI-SB");
    let centre = office("BP2MI");
    let mut late: Vec<std::path::PathBuf> = Vec::new();
    for day in 1..=5u32 {
        let mut folders = Vec::new();
        for (i, r) in regencies.iter_mut().enumerate() {
            r.work(day);
            let folder = r.night(day);
            // Padang's folder always reaches the province a night late.
            if i == 1 {
                late.push(folder);
            } else {
                folders.push(folder);
            }
        }
        let evening = format!("2023-11-{day:02}T15:00:00Z");
        let at = [("PMI_DESK_NOW", evening.as_str())];
        if day > 1 {
            folders.push(late.remove(0));
        }
        for folder in &folders {
            province
                .run_with(
                    &["import", folder.to_str().unwrap(), "--accept-warnings"],
                    &at,
                )
                .ok();
        }
        // The province corrects a worker it received, then relays the night to the centre.
        if day == 3 {
            province
                .run_with(
                    &[
                        "worker",
                        "edit",
                        "1306021508900001",
                        "--phone",
                        "081234567890",
                    ],
                    &at,
                )
                .ok();
        }
        let name = format!("province-{day}");
        province
            .run_with(
                &["export", "--out", &name, "--since-last", "--to", "BP2MI"],
                &at,
            )
            .ok();
        centre
            .run_with(
                &[
                    "import",
                    province.path(&name).to_str().unwrap(),
                    "--accept-warnings",
                ],
                &at,
            )
            .ok();
    }
    // The last late folder, a final night of relay for what was changed after the last exports.
    let at = [("PMI_DESK_NOW", "2023-11-06T15:00:00Z")];
    for r in &mut regencies {
        let name = format!("{}-final", r.code);
        r.office
            .run_with(
                &["export", "--out", &name, "--since-last", "--to", "BP3MI-SB"],
                &at,
            )
            .ok();
        late.push(r.office.path(&name));
    }
    for folder in &late {
        province
            .run_with(
                &["import", folder.to_str().unwrap(), "--accept-warnings"],
                &at,
            )
            .ok();
    }
    province
        .run_with(
            &[
                "export",
                "--out",
                "province-final",
                "--since-last",
                "--to",
                "BP2MI",
            ],
            &at,
        )
        .ok();
    centre
        .run_with(
            &[
                "import",
                province.path("province-final").to_str().unwrap(),
                "--accept-warnings",
            ],
            &at,
        )
        .ok();

    // The centre holds what the province holds, every record and every correction of every
    // regency among it, though folders arrived late.
    let at_province = rows(&province, "check-province", "2023-11-07T00:00:00Z");
    let at_centre = rows(&centre, "check-centre", "2023-11-07T00:00:00Z");
    let persons = at_centre
        .keys()
        .filter(|k| k.starts_with("persons/"))
        .count();
    assert_eq!(persons, 30, "3 regencies x 5 days x 2 workers");
    assert_eq!(
        at_province, at_centre,
        "the centre converged with the province"
    );
    for (i, r) in regencies.iter().enumerate() {
        let mine = rows(&r.office, &format!("check-{i}"), "2023-11-07T00:00:00Z");
        let missing: Vec<&String> = mine
            .keys()
            .filter(|k| !at_centre.contains_key(*k))
            .collect();
        assert!(missing.is_empty(), "never reached the centre: {missing:?}");
        for (key, row) in &mine {
            // Every value the regency typed is at the centre (the province corrected only a phone).
            if !row.contains("1306021508900001") {
                assert_eq!(Some(row), at_centre.get(key), "{key}");
            }
        }
    }
    let phone = at_centre
        .values()
        .find(|row| row.contains("1306021508900001"))
        .unwrap();
    assert!(
        phone.contains("+6281234567890"),
        "the province's correction: {phone}"
    );
}

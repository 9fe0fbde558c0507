//! The demo office: West Sumatra (BP3MI-SB) with realistic, reproducible sample records around the
//! figures the office published (581 placements in 2022; 816 departures from 1 January to
//! 8 November 2023: G2G 12, P3MI 497, MANDIRI 307), plus waiting and cancelled applications.
//! Every name is invented; NIKs are well-formed but belong to no one.

use anyhow::Result;
use chrono::{Datelike, Duration, NaiveDate};
use rusqlite::Connection;

use crate::db;
use crate::domain::document::{default_checklist, Document};
use crate::domain::person::Person;
use crate::domain::placement::{registration_number, Placement};
use crate::domain::*;
use crate::reference::reference;

pub const OFFICE_CODE: &str = "BP3MI-SB";

/// A small deterministic generator, so every demo database is the same.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    fn weighted<'a, T>(&mut self, items: &'a [(T, u32)]) -> &'a T {
        let total: u32 = items.iter().map(|i| i.1).sum();
        let mut roll = (self.next() % total as u64) as u32;
        for (item, weight) in items {
            if roll < *weight {
                return item;
            }
            roll -= weight;
        }
        &items[0].0
    }
    fn chance(&mut self, percent: u32) -> bool {
        self.below(100) < percent as usize
    }
}

const MEN: &[&str] = &[
    "Rizki", "Fajar", "Andi", "Yoga", "Hendra", "Rahmat", "Ilham", "Doni", "Arif", "Fikri", "Reza",
    "Aldi", "Yudi", "Zulfikar", "Habib", "Rendi", "Taufik", "Irwan",
];
const WOMEN: &[&str] = &[
    "Siti", "Rahmi", "Fitri", "Yulia", "Dewi", "Nurul", "Rina", "Mega", "Putri", "Rahmah",
    "Silvia", "Dina", "Wulan", "Yessi", "Annisa", "Mira", "Elsa", "Vivi",
];
const FAMILY: &[&str] = &[
    "Saputra",
    "Putra",
    "Hidayat",
    "Syahputra",
    "Rahman",
    "Sutan",
    "Chaniago",
    "Piliang",
    "Tanjung",
    "Koto",
    "Sikumbang",
    "Jambak",
    "Caniago",
    "Melayu",
    "Guci",
    "Nasution",
    "Yanti",
    "Wati",
    "Sari",
    "Lestari",
];
const P3MI: &[&str] = &[
    "PT Andalas Karya Global",
    "PT Duta Sakura Minang",
    "PT Ranah Bakti Mandiri",
    "PT Bina Tenaga Nusantara",
    "PT Singgalang Jaya Abadi",
    "PT Marapi Sumber Daya",
];
const FORMAL_JOBS: &[&str] = &[
    "Caregiver (Kaigo)",
    "Operator Produksi",
    "Pekerja Konstruksi",
    "Pekerja Perkebunan",
    "Perawat",
    "Juru Masak",
    "Pekerja Pengolahan Makanan",
    "Teknisi Mesin",
];
const REGENCY_WEIGHTS: &[(&str, u32)] = &[
    ("1371", 24),
    ("1305", 9),
    ("1306", 9),
    ("1301", 7),
    ("1307", 6),
    ("1304", 6),
    ("1302", 5),
    ("1312", 5),
    ("1308", 4),
    ("1375", 4),
    ("1376", 4),
    ("1377", 3),
    ("1303", 3),
    ("1310", 3),
    ("1311", 2),
    ("1372", 2),
    ("1373", 1),
    ("1374", 2),
    ("1309", 1),
];

const G2G_COUNTRIES: &[(&str, u32)] = &[("JP", 6), ("KR", 5), ("DE", 1)];
const P3MI_COUNTRIES: &[(&str, u32)] = &[
    ("JP", 55),
    ("MY", 25),
    ("TW", 9),
    ("HK", 5),
    ("SA", 3),
    ("SG", 3),
];
const MANDIRI_COUNTRIES: &[(&str, u32)] =
    &[("MY", 60), ("JP", 25), ("SA", 8), ("BN", 4), ("AE", 3)];
const UKPS_COUNTRIES: &[(&str, u32)] = &[("JP", 5), ("MY", 5)];

struct Made {
    person: Person,
    placement: Placement,
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("demo dates exist")
}

fn day_between(rng: &mut Rng, from: NaiveDate, to: NaiveDate) -> NaiveDate {
    from + Duration::days(rng.below(((to - from).num_days() + 1) as usize) as i64)
}

fn stamp(day: NaiveDate) -> String {
    format!("{}T02:00:00Z", day)
}

struct Maker {
    rng: Rng,
    serial: u32,
    uid: u64,
}

impl Maker {
    fn uid(&mut self) -> String {
        self.uid += 1;
        let r = self.rng.next();
        format!(
            "{:08x}-{:04x}-4{:03x}-8{:03x}-{:012x}",
            self.uid,
            r & 0xffff,
            (r >> 16) & 0xfff,
            (r >> 28) & 0xfff,
            (r >> 40) & 0xffff_ffff
        )
    }

    fn person(&mut self, registered_on: NaiveDate) -> Person {
        let rng = &mut self.rng;
        let sex = if rng.chance(63) { Sex::L } else { Sex::P };
        let first = if sex == Sex::L {
            rng.pick(MEN)
        } else {
            rng.pick(WOMEN)
        };
        let name = format!("{} {}", first, rng.pick(FAMILY));
        let regency = *rng.weighted(REGENCY_WEIGHTS);
        let districts: Vec<&str> = reference()
            .districts
            .iter()
            .filter(|d| d.regency_code == regency)
            .map(|d| d.code.as_str())
            .collect();
        let district = *rng.pick(&districts);
        let age = 19 + rng.below(22) as i32;
        let birth = day_between(
            rng,
            date(registered_on.year() - age - 1, 1, 1),
            date(registered_on.year() - age, 12, 28),
        );
        self.serial += 1;
        let day = birth.day() + if sex == Sex::P { 40 } else { 0 };
        let nik = format!(
            "{district}{day:02}{}{:04}",
            birth.format("%m%y"),
            self.serial % 9999 + 1
        );
        let regency_name = reference()
            .regency(regency)
            .map(|r| r.name.clone())
            .unwrap_or_default();
        let place = regency_name
            .trim_start_matches("Kabupaten ")
            .trim_start_matches("Kota ")
            .to_string();
        let created = stamp(registered_on);
        let phone = format!(
            "+628{}{:08}",
            1 + self.rng.below(9),
            self.rng.below(100_000_000)
        );
        Person {
            uid: self.uid(),
            nik: nik.parse().ok(),
            full_name: name,
            sex: Some(sex),
            birth_place: Some(place),
            birth_date: Some(birth),
            regency: regency.parse().ok(),
            address: Some(format!(
                "Jorong {}, {}",
                self.rng.pick(&[
                    "Koto Tuo",
                    "Padang Luar",
                    "Sungai Pua",
                    "Balai Gurah",
                    "Lubuk Alung",
                    "Pasar Baru"
                ]),
                regency_name
            )),
            phone: Some(phone),
            education: Some(*self.rng.weighted(&[
                (Education::Sma, 60),
                (Education::Smp, 20),
                (Education::D3, 10),
                (Education::S1, 7),
                (Education::Sd, 3),
            ])),
            marital_status: Some(*self.rng.weighted(&[
                (MaritalStatus::Single, 55),
                (MaritalStatus::Married, 40),
                (MaritalStatus::Divorced, 5),
            ])),
            office_code: OFFICE_CODE.into(),
            created_at: created.clone(),
            updated_at: created,
        }
    }

    fn placement(
        &mut self,
        person: &Person,
        scheme: Scheme,
        registered_on: NaiveDate,
    ) -> Placement {
        let rng = &mut self.rng;
        let countries = match scheme {
            Scheme::G2g => G2G_COUNTRIES,
            Scheme::P3mi => P3MI_COUNTRIES,
            Scheme::Mandiri => MANDIRI_COUNTRIES,
            Scheme::Ukps => UKPS_COUNTRIES,
        };
        let country: &str = rng.weighted::<&str>(countries);
        let informal = matches!(country, "MY" | "HK" | "SA" | "SG" | "TW") && rng.chance(25);
        let sector = if informal {
            Sector::Informal
        } else {
            Sector::Formal
        };
        let occupation = if informal {
            "Penata Laksana Rumah Tangga".to_string()
        } else {
            rng.pick(FORMAL_JOBS).to_string()
        };
        let created = stamp(registered_on);
        Placement {
            uid: self.uid(),
            registration_number: None,
            person_uid: person.uid.clone(),
            scheme,
            p3mi_name: (scheme == Scheme::P3mi).then(|| self.rng.pick(P3MI).to_string()),
            employer_name: None,
            country: country.parse().expect("demo countries exist"),
            sector: Some(sector),
            occupation: Some(occupation),
            stage: Stage::Registered,
            registered_on,
            departed_on: None,
            returned_on: None,
            cancel_reason: None,
            cancel_note: None,
            passport_number: None,
            office_code: OFFICE_CODE.into(),
            created_at: created.clone(),
            updated_at: created,
        }
    }

    /// A placement that departed on `departed`, registered some weeks before.
    fn departed(&mut self, scheme: Scheme, departed: NaiveDate) -> Made {
        let registered = departed - Duration::days(30 + self.rng.below(90) as i64);
        let person = self.person(registered);
        let mut placement = self.placement(&person, scheme, registered);
        placement.stage = Stage::Departed;
        placement.departed_on = Some(departed);
        placement.passport_number = Some(format!(
            "{}{:07}",
            self.rng.pick(&["C", "E", "X"]),
            self.rng.below(10_000_000)
        ));
        placement.updated_at = stamp(departed);
        Made { person, placement }
    }
}

/// Schemes for `n` departures with exact totals: `(scheme, count)`.
fn spread(plan: &[(Scheme, usize)]) -> Vec<Scheme> {
    plan.iter()
        .flat_map(|(s, n)| std::iter::repeat_n(*s, *n))
        .collect()
}

/// What the demo contains, for the summary printed after it is made.
pub struct Summary {
    pub persons: usize,
    pub placements: usize,
    pub documents: usize,
}

/// Writes the demo records into an initialised, empty database (inside the caller's transaction).
pub fn populate(conn: &Connection) -> Result<Summary> {
    let mut maker = Maker {
        rng: Rng(0x5eed_2023_b93f_0001),
        serial: 0,
        uid: 0,
    };
    let mut made: Vec<Made> = Vec::new();
    // 2022: 581 departures across the year.
    for scheme in spread(&[
        (Scheme::G2g, 9),
        (Scheme::P3mi, 352),
        (Scheme::Mandiri, 214),
        (Scheme::Ukps, 6),
    ]) {
        let day = day_between(&mut maker.rng, date(2022, 1, 3), date(2022, 12, 29));
        made.push(maker.departed(scheme, day));
    }
    // 2023 up to 8 November: 816 departures, exactly as published.
    for scheme in spread(&[
        (Scheme::G2g, 12),
        (Scheme::P3mi, 497),
        (Scheme::Mandiri, 307),
    ]) {
        let day = day_between(&mut maker.rng, date(2023, 1, 2), date(2023, 11, 8));
        made.push(maker.departed(scheme, day));
    }
    // After the published cut-off: the rest of 2023.
    for scheme in spread(&[(Scheme::G2g, 2), (Scheme::P3mi, 61), (Scheme::Mandiri, 40)]) {
        let day = day_between(&mut maker.rng, date(2023, 11, 9), date(2023, 12, 28));
        made.push(maker.departed(scheme, day));
    }
    // Some workers placed in 2022 came home in 2023.
    for m in made
        .iter_mut()
        .take(581)
        .filter(|m| m.placement.scheme == Scheme::Mandiri)
        .take(40)
    {
        let back = m.placement.departed_on.unwrap_or(date(2022, 6, 1)) + Duration::days(300 + 30);
        m.placement.stage = Stage::Returned;
        m.placement.returned_on = Some(back);
        m.placement.updated_at = stamp(back);
    }
    // Applications still waiting at the end of 2023, and some cancelled ones.
    let mut documents = Vec::new();
    for i in 0..160 {
        let registered = day_between(&mut maker.rng, date(2023, 9, 1), date(2023, 12, 28));
        let scheme =
            *maker
                .rng
                .weighted(&[(Scheme::P3mi, 60), (Scheme::Mandiri, 35), (Scheme::G2g, 5)]);
        let person = maker.person(registered);
        let mut placement = maker.placement(&person, scheme, registered);
        if i % 8 == 0 {
            placement.stage = Stage::Cancelled;
            placement.cancel_reason = Some(*maker.rng.pick(&[
                CancelReason::Withdrawn,
                CancelReason::FailedDeparture,
                CancelReason::Unfit,
                CancelReason::PreventedNonprocedural,
            ]));
        } else {
            // Documents brought so far: the first part of the checklist, most of it checked.
            let items = default_checklist(scheme).0;
            let brought = 3 + maker.rng.below(items.len() - 2);
            for kinds in items.iter().take(brought) {
                let verified = maker.rng.chance(85);
                let issued = registered - Duration::days(maker.rng.below(60) as i64);
                let at = stamp(registered);
                documents.push(Document {
                    uid: maker.uid(),
                    placement_uid: placement.uid.clone(),
                    kind: kinds[0],
                    number: None,
                    issued_on: Some(issued),
                    expires_on: None,
                    verified_on: verified.then_some(registered),
                    verified_by: verified.then(|| "demo".to_string()),
                    created_at: at.clone(),
                    updated_at: at,
                });
            }
        }
        made.push(Made { person, placement });
    }
    made.sort_by(|a, b| {
        a.placement
            .registered_on
            .cmp(&b.placement.registered_on)
            .then(a.placement.uid.cmp(&b.placement.uid))
    });
    for m in &mut made {
        let year = m.placement.registered_on.year();
        m.placement.registration_number = Some(registration_number(
            year,
            db::counters::next(conn, "registration", year)?,
        ));
        db::persons::insert(conn, &m.person)?;
        db::placements::insert(conn, &m.placement)?;
    }
    for d in &documents {
        db::documents::insert(conn, d)?;
    }
    Ok(Summary {
        persons: made.len(),
        placements: made.len(),
        documents: documents.len(),
    })
}

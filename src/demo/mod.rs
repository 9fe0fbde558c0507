//! The demo office: West Sumatra (BP3MI-SB) with realistic, reproducible sample records around the
//! figures the office published (581 placements in 2022; 816 departures from 1 January to
//! 8 November 2023: G2G 12, P3MI 497, MANDIRI 307), plus waiting and cancelled applications.
//! Every name is invented; NIKs are well-formed but belong to no one.

use crate::db::{records, Tx};
use crate::domain::record::Timestamp;
use anyhow::Result;
use chrono::{Datelike, Duration, NaiveDate};

use crate::db;
use crate::domain::document::{default_checklist, default_passport_checklist, Document};
use crate::domain::person::Person;
use crate::domain::placement::{registration_number, Placement};
use crate::domain::recommendation::{self, letter_number, Recommendation};
use crate::domain::*;
use crate::i18n::Msg;
use crate::progress::Progress;
use crate::reference::reference;
use crate::t;

mod protection;

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

fn stamp(day: NaiveDate) -> Timestamp {
    Timestamp::parse(&format!("{day}T02:00:00Z")).expect("a demo moment is valid")
}

struct Maker {
    rng: Rng,
    serial: u32,
    niks: std::collections::HashSet<String>,
    uid: u64,
}

const LETTER_TEMPLATE: &str = "B.{seq}/{office}/{roman_month}/{year}";

impl Maker {
    fn recommendation(
        &mut self,
        placement: &Placement,
        person: &Person,
        status: RecommendationStatus,
        decided: NaiveDate,
        reasons: Vec<RefusalReason>,
    ) -> Recommendation {
        let issued = status != RecommendationStatus::Refused;
        let agam = [
            "1304", "1306", "1307", "1308", "1312", "1374", "1375", "1376",
        ];
        let served_by_agam = person
            .regency
            .as_ref()
            .is_some_and(|r| agam.contains(&r.as_str()));
        let office = if served_by_agam {
            "Kepala Kantor Imigrasi Kelas I Non TPI Agam"
        } else {
            "Kepala Kantor Imigrasi Kelas I TPI Padang"
        };
        Recommendation {
            uid: self.uid(),
            placement_uid: placement.uid.clone(),
            letter_number: None,
            status,
            decided_on: decided,
            valid_until: issued.then(|| decided + Duration::days(30)),
            immigration_office: issued.then(|| office.to_string()),
            refusal_details: (!reasons.is_empty()).then(|| "Dokumen belum lengkap".to_string()),
            refusal_reasons: recommendation::Reasons(reasons),
            void_reason: None,
            passport_number: None,
            passport_issued_on: None,
            reprints: 0,
            clerk: Some("demo".into()),
            office_code: OFFICE_CODE.into(),
            created_at: stamp(decided),
            updated_at: stamp(decided),
            versions: version::Versions::unset(),
        }
    }

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
        let day = birth.day() + if sex == Sex::P { 40 } else { 0 };
        // Serials run 0001-9999; a large demo wraps them, so skip any NIK already made.
        let nik = loop {
            self.serial += 1;
            let nik = format!(
                "{district}{day:02}{}{:04}",
                birth.format("%m%y"),
                self.serial % 9999 + 1
            );
            if self.niks.insert(nik.clone()) {
                break nik;
            }
        };
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
            accepted_warnings: None,
            versions: version::Versions::unset(),
        }
    }

    fn placement(
        &mut self,
        person: &Person,
        scheme: Scheme,
        registered_on: NaiveDate,
        country: Option<&str>,
    ) -> Placement {
        let rng = &mut self.rng;
        let countries = match scheme {
            Scheme::G2g => G2G_COUNTRIES,
            Scheme::P3mi => P3MI_COUNTRIES,
            Scheme::Mandiri => MANDIRI_COUNTRIES,
            Scheme::Ukps => UKPS_COUNTRIES,
        };
        let country: &str = country.unwrap_or_else(|| rng.weighted::<&str>(countries));
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
            legacy_number: None,
            versions: version::Versions::unset(),
        }
    }

    /// A placement that departed on `departed`, registered some weeks before.
    fn departed(&mut self, scheme: Scheme, departed: NaiveDate, country: Option<&str>) -> Made {
        let registered = departed - Duration::days(30 + self.rng.below(90) as i64);
        let person = self.person(registered);
        let mut placement = self.placement(&person, scheme, registered, country);
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

/// Departures of a period: first day, last day, departures per scheme, how many go to Japan.
type Batch = (NaiveDate, NaiveDate, Vec<(Scheme, usize)>, usize);

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
    pub recommendations: usize,
    pub cases: usize,
    pub repatriations: usize,
}

/// Writes the demo records into an initialised, empty database (inside the caller's transaction).
/// `scale` multiplies the departures (1: the office as published; 100: about national scale).
pub fn populate(tx: &Tx, today: NaiveDate, scale: usize, progress: &Progress) -> Result<Summary> {
    let mut maker = Maker {
        rng: Rng(0x5eed_2023_b93f_0001),
        serial: 0,
        niks: std::collections::HashSet::new(),
        uid: 0,
    };
    let mut made: Vec<Made> = Vec::new();
    // Departures by period: (first day, last day, departures per scheme, how many of them to Japan).
    let ytd_2026 = (today - date(2026, 1, 1)).num_days().max(0) as usize * 45 / 30;
    let batches: [Batch; 5] = [
        // 2022: 581 placements, as published.
        (
            date(2022, 1, 3),
            date(2022, 12, 29),
            vec![
                (Scheme::G2g, 9),
                (Scheme::P3mi, 352),
                (Scheme::Mandiri, 214),
                (Scheme::Ukps, 6),
            ],
            0,
        ),
        // 1 January - 8 November 2023: 816 departures = G2G 12 + P3MI 497 + MANDIRI 307, as published.
        (
            date(2023, 1, 2),
            date(2023, 11, 8),
            vec![
                (Scheme::G2g, 12),
                (Scheme::P3mi, 497),
                (Scheme::Mandiri, 307),
            ],
            0,
        ),
        // The rest of 2023, after the published cut-off.
        (
            date(2023, 11, 9),
            date(2023, 12, 28),
            vec![(Scheme::G2g, 2), (Scheme::P3mi, 61), (Scheme::Mandiri, 40)],
            0,
        ),
        // 2024, and 2025: 522 placed, 472 of them to Japan, as published.
        (
            date(2024, 1, 3),
            date(2024, 12, 27),
            vec![
                (Scheme::G2g, 14),
                (Scheme::P3mi, 371),
                (Scheme::Mandiri, 176),
                (Scheme::Ukps, 4),
            ],
            0,
        ),
        (
            date(2025, 1, 3),
            date(2025, 12, 29),
            vec![
                (Scheme::G2g, 16),
                (Scheme::P3mi, 380),
                (Scheme::Mandiri, 120),
                (Scheme::Ukps, 6),
            ],
            472,
        ),
    ];
    let this_year = (
        date(2026, 1, 5),
        today - Duration::days(1),
        vec![
            (Scheme::G2g, ytd_2026 / 40),
            (Scheme::P3mi, ytd_2026 * 2 / 3),
            (Scheme::Mandiri, ytd_2026 / 4),
        ],
        0,
    );
    for (from, to, plan, japan) in batches.into_iter().chain([this_year]) {
        let plan: Vec<(Scheme, usize)> = plan.into_iter().map(|(s, n)| (s, n * scale)).collect();
        let japan = japan * scale;
        let schemes = spread(&plan);
        // Japan's quota goes to the schemes that place there most (P3MI, then G2G, then the rest).
        let mut order: Vec<usize> = (0..schemes.len()).collect();
        order.sort_by_key(|&i| match schemes[i] {
            Scheme::P3mi => 0,
            Scheme::G2g => 1,
            Scheme::Ukps => 2,
            Scheme::Mandiri => 3,
        });
        let to_japan: std::collections::HashSet<usize> = order.into_iter().take(japan).collect();
        for (i, scheme) in schemes.into_iter().enumerate() {
            if to >= today || from > to {
                break;
            }
            let day = day_between(&mut maker.rng, from, to);
            let country = if to_japan.contains(&i) {
                Some("JP")
            } else if japan > 0 {
                Some("MY")
            } else {
                None
            };
            made.push(maker.departed(scheme, day, country));
        }
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
    let mut recommendations = Vec::new();
    // Every departure went through a recommendation that was used for the passport.
    for m in &made {
        let gap = (m.placement.departed_on.unwrap_or(m.placement.registered_on)
            - m.placement.registered_on)
            .num_days();
        let decided = m.placement.registered_on
            + Duration::days(7 + maker.rng.below((gap - 20).max(1) as usize) as i64);
        let mut r = maker.recommendation(
            &m.placement,
            &m.person,
            RecommendationStatus::Used,
            decided,
            vec![],
        );
        r.passport_number = m.placement.passport_number.clone();
        r.passport_issued_on = Some(decided + Duration::days(5));
        recommendations.push(r);
    }
    for i in 0..160 {
        let registered = day_between(
            &mut maker.rng,
            today - Duration::days(110),
            today - Duration::days(1),
        );
        let scheme =
            *maker
                .rng
                .weighted(&[(Scheme::P3mi, 60), (Scheme::Mandiri, 35), (Scheme::G2g, 5)]);
        let person = maker.person(registered);
        let mut placement = maker.placement(&person, scheme, registered, None);
        if i % 8 == 0 {
            placement.stage = Stage::Cancelled;
            placement.cancel_reason = Some(*maker.rng.pick(&[
                CancelReason::Withdrawn,
                CancelReason::FailedDeparture,
                CancelReason::Unfit,
                CancelReason::PreventedNonprocedural,
            ]));
        } else {
            // Recommended applicants brought every paper; the others the first part of the list.
            let recommend = i % 5 == 1 && registered < today - Duration::days(8);
            let items = if recommend {
                default_passport_checklist(scheme).0
            } else {
                default_checklist(scheme).0
            };
            let brought = if recommend {
                items.len()
            } else {
                3 + maker.rng.below(items.len() - 2)
            };
            for kinds in items.iter().take(brought) {
                let verified = recommend || maker.rng.chance(85);
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
                    removed_on: None,
                    removed_reason: None,
                    versions: version::Versions::unset(),
                });
            }
            let decided = (registered + Duration::days(7)).min(today);
            if recommend {
                placement.stage = Stage::Recommended;
                recommendations.push(maker.recommendation(
                    &placement,
                    &person,
                    RecommendationStatus::Issued,
                    decided,
                    vec![],
                ));
            } else if i % 11 == 3 {
                recommendations.push(maker.recommendation(
                    &placement,
                    &person,
                    RecommendationStatus::Refused,
                    decided,
                    vec![RefusalReason::DocsIncomplete],
                ));
            } else if i % 23 == 2 {
                let mut void = maker.recommendation(
                    &placement,
                    &person,
                    RecommendationStatus::Void,
                    decided,
                    vec![],
                );
                void.void_reason = Some("Salah penulisan nama".into());
                recommendations.push(void);
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
    progress.set_total((made.len() * 2 + documents.len() + recommendations.len()) as u64);
    for m in &mut made {
        progress.inc(2);
        let year = m.placement.registered_on.year();
        m.placement.registration_number = Some(db::numbers::next(
            tx,
            db::numbers::Series::Registration,
            year,
            |n| registration_number(OFFICE_CODE, year, n),
        )?);
        records::insert(tx, &m.person)?;
        records::insert(tx, &m.placement)?;
    }
    for d in &documents {
        progress.inc(1);
        records::insert(tx, d)?;
    }
    recommendations.sort_by(|a, b| a.decided_on.cmp(&b.decided_on).then(a.uid.cmp(&b.uid)));
    for r in &mut recommendations {
        // Refusals are numbered too: the refusal letter the applicant takes home.
        let (year, decided_on) = (r.decided_on.year(), r.decided_on);
        r.letter_number = Some(db::numbers::next(
            tx,
            db::numbers::Series::Letter,
            year,
            |seq| letter_number(LETTER_TEMPLATE, seq, OFFICE_CODE, decided_on),
        )?);
        records::insert(tx, r)?;
        progress.inc(1);
    }
    progress.label(&t!(Msg::ProgressSaving));
    let protection = protection::populate(tx, &mut maker, &made, today)?;
    Ok(Summary {
        persons: db::persons::count(tx)? as usize,
        placements: made.len(),
        documents: documents.len(),
        recommendations: recommendations.len(),
        cases: protection.cases,
        repatriations: protection.repatriations,
    })
}

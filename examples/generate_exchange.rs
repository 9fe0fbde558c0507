//! Writes an exchange folder of N persons and N placements, with documents, recommendations, cases,
//! case events and repatriations in the proportions of a real office, every row valid under the
//! import rules (NIKs agree with sex and birth date, stages with dates). For the benchmark
//! (`examples/bench.sh`): `cargo run --release --example generate_exchange -- N DIR`.

use std::fs::File;
use std::io::BufWriter;

/// A small deterministic generator (xorshift), so that every run writes the same folder.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// Uids in file order, as an export writes them (rows in uid order); `kind` keeps kinds apart.
fn uid(kind: u32, i: u64) -> String {
    let h = i.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    format!(
        "{kind:08x}-{:04x}-4{:03x}-8{:03x}-{:012x}",
        (i >> 24) & 0xffff,
        (i >> 12) & 0xfff,
        i & 0xfff,
        h & 0xffff_ffff_ffff
    )
}

const MEN: &[&str] = &[
    "Budi", "Rizky", "Andi", "Yoga", "Fajar", "Hendra", "Irfan", "Dedi",
];
const WOMEN: &[&str] = &[
    "Siti", "Nur'aini", "Desy", "Rahmah", "Fitri", "Yuli", "Sri", "Ratna",
];
const FAMILY: &[&str] = &[
    "Santoso",
    "Saputra",
    "Hidayat",
    "Putri",
    "Rahmawati",
    "Siregar",
    "Nasution",
];
const COUNTRIES: &[&str] = &["MY", "JP", "TW", "HK", "KR", "SA", "SG"];
const SCHEMES: &[&str] = &["P3MI", "P3MI", "P3MI", "MANDIRI", "MANDIRI", "G2G"];

fn stamp(date: &str, rng: &mut Rng) -> String {
    format!(
        "{date}T{:02}:{:02}:{:02}.{:03}Z",
        rng.below(10),
        rng.below(60),
        rng.below(60),
        rng.below(1000)
    )
}

fn date(days_since_2019: u64) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2019, 1, 1).unwrap()
        + chrono::Duration::days(days_since_2019 as i64)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let n: u64 = args
        .get(1)
        .map(|s| s.parse())
        .transpose()?
        .unwrap_or(200_000);
    let dir = std::path::PathBuf::from(args.get(2).map(String::as_str).unwrap_or("exchange"));
    std::fs::create_dir_all(&dir)?;
    let districts: Vec<String> = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/districts.csv"),
    )?
    .lines()
    .skip(1)
    .filter_map(|l| l.split(',').next().map(str::to_string))
    .filter(|c| c.len() == 6)
    .collect();
    let writer =
        |name: &str, header: &str| -> Result<csv::Writer<BufWriter<File>>, std::io::Error> {
            let mut w = csv::WriterBuilder::new()
                .terminator(csv::Terminator::Any(b'\n'))
                .from_writer(BufWriter::with_capacity(
                    1 << 20,
                    File::create(dir.join(name))?,
                ));
            w.write_record(header.split(','))?;
            Ok(w)
        };
    let mut persons = writer("persons.csv", "person_uid,nik,full_name,sex,birth_place,birth_date,regency_code,address,phone,education,marital_status,office_code,created_at,updated_at")?;
    let mut placements = writer("placements.csv", "placement_uid,person_uid,scheme,p3mi_name,employer_name,country,sector,occupation,stage,registered_on,departed_on,returned_on,cancel_reason,passport_number,office_code,created_at,updated_at")?;
    let mut documents = writer("documents.csv", "document_uid,placement_uid,kind,number,issued_on,expires_on,verified_on,verified_by,updated_at")?;
    let mut recommendations = writer("recommendations.csv", "recommendation_uid,placement_uid,letter_number,status,decided_on,valid_until,immigration_office,refusal_reasons,void_reason,clerk,office_code,created_at,updated_at")?;
    let mut cases = writer("cases.csv", "case_uid,case_number,person_uid,category,channel,procedural_status,country,reported_on,complainant_name,complainant_relation,summary,status,closure_reason,closed_on,office_code,created_at,updated_at")?;
    let mut events = writer(
        "case_events.csv",
        "event_uid,case_uid,occurred_on,kind,partner,letter_number,note,clerk,created_at",
    )?;
    let mut repatriations = writer("repatriations.csv", "repatriation_uid,person_uid,case_uid,category,from_country,debarkation,arrived_on,origin_regency_code,handed_over_to,handed_over_on,handover_record_number,notes,office_code,created_at,updated_at")?;
    let mut rng = Rng(0x5EED_1234_ABCD_0001);
    let mut serials = std::collections::HashMap::<String, u32>::new();
    let (mut docs, mut letters, mut case_count, mut event_count, mut returns) =
        (0u64, 0u64, 0u64, 0u64, 0u64);
    for i in 0..n {
        let woman = rng.below(100) < 37;
        let first = if woman { WOMEN } else { MEN }[rng.below(8) as usize];
        let name = format!(
            "{first} {}",
            FAMILY[rng.below(FAMILY.len() as u64) as usize]
        );
        let district = &districts[rng.below(districts.len() as u64) as usize];
        let birth = date(0) - chrono::Duration::days(6_600 + rng.below(9_000) as i64);
        let key = format!("{district}{}", birth.format("%d%m%y"));
        let serial = serials.entry(key).or_insert(0);
        *serial += 1;
        let day: u32 = birth.format("%d").to_string().parse::<u32>()? + if woman { 40 } else { 0 };
        let nik = format!("{district}{day:02}{}{:04}", birth.format("%m%y"), *serial);
        let registered = date(rng.below(2_400));
        let created = stamp(&registered.to_string(), &mut rng);
        let person = uid(1, i);
        let phone = format!("'+628{:010}", rng.below(10_000_000_000));
        persons.write_record([
            person.as_str(),
            &nik,
            &name,
            if woman { "P" } else { "L" },
            "Padang",
            &birth.to_string(),
            &district[..4],
            "Jl. Contoh No. 1",
            &phone,
            "SMA",
            "SINGLE",
            "BP3MI-SB",
            &created,
            &created,
        ])?;
        let scheme = SCHEMES[rng.below(SCHEMES.len() as u64) as usize];
        let p3mi = if scheme == "P3MI" {
            "PT Maju Bersama"
        } else {
            ""
        };
        let country = COUNTRIES[rng.below(COUNTRIES.len() as u64) as usize];
        let roll = rng.below(100);
        let departed =
            (registered + chrono::Duration::days(30 + rng.below(60) as i64)).min(date(2_500));
        let back = (departed + chrono::Duration::days(400)).min(date(2_500));
        let (stage, departed_on, returned_on, cancel) = match roll {
            0..=69 => ("DEPARTED", departed.to_string(), String::new(), ""),
            70..=79 => ("RETURNED", departed.to_string(), back.to_string(), ""),
            80..=89 => ("REGISTERED", String::new(), String::new(), ""),
            90..=94 => ("RECOMMENDED", String::new(), String::new(), ""),
            _ => ("CANCELLED", String::new(), String::new(), "WITHDRAWN"),
        };
        let placement = uid(2, i);
        let passport = if departed_on.is_empty() {
            String::new()
        } else {
            format!("C{:07}", i % 10_000_000)
        };
        placements.write_record([
            placement.as_str(),
            &person,
            scheme,
            p3mi,
            "",
            country,
            "FORMAL",
            "Operator",
            stage,
            &registered.to_string(),
            &departed_on,
            &returned_on,
            cancel,
            &passport,
            "BP3MI-SB",
            &created,
            &created,
        ])?;
        if i % 2 == 0 {
            let verified = registered.to_string();
            documents.write_record([
                uid(3, docs).as_str(),
                &placement,
                "KTP",
                "",
                &verified,
                "",
                &verified,
                "demo",
                &created,
            ])?;
            docs += 1;
        }
        let status = match stage {
            "DEPARTED" | "RETURNED" => Some("USED"),
            "RECOMMENDED" => Some("ISSUED"),
            "REGISTERED" if i % 5 == 0 => Some("REFUSED"),
            _ => None,
        };
        if let Some(status) = status {
            let decided = registered.to_string();
            let valid = (registered + chrono::Duration::days(30)).to_string();
            let refused = status == "REFUSED";
            letters += 1;
            recommendations.write_record([
                uid(4, letters).as_str(),
                &placement,
                &format!("B.{letters}/BP3MI-SB/I/{}", registered.format("%Y")),
                status,
                &decided,
                if refused { "" } else { &valid },
                if refused {
                    ""
                } else {
                    "Kantor Imigrasi Kelas I TPI Padang"
                },
                if refused { "DOCS_INCOMPLETE" } else { "" },
                "",
                "demo",
                "BP3MI-SB",
                &created,
                &created,
            ])?;
        }
        if i % 100 == 7 {
            case_count += 1;
            let case = uid(5, case_count);
            let reported = registered.to_string();
            cases.write_record([
                case.as_str(),
                &format!("BP3MI-SB-K-{}-{case_count:06}", registered.format("%Y")),
                &person,
                "UNPAID_WAGES",
                "IN_PERSON",
                "PROCEDURAL",
                country,
                &reported,
                "Ibu Sari",
                "ibu",
                "Gaji belum dibayar",
                "IN_PROGRESS",
                "",
                "",
                "BP3MI-SB",
                &created,
                &created,
            ])?;
            for kind in ["STATUS_CHANGE", "CONSULTATION", "MEDIATION"] {
                event_count += 1;
                events.write_record([
                    uid(6, event_count).as_str(),
                    &case,
                    &reported,
                    kind,
                    "",
                    "",
                    "Catatan",
                    "demo",
                    &created,
                ])?;
            }
        }
        if i % 200 == 11 && stage == "RETURNED" {
            returns += 1;
            repatriations.write_record([
                uid(7, returns).as_str(),
                &person,
                "",
                "TROUBLED",
                country,
                "BIM",
                &back.to_string(),
                &district[..4],
                "",
                "",
                "",
                "",
                "BP3MI-SB",
                &created,
                &created,
            ])?;
        }
    }
    for w in [
        &mut persons,
        &mut placements,
        &mut documents,
        &mut recommendations,
        &mut cases,
        &mut events,
        &mut repatriations,
    ] {
        w.flush()?;
    }
    drop((
        persons,
        placements,
        documents,
        recommendations,
        cases,
        events,
        repatriations,
    ));
    write_manifest(&dir)?;
    eprintln!(
        "{n} persons, {n} placements, {docs} documents, {letters} recommendations, {case_count} cases, {event_count} events, {returns} repatriations in {}",
        dir.display()
    );
    Ok(())
}

/// The manifest an export writes: rows and SHA-256 of every file, from the sending office.
fn write_manifest(dir: &std::path::Path) -> Result<(), Box<dyn std::error::Error>> {
    use sha2::{Digest, Sha256};
    let mut files = Vec::new();
    for name in [
        "persons",
        "placements",
        "documents",
        "recommendations",
        "cases",
        "case_events",
        "repatriations",
    ] {
        let bytes = std::fs::read(dir.join(format!("{name}.csv")))?;
        let rows = bytes.iter().filter(|b| **b == b'\n').count() - 1;
        files.push(serde_json::json!({
            "name": format!("{name}.csv"),
            "rows": rows,
            "sha256": format!("{:x}", Sha256::digest(&bytes)),
        }));
    }
    let manifest = serde_json::json!({
        "format": "pmi-desk-exchange", "version": 1, "office_code": "BP3MI-SB",
        "exported_at": "2026-11-27T23:00:00.000Z", "since": null, "seq_from": 1, "seq_to": null,
        "masked": false, "files": files,
    });
    std::fs::write(
        dir.join("manifest.json"),
        serde_json::to_vec_pretty(&manifest)?,
    )?;
    Ok(())
}

//! The exchange as offices live it (version 2): regencies send to the province nightly, the
//! province to the centre and back, some folders late or lost. Each test is one of the failures
//! that version 1 had, lived again: nothing typed is lost, no office blocks another, every office
//! ends with the same data, numbers are the same everywhere, and folders are signed.

use std::path::PathBuf;

use crate::util::{Office, Run};

/// The nightly folder from `from` for `to` (`export --since-last --to`).
fn send(from: &Office, to: &str, name: &str) -> PathBuf {
    from.run(&["export", "--out", name, "--since-last", "--to", to])
        .ok();
    from.path(name)
}

fn take(office: &Office, folder: &std::path::Path) -> Run {
    office.run(&["import", folder.to_str().unwrap()])
}

fn json(office: &Office, args: &[&str]) -> serde_json::Value {
    office.run(&[args, &["--format", "json"]].concat()).json()
}

fn review(office: &Office) -> Vec<serde_json::Value> {
    json(office, &["review", "list"])
        .as_array()
        .cloned()
        .unwrap_or_default()
}

fn value(office: &Office, sql: &str) -> String {
    let conn = rusqlite::Connection::open(&office.db).unwrap();
    conn.query_row(sql, [], |r| {
        Ok(match r.get_ref(0)? {
            rusqlite::types::ValueRef::Integer(n) => n.to_string(),
            rusqlite::types::ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned(),
            _ => String::new(),
        })
    })
    .unwrap()
}

/// Each file of a full export, for comparing two offices.
fn files(office: &Office, name: &str) -> Vec<(String, String)> {
    office.run(&["export", "--out", name]).ok();
    let mut out: Vec<(String, String)> = std::fs::read_dir(office.path(name))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "csv"))
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

const BUDI: &str = "1371021508900001";
const SITI: &str = "1371025508900002";

/// Version 1 refused the second regency's whole folder, and every later folder of that regency.
#[test]
fn one_person_registered_at_two_regencies_blocks_nothing_and_waits_for_review() {
    let agam = Office::with_code("AGAM");
    let padang = Office::with_code("PADANG");
    let province = Office::new();
    let centre = Office::with_code("BP2MI");
    agam.register(BUDI, "Budi Santoso", &[]).ok();
    agam.register("1371021508900003", "Andi", &[]).ok();
    padang
        .register(BUDI, "Budi Santoso", &["--country", "JP"])
        .ok();
    padang.register("1371021508900004", "Citra", &[]).ok();
    take(&province, &send(&agam, "BP3MI-SB", "agam-1")).ok();
    let run = take(&province, &send(&padang, "BP3MI-SB", "padang-1"));
    assert!(run.fails(4).contains("review"), "{}", run.stderr);
    let items = review(&province);
    assert_eq!(items.len(), 1, "{items:?}");
    assert_eq!(items[0]["kind"], "OPEN_PLACEMENTS");
    // At 80 columns the clerk reads both registration numbers whole, nothing cut.
    let shown = province.run_with(&["review", "list"], &[("COLUMNS", "80")]);
    let shown = shown.ok();
    assert!(shown.lines().all(|l| l.chars().count() <= 80), "{shown}");
    assert!(!shown.contains('…'), "{shown}");
    for number in ["AGAM-REG-", "PADANG-REG-"] {
        assert!(shown.contains(number), "{number} in\n{shown}");
    }
    // The next night's folder of that regency is taken too.
    padang.register("1371021508900005", "Dedi", &[]).ok();
    take(&province, &send(&padang, "BP3MI-SB", "padang-2")).fails(4);
    for nik in ["1371021508900003", "1371021508900004", "1371021508900005"] {
        province.run(&["worker", "show", nik]).ok();
    }
    let budi = json(&province, &["worker", "show", BUDI]);
    assert_eq!(budi["placements"].as_array().unwrap().len(), 2);
    // The centre sees the same item, under the same id.
    take(&centre, &send(&province, "BP2MI", "province-1")).fails(4);
    assert_eq!(review(&centre)[0]["id"], items[0]["id"]);
    // The province keeps Agam's application; the decision travels and the item ends everywhere.
    let id = items[0]["id"].as_str().unwrap();
    province.run(&["review", "resolve", id, "--keep", "1"]).ok();
    assert!(review(&province).is_empty());
    take(&centre, &send(&province, "BP2MI", "province-2")).ok();
    assert!(review(&centre).is_empty());
    assert_eq!(
        value(
            &centre,
            "SELECT count(*) FROM placements WHERE stage = 'CANCELLED'"
        ),
        "1"
    );
}

/// Version 1 stopped the province's unattended import on a warning the regency's clerk had
/// accepted, then the centre's.
#[test]
fn a_warning_accepted_at_the_regency_stops_no_one_after_it() {
    let agam = Office::with_code("AGAM");
    let province = Office::new();
    let centre = Office::with_code("BP2MI");
    // Lives in Agam, NIK from Padang: a warning the clerk accepted.
    agam.register(BUDI, "Budi", &["--regency", "1306", "--accept-warnings"])
        .ok();
    take(&province, &send(&agam, "BP3MI-SB", "agam-1")).ok();
    take(&centre, &send(&province, "BP2MI", "province-1")).ok();
    assert!(review(&centre).is_empty());
    let accepted = value(&centre, "SELECT accepted_warnings FROM persons");
    assert!(
        accepted.starts_with("NIK_REGENCY_DIFFERS by tester at "),
        "who accepted it, and when, travel with the record: {accepted}"
    );
}

/// Version 1 kept the newer whole record: the province's address or the regency's phone was lost.
#[test]
fn corrections_of_different_fields_at_two_offices_both_stay() {
    let agam = Office::with_code("AGAM");
    let province = Office::new();
    agam.register(BUDI, "Budi", &["--address", "Jl. Lama"]).ok();
    take(&province, &send(&agam, "BP3MI-SB", "agam-1")).ok();
    province
        .run(&["worker", "edit", BUDI, "--address", "Jl. Provinsi 3"])
        .ok();
    agam.run(&["worker", "edit", BUDI, "--phone", "081234567890"])
        .ok();
    take(&province, &send(&agam, "BP3MI-SB", "agam-2")).ok();
    take(&agam, &send(&province, "AGAM", "province-1")).ok();
    for office in [&agam, &province] {
        let p = json(office, &["worker", "show", BUDI]);
        assert_eq!(p["record"]["address"], "Jl. Provinsi 3");
        assert_eq!(p["record"]["phone"], "+6281234567890");
        assert!(review(office).is_empty());
    }
    assert_eq!(files(&agam, "a"), files(&province, "p"));
}

/// Version 1 left two offices that edited one field in the same second different forever.
#[test]
fn one_field_edited_at_two_offices_at_once_ends_the_same_everywhere_with_both_values_kept() {
    let agam = Office::with_code("AGAM");
    let province = Office::new();
    agam.register(BUDI, "Budi", &[]).ok();
    take(&province, &send(&agam, "BP3MI-SB", "agam-1")).ok();
    agam.run(&["worker", "edit", BUDI, "--address", "Jl. Agam 2"])
        .ok();
    province
        .run(&["worker", "edit", BUDI, "--address", "Jl. Provinsi 3"])
        .ok();
    take(&province, &send(&agam, "BP3MI-SB", "agam-2")).fails(4);
    take(&agam, &send(&province, "AGAM", "province-1")).fails(4);
    assert_eq!(files(&agam, "a"), files(&province, "p"));
    let (a, p) = (review(&agam), review(&province));
    assert_eq!(a, p, "the same item, the same id");
    assert_eq!(a[0]["kind"], "FIELD_CONFLICT");
    let values = a[0]["values"].as_str().unwrap();
    assert!(
        values.contains("Jl. Agam 2") && values.contains("Jl. Provinsi 3"),
        "{values}"
    );
    // An empty value resolves nothing: the address is not blanked, the item still waits.
    let id = a[0]["id"].as_str().unwrap().to_string();
    let run = agam.run(&["review", "resolve", &id, "--value", " "]);
    let said = run.fails(2);
    assert!(said.contains("empty value"), "{said}");
    assert_ne!(value(&agam, "SELECT address FROM persons"), "");
    assert_eq!(review(&agam).len(), 1);
    agam.run(&["review", "resolve", &id, "--value", "Jl. Agam 2A"])
        .ok();
    assert_eq!(value(&agam, "SELECT address FROM persons"), "Jl. Agam 2A");
    assert!(review(&agam).is_empty());
}

/// Version 1 let a cancellation made later by the clock erase a departure, and a "used" undo a
/// void.
#[test]
fn a_departure_is_never_erased_by_a_cancellation_and_a_void_is_final() {
    let agam = Office::with_code("AGAM");
    let province = Office::new();
    let number = province.ready_for_passport(BUDI, "Budi", &[]);
    province.run(&["recommend-passport", &number]).ok();
    let letter = value(&province, "SELECT letter_number FROM recommendations");
    take(&agam, &send(&province, "AGAM", "province-1")).ok();
    agam.run(&[
        "depart",
        &number,
        "--on",
        "2023-11-08",
        "--passport",
        "C1234567",
        "--accept-warnings",
    ])
    .ok();
    // The province, not knowing, cancels the next day by its clock and voids its letter.
    province
        .run_with(
            &["cancel", &number, "--reason", "WITHDRAWN"],
            &[("PMI_DESK_NOW", "2023-11-09")],
        )
        .ok();
    agam.run(&[
        "recommendation",
        "used",
        &letter,
        "--passport",
        "C1234567",
        "--issued",
        "2023-11-08",
    ])
    .ok();
    take(&province, &send(&agam, "BP3MI-SB", "agam-1")).fails(4);
    take(&agam, &send(&province, "AGAM", "province-2")).fails(4);
    for office in [&agam, &province] {
        assert_eq!(value(office, "SELECT stage FROM placements"), "DEPARTED");
        assert_eq!(
            value(office, "SELECT departed_on FROM placements"),
            "2023-11-08"
        );
        assert_eq!(value(office, "SELECT status FROM recommendations"), "VOID");
        let items = review(office);
        assert_eq!(items[0]["kind"], "CONTRADICTION", "{items:?}");
    }
    assert_eq!(files(&agam, "a"), files(&province, "p"));
}

/// Version 1 kept one `--since-last` point per database: an auditor's full export or a folder for
/// another office swallowed the next night's increment, and a lost folder went unnoticed.
#[test]
fn each_recipient_has_its_own_point_and_a_lost_folder_is_noticed_until_it_arrives() {
    let agam = Office::with_code("AGAM");
    let province = Office::new();
    agam.register(BUDI, "Budi", &[]).ok();
    take(&province, &send(&agam, "BP3MI-SB", "night-1")).ok();
    agam.register(SITI, "Siti", &["--sex", "P"]).ok();
    agam.run(&["export", "--out", "for-auditor"]).ok();
    send(&agam, "BP2MI", "for-centre");
    let night2 = send(&agam, "BP3MI-SB", "night-2");
    let persons = std::fs::read_to_string(night2.join("persons.csv")).unwrap();
    assert!(persons.contains("Siti"), "the night's increment: {persons}");
    // Night 3 is lost on the way; night 4 arrives first.
    agam.register("1371021508900003", "Andi", &[]).ok();
    let night3 = send(&agam, "BP3MI-SB", "night-3");
    agam.register("1371021508900004", "Dedi", &[]).ok();
    let night4 = send(&agam, "BP3MI-SB", "night-4");
    take(&province, &night2).ok();
    // Saved, but a nightly script must hear of the hole: exit 4, with what is missing.
    let run = take(&province, &night4);
    let said = run.fails(4);
    assert!(said.contains("Not received from AGAM"), "{said}");
    assert!(said.contains("have not arrived"), "{said}");
    let status = json(&province, &["exchange", "status"]);
    let holes = status["holes"].as_array().unwrap();
    assert_eq!(holes.len(), 1, "{status}");
    assert_eq!(holes[0]["office"], "AGAM");
    take(&province, &night3).ok();
    let status = json(&province, &["exchange", "status"]);
    assert!(status["holes"].as_array().unwrap().is_empty(), "{status}");
    assert_eq!(status["sites"][0]["office"], "AGAM");
}

/// Version 1 re-pointed another regency's worker at the province when a NIK was corrected to his.
#[test]
fn a_nik_correction_never_moves_another_persons_records() {
    let agam = Office::with_code("AGAM");
    let padang = Office::with_code("PADANG");
    let province = Office::new();
    padang.register(SITI, "Siti Rahmah", &["--sex", "P"]).ok();
    take(&province, &send(&padang, "BP3MI-SB", "padang-1")).ok();
    agam.register(BUDI, "Budi", &[]).ok();
    // A slip at Agam: Budi's NIK corrected to Siti's, which Agam does not hold.
    agam.run(&[
        "worker",
        "edit",
        BUDI,
        "--nik",
        SITI,
        "--yes",
        "--accept-warnings",
    ])
    .ok();
    take(&province, &send(&agam, "BP3MI-SB", "agam-1")).fails(4);
    assert_eq!(
        value(
            &province,
            "SELECT count(*) FROM persons WHERE nik = '1371025508900002'"
        ),
        "2",
        "two persons, both kept"
    );
    assert_eq!(
        value(
            &province,
            "SELECT e.full_name FROM placements p JOIN persons e ON e.uid = p.person_uid
             WHERE p.office_code = 'PADANG'"
        ),
        "Siti Rahmah",
        "Siti's placement is still Siti's"
    );
    assert_eq!(review(&province)[0]["kind"], "NIK_TAKEN");
}

/// Version 1 kept "the stored one" of two persons with one NIK and dropped the other's fields.
#[test]
fn two_records_of_one_person_merge_field_by_field() {
    let agam = Office::with_code("AGAM");
    let padang = Office::with_code("PADANG");
    let province = Office::new();
    agam.register(BUDI, "Budi Santoso", &["--address", "Jorong Koto"])
        .ok();
    padang
        .register(BUDI, "Budi Santoso", &["--phone", "081234567890"])
        .ok();
    take(&province, &send(&agam, "BP3MI-SB", "agam-1")).ok();
    take(&province, &send(&padang, "BP3MI-SB", "padang-1")).fails(4);
    let p = json(&province, &["worker", "show", BUDI]);
    assert_eq!(p["record"]["address"], "Jorong Koto");
    assert_eq!(p["record"]["phone"], "+6281234567890");
    assert_eq!(province.count("persons"), 1);
    assert_eq!(province.count("person_merges"), 1, "the merge is recorded");
    // The merge travels: the regency that sent the other record ends with one person too.
    take(&padang, &send(&province, "PADANG", "province-1")).fails(4);
    take(&agam, &send(&province, "AGAM", "province-2")).fails(4);
    for office in [&agam, &padang] {
        assert_eq!(office.count("persons"), 1);
    }
    assert_eq!(files(&agam, "a"), files(&province, "p"));
    assert_eq!(files(&padang, "b"), files(&province, "q"));
}

/// Version 1 renumbered registrations at every office: REG-2023-00001 was Budi at the regency and
/// someone else at the province, and the letter to immigration printed the regency's number.
#[test]
fn registration_numbers_carry_their_office_and_are_the_same_everywhere() {
    let agam = Office::with_code("AGAM");
    let province = Office::new();
    let budi = agam.register(BUDI, "Budi", &["--format", "json"]).json();
    assert_eq!(budi["registration_number"], "AGAM-REG-2023-00001");
    province.register(SITI, "Siti", &["--sex", "P"]).ok();
    take(&province, &send(&agam, "BP3MI-SB", "agam-1")).ok();
    let shown = json(&province, &["worker", "show", "AGAM-REG-2023-00001"]);
    assert_eq!(shown["record"]["full_name"], "Budi");
    let siti = json(&province, &["worker", "show", "REG-2023-00001"]);
    assert_eq!(
        siti["record"]["full_name"], "Siti",
        "a number without an office code is this office's"
    );
    for kind in crate::util::PASSPORT_DOCS {
        province
            .run(&[
                "docs",
                "add",
                "AGAM-REG-2023-00001",
                "--kind",
                kind,
                "--verified",
            ])
            .ok();
    }
    province
        .run(&["recommend-passport", "AGAM-REG-2023-00001"])
        .ok();
    for (key, value) in [
        ("signatory.name", "Drs. Contoh"),
        ("signatory.title", "Kepala Balai"),
    ] {
        province.run(&["config", "set", key, value]).ok();
    }
    province
        .run(&["letter", "B.0001/BP3MI-SB/XI/2023", "--out", "l.txt"])
        .ok();
    let text = std::fs::read_to_string(province.path("l.txt")).unwrap();
    assert!(text.contains("AGAM-REG-2023-00001"), "{text}");
}

/// A hand-made three-file folder imported an ISSUED letter in this office's series, printed on
/// its letterhead; another turned a refusal for suspected trafficking into an issued letter.
#[test]
fn only_the_issuing_office_issues_refuses_or_voids_its_letters() {
    let province = Office::new();
    let agam = Office::with_code("AGAM");
    let number = province.ready_for_passport(BUDI, "Budi", &[]);
    province
        .run(&[
            "recommend-passport",
            &number,
            "--refuse",
            "TRAFFICKING_INDICATION",
            "--note",
            "Calo",
        ])
        .fails(1);
    take(&agam, &send(&province, "AGAM", "province-1")).ok();
    // Agam's folder, edited to turn the refusal into an issued letter: the signature breaks.
    agam.run(&["export", "--out", "forged"]).ok();
    let path = agam.path("forged").join("recommendations.csv");
    let text = std::fs::read_to_string(&path).unwrap();
    let forged =
        text.replacen(",REFUSED,", ",ISSUED,", 1)
            .replacen(",TRAFFICKING_INDICATION,", ",,", 1);
    std::fs::write(&path, forged).unwrap();
    let run = take(&province, &agam.path("forged"));
    assert!(
        run.fails(1).contains("does not match the manifest"),
        "{}",
        run.stderr
    );
    // Without its manifest, as from an unknown sender: the letter's row is refused, on its own.
    std::fs::remove_file(agam.path("forged").join("manifest.json")).unwrap();
    std::fs::remove_file(agam.path("forged").join("manifest.sig")).unwrap();
    let run = province.run(&[
        "import",
        agam.path("forged").to_str().unwrap(),
        "--unsigned",
    ]);
    assert!(
        run.fails(4).contains("recommendations.csv:2:"),
        "{}",
        run.stderr
    );
    assert_eq!(
        value(&province, "SELECT status FROM recommendations"),
        "REFUSED"
    );
    // And numbering goes on.
    let next = province.ready_for_passport(SITI, "Siti", &["--sex", "P"]);
    province.run(&["recommend-passport", &next]).ok();
}

/// A number of this office's series that arrives from elsewhere never stalls the numbering.
#[test]
fn numbering_skips_a_number_already_held() {
    let office = Office::new();
    let dir = office.path("in");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("persons.csv"),
        "person_uid,nik,full_name,office_code,created_at,updated_at\n\
         0a5d3c1e-1111-4c1e-8a11-000000000001,1371021508900009,Yoga,X,2023-11-01T00:00:00Z,2023-11-01T00:00:00Z\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("placements.csv"),
        "placement_uid,person_uid,scheme,country,stage,registered_on,office_code,created_at,updated_at,registration_number\n\
         0a5d3c1e-2222-4c1e-8a11-000000000001,0a5d3c1e-1111-4c1e-8a11-000000000001,MANDIRI,MY,REGISTERED,2023-03-01,X,2023-11-01T00:00:00Z,2023-11-01T00:00:00Z,BP3MI-SB-REG-2023-00001\n",
    )
    .unwrap();
    office
        .run(&["import", dir.to_str().unwrap(), "--unsigned"])
        .ok();
    let budi = office.register(BUDI, "Budi", &["--format", "json"]).json();
    assert_eq!(budi["registration_number"], "BP3MI-SB-REG-2023-00002");
}

/// A site's key is learned from its first folder (or a key file); a later folder that claims the
/// site with another key is refused, until the office forgets the old key on purpose.
#[test]
fn a_folder_must_be_signed_by_the_key_its_site_is_known_by() {
    let agam = Office::with_code("AGAM");
    let impostor = Office::with_code("AGAM");
    let province = Office::new();
    agam.register(BUDI, "Budi", &[]).ok();
    let first = take(&province, &send(&agam, "BP3MI-SB", "agam-1"));
    assert!(first.ok().is_empty() || first.stderr.contains("First folder from AGAM"));
    // Another database claiming Agam's site, with its own key.
    let site = value(&agam, "SELECT site_id FROM site_self");
    impostor.sql(&format!("UPDATE site_self SET site_id = '{site}'"));
    impostor.register(SITI, "Siti", &["--sex", "P"]).ok();
    let run = take(&province, &send(&impostor, "BP3MI-SB", "fake"));
    assert!(
        run.fails(1).contains("signed with another key"),
        "{}",
        run.stderr
    );
    assert_eq!(province.count("persons"), 1);
    // A key file given beforehand is trusted from the first folder on.
    let padang = Office::with_code("PADANG");
    padang
        .run(&["exchange", "key", "--out", "padang.json"])
        .ok();
    // Printed rather than written, the key file stays clean JSON and its fingerprint is said
    // beside it, the same one `exchange status` shows at the other end.
    let printed = padang.run(&["exchange", "key"]);
    let key: serde_json::Value = serde_json::from_str(printed.ok()).unwrap();
    assert_eq!(key["format"], "pmi-desk-site-key");
    let fingerprint = json(&padang, &["exchange", "status"])["key_fingerprint"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        printed
            .stderr
            .contains(&format!("fingerprint: {fingerprint}")),
        "{} / {fingerprint}",
        printed.stderr
    );
    let centre = Office::with_code("BP2MI");
    centre
        .run(&[
            "exchange",
            "trust",
            padang.path("padang.json").to_str().unwrap(),
        ])
        .ok();
    padang.register(SITI, "Siti", &["--sex", "P"]).ok();
    let run = take(&centre, &send(&padang, "BP2MI", "padang-1"));
    assert!(
        !run.stderr.contains("First folder"),
        "the key was known: {}",
        run.stderr
    );
    run.ok();
    // The province forgets Agam's key by the eight digits its status shows, never its own.
    let status = json(&province, &["exchange", "status"]);
    let own = status["site"].as_str().unwrap().to_string();
    let sites: Vec<&str> = status["sites"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["site"].as_str().unwrap())
        .collect();
    assert!(
        !sites.contains(&own.as_str()),
        "its own site is no other office: {sites:?}"
    );
    let run = province.run(&["exchange", "forget", &own[..8]]);
    let said = run.fails(1);
    assert!(said.contains("own site"), "{said}");
    province.run(&["exchange", "forget", &site[..8]]).ok();
    let run = take(&province, &send(&impostor, "BP3MI-SB", "fake-2"));
    assert!(
        run.stderr.contains("First folder from AGAM"),
        "{}",
        run.stderr
    );
    // A folder without its signature needs --unsigned.
    let folder = send(&agam, "BP3MI-SB", "agam-2");
    std::fs::remove_file(folder.join("manifest.sig")).unwrap();
    assert!(take(&province, &folder).fails(1).contains("--unsigned"));
}

/// The nightly script of `examples/`: what arrived is imported and filed, a folder is written for
/// each office, and the exit status tells cron that items wait for review (4), not a failure.
#[test]
fn the_nightly_script_imports_what_arrived_and_says_that_items_wait() {
    let agam = Office::with_code("AGAM");
    let province = Office::new();
    agam.register(BUDI, "Budi", &[]).ok();
    province.register(BUDI, "Budi", &["--country", "JP"]).ok();
    let inbox = province.path("terima");
    std::fs::create_dir_all(&inbox).unwrap();
    send(&agam, "BP3MI-SB", "agam-1");
    std::fs::rename(agam.path("agam-1"), inbox.join("agam-1")).unwrap();
    let script =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/nightly-export.sh");
    let bin_dir = std::path::Path::new(crate::util::binary())
        .parent()
        .unwrap()
        .to_path_buf();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = std::process::Command::new("bash")
        .arg(&script)
        .arg(&inbox)
        .arg(province.path("kirim"))
        .arg("BP2MI")
        .arg("AGAM")
        .env("PATH", path)
        .env("PMI_DESK_DB", &province.db)
        .env("PMI_DESK_NOW", crate::util::TODAY)
        .env("PMI_DESK_LANG", "en")
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(4),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(inbox.join("done/agam-1/manifest.json").exists(), "filed");
    let sent: Vec<String> = std::fs::read_dir(province.path("kirim"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(sent.iter().any(|n| n.starts_with("BP2MI-")), "{sent:?}");
    assert!(sent.iter().any(|n| n.starts_with("AGAM-")), "{sent:?}");
    assert_eq!(review(&province)[0]["kind"], "OPEN_PLACEMENTS");
}

/// A row claiming the greatest counter a folder may carry does not use up this office's counter:
/// what the office writes after it still travels, and still supersedes what it had seen.
#[test]
fn a_huge_counter_from_elsewhere_leaves_this_office_writing() {
    let agam = Office::with_code("AGAM");
    agam.register("1371021508900009", "Yoga", &[]).ok();
    let site = value(&agam, "SELECT site_id FROM site_self");
    agam.sql(&format!(
        "UPDATE change_sequence SET value = value + 1;
         UPDATE persons SET versions = '{site}.{}', seq = (SELECT value FROM change_sequence);",
        1i64 << 53
    ));
    let office = Office::new();
    take(&office, &send(&agam, "BP3MI-SB", "agam-1")).ok();
    office.register(BUDI, "Budi", &[]).ok();
    office
        .run(&["worker", "edit", BUDI, "--phone", "081234567890"])
        .ok();
    let centre = Office::with_code("BP2MI");
    take(&centre, &send(&office, "BP2MI", "out")).ok();
    assert_eq!(
        value(
            &centre,
            &format!("SELECT phone FROM persons WHERE nik = '{BUDI}'")
        ),
        "+6281234567890"
    );
    assert_eq!(value(&centre, "SELECT count(*) FROM persons"), "2");
}

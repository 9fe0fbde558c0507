//! What arrives in a folder nobody vouches for (`import --unsigned`) is held to the commands' rules
//! of version 1, and its clock is not trusted.

use crate::util::Office;

const P1: &str = "0a5d3c1e-1111-4c1e-8a11-000000000001";
const P2: &str = "0a5d3c1e-1111-4c1e-8a11-000000000002";
const PL1: &str = "0a5d3c1e-2222-4c1e-8a11-000000000001";
const PL2: &str = "0a5d3c1e-2222-4c1e-8a11-000000000002";
const STAMP: &str = "2023-11-01T01:00:00Z";

fn person(uid: &str, nik: &str, sex: &str, birth: &str) -> String {
    format!("{uid},{nik},Budi,{sex},{birth},DISNAKER-AGAM,{STAMP},{STAMP}\n")
}

const PERSONS: &str = "person_uid,nik,full_name,sex,birth_date,office_code,created_at,updated_at\n";
const PLACEMENTS: &str = "placement_uid,person_uid,scheme,country,stage,registered_on,departed_on,returned_on,cancel_reason,office_code,created_at,updated_at\n";

fn placement(uid: &str, person: &str, stage: &str, dates: &str) -> String {
    format!("{uid},{person},MANDIRI,MY,{stage},2023-03-01,{dates},,DISNAKER-AGAM,{STAMP},{STAMP}\n")
}

/// A folder of exchange files, without a manifest (as a spreadsheet leaves it).
fn folder(office: &Office, name: &str, files: &[(&str, String)]) -> String {
    let dir = office.path(name);
    std::fs::create_dir_all(&dir).unwrap();
    for (file, content) in files {
        std::fs::write(dir.join(file), content).unwrap();
    }
    dir.to_str().unwrap().to_string()
}

#[test]
fn placements_are_held_to_the_stage_machine_and_the_one_open_placement_rule() {
    let office = Office::new();
    let persons = [
        PERSONS,
        &person(P1, "1371021508900001", "L", "1990-08-15"),
        &person(P2, "1371021508900002", "L", "1990-08-15"),
    ]
    .concat();
    let placements = [
        PLACEMENTS,
        // Line 2: departed without a departure date.
        &placement(PL1, P1, "DEPARTED", ","),
        // Line 3: returned before it was registered.
        &placement(PL2, P2, "RETURNED", "2023-02-01,2023-01-01"),
        // Lines 4 and 5: two open placements for one person.
        &placement(
            "0a5d3c1e-2222-4c1e-8a11-000000000003",
            P2,
            "REGISTERED",
            ",",
        ),
        &placement(
            "0a5d3c1e-2222-4c1e-8a11-000000000004",
            P2,
            "REGISTERED",
            ",",
        ),
    ]
    .concat();
    let dir = folder(
        &office,
        "in",
        &[("persons.csv", persons), ("placements.csv", placements)],
    );
    let run = office.run(&["import", &dir, "--unsigned"]);
    let err = run.fails(1);
    assert!(
        err.contains("placements.csv:2: departed_on '': Stage DEPARTED needs the departure date"),
        "{err}"
    );
    assert!(
        err.contains("placements.csv:3: departed_on '2023-02-01'"),
        "{err}"
    );
    assert!(
        err.contains("placements.csv:3: returned_on '2023-01-01'"),
        "{err}"
    );
    assert!(
        err.contains("placements.csv:5: stage 'REGISTERED': an open placement"),
        "the second open placement: {err}"
    );
    assert!(err.contains("Nothing was written"), "{err}");
    assert_eq!(office.count("persons"), 0);
}

#[test]
fn a_person_whose_nik_disagrees_needs_accepted_warnings() {
    let office = Office::new();
    // The NIK says a man born 15-08-1990; the row says a woman born 1991.
    let persons = [PERSONS, &person(P1, "1371021508900001", "P", "1991-08-15")].concat();
    let dir = folder(&office, "in", &[("persons.csv", persons)]);
    let run = office.run(&["import", &dir, "--unsigned"]);
    let err = run.fails(1);
    assert!(err.contains("persons.csv:2:"), "{err}");
    assert!(err.contains("--accept-warnings"), "{err}");
    assert_eq!(office.count("persons"), 0, "nothing written");
    office
        .run(&["import", &dir, "--accept-warnings", "--unsigned"])
        .ok();
    assert_eq!(office.count("persons"), 1);
    let log = office.run(&["log", "--format", "csv"]).ok().to_string();
    assert!(log.contains("warnings_accepted"), "recorded: {log}");
}

#[test]
fn cases_recommendations_and_repatriations_are_held_to_their_rules() {
    let office = Office::new();
    let persons = [PERSONS, &person(P1, "1371021508900001", "L", "1990-08-15")].concat();
    let placements = [PLACEMENTS, &placement(PL1, P1, "RECOMMENDED", ",")].concat();
    let recommendations = format!(
        "recommendation_uid,placement_uid,letter_number,status,decided_on,valid_until,office_code,created_at,updated_at\n\
         0a5d3c1e-3333-4c1e-8a11-000000000001,{PL1},B.1/X/III/2023,ISSUED,2023-03-02,2023-04-01,DISNAKER-AGAM,{STAMP},{STAMP}\n\
         0a5d3c1e-3333-4c1e-8a11-000000000002,{PL1},B.2/X/III/2023,ISSUED,2023-03-03,2023-04-02,DISNAKER-AGAM,{STAMP},{STAMP}\n"
    );
    let cases = format!(
        "case_uid,case_number,person_uid,category,reported_on,status,closure_reason,closed_on,office_code,created_at,updated_at\n\
         0a5d3c1e-4444-4c1e-8a11-000000000001,AG-K-1,{P1},UNPAID_WAGES,2023-05-01,REFERRED,,,DISNAKER-AGAM,{STAMP},{STAMP}\n\
         0a5d3c1e-4444-4c1e-8a11-000000000002,AG-K-2,{P1},UNPAID_WAGES,2023-05-01,CLOSED,,2023-06-01,DISNAKER-AGAM,{STAMP},{STAMP}\n"
    );
    let repatriations = format!(
        "repatriation_uid,person_uid,category,arrived_on,handed_over_to,handed_over_on,office_code,created_at,updated_at\n\
         0a5d3c1e-5555-4c1e-8a11-000000000001,{P1},DEPORTED,2023-07-10,FAMILY,2023-07-01,DISNAKER-AGAM,{STAMP},{STAMP}\n"
    );
    let dir = folder(
        &office,
        "in",
        &[
            ("persons.csv", persons),
            ("placements.csv", placements),
            ("recommendations.csv", recommendations),
            ("cases.csv", cases),
            ("repatriations.csv", repatriations),
        ],
    );
    let err = office
        .run(&["import", &dir, "--unsigned"])
        .fails(1)
        .to_string();
    assert!(
        err.contains("cases.csv:3: closure_reason ''"),
        "closed without a reason: {err}"
    );
    assert!(
        err.contains("cases.csv:2: status 'REFERRED'") && err.contains("REFERRAL"),
        "referred without a referral event: {err}"
    );
    assert!(
        err.contains("repatriations.csv:2: handed_over_on '2023-07-01'"),
        "handed over before arrival: {err}"
    );
}

#[test]
fn a_row_stamped_far_ahead_of_this_office_clock_is_refused() {
    let office = Office::new();
    let mut row = person(P1, "1371021508900001", "L", "1990-08-15");
    row = row.replace(
        &format!("{STAMP},{STAMP}"),
        &format!("{STAMP},2099-01-01T00:00:00Z"),
    );
    let dir = folder(&office, "in", &[("persons.csv", [PERSONS, &row].concat())]);
    let err = office
        .run(&["import", &dir, "--unsigned"])
        .fails(1)
        .to_string();
    assert!(
        err.contains("persons.csv:2: updated_at '2099-01-01T00:00:00Z'")
            && err.contains("hours ahead"),
        "{err}"
    );
    // Within the office's tolerance (a clock a few hours fast) it is accepted.
    let near = person(P1, "1371021508900001", "L", "1990-08-15").replace(
        &format!("{STAMP},{STAMP}"),
        &format!("{STAMP},2023-11-08T05:00:00Z"),
    );
    std::fs::write(
        office.path("in").join("persons.csv"),
        [PERSONS, &near].concat(),
    )
    .unwrap();
    office.run(&["import", &dir, "--unsigned"]).ok();
}

#[test]
fn a_local_correction_survives_a_reimport_of_an_older_file_even_from_a_clock_ahead() {
    let agam = Office::new();
    agam.register("1371021508900001", "Budi", &[]).ok();
    // Agam's clock runs three hours ahead of ours.
    agam.run_with(
        &["export", "--out", "night1"],
        &[("PMI_DESK_NOW", "2023-11-08T03:00:00Z")],
    )
    .ok();
    let csv = std::fs::read_to_string(agam.path("night1").join("persons.csv")).unwrap();
    let shifted = csv.replace("2023-11-08T00:00:00.000Z", "2023-11-08T03:00:00.000Z");
    let dir = agam.path("night1");
    std::fs::write(dir.join("persons.csv"), &shifted).unwrap();
    std::fs::remove_file(dir.join("manifest.json")).unwrap();

    let province = Office::new();
    let path = dir.to_str().unwrap();
    province.run(&["import", path, "--unsigned"]).ok();
    // A correction at 01:00 by our clock, earlier than the stamp that came from Agam.
    province
        .run_with(
            &[
                "worker",
                "edit",
                "1371021508900001",
                "--address",
                "Jl. Baru 1",
            ],
            &[("PMI_DESK_NOW", "2023-11-08T01:00:00Z")],
        )
        .ok();
    let stored = |column: &str| -> String {
        let conn = rusqlite::Connection::open(&province.db).unwrap();
        conn.query_row(&format!("SELECT {column} FROM persons"), [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(
        stored("updated_at"),
        "2023-11-08T03:00:00.001Z",
        "stamped after the stored version, not at our clock's earlier time"
    );
    let again = province.run(&["import", path, "--format", "csv", "--unsigned"]);
    assert!(
        again.ok().contains("persons.csv,0,0,1,0"),
        "{}",
        again.stdout
    );
    assert_eq!(stored("address"), "Jl. Baru 1", "the correction stays");
}

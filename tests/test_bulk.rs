//! An import into an empty database (a province's or the centre's first load) does not ask the
//! database about every row; what the database's own rules report instead must give the same
//! outcome, row by row, as the import into a database that already holds records.

use crate::util::Office;

const STAMP: &str = "2023-11-01T01:00:00Z";
const LATER: &str = "2023-11-02T01:00:00Z";

fn person(uid: u32, nik: &str, name: &str, updated: &str) -> String {
    format!("0a5d3c1e-1111-4c1e-8a11-{uid:012},{nik},{name},L,1990-08-15,AGAM,{STAMP},{updated}\n")
}

fn import(office: &Office, persons: &str, recommendations: Option<&str>) -> crate::util::Run {
    let dir = office.path("in");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("persons.csv"),
        format!(
            "person_uid,nik,full_name,sex,birth_date,office_code,created_at,updated_at\n{persons}"
        ),
    )
    .unwrap();
    if let Some(r) = recommendations {
        let placements = format!(
            "placement_uid,person_uid,scheme,country,stage,registered_on,office_code,created_at,updated_at\n\
             0a5d3c1e-2222-4c1e-8a11-000000000001,0a5d3c1e-1111-4c1e-8a11-000000000001,MANDIRI,MY,RECOMMENDED,2023-03-01,AGAM,{STAMP},{STAMP}\n\
             0a5d3c1e-2222-4c1e-8a11-000000000002,0a5d3c1e-1111-4c1e-8a11-000000000002,MANDIRI,MY,RECOMMENDED,2023-03-01,AGAM,{STAMP},{STAMP}\n"
        );
        std::fs::write(dir.join("placements.csv"), placements).unwrap();
        std::fs::write(
            dir.join("recommendations.csv"),
            format!("recommendation_uid,placement_uid,letter_number,status,decided_on,valid_until,office_code,created_at,updated_at\n{r}"),
        )
        .unwrap();
    }
    office.run(&[
        "import",
        dir.to_str().unwrap(),
        "--format",
        "csv",
        "--unsigned",
    ])
}

#[test]
fn one_person_twice_under_two_uids_is_merged_into_an_empty_database_too() {
    for prefill in [false, true] {
        let office = Office::new();
        if prefill {
            office.register("1371021508900009", "Another", &[]).ok();
        }
        let rows = [
            person(1, "1371021508900001", "Budi", STAMP),
            person(2, "1371021508900001", "Budi S", STAMP),
        ]
        .concat();
        let run = import(&office, &rows, None);
        assert!(run.ok().contains("persons.csv,1,0,0,1"), "{}", run.stdout);
        assert!(
            run.stderr.contains("Budi S"),
            "the name difference is listed: {}",
            run.stderr
        );
        assert_eq!(office.count("person_aliases"), 1);
    }
}

#[test]
fn the_same_uid_twice_in_one_file_keeps_the_newer_version() {
    let office = Office::new();
    let rows = [
        person(1, "1371021508900001", "Budi", STAMP),
        person(1, "1371021508900001", "Budi Santoso", LATER),
    ]
    .concat();
    let run = import(&office, &rows, None);
    assert!(run.ok().contains("persons.csv,1,1,0,0"), "{}", run.stdout);
    let names = office
        .run(&["query", "SELECT full_name FROM persons", "--format", "csv"])
        .ok()
        .to_string();
    assert_eq!(names, "full_name\nBudi Santoso\n");
}

/// A hand-made folder once imported an ISSUED letter in this office's series, which `letter`
/// then printed on the office's letterhead: a folder nobody vouches for never brings a letter.
#[test]
fn a_folder_nobody_vouches_for_never_brings_a_letter() {
    let office = Office::new();
    let persons = [
        person(1, "1371021508900001", "Budi", STAMP),
        person(2, "1371021508900002", "Andi", STAMP),
    ]
    .concat();
    let letters = format!(
        "0a5d3c1e-3333-4c1e-8a11-000000000001,0a5d3c1e-2222-4c1e-8a11-000000000001,B.1/BP3MI-SB/III/2023,ISSUED,2023-03-02,2023-04-01,BP3MI-SB,{STAMP},{STAMP}\n\
         0a5d3c1e-3333-4c1e-8a11-000000000002,0a5d3c1e-2222-4c1e-8a11-000000000002,B.1/X/III/2023,ISSUED,2023-03-02,2023-04-01,AGAM,{STAMP},{STAMP}\n"
    );
    let run = import(&office, &persons, Some(&letters));
    let err = run.fails(4);
    assert!(
        err.contains("recommendations.csv:2:") && err.contains("recommendations.csv:3:"),
        "each letter refused on its row: {err}"
    );
    assert_eq!(office.count("recommendations"), 0, "no letter stored");
    assert_eq!(office.count("placements"), 2, "the rest of the folder is");
    let stages = office
        .run(&[
            "query",
            "SELECT DISTINCT stage FROM placements",
            "--format",
            "csv",
        ])
        .ok()
        .to_string();
    assert_eq!(
        stages, "stage\nREGISTERED\n",
        "no letter, so not recommended"
    );
    office.run(&["letter", "B.1/BP3MI-SB/III/2023"]).fails(1);
}

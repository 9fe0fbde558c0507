//! `worker show|find|list|edit`.

use crate::util::Office;

fn office_with_three() -> Office {
    let office = Office::new();
    office
        .register("1371021508900001", "Budi Santoso", &[])
        .ok();
    office
        .register(
            "1306025508900002",
            "Désy Rahmah",
            &[
                "--sex",
                "P",
                "--regency",
                "1306",
                "--country",
                "JP",
                "--accept-warnings",
            ],
        )
        .ok();
    office
        .register(
            "1371021508900003",
            "Andi",
            &[
                "--scheme",
                "G2G",
                "--country",
                "KR",
                "--registered-on",
                "2023-01-05",
            ],
        )
        .ok();
    office
}

#[test]
fn list_filters_combine() {
    let office = office_with_three();
    let all = office.run(&["worker", "list", "--format", "csv"]);
    assert_eq!(all.ok().lines().count(), 4);
    let g2g = office.run(&["worker", "list", "--scheme", "g2g", "--format", "csv"]);
    assert!(
        g2g.ok().contains("Andi") && g2g.stdout.lines().count() == 2,
        "{}",
        g2g.stdout
    );
    let agam = office.run(&[
        "worker",
        "list",
        "--regency",
        "Agam",
        "--country",
        "Jepang",
        "--format",
        "csv",
    ]);
    assert!(agam.ok().contains("Désy"), "{}", agam.stdout);
    let since = office.run(&["worker", "list", "--from", "2023-11-01", "--format", "csv"]);
    assert_eq!(since.ok().lines().count(), 3, "{}", since.stdout);
}

#[test]
fn find_ignores_accents_and_case() {
    let office = office_with_three();
    let found = office.run(&["worker", "find", "desy", "--format", "csv"]);
    assert!(found.ok().contains("Désy Rahmah"), "{}", found.stdout);
    let none = office.run(&["worker", "find", "zzz"]);
    assert!(none.ok().contains("Nothing found"), "{}", none.stdout);
}

#[test]
fn edit_nik_needs_confirmation_and_refuses_a_taken_nik() {
    let office = office_with_three();
    let run = office.run(&[
        "worker",
        "edit",
        "REG-2023-00001",
        "--nik",
        "1371021508900009",
    ]);
    assert!(run.fails(1).contains("--yes"), "{}", run.stderr);
    let taken = office.run(&[
        "worker",
        "edit",
        "REG-2023-00001",
        "--nik",
        "1371021508900003",
        "--yes",
    ]);
    assert!(taken.fails(1).contains("Andi"), "{}", taken.stderr);
    office
        .run(&[
            "worker",
            "edit",
            "REG-2023-00001",
            "--nik",
            "1371021508900009",
            "--yes",
        ])
        .ok();
    let shown = office
        .run(&["worker", "show", "1371021508900009", "--format", "json"])
        .json();
    assert_eq!(shown["record"]["full_name"], "Budi Santoso");
}

#[test]
fn edit_validates_like_registration_and_changes_nothing_on_refusal() {
    let office = office_with_three();
    let under_age = office.run(&[
        "worker",
        "edit",
        "REG-2023-00001",
        "--birth-date",
        "2010-01-01",
        "--accept-warnings",
    ]);
    assert!(
        under_age.fails(1).contains("aged 13"),
        "{}",
        under_age.stderr
    );
    office.run(&["worker", "edit", "REG-2023-00001"]).fails(2);
    let shown = office
        .run(&["worker", "show", "REG-2023-00001", "--format", "json"])
        .json();
    assert_eq!(shown["record"]["birth_date"], "1990-08-15");
}

/// Regression: `worker edit --address` refused the line break that `register` and import accept.
#[test]
fn edit_takes_an_address_on_two_lines_as_register_does() {
    let office = office_with_three();
    office
        .run(&[
            "worker",
            "edit",
            "REG-2023-00001",
            "--address",
            "Jl. Sawahan No. 3\nPadang",
        ])
        .ok();
    let shown = office
        .run(&["worker", "show", "REG-2023-00001", "--format", "json"])
        .json();
    assert_eq!(shown["record"]["address"], "Jl. Sawahan No. 3\nPadang");
}

/// Regression: `worker find nuraini` missed "Nur'aini" (apostrophes, hyphens and spaces count).
#[test]
fn find_ignores_apostrophes_hyphens_and_spaces_in_names() {
    let office = Office::new();
    office
        .register(
            "1371024508900001",
            "Nur'aini Putri",
            &["--sex", "P", "--accept-warnings"],
        )
        .ok();
    office
        .register(
            "1371024508900002",
            "Siti-Nurhaliza",
            &["--sex", "P", "--accept-warnings"],
        )
        .ok();
    for (text, name) in [
        ("nuraini", "Nur'aini Putri"),
        ("NUR AINI", "Nur'aini Putri"),
        ("Nur’aini", "Nur'aini Putri"),
        ("siti nurhaliza", "Siti-Nurhaliza"),
        ("sitinurhaliza", "Siti-Nurhaliza"),
    ] {
        let found = office.run(&["worker", "find", text, "--format", "csv"]);
        assert!(found.ok().contains(name), "{text}: {}", found.stdout);
    }
    let none = office.run(&["worker", "find", "nurhayati", "--format", "csv"]);
    assert_eq!(none.ok().lines().count(), 1, "{}", none.stdout);
}

/// Regression: `worker show`'s placements had empty NIK and regency columns (`null` in JSON).
#[test]
fn show_lists_placements_with_the_nik_and_regency() {
    let office = office_with_three();
    let shown = office
        .run(&["worker", "show", "REG-2023-00001", "--format", "json"])
        .json();
    let placement = &shown["placements"][0];
    assert_eq!(placement["nik"], "1371021508900001", "{shown}");
    assert_eq!(placement["regency_code"], "1371", "{shown}");
    let table = office.run(&["worker", "show", "REG-2023-00001"]);
    let line = table
        .ok()
        .lines()
        .rfind(|l| l.starts_with("REG-2023-00001"))
        .expect("the placements section");
    assert!(line.contains("1371021508900001"), "{}", table.stdout);
}

/// The names stored before the name index existed are found after the upgrade, the same way as
/// names registered since, and a renamed person is found by the new name only.
#[test]
fn find_works_on_names_stored_before_the_upgrade_and_after_a_rename() {
    let office = office_with_three();
    office
        .register(
            "1371024508900001",
            "Nur'aini Désy-Putri",
            &["--sex", "P", "--accept-warnings"],
        )
        .ok();
    office.sql(&format!(
        "{} {} PRAGMA user_version = 6;",
        crate::util::UNDO_0008,
        crate::util::UNDO_0007
    ));
    for text in [
        "nuraini",
        "desy putri",
        "putri desy",
        "aini",
        "DESYPUTRI",
        "1371024508",
    ] {
        let found = office.run(&["worker", "find", text, "--format", "csv"]);
        assert!(
            found.ok().contains("Nur'aini Désy-Putri"),
            "{text}: {}",
            found.stdout
        );
    }
    let upgraded = office.run(&["worker", "find", "desy", "--format", "csv"]);
    let lines: Vec<&str> = upgraded.ok().lines().collect();
    assert_eq!(lines.len(), 3, "{}", upgraded.stdout);
    // The most recently stored first.
    assert!(
        lines[1].contains("Nur'aini") && lines[2].contains("Désy Rahmah"),
        "{}",
        upgraded.stdout
    );
    let number = office
        .run(&["worker", "find", "nuraini", "--format", "json"])
        .json()[0]["registration_number"]
        .as_str()
        .unwrap()
        .to_string();
    office
        .run(&["worker", "edit", &number, "--name", "Rahmah Wati"])
        .ok();
    let old = office.run(&["worker", "find", "nuraini", "--format", "csv"]);
    assert_eq!(old.ok().lines().count(), 1, "{}", old.stdout);
    let new = office.run(&["worker", "find", "rahmah wati", "--format", "csv"]);
    assert!(new.ok().contains("Rahmah Wati"), "{}", new.stdout);
}

/// A name is searched by three letters or more; fewer is told, not answered with every worker.
#[test]
fn find_asks_for_three_letters_of_a_name() {
    let office = office_with_three();
    let short = office.run(&["--lang", "id", "worker", "find", "an"]);
    assert!(
        short.fails(2).contains("paling sedikit 3 huruf"),
        "{}",
        short.stderr
    );
    let joined = office.run(&["worker", "find", "an di", "--format", "csv"]);
    assert!(joined.ok().contains("Andi"), "{}", joined.stdout);
    // Regression: two words typed without quotes were refused as an unexpected argument.
    let unquoted = office.run(&["worker", "find", "desy", "rah", "--format", "csv"]);
    assert!(unquoted.ok().contains("Désy Rahmah"), "{}", unquoted.stdout);
}

/// Regression: `worker edit` named the fields it changed by their columns ("diperbarui: address,
/// phone"), not as clerks read them.
#[test]
fn edit_names_the_changed_fields_in_the_clerks_language() {
    let office = office_with_three();
    let said = office.run(&[
        "--lang",
        "id",
        "worker",
        "edit",
        "REG-2023-00001",
        "--address",
        "Jl. Baru 1",
        "--phone",
        "081234567890",
    ]);
    let said = format!("{}{}", said.ok(), said.stderr);
    assert!(said.contains("diperbarui: alamat, telepon"), "{said}");
    let said = office.run(&[
        "--lang",
        "en",
        "worker",
        "edit",
        "REG-2023-00001",
        "--name",
        "Budi S",
    ]);
    let said = format!("{}{}", said.ok(), said.stderr);
    assert!(said.contains("updated: full name"), "{said}");
}

/// Issue 20 (item 6a): `--name "Budi Santoso  "` for a Budi Santoso was told to name the fields
/// to correct although it had: the fields named are said to be unchanged, with their values.
#[test]
fn edit_to_the_values_already_there_says_they_are_unchanged() {
    let office = office_with_three();
    let edit = |extra: &[&str]| {
        let mut args = vec!["--lang", "id", "worker", "edit", "REG-2023-00001"];
        args.extend_from_slice(extra);
        office.run(&args)
    };
    let before = office.count("audit_log");
    let same = edit(&["--name", "Budi Santoso  "]);
    let said = same.fails(2);
    assert!(
        said.contains("Tidak ada yang berubah: nama lengkap sudah 'Budi Santoso'"),
        "{said}"
    );
    assert!(!said.contains("sebutkan kolom"), "{said}");
    let same = office.run(&[
        "--lang",
        "en",
        "worker",
        "edit",
        "REG-2023-00001",
        "--name",
        "Budi Santoso",
        "--birth-date",
        "1990-08-15",
    ]);
    let said = same.fails(2);
    assert!(
        said.contains("Nothing changed: full name is already 'Budi Santoso', date of birth is already '15-08-1990'"),
        "{said}"
    );
    // No field at all: the clerk is told to name one.
    let none = edit(&[]);
    assert!(
        none.fails(2).contains("sebutkan kolom yang dikoreksi"),
        "{}",
        none.stderr
    );
    assert_eq!(office.count("audit_log"), before);
}

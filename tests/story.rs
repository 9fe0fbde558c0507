//! A clerk's morning, start to finish: set up the office, register three applicants (one refused as
//! under age, one with a NIK warning), find them again, correct one, and check their documents.

use crate::util::Office;

#[test]
fn story_of_a_registration_morning() {
    let office = Office::new();

    // Budi registers with every option on the command line.
    let budi = office
        .register(
            "1371021508900001",
            "Budi Santoso",
            &["--phone", "0812-3456-7890", "--format", "json"],
        )
        .json();
    assert_eq!(budi["registration_number"], "BP3MI-SB-REG-2023-00001");
    assert_eq!(budi["stage"], "REGISTERED");
    assert_eq!(budi["phone"], "+6281234567890");
    let budi_uid = budi["placement_uid"].as_str().unwrap().to_string();

    // Rani is 17: refused, and nothing is written.
    let refused = office.run(&[
        "register",
        "--nik",
        "1371025001060003",
        "--name",
        "Rani",
        "--sex",
        "P",
        "--birth-place",
        "Padang",
        "--birth-date",
        "2006-01-10",
        "--regency",
        "Kota Padang",
        "--scheme",
        "P3MI",
        "--p3mi",
        "PT Andalas",
        "--country",
        "Jepang",
    ]);
    assert!(refused.fails(1).contains("aged 17"), "{}", refused.stderr);
    assert_eq!(office.count("persons"), 1);

    // Siti's NIK says she was born on the 16th: a warning she must accept.
    let siti_args = [
        "register",
        "--nik",
        "1371025608900002",
        "--name",
        "Siti Rahmah",
        "--sex",
        "P",
        "--birth-place",
        "Padang",
        "--birth-date",
        "15-08-1990",
        "--regency",
        "1371",
        "--scheme",
        "P3MI",
        "--p3mi",
        "PT Andalas Karya",
        "--country",
        "JP",
        "--sector",
        "FORMAL",
        "--occupation",
        "Caregiver",
    ];
    let warned = office.run(&siti_args);
    assert!(
        warned.fails(1).contains("--accept-warnings"),
        "{}",
        warned.stderr
    );
    assert!(warned.stderr.contains("birth date"), "{}", warned.stderr);
    assert_eq!(office.count("placements"), 1);
    let mut accepted = siti_args.to_vec();
    accepted.push("--accept-warnings");
    let siti = office.run(&accepted);
    assert!(siti.ok().contains("REG-2023-00002"), "{}", siti.stdout);

    // Found again by name fragment without accents or case, and by NIK prefix.
    let found = office.run(&["worker", "find", "RAHMAH", "--format", "csv"]);
    assert!(found.ok().contains("REG-2023-00002"), "{}", found.stdout);
    let by_nik = office.run(&["worker", "find", "13710215", "--format", "csv"]);
    assert!(
        by_nik.ok().contains("Budi Santoso") && !by_nik.stdout.contains("Siti"),
        "{}",
        by_nik.stdout
    );

    // Shown by registration number and by NIK.
    let shown = office
        .run(&["worker", "show", "REG-2023-00001"])
        .ok()
        .to_string();
    assert!(
        shown.contains("Budi Santoso") && shown.contains("Malaysia"),
        "{shown}"
    );
    let shown = office
        .run(&["worker", "show", "1371025608900002", "--format", "json"])
        .json();
    assert_eq!(shown["record"]["full_name"], "Siti Rahmah");

    // A correction, audited with old and new values.
    office
        .run(&[
            "worker",
            "edit",
            "REG-2023-00001",
            "--address",
            "Jl. Sawahan 5, Padang",
        ])
        .ok();
    let log = office
        .run(&[
            "log",
            "--record",
            budi["person_uid"].as_str().unwrap(),
            "--format",
            "json",
        ])
        .json();
    // The newest first.
    let last = &log.as_array().unwrap()[0]["changes"];
    assert!(
        last.as_str().unwrap().contains("Jl. Sawahan 5, Padang"),
        "{log}"
    );

    // Documents: two brought, one of them checked; the checklist shows what is still lacking.
    office
        .run(&["docs", "add", &budi_uid, "--kind", "KTP", "--verified"])
        .ok();
    office
        .run(&["docs", "add", "REG-2023-00001", "--kind", "kartu keluarga"])
        .ok();
    let check = office.run(&["docs", "check", "REG-2023-00001", "--format", "csv"]);
    let check = check.ok();
    assert!(check.contains("KTP,OK"), "{check}");
    assert!(check.contains("KK,UNVERIFIED"), "{check}");
    assert!(check.contains("WORK_VISA,MISSING"), "{check}");
    assert!(
        !check.contains("SIP2MI"),
        "MANDIRI needs no P3MI papers: {check}"
    );
    let list = office.run(&["docs", "list", "REG-2023-00001", "--format", "csv"]);
    assert_eq!(list.ok().lines().count(), 3, "{}", list.stdout);
}

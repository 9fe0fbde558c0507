//! `repatriate`, `handover`, `repatriation`: returns received and handed over.

use crate::util::Office;

#[test]
fn a_worker_from_another_province_arrives_and_is_handed_over() {
    let office = Office::new();
    let r = office
        .run(&[
            "repatriate",
            "--category",
            "JENAZAH",
            "--arrived-on",
            "2023-10-05",
            "--person-name",
            "Almarhum Ahmad",
            "--regency",
            "Kota Jambi",
            "--from-country",
            "MY",
            "--cause-of-death",
            "sakit jantung",
            "--airway-bill",
            "MH-123-456",
            "--format",
            "json",
        ])
        .json();
    assert_eq!(r["repatriation_number"], "BP3MI-SB-R-2023-0001");
    assert_eq!(r["category"], "DECEASED");
    assert_eq!(
        r["origin_regency_code"], "1571",
        "Kota Jambi, outside West Sumatra"
    );
    assert_eq!(r["debarkation"], "BIM");
    let number = r["repatriation_number"].as_str().unwrap();

    let early = office.run(&[
        "handover",
        number,
        "--to",
        "FAMILY",
        "--on",
        "2023-10-04",
        "--receiver-name",
        "Siti",
        "--receiver-relation",
        "istri",
    ]);
    assert!(
        early.fails(1).contains("before the arrival"),
        "{}",
        early.stderr
    );
    let nameless = office.run(&["handover", number, "--to", "FAMILY", "--on", "2023-10-06"]);
    assert!(
        nameless.fails(1).contains("--receiver-name"),
        "{}",
        nameless.stderr
    );
    office
        .run(&[
            "handover",
            number,
            "--to",
            "keluarga",
            "--on",
            "2023-10-06",
            "--record-number",
            "BA-07/2023",
            "--receiver-name",
            "Siti",
            "--receiver-relation",
            "istri",
            "--witness",
            "Lurah Talang Banjar",
        ])
        .ok();
    let shown = office
        .run(&["repatriation", "show", number, "--format", "json"])
        .json();
    assert_eq!(shown["handed_over_to"], "FAMILY");
    assert_eq!(shown["witness"], "Lurah Talang Banjar");
    office
        .run(&[
            "handover",
            number,
            "--to",
            "FAMILY",
            "--on",
            "2023-10-07",
            "--receiver-name",
            "X",
            "--receiver-relation",
            "Y",
        ])
        .fails(1);

    let waiting = office.run(&[
        "repatriation",
        "list",
        "--handed-over",
        "no",
        "--format",
        "csv",
    ]);
    assert_eq!(waiting.ok().lines().count(), 1);
    let jambi = office.run(&[
        "repatriation",
        "list",
        "--regency",
        "1571",
        "--format",
        "csv",
    ]);
    assert_eq!(jambi.ok().lines().count(), 2);
}

#[test]
fn sick_workers_need_a_fit_to_travel_letter_and_social_services_take_those_without_family() {
    let office = Office::new();
    let run = office.run(&[
        "repatriate",
        "--category",
        "SICK",
        "--arrived-on",
        "2023-10-05",
        "--person-name",
        "Rina",
    ]);
    assert!(run.fails(1).contains("--fit-to-travel"), "{}", run.stderr);
    assert_eq!(office.count("repatriations"), 0);
    let r = office
        .run(&[
            "repatriate",
            "--category",
            "SICK",
            "--arrived-on",
            "2023-10-05",
            "--person-name",
            "Rina",
            "--fit-to-travel",
            "RS KL 12/2023",
            "--format",
            "json",
        ])
        .json();
    office
        .run(&[
            "handover",
            r["repatriation_number"].as_str().unwrap(),
            "--to",
            "DINSOS",
            "--on",
            "2023-10-05",
        ])
        .ok();
    let other = office.run(&[
        "repatriate",
        "--category",
        "TROUBLED",
        "--arrived-on",
        "2023-10-05",
        "--person-name",
        "X",
        "--debarkation",
        "Kualanamu",
    ]);
    assert!(
        other.fails(1).contains("debarkation.points"),
        "{}",
        other.stderr
    );
}

#[test]
fn a_returning_registered_worker_can_have_the_placement_marked_returned() {
    let office = Office::new();
    let number = office.ready_for_passport(
        "1371021508900001",
        "Budi",
        &["--registered-on", "2023-03-01"],
    );
    office
        .run(&["recommend-passport", &number, "--on", "2023-03-10"])
        .ok();
    office
        .run(&[
            "depart",
            &number,
            "--on",
            "2023-04-01",
            "--passport",
            "C1234567",
            "--accept-warnings",
        ])
        .ok();
    let case = office
        .run(&[
            "open-case",
            "--category",
            "DEPORTATION",
            "--reported-on",
            "2023-10-01",
            "--nik",
            "1371021508900001",
            "--format",
            "json",
        ])
        .json();
    let hinted = office.run(&[
        "repatriate",
        "--category",
        "DEPORTED",
        "--arrived-on",
        "2023-10-04",
        "--nik",
        "1371021508900001",
        "--case",
        case["case_number"].as_str().unwrap(),
    ]);
    assert!(hinted.ok().contains("BP3MI-SB-R-2023-0001"));
    assert!(
        hinted.stderr.contains("--mark-returned"),
        "{}",
        hinted.stderr
    );
    office
        .run(&[
            "repatriate",
            "--category",
            "DEPORTED",
            "--arrived-on",
            "2023-10-05",
            "--nik",
            "1371021508900001",
            "--mark-returned",
            "--format",
            "json",
        ])
        .json();
    let worker = office
        .run(&["worker", "show", &number, "--format", "json"])
        .json();
    assert_eq!(worker["record"]["stage"], "RETURNED");
    assert_eq!(worker["record"]["returned_on"], "2023-10-05");
    assert_eq!(worker["repatriations"].as_array().unwrap().len(), 2);
}

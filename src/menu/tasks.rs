//! The tasks of the menu and the command line each one runs. Most run a command that asks for
//! everything itself; the report, the exchange and the set-up ask their one or two values here.

use std::ffi::OsString;

use anyhow::Result;
use chrono::{Datelike, NaiveDate};

use super::run_task;
use crate::i18n::Msg;
use crate::prompt::{Prompter, Terminal};
use crate::t;

pub(super) struct Task {
    pub label: Msg,
    what: What,
}

enum What {
    /// Runs these words; the command asks for the rest.
    Run(&'static [&'static str]),
    /// Asks one value (the question) and runs these words with it last.
    Ask(Msg, &'static [&'static str]),
    /// A smaller menu.
    Menu(&'static [Task]),
    Report,
    Export,
    Import,
    CaseShow,
    Init,
    Demo,
    Back,
    Quit,
}

const fn task(label: Msg, what: What) -> Task {
    Task { label, what }
}

const WORKERS: &[Task] = &[
    task(
        Msg::MenuWorkerFind,
        What::Ask(Msg::AskFindText, &["worker", "find"]),
    ),
    task(
        Msg::MenuWorkerShow,
        What::Ask(Msg::AskWorkerKey, &["worker", "show"]),
    ),
    task(
        Msg::MenuDocsCheck,
        What::Ask(Msg::AskWorkerKey, &["docs", "check"]),
    ),
    task(Msg::MenuWorkerEdit, What::Run(&["worker", "edit"])),
    task(Msg::MenuLetter, What::Ask(Msg::AskLetterKey, &["letter"])),
    task(Msg::MenuVoidLetter, What::Run(&["recommendation", "void"])),
    task(Msg::MenuBack, What::Back),
];

const STAGES: &[Task] = &[
    task(
        Msg::MenuPassportIssued,
        What::Run(&["recommendation", "used"]),
    ),
    task(Msg::MenuDepart, What::Run(&["depart"])),
    task(Msg::MenuReturn, What::Run(&["return"])),
    task(Msg::MenuCancel, What::Run(&["cancel"])),
    task(Msg::MenuBack, What::Back),
];

const FOLLOW: &[Task] = &[
    task(Msg::MenuCaseShow, What::CaseShow),
    task(
        Msg::MenuCaseOverdue,
        What::Run(&["case", "list", "--overdue"]),
    ),
    task(Msg::MenuCaseNote, What::Run(&["case", "note"])),
    task(Msg::MenuCaseAct, What::Run(&["case", "act"])),
    task(Msg::MenuCaseRefer, What::Run(&["case", "refer"])),
    task(Msg::MenuCaseResolve, What::Run(&["case", "resolve"])),
    task(Msg::MenuCaseClose, What::Run(&["case", "close"])),
    task(Msg::MenuCaseReopen, What::Run(&["case", "reopen"])),
    task(Msg::MenuBack, What::Back),
];

const RETURNS: &[Task] = &[
    task(Msg::MenuRepatriate, What::Run(&["repatriate"])),
    task(Msg::MenuHandover, What::Run(&["handover"])),
    task(Msg::MenuBack, What::Back),
];

const EXCHANGE: &[Task] = &[
    task(Msg::MenuExport, What::Export),
    task(Msg::MenuImport, What::Import),
    task(Msg::MenuReview, What::Run(&["review", "list"])),
    task(Msg::MenuBack, What::Back),
];

const DAY: &[Task] = &[
    task(Msg::MenuWorkers, What::Menu(WORKERS)),
    task(Msg::MenuRegister, What::Run(&["register"])),
    task(Msg::MenuDocuments, What::Run(&["docs", "add"])),
    task(Msg::MenuRecommend, What::Run(&["recommend-passport"])),
    task(Msg::MenuStages, What::Menu(STAGES)),
    task(Msg::MenuOpenCase, What::Run(&["open-case"])),
    task(Msg::MenuFollowCase, What::Menu(FOLLOW)),
    task(Msg::MenuReturns, What::Menu(RETURNS)),
    task(Msg::MenuReport, What::Report),
    task(Msg::MenuExchange, What::Menu(EXCHANGE)),
    task(Msg::MenuQuit, What::Quit),
];

const START: &[Task] = &[
    task(Msg::MenuInit, What::Init),
    task(Msg::MenuDemo, What::Demo),
    task(Msg::MenuQuit, What::Quit),
];

/// The day's tasks, or the set-up when there is no database yet.
pub(super) fn list(ready: bool) -> &'static [Task] {
    match ready {
        true => DAY,
        false => START,
    }
}

fn today() -> NaiveDate {
    crate::clock::Clock::from_env()
        .map(|c| c.today)
        .unwrap_or_else(|_| chrono::Local::now().date_naive())
}

fn words(list: &[&str]) -> Vec<String> {
    list.iter().map(|w| w.to_string()).collect()
}

fn any(s: &str) -> Result<(), String> {
    match s.trim().is_empty() {
        true => Err(t!(Msg::ValueEmpty)),
        false => Ok(()),
    }
}

/// The command line a task runs: `Some(words)`, `Some(empty)` to quit, `None` when there is nothing
/// to run (back from a smaller menu, or done here).
pub(super) fn words_of(
    task: &Task,
    terminal: &mut Terminal,
    base: &mut Vec<OsString>,
) -> Result<Option<Vec<String>>> {
    Ok(Some(match &task.what {
        What::Run(list) => words(list),
        What::Quit => Vec::new(),
        What::Back => return Ok(None),
        What::Menu(list) => {
            let items: Vec<String> = list.iter().map(|t| t!(t.label)).collect();
            let chosen = terminal.select(&t!(task.label), &items, 0)?;
            return words_of(&list[chosen], terminal, base);
        }
        What::Ask(question, list) => {
            let value = terminal.text(&t!(*question), None, &any)?;
            let mut all = words(list);
            all.push(value.trim().to_string());
            all
        }
        What::CaseShow => {
            let case = terminal.text(&t!(Msg::AskCase), None, &any)?;
            vec!["case".into(), "show".into(), case]
        }
        What::Report => {
            let first = today().with_day(1).unwrap_or_else(today);
            let last_month = (first - chrono::Duration::days(1))
                .format("%Y-%m")
                .to_string();
            let check = |s: &str| {
                NaiveDate::parse_from_str(&format!("{}-01", s.trim()), "%Y-%m-%d")
                    .map(|_| ())
                    .map_err(|_| t!(Msg::MonthInvalid, s.trim()))
            };
            let month = terminal.text(&t!(Msg::AskReportMonth), Some(&last_month), &check)?;
            let mut all = vec![
                "report".into(),
                "summary".into(),
                "--month".into(),
                month.clone(),
            ];
            // On the screen, or filed as a PDF or a workbook.
            let ways = [
                t!(Msg::ReportOnScreen),
                t!(Msg::ReportAsPdf),
                t!(Msg::ReportAsXlsx),
            ];
            match terminal.select(&t!(Msg::AskReportOut), &ways, 0)? {
                1 => all.extend(["--out".into(), format!("laporan-{}.pdf", month.trim())]),
                2 => all.extend(["--out".into(), format!("laporan-{}.xlsx", month.trim())]),
                _ => {}
            }
            all
        }
        What::Export => {
            let folder = format!("kirim-{}", today().format("%Y-%m-%d"));
            let out = terminal.text(&t!(Msg::AskExportFolder), Some(&folder), &any)?;
            // Each recipient has its own point in the changes: the folder is for one office.
            let code = |s: &str| {
                crate::settings::office_code(s.trim())
                    .map(|_| ())
                    .map_err(|e| e.to_string())
            };
            let to = terminal.text(&t!(Msg::AskExportTo), None, &code)?;
            vec![
                "export".into(),
                "--out".into(),
                out,
                "--since-last".into(),
                "--to".into(),
                to.trim().to_string(),
            ]
        }
        What::Import => {
            let exists = |s: &str| match std::path::Path::new(s.trim()).exists() {
                true => Ok(()),
                false => Err(t!(Msg::MenuNoSuchPath, s.trim())),
            };
            let path = terminal.text(&t!(Msg::AskImportPath), None, &exists)?;
            let trial = vec!["import".to_string(), path.clone(), "--dry-run".into()];
            if !run_task(base, &trial) || !terminal.confirm(&t!(Msg::ConfirmImport))? {
                return Ok(None);
            }
            vec!["import".into(), path]
        }
        What::Init => {
            let code = terminal.text(&t!(Msg::AskOfficeCode), Some("BP3MI-SB"), &any)?;
            let name =
                terminal.text(&t!(Msg::AskOfficeName), Some("BP3MI Sumatera Barat"), &any)?;
            vec![
                "init".into(),
                "--office-code".into(),
                code,
                "--office-name".into(),
                name,
            ]
        }
        What::Demo => {
            let demo = "pmi-desk-demo.db";
            let given = base
                .iter()
                .any(|a| a == "--db" || a.to_string_lossy().starts_with("--db="));
            if (given || !std::path::Path::new(demo).exists()) && !run_task(base, &words(&["demo"]))
            {
                return Ok(None);
            }
            if !given {
                base.extend([OsString::from("--db"), OsString::from(demo)]);
            }
            return Ok(None);
        }
    }))
}

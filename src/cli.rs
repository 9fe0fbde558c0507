//! The command line: global options and every command, with clap derive. The `///` comments are the
//! English help text; the man page and shell completions are generated from them. The Indonesian help,
//! the headings and the examples are applied at run time by `crate::help` (see src/help/mod.rs):
//! every option needs a `///` line here and its Indonesian line in src/help/id.rs, and every
//! `value_name` its Indonesian name there, or the help tests fail.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::output::Format;

/// pmi-desk: registration, passport recommendations, protection cases, repatriations and statistics
/// for a regional migrant-worker protection office (BP3MI), over one local database file.
#[derive(Parser, Debug)]
#[command(
    name = "pmi-desk",
    version,
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

/// The commands that ask, on a terminal, for a required value left out (src/commands/form.rs).
/// Their required arguments are `Option`s marked `required = true`: off a terminal, or with
/// `--no-input`, clap names every missing one (exit 2); on a terminal `asking` relaxes them.
pub const ASKING: &[&str] = &[
    "docs add",
    "recommend-passport",
    "recommendation void",
    "recommendation used",
    "depart",
    "cancel",
    "return",
    "case note",
    "case act",
    "case refer",
    "case resolve",
    "case close",
    "case reopen",
    "handover",
    "worker edit",
];

/// The command line for a terminal: the required arguments of the `ASKING` commands may be left
/// out, to be asked for.
pub fn asking(cmd: clap::Command) -> clap::Command {
    relax(cmd, "")
}

fn relax(mut cmd: clap::Command, path: &str) -> clap::Command {
    if ASKING.contains(&path) {
        // `mut_arg` moves an argument to the end, and a built command finds its arguments by
        // position: every one is moved, in order, so the order (and the positions) stay.
        let ids: Vec<String> = cmd
            .get_arguments()
            .map(|a| a.get_id().to_string())
            .collect();
        for id in ids {
            cmd = cmd.mut_arg(id, |a| a.required(false));
        }
    }
    cmd.mut_subcommands(|sub| {
        let sub_path = format!("{path} {}", sub.get_name());
        relax(sub, sub_path.trim())
    })
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Id,
    En,
}

#[derive(Args, Debug)]
pub struct GlobalArgs {
    /// Database file [default: pmi-desk.db in the OS data directory]
    #[arg(long, env = "PMI_DESK_DB", global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Output of commands that print records or figures
    #[arg(long, value_enum, default_value_t = Format::Table, global = true)]
    pub format: Format,
    /// Language of help, messages, prompts and tables [default: from the locale, else English]
    #[arg(
        long,
        value_enum,
        env = "PMI_DESK_LANG",
        global = true,
        value_name = "LANG"
    )]
    pub lang: Option<LangArg>,
    /// Who is working, for the audit log [default: the operating-system user]
    #[arg(long, env = "PMI_DESK_CLERK", global = true, value_name = "NAME")]
    pub clerk: Option<String>,
    /// Never prompt (also implied when standard input is not a terminal)
    #[arg(long, global = true)]
    pub no_input: bool,
    /// No progress bars and no summaries (errors and warnings are still shown)
    #[arg(long, short = 'q', global = true)]
    pub quiet: bool,
    /// Tables with every column (uids too), nothing cut to the terminal's width
    #[arg(long, global = true)]
    pub wide: bool,
    /// Print long tables straight to the terminal, without a pager ($PAGER, default less -FRX)
    #[arg(long, global = true)]
    pub no_pager: bool,
}

/// How many rows a listing shows: 50 in a table unless told otherwise, every row in CSV and JSON.
#[derive(Args, Debug, Default, Clone, Copy)]
pub struct Limit {
    /// At most this many rows [default: 50 in a table, every row in csv and json]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(i64).range(1..), conflicts_with = "all")]
    pub limit: Option<i64>,
    /// Every row (a table stops at 50 unless --limit says otherwise)
    #[arg(long)]
    pub all: bool,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Set up the office this database belongs to
    Init(InitArgs),
    /// Show or change office settings (letterhead, signatory, checklists...)
    #[command(subcommand)]
    Config(ConfigCommand),
    /// Check the database: path, schema version, integrity, foreign keys, record counts
    Check(CheckArgs),
    /// Write a demo office database with realistic West Sumatra data
    Demo(DemoArgs),
    /// Reference lists: regencies, districts, countries and every code list
    #[command(subcommand)]
    Ref(RefCommand),
    /// Register a prospective migrant worker (CPMI) and a placement application
    Register(Box<RegisterArgs>),
    /// Show, find, list and correct registered workers
    #[command(subcommand)]
    Worker(WorkerCommand),
    /// Documents checked for a placement
    #[command(subcommand)]
    Docs(DocsCommand),
    /// Check eligibility and issue (or refuse, with reasons) the passport recommendation letter
    RecommendPassport(RecommendArgs),
    /// List, show, void or mark used the passport recommendations
    #[command(subcommand)]
    Recommendation(RecommendationCommand),
    /// What offices' records say that a clerk must decide: list, show, resolve
    #[command(subcommand)]
    Review(crate::commands::review::ReviewCommand),
    /// Exchange with other offices: what each sent and was sent, holes, keys
    #[command(subcommand)]
    Exchange(crate::commands::exchange::ExchangeCommand),
    /// Print a document: the recommendation letter, the refusal letter or the handover record
    Letter(LetterArgs),
    /// Record that a recommended placement departed
    Depart(DepartArgs),
    /// Cancel a placement before departure
    Cancel(CancelArgs),
    /// Record that a departed worker came home
    Return(ReturnArgs),
    /// Open a protection case (complaint or incident)
    OpenCase(Box<OpenCaseArgs>),
    /// Follow protection cases: show, list, note, act, refer, resolve, close, reopen
    #[command(subcommand)]
    Case(CaseCommand),
    /// Record a facilitated return (troubled, deported, sick, remains...)
    Repatriate(Box<RepatriateArgs>),
    /// Record the handover of a returned worker or remains
    Handover(HandoverArgs),
    /// List or show repatriations
    #[command(subcommand)]
    Repatriation(RepatriationCommand),
    /// Statistics: placements, registrations, recommendations, cases, repatriations, summary
    Report(ReportArgs),
    /// Run a read-only SQL query for ad-hoc statistics (see docs/queries.md for the views)
    Query(QueryArgs),
    /// Export records as a folder of CSV files (the exchange format) for another office, or as
    /// one .xlsx workbook
    Export(ExportArgs),
    /// Import an exchange folder, one CSV file or an .xlsx workbook; a malformed file writes
    /// nothing, another office's clash waits for review
    Import(ImportArgs),
    /// Copy the whole database, consistently, to a new file (safe while others work)
    Backup {
        /// The backup file to create
        #[arg(long, value_name = "FILE")]
        out: std::path::PathBuf,
        /// Replace an earlier backup (only a pmi-desk database is ever replaced)
        #[arg(long)]
        force: bool,
    },
    /// Show the audit log: who changed what, and when
    Log(LogArgs),
    /// Print shell completions
    Completions {
        /// The shell to complete for
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff)
    Man,
}

#[derive(Args, Debug)]
pub struct InitArgs {
    /// Office unit code used in numbers and exports, e.g. BP3MI-SB
    #[arg(long, value_name = "CODE")]
    pub office_code: String,
    /// Office name, e.g. "BP3MI Sumatera Barat"
    #[arg(long, value_name = "NAME")]
    pub office_name: String,
    /// Province the office serves (Kemendagri code)
    // 13 for a new office when not given; an office's province is changed with `config set`.
    #[arg(long, value_name = "CODE")]
    pub province: Option<String>,
}

#[derive(Subcommand, Debug)]
pub enum ConfigCommand {
    /// Every setting with its value and meaning
    List,
    /// One setting's value
    Get {
        /// Setting name, e.g. signatory.name (see `config list`)
        key: String,
    },
    /// Change a setting (checked before it is saved)
    Set {
        /// Setting name, e.g. signatory.name (see `config list`)
        key: String,
        /// The new value
        value: String,
    },
}

#[derive(Args, Debug)]
pub struct DemoArgs {
    /// Replace an existing demo database
    #[arg(long)]
    pub force: bool,
    /// Multiply the departures, for benchmarks (100 gives about national scale)
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u16).range(1..=500), value_name = "N")]
    pub scale: u16,
}

#[derive(Subcommand, Debug)]
pub enum RefCommand {
    /// Regencies and cities (kabupaten/kota)
    Regencies {
        /// Only this province (code, e.g. 13)
        #[arg(long, value_name = "CODE")]
        province: Option<String>,
    },
    /// Districts (kecamatan) of a regency
    Districts {
        /// Regency code or name, e.g. 1371 or "Kota Padang"
        #[arg(long, value_name = "REGENCY")]
        regency: String,
    },
    /// Countries with their ISO codes and Indonesian names
    Countries,
    /// Code lists of the exchange format with Indonesian and English labels
    Codes {
        /// One list, e.g. scheme or "case category"
        list: Option<String>,
    },
}

#[derive(Args, Debug, Default, Clone)]
pub struct PersonFields {
    /// National ID number (16 digits)
    #[arg(long, value_name = "NIK")]
    pub nik: Option<String>,
    /// Full name as on the ID card
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    /// Sex: L (laki-laki) or P (perempuan)
    #[arg(long, value_name = "L|P")]
    pub sex: Option<String>,
    /// Place of birth
    #[arg(long, value_name = "TEXT")]
    pub birth_place: Option<String>,
    /// Date of birth (YYYY-MM-DD or DD-MM-YYYY)
    #[arg(long, value_name = "DATE")]
    pub birth_date: Option<String>,
    /// Home regency or city: code (1371) or name ("Kota Padang")
    #[arg(long, value_name = "REGENCY")]
    pub regency: Option<String>,
    /// Address
    #[arg(long, value_name = "TEXT")]
    pub address: Option<String>,
    /// Phone number (normalised to +62...)
    #[arg(long, value_name = "PHONE")]
    pub phone: Option<String>,
    /// Education: NONE, SD, SMP, SMA, D1-D4, S1-S3
    #[arg(long, value_name = "CODE")]
    pub education: Option<String>,
    /// Marital status: SINGLE, MARRIED, DIVORCED, WIDOWED
    #[arg(long, value_name = "CODE")]
    pub marital_status: Option<String>,
}

#[derive(Args, Debug, Default, Clone)]
pub struct PlacementFields {
    /// Placement scheme: G2G, P3MI, UKPS or MANDIRI
    #[arg(long, value_name = "CODE")]
    pub scheme: Option<String>,
    /// Placement company (required for the P3MI scheme)
    #[arg(long, value_name = "NAME")]
    pub p3mi: Option<String>,
    /// Employer abroad
    #[arg(long, value_name = "NAME")]
    pub employer: Option<String>,
    /// Destination country: code (MY, JPN) or name (Jepang)
    #[arg(long, value_name = "COUNTRY")]
    pub country: Option<String>,
    /// Sector: FORMAL or INFORMAL
    #[arg(long, value_name = "CODE")]
    pub sector: Option<String>,
    /// Job abroad, e.g. "Caregiver"
    #[arg(long, value_name = "TEXT")]
    pub occupation: Option<String>,
    /// Registration date [default: today]
    #[arg(long, value_name = "DATE")]
    pub registered_on: Option<String>,
}

#[derive(Args, Debug)]
pub struct RegisterArgs {
    #[command(flatten)]
    pub person: PersonFields,
    #[command(flatten)]
    pub placement: PlacementFields,
    /// Save despite warnings (a NIK that does not match the birth date, an unusual phone...)
    #[arg(long)]
    pub accept_warnings: bool,
}

#[derive(Subcommand, Debug)]
pub enum WorkerCommand {
    /// A worker, their placements, documents and cases
    Show {
        /// Registration number, placement uid or NIK
        placement: String,
    },
    /// Find workers by any part of the name (3 letters or more, any case or accents) or the start of the NIK
    Find {
        /// Parts of the name (siti rah), or the first digits of the NIK
        #[arg(required = true, num_args = 1..)]
        text: Vec<String>,
        #[command(flatten)]
        rows: Limit,
    },
    /// List placements
    List(WorkerListArgs),
    /// Correct a person or a placement (audited)
    Edit(Box<WorkerEditArgs>),
    /// Merge two records of one person (registered twice, here or at another office); the merge
    /// travels to every office
    Merge(crate::commands::worker::merge::MergeArgs),
}

#[derive(Args, Debug)]
pub struct WorkerListArgs {
    /// REGISTERED, RECOMMENDED, DEPARTED, RETURNED or CANCELLED
    #[arg(long, value_name = "CODE")]
    pub stage: Option<String>,
    /// G2G, P3MI, UKPS or MANDIRI
    #[arg(long, value_name = "CODE")]
    pub scheme: Option<String>,
    /// Destination country (code or name)
    #[arg(long, value_name = "COUNTRY")]
    pub country: Option<String>,
    /// Home regency (code or name)
    #[arg(long, value_name = "REGENCY")]
    pub regency: Option<String>,
    /// Registered on or after this date
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Registered on or before this date
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    #[command(flatten)]
    pub rows: Limit,
}

#[derive(Args, Debug)]
pub struct WorkerEditArgs {
    /// Registration number, placement uid or NIK
    #[arg(required = true)]
    pub placement: Option<String>,
    #[command(flatten)]
    pub person: PersonFields,
    #[command(flatten)]
    pub placement_fields: PlacementFields,
    /// Confirm a NIK change without a prompt
    #[arg(long)]
    pub yes: bool,
    /// Save despite warnings
    #[arg(long)]
    pub accept_warnings: bool,
}

#[derive(Subcommand, Debug)]
pub enum DocsCommand {
    /// Record a document checked for a placement
    Add(DocsAddArgs),
    /// The documents of a placement
    List {
        /// Registration number, placement uid or NIK
        placement: String,
    },
    /// What the scheme's checklist still lacks
    Check {
        /// Registration number, placement uid or NIK
        placement: String,
    },
    /// Mark a placement's document verified: the clerk has seen and checked the original
    Verify(DocsKindArgs),
    /// Correct a placement's document: its number, issue or expiry date
    Edit(DocsEditArgs),
    /// Remove a document recorded by mistake: it is kept with the reason and no longer counts
    Remove(DocsRemoveArgs),
}

#[derive(Args, Debug)]
pub struct DocsKindArgs {
    /// Registration number, placement uid or NIK
    pub placement: String,
    /// Document kind, e.g. KTP, KK, MEDICAL_CERTIFICATE (see `ref codes "document kind"`)
    #[arg(long, value_name = "CODE")]
    pub kind: String,
}

#[derive(Args, Debug)]
pub struct DocsEditArgs {
    #[command(flatten)]
    pub document: DocsKindArgs,
    /// The corrected document number ("" clears it)
    #[arg(long, value_name = "NUMBER")]
    pub number: Option<String>,
    /// The corrected issue date ("" clears it)
    #[arg(long, value_name = "DATE")]
    pub issued: Option<String>,
    /// The corrected expiry date ("" clears it)
    #[arg(long, value_name = "DATE")]
    pub expires: Option<String>,
    /// The clerk has seen and checked the original
    #[arg(long)]
    pub verified: bool,
}

#[derive(Args, Debug)]
pub struct DocsRemoveArgs {
    #[command(flatten)]
    pub document: DocsKindArgs,
    /// Why it is removed (kept with the document and in the audit log)
    #[arg(long, value_name = "TEXT")]
    pub reason: String,
}

#[derive(Args, Debug)]
pub struct DocsAddArgs {
    /// Registration number, placement uid or NIK
    #[arg(required = true)]
    pub placement: Option<String>,
    /// Document kind, e.g. KTP, KK, MEDICAL_CERTIFICATE (see `ref codes "document kind"`)
    #[arg(long, value_name = "CODE", required = true)]
    pub kind: Option<String>,
    /// Document number
    #[arg(long, value_name = "NUMBER")]
    pub number: Option<String>,
    /// Issue date
    #[arg(long, value_name = "DATE")]
    pub issued: Option<String>,
    /// Expiry date
    #[arg(long, value_name = "DATE")]
    pub expires: Option<String>,
    /// The clerk has seen and checked the original
    #[arg(long)]
    pub verified: bool,
}

#[derive(Args, Debug)]
pub struct LogArgs {
    /// Only entries at or after this time (YYYY-MM-DD, YYYY-MM-DDTHH:MM in UTC, or RFC 3339)
    #[arg(long, value_name = "TIME")]
    pub since: Option<String>,
    /// Only entries about this record: its uid or number (registration, letter, case,
    /// repatriation), or a NIK (the person and their placements)
    #[arg(long, value_name = "UID|NUMBER|NIK")]
    pub record: Option<String>,
    /// Verify the hash chain of the whole log instead of listing it: exit 1 at the first altered,
    /// removed or reordered entry
    #[arg(long, conflicts_with_all = ["since", "record"])]
    pub verify: bool,
    /// With --verify: also require this earlier head (an export manifest's "audit_head") to be in
    /// the chain, which catches a log rewritten or trimmed since
    #[arg(long, value_name = "HASH", requires = "verify")]
    pub head: Option<String>,
    #[command(flatten)]
    pub rows: Limit,
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    /// Also require this earlier audit head (an export manifest's "audit_head") to be in the
    /// audit log's chain
    #[arg(long, value_name = "HASH")]
    pub head: Option<String>,
}

#[derive(Args, Debug)]
pub struct QueryArgs {
    /// One SELECT statement, e.g. "SELECT scheme, count(*) FROM v_placements GROUP BY scheme"
    #[arg(allow_hyphen_values = true)]
    pub sql: String,
    /// Stop the query after this many seconds of work (0: no limit)
    #[arg(long, value_name = "SECONDS", default_value_t = 30)]
    pub timeout: u64,
    /// Print at most N rows [default: 200 for a table on a terminal, else every row]
    #[arg(long, value_name = "N", conflicts_with = "all")]
    pub limit: Option<u64>,
    /// Print every row, also in a table on a terminal
    #[arg(long)]
    pub all: bool,
    /// Write to this file; its extension chooses the format (.csv, .json, .txt, .xlsx)
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Replace a query result pmi-desk wrote to that file before (never any other file)
    #[arg(long, requires = "out")]
    pub force: bool,
}

#[derive(Args, Debug)]
pub struct RecommendArgs {
    /// Registration number, placement uid or NIK
    #[arg(required = true)]
    pub placement: Option<String>,
    /// Decision date [default: today]
    #[arg(long, value_name = "DATE")]
    pub on: Option<String>,
    /// Addressee immigration office [default: from the worker's home regency, see `config list`]
    #[arg(long, value_name = "OFFICE")]
    pub office: Option<String>,
    /// Only show the verdict; record nothing
    #[arg(long)]
    pub check: bool,
    /// Refuse for reasons found at the interview, e.g. TRAFFICKING_INDICATION or P3MI_PERMIT_INVALID
    #[arg(long, value_delimiter = ',', value_name = "CODES")]
    pub refuse: Vec<String>,
    /// Note on the interview findings
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// Acknowledge the NIK warnings after checking the documents
    #[arg(long)]
    pub accept_warnings: bool,
}

#[derive(Subcommand, Debug)]
pub enum RecommendationCommand {
    /// Recommendations decided, optionally by status and decision date
    List {
        /// ISSUED, VOID, USED or REFUSED
        #[arg(long, value_name = "CODE")]
        status: Option<String>,
        /// Decided on or after this date
        #[arg(long, value_name = "DATE")]
        from: Option<String>,
        /// Decided on or before this date
        #[arg(long, value_name = "DATE")]
        to: Option<String>,
        #[command(flatten)]
        rows: Limit,
    },
    /// One recommendation
    Show {
        /// Letter number or recommendation uid
        letter: String,
    },
    /// Void a wrong letter (it is kept, marked void; its number is never reused)
    Void {
        /// Letter number or recommendation uid
        #[arg(required = true)]
        letter: Option<String>,
        /// Why the letter is void (kept with it)
        #[arg(long, value_name = "TEXT", required = true)]
        reason: Option<String>,
    },
    /// Record the passport issued on the strength of the letter
    Used {
        /// Letter number or recommendation uid
        #[arg(required = true)]
        letter: Option<String>,
        /// Passport number
        #[arg(long, value_name = "NUMBER", required = true)]
        passport: Option<String>,
        /// Passport issue date
        #[arg(long, value_name = "DATE", required = true)]
        issued: Option<String>,
    },
}

#[derive(Args, Debug)]
pub struct LetterArgs {
    /// Letter number or recommendation uid (a refused one gives the refusal letter), or
    /// repatriation number or uid (the handover record)
    pub letter: String,
    /// Write to FILE.pdf (A4), FILE.html (print-ready) or FILE.txt instead of the terminal
    #[arg(long, value_name = "FILE")]
    pub out: Option<std::path::PathBuf>,
    /// Replace a letter pmi-desk wrote to that file before (never any other file)
    #[arg(long, requires = "out")]
    pub force: bool,
}

#[derive(Args, Debug)]
pub struct DepartArgs {
    /// Registration number, placement uid or NIK
    #[arg(required = true)]
    pub placement: Option<String>,
    /// Departure date
    #[arg(long, value_name = "DATE", required = true)]
    pub on: Option<String>,
    /// Passport number [default: the one recorded with `recommendation used`]
    #[arg(long, value_name = "NUMBER")]
    pub passport: Option<String>,
}

#[derive(Args, Debug)]
pub struct CancelArgs {
    /// Registration number, placement uid or NIK
    #[arg(required = true)]
    pub placement: Option<String>,
    /// FAILED_DEPARTURE, WITHDRAWN, PREVENTED_NONPROCEDURAL, UNFIT or OTHER
    #[arg(long, value_name = "CODE", required = true)]
    pub reason: Option<String>,
    /// Note on the cancellation
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
}

#[derive(Args, Debug)]
pub struct ReturnArgs {
    /// Registration number, placement uid or NIK
    #[arg(required = true)]
    pub placement: Option<String>,
    /// Return date
    #[arg(long, value_name = "DATE", required = true)]
    pub on: Option<String>,
}

/// Who a case or a repatriation is about: by NIK (linking the stored person) or, when the NIK is
/// unknown, by name with whatever else is known.
#[derive(Args, Debug, Default, Clone)]
pub struct SubjectFields {
    /// NIK of the worker, if known
    #[arg(long, value_name = "NIK")]
    pub nik: Option<String>,
    /// Name of the worker (needed when the NIK is unknown or not on record)
    #[arg(long, value_name = "NAME")]
    pub person_name: Option<String>,
    /// Sex of the worker: L or P
    #[arg(long, value_name = "L|P")]
    pub sex: Option<String>,
    /// Date of birth of the worker
    #[arg(long, value_name = "DATE")]
    pub birth_date: Option<String>,
    /// Home regency of the worker (anywhere in Indonesia)
    #[arg(long, value_name = "REGENCY")]
    pub regency: Option<String>,
}

#[derive(Args, Debug)]
pub struct OpenCaseArgs {
    /// Category, e.g. UNPAID_WAGES, TRAFFICKING (TPPO), DIED_ABROAD (see `ref codes "case category"`)
    #[arg(long, value_name = "CODE")]
    pub category: Option<String>,
    /// Date the complaint was received
    #[arg(long, value_name = "DATE")]
    pub reported_on: Option<String>,
    #[command(flatten)]
    pub subject: SubjectFields,
    /// Country where it happened
    #[arg(long, value_name = "COUNTRY")]
    pub country: Option<String>,
    /// IN_PERSON, PHONE, EMAIL, ONLINE_FORM, SOCIAL_MEDIA, SMS, LETTER, OTHER
    #[arg(long, value_name = "CODE")]
    pub channel: Option<String>,
    /// PROCEDURAL, NONPROCEDURAL or UNKNOWN
    #[arg(long, value_name = "CODE")]
    pub procedural_status: Option<String>,
    /// Who complained
    #[arg(long, value_name = "NAME")]
    pub complainant_name: Option<String>,
    /// The complainant's relation to the worker, e.g. "istri", "orang tua", "diri sendiri"
    #[arg(long, value_name = "TEXT")]
    pub complainant_relation: Option<String>,
    /// What happened
    #[arg(long, value_name = "TEXT")]
    pub summary: Option<String>,
    /// Save despite warnings
    #[arg(long)]
    pub accept_warnings: bool,
}

#[derive(Subcommand, Debug)]
pub enum CaseCommand {
    /// A case and its whole timeline
    Show {
        /// Case number or uid
        case: String,
    },
    /// Cases, by status, category, country, reporting dates; overdue ones; mine
    List(CaseListArgs),
    /// Add a note to a case's timeline
    Note {
        /// Case number or uid
        #[arg(required = true)]
        case: Option<String>,
        /// The note
        #[arg(required = true)]
        text: Option<String>,
        #[command(flatten)]
        follow_up: FollowUp,
    },
    /// Record an action: consultation, clarification, mediation, claim, litigation, coordination
    Act(CaseActArgs),
    /// Refer the case to a partner agency
    Refer {
        /// Case number or uid
        #[arg(required = true)]
        case: Option<String>,
        /// POLICE, EMBASSY, IMMIGRATION, LABOUR_OFFICE_PROVINCE, SOCIAL_SERVICES, BPJS, HOSPITAL...
        #[arg(long, value_name = "CODE", required = true)]
        partner: Option<String>,
        /// Number of the referral letter
        #[arg(long, value_name = "NUMBER")]
        letter_number: Option<String>,
        /// Note on the referral
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
        /// Date of the referral [default: today]
        #[arg(long, value_name = "DATE")]
        on: Option<String>,
    },
    /// Mark the case resolved, with its outcome
    Resolve {
        /// Case number or uid
        #[arg(required = true)]
        case: Option<String>,
        /// What was achieved, e.g. "Gaji dibayar penuh"
        #[arg(long, value_name = "TEXT", required = true)]
        outcome: Option<String>,
        /// Date it was resolved [default: today]
        #[arg(long, value_name = "DATE")]
        on: Option<String>,
    },
    /// Close the case without resolution, for a reason of Perban 6/2024 Art. 30
    Close {
        /// Case number or uid
        #[arg(required = true)]
        case: Option<String>,
        /// DOCS_NOT_COMPLETED_30D, NO_CLARIFICATION_15WD, UNREACHABLE_60D, HANDED_TO_AGENCY, NO_RESPONSE_6M
        #[arg(long, value_name = "CODE", required = true)]
        reason: Option<String>,
        /// Note on the closure
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
        /// Date it was closed [default: today]
        #[arg(long, value_name = "DATE")]
        on: Option<String>,
    },
    /// Reopen a resolved or closed case
    Reopen {
        /// Case number or uid
        #[arg(required = true)]
        case: Option<String>,
        /// Why the case is reopened
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
        /// Date it was reopened [default: today]
        #[arg(long, value_name = "DATE")]
        on: Option<String>,
    },
}

/// What the office now waits for, and whether the complainant was reached (for the deadlines).
#[derive(Args, Debug, Default, Clone)]
pub struct FollowUp {
    /// Now waiting for: DOCUMENTS, CLARIFICATION, RESPONSE (after telling them it cannot be resolved), or NOTHING
    #[arg(long, value_name = "CODE")]
    pub awaiting: Option<String>,
    /// The complainant was reached
    #[arg(long)]
    pub contacted: bool,
    /// Date of the event [default: today]
    #[arg(long, value_name = "DATE")]
    pub on: Option<String>,
}

#[derive(Args, Debug)]
pub struct CaseListArgs {
    /// NEW, IN_PROGRESS, REFERRED, RESOLVED or CLOSED
    #[arg(long, value_name = "CODE")]
    pub status: Option<String>,
    /// Case category, e.g. UNPAID_WAGES or TPPO (see `ref codes "case category"`)
    #[arg(long, value_name = "CODE")]
    pub category: Option<String>,
    /// Country where it happened (code or name)
    #[arg(long, value_name = "COUNTRY")]
    pub country: Option<String>,
    /// Reported on or after
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Reported on or before
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Only open cases past a closure deadline, with the reason they could be closed for
    #[arg(long)]
    pub overdue: bool,
    /// Only cases opened by me (--clerk)
    #[arg(long)]
    pub mine: bool,
    #[command(flatten)]
    pub rows: Limit,
}

#[derive(Args, Debug)]
pub struct CaseActArgs {
    /// Case number or uid
    #[arg(required = true)]
    pub case: Option<String>,
    /// CONSULTATION, CLARIFICATION, MEDIATION, SOCIAL_SECURITY_CLAIM, LITIGATION_ASSISTANCE, COORDINATION
    #[arg(long, value_name = "CODE", required = true)]
    pub kind: Option<String>,
    /// Partner involved, e.g. P3MI, EMBASSY (see `ref codes partner`)
    #[arg(long, value_name = "CODE")]
    pub partner: Option<String>,
    /// Number of the letter sent
    #[arg(long, value_name = "NUMBER")]
    pub letter_number: Option<String>,
    /// Note on the action
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    #[command(flatten)]
    pub follow_up: FollowUp,
}

#[derive(Args, Debug)]
pub struct RepatriateArgs {
    /// TROUBLED, DEPORTED, SICK, DECEASED (JENAZAH), CPMI, FAMILY, MIXED
    #[arg(long, value_name = "CODE")]
    pub category: Option<String>,
    /// Arrival date
    #[arg(long, value_name = "DATE")]
    pub arrived_on: Option<String>,
    #[command(flatten)]
    pub subject: SubjectFields,
    /// The protection case this return belongs to
    #[arg(long, value_name = "CASE")]
    pub case: Option<String>,
    /// Country returned from
    #[arg(long, value_name = "COUNTRY")]
    pub from_country: Option<String>,
    /// Debarkation point [default: the first of the `debarkation.points` setting, BIM]
    #[arg(long, value_name = "NAME")]
    pub debarkation: Option<String>,
    /// Home regency to return to [default: the person's]
    #[arg(long, value_name = "REGENCY")]
    pub origin_regency: Option<String>,
    /// Who escorted the worker
    #[arg(long, value_name = "NAME")]
    pub escort: Option<String>,
    /// Fit-to-travel letter (required for SICK)
    #[arg(long, value_name = "NUMBER")]
    pub fit_to_travel: Option<String>,
    /// Cause of death, when known (DECEASED)
    #[arg(long, value_name = "TEXT")]
    pub cause_of_death: Option<String>,
    /// Cargo / airway bill number of the remains (DECEASED)
    #[arg(long, value_name = "NUMBER")]
    pub airway_bill: Option<String>,
    /// Other notes
    #[arg(long, value_name = "TEXT")]
    pub notes: Option<String>,
    /// Mark the person's departed placement as returned on the arrival date
    #[arg(long)]
    pub mark_returned: bool,
    /// Save despite warnings
    #[arg(long)]
    pub accept_warnings: bool,
}

#[derive(Args, Debug)]
pub struct HandoverArgs {
    /// Repatriation number or uid
    #[arg(required = true)]
    pub repatriation: Option<String>,
    /// FAMILY, FAMILY_PROXY, SOCIAL_SERVICES, HOSPITAL, OTHER_UNIT
    #[arg(long, value_name = "CODE", required = true)]
    pub to: Option<String>,
    /// Handover date
    #[arg(long, value_name = "DATE", required = true)]
    pub on: Option<String>,
    /// Number of the handover record (berita acara serah terima)
    #[arg(long, value_name = "NUMBER")]
    pub record_number: Option<String>,
    /// Name of the person who received the worker or the remains
    #[arg(long, value_name = "NAME")]
    pub receiver_name: Option<String>,
    /// The receiver's relation to the worker, e.g. "istri", "orang tua"
    #[arg(long, value_name = "TEXT")]
    pub receiver_relation: Option<String>,
    /// The witnessing local or village government
    #[arg(long, value_name = "NAME")]
    pub witness: Option<String>,
}

#[derive(Subcommand, Debug)]
pub enum RepatriationCommand {
    /// Repatriations by category, arrival dates, regency, handed over or not
    List {
        /// TROUBLED, DEPORTED, SICK, DECEASED (JENAZAH), CPMI, FAMILY, MIXED
        #[arg(long, value_name = "CODE")]
        category: Option<String>,
        /// Arrived on or after this date
        #[arg(long, value_name = "DATE")]
        from: Option<String>,
        /// Arrived on or before this date
        #[arg(long, value_name = "DATE")]
        to: Option<String>,
        /// Home regency (code or name)
        #[arg(long, value_name = "REGENCY")]
        regency: Option<String>,
        /// yes: only handed over; no: only those still waiting
        #[arg(long, value_name = "YES|NO")]
        handed_over: Option<YesNo>,
        #[command(flatten)]
        rows: Limit,
    },
    /// One repatriation
    Show {
        /// Repatriation number or uid
        repatriation: String,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum YesNo {
    #[value(alias = "ya")]
    Yes,
    #[value(alias = "tidak")]
    No,
}

#[derive(Args, Debug)]
pub struct ReportArgs {
    /// What to count
    #[arg(value_enum)]
    pub kind: crate::report::Kind,
    /// First day of the period (inclusive)
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Last day of the period (inclusive) [default: today]
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// A calendar year, e.g. 2023
    #[arg(long, value_name = "YYYY")]
    pub year: Option<String>,
    /// A month, e.g. 2023-11
    #[arg(long, value_name = "YYYY-MM")]
    pub month: Option<String>,
    /// From 1 January to today (the default period)
    #[arg(long)]
    pub ytd: bool,
    /// Dimensions, e.g. scheme or country,sex (see `report KIND --help` in docs/reports.md)
    #[arg(long, value_delimiter = ',', value_name = "DIMS")]
    pub by: Vec<String>,
    /// The date the figures are as of: what is open, what was handed over [default: today]
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// Add the earlier figure and the change
    #[arg(long, value_enum, value_name = "PERIOD")]
    pub compare: Option<crate::report::Compare>,
    /// Write to this file instead of standard output
    #[arg(long, value_name = "FILE")]
    pub out: Option<std::path::PathBuf>,
    /// Replace a report pmi-desk wrote to that file before (never any other file)
    #[arg(long, requires = "out")]
    pub force: bool,
}

#[derive(Args, Debug)]
pub struct ExportArgs {
    /// Folder to create (it appears whole or not at all); a name ending in .xlsx writes a workbook
    /// as --xlsx does
    #[arg(
        long,
        value_name = "DIR",
        required_unless_present = "xlsx",
        conflicts_with = "xlsx"
    )]
    pub out: Option<std::path::PathBuf>,
    /// Write one .xlsx workbook instead of a folder: a sheet per exchange file, NIKs and codes as
    /// text, dates as dates
    #[arg(long, value_name = "FILE")]
    pub xlsx: Option<std::path::PathBuf>,
    /// Only records changed after this moment (YYYY-MM-DD or RFC 3339)
    #[arg(long, conflicts_with_all = ["since_last", "since_seq"], value_name = "TIME")]
    pub since: Option<String>,
    /// Only records changed after this change sequence number (the `seq_to` of an earlier
    /// export's manifest), for scripts that keep their own place
    #[arg(long, value_name = "N", conflicts_with = "since_last")]
    pub since_seq: Option<i64>,
    /// Only records changed since the last folder for the office named by --to (for nightly runs;
    /// each recipient has its own point)
    #[arg(long, requires = "to")]
    pub since_last: bool,
    /// The office the folder is for (its code, e.g. BP3MI-SB): a complete folder for it moves its
    /// point for --since-last; an export without --to moves no point
    #[arg(long, value_name = "OFFICE")]
    pub to: Option<String>,
    /// Only these files, e.g. persons,placements
    #[arg(long, value_delimiter = ',', value_name = "KINDS")]
    pub only: Vec<String>,
    /// For statistics outside the office: NIK to 12 digits, names to initials, no contact details
    #[arg(long)]
    pub mask: bool,
    /// Replace an earlier export in that folder or workbook (never anything else)
    #[arg(long)]
    pub force: bool,
}

#[derive(Args, Debug)]
pub struct ImportArgs {
    /// An exchange folder, one CSV file (its kind is recognised from its header), or an .xlsx
    /// workbook with a sheet per file
    pub path: std::path::PathBuf,
    /// Check everything and report what would change; write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Also write every error and conflict as CSV (kind, file, line, column, value, reason),
    /// when there are any; a new .csv file, or with --force an error list pmi-desk wrote before
    #[arg(long, value_name = "FILE")]
    pub errors: Option<std::path::PathBuf>,
    /// Replace an error list pmi-desk wrote to the --errors file before (never any other file)
    #[arg(long, requires = "errors")]
    pub force: bool,
    /// Store rows with warnings (a NIK that disagrees with the sex or birth date), as register does
    /// (folders of an older pmi-desk and unsigned folders; a signed folder's warnings travel with
    /// its records and new ones wait for review)
    #[arg(long)]
    pub accept_warnings: bool,
    /// Accept a folder without a valid signature (made by hand, edited in a spreadsheet, from an
    /// older pmi-desk, a workbook or a single file): read as from an unknown sender, under the
    /// rules of version 1
    #[arg(long)]
    pub unsigned: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::{CommandFactory, FromArgMatches};

    fn parse(args: &[&str], terminal: bool) -> Result<Cli, clap::Error> {
        let mut cmd = Cli::command();
        cmd.build();
        if terminal {
            cmd = asking(cmd);
        }
        Cli::from_arg_matches(&cmd.try_get_matches_from(args)?)
    }

    #[test]
    fn on_a_terminal_required_values_may_be_left_out_and_given_ones_stay_in_place() {
        let err = parse(&["pmi-desk", "depart"], false).unwrap_err();
        assert_eq!(err.kind(), clap::error::ErrorKind::MissingRequiredArgument);
        let Command::Depart(args) = parse(&["pmi-desk", "depart"], true).unwrap().command else {
            panic!("depart");
        };
        assert_eq!((args.placement, args.on), (None, None));
        let cli = parse(
            &[
                "pmi-desk",
                "depart",
                "REG-2023-00001",
                "--passport",
                "C1234567",
            ],
            true,
        );
        let Command::Depart(args) = cli.unwrap().command else {
            panic!("depart");
        };
        assert_eq!(args.placement.as_deref(), Some("REG-2023-00001"));
        assert_eq!(args.passport.as_deref(), Some("C1234567"));
        let cli = parse(&["pmi-desk", "case", "note", "PGD-1", "Ditelepon"], true).unwrap();
        let Command::Case(CaseCommand::Note { case, text, .. }) = cli.command else {
            panic!("case note");
        };
        assert_eq!(
            (case.as_deref(), text.as_deref()),
            (Some("PGD-1"), Some("Ditelepon"))
        );
    }
}

//! The command line: global options and every command, with clap derive. The `///` comments are the
//! help text; the man page and shell completions are generated from them.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::output::Format;

/// pmi-desk: registration, passport recommendations, protection cases, repatriations and statistics
/// for a regional migrant-worker protection office (BP3MI), over one local database file.
///
/// Alat kerja petugas BP3MI: pendaftaran CPMI, rekomendasi paspor, pengaduan, pemulangan, statistik.
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

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// Bahasa Indonesia
    Id,
    /// English
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
    /// Language of messages, prompts and tables [default: from the locale, else English]
    #[arg(long, value_enum, env = "PMI_DESK_LANG", global = true)]
    pub lang: Option<LangArg>,
    /// Who is working, for the audit log [default: the operating-system user]
    #[arg(long, env = "PMI_DESK_CLERK", global = true, value_name = "NAME")]
    pub clerk: Option<String>,
    /// Never prompt (also implied when standard input is not a terminal)
    #[arg(long, global = true)]
    pub no_input: bool,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Set up the office this database belongs to
    Init(InitArgs),
    /// Show or change office settings (letterhead, signatory, checklists...)
    #[command(subcommand)]
    Config(ConfigCommand),
    /// Check the database: path, schema version, integrity, foreign keys, record counts
    Check,
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
    Query {
        /// One SELECT statement, e.g. "SELECT scheme, count(*) FROM v_placements GROUP BY scheme"
        #[arg(allow_hyphen_values = true)]
        sql: String,
    },
    /// Export records as a folder of CSV files (the exchange format) for another office
    Export(ExportArgs),
    /// Import an exchange folder or one CSV file; nothing is written unless every row is valid
    Import(ImportArgs),
    /// Copy the whole database, consistently, to a new file (safe while others work)
    Backup {
        /// The backup file to create
        #[arg(long, value_name = "FILE")]
        out: std::path::PathBuf,
    },
    /// Show the audit log: who changed what, and when
    Log(LogArgs),
    /// Print shell completions
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff)
    Man,
}

#[derive(Args, Debug)]
pub struct InitArgs {
    /// Office unit code used in numbers and exports, e.g. BP3MI-SB
    #[arg(long)]
    pub office_code: String,
    /// Office name, e.g. "BP3MI Sumatera Barat"
    #[arg(long)]
    pub office_name: String,
    /// Province the office serves (Kemendagri code)
    #[arg(long, default_value = "13")]
    pub province: String,
}

#[derive(Subcommand, Debug)]
pub enum ConfigCommand {
    /// Every setting with its value and meaning
    List,
    /// One setting's value
    Get { key: String },
    /// Change a setting (checked before it is saved)
    Set { key: String, value: String },
}

#[derive(Args, Debug)]
pub struct DemoArgs {
    /// Replace an existing demo database
    #[arg(long)]
    pub force: bool,
    /// Multiply the departures, for benchmarks (100 gives about national scale)
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u16).range(1..=500))]
    pub scale: u16,
}

#[derive(Subcommand, Debug)]
pub enum RefCommand {
    /// Regencies and cities (kabupaten/kota)
    Regencies {
        /// Only this province (code, e.g. 13)
        #[arg(long)]
        province: Option<String>,
    },
    /// Districts (kecamatan) of a regency
    Districts {
        /// Regency code or name, e.g. 1371 or "Kota Padang"
        #[arg(long)]
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
    #[arg(long)]
    pub nik: Option<String>,
    /// Full name as on the ID card
    #[arg(long)]
    pub name: Option<String>,
    /// Sex: L (laki-laki) or P (perempuan)
    #[arg(long)]
    pub sex: Option<String>,
    /// Place of birth
    #[arg(long)]
    pub birth_place: Option<String>,
    /// Date of birth (YYYY-MM-DD or DD-MM-YYYY)
    #[arg(long)]
    pub birth_date: Option<String>,
    /// Home regency or city: code (1371) or name ("Kota Padang")
    #[arg(long)]
    pub regency: Option<String>,
    /// Address
    #[arg(long)]
    pub address: Option<String>,
    /// Phone number (normalised to +62...)
    #[arg(long)]
    pub phone: Option<String>,
    /// Education: NONE, SD, SMP, SMA, D1-D4, S1-S3
    #[arg(long)]
    pub education: Option<String>,
    /// Marital status: SINGLE, MARRIED, DIVORCED, WIDOWED
    #[arg(long)]
    pub marital_status: Option<String>,
}

#[derive(Args, Debug, Default, Clone)]
pub struct PlacementFields {
    /// Placement scheme: G2G, P3MI, UKPS or MANDIRI
    #[arg(long)]
    pub scheme: Option<String>,
    /// Placement company (required for the P3MI scheme)
    #[arg(long)]
    pub p3mi: Option<String>,
    /// Employer abroad
    #[arg(long)]
    pub employer: Option<String>,
    /// Destination country: code (MY, JPN) or name (Jepang)
    #[arg(long)]
    pub country: Option<String>,
    /// Sector: FORMAL or INFORMAL
    #[arg(long)]
    pub sector: Option<String>,
    /// Job abroad, e.g. "Caregiver"
    #[arg(long)]
    pub occupation: Option<String>,
    /// Registration date [default: today]
    #[arg(long)]
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
    /// Find workers by part of the name (any case or accents) or the start of the NIK
    Find { text: String },
    /// List placements
    List(WorkerListArgs),
    /// Correct a person or a placement (audited)
    Edit(Box<WorkerEditArgs>),
}

#[derive(Args, Debug)]
pub struct WorkerListArgs {
    /// REGISTERED, RECOMMENDED, DEPARTED, RETURNED or CANCELLED
    #[arg(long)]
    pub stage: Option<String>,
    #[arg(long)]
    pub scheme: Option<String>,
    #[arg(long)]
    pub country: Option<String>,
    /// Home regency (code or name)
    #[arg(long)]
    pub regency: Option<String>,
    /// Registered on or after this date
    #[arg(long)]
    pub from: Option<String>,
    /// Registered on or before this date
    #[arg(long)]
    pub to: Option<String>,
    /// At most this many rows
    #[arg(long)]
    pub limit: Option<i64>,
}

#[derive(Args, Debug)]
pub struct WorkerEditArgs {
    /// Registration number, placement uid or NIK
    pub placement: String,
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
    List { placement: String },
    /// What the scheme's checklist still lacks
    Check { placement: String },
}

#[derive(Args, Debug)]
pub struct DocsAddArgs {
    /// Registration number, placement uid or NIK
    pub placement: String,
    /// Document kind, e.g. KTP, KK, MEDICAL_CERTIFICATE (see `ref codes "document kind"`)
    #[arg(long)]
    pub kind: String,
    /// Document number
    #[arg(long)]
    pub number: Option<String>,
    /// Issue date
    #[arg(long)]
    pub issued: Option<String>,
    /// Expiry date
    #[arg(long)]
    pub expires: Option<String>,
    /// The clerk has seen and checked the original
    #[arg(long)]
    pub verified: bool,
}

#[derive(Args, Debug)]
pub struct LogArgs {
    /// Only entries at or after this time (YYYY-MM-DD or RFC 3339)
    #[arg(long)]
    pub since: Option<String>,
    /// Only entries about this record uid
    #[arg(long)]
    pub record: Option<String>,
}

#[derive(Args, Debug)]
pub struct RecommendArgs {
    /// Registration number, placement uid or NIK
    pub placement: String,
    /// Decision date [default: today]
    #[arg(long)]
    pub on: Option<String>,
    /// Addressee immigration office [default: from the worker's home regency, see `config list`]
    #[arg(long)]
    pub office: Option<String>,
    /// Only show the verdict; record nothing
    #[arg(long)]
    pub check: bool,
    /// Refuse for reasons found at the interview, e.g. TRAFFICKING_INDICATION or P3MI_PERMIT_INVALID
    #[arg(long, value_delimiter = ',')]
    pub refuse: Vec<String>,
    /// Note on the interview findings
    #[arg(long)]
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
        #[arg(long)]
        status: Option<String>,
        #[arg(long)]
        from: Option<String>,
        #[arg(long)]
        to: Option<String>,
    },
    /// One recommendation
    Show { letter: String },
    /// Void a wrong letter (it is kept, marked void; its number is never reused)
    Void {
        letter: String,
        #[arg(long)]
        reason: String,
    },
    /// Record the passport issued on the strength of the letter
    Used {
        letter: String,
        #[arg(long)]
        passport: String,
        /// Passport issue date
        #[arg(long)]
        issued: String,
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
}

#[derive(Args, Debug)]
pub struct DepartArgs {
    pub placement: String,
    /// Departure date
    #[arg(long)]
    pub on: String,
    /// Passport number [default: the one recorded with `recommendation used`]
    #[arg(long)]
    pub passport: Option<String>,
}

#[derive(Args, Debug)]
pub struct CancelArgs {
    pub placement: String,
    /// FAILED_DEPARTURE, WITHDRAWN, PREVENTED_NONPROCEDURAL, UNFIT or OTHER
    #[arg(long)]
    pub reason: String,
    #[arg(long)]
    pub note: Option<String>,
}

#[derive(Args, Debug)]
pub struct ReturnArgs {
    pub placement: String,
    /// Return date
    #[arg(long)]
    pub on: String,
}

/// Who a case or a repatriation is about: by NIK (linking the stored person) or, when the NIK is
/// unknown, by name with whatever else is known.
#[derive(Args, Debug, Default, Clone)]
pub struct SubjectFields {
    /// NIK of the worker, if known
    #[arg(long)]
    pub nik: Option<String>,
    /// Name of the worker (needed when the NIK is unknown or not on record)
    #[arg(long)]
    pub person_name: Option<String>,
    /// Sex of the worker: L or P
    #[arg(long)]
    pub sex: Option<String>,
    /// Date of birth of the worker
    #[arg(long)]
    pub birth_date: Option<String>,
    /// Home regency of the worker (anywhere in Indonesia)
    #[arg(long)]
    pub regency: Option<String>,
}

#[derive(Args, Debug)]
pub struct OpenCaseArgs {
    /// Category, e.g. UNPAID_WAGES, TRAFFICKING (TPPO), DIED_ABROAD (see `ref codes "case category"`)
    #[arg(long)]
    pub category: Option<String>,
    /// Date the complaint was received
    #[arg(long)]
    pub reported_on: Option<String>,
    #[command(flatten)]
    pub subject: SubjectFields,
    /// Country where it happened
    #[arg(long)]
    pub country: Option<String>,
    /// IN_PERSON, PHONE, EMAIL, ONLINE_FORM, SOCIAL_MEDIA, SMS, LETTER, OTHER
    #[arg(long)]
    pub channel: Option<String>,
    /// PROCEDURAL, NONPROCEDURAL or UNKNOWN
    #[arg(long)]
    pub procedural_status: Option<String>,
    /// Who complained
    #[arg(long)]
    pub complainant_name: Option<String>,
    /// The complainant's relation to the worker, e.g. "istri", "orang tua", "diri sendiri"
    #[arg(long)]
    pub complainant_relation: Option<String>,
    /// What happened
    #[arg(long)]
    pub summary: Option<String>,
    /// Save despite warnings
    #[arg(long)]
    pub accept_warnings: bool,
}

#[derive(Subcommand, Debug)]
pub enum CaseCommand {
    /// A case and its whole timeline
    Show { case: String },
    /// Cases, by status, category, country, reporting dates; overdue ones; mine
    List(CaseListArgs),
    /// Add a note to a case's timeline
    Note {
        case: String,
        text: String,
        #[command(flatten)]
        follow_up: FollowUp,
    },
    /// Record an action: consultation, clarification, mediation, claim, litigation, coordination
    Act(CaseActArgs),
    /// Refer the case to a partner agency
    Refer {
        case: String,
        /// POLICE, EMBASSY, IMMIGRATION, LABOUR_OFFICE_PROVINCE, SOCIAL_SERVICES, BPJS, HOSPITAL...
        #[arg(long)]
        partner: String,
        #[arg(long)]
        letter_number: Option<String>,
        #[arg(long)]
        note: Option<String>,
        /// Date of the referral [default: today]
        #[arg(long)]
        on: Option<String>,
    },
    /// Mark the case resolved, with its outcome
    Resolve {
        case: String,
        #[arg(long)]
        outcome: String,
        /// Date it was resolved [default: today]
        #[arg(long)]
        on: Option<String>,
    },
    /// Close the case without resolution, for a reason of Perban 6/2024 Art. 30
    Close {
        case: String,
        /// DOCS_NOT_COMPLETED_30D, NO_CLARIFICATION_15WD, UNREACHABLE_60D, HANDED_TO_AGENCY, NO_RESPONSE_6M
        #[arg(long)]
        reason: String,
        #[arg(long)]
        note: Option<String>,
        /// Date it was closed [default: today]
        #[arg(long)]
        on: Option<String>,
    },
    /// Reopen a resolved or closed case
    Reopen {
        case: String,
        #[arg(long)]
        note: Option<String>,
        /// Date it was reopened [default: today]
        #[arg(long)]
        on: Option<String>,
    },
}

/// What the office now waits for, and whether the complainant was reached (for the deadlines).
#[derive(Args, Debug, Default, Clone)]
pub struct FollowUp {
    /// Now waiting for: DOCUMENTS, CLARIFICATION, RESPONSE (after telling them it cannot be resolved), or NOTHING
    #[arg(long)]
    pub awaiting: Option<String>,
    /// The complainant was reached
    #[arg(long)]
    pub contacted: bool,
    /// Date of the event [default: today]
    #[arg(long)]
    pub on: Option<String>,
}

#[derive(Args, Debug)]
pub struct CaseListArgs {
    #[arg(long)]
    pub status: Option<String>,
    #[arg(long)]
    pub category: Option<String>,
    #[arg(long)]
    pub country: Option<String>,
    /// Reported on or after
    #[arg(long)]
    pub from: Option<String>,
    /// Reported on or before
    #[arg(long)]
    pub to: Option<String>,
    /// Only open cases past a closure deadline, with the reason they could be closed for
    #[arg(long)]
    pub overdue: bool,
    /// Only cases opened by me (--clerk)
    #[arg(long)]
    pub mine: bool,
}

#[derive(Args, Debug)]
pub struct CaseActArgs {
    pub case: String,
    /// CONSULTATION, CLARIFICATION, MEDIATION, SOCIAL_SECURITY_CLAIM, LITIGATION_ASSISTANCE, COORDINATION
    #[arg(long)]
    pub kind: String,
    #[arg(long)]
    pub partner: Option<String>,
    #[arg(long)]
    pub letter_number: Option<String>,
    #[arg(long)]
    pub note: Option<String>,
    #[command(flatten)]
    pub follow_up: FollowUp,
}

#[derive(Args, Debug)]
pub struct RepatriateArgs {
    /// TROUBLED, DEPORTED, SICK, DECEASED (JENAZAH), CPMI, FAMILY, MIXED
    #[arg(long)]
    pub category: Option<String>,
    /// Arrival date
    #[arg(long)]
    pub arrived_on: Option<String>,
    #[command(flatten)]
    pub subject: SubjectFields,
    /// The protection case this return belongs to
    #[arg(long)]
    pub case: Option<String>,
    /// Country returned from
    #[arg(long)]
    pub from_country: Option<String>,
    /// Debarkation point [default: the first of the `debarkation.points` setting, BIM]
    #[arg(long)]
    pub debarkation: Option<String>,
    /// Home regency to return to [default: the person's]
    #[arg(long)]
    pub origin_regency: Option<String>,
    /// Who escorted the worker
    #[arg(long)]
    pub escort: Option<String>,
    /// Fit-to-travel letter (required for SICK)
    #[arg(long)]
    pub fit_to_travel: Option<String>,
    /// Cause of death, when known (DECEASED)
    #[arg(long)]
    pub cause_of_death: Option<String>,
    /// Cargo / airway bill number of the remains (DECEASED)
    #[arg(long)]
    pub airway_bill: Option<String>,
    #[arg(long)]
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
    pub repatriation: String,
    /// FAMILY, FAMILY_PROXY, SOCIAL_SERVICES, HOSPITAL, OTHER_UNIT
    #[arg(long)]
    pub to: String,
    /// Handover date
    #[arg(long)]
    pub on: String,
    /// Number of the handover record (berita acara serah terima)
    #[arg(long)]
    pub record_number: Option<String>,
    #[arg(long)]
    pub receiver_name: Option<String>,
    #[arg(long)]
    pub receiver_relation: Option<String>,
    /// The witnessing local or village government
    #[arg(long)]
    pub witness: Option<String>,
}

#[derive(Subcommand, Debug)]
pub enum RepatriationCommand {
    /// Repatriations by category, arrival dates, regency, handed over or not
    List {
        #[arg(long)]
        category: Option<String>,
        #[arg(long)]
        from: Option<String>,
        #[arg(long)]
        to: Option<String>,
        #[arg(long)]
        regency: Option<String>,
        /// yes: only handed over; no: only those still waiting
        #[arg(long)]
        handed_over: Option<YesNo>,
    },
    /// One repatriation
    Show { repatriation: String },
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
    #[arg(long)]
    pub from: Option<String>,
    /// Last day of the period (inclusive) [default: today]
    #[arg(long)]
    pub to: Option<String>,
    /// A calendar year, e.g. 2023
    #[arg(long)]
    pub year: Option<String>,
    /// A month, e.g. 2023-11
    #[arg(long)]
    pub month: Option<String>,
    /// From 1 January to today (the default period)
    #[arg(long)]
    pub ytd: bool,
    /// Dimensions, e.g. scheme or country,sex (see `report KIND --help` in docs/reports.md)
    #[arg(long, value_delimiter = ',')]
    pub by: Vec<String>,
    /// The date the figures are as of: what is open, what was handed over [default: today]
    #[arg(long)]
    pub as_of: Option<String>,
    /// Add the earlier figure and the change
    #[arg(long, value_enum)]
    pub compare: Option<crate::report::Compare>,
    /// Write to this file instead of standard output
    #[arg(long, value_name = "FILE")]
    pub out: Option<std::path::PathBuf>,
}

#[derive(Args, Debug)]
pub struct ExportArgs {
    /// Folder to create (it appears whole or not at all)
    #[arg(long, value_name = "DIR")]
    pub out: std::path::PathBuf,
    /// Only records changed after this moment (YYYY-MM-DD or RFC 3339)
    #[arg(long, conflicts_with = "since_last")]
    pub since: Option<String>,
    /// Only records changed since the last successful export (for nightly runs)
    #[arg(long)]
    pub since_last: bool,
    /// Only these files, e.g. persons,placements
    #[arg(long, value_delimiter = ',')]
    pub only: Vec<String>,
    /// For statistics outside the office: NIK to 12 digits, names to initials, no contact details
    #[arg(long)]
    pub mask: bool,
    /// Replace an existing folder
    #[arg(long)]
    pub force: bool,
}

#[derive(Args, Debug)]
pub struct ImportArgs {
    /// An exchange folder, or one CSV file (its kind is recognised from its header)
    pub path: std::path::PathBuf,
    /// Check everything and report what would change; write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Also write every error as CSV (file, line, column, value, reason)
    #[arg(long, value_name = "FILE")]
    pub errors: Option<std::path::PathBuf>,
}

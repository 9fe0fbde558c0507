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
    /// Print a recommendation letter (text), or write it as PDF or HTML
    Letter(LetterArgs),
    /// Record that a recommended placement departed
    Depart(DepartArgs),
    /// Cancel a placement before departure
    Cancel(CancelArgs),
    /// Record that a departed worker came home
    Return(ReturnArgs),
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
    /// Letter number or recommendation uid
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

//! `ref`: the embedded reference lists, for clerks looking up a code.

use anyhow::Result;

use crate::context::Ctx;
use crate::domain::codes::all_lists;
use crate::domain::RegencyCode;
use crate::error::refused;
use crate::help::examples::{ex, Examples};
use crate::i18n::{lang, Lang, Msg};
use crate::output::{column, Cell, Records};
use crate::reference::reference;
use crate::{pager, t};
use clap::Subcommand;

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

/// The examples at the end of the help (a test parses each one).
const EXAMPLES: Examples = &[
    (
        "ref",
        &[
            ex(
                "Kabupaten/kota di Sumatera Barat",
                "Regencies and cities of West Sumatra",
                "pmi-desk ref regencies --province 13",
            ),
            ex(
                "Kode kategori pengaduan",
                "The case category codes",
                "pmi-desk ref codes \"case category\"",
            ),
        ],
    ),
    (
        "ref regencies",
        &[
            ex(
                "Semua kabupaten/kota",
                "Every regency and city",
                "pmi-desk ref regencies",
            ),
            ex(
                "Hanya Sumatera Barat",
                "West Sumatra only",
                "pmi-desk ref regencies --province 13",
            ),
        ],
    ),
    (
        "ref districts",
        &[
            ex(
                "Kecamatan di Kota Padang",
                "The districts of Kota Padang",
                "pmi-desk ref districts --regency 1371",
            ),
            ex(
                "Dengan nama kabupaten",
                "By the regency's name",
                "pmi-desk ref districts --regency \"Kabupaten Agam\"",
            ),
        ],
    ),
    (
        "ref countries",
        &[
            ex(
                "Semua negara dengan kodenya",
                "Every country with its codes",
                "pmi-desk ref countries",
            ),
            ex(
                "Sebagai CSV",
                "As CSV",
                "pmi-desk ref countries --format csv",
            ),
        ],
    ),
    (
        "ref codes",
        &[
            ex("Semua daftar kode", "Every code list", "pmi-desk ref codes"),
            ex(
                "Kode skema penempatan",
                "The placement scheme codes",
                "pmi-desk ref codes scheme",
            ),
            ex(
                "Kode jenis dokumen",
                "The document kind codes",
                "pmi-desk ref codes \"document kind\"",
            ),
        ],
    ),
];

impl crate::commands::Run for RefCommand {
    const EXAMPLES: Examples = EXAMPLES;
    fn name(&self) -> &'static str {
        "ref"
    }

    fn run(self, ctx: &Ctx) -> Result<()> {
        run(ctx, self)
    }
}

pub(crate) fn run(ctx: &Ctx, command: RefCommand) -> Result<()> {
    let records = match command {
        RefCommand::Regencies { province } => regencies(province)?,
        RefCommand::Districts { regency } => districts(regency)?,
        RefCommand::Countries => countries(),
        RefCommand::Codes { list } => codes(list)?,
    };
    records.print(ctx.format, &mut pager::start(ctx.format))
}

/// The regencies and cities, of one province if named.
fn regencies(province: Option<String>) -> Result<Records> {
    let r = reference();
    if let Some(p) = &province {
        if r.province(p.trim()).is_none() {
            return Err(refused(t!(Msg::ProvinceUnknown, p)));
        }
    }
    Ok(Records {
        columns: vec![
            column("code", t!(Msg::HeadCode)),
            column("province_code", t!(Msg::HeadProvince)),
            column("name", t!(Msg::HeadName)),
        ],
        rows: r
            .regencies
            .iter()
            .filter(|g| {
                province
                    .as_deref()
                    .is_none_or(|p| g.province_code == p.trim())
            })
            .map(|g| {
                vec![
                    Cell::text(&g.code),
                    Cell::text(&g.province_code),
                    Cell::text(&g.name),
                ]
            })
            .collect(),
    })
}

/// The districts of a regency.
fn districts(regency: String) -> Result<Records> {
    let r = reference();
    let regency: RegencyCode = regency.parse()?;
    Ok(Records {
        columns: vec![
            column("code", t!(Msg::HeadCode)),
            column("name", t!(Msg::HeadName)),
        ],
        rows: r
            .districts
            .iter()
            .filter(|d| d.regency_code == regency.as_str())
            .map(|d| vec![Cell::text(&d.code), Cell::text(&d.name)])
            .collect(),
    })
}

/// The countries with their ISO codes and both names.
fn countries() -> Records {
    let r = reference();
    Records {
        columns: vec![
            column("alpha2", "ISO-2"),
            column("alpha3", "ISO-3"),
            column("name_id", t!(Msg::HeadNameId)),
            column("name_en", t!(Msg::HeadNameEn)),
        ],
        rows: r
            .countries
            .iter()
            .map(|c| {
                vec![
                    Cell::text(&c.alpha2),
                    Cell::text(&c.alpha3),
                    Cell::text(&c.name_id),
                    Cell::text(&c.name_en),
                ]
            })
            .collect(),
    }
}

/// The code lists, or the one named, with their labels in the clerk's language first.
fn codes(list: Option<String>) -> Result<Records> {
    let wanted = list
        .as_deref()
        .map(|l| l.trim().to_lowercase().replace(['-', '_'], " "));
    // A list is named as in the exchange format ("case category") or in either language
    // ("kategori pengaduan").
    let lists: Vec<_> = all_lists()
        .into_iter()
        .filter(|l| {
            wanted.as_deref().is_none_or(|w| {
                l.list.replace('_', " ") == w
                    || [Lang::Id, Lang::En]
                        .iter()
                        .any(|lang| list_name(l.list, *lang).to_lowercase() == w)
            })
        })
        .collect();
    if lists.is_empty() {
        let names: Vec<&str> = all_lists().iter().map(|l| l.list).collect();
        return Err(refused(t!(
            Msg::CodeListUnknown,
            list.unwrap_or_default(),
            names.join(", ")
        )));
    }
    let (first, second) = match lang() {
        Lang::Id => (
            ("label_id", Msg::HeadLabelId),
            ("label_en", Msg::HeadLabelEn),
        ),
        Lang::En => (
            ("label_en", Msg::HeadLabelEn),
            ("label_id", Msg::HeadLabelId),
        ),
    };
    Ok(Records {
        columns: vec![
            column("list", t!(Msg::HeadList)),
            column("code", t!(Msg::HeadCode)),
            column(first.0, t!(first.1)),
            column(second.0, t!(second.1)),
        ],
        rows: lists
            .iter()
            .flat_map(|l| {
                l.entries.iter().map(|(code, id, en)| {
                    let (a, b) = if lang() == Lang::Id {
                        (id, en)
                    } else {
                        (en, id)
                    };
                    vec![
                        Cell::code(l.list, &list_name(l.list, lang())),
                        Cell::text(*code),
                        Cell::text(*a),
                        Cell::text(*b),
                    ]
                })
            })
            .collect(),
    })
}

/// A code list's name for clerks: "kategori pengaduan" for `case category`.
fn list_name(list: &str, lang: Lang) -> String {
    let msg = match list {
        "document kind" => Msg::RefListDocumentKind,
        "recommendation status" => Msg::RefListRecommendationStatus,
        "case category" => Msg::RefListCaseCategory,
        "case status" => Msg::RefListCaseStatus,
        "case event kind" => Msg::RefListCaseEventKind,
        "repatriation category" => Msg::RefListRepatriationCategory,
        other => return crate::i18n::field_in(other, lang).to_string(),
    };
    msg.text(lang).to_string()
}

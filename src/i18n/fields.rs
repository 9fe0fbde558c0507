//! The names of record fields as clerks read them, Indonesian and English: for messages that name a
//! field ("departure date needed") and for the audit log. Exchange files keep the column names.

use super::Lang;

/// `(column, Indonesian, English)` for every column of every record kind.
const FIELDS: &[(&str, &str, &str)] = &[
    ("uid", "uid", "uid"),
    ("person_uid", "uid orang", "person uid"),
    ("placement_uid", "uid penempatan", "placement uid"),
    ("document_uid", "uid dokumen", "document uid"),
    (
        "recommendation_uid",
        "uid rekomendasi",
        "recommendation uid",
    ),
    ("case_uid", "uid pengaduan", "case uid"),
    ("event_uid", "uid kegiatan", "event uid"),
    ("repatriation_uid", "uid pemulangan", "repatriation uid"),
    ("nik", "NIK", "NIK"),
    ("full_name", "nama lengkap", "full name"),
    ("name_key", "kunci nama", "name key"),
    ("sex", "jenis kelamin", "sex"),
    ("birth_place", "tempat lahir", "place of birth"),
    ("birth_date", "tanggal lahir", "date of birth"),
    ("regency_code", "kabupaten/kota", "regency"),
    ("address", "alamat", "address"),
    ("phone", "telepon", "phone"),
    ("education", "pendidikan", "education"),
    ("marital_status", "status perkawinan", "marital status"),
    ("office_code", "kode kantor", "office code"),
    ("created_at", "dibuat", "created"),
    ("updated_at", "diperbarui", "updated"),
    (
        "registration_number",
        "nomor pendaftaran",
        "registration number",
    ),
    ("scheme", "skema", "scheme"),
    ("p3mi_name", "nama P3MI", "P3MI name"),
    ("employer_name", "nama pemberi kerja", "employer"),
    ("country", "negara", "country"),
    ("sector", "sektor", "sector"),
    ("occupation", "jabatan", "occupation"),
    ("stage", "tahap", "stage"),
    ("registered_on", "tanggal daftar", "registration date"),
    ("departed_on", "tanggal berangkat", "departure date"),
    ("returned_on", "tanggal pulang", "return date"),
    ("cancel_reason", "alasan batal", "cancellation reason"),
    ("cancel_note", "catatan batal", "cancellation note"),
    ("passport_number", "nomor paspor", "passport number"),
    ("kind", "jenis", "kind"),
    ("number", "nomor", "number"),
    ("issued_on", "tanggal terbit", "issue date"),
    ("expires_on", "berlaku sampai", "expiry date"),
    ("verified_on", "tanggal verifikasi", "verification date"),
    ("verified_by", "diverifikasi oleh", "verified by"),
    ("removed_on", "tanggal dihapus", "removal date"),
    ("removed_reason", "alasan dihapus", "reason for removal"),
    ("letter_number", "nomor surat", "letter number"),
    ("status", "status", "status"),
    ("decided_on", "tanggal keputusan", "decision date"),
    ("valid_until", "berlaku sampai", "valid until"),
    (
        "immigration_office",
        "kantor imigrasi",
        "immigration office",
    ),
    ("refusal_reasons", "alasan penolakan", "refusal reasons"),
    ("refusal_details", "rincian penolakan", "refusal details"),
    ("void_reason", "alasan pembatalan surat", "void reason"),
    (
        "passport_issued_on",
        "tanggal terbit paspor",
        "passport issue date",
    ),
    ("reprints", "jumlah cetak", "prints"),
    ("clerk", "petugas", "clerk"),
    ("case_number", "nomor pengaduan", "case number"),
    ("category", "kategori", "category"),
    ("channel", "saluran", "channel"),
    (
        "procedural_status",
        "status prosedural",
        "procedural status",
    ),
    ("reported_on", "tanggal pengaduan", "report date"),
    ("complainant_name", "nama pengadu", "complainant"),
    (
        "complainant_relation",
        "hubungan pengadu",
        "complainant's relation",
    ),
    ("summary", "ringkasan", "summary"),
    ("closure_reason", "alasan penutupan", "closure reason"),
    ("closed_on", "tanggal selesai", "closing date"),
    ("outcome", "hasil", "outcome"),
    ("occurred_on", "tanggal kegiatan", "date"),
    ("partner", "mitra", "partner"),
    ("note", "catatan", "note"),
    ("status_from", "status sebelumnya", "status before"),
    ("status_to", "status sesudahnya", "status after"),
    ("awaiting", "menunggu", "awaiting"),
    ("contacted", "pengadu dihubungi", "complainant reached"),
    (
        "repatriation_number",
        "nomor pemulangan",
        "repatriation number",
    ),
    ("from_country", "negara asal kepulangan", "returned from"),
    ("debarkation", "tempat debarkasi", "debarkation point"),
    ("arrived_on", "tanggal tiba", "arrival date"),
    ("origin_regency_code", "kabupaten/kota asal", "home regency"),
    ("escort", "pendamping", "escort"),
    (
        "fit_to_travel_letter",
        "surat laik terbang",
        "fit-to-travel letter",
    ),
    ("cause_of_death", "sebab kematian", "cause of death"),
    ("airway_bill", "airway bill", "airway bill"),
    ("handed_over_to", "diserahkan kepada", "handed over to"),
    ("handed_over_on", "tanggal serah terima", "handover date"),
    (
        "handover_record_number",
        "nomor berita acara",
        "handover record number",
    ),
    ("receiver_name", "nama penerima", "receiver"),
    (
        "receiver_relation",
        "hubungan penerima",
        "receiver's relation",
    ),
    ("witness", "saksi", "witness"),
    ("notes", "catatan", "notes"),
    (
        "accepted_warnings",
        "peringatan yang diterima",
        "accepted warnings",
    ),
    ("versions", "versi", "versions"),
    (
        "legacy_number",
        "nomor lama kantor ini",
        "this office's earlier number",
    ),
    ("seen", "yang sudah diketahui", "what it had seen"),
    ("merge_uid", "uid penggabungan", "merge uid"),
    ("other_uid", "uid orang yang digabung", "merged person uid"),
    ("reason", "alasan", "reason"),
    ("conflict_uid", "uid konflik", "conflict uid"),
    ("record_kind", "jenis data", "record kind"),
    ("record_uid", "uid data", "record uid"),
    ("field", "kolom", "field"),
    ("version", "versi", "version"),
    ("value", "nilai", "value"),
    ("at", "waktu", "time"),
    // What audit entries record beside record fields.
    ("printed_to", "dicetak ke", "printed to"),
    ("document", "dokumen", "document"),
    ("decided", "kolom yang diputuskan", "field decided"),
    ("merged_uid", "uid orang yang digabung", "merged person uid"),
    ("alias_uid", "uid di kantor lain", "uid at the other office"),
    ("public_key", "kunci publik", "public key"),
    ("sha256", "sha256", "sha256"),
    ("arguments", "argumen", "arguments"),
    ("format", "format", "format"),
    ("rows", "baris", "rows"),
    ("seq", "urutan", "sequence"),
    ("sql", "SQL", "SQL"),
    ("source", "sumber", "source"),
    ("counts", "jumlah", "counts"),
    ("site", "situs", "site"),
    ("manifest", "manifest", "manifest"),
    ("records", "data", "records"),
];

/// The field's name in `lang`; the column itself for one not in the table.
pub fn field_in(column: &str, lang: Lang) -> &str {
    FIELDS
        .iter()
        .find(|(c, _, _)| *c == column)
        .map(|(_, id, en)| match lang {
            Lang::Id => *id,
            Lang::En => *en,
        })
        .unwrap_or(column)
}

/// The column of the table as a `'static` name; `None` for a column not in the table.
pub(super) fn known_column(column: &str) -> Option<&'static str> {
    FIELDS
        .iter()
        .find(|(c, _, _)| *c == column)
        .map(|(c, _, _)| *c)
}

/// The field's name in this run's language.
pub fn field(column: &str) -> &str {
    field_in(column, super::lang())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::case::{Case, CaseEvent};
    use crate::domain::document::Document;
    use crate::domain::person::Person;
    use crate::domain::placement::Placement;
    use crate::domain::recommendation::Recommendation;
    use crate::domain::record::Record;
    use crate::domain::repatriation::Repatriation;

    fn all_named<R: Record>() {
        for c in R::columns() {
            assert!(
                FIELDS.iter().any(|(name, _, _)| *name == c.name),
                "{}.{} has no name for clerks",
                R::TABLE,
                c.name
            );
            if let Some(e) = c.exchange {
                assert!(FIELDS.iter().any(|(name, _, _)| *name == e), "{e}");
            }
        }
    }

    #[test]
    fn every_field_of_every_record_has_a_name_in_both_languages() {
        all_named::<Person>();
        all_named::<Placement>();
        all_named::<Document>();
        all_named::<Recommendation>();
        all_named::<Case>();
        all_named::<CaseEvent>();
        all_named::<Repatriation>();
        all_named::<crate::domain::identity::PersonMerge>();
        all_named::<crate::domain::version::KeptWrite>();
        assert_eq!(field_in("departed_on", Lang::Id), "tanggal berangkat");
    }
}

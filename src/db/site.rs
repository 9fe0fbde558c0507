//! SQL for this database as a site (`site_self`: its id, its signing key, where its tracked history
//! starts) and for the other sites it knows (`sites`: their office, their key, what their folders
//! said), and the ranges of each site's changes held here (`sync_held`, `sync_carried`).

use anyhow::{Context as _, Result};
use base64::Engine;
use rusqlite::{params, Connection, OptionalExtension};

use crate::domain::version::Site;

/// This database as a site.
#[derive(Clone)]
pub struct Own {
    pub site: Site,
    pub secret_key: [u8; 32],
    pub public_key: [u8; 32],
    /// The change sequence when this database became a site: earlier changes are not tracked.
    pub seq_base: i64,
}

impl Own {
    pub fn public_key_text(&self) -> String {
        base64::engine::general_purpose::STANDARD.encode(self.public_key)
    }
}

/// Makes this database a site, once: a new random id and Ed25519 key pair (run before the
/// migration that needs them, and by nothing else).
pub fn prepare(conn: &Connection) -> Result<()> {
    conn.execute_batch(
        "CREATE TABLE IF NOT EXISTS site_self (
            id          INTEGER PRIMARY KEY CHECK (id = 1),
            site_id     TEXT NOT NULL,
            secret_key  BLOB NOT NULL,
            public_key  BLOB NOT NULL,
            seq_base    INTEGER NOT NULL,
            created_at  TEXT NOT NULL
        )",
    )?;
    let exists: Option<i64> = conn
        .query_row("SELECT 1 FROM site_self", [], |r| r.get(0))
        .optional()?;
    if exists.is_some() {
        return Ok(());
    }
    let mut secret = [0u8; 32];
    getrandom::fill(&mut secret).map_err(|e| anyhow::anyhow!("no random bytes: {e}"))?;
    let signing = ed25519_dalek::SigningKey::from_bytes(&secret);
    let public = signing.verifying_key().to_bytes();
    let seq: i64 = conn.query_row("SELECT value FROM change_sequence", [], |r| r.get(0))?;
    conn.execute(
        "INSERT INTO site_self (id, site_id, secret_key, public_key, seq_base, created_at)
         VALUES (1, ?1, ?2, ?3, ?4, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
        params![Site::random().to_string(), &secret[..], &public[..], seq],
    )?;
    Ok(())
}

/// This database as a site.
pub fn own(conn: &Connection) -> Result<Own> {
    conn.prepare_cached("SELECT site_id, secret_key, public_key, seq_base FROM site_self")?
        .query_row([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, Vec<u8>>(1)?,
                r.get::<_, Vec<u8>>(2)?,
                r.get::<_, i64>(3)?,
            ))
        })
        .context("this database's site")
        .and_then(|(site, secret, public, seq_base)| {
            Ok(Own {
                site: Site::parse(&site)?,
                secret_key: secret.try_into().map_err(|_| anyhow::anyhow!("site key"))?,
                public_key: public.try_into().map_err(|_| anyhow::anyhow!("site key"))?,
                seq_base,
            })
        })
}

/// This database's site id.
pub fn own_site(conn: &Connection) -> Result<Site> {
    let text: String = conn
        .prepare_cached("SELECT site_id FROM site_self")?
        .query_row([], |r| r.get(0))
        .context("this database's site")?;
    Ok(Site::parse(&text)?)
}

/// Another site as this office knows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Peer {
    pub site: Site,
    pub office_code: String,
    pub public_key: Option<String>,
    pub trusted_on: Option<String>,
    pub trusted_by: Option<String>,
    pub seq_base: i64,
    pub last_exported_at: Option<String>,
    pub last_imported_at: Option<String>,
}

fn peer_of(r: &rusqlite::Row) -> rusqlite::Result<(String, Peer)> {
    let site: String = r.get(0)?;
    Ok((
        site.clone(),
        Peer {
            site: Site::parse(&site).unwrap_or(Site(0)),
            office_code: r.get(1)?,
            public_key: r.get(2)?,
            trusted_on: r.get(3)?,
            trusted_by: r.get(4)?,
            seq_base: r.get(5)?,
            last_exported_at: r.get(6)?,
            last_imported_at: r.get(7)?,
        },
    ))
}

const PEER: &str = "SELECT uid, office_code, public_key, trusted_on, trusted_by, seq_base,
    last_exported_at, last_imported_at FROM sites";

pub fn peer(conn: &Connection, site: Site) -> Result<Option<Peer>> {
    Ok(conn
        .prepare_cached(&format!("{PEER} WHERE uid = ?1"))?
        .query_row([site.to_string()], peer_of)
        .optional()?
        .map(|(_, p)| p))
}

/// Every other site known, by office then site.
pub fn peers(conn: &Connection) -> Result<Vec<Peer>> {
    let mut stmt = conn.prepare(&format!("{PEER} ORDER BY office_code, uid"))?;
    let rows = stmt.query_map([], peer_of)?;
    Ok(rows
        .collect::<rusqlite::Result<Vec<_>>>()?
        .into_iter()
        .map(|(_, p)| p)
        .collect())
}

/// Learns a site's key (its first signed folder, or a key file given by the clerk).
pub fn trust(
    conn: &Connection,
    site: Site,
    office_code: &str,
    public_key: &str,
    how: &str,
    at: &str,
    seq: i64,
) -> Result<()> {
    conn.execute(
        "INSERT INTO sites (uid, office_code, public_key, trusted_on, trusted_by, seq)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (uid) DO UPDATE SET office_code = excluded.office_code,
            public_key = excluded.public_key, trusted_on = excluded.trusted_on,
            trusted_by = excluded.trusted_by, seq = excluded.seq",
        params![site.to_string(), office_code, public_key, at, how, seq],
    )?;
    Ok(())
}

/// A site heard of through another office's folder: its office, never its key.
pub fn heard_of(conn: &Connection, site: Site, office_code: &str, seq: i64) -> Result<()> {
    conn.execute(
        "INSERT INTO sites (uid, office_code, seq) VALUES (?1, ?2, ?3) ON CONFLICT (uid) DO NOTHING",
        params![site.to_string(), office_code, seq],
    )?;
    Ok(())
}

/// Forgets a site's key (it was reinstalled): its next folder teaches the new one.
pub fn forget_key(conn: &Connection, site: Site) -> Result<bool> {
    Ok(conn.execute(
        "UPDATE sites SET public_key = NULL, trusted_on = NULL, trusted_by = NULL WHERE uid = ?1",
        [site.to_string()],
    )? == 1)
}

/// What a folder from `site` said of itself, and when it arrived here.
pub fn received_folder(
    conn: &Connection,
    site: Site,
    exported_at: &str,
    imported_at: &str,
    seq_base: i64,
) -> Result<()> {
    conn.execute(
        "UPDATE sites SET last_exported_at = max(coalesce(last_exported_at, ''), ?2),
             last_imported_at = ?3, seq_base = ?4 WHERE uid = ?1",
        params![site.to_string(), exported_at, imported_at, seq_base],
    )?;
    Ok(())
}

/// The sites' offices, for telling whose a write is.
pub fn offices(conn: &Connection) -> Result<std::collections::HashMap<Site, String>> {
    let mut stmt = conn.prepare_cached("SELECT uid, office_code FROM sites")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    let mut out = std::collections::HashMap::new();
    for row in rows {
        let (site, office) = row?;
        if let Ok(site) = Site::parse(&site) {
            out.insert(site, office);
        }
    }
    Ok(out)
}

/// A range of a site's changes held here (adjacent and overlapping ranges are joined).
pub fn hold(conn: &Connection, site: Site, from: i64, to: i64) -> Result<()> {
    if to < from {
        return Ok(());
    }
    let key = site.to_string();
    let mut ranges = held(conn, site)?;
    ranges.push((from, to));
    ranges.sort();
    let mut joined: Vec<(i64, i64)> = Vec::new();
    for (a, b) in ranges {
        match joined.last_mut() {
            Some(last) if a <= last.1 + 1 => last.1 = last.1.max(b),
            _ => joined.push((a, b)),
        }
    }
    conn.execute("DELETE FROM sync_held WHERE site = ?1", [&key])?;
    let mut insert =
        conn.prepare_cached("INSERT INTO sync_held (site, seq_from, seq_to) VALUES (?1, ?2, ?3)")?;
    for (a, b) in joined {
        insert.execute(params![key, a, b])?;
    }
    Ok(())
}

/// The ranges of a site's changes held here, in order.
pub fn held(conn: &Connection, site: Site) -> Result<Vec<(i64, i64)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT seq_from, seq_to FROM sync_held WHERE site = ?1 ORDER BY seq_from",
    )?;
    let rows = stmt.query_map([site.to_string()], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Every site with held ranges.
pub fn held_sites(conn: &Connection) -> Result<Vec<Site>> {
    let mut stmt = conn.prepare("SELECT DISTINCT site FROM sync_held ORDER BY site")?;
    let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
    let mut out = Vec::new();
    for row in rows {
        if let Ok(site) = Site::parse(&row?) {
            out.push(site);
        }
    }
    Ok(out)
}

/// What an import that took the local changes `local_from..=local_to` brought from `site`.
pub fn carried(conn: &Connection, local: (i64, i64), site: Site, from: i64, to: i64) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO sync_carried (local_from, local_to, site, seq_from, seq_to)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![local.0, local.1, site.to_string(), from, to])?;
    Ok(())
}

/// The origin ranges brought by imports whose local changes lie after `after`.
pub fn carried_since(conn: &Connection, after: i64) -> Result<Vec<(Site, i64, i64)>> {
    let mut stmt = conn.prepare(
        "SELECT site, seq_from, seq_to FROM sync_carried WHERE local_to > ?1
         ORDER BY site, seq_from",
    )?;
    let rows = stmt.query_map([after], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, i64>(2)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (site, a, b) = row?;
        if let Ok(site) = Site::parse(&site) {
            out.push((site, a, b));
        }
    }
    Ok(out)
}

/// Where the next `export --since-last --to RECIPIENT` starts: the change sequence its last
/// folder covered, if any.
pub fn cursor(conn: &Connection, recipient: &str) -> Result<Option<i64>> {
    Ok(conn
        .prepare_cached("SELECT seq FROM sync_cursors WHERE recipient = ?1")?
        .query_row([recipient], |r| r.get(0))
        .optional()?)
}

/// A folder for `recipient` covered the changes up to `seq`.
pub fn set_cursor(
    conn: &Connection,
    recipient: &str,
    seq: i64,
    exported_at: &str,
    folder: &str,
) -> Result<()> {
    conn.execute(
        "INSERT INTO sync_cursors (recipient, seq, exported_at, folder) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (recipient) DO UPDATE SET seq = excluded.seq,
             exported_at = excluded.exported_at, folder = excluded.folder",
        params![recipient, seq, exported_at, folder],
    )?;
    Ok(())
}

/// What was last sent to each recipient: `(recipient, seq, exported_at, folder)`.
pub fn cursors(conn: &Connection) -> Result<Vec<(String, i64, String, String)>> {
    let mut stmt = conn.prepare(
        "SELECT recipient, seq, exported_at, folder FROM sync_cursors ORDER BY recipient",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// A range of a site's changes not held here while later ones are: a folder not received.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hole {
    pub site: Site,
    pub office: String,
    pub from: i64,
    pub to: i64,
}

/// Every hole in what this office holds of other sites' changes.
pub fn holes(conn: &Connection) -> Result<Vec<Hole>> {
    let own = own_site(conn)?;
    let offices = offices(conn)?;
    let mut out = Vec::new();
    for site in held_sites(conn)? {
        if site == own {
            continue;
        }
        let mut next = 1;
        for (a, b) in held(conn, site)? {
            if a > next {
                out.push(Hole {
                    site,
                    office: offices.get(&site).cloned().unwrap_or_default(),
                    from: next,
                    to: a - 1,
                });
            }
            next = next.max(b + 1);
        }
    }
    Ok(out)
}

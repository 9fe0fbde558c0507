//! Signed folders (docs/exchange-format.md, version 2): a folder's `manifest.json` names every file
//! with its SHA-256, and `manifest.sig` holds the Ed25519 signature of the manifest's exact bytes by
//! the sending site's key. So one signature vouches for every byte of the folder. The receiving
//! office learns a site's key from its first folder (trust on first use, as ssh does) or from a key
//! file, and from then on a folder claiming that site must verify with that key.

use base64::Engine;
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};

use crate::db::site::Own;

/// The signature file beside the manifest.
pub const SIGNATURE_FILE: &str = "manifest.sig";

/// The signature of `bytes` by this site, as the signature file holds it.
pub fn sign(own: &Own, bytes: &[u8]) -> String {
    let key = SigningKey::from_bytes(&own.secret_key);
    let signature = key.sign(bytes);
    format!(
        "{}\n",
        base64::engine::general_purpose::STANDARD.encode(signature.to_bytes())
    )
}

/// A public key from its base64 text, if it is one.
pub fn public_key(text: &str) -> Option<VerifyingKey> {
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(text.trim())
        .ok()?;
    let bytes: [u8; 32] = bytes.try_into().ok()?;
    VerifyingKey::from_bytes(&bytes).ok()
}

/// Whether `signature` (the signature file's text) is `key`'s signature of `bytes`.
pub fn verify(key: &str, bytes: &[u8], signature: &str) -> bool {
    let Some(key) = public_key(key) else {
        return false;
    };
    let Ok(raw) = base64::engine::general_purpose::STANDARD.decode(signature.trim()) else {
        return false;
    };
    let Ok(raw): Result<[u8; 64], _> = raw.try_into() else {
        return false;
    };
    key.verify_strict(bytes, &Signature::from_bytes(&raw))
        .is_ok()
}

/// A key as people compare it over the phone: the first 16 hex digits of its SHA-256, in groups.
pub fn fingerprint(key: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(key.trim().as_bytes());
    let hex: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
    hex.as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::version::Site;

    fn own(seed: u8) -> Own {
        let secret = [seed; 32];
        Own {
            site: Site(1),
            secret_key: secret,
            public_key: SigningKey::from_bytes(&secret).verifying_key().to_bytes(),
            seq_base: 0,
        }
    }

    #[test]
    fn a_signature_verifies_only_for_its_bytes_and_its_key() {
        let a = own(7);
        let b = own(8);
        let sig = sign(&a, b"manifest");
        assert!(verify(&a.public_key_text(), b"manifest", &sig));
        assert!(!verify(&a.public_key_text(), b"manifesT", &sig));
        assert!(!verify(&b.public_key_text(), b"manifest", &sig));
        assert!(!verify(&a.public_key_text(), b"manifest", "AAAA"));
        assert!(!verify("not a key", b"manifest", &sig));
        assert_eq!(fingerprint("abc").len(), 19);
    }
}

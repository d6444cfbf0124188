//! Children's case data sealed at rest (envelope encryption). Every case has its own random
//! data key; its texts (names, notes, answers, event texts) and attachment bytes are sealed with
//! XChaCha20-Poly1305 under that key. The data keys are kept wrapped (sealed) by one master key,
//! read from a file that is never in the database ([`load_master_key`]).
//!
//! Each sealed value is bound to where it belongs (associated data: the table and column, and
//! the case or attachment), so a value copied to another row or case does not open. A random
//! 192-bit nonce per value makes reuse of a nonce as unlikely as guessing a key.

use std::path::Path;

use base64::Engine;
use chacha20poly1305::aead::{Aead, AeadCore, KeyInit, OsRng, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use zeroize::Zeroize;

use crate::{
    AdviceSeen, AnswerVersion, Attachment, Case, Child, Event, HelpRequest, Party, StoreError,
};

/// The length in bytes of a master key file and of every data key.
pub const KEY_LEN: usize = 32;
const NONCE_LEN: usize = 24;
/// Sealed text starts with this, so that a plain value left from before sealing is told apart.
pub const TEXT_PREFIX: &str = "rw1:";

/// The environment variable that names the master key file.
pub const KEY_FILE_ENV: &str = "ROUTEWIJZER_KEY_FILE";

/// The master key file to use: `ROUTEWIJZER_KEY_FILE`, or `master.key` in the data folder.
pub fn key_file(data_dir: &Path) -> std::path::PathBuf {
    match std::env::var_os(KEY_FILE_ENV) {
        Some(path) if !path.is_empty() => path.into(),
        _ => data_dir.join("master.key"),
    }
}

/// A key of [`KEY_LEN`] random bytes, wiped from memory when dropped.
#[derive(Clone)]
pub struct Key([u8; KEY_LEN]);

impl Drop for Key {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Key(..)")
    }
}

impl Key {
    /// A new random key from the operating system.
    pub fn random() -> Key {
        let k = XChaCha20Poly1305::generate_key(&mut OsRng);
        let mut bytes = [0u8; KEY_LEN];
        bytes.copy_from_slice(&k);
        Key(bytes)
    }

    fn from_slice(bytes: &[u8]) -> Option<Key> {
        let bytes: [u8; KEY_LEN] = bytes.try_into().ok()?;
        Some(Key(bytes))
    }

    fn cipher(&self) -> XChaCha20Poly1305 {
        XChaCha20Poly1305::new(&self.0.into())
    }

    /// `plain` sealed: nonce then ciphertext with its tag.
    pub fn seal(&self, aad: &[u8], plain: &[u8]) -> Vec<u8> {
        let nonce = XChaCha20Poly1305::generate_nonce(&mut OsRng);
        let sealed = self
            .cipher()
            .encrypt(&nonce, Payload { msg: plain, aad })
            .expect("sealing into memory does not fail");
        let mut out = Vec::with_capacity(NONCE_LEN + sealed.len());
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&sealed);
        out
    }

    /// The plain bytes of a value [`Key::seal`]ed with this key and `aad`; `None` when the key
    /// or the place is wrong or the value was changed.
    pub fn open(&self, aad: &[u8], sealed: &[u8]) -> Option<Vec<u8>> {
        if sealed.len() < NONCE_LEN {
            return None;
        }
        let (nonce, body) = sealed.split_at(NONCE_LEN);
        let nonce: [u8; NONCE_LEN] = nonce.try_into().ok()?;
        self.cipher()
            .decrypt(&XNonce::from(nonce), Payload { msg: body, aad })
            .ok()
    }

    /// A short public name of this key (not the key): which master key wrapped a data key.
    pub fn id(&self) -> String {
        let check = self.seal_deterministic_id();
        check[..16].to_string()
    }

    fn seal_deterministic_id(&self) -> String {
        // A keyed hash of a fixed text: the same key always gives the same id, and the id says
        // nothing about the key.
        let nonce = XNonce::from([0u8; NONCE_LEN]);
        let tag = self
            .cipher()
            .encrypt(
                &nonce,
                Payload {
                    msg: b"",
                    aad: b"routewijzer master key id",
                },
            )
            .expect("sealing into memory does not fail");
        tag.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// Seals text for a text column: [`TEXT_PREFIX`] and base64.
    pub fn seal_text(&self, aad: &str, plain: &str) -> String {
        let sealed = self.seal(aad.as_bytes(), plain.as_bytes());
        format!(
            "{TEXT_PREFIX}{}",
            base64::engine::general_purpose::STANDARD_NO_PAD.encode(sealed)
        )
    }

    /// Opens text sealed by [`Key::seal_text`]; `None` when it does not open.
    pub fn open_text(&self, aad: &str, sealed: &str) -> Option<String> {
        let body = sealed.strip_prefix(TEXT_PREFIX)?;
        let bytes = base64::engine::general_purpose::STANDARD_NO_PAD
            .decode(body)
            .ok()?;
        String::from_utf8(self.open(aad.as_bytes(), &bytes)?).ok()
    }

    /// A data key wrapped by this (master) key for `case_id`.
    pub fn wrap(&self, case_id: &str, data_key: &Key) -> Vec<u8> {
        self.seal(wrap_aad(case_id).as_bytes(), &data_key.0)
    }

    /// The data key of `case_id` from its wrapped form; `None` when this is not the master key
    /// that wrapped it.
    pub fn unwrap_key(&self, case_id: &str, wrapped: &[u8]) -> Option<Key> {
        let mut plain = self.open(wrap_aad(case_id).as_bytes(), wrapped)?;
        let key = Key::from_slice(&plain);
        plain.zeroize();
        key
    }
}

fn wrap_aad(case_id: &str) -> String {
    format!("case_keys:{case_id}")
}

/// Reads the master key file: exactly [`KEY_LEN`] bytes (make one with
/// `head -c 32 /dev/urandom > master.key; chmod 600 master.key`).
pub fn load_master_key(path: &Path) -> Result<Key, StoreError> {
    let bytes = std::fs::read(path).map_err(|e| {
        StoreError::Key(format!(
            "cannot read the master key file {} ({e}); set {KEY_FILE_ENV} to the file that \
                 holds the key of this database",
            path.display()
        ))
    })?;
    Key::from_slice(&bytes).ok_or_else(|| {
        StoreError::Key(format!(
            "the master key file {} holds {} bytes, not {KEY_LEN}; it is not a key file of \
                 this program",
            path.display(),
            bytes.len()
        ))
    })
}

/// Creates a new master key file readable by its owner only (0600).
pub fn create_master_key(path: &Path) -> Result<Key, StoreError> {
    let key = Key::random();
    write_key_file(path, &key)?;
    Ok(key)
}

/// Writes `key` to `path` with 0600 rights: a new file, then renamed into place, so that a
/// reader never sees half a key.
pub fn write_key_file(path: &Path, key: &Key) -> Result<(), StoreError> {
    use std::io::Write;
    let fail = |e: std::io::Error| {
        StoreError::Key(format!(
            "cannot write the master key file {}: {e}",
            path.display()
        ))
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(fail)?;
    }
    let tmp = path.with_extension("new");
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut f = options.open(&tmp).map_err(fail)?;
    f.write_all(&key.0).map_err(fail)?;
    f.sync_all().map_err(fail)?;
    std::fs::rename(&tmp, path).map_err(fail)
}

/// A row with texts that are sealed at rest: which case's key seals it, and its texts, each
/// with the place it is bound to.
pub trait Sealed {
    fn case_id(&self) -> &str;
    fn texts(&mut self) -> Vec<(&'static str, &mut String)>;
}

impl Sealed for Case {
    fn case_id(&self) -> &str {
        &self.id
    }
    fn texts(&mut self) -> Vec<(&'static str, &mut String)> {
        vec![("cases.title", &mut self.title)]
    }
}

impl Sealed for Child {
    fn case_id(&self) -> &str {
        &self.case_id
    }
    fn texts(&mut self) -> Vec<(&'static str, &mut String)> {
        vec![("children.name", &mut self.name)]
    }
}

impl Sealed for Party {
    fn case_id(&self) -> &str {
        &self.case_id
    }
    fn texts(&mut self) -> Vec<(&'static str, &mut String)> {
        vec![
            ("parties.name", &mut self.name),
            ("parties.contact", &mut self.contact),
            ("parties.holiday_contact", &mut self.holiday_contact),
        ]
    }
}

impl Sealed for AnswerVersion {
    fn case_id(&self) -> &str {
        &self.case_id
    }
    fn texts(&mut self) -> Vec<(&'static str, &mut String)> {
        vec![("answer_versions.answers", &mut self.answers)]
    }
}

impl Sealed for Event {
    fn case_id(&self) -> &str {
        &self.case_id
    }
    fn texts(&mut self) -> Vec<(&'static str, &mut String)> {
        vec![
            ("events.title", &mut self.title),
            ("events.notes", &mut self.notes),
        ]
    }
}

impl Sealed for Attachment {
    fn case_id(&self) -> &str {
        &self.case_id
    }
    fn texts(&mut self) -> Vec<(&'static str, &mut String)> {
        vec![("attachments.file_name", &mut self.file_name)]
    }
}

impl Sealed for AdviceSeen {
    fn case_id(&self) -> &str {
        &self.case_id
    }
    fn texts(&mut self) -> Vec<(&'static str, &mut String)> {
        vec![("advice_seen.summary", &mut self.summary)]
    }
}

impl Sealed for HelpRequest {
    fn case_id(&self) -> &str {
        &self.case_id
    }
    fn texts(&mut self) -> Vec<(&'static str, &mut String)> {
        vec![("help_requests.message", &mut self.message)]
    }
}

/// The associated data of a text: its place and its case.
pub fn text_aad(place: &str, case_id: &str) -> String {
    format!("{place}:{case_id}")
}

/// The associated data of one chunk of an attachment: a chunk moved to another attachment or
/// place does not open.
pub fn chunk_aad(attachment_id: &str, seq: i64) -> String {
    format!("attachment_chunks:{attachment_id}:{seq}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_text_opens_only_with_its_key_and_place() {
        let k = Key::random();
        let sealed = k.seal_text("events.notes:c1", "Sam is al 5 weken thuis");
        assert!(sealed.starts_with(TEXT_PREFIX));
        assert!(!sealed.contains("Sam"));
        assert_eq!(
            k.open_text("events.notes:c1", &sealed).as_deref(),
            Some("Sam is al 5 weken thuis")
        );
        assert_eq!(
            k.open_text("events.notes:c2", &sealed),
            None,
            "another case"
        );
        assert_eq!(
            k.open_text("events.title:c1", &sealed),
            None,
            "another column"
        );
        assert_eq!(Key::random().open_text("events.notes:c1", &sealed), None);
        let mut changed = sealed.clone().into_bytes();
        let last = changed.len() - 2;
        changed[last] = if changed[last] == b'A' { b'B' } else { b'A' };
        assert_eq!(
            k.open_text("events.notes:c1", &String::from_utf8(changed).unwrap()),
            None,
            "a changed value does not open"
        );
        assert_ne!(
            k.seal_text("events.notes:c1", "x"),
            k.seal_text("events.notes:c1", "x"),
            "a fresh nonce every time"
        );
    }

    #[test]
    fn a_wrapped_data_key_opens_with_its_master_and_case_only() {
        let master = Key::random();
        let data = Key::random();
        let wrapped = master.wrap("c1", &data);
        let back = master.unwrap_key("c1", &wrapped).unwrap();
        assert_eq!(back.0, data.0);
        assert!(master.unwrap_key("c2", &wrapped).is_none());
        assert!(Key::random().unwrap_key("c1", &wrapped).is_none());
        assert_eq!(master.id(), master.id());
        assert_ne!(master.id(), Key::random().id());
    }

    #[test]
    fn a_key_file_is_exactly_32_bytes_and_private() {
        let dir = std::env::temp_dir().join(format!("rw-key-{}", std::process::id()));
        let path = dir.join("master.key");
        let made = create_master_key(&path).unwrap();
        assert_eq!(load_master_key(&path).unwrap().0, made.0);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        std::fs::write(&path, b"too short").unwrap();
        let e = load_master_key(&path).unwrap_err().to_string();
        assert!(e.contains("9 bytes, not 32"), "{e}");
        let e = load_master_key(&dir.join("missing"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("ROUTEWIJZER_KEY_FILE"), "{e}");
        std::fs::remove_dir_all(&dir).ok();
    }
}

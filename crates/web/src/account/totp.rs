//! The optional second factor: time-based one-time passwords (RFC 6238 with HMAC-SHA1, 30-second
//! steps, 6 digits, what every authenticator app speaks), and base32 (RFC 4648, no padding) for
//! the secret the parent types or scans into the app.

use hmac::{Hmac, KeyInit, Mac};
use sha1::Sha1;

const STEP: i64 = 30;
const ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/// A fresh secret of 160 random bits, in base32.
pub fn new_secret() -> String {
    let mut bytes = Vec::with_capacity(32);
    for _ in 0..2 {
        // A session id is 128 bits from the operating system's random source.
        bytes.extend(tower_sessions::session::Id::default().0.to_le_bytes());
    }
    encode(&bytes[..20])
}

pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::new();
    let (mut buffer, mut bits) = (0u32, 0u32);
    for &b in bytes {
        buffer = (buffer << 8) | u32::from(b);
        bits += 8;
        while bits >= 5 {
            out.push(ALPHABET[((buffer >> (bits - 5)) & 31) as usize] as char);
            bits -= 5;
        }
    }
    if bits > 0 {
        out.push(ALPHABET[((buffer << (5 - bits)) & 31) as usize] as char);
    }
    out
}

pub fn decode(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let (mut buffer, mut bits) = (0u32, 0u32);
    for c in text.chars().filter(|c| !c.is_whitespace() && *c != '=') {
        let value = ALPHABET
            .iter()
            .position(|&a| a as char == c.to_ascii_uppercase())? as u32;
        buffer = (buffer << 5) | value;
        bits += 5;
        if bits >= 8 {
            out.push((buffer >> (bits - 8)) as u8);
            bits -= 8;
        }
    }
    Some(out)
}

/// The code for one time step.
pub fn code_at(key: &[u8], step: u64) -> u32 {
    let mut mac =
        <Hmac<Sha1> as KeyInit>::new_from_slice(key).expect("HMAC takes a key of any length");
    mac.update(&step.to_be_bytes());
    let hash = mac.finalize().into_bytes();
    let offset = (hash[hash.len() - 1] & 0x0f) as usize;
    let value = u32::from_be_bytes([
        hash[offset] & 0x7f,
        hash[offset + 1],
        hash[offset + 2],
        hash[offset + 3],
    ]);
    value % 1_000_000
}

/// Whether `code` is right at `unix` seconds, allowing one step either side for clock drift.
pub fn verify(secret: &str, code: &str, unix: i64) -> bool {
    let Some(key) = decode(secret) else {
        return false;
    };
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    let Ok(code) = code.parse::<u32>() else {
        return false;
    };
    let step = unix.div_euclid(STEP);
    (-1..=1).any(|d| step + d >= 0 && code_at(&key, (step + d) as u64) == code)
}

/// The current code (tests use it to log in).
pub fn current(secret: &str, unix: i64) -> Option<String> {
    Some(format!(
        "{:06}",
        code_at(&decode(secret)?, unix.div_euclid(STEP) as u64)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc_6238_test_vectors() {
        let key = b"12345678901234567890";
        // RFC 6238 appendix B, SHA-1, last 6 of the 8 digits.
        for (t, code) in [
            (59, 287082),
            (1111111109, 81804),
            (1111111111, 50471),
            (1234567890, 5924),
            (2000000000, 279037),
        ] {
            assert_eq!(code_at(key, t / 30), code, "at {t}");
        }
    }

    #[test]
    fn base32_round_trip_and_drift() {
        assert_eq!(encode(b"foobar"), "MZXW6YTBOI");
        assert_eq!(decode("mzxw 6ytb oi").unwrap(), b"foobar");
        let secret = new_secret();
        assert_eq!(secret.len(), 32);
        let now = 1_800_000_000;
        let code = current(&secret, now).unwrap();
        assert!(verify(&secret, &code, now + 30), "one step late is fine");
        assert!(!verify(&secret, &code, now + 90), "three steps late is not");
        assert!(!verify(&secret, "abc", now));
    }
}

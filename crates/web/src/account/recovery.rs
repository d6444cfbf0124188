//! Recovery codes for the second factor: ten one-time codes, made when the second factor is
//! turned on and shown once. Only their SHA-256 hashes (with the account id) are stored; a code
//! that is used is gone. A parent who lost the phone logs in with one instead of the app's code.

use sha2::{Digest, Sha256};

/// How many codes an account gets.
pub const COUNT: usize = 10;

/// Ten fresh codes of ten random digits, as `12345-67890` (digits, so that the numeric keyboard
/// of a phone can type them).
pub fn new_codes() -> Vec<String> {
    (0..COUNT)
        .map(|_| {
            // A session id is 128 bits from the operating system's random source.
            let random = tower_sessions::session::Id::default().0 as u128;
            let n = (random % 10_000_000_000) as u64;
            let digits = format!("{n:010}");
            format!("{}-{}", &digits[..5], &digits[5..])
        })
        .collect()
}

/// The stored form of a code of this account: typed with or without the dash and spaces.
/// `None` when it cannot be a recovery code (not ten digits).
pub fn hash(user_id: &str, typed: &str) -> Option<String> {
    let digits: String = typed.chars().filter(|c| !matches!(c, '-' | ' ')).collect();
    if digits.len() != 10 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    Some(
        Sha256::digest(format!("{user_id}:{digits}").as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_ten_digits_and_match_with_or_without_the_dash() {
        let codes = new_codes();
        assert_eq!(codes.len(), COUNT);
        let first = &codes[0];
        assert_eq!(first.len(), 11);
        assert_eq!(hash("u1", first), hash("u1", &first.replace('-', " ")));
        assert_ne!(hash("u1", first), hash("u2", first), "bound to the account");
        assert_eq!(
            hash("u1", "123456"),
            None,
            "an app code is not a recovery code"
        );
        let distinct: std::collections::HashSet<_> = codes.iter().collect();
        assert_eq!(distinct.len(), COUNT);
    }
}

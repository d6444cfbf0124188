//! The short reference of a case ("Dossiernummer 3F2A-91C0") that the parent, the coordinator
//! and a volunteer can all quote in a mail or on the phone. Titles do not tell cases apart
//! (every case from the intake is called "Mijn dossier"), and a name would say too much; the
//! reference says nothing about the child or the family.

use sha2::Digest;

/// Eight hex digits in two groups, from a hash of the case id. The id itself is a long mix of
/// letters, signs and upper and lower case that nobody can read out; the hash is stable across
/// versions and machines, unlike the standard library's hasher. Two cases sharing a reference
/// is rare enough (32 bits) for a reference that people quote, not one that finds a case.
pub fn code(case_id: &str) -> String {
    let digest = sha2::Sha256::digest(case_id.as_bytes());
    let hex: String = digest[..4].iter().map(|b| format!("{b:02X}")).collect();
    format!("{}-{}", &hex[..4], &hex[4..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_code_is_short_readable_and_stable() {
        let a = code("kX9_q-2bZ0aLmN7pRt4uVw");
        assert_eq!(
            a,
            code("kX9_q-2bZ0aLmN7pRt4uVw"),
            "the same case, the same code"
        );
        assert_eq!(a.len(), 9);
        assert_eq!(a.as_bytes()[4], b'-');
        assert!(
            a.chars()
                .filter(|c| *c != '-')
                .all(|c| c.is_ascii_digit() || ('A'..='F').contains(&c))
        );
        assert_ne!(
            a,
            code("kX9_q-2bZ0aLmN7pRt4uVx"),
            "another case, another code"
        );
    }

    #[test]
    fn the_code_does_not_change_between_versions() {
        // SHA-256 of "abc" starts with ba7816bf: a reference quoted last year still matches.
        assert_eq!(code("abc"), "BA78-16BF");
    }
}

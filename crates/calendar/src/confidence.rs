//! How sure we are of a fact: the labels of `domain/facts.md` (V, V2, M, C).

use std::fmt;

use serde::{Deserialize, Serialize};

/// The confidence label of a fact, as used in `domain/facts.md` and in every content file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Confidence {
    /// Verified in a primary source (law, the responsible body, a ruling).
    V,
    /// Verified only in a secondary source (SWV, school, law firm).
    V2,
    /// Not verified: from memory.
    M,
    /// Sources conflict.
    C,
}

impl Confidence {
    /// True for `V` and `V2`: facts we may show as certain (with their source).
    pub fn is_certain(self) -> bool {
        matches!(self, Confidence::V | Confidence::V2)
    }
}

impl fmt::Display for Confidence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self {
            Confidence::V => "V",
            Confidence::V2 => "V2",
            Confidence::M => "M",
            Confidence::C => "C",
        };
        f.write_str(label)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn certain_only_for_verified() {
        assert!(Confidence::V.is_certain());
        assert!(Confidence::V2.is_certain());
        assert!(!Confidence::M.is_certain());
        assert!(!Confidence::C.is_certain());
    }

    #[test]
    fn serde_uses_the_facts_labels() {
        #[derive(Deserialize)]
        struct W {
            c: Confidence,
        }
        let w: W = toml::from_str(r#"c = "V2""#).unwrap();
        assert_eq!(w.c, Confidence::V2);
        assert!(toml::from_str::<W>(r#"c = "v2""#).is_err());
        assert_eq!(Confidence::V2.to_string(), "V2");
    }
}

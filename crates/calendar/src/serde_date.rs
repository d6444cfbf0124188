//! Serde helpers that read a [`jiff::civil::Date`] from content files.
//!
//! TOML has a native date type (`start = 2028-07-08`). The `toml` crate hands such a value to
//! serde as a special one-key map, not as a string, so jiff's own `Deserialize` (which wants a
//! string) fails on it. These helpers accept both forms: a bare TOML date, and a
//! `"YYYY-MM-DD"` string (handy in JSON and for people who quote dates by habit).
//!
//! ```
//! #[derive(serde::Deserialize)]
//! struct Step {
//!     #[serde(deserialize_with = "calendar::serde_date::deserialize")]
//!     since: jiff::civil::Date,
//!     #[serde(default, deserialize_with = "calendar::serde_date::option::deserialize")]
//!     until: Option<jiff::civil::Date>,
//! }
//! let s: Step = toml::from_str("since = 2027-03-01\nuntil = \"2027-04-12\"").unwrap();
//! assert_eq!(s.since, jiff::civil::date(2027, 3, 1));
//! assert_eq!(s.until, Some(jiff::civil::date(2027, 4, 12)));
//! ```

use std::fmt;

use jiff::civil::Date;
use serde::Deserializer;
use serde::de::{self, MapAccess, Visitor};

/// The key under which `toml` passes a datetime to serde. It is private to `toml_datetime`
/// but stable: it is how `toml::value::Datetime` itself deserializes.
const TOML_DATETIME_FIELD: &str = "$__toml_private_datetime";

/// Deserialize a required date.
pub fn deserialize<'de, D>(deserializer: D) -> Result<Date, D::Error>
where
    D: Deserializer<'de>,
{
    deserializer.deserialize_any(DateVisitor)
}

/// Helpers for `Option<Date>`; use together with `#[serde(default)]`.
pub mod option {
    use super::*;

    /// Deserialize an optional date: a missing key (with `#[serde(default)]`) is `None`.
    pub fn deserialize<'de, D>(deserializer: D) -> Result<Option<Date>, D::Error>
    where
        D: Deserializer<'de>,
    {
        deserializer.deserialize_option(OptionVisitor)
    }

    struct OptionVisitor;

    impl<'de> Visitor<'de> for OptionVisitor {
        type Value = Option<Date>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a date (YYYY-MM-DD) or nothing")
        }

        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            super::deserialize(d).map(Some)
        }
    }
}

/// A newtype that deserializes with [`deserialize`]; useful inside `toml::Spanned`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ContentDate(pub Date);

impl<'de> serde::Deserialize<'de> for ContentDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        deserialize(d).map(ContentDate)
    }
}

struct DateVisitor;

impl<'de> Visitor<'de> for DateVisitor {
    type Value = Date;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a date (YYYY-MM-DD)")
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Date, E> {
        parse_plain_date(s).map_err(E::custom)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Date, A::Error> {
        // A TOML date arrives as { "$__toml_private_datetime": "2028-07-08" }.
        let key: Option<String> = map.next_key()?;
        match key.as_deref() {
            Some(TOML_DATETIME_FIELD) => {
                let text: String = map.next_value()?;
                parse_plain_date(&text).map_err(de::Error::custom)
            }
            _ => Err(de::Error::custom("expected a date (YYYY-MM-DD)")),
        }
    }
}

/// Accept exactly a local date. A time or an offset means the author wrote something else
/// than a calendar day, and silently dropping it would hide the mistake.
fn parse_plain_date(text: &str) -> Result<Date, String> {
    let well_formed = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !well_formed {
        return Err(format!(
            "expected a date as YYYY-MM-DD without a time, found `{text}`"
        ));
    }
    text.parse::<Date>()
        .map_err(|e| format!("invalid date `{text}`: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;
    use serde::Deserialize;

    #[derive(Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    struct W {
        #[serde(deserialize_with = "deserialize")]
        d: Date,
        #[serde(default, deserialize_with = "option::deserialize")]
        o: Option<Date>,
    }

    #[test]
    fn toml_date_and_string() {
        let w: W = toml::from_str("d = 2028-07-08").unwrap();
        assert_eq!(w.d, date(2028, 7, 8));
        assert_eq!(w.o, None);
        let w: W = toml::from_str("d = \"2028-07-08\"\no = 2029-01-31").unwrap();
        assert_eq!(w.d, date(2028, 7, 8));
        assert_eq!(w.o, Some(date(2029, 1, 31)));
    }

    #[test]
    fn rejects_datetimes_and_nonsense() {
        assert!(toml::from_str::<W>("d = 2028-07-08T10:00:00").is_err());
        assert!(toml::from_str::<W>("d = 2028-02-30").is_err());
        assert!(toml::from_str::<W>("d = \"8 juli 2028\"").is_err());
        assert!(toml::from_str::<W>("d = \"2028-02-30\"").is_err());
        assert!(toml::from_str::<W>("d = 20280708").is_err());
    }

    #[test]
    fn json_strings_work_too() {
        let w: W = serde_json::from_str(r#"{"d":"2027-03-01","o":null}"#).unwrap();
        assert_eq!(w.d, date(2027, 3, 1));
        assert_eq!(w.o, None);
    }
}

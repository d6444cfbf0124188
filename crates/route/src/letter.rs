//! Filling a letter template: field values come from the answers and derived values where a
//! field names one (`from`), the rest from what the parent types. A letter is only finished
//! when every field has a value: [`missing`] lists the ones still to ask.

use std::collections::BTreeMap;

use crate::advice::Advice;
use crate::condition::Value;
use crate::model::{Knowledge, LetterField, LetterTemplate};

/// Field values by field id, as text.
pub type FieldValues = BTreeMap<String, String>;

/// A date as letters write it: "3 maart 2027".
pub fn letter_date(d: jiff::civil::Date) -> String {
    format!(
        "{} {} {}",
        d.day(),
        calendar::month_name_nl(d.month()),
        d.year()
    )
}

/// The values the advice already knows for a template's fields.
pub fn prefill(k: &Knowledge, t: &LetterTemplate, advice: &Advice) -> FieldValues {
    let mut out = FieldValues::new();
    for f in &t.fields {
        let Some(from) = &f.from else { continue };
        let value = advice
            .answers
            .get(from)
            .or_else(|| advice.derived.get(from));
        let text = match value {
            None | Some(Value::Skipped) => continue,
            Some(Value::Date(d)) => letter_date(*d),
            Some(Value::List(items)) => items
                .iter()
                .map(|v| crate::fill::show(k, from, &Value::Text(v.clone())))
                .collect::<Vec<_>>()
                .join(", "),
            Some(v) => crate::fill::show(k, from, v),
        };
        out.insert(f.id.clone(), text);
    }
    out
}

/// The roles a party of a case can have, as a letter field's `case` names them. `ouder` is the
/// parent who keeps the case: the sender of the letters (`ouder.naam`, `ouder.adres`).
pub const PARTY_ROLES: [&str; 9] = [
    "school",
    "schoolbestuur",
    "swv",
    "leerplichtambtenaar",
    "consulent",
    "verzekeraar",
    "jeugdhulp",
    "ouder",
    "anders",
];

/// What of a stored case fills a letter field, as `case = "..."` in the content names it:
/// `kind.naam`, `kind.klas`, `kind.soort-school`, or a party role with `.naam` or `.adres`
/// (`school.naam`, `schoolbestuur.adres`; the address is the name with the contact lines under
/// it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseSource<'a> {
    ChildName,
    ChildLevel,
    ChildSchoolType,
    PartyName(&'a str),
    PartyAddress(&'a str),
}

impl<'a> CaseSource<'a> {
    /// Reads a `case = "..."` value; the error says what is allowed.
    pub fn parse(text: &'a str) -> Result<CaseSource<'a>, String> {
        let (what, part) = text.split_once('.').unwrap_or((text, ""));
        match (what, part) {
            ("kind", "naam") => Ok(CaseSource::ChildName),
            ("kind", "klas") => Ok(CaseSource::ChildLevel),
            ("kind", "soort-school") => Ok(CaseSource::ChildSchoolType),
            (role, "naam") if PARTY_ROLES.contains(&role) => Ok(CaseSource::PartyName(role)),
            (role, "adres") if PARTY_ROLES.contains(&role) => Ok(CaseSource::PartyAddress(role)),
            _ => Err(format!(
                "case = '{text}' is unknown; use kind.naam, kind.klas, kind.soort-school, or ROLE.naam or ROLE.adres with ROLE one of {}",
                PARTY_ROLES.join(", ")
            )),
        }
    }
}

/// The child a letter is about, as the case keeps it.
#[derive(Debug, Clone, Default)]
pub struct CaseChild {
    pub name: String,
    /// "groep 6", "havo 2".
    pub level: String,
    pub school_type: String,
}

/// A school or another party of the case.
#[derive(Debug, Clone, Default)]
pub struct CaseParty {
    /// One of [`PARTY_ROLES`].
    pub role: String,
    pub name: String,
    /// Address, e-mail, phone: one item a line.
    pub contact: String,
}

/// What a stored case knows that letters can use.
#[derive(Debug, Clone, Default)]
pub struct CaseFacts {
    pub child: Option<CaseChild>,
    pub parties: Vec<CaseParty>,
}

/// The values a case knows for a template's fields (the fields with a `case`). With several
/// parties of one role, the first counts; a value the case does not have stays missing, so the
/// page asks for it.
pub fn prefill_from_case(t: &LetterTemplate, facts: &CaseFacts) -> FieldValues {
    let mut out = FieldValues::new();
    for f in &t.fields {
        let Some(Ok(source)) = f.case.as_deref().map(CaseSource::parse) else {
            continue;
        };
        let party = |role: &str| facts.parties.iter().find(|p| p.role == role);
        let value = match source {
            CaseSource::ChildName => facts.child.as_ref().map(|c| c.name.clone()),
            CaseSource::ChildLevel => facts.child.as_ref().map(|c| c.level.clone()),
            CaseSource::ChildSchoolType => facts.child.as_ref().map(|c| c.school_type.clone()),
            CaseSource::PartyName(role) => party(role).map(|p| p.name.clone()),
            CaseSource::PartyAddress(role) => party(role).map(|p| {
                let mut lines = vec![p.name.trim().to_string()];
                lines.extend(
                    p.contact
                        .lines()
                        .map(str::trim)
                        .filter(|l| !l.is_empty())
                        .map(str::to_string),
                );
                lines.join("\n")
            }),
        };
        if let Some(v) = value.filter(|v| !v.trim().is_empty()) {
            out.insert(f.id.clone(), v.trim().to_string());
        }
    }
    out
}

/// The fields that have no value yet (empty or only spaces counts as none).
pub fn missing<'t>(t: &'t LetterTemplate, values: &FieldValues) -> Vec<&'t LetterField> {
    t.fields
        .iter()
        .filter(|f| values.get(&f.id).is_none_or(|v| v.trim().is_empty()))
        .collect()
}

/// The text with every `{{field}}` replaced by its value. Call it when [`missing`] is empty; a
/// field without a value is left as its `{{field}}`, never silently blank.
pub fn fill_text(text: &str, values: &FieldValues) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else { break };
        out.push_str(&rest[..start]);
        let id = after[..end].trim();
        match values.get(id).filter(|v| !v.trim().is_empty()) {
            Some(v) => out.push_str(v.trim()),
            None => out.push_str(&rest[start..start + 2 + end + 2]),
        }
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{FieldKind, LetterField};

    fn field(id: &str, case: &str) -> LetterField {
        LetterField {
            id: id.into(),
            label: id.into(),
            hint: None,
            from: None,
            case: Some(case.into()),
            kind: FieldKind::Text,
        }
    }

    #[test]
    fn a_case_fills_the_child_and_the_parties_it_has() {
        let t = LetterTemplate {
            subject: String::new(),
            fields: vec![
                field("naam-kind", "kind.naam"),
                field("klas", "kind.klas"),
                field("school-naam", "school.naam"),
                field("geadresseerde", "schoolbestuur.adres"),
                field("lpa", "leerplichtambtenaar.naam"),
            ],
            body: String::new(),
            body_line: 1,
            signature: String::new(),
            signature_line: 1,
            loc: crate::model::Loc {
                file: Default::default(),
                line: 1,
            },
        };
        let facts = CaseFacts {
            child: Some(CaseChild {
                name: "Noor".into(),
                level: "groep 6".into(),
                school_type: String::new(),
            }),
            parties: vec![
                CaseParty {
                    role: "school".into(),
                    name: "De Regenboog".into(),
                    contact: String::new(),
                },
                CaseParty {
                    role: "schoolbestuur".into(),
                    name: "Stichting Voorbeeld".into(),
                    contact: "Postbus 1\n\n 3500 AA Utrecht ".into(),
                },
            ],
        };
        let v = prefill_from_case(&t, &facts);
        assert_eq!(v["naam-kind"], "Noor");
        assert_eq!(v["klas"], "groep 6");
        assert_eq!(v["school-naam"], "De Regenboog");
        assert_eq!(
            v["geadresseerde"],
            "Stichting Voorbeeld\nPostbus 1\n3500 AA Utrecht"
        );
        // No leerplichtambtenaar in the case: still to ask.
        assert!(!v.contains_key("lpa"));
        assert_eq!(
            missing(&t, &v)
                .iter()
                .map(|f| f.id.as_str())
                .collect::<Vec<_>>(),
            ["lpa"]
        );
        assert!(prefill_from_case(&t, &CaseFacts::default()).is_empty());
    }

    #[test]
    fn unknown_case_sources_are_refused_with_the_allowed_ones() {
        assert_eq!(
            CaseSource::parse("swv.adres"),
            Ok(CaseSource::PartyAddress("swv"))
        );
        for bad in [
            "kind",
            "kind.leeftijd",
            "buurman.naam",
            "school.telefoon",
            "",
        ] {
            let e = CaseSource::parse(bad).unwrap_err();
            assert!(
                e.contains("kind.naam") && e.contains("leerplichtambtenaar"),
                "{e}"
            );
        }
    }

    #[test]
    fn fills_known_fields_and_keeps_unknown_ones_visible() {
        let mut v = FieldValues::new();
        v.insert("naam".into(), "Sam ".into());
        v.insert("leeg".into(), " ".into());
        assert_eq!(
            fill_text("Beste {{ naam }}, {{leeg}} {{x}}.", &v),
            "Beste Sam, {{leeg}} {{x}}."
        );
        assert_eq!(letter_date(jiff::civil::date(2027, 3, 3)), "3 maart 2027");
    }
}

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

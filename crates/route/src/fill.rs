//! Values in texts: a content text may name an answer or derived value as `{{id}}`, and the
//! advice shows it filled in (a date as "zaterdag 17 juli 2027" or "Saturday 17 July 2027", in
//! the content's language, a choice by its label).

use crate::condition::{Value, Values};
use crate::model::Knowledge;

/// The ids named as `{{id}}` in a text.
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else { break };
        out.push(after[..end].trim());
        rest = &after[end + 2..];
    }
    out
}

/// One value written for people.
pub fn show(k: &Knowledge, id: &str, v: &Value) -> String {
    match v {
        Value::Date(d) => calendar::format_date(*d, k.lang),
        Value::Number(n) if n.fract() == 0.0 => format!("{n:.0}"),
        Value::Text(t) => k
            .question(id)
            .and_then(|q| q.options.iter().find(|o| &o.value == t))
            .map(|o| o.label.clone())
            .unwrap_or_else(|| t.clone()),
        other => other.to_string(),
    }
}

/// The text with every `{{id}}` replaced by its value; an unknown value leaves "…", so a text
/// never shows a raw placeholder to a parent.
pub fn fill(k: &Knowledge, text: &str, values: &Values) -> String {
    if !text.contains("{{") {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else { break };
        out.push_str(&rest[..start]);
        let id = after[..end].trim();
        match values.get(id) {
            Some(v) if *v != Value::Skipped => out.push_str(&show(k, id, v)),
            _ => out.push('…'),
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
    fn placeholders_are_found_and_filled() {
        let k = Knowledge::default();
        let mut v = Values::new();
        v.insert("start".into(), Value::Date(jiff::civil::date(2027, 7, 17)));
        v.insert("weken".into(), Value::Number(3.0));
        let text = "Over {{weken}} weken, op {{ start }}, begint de vakantie. {{onbekend}}";
        assert_eq!(placeholders(text), vec!["weken", "start", "onbekend"]);
        assert_eq!(
            fill(&k, text, &v),
            "Over 3 weken, op zaterdag 17 juli 2027, begint de vakantie. …"
        );
        assert_eq!(fill(&k, "geen", &v), "geen");
    }
}

//! The advice as plain text for a terminal. The words here are interface labels; all knowledge
//! comes from the report.

use std::fmt::Write;

use route::model::Status;
use route::report::{Report, SourceView, WhyView};

fn status_label(s: Status) -> &'static str {
    match s {
        Status::Current => "NU",
        Status::Next => "daarna",
        Status::Later => "later",
        Status::Done => "gedaan",
        Status::NotApplicable => "niet (nu)",
    }
}

fn confidence_note(c: calendar::Confidence) -> &'static str {
    match c {
        calendar::Confidence::V | calendar::Confidence::V2 => "",
        calendar::Confidence::M => " [niet gecontroleerd]",
        calendar::Confidence::C => " [bronnen spreken elkaar tegen]",
    }
}

fn sources(out: &mut String, indent: &str, list: &[SourceView]) {
    for s in list {
        let url = s.url.map(|u| format!(" <{u}>")).unwrap_or_default();
        let _ = writeln!(
            out,
            "{indent}bron: {}{url}{}",
            s.title,
            confidence_note(s.confidence)
        );
    }
}

fn why(out: &mut String, indent: &str, list: &[WhyView]) {
    for w in list {
        if let Some(b) = &w.because {
            let _ = writeln!(out, "{indent}waarom: {b}");
        }
        if let Some(rule) = w.rule {
            let answers: Vec<String> = w
                .answers
                .iter()
                .map(|(k, v)| format!("{k} = {v}"))
                .collect();
            let _ = writeln!(
                out,
                "{indent}  (regel {rule}; antwoorden: {})",
                answers.join(", ")
            );
        }
    }
}

/// The whole advice, current step first.
pub fn advice(r: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "Uw route op {}", calendar::format_date_nl(r.today));
    if let Some(current) = r.steps.iter().find(|s| s.status == Status::Current) {
        let _ = writeln!(
            out,
            "\nUw volgende stap: {}{}",
            current.title,
            confidence_note(current.confidence)
        );
        let _ = writeln!(out, "  {}", current.summary.trim().replace('\n', "\n  "));
        if !current.prepare.is_empty() {
            let _ = writeln!(out, "  Bereid voor:");
            for p in current.prepare {
                let _ = writeln!(out, "  - {p}");
            }
        }
        for who in &current.who {
            let _ = writeln!(out, "  Wie: {} - {}", who.name, who.short);
        }
        why(&mut out, "  ", &current.why);
        sources(&mut out, "  ", &current.sources);
    }
    if !r.warnings.is_empty() {
        let _ = writeln!(out, "\nLet op:");
        for w in &r.warnings {
            let _ = writeln!(out, "! {}{}", w.title, confidence_note(w.confidence));
            let _ = writeln!(out, "  {}", w.text.trim().replace('\n', "\n  "));
            sources(&mut out, "  ", &w.sources);
        }
    }
    if !r.terms.is_empty() {
        let _ = writeln!(out, "\nTermijnen:");
        for t in &r.terms {
            match &t.deadline {
                Some(d) => {
                    let _ = writeln!(out, "- {}: uiterlijk {}", t.title, d.date_text);
                    for line in &d.computed {
                        let _ = writeln!(out, "    {line}");
                    }
                    if let Some(h) = &d.in_school_holiday {
                        let _ = writeln!(
                            out,
                            "    Let op: deze datum valt in de {h}. Termijnen lopen door in de vakantie, en commissies en rechters wachten er niet op."
                        );
                    }
                    if let Some(note) = &d.holiday_uncertain {
                        let _ = writeln!(out, "    Deze vakantiedata zijn niet zeker: {note}");
                    }
                }
                // An unverified or disputed length is not shown as a number; the text explains.
                None if !t.confidence.is_certain() => {
                    let _ = writeln!(out, "- {}{}", t.title, confidence_note(t.confidence));
                    let _ = writeln!(out, "    {}", t.explain.trim().replace('\n', "\n    "));
                }
                None => {
                    let _ = writeln!(
                        out,
                        "- {}: {} {} na {}",
                        t.title,
                        t.length,
                        unit_words(t.unit, t.length),
                        t.start_event
                    );
                }
            }
            sources(&mut out, "    ", &t.sources);
        }
    }
    let _ = writeln!(out, "\nDe hele route:");
    for s in &r.steps {
        let level = s.level.map(|l| format!("{l}. ")).unwrap_or_default();
        let _ = writeln!(out, "[{}] {level}{}", status_label(s.status), s.title);
        if s.status != Status::Current {
            for w in &s.why {
                if let Some(b) = &w.because {
                    let _ = writeln!(out, "      {b}");
                }
            }
        }
    }
    if !r.letters.is_empty() {
        let _ = writeln!(out, "\nBrieven die kunnen helpen:");
        for l in &r.letters {
            let _ = writeln!(out, "- {}", l.title);
        }
    }
    if !r.articles.is_empty() {
        let _ = writeln!(out, "\nLees meer:");
        for a in &r.articles {
            let _ = writeln!(out, "- {}", a.title);
        }
    }
    for n in &r.notes {
        let _ = writeln!(out, "\nOpmerking: {n}");
    }
    out
}

fn unit_words(unit: calendar::Unit, n: u32) -> &'static str {
    use calendar::Unit::*;
    match (unit, n == 1) {
        (Days, true) => "dag",
        (Days, false) => "dagen",
        (Weeks, true) => "week",
        (Weeks, false) => "weken",
        (Months, true) => "maand",
        (Months, false) => "maanden",
        (WorkingDays, true) => "werkdag",
        (WorkingDays, false) => "werkdagen",
        (SchoolWeeks, true) => "schoolweek",
        (SchoolWeeks, false) => "schoolweken",
    }
}

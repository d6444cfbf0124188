//! The advice as plain text for a terminal, in the report's language. The words here are
//! interface labels; all knowledge comes from the report.

use std::fmt::Write;

use calendar::Lang;
use route::model::Status;
use route::report::{Report, SourceView, WhyView};

/// The labels of the text, in one language.
struct Labels {
    statuses: [&'static str; 5],
    not_checked: &'static str,
    disputed: &'static str,
    source: &'static str,
    why: &'static str,
    rule: &'static str,
    answers: &'static str,
    route_on: &'static str,
    next_step: &'static str,
    prepare: &'static str,
    who: &'static str,
    warnings: &'static str,
    terms: &'static str,
    at_the_latest: &'static str,
    in_holiday: &'static str,
    holiday_uncertain: &'static str,
    after: &'static str,
    whole_route: &'static str,
    letters: &'static str,
    read_more: &'static str,
    note: &'static str,
}

const DUTCH: Labels = Labels {
    statuses: ["NU", "daarna", "later", "gedaan", "niet (nu)"],
    not_checked: " [niet gecontroleerd]",
    disputed: " [bronnen spreken elkaar tegen]",
    source: "bron",
    why: "waarom",
    rule: "regel",
    answers: "antwoorden",
    route_on: "Uw route op",
    next_step: "Uw volgende stap",
    prepare: "Bereid voor:",
    who: "Wie",
    warnings: "Let op:",
    terms: "Termijnen:",
    at_the_latest: "uiterlijk",
    in_holiday: "Let op: deze datum valt in de {h}. Termijnen lopen door in de vakantie, en commissies en rechters wachten er niet op.",
    holiday_uncertain: "Deze vakantiedata zijn niet zeker:",
    after: "na",
    whole_route: "De hele route:",
    letters: "Brieven die kunnen helpen:",
    read_more: "Lees meer:",
    note: "Opmerking",
};

const ENGLISH: Labels = Labels {
    statuses: ["NOW", "next", "later", "done", "not (now)"],
    not_checked: " [not checked]",
    disputed: " [sources disagree]",
    source: "source",
    why: "why",
    rule: "rule",
    answers: "answers",
    route_on: "Your route on",
    next_step: "Your next step",
    prepare: "Prepare:",
    who: "Who",
    warnings: "Watch out:",
    terms: "Deadlines:",
    at_the_latest: "at the latest",
    in_holiday: "Watch out: this date falls in the {h}. Terms keep running in the holidays, and committees and courts do not wait for them.",
    holiday_uncertain: "These holiday dates are not certain:",
    after: "after",
    whole_route: "The whole route:",
    letters: "Letters that can help:",
    read_more: "Read more:",
    note: "Note",
};

fn labels(lang: Lang) -> &'static Labels {
    match lang {
        Lang::Nl => &DUTCH,
        Lang::En => &ENGLISH,
    }
}

fn status_label(l: &Labels, s: Status) -> &'static str {
    let i = match s {
        Status::Current => 0,
        Status::Next => 1,
        Status::Later => 2,
        Status::Done => 3,
        Status::NotApplicable => 4,
    };
    l.statuses[i]
}

fn confidence_note(l: &Labels, c: calendar::Confidence) -> &'static str {
    match c {
        calendar::Confidence::V | calendar::Confidence::V2 => "",
        calendar::Confidence::M => l.not_checked,
        calendar::Confidence::C => l.disputed,
    }
}

fn sources(l: &Labels, out: &mut String, indent: &str, list: &[SourceView]) {
    for s in list {
        let url = s.url.map(|u| format!(" <{u}>")).unwrap_or_default();
        let _ = writeln!(
            out,
            "{indent}{}: {}{url}{}",
            l.source,
            s.title,
            confidence_note(l, s.confidence)
        );
    }
}

fn why(l: &Labels, out: &mut String, indent: &str, list: &[WhyView]) {
    for w in list {
        if let Some(b) = &w.because {
            let _ = writeln!(out, "{indent}{}: {b}", l.why);
        }
        if let Some(rule) = w.rule {
            let answers: Vec<String> = w
                .answers
                .iter()
                .map(|(k, v)| format!("{k} = {v}"))
                .collect();
            let _ = writeln!(
                out,
                "{indent}  ({} {rule}; {}: {})",
                l.rule,
                l.answers,
                answers.join(", ")
            );
        }
    }
}

/// The whole advice, current step first.
pub fn advice(r: &Report) -> String {
    let l = labels(r.lang);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} {}",
        l.route_on,
        calendar::format_date(r.today, r.lang)
    );
    if let Some(current) = r.steps.iter().find(|s| s.status == Status::Current) {
        let _ = writeln!(
            out,
            "\n{}: {}{}",
            l.next_step,
            current.title,
            confidence_note(l, current.confidence)
        );
        let _ = writeln!(out, "  {}", current.summary.trim().replace('\n', "\n  "));
        if !current.prepare.is_empty() {
            let _ = writeln!(out, "  {}", l.prepare);
            for p in current.prepare {
                let _ = writeln!(out, "  - {p}");
            }
        }
        for who in &current.who {
            let _ = writeln!(out, "  {}: {} - {}", l.who, who.name, who.short);
        }
        why(l, &mut out, "  ", &current.why);
        sources(l, &mut out, "  ", &current.sources);
    }
    if !r.warnings.is_empty() {
        let _ = writeln!(out, "\n{}", l.warnings);
        for w in &r.warnings {
            let _ = writeln!(out, "! {}{}", w.title, confidence_note(l, w.confidence));
            let _ = writeln!(out, "  {}", w.text.trim().replace('\n', "\n  "));
            sources(l, &mut out, "  ", &w.sources);
        }
    }
    if !r.terms.is_empty() {
        let _ = writeln!(out, "\n{}", l.terms);
        for t in &r.terms {
            match &t.deadline {
                Some(d) => {
                    let _ = writeln!(out, "- {}: {} {}", t.title, l.at_the_latest, d.date_text);
                    for line in &d.computed {
                        let _ = writeln!(out, "    {line}");
                    }
                    if let Some(h) = &d.in_school_holiday {
                        let _ = writeln!(out, "    {}", l.in_holiday.replace("{h}", h));
                    }
                    if let Some(note) = &d.holiday_uncertain {
                        let _ = writeln!(out, "    {} {note}", l.holiday_uncertain);
                    }
                }
                // An unverified or disputed length is not shown as a number; the text explains.
                None if !t.confidence.is_certain() => {
                    let _ = writeln!(out, "- {}{}", t.title, confidence_note(l, t.confidence));
                    let _ = writeln!(out, "    {}", t.explain.trim().replace('\n', "\n    "));
                }
                None => {
                    let _ = writeln!(
                        out,
                        "- {}: {} {} {} {}",
                        t.title,
                        t.length,
                        unit_words(r.lang, t.unit, t.length),
                        l.after,
                        t.start_event
                    );
                }
            }
            sources(l, &mut out, "    ", &t.sources);
        }
    }
    let _ = writeln!(out, "\n{}", l.whole_route);
    for s in &r.steps {
        let level = s.level.map(|l| format!("{l}. ")).unwrap_or_default();
        let _ = writeln!(out, "[{}] {level}{}", status_label(l, s.status), s.title);
        if s.status != Status::Current {
            for w in &s.why {
                if let Some(b) = &w.because {
                    let _ = writeln!(out, "      {b}");
                }
            }
        }
    }
    if !r.letters.is_empty() {
        let _ = writeln!(out, "\n{}", l.letters);
        for l in &r.letters {
            let _ = writeln!(out, "- {}", l.title);
        }
    }
    if !r.articles.is_empty() {
        let _ = writeln!(out, "\n{}", l.read_more);
        for a in &r.articles {
            let _ = writeln!(out, "- {}", a.title);
        }
    }
    for n in &r.notes {
        let _ = writeln!(out, "\n{}: {n}", l.note);
    }
    out
}

fn unit_words(lang: Lang, unit: calendar::Unit, n: u32) -> &'static str {
    use calendar::Unit::*;
    if lang == Lang::En {
        return match (unit, n == 1) {
            (Days, true) => "day",
            (Days, false) => "days",
            (Weeks, true) => "week",
            (Weeks, false) => "weeks",
            (Months, true) => "month",
            (Months, false) => "months",
            (WorkingDays, true) => "working day",
            (WorkingDays, false) => "working days",
            (SchoolWeeks, true) => "school week",
            (SchoolWeeks, false) => "school weeks",
        };
    }
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

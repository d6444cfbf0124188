//! Scenario tests: each file in `tests/scenarios/` is a situation and what its advice must and
//! must not contain. The six public scenarios and our own run against the real content, in
//! Dutch and in English: both must give the same advice, item for item.

use std::path::{Path, PathBuf};

use route::model::Status;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Scenario {
    description: String,
    situation: toml::Table,
    expect: Expect,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Expect {
    current: String,
    #[serde(default)]
    advised: Vec<String>,
    #[serde(default)]
    not_advised: Vec<String>,
    #[serde(default)]
    not_current: Vec<String>,
    #[serde(default)]
    warnings: Vec<String>,
    #[serde(default)]
    no_warnings: Vec<String>,
    #[serde(default)]
    terms: Vec<String>,
    #[serde(default)]
    letters: Vec<String>,
    #[serde(default)]
    claims: Vec<String>,
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The advice's ids and statuses, without any text: what must not depend on the language.
fn skeleton(a: &route::Advice) -> Vec<String> {
    let mut out: Vec<String> = a
        .steps
        .iter()
        .map(|s| format!("step {} {:?}", s.id, s.status))
        .collect();
    out.extend(a.warnings.iter().map(|w| format!("warning {}", w.id)));
    out.extend(
        a.terms
            .iter()
            .map(|t| format!("term {} {:?}", t.id, t.deadline.as_ref().map(|d| d.date))),
    );
    out.extend(a.letters.iter().map(|l| format!("letter {}", l.id)));
    out.extend(a.articles.iter().map(|l| format!("article {}", l.id)));
    out.extend(a.rules.iter().map(|r| format!("rule {r}")));
    out
}

/// Runs one scenario in Dutch and in English.
fn run(k: &route::Knowledge, en: &route::Knowledge, path: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(path).unwrap();
    let sc: Scenario = match toml::from_str(&text) {
        Ok(s) => s,
        Err(e) => return vec![format!("scenario file does not parse: {e}")],
    };
    let situation_text = toml::to_string(&sc.situation).unwrap();
    let mut fails = Vec::new();
    for (lang, k) in [("nl", k), ("en", en)] {
        fails.extend(
            run_in(k, &sc, &situation_text)
                .into_iter()
                .map(|f| format!("[{lang}] {f}")),
        );
    }
    let (Ok(s_nl), Ok(s_en)) = (
        route::situation::from_toml(k, &situation_text),
        route::situation::from_toml(en, &situation_text),
    ) else {
        return fails;
    };
    let (a_nl, a_en) = (route::advise(k, &s_nl), route::advise(en, &s_en));
    if skeleton(&a_nl) != skeleton(&a_en) {
        fails.push(format!(
            "{}: the English advice differs from the Dutch:\n  nl {:?}\n  en {:?}",
            sc.description,
            skeleton(&a_nl),
            skeleton(&a_en)
        ));
    }
    // The texts are the English ones: the current step's title, and every deadline's date.
    let r = route::report::report(en, &a_en);
    let current = r.steps.iter().find(|s| s.id == r.current);
    if current.map(|s| s.title) != en.step(&a_en.current).map(|s| s.title.as_str())
        || current.map(|s| s.title) == k.step(&a_nl.current).map(|s| s.title.as_str())
    {
        fails.push(format!(
            "{}: the current step is not shown in English",
            sc.description
        ));
    }
    for t in &r.terms {
        if let Some(d) = &t.deadline
            && d.date_text != calendar::format_date(d.date, calendar::Lang::En)
        {
            fails.push(format!(
                "{}: deadline '{}' is written '{}'",
                sc.description, t.id, d.date_text
            ));
        }
    }
    fails
}

fn run_in(k: &route::Knowledge, sc: &Scenario, situation_text: &str) -> Vec<String> {
    let situation = match route::situation::from_toml(k, situation_text) {
        Ok(s) => s,
        Err(e) => return vec![format!("bad situation: {e}")],
    };
    let a = route::advise(k, &situation);
    let mut fails = Vec::new();
    let status = |id: &str| a.step(id).map(|s| s.status);
    let e = &sc.expect;
    if a.current != e.current {
        fails.push(format!(
            "current is '{}', expected '{}'",
            a.current, e.current
        ));
    }
    for id in &e.advised {
        match status(id) {
            Some(Status::Current | Status::Next) => {}
            other => fails.push(format!(
                "step '{id}' should be advised (current/next), is {other:?}"
            )),
        }
    }
    for id in &e.not_advised {
        match status(id) {
            Some(Status::Current | Status::Next) => fails.push(format!(
                "step '{id}' must not be advised, is {:?}",
                status(id)
            )),
            None => fails.push(format!("unknown step '{id}'")),
            _ => {}
        }
    }
    for id in &e.not_current {
        if status(id).is_none() {
            fails.push(format!("unknown step '{id}'"));
        }
        if a.current == *id {
            fails.push(format!("step '{id}' must not be current"));
        }
    }
    let has = |list: &[route::advice::ItemAdvice], id: &str| list.iter().any(|i| i.id == id);
    for id in &e.warnings {
        if !has(&a.warnings, id) {
            fails.push(format!("warning '{id}' missing"));
        }
    }
    for id in &e.no_warnings {
        if has(&a.warnings, id) {
            fails.push(format!("warning '{id}' must not be given"));
        }
    }
    for id in &e.letters {
        if !has(&a.letters, id) {
            fails.push(format!("letter '{id}' missing"));
        }
    }
    for id in &e.terms {
        if !a.terms.iter().any(|t| &t.id == id) {
            fails.push(format!("term '{id}' missing"));
        }
    }
    let claims = a.claims(k);
    for c in &e.claims {
        if !claims.contains(c) {
            fails.push(format!("claim {c} not carried by the advice"));
        }
    }
    fails
        .into_iter()
        .map(|f| format!("{}: {f}", sc.description))
        .collect()
}

fn load(lang: calendar::Lang) -> route::Knowledge {
    route::load::load_dir_in(&root().join("content"), lang).unwrap_or_else(|errors| {
        panic!(
            "content does not load in {lang}:\n{}",
            errors
                .iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        )
    })
}

#[test]
fn every_scenario_gets_the_advice_it_must_in_both_languages() {
    let k = load(calendar::Lang::Nl);
    let en = load(calendar::Lang::En);
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    assert!(
        files.len() >= 30,
        "expected at least 30 scenarios, found {}",
        files.len()
    );
    let mut failures = Vec::new();
    for f in &files {
        for fail in run(&k, &en, f) {
            failures.push(format!(
                "{}: {fail}",
                f.file_name().unwrap().to_string_lossy()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} scenario failure(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

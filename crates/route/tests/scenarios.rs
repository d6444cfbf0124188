//! Scenario tests: each file in `tests/scenarios/` is a situation and what its advice must and
//! must not contain. The six public scenarios and our own run against the real content.

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

fn run(k: &route::Knowledge, path: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(path).unwrap();
    let sc: Scenario = match toml::from_str(&text) {
        Ok(s) => s,
        Err(e) => return vec![format!("scenario file does not parse: {e}")],
    };
    let situation = match route::situation::from_toml(k, &toml::to_string(&sc.situation).unwrap()) {
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

#[test]
fn every_scenario_gets_the_advice_it_must() {
    let k = route::load_dir(&root().join("content")).unwrap_or_else(|errors| {
        panic!(
            "content does not load:\n{}",
            errors
                .iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        )
    });
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
        for fail in run(&k, f) {
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

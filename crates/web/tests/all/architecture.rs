//! The one-way dependency rule of docs/architecture.md, checked on the source: an area of the
//! web crate uses `http` and the domain crates, never another area; `http` uses no area; the
//! case domain crate knows nothing of HTTP or HTML; the top of `src/` stays small and no file
//! grows past 700 lines.

use std::path::{Path, PathBuf};

const AREAS: [&str; 9] = [
    "account",
    "api",
    "cases",
    "intake",
    "knowledge",
    "letters",
    "organisation",
    "route",
    "sharing",
];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out
}

/// The areas a file names as `crate::<area>`.
fn areas_used(text: &str) -> Vec<&'static str> {
    AREAS
        .into_iter()
        .filter(|a| {
            text.match_indices(&format!("crate::{a}")).any(|(i, m)| {
                !text[i + m.len()..].starts_with(|c: char| c == '_' || c.is_alphanumeric())
            })
        })
        .collect()
}

#[test]
fn areas_use_no_other_area_and_http_uses_none() {
    let mut wrong = Vec::new();
    for folder in AREAS.iter().copied().chain(["http"]) {
        for file in rust_files(&src().join(folder)) {
            let text = std::fs::read_to_string(&file).unwrap();
            for used in areas_used(&text) {
                if used != folder {
                    wrong.push(format!("{} uses crate::{used}", file.display()));
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "areas depend on each other:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_rule_check_sees_an_import() {
    assert_eq!(areas_used("use crate::cases::page;"), ["cases"]);
    assert_eq!(areas_used("crate::route::plan"), ["route"]);
    assert!(areas_used("use crate::http::links::case_letter_url;").is_empty());
    assert!(areas_used("crate::route_cache").is_empty());
}

#[test]
fn files_stay_small_and_the_top_of_src_short() {
    let top_files = std::fs::read_dir(src())
        .unwrap()
        .filter(|e| e.as_ref().unwrap().path().is_file())
        .count();
    assert!(top_files <= 12, "{top_files} files at the top of src/");
    for file in rust_files(&src()) {
        let lines = std::fs::read_to_string(&file).unwrap().lines().count();
        assert!(lines <= 700, "{} has {lines} lines", file.display());
    }
}

#[test]
fn the_case_domain_knows_no_http() {
    let manifest =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../cases/Cargo.toml"))
            .unwrap();
    for web_crate in [
        "axum",
        "askama",
        "tower",
        "hyper",
        "tower-sessions",
        "tower-http",
    ] {
        assert!(
            !manifest
                .lines()
                .any(|l| l.trim_start().starts_with(&format!("{web_crate}."))
                    || l.trim_start().starts_with(&format!("{web_crate} "))),
            "crates/cases depends on {web_crate}"
        );
    }
}

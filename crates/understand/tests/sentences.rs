//! The test sets of parents' sentences read with the real content. `sentences.toml` is the set
//! the patterns were written against: fails when precision falls under 0.95 or recall under
//! 0.7 over the whole set. `held_out.toml` was written before the reader ever ran over it and
//! is never used to tune the patterns: it is measured and reported (see bench/README.md), and
//! its precision is held to what it truly is. Run with `--nocapture` to see the table per
//! question and every wrong or missed answer of each set.
//!
//! An answer is one (question, value) pair; a multiple-choice proposal gives one per value.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use calendar::Region;
use jiff::civil::Date;
use serde::Deserialize;

#[derive(Deserialize)]
struct Set {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    text: String,
    today: Option<String>,
    region: Option<String>,
    expect: BTreeMap<String, toml::Value>,
}

const TODAY: &str = "2026-12-07";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn pairs(expect: &BTreeMap<String, toml::Value>) -> BTreeSet<(String, String)> {
    let mut out = BTreeSet::new();
    for (q, v) in expect {
        match v {
            toml::Value::String(s) => {
                out.insert((q.clone(), s.clone()));
            }
            toml::Value::Array(list) => {
                for s in list {
                    out.insert((q.clone(), s.as_str().expect("text values").to_string()));
                }
            }
            other => panic!("{q}: write the value as text, not {other}"),
        }
    }
    out
}

#[derive(Default)]
struct Count {
    right: usize,
    wrong: usize,
    missed: usize,
}

impl Count {
    fn precision(&self) -> f64 {
        if self.right + self.wrong == 0 {
            1.0
        } else {
            self.right as f64 / (self.right + self.wrong) as f64
        }
    }
    fn recall(&self) -> f64 {
        if self.right + self.missed == 0 {
            1.0
        } else {
            self.right as f64 / (self.right + self.missed) as f64
        }
    }
}

/// Reads every sentence of `file` (in `tests/`), prints the table per question and every wrong
/// or missed answer, and returns the number of sentences and the count over all questions.
fn measure(file: &str) -> (usize, Count) {
    let content = root().join("content");
    let k = route::load::load_dir_without_walk(&content).expect("the content loads");
    let u = understand::load_dir(&content, &k).expect("the understanding file loads");
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests")
            .join(file),
    )
    .unwrap();
    let set: Set = toml::from_str(&text).expect("the sentence set parses");
    let mut per_question: BTreeMap<String, Count> = BTreeMap::new();
    let mut notes = Vec::new();
    for case in &set.case {
        let today: Date = case.today.as_deref().unwrap_or(TODAY).parse().unwrap();
        let region: Option<Region> = case.region.as_deref().map(|r| r.parse().unwrap());
        for q in case.expect.keys() {
            assert!(k.question(q).is_some(), "{:?}: no question {q}", case.text);
        }
        let expected = pairs(&case.expect);
        let proposals = u.read(&k, &case.text, today, region).unwrap_or_default();
        let got: BTreeSet<(String, String)> = proposals
            .iter()
            .flat_map(|p| p.values.iter().map(|v| (p.question.clone(), v.clone())))
            .collect();
        for pair in got.union(&expected) {
            let c = per_question.entry(pair.0.clone()).or_default();
            match (got.contains(pair), expected.contains(pair)) {
                (true, true) => c.right += 1,
                (true, false) => {
                    c.wrong += 1;
                    notes.push(format!(
                        "WRONG  {} = {}  in {:?}",
                        pair.0, pair.1, case.text
                    ));
                }
                (false, true) => {
                    c.missed += 1;
                    notes.push(format!(
                        "MISSED {} = {}  in {:?}",
                        pair.0, pair.1, case.text
                    ));
                }
                (false, false) => unreachable!(),
            }
        }
    }
    let mut total = Count::default();
    println!("{file}: {} sentences", set.case.len());
    println!("| question | expected | proposed | right | precision | recall |");
    println!("| --- | ---: | ---: | ---: | ---: | ---: |");
    for (q, c) in &per_question {
        println!(
            "| `{q}` | {} | {} | {} | {:.2} | {:.2} |",
            c.right + c.missed,
            c.right + c.wrong,
            c.right,
            c.precision(),
            c.recall()
        );
        total.right += c.right;
        total.wrong += c.wrong;
        total.missed += c.missed;
    }
    println!(
        "| all | {} | {} | {} | **{:.3}** | **{:.3}** |",
        total.right + total.missed,
        total.right + total.wrong,
        total.right,
        total.precision(),
        total.recall()
    );
    for n in &notes {
        println!("{n}");
    }
    (set.case.len(), total)
}

#[test]
fn the_sentence_set_is_read_with_high_precision() {
    let (sentences, total) = measure("sentences.toml");
    assert!(sentences >= 150, "at least 150 sentences");
    assert!(
        total.precision() >= 0.95,
        "precision {:.3} is under 0.95",
        total.precision()
    );
    assert!(
        total.recall() >= 0.7,
        "recall {:.3} is under 0.7",
        total.recall()
    );
}

#[test]
fn the_held_out_set_is_measured() {
    let (sentences, total) = measure("held_out.toml");
    assert!(sentences >= 60, "at least 60 sentences");
    // Measured 0.978 (131 of 134 proposals right) the first time the reader ran over this set.
    // When this fails, do not fix the patterns on these sentences: write new sentences of that
    // kind into sentences.toml and fix the patterns there.
    assert!(
        total.precision() >= 0.95,
        "held-out precision {:.3} is under 0.95",
        total.precision()
    );
}

//! Benchmark of `advise`: the real content, and the same content with ten times as many rules.
//!
//! The situations are the scenario files of `tests/scenarios`. The 10x content adds nine renamed
//! copies of every rule (their `current` becomes `next`, so they never compete for the current
//! step); the cost per situation should grow at most linearly with the number of rules.

use std::path::{Path, PathBuf};

use criterion::{Criterion, criterion_group, criterion_main};
use route::{Knowledge, Situation};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn content_files() -> Vec<(PathBuf, String)> {
    fn walk(dir: &Path, out: &mut Vec<(PathBuf, String)>) {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        paths.sort();
        for p in paths {
            if p.is_dir() {
                walk(&p, out);
            } else if matches!(p.extension().and_then(|e| e.to_str()), Some("toml" | "md")) {
                out.push((p.clone(), std::fs::read_to_string(&p).unwrap()));
            }
        }
    }
    let mut out = Vec::new();
    walk(&root().join("content"), &mut out);
    out
}

/// Nine renamed copies of every rule, as extra knowledge files.
fn synthetic_rules(files: &[(PathBuf, String)], copies: usize) -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    for (path, text) in files {
        if path.extension().is_none_or(|e| e != "toml")
            || path.components().any(|c| c.as_os_str() == "holidays")
        {
            continue;
        }
        let table: toml::Table = toml::from_str(text).unwrap();
        let Some(toml::Value::Array(rules)) = table.get("rule") else {
            continue;
        };
        for n in 1..=copies {
            let renamed: Vec<toml::Value> = rules
                .iter()
                .map(|r| {
                    let mut r = r.as_table().unwrap().clone();
                    let id = r["id"].as_str().unwrap().to_string();
                    r.insert("id".into(), format!("{id}-kopie-{n}").into());
                    if let Some(current) = r.remove("current") {
                        let mut next = r
                            .get("next")
                            .and_then(|v| v.as_array())
                            .cloned()
                            .unwrap_or_default();
                        next.push(current);
                        r.insert("next".into(), toml::Value::Array(next));
                    }
                    if let Some(toml::Value::Array(over)) = r.get("overrides").cloned() {
                        let renamed: Vec<toml::Value> = over
                            .iter()
                            .map(|o| format!("{}-kopie-{n}", o.as_str().unwrap()).into())
                            .collect();
                        r.insert("overrides".into(), toml::Value::Array(renamed));
                    }
                    toml::Value::Table(r)
                })
                .collect();
            let mut file = toml::Table::new();
            file.insert("rule".into(), toml::Value::Array(renamed));
            let name = format!(
                "synthetic-{n}-{}",
                path.file_name().unwrap().to_string_lossy()
            );
            out.push((
                root().join("content/rules").join(name),
                toml::to_string(&file).unwrap(),
            ));
        }
    }
    out
}

fn situations(k: &Knowledge) -> Vec<Situation> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let table: toml::Table = toml::from_str(&std::fs::read_to_string(p).unwrap()).unwrap();
            let s = toml::to_string(table["situation"].as_table().unwrap()).unwrap();
            route::situation::from_toml(k, &s).unwrap()
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let files = content_files();
    let real = route::load::load_files(&files).unwrap_or_else(|e| panic!("{}", e[0]));
    let mut big_files = files.clone();
    big_files.extend(synthetic_rules(&files, 9));
    let big = route::load::load_files(&big_files).unwrap_or_else(|e| panic!("{}", e[0]));
    let cases = situations(&real);
    let per = cases.len() as u32;
    eprintln!(
        "rules: real {}, synthetic {}; situations: {}",
        real.rules.len(),
        big.rules.len(),
        per
    );

    let mut g = c.benchmark_group("advise");
    g.bench_function("real content, per situation", |b| {
        b.iter_custom(|iters| {
            let start = std::time::Instant::now();
            for _ in 0..iters {
                for s in &cases {
                    std::hint::black_box(route::advise(&real, std::hint::black_box(s)));
                }
            }
            start.elapsed() / per
        })
    });
    g.bench_function("10x rules, per situation", |b| {
        b.iter_custom(|iters| {
            let start = std::time::Instant::now();
            for _ in 0..iters {
                for s in &cases {
                    std::hint::black_box(route::advise(&big, std::hint::black_box(s)));
                }
            }
            start.elapsed() / per
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

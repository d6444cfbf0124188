//! Time to read one text: every sentence of the test set (`tests/sentences.toml`), and one long
//! story of about 4,900 characters (just under [`understand::MAX_CHARS`]), with the real content.

use std::path::{Path, PathBuf};

use criterion::{Criterion, criterion_group, criterion_main};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[derive(serde::Deserialize)]
struct Set {
    case: Vec<Case>,
}

#[derive(serde::Deserialize)]
struct Case {
    text: String,
}

fn bench(c: &mut Criterion) {
    let content = root().join("content");
    let k = route::load::load_dir_without_walk(&content).expect("the content loads");
    let u = understand::load_dir(&content, &k).expect("the understanding file loads");
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sentences.toml"))
            .unwrap();
    let set: Set = toml::from_str(&text).unwrap();
    let today = jiff::civil::date(2026, 12, 7);
    let n = set.case.len() as u32;
    c.bench_function(&format!("read the {n} sentences of the test set"), |b| {
        b.iter(|| {
            for case in &set.case {
                std::hint::black_box(u.read(&k, &case.text, today, None).ok());
            }
        })
    });
    let mut story = String::new();
    for case in set.case.iter().cycle() {
        if story.len() + case.text.len() + 1 > 4_900 {
            break;
        }
        story.push_str(&case.text);
        story.push(' ');
    }
    c.bench_function("read one story of 4,900 characters", |b| {
        b.iter(|| std::hint::black_box(u.read(&k, &story, today, None).ok()))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);

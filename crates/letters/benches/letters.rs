//! Median time to render one letter as PDF in-process (criterion), and the DOCX for comparison.

use criterion::{Criterion, criterion_group, criterion_main};

mod sample;

fn bench(c: &mut Criterion) {
    let letter = sample::sample_letter();
    c.bench_function("letter_pdf", |b| {
        b.iter(|| letters::letter_pdf(&letter).unwrap())
    });
    c.bench_function("letter_docx", |b| {
        b.iter(|| letters::letter_docx(&letter).unwrap())
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);

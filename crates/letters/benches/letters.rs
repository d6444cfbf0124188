//! Median time to render one letter as PDF in-process (criterion), the DOCX for comparison, and
//! a case dossier of 40 events and 10 attachments as PDF.

use criterion::{Criterion, criterion_group, criterion_main};

mod dossier_sample;
mod sample;

fn bench(c: &mut Criterion) {
    let letter = sample::sample_letter();
    c.bench_function("letter_pdf", |b| {
        b.iter(|| letters::letter_pdf(&letter).unwrap())
    });
    c.bench_function("letter_docx", |b| {
        b.iter(|| letters::letter_docx(&letter).unwrap())
    });
    let dossier = dossier_sample::sample_dossier(40, 10);
    let mut group = c.benchmark_group("dossier");
    group.sample_size(10);
    group.bench_function("dossier_pdf_40_events_10_attachments", |b| {
        b.iter(|| letters::dossier_pdf(&dossier).unwrap())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

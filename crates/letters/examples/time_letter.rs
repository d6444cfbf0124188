//! Writes the sample letter as PDF and DOCX into a folder and prints the median time of
//! rendering its PDF in-process: `time_letter OUT_DIR [RUNS]`. Used by `bench/letters/run.sh`.

use std::time::Instant;

#[path = "../benches/sample.rs"]
mod sample;

fn main() {
    let mut args = std::env::args().skip(1);
    let out = std::path::PathBuf::from(args.next().expect("usage: time_letter OUT_DIR [RUNS]"));
    let runs: usize = args
        .next()
        .map(|r| r.parse().expect("RUNS is a number"))
        .unwrap_or(50);
    std::fs::create_dir_all(&out).expect("the output folder can be made");
    let letter = sample::sample_letter();
    let first = Instant::now();
    let pdf = letters::letter_pdf(&letter).expect("the letter renders");
    let first = first.elapsed();
    std::fs::write(out.join("letter.pdf"), &pdf).expect("write the PDF");
    std::fs::write(
        out.join("letter.docx"),
        letters::letter_docx(&letter).expect("the DOCX renders"),
    )
    .expect("write the DOCX");
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            letters::letter_pdf(&letter).expect("the letter renders");
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    // The same letter with a different text every run, as for different parents: less of
    // typst's memo cache applies.
    let mut varying: Vec<f64> = (0..runs)
        .map(|i| {
            let mut l = letter.clone();
            l.body = format!("{} {i}", l.body);
            l.sender[0] = format!("{} {i}", l.sender[0]);
            let t = Instant::now();
            letters::letter_pdf(&l).expect("the letter renders");
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    varying.sort_by(f64::total_cmp);
    println!("first_ms {:.2}", first.as_secs_f64() * 1000.0);
    println!("median_ms {:.2}", times[times.len() / 2]);
    println!("median_varying_ms {:.2}", varying[varying.len() / 2]);
    println!("pdf_bytes {}", pdf.len());
}

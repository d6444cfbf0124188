//! Times the dossier PDF of a case with 40 events and 10 attachments: the first render in the
//! process, and the median of 20 renders whose text differs every run (as for different cases).
//!
//!     cargo run --release -p letters --example time_dossier [OUT.pdf]
//!
//! With a file name, the first PDF is also written there, to look at.

use std::time::{Duration, Instant};

#[path = "../benches/dossier_sample.rs"]
mod dossier_sample;

fn main() {
    let mut dossier = dossier_sample::sample_dossier(40, 10);
    let start = Instant::now();
    let pdf = letters::dossier_pdf(&dossier).expect("the dossier renders");
    let first = start.elapsed();
    if let Some(out) = std::env::args().nth(1) {
        std::fs::write(&out, &pdf).expect("the PDF can be written");
    }
    let mut times: Vec<Duration> = (0..20)
        .map(|run| {
            for e in &mut dossier.events {
                e.notes = format!("{} (run {run})", e.notes);
            }
            let start = Instant::now();
            letters::dossier_pdf(&dossier).expect("the dossier renders");
            start.elapsed()
        })
        .collect();
    times.sort();
    println!(
        "dossier PDF, 40 events and 10 attachments, {} KB",
        pdf.len() / 1024
    );
    println!(
        "first render in the process: {:.1} ms",
        first.as_secs_f64() * 1000.0
    );
    println!(
        "text different every run, 20 runs: median {:.1} ms (min {:.1}, max {:.1})",
        times[10].as_secs_f64() * 1000.0,
        times[0].as_secs_f64() * 1000.0,
        times[19].as_secs_f64() * 1000.0
    );
}

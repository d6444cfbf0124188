//! A dossier with 40 events and 10 attachments is rendered as PDF; poppler's `pdftotext` must
//! find the cover name, a deadline date and an event note in it. Without `pdftotext` the test
//! skips loudly, unless `CI` is set: then it fails.

use std::process::Command;

#[path = "../benches/dossier_sample.rs"]
mod dossier_sample;

#[test]
fn a_large_dossier_has_its_cover_deadlines_and_notes() {
    let pdf =
        letters::dossier_pdf(&dossier_sample::sample_dossier(40, 10)).expect("the dossier renders");
    assert!(pdf.starts_with(b"%PDF-"));
    if Command::new("pdftotext").arg("-v").output().is_err() {
        assert!(
            std::env::var_os("CI").is_none(),
            "pdftotext is needed in CI: install poppler-utils"
        );
        eprintln!(
            "\n!!! SKIPPED: pdftotext is not installed, so the dossier text was not read !!!\n"
        );
        return;
    }
    let dir = std::env::temp_dir().join(format!("dossier-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("dossier.pdf");
    std::fs::write(&file, &pdf).unwrap();
    let out = Command::new("pdftotext")
        .arg(&file)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    std::fs::remove_dir_all(&dir).ok();
    assert!(out.status.success(), "pdftotext failed on the dossier");
    // Line breaks of the layout are not part of what is checked.
    let text = String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        text.contains(dossier_sample::COVER_NAME),
        "cover name missing"
    );
    assert!(
        text.contains(dossier_sample::DEADLINE_DATE),
        "deadline date missing"
    );
    assert!(
        text.contains(&dossier_sample::event_note(40)),
        "last event note missing"
    );
    assert!(text.contains("verslag-10.pdf"), "attachment index missing");
}

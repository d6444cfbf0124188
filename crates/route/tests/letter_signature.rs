//! The signature mark of letter texts: every text in `content/letters/` has it once, and the
//! check names the file and line of a text without it or with it twice.

use std::path::{Path, PathBuf};

use route::model::LetterTemplate;

fn content_files() -> Vec<(PathBuf, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    route::load::read_dir(&dir).expect("the content folder reads")
}

/// The content with one letter text changed by `edit`; returns the errors and that file.
fn errors_after(edit: impl Fn(&str) -> String) -> (Vec<route::load::ContentError>, PathBuf) {
    let mut files = content_files();
    let (path, text) = files
        .iter_mut()
        .find(|(p, _)| p.ends_with("letters/klacht-klachtencommissie.md"))
        .expect("the complaint letter is there");
    *text = edit(text);
    let path = path.clone();
    let errors = route::load::load_files_checked(&files, false)
        .err()
        .unwrap_or_default();
    (errors, path)
}

fn line_of(text: &str, needle: &str) -> usize {
    text[..text.find(needle).expect("needle in text")]
        .matches('\n')
        .count()
        + 1
}

#[test]
fn every_letter_text_has_its_signature_after_the_mark() {
    let k = route::load::load_files_checked(&content_files(), false).expect("content loads");
    for l in &k.letters {
        let t = l.template.as_ref().expect("every letter has a text");
        assert!(
            t.signature.contains("{{naam-ouder}}"),
            "{}: the parent's name is under the signature",
            l.id
        );
        assert!(
            !t.body.contains(LetterTemplate::SIGNATURE_MARK) && !t.body.contains("{{naam-ouder}}"),
            "{}: the body stops at the mark",
            l.id
        );
    }
}

#[test]
fn a_text_without_the_mark_is_refused_with_its_file_and_line() {
    let (errors, path) = errors_after(|t| t.replace("{{ondertekening}}\n\n", ""));
    let e = errors
        .iter()
        .find(|e| e.message.contains("{{ondertekening}}"))
        .unwrap_or_else(|| panic!("no error about the mark in {errors:?}"));
    assert_eq!(e.file, path);
    let text = std::fs::read_to_string(&path).unwrap();
    let without = text.replace("{{ondertekening}}\n\n", "");
    // The error points at the end of the text, where the mark belongs.
    assert_eq!(e.line, without.lines().count());
}

#[test]
fn a_second_mark_is_refused_on_its_own_line() {
    let (errors, path) = errors_after(|t| {
        t.replace(
            "Wat ik wil bereiken\n",
            "Wat ik wil bereiken {{ondertekening}}\n",
        )
    });
    let e = errors
        .iter()
        .find(|e| e.message.contains("goes once"))
        .unwrap_or_else(|| panic!("no error about a second mark in {errors:?}"));
    assert_eq!(e.file, path);
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(e.line, line_of(&text, "Wat ik wil bereiken\n"));
}

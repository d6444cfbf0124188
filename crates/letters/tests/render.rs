//! Every letter template in `content/letters/` is filled from a sample case and rendered as PDF
//! and DOCX. The PDF text (poppler's `pdftotext`) must hold the names, dates and a key sentence;
//! LibreOffice must convert every DOCX without error. Without those tools the test skips loudly,
//! unless `CI` is set: then it fails.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use route::letter::{FieldValues, fill_text, missing};
use route::model::{FieldKind, Knowledge, LetterTemplate};

fn content_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content")
}

fn knowledge() -> Knowledge {
    route::load::load_dir_without_walk(&content_dir()).expect("the content passes the check")
}

/// Whether an external tool is there; without it, skip (locally) or fail (in CI).
fn tool(name: &str) -> bool {
    let found = Command::new(name).arg("--version").output().is_ok();
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "{name} is needed in CI: install poppler-utils and libreoffice-writer"
        );
        eprintln!(
            "\n!!! SKIPPED: {name} is not installed, so this document test did not run !!!\n"
        );
    }
    found
}

/// A sample case: fixed values for the common fields, a recognisable text for the rest.
fn sample(t: &LetterTemplate) -> FieldValues {
    let fixed: BTreeMap<&str, &str> = [
        ("naam-ouder", "Fatima El Amrani"),
        (
            "afzender",
            "Fatima El Amrani\nLindelaan 12\n3512 AB Utrecht\nfatima@example.nl",
        ),
        (
            "geadresseerde",
            "Bestuur Stichting Voorbeeldscholen\nPostbus 100\n3500 AA Utrecht",
        ),
        ("plaats", "Utrecht"),
        ("datum", "3 maart 2027"),
        ("aanhef", "heer, mevrouw"),
        ("naam-kind", "Noor Visser"),
        ("geboortedatum-kind", "14 mei 2015"),
        ("school-naam", "De Regenboog"),
    ]
    .into_iter()
    .collect();
    t.fields
        .iter()
        .map(|f| {
            let value = match (fixed.get(f.id.as_str()), f.kind) {
                (Some(v), _) => v.to_string(),
                (None, FieldKind::Date) => "17 februari 2027".to_string(),
                (None, FieldKind::Multiline) => {
                    format!("Voorbeeld voor {}: eerste regel.\nTweede regel.", f.id)
                }
                (None, FieldKind::Text) => format!("voorbeeld {}", f.id.replace('-', " ")),
            };
            (f.id.clone(), value)
        })
        .collect()
}

fn letter(title: &str, t: &LetterTemplate, v: &FieldValues) -> letters::Letter {
    let lines = |id: &str| v[id].lines().map(str::to_string).collect();
    letters::Letter {
        title: title.to_string(),
        sender: lines("afzender"),
        addressee: lines("geadresseerde"),
        place: v["plaats"].clone(),
        date: v["datum"].clone(),
        subject_label: "Betreft".to_string(),
        subject: fill_text(&t.subject, v),
        body: fill_text(&t.body, v),
        signature: fill_text(&t.signature, v),
    }
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn pdf_text(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    assert!(
        out.status.success(),
        "pdftotext failed on {}",
        pdf.display()
    );
    squash(&String::from_utf8_lossy(&out.stdout))
}

fn out_dir(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("routewijzer-letters-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn every_template_renders_as_pdf_and_docx() {
    let k = knowledge();
    let with_template: Vec<_> = k
        .letters
        .iter()
        .filter_map(|l| l.template.as_ref().map(|t| (l, t)))
        .collect();
    assert_eq!(
        with_template.len(),
        k.letters.len(),
        "every suggested letter has a text in content/letters/"
    );
    let dir = out_dir("all");
    let check_pdf = tool("pdftotext");
    let mut docx_files = Vec::new();
    for (l, t) in &with_template {
        let v = sample(t);
        assert!(missing(t, &v).is_empty());
        let doc = letter(&l.title, t, &v);
        assert!(
            !doc.subject.contains("{{")
                && !doc.body.contains("{{")
                && !doc.signature.contains("{{"),
            "{}: unfilled field",
            l.id
        );
        let pdf = letters::letter_pdf(&doc).unwrap_or_else(|e| panic!("{}: {e}", l.id));
        assert!(pdf.starts_with(b"%PDF"), "{}", l.id);
        assert!(
            pdf.windows(7).any(|w| w == b"pdfuaid"),
            "{}: the letter is PDF/UA-1",
            l.id
        );
        let docx = letters::letter_docx(&doc).unwrap_or_else(|e| panic!("{}: {e}", l.id));
        assert!(docx.starts_with(b"PK"), "{}", l.id);
        let pdf_path = dir.join(format!("{}.pdf", l.id));
        std::fs::write(&pdf_path, &pdf).unwrap();
        let docx_path = dir.join(format!("{}.docx", l.id));
        std::fs::write(&docx_path, &docx).unwrap();
        docx_files.push(docx_path);
        if check_pdf {
            let text = pdf_text(&pdf_path);
            // The key sentence: the first sentence after the salutation.
            let key = doc.paragraphs()[1].join(" ");
            let key = key.split_inclusive(". ").next().unwrap().trim();
            for expected in [
                "Fatima El Amrani",
                "Lindelaan 12",
                "Stichting Voorbeeldscholen",
                "Utrecht, 3 maart 2027",
                "Noor Visser",
                "Met vriendelijke groet",
            ]
            .iter()
            .map(|s| s.to_string())
            .chain([squash(&format!("Betreft: {}", doc.subject)), squash(key)])
            {
                assert!(
                    text.contains(&expected),
                    "{}: the PDF text lacks '{expected}':\n{text}",
                    l.id
                );
            }
            let info = Command::new("pdfinfo")
                .arg(&pdf_path)
                .output()
                .expect("pdfinfo runs");
            let info = String::from_utf8_lossy(&info.stdout);
            assert!(
                info.contains("Tagged:          yes"),
                "{}: not a tagged PDF:\n{info}",
                l.id
            );
            assert!(
                info.contains("Pages:           1"),
                "{}: the sample letter fits on one page:\n{info}",
                l.id
            );
            // The name is under the closing, after the space for the signature.
            let closing = text.rfind("Met vriendelijke groet").unwrap();
            assert!(
                text[closing..].contains("Fatima El Amrani"),
                "{}: the name is not under the closing:\n{text}",
                l.id
            );
            if t.field("geboortedatum-kind").is_some() {
                assert!(text.contains("14 mei 2015"), "{}: birth date missing", l.id);
            }
        }
    }
    if tool("libreoffice") {
        let lo_out = dir.join("lo");
        let profile = dir.join("lo-profile");
        let out = Command::new("libreoffice")
            .arg(format!(
                "-env:UserInstallation=file://{}",
                profile.display()
            ))
            .args(["--headless", "--convert-to", "pdf", "--outdir"])
            .arg(&lo_out)
            .args(&docx_files)
            .output()
            .expect("libreoffice runs");
        assert!(
            out.status.success(),
            "libreoffice failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        for docx in &docx_files {
            let pdf = lo_out.join(docx.with_extension("pdf").file_name().unwrap());
            let len = std::fs::metadata(&pdf).map(|m| m.len()).unwrap_or(0);
            assert!(len > 1000, "LibreOffice made no PDF of {}", docx.display());
            if check_pdf {
                assert!(
                    pdf_text(&pdf).contains("Noor Visser"),
                    "{}: the DOCX text is not there",
                    docx.display()
                );
            }
        }
    }
    if std::env::var_os("KEEP_LETTERS").is_none() {
        let _ = std::fs::remove_dir_all(&dir);
    } else {
        eprintln!("letters kept in {}", dir.display());
    }
}

#[test]
fn typst_syntax_in_user_text_appears_literally() {
    let tricky =
        "#panic(\"x\") $x$ ] [ <script>alert(1)</script> @ref #import \"@preview/x:0.1.0\"";
    let doc = letters::Letter {
        title: "Test".into(),
        sender: vec![tricky.into()],
        addressee: vec!["]".into()],
        place: "#place".into(),
        date: "$1$".into(),
        subject_label: "Betreft".into(),
        subject: tricky.into(),
        body: format!("Geachte heer, mevrouw,\n\n{tricky}\n\nMet vriendelijke groet,"),
        signature: format!("#sig {tricky}"),
    };
    let pdf = letters::letter_pdf(&doc).expect("user text never breaks the template");
    letters::letter_docx(&doc).expect("docx");
    if tool("pdftotext") {
        let dir = out_dir("escape");
        let path = dir.join("escape.pdf");
        std::fs::write(&path, &pdf).unwrap();
        let text = pdf_text(&path);
        for needle in [
            "#panic(\"x\")",
            "$x$",
            "] [",
            "<script>alert(1)</script>",
            "#place, $1$",
            "@ref",
            "#sig #panic",
        ] {
            assert!(
                text.contains(needle),
                "'{needle}' is not literal in:\n{text}"
            );
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}

#[test]
fn plan_renders_on_one_page() {
    let plan = letters::Plan {
        lang: "nl".into(),
        title: "Uw plan".into(),
        lead: "Gemaakt op 3 maart 2027.".into(),
        steps_heading: "Uw route".into(),
        steps: (1..=8)
            .map(|n| letters::PlanStep {
                number: n,
                title: format!("Stap nummer {n}"),
                status: if n == 2 { "Nu".into() } else { "Later".into() },
                current: n == 2,
                summary: "Een korte uitleg van deze stap, in een of twee zinnen, zodat u weet wat er gebeurt.".into(),
                who: "School".into(),
            })
            .collect(),
        deadlines_heading: "Termijnen".into(),
        deadlines: vec![("Bezwaar maken".into(), "vrijdag 9 juli 2027".into())],
        warnings_heading: "Let op".into(),
        warnings: vec!["Een waarschuwing.".into()],
        footer: "Routewijzer".into(),
    };
    let pdf = letters::plan_pdf(&plan).expect("plan");
    if tool("pdftotext") {
        let dir = out_dir("plan");
        let path = dir.join("plan.pdf");
        std::fs::write(&path, &pdf).unwrap();
        let text = pdf_text(&path);
        assert!(
            text.contains("Stap nummer 8") && text.contains("vrijdag 9 juli 2027"),
            "{text}"
        );
        let info = Command::new("pdfinfo")
            .arg(&path)
            .output()
            .expect("pdfinfo");
        assert!(String::from_utf8_lossy(&info.stdout).contains("Pages:           1"));
        let _ = std::fs::remove_dir_all(&dir);
    }
}

#[test]
fn a_long_letter_gets_page_numbers() {
    let paragraph = "Dit is een lange alinea over wat er op school is gebeurd, met genoeg woorden om de regel te vullen en af te breken. ";
    let body = (0..30)
        .map(|i| format!("{i}. {}", paragraph.repeat(2)))
        .collect::<Vec<_>>()
        .join("\n\n");
    let doc = letters::Letter {
        title: "Lang".into(),
        sender: vec!["Fatima El Amrani".into()],
        addressee: vec!["School".into()],
        place: "Utrecht".into(),
        date: "3 maart 2027".into(),
        subject_label: "Betreft".into(),
        subject: "Een lange brief".into(),
        body: format!("Geachte heer, mevrouw,\n\n{body}\n\nMet vriendelijke groet,"),
        signature: "Fatima El Amrani".into(),
    };
    let pdf = letters::letter_pdf(&doc).expect("long letter");
    if tool("pdftotext") {
        let dir = out_dir("long");
        let path = dir.join("long.pdf");
        std::fs::write(&path, &pdf).unwrap();
        let text = pdf_text(&path);
        // pdftotext may drop the spaces around the slash.
        let compact = text.replace(' ', "");
        assert!(
            compact.contains("1/3") && compact.contains("3/3"),
            "page numbers missing:\n{text}"
        );
        if std::env::var_os("KEEP_LETTERS").is_some() {
            eprintln!("kept {}", path.display());
        } else {
            let _ = std::fs::remove_dir_all(&dir);
        }
    }
}

#[test]
fn conversation_sheet_holds_its_parts() {
    let sheet = letters::ConversationSheet {
        lang: "nl".into(),
        title: "Gesprek voorbereiden: Praat met de school".into(),
        lead: "Met de intern begeleider.".into(),
        sections: vec![
            letters::SheetSection {
                heading: "Mijn doel".into(),
                text: "Een plan met extra hulp voor Sam.".into(),
                items: Vec::new(),
            },
            letters::SheetSection {
                heading: "Vragen".into(),
                text: String::new(),
                items: vec!["Wie is mijn vaste contactpersoon?".into()],
            },
        ],
        notes_heading: "Aantekeningen".into(),
        footer: "Routewijzer".into(),
    };
    let pdf = letters::conversation_pdf(&sheet).expect("conversation sheet");
    assert!(pdf.starts_with(b"%PDF"));
    if tool("pdftotext") {
        let dir = out_dir("conversation");
        let path = dir.join("gesprek.pdf");
        std::fs::write(&path, &pdf).unwrap();
        let text = pdf_text(&path);
        for needle in [
            "Praat met de school",
            "Een plan met extra hulp voor Sam.",
            "Wie is mijn vaste contactpersoon?",
            "Aantekeningen",
        ] {
            assert!(text.contains(needle), "{needle} missing from:\n{text}");
        }
    }
}

//! DOCX through docx-rs: the same letter as the PDF, as plain paragraphs a parent can edit in
//! Word or LibreOffice (subject in bold, A4, margins like the PDF).

use std::io::Cursor;

use docx_rs::{BreakType, Docx, LineSpacing, PageMargin, Paragraph, Run, RunFonts};

use crate::{Letter, RenderError};

/// A4 in twentieths of a point.
const A4: (u32, u32) = (11906, 16838);
/// 2.5 cm in twentieths of a point.
const MARGIN: i32 = 1417;
/// Font size in half points (10.5 pt).
const SIZE: usize = 21;

/// A paragraph of lines (joined by line breaks), with space after it in twentieths of a point.
fn lines(list: &[String], after: u32) -> Paragraph {
    let mut run = Run::new();
    for (i, line) in list.iter().enumerate() {
        if i > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        run = run.add_text(line);
    }
    Paragraph::new()
        .add_run(run)
        .line_spacing(LineSpacing::new().after(after))
}

/// A letter as DOCX.
pub fn letter_docx(letter: &Letter) -> Result<Vec<u8>, RenderError> {
    let margin = PageMargin::new()
        .top(MARGIN)
        .bottom(MARGIN)
        .left(MARGIN)
        .right(MARGIN);
    let mut doc = Docx::new()
        .page_size(A4.0, A4.1)
        .page_margin(margin)
        .default_fonts(
            RunFonts::new()
                .ascii("Open Sans")
                .hi_ansi("Open Sans")
                .cs("Open Sans"),
        )
        .default_size(SIZE)
        .add_paragraph(lines(&letter.sender, 720))
        .add_paragraph(lines(&letter.addressee, 600))
        .add_paragraph(lines(&[format!("{}, {}", letter.place, letter.date)], 480))
        .add_paragraph(
            Paragraph::new()
                .add_run(
                    Run::new()
                        .add_text(format!("{}: {}", letter.subject_label, letter.subject))
                        .bold(),
                )
                .line_spacing(LineSpacing::new().after(480)),
        );
    for p in letter.paragraphs() {
        doc = doc.add_paragraph(lines(&p, 200));
    }
    // Room for the handwritten signature, as in the PDF, then what goes under it.
    let mut signature = letter.signature_paragraphs();
    if signature.is_empty() {
        signature.push(Vec::new());
    }
    for (i, p) in signature.iter().enumerate() {
        let mut paragraph = lines(p, 200);
        if i == 0 {
            paragraph = paragraph.line_spacing(LineSpacing::new().before(480).after(200));
        }
        doc = doc.add_paragraph(paragraph);
    }
    let mut out = Cursor::new(Vec::new());
    doc.build()
        .pack(&mut out)
        .map_err(|e| RenderError::Docx(e.to_string()))?;
    Ok(out.into_inner())
}

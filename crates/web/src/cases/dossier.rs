//! The case dossier for print or to hand over: one PDF (cover, the situation in short, the route
//! and where the family stands, deadlines, the timeline, an index of attachments), and a ZIP with
//! that PDF and the attachments themselves.
//!
//! Both routes need the read role (see `http::case_access::CASE_ROUTES`) and write an audit line for
//! every export, whoever makes it. The PDF is made in-process by the `letters` crate; user text
//! reaches typst only as JSON data.

use std::io::{Cursor, Write};

use axum::extract::State;
use axum::response::Response;
use route::model::{QuestionType, Status};
use store::Event;

use crate::http::case_access::CaseAccess;
use crate::http::download::download;
use crate::http::error::store_error;
use crate::http::error::{PageError, case_error};
use crate::http::i18n::{Lang, Tr};
use crate::http::state::AppState;

/// `GET /dossiers/{case}/dossier.pdf`
pub async fn pdf(
    State(state): State<AppState>,
    lang: Lang,
    access: CaseAccess,
) -> Result<Response, PageError> {
    let bytes = dossier_bytes(&state, lang, &access).await?;
    audit(&state, &access, cases::audit::DOSSIER_PDF).await?;
    Ok(download(
        bytes,
        "application/pdf",
        "routewijzer-dossier.pdf",
    ))
}

/// `GET /dossiers/{case}/dossier.zip`: the PDF and every attachment, numbered so that two files
/// with the same name do not collide.
pub async fn zip(
    State(state): State<AppState>,
    lang: Lang,
    access: CaseAccess,
) -> Result<Response, PageError> {
    let pdf = dossier_bytes(&state, lang, &access).await?;
    let attachments = state
        .store
        .attachments(&access.case.id)
        .await
        .map_err(store_error)?;
    let internal = |e: &dyn std::fmt::Display| {
        tracing::error!(error = %e, "cannot write the dossier ZIP");
        PageError::Internal
    };
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    zip.start_file("dossier.pdf", options)
        .map_err(|e| internal(&e))?;
    zip.write_all(&pdf).map_err(|e| internal(&e))?;
    for (n, a) in attachments.iter().enumerate() {
        let bytes = cases::attachments::read_all(&*state.store, a)
            .await
            .map_err(|e| internal(&e))?;
        zip.start_file(
            format!("bijlagen/{:02}-{}", n + 1, zip_name(&a.file_name)),
            options,
        )
        .map_err(|e| internal(&e))?;
        zip.write_all(&bytes).map_err(|e| internal(&e))?;
    }
    let bytes = zip.finish().map_err(|e| internal(&e))?.into_inner();
    audit(&state, &access, cases::audit::DOSSIER_ZIP).await?;
    Ok(download(
        bytes,
        "application/zip",
        "routewijzer-dossier.zip",
    ))
}

async fn audit(state: &AppState, access: &CaseAccess, action: &str) -> Result<(), PageError> {
    cases::audit::log(&*state.store, &access.case.id, &access.actor(), action)
        .await
        .map_err(case_error)
}

/// A file name as an entry of the ZIP: no folders, no control characters, never empty.
fn zip_name(name: &str) -> String {
    let clean: String = name
        .chars()
        .filter(|c| !c.is_control() && !"/\\:".contains(*c))
        .collect();
    let clean = clean.trim().trim_start_matches('.').to_string();
    if clean.is_empty() {
        "bijlage".to_string()
    } else {
        clean
    }
}

/// A date as "maandag 15 maart 2027" (or in English); a date that does not parse is shown
/// as stored.
fn long_date(i: Tr, iso: &str) -> String {
    iso.parse::<jiff::civil::Date>()
        .map(|d| i.date(d))
        .unwrap_or_else(|_| iso.to_string())
}

/// Markdown notes as plain text: paragraphs and list items on their own lines, no markup.
fn plain_text(md: &str) -> String {
    use pulldown_cmark::{Event as Md, Parser, TagEnd};
    let mut text = String::new();
    for event in Parser::new(md) {
        match event {
            Md::Text(t) | Md::Code(t) => text.push_str(&t),
            Md::SoftBreak => text.push(' '),
            Md::HardBreak => text.push('\n'),
            Md::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::Heading(_)) => text.push('\n'),
            _ => {}
        }
    }
    text.trim().to_string()
}

fn media_kind(media_type: &str) -> &'static str {
    match media_type {
        "application/pdf" => "PDF",
        "image/png" => "PNG",
        "image/jpeg" => "JPEG",
        t if t.contains("wordprocessingml") => "DOCX",
        _ => "?",
    }
}

fn size_text(bytes: i64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0)).replace('.', ",")
    } else {
        format!("{} kB", (bytes + 1023) / 1024)
    }
}

/// An answer of the intake in words: the label of a choice, yes or no, a date with its weekday.
pub(super) fn answer_text(i: Tr, q: &route::model::Question, v: &serde_json::Value) -> String {
    let label = |s: &str| {
        q.options
            .iter()
            .find(|o| o.value == s)
            .map(|o| o.label.clone())
            .unwrap_or_else(|| s.to_string())
    };
    match (q.kind, v) {
        (_, serde_json::Value::Bool(b)) => i.t(if *b { "answer-yes" } else { "answer-no" }),
        (QuestionType::Yesno, serde_json::Value::String(s)) if s == "ja" || s == "nee" => {
            i.t(if s == "ja" { "answer-yes" } else { "answer-no" })
        }
        (QuestionType::Date, serde_json::Value::String(s)) => long_date(i, s),
        (_, serde_json::Value::String(s)) => label(s),
        (_, serde_json::Value::Array(items)) => items
            .iter()
            .map(|x| x.as_str().map(label).unwrap_or_else(|| x.to_string()))
            .collect::<Vec<_>>()
            .join(", "),
        (_, other) => other.to_string(),
    }
}

/// Builds the dossier of a case and renders it.
async fn dossier_bytes(
    state: &AppState,
    lang: Lang,
    access: &CaseAccess,
) -> Result<Vec<u8>, PageError> {
    let i = Tr { lang };
    let s = &state.store;
    let k = &state.lib_for(lang).k;
    let case_id = &access.case.id;
    let children = s.children(case_id).await.map_err(store_error)?;
    let parties = s.parties(case_id).await.map_err(store_error)?;
    let events: Vec<Event> = s.events(case_id).await.map_err(store_error)?;
    let attachments = s.attachments(case_id).await.map_err(store_error)?;
    let latest = s.latest_answers(case_id).await.map_err(store_error)?;
    let today = state.today.date();

    // The cover: the children's first names, the school, the date of export.
    let names = children
        .iter()
        .map(|c| c.name.clone())
        .collect::<Vec<_>>()
        .join(", ");
    let school = parties
        .iter()
        .filter(|p| p.role == "school")
        .map(|p| p.name.clone())
        .collect::<Vec<_>>()
        .join(", ");
    let mut cover = vec![(i.t("dossier-cover-case"), access.case.title.clone())];
    if !names.is_empty() {
        cover.push((i.t("dossier-cover-child"), names.clone()));
    }
    if !school.is_empty() {
        cover.push((i.t("dossier-cover-school"), school));
    }
    cover.push((i.t("dossier-cover-date"), i.date(today)));
    let title = if names.is_empty() {
        i.t("dossier-title-plain")
    } else {
        i.t1("dossier-title", "name", &names)
    };

    // The situation, the route and the deadlines, from the latest answers and the dates events
    // set, as on the case page.
    let mut situation = Vec::new();
    let mut steps = Vec::new();
    let mut deadlines = Vec::new();
    if let Some(v) = latest {
        let (stored, sit) = state.situation_with_events(&v, &events)?;
        for q in &k.questions {
            if let Some(value) = stored.answers.get(&q.id) {
                situation.push((q.text.clone(), answer_text(i, q, value)));
            }
        }
        let advice = route::advise(k, &sit);
        let report = route::report::report(k, &advice);
        let rank = |s: Status| match s {
            Status::Done => 0,
            Status::Current => 1,
            Status::Next => 2,
            _ => 3,
        };
        let mut shown: Vec<_> = report
            .steps
            .iter()
            .filter(|s| s.status != Status::NotApplicable)
            .collect();
        shown.sort_by_key(|s| rank(s.status));
        steps = shown
            .into_iter()
            .enumerate()
            .map(|(n, s)| letters::PlanStep {
                number: n + 1,
                title: s.title.to_string(),
                status: i.t(&format!("status-{}", s.status.as_str())),
                current: s.status == Status::Current,
                summary: plain_text(s.summary)
                    .split_inclusive(". ")
                    .next()
                    .unwrap_or_default()
                    .trim()
                    .to_string(),
                who: s.who.iter().map(|w| w.name).collect::<Vec<_>>().join(", "),
            })
            .collect();
        deadlines = report
            .terms
            .iter()
            .filter_map(|t| {
                t.deadline
                    .as_ref()
                    .map(|d| (t.title.to_string(), d.date_text.clone()))
            })
            .collect();
    }

    let party_names = |ids: &str| {
        ids.split(',')
            .filter_map(|id| parties.iter().find(|p| p.id == id).map(|p| p.name.as_str()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let dossier_events = events
        .iter()
        .map(|e| letters::DossierEvent {
            date: long_date(i, &e.date),
            kind: i.t(&format!("event-kind-{}", e.kind)),
            title: e.title.clone(),
            parties: party_names(&e.parties),
            notes: plain_text(&e.notes),
        })
        .collect();
    let dossier_attachments = attachments
        .iter()
        .map(|a| letters::DossierAttachment {
            file_name: a.file_name.clone(),
            kind: media_kind(&a.media_type).to_string(),
            size: size_text(a.size),
            event: events
                .iter()
                .find(|e| e.id == a.event_id)
                .map(|e| format!("{} · {}", e.date, e.title))
                .unwrap_or_default(),
        })
        .collect();
    let advice_history = cases::advice::history(&**s, case_id)
        .await
        .map_err(crate::http::error::case_error)?
        .into_iter()
        .map(|(seen, sum)| {
            let when = jiff::Timestamp::from_second(seen.seen_at)
                .map(|t| t.strftime("%Y-%m-%d").to_string())
                .unwrap_or_default();
            let mut line = format!("{} {}", i.t("advice-changed-step"), sum.current.title);
            for (n, d) in &sum.deadlines {
                line.push_str(&format!("; {}: {}", n.title, long_date(i, d)));
            }
            if !sum.warnings.is_empty() {
                let titles: Vec<&str> = sum.warnings.iter().map(|w| w.title.as_str()).collect();
                line.push_str(&format!(
                    "; {} {}",
                    i.t("advice-changed-warnings"),
                    titles.join(", ")
                ));
            }
            (format!("{when} · {}", seen.content_version), line)
        })
        .collect();
    let dossier = letters::Dossier {
        lang: i.lang.code().to_string(),
        title,
        cover,
        cover_note: i.t("dossier-cover-note"),
        situation_heading: i.t("dossier-situation"),
        situation,
        route_heading: i.t("dossier-route"),
        steps,
        deadlines_heading: i.t("dossier-deadlines"),
        deadlines,
        timeline_heading: i.t("dossier-timeline"),
        parties_label: i.t("dossier-parties"),
        events: dossier_events,
        attachments_heading: i.t("dossier-attachments"),
        attachment_columns: [
            i.t("dossier-col-file"),
            i.t("dossier-col-type"),
            i.t("dossier-col-size"),
            i.t("dossier-col-event"),
        ],
        attachments: dossier_attachments,
        advice_heading: i.t("versions-advice-title"),
        advice_history,
        empty: i.t("dossier-empty"),
        footer: i.t("dossier-footer"),
    };
    tokio::task::spawn_blocking(move || letters::dossier_pdf(&dossier))
        .await
        .map_err(|_| PageError::Internal)?
        .map_err(|e| {
            tracing::error!(error = %e, "the dossier could not be made");
            PageError::Internal
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_lose_their_markup_and_file_names_their_folders() {
        let text = plain_text("**Let op**: <script>alert(1)</script>\n\n- een\n- twee");
        assert!(!text.contains('<') && !text.contains('*'), "{text}");
        assert!(
            text.starts_with("Let op:") && text.ends_with("een\ntwee"),
            "{text}"
        );
        assert!(!plain_text("**vet** en _schuin_").contains('*'));
        assert_eq!(zip_name("../../etc/passwd"), "etcpasswd");
        assert_eq!(zip_name(""), "bijlage");
        assert_eq!(size_text(2048), "2 kB");
        assert_eq!(size_text(3 * 1024 * 1024 / 2), "1,5 MB");
    }
}

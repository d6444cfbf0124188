//! The saved versions of a case's intake answers: a list (number, when, who saved it) and one
//! version's answers in words, as the questions ask them. The store keeps every version; the
//! route on the case page is planned from the latest one. Readers may look, as they may read the
//! case page.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use tower_sessions::Session;

use super::dossier::answer_text;
use crate::http::auth::email_or;
use crate::http::case_access::CaseAccess;
use crate::http::error::PageError;
use crate::http::error::store_error;
use crate::http::i18n::{Lang, Tr, saved_at};
use crate::http::layout::{Layout, render};
use crate::http::state::AppState;

struct VersionLine {
    version: i64,
    url: String,
    when: String,
    who: String,
}

#[derive(Template)]
#[template(path = "answer_versions.html")]
struct VersionsPage {
    layout: Layout,
    case_id: String,
    /// Newest first.
    versions: Vec<VersionLine>,
    /// The advice the case was given over time, newest first: kept when corrected content
    /// changed it, so that what the family was told before stays readable.
    advice: Vec<AdviceLine>,
}

struct AdviceLine {
    when: String,
    content_version: String,
    step: String,
    deadlines: Vec<String>,
    warnings: Vec<String>,
}

#[derive(Template)]
#[template(path = "answer_version.html")]
struct VersionPage {
    layout: Layout,
    case_id: String,
    lead: String,
    latest: bool,
    /// (question, answer in words), in the order of the intake.
    answers: Vec<(String, String)>,
}

fn versions_url(case_id: &str) -> String {
    format!("/dossiers/{case_id}/antwoorden")
}

/// `GET /dossiers/{case}/antwoorden`
pub async fn list(
    State(state): State<AppState>,
    lang: Lang,
    access: CaseAccess,
) -> Result<Response, PageError> {
    let i = Tr { lang };
    let case_id = &access.case.id;
    let mut versions = Vec::new();
    for v in state
        .store
        .answer_versions(case_id)
        .await
        .map_err(store_error)?
        .into_iter()
        .rev()
    {
        versions.push(VersionLine {
            version: v.version,
            url: format!("{}/{}", versions_url(case_id), v.version),
            when: saved_at(v.saved_at),
            who: email_or(&state, &v.saved_by, i, "versions-unknown-person").await?,
        });
    }
    let advice = cases::advice::history(&*state.store, case_id)
        .await
        .map_err(crate::http::error::case_error)?
        .into_iter()
        .rev()
        .map(|(seen, s)| AdviceLine {
            when: saved_at(seen.seen_at),
            content_version: seen.content_version,
            step: s.current.title,
            deadlines: s
                .deadlines
                .into_iter()
                .map(|(n, d)| format!("{}: {d}", n.title))
                .collect(),
            warnings: s.warnings.into_iter().map(|n| n.title).collect(),
        })
        .collect();
    Ok(render(&VersionsPage {
        layout: Layout::new(lang, "versions-title", &versions_url(case_id)),
        case_id: case_id.clone(),
        versions,
        advice,
    }))
}

/// `GET /dossiers/{case}/antwoorden/{version}`
pub async fn show(
    State(state): State<AppState>,
    lang: Lang,
    access: CaseAccess,
    _session: Session,
    Path((_, version)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let i = Tr { lang };
    let case_id = &access.case.id;
    let all = state
        .store
        .answer_versions(case_id)
        .await
        .map_err(store_error)?;
    let newest = all.iter().map(|v| v.version).max();
    let Some(v) = version
        .parse::<i64>()
        .ok()
        .and_then(|n| all.into_iter().find(|v| v.version == n))
    else {
        return Err(PageError::NotFound);
    };
    // Only the answers as saved in this version: no dates from events mixed in.
    let (stored, _) = state.situation_with_events(&v, &[])?;
    let mut answers: Vec<(String, String)> = state
        .lib_for(lang)
        .k
        .questions
        .iter()
        .filter_map(|q| {
            let value = stored.answers.get(&q.id)?;
            Some((q.text.clone(), answer_text(i, q, value)))
        })
        .collect();
    if let Some(r) = stored.region {
        answers.push((i.t("version-region"), i.t(&format!("region-{}", r.name()))));
    }
    let saved_by = email_or(&state, &v.saved_by, i, "versions-unknown-person").await?;
    let mut layout = Layout::new(lang, "versions-title", &versions_url(case_id));
    layout.title = i.t1("version-title", "version", v.version.to_string());
    Ok(render(&VersionPage {
        layout,
        case_id: case_id.clone(),
        lead: i.args(
            "version-lead",
            &[("when", saved_at(v.saved_at)), ("who", saved_by)],
        ),
        latest: newest == Some(v.version),
        answers,
    }))
}

//! Search over steps, organisations, articles and the glossary, with Dutch stemming (the
//! `search` crate): "vrijstellingen" finds "vrijstelling".

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;

use crate::http::i18n::{Lang, Tr};
use crate::http::layout::{Layout, render};
use crate::http::markdown::escape;
use crate::http::state::AppState;

/// The most results shown.
const LIMIT: usize = 20;
/// Longer queries are cut; nobody types more, and it bounds the work per request.
const MAX_QUERY: usize = 200;

#[derive(serde::Deserialize)]
pub struct SearchQuery {
    q: Option<String>,
}

pub struct HitView {
    pub title: String,
    pub url: String,
    pub kind: String,
    /// Escaped snippet with `<mark>` around the matched words.
    pub snippet_html: String,
}

#[derive(Template)]
#[template(path = "search.html")]
struct SearchPage {
    layout: Layout,
    query: String,
    summary: Option<String>,
    hits: Vec<HitView>,
}

/// Escapes the snippet and marks the highlighted byte ranges.
fn mark(snippet: &str, highlights: &[(usize, usize)]) -> String {
    let mut out = String::new();
    let mut last = 0;
    for &(start, end) in highlights {
        if start < last
            || end > snippet.len()
            || !snippet.is_char_boundary(start)
            || !snippet.is_char_boundary(end)
        {
            continue;
        }
        out.push_str(&escape(&snippet[last..start]));
        out.push_str("<mark>");
        out.push_str(&escape(&snippet[start..end]));
        out.push_str("</mark>");
        last = end;
    }
    out.push_str(&escape(&snippet[last..]));
    out
}

/// `GET /zoeken?q=...`
pub async fn search(
    State(state): State<AppState>,
    lang: Lang,
    Query(q): Query<SearchQuery>,
) -> Response {
    let i = Tr { lang };
    let query: String =
        q.q.unwrap_or_default()
            .trim()
            .chars()
            .take(MAX_QUERY)
            .collect();
    let mut hits = Vec::new();
    let mut summary = None;
    if !query.is_empty() {
        match state.lib_for(lang).search.search(&query, LIMIT) {
            Ok(found) => {
                hits = found
                    .into_iter()
                    .map(|h| HitView {
                        kind: i.t(&format!("kind-{}", h.kind)),
                        snippet_html: mark(&h.snippet, &h.highlights),
                        title: h.title,
                        url: h.url,
                    })
                    .collect();
            }
            Err(e) => tracing::warn!(error = %e, "search failed"),
        }
        summary = Some(i.count("search-results", hits.len(), &[("query", query.clone())]));
    }
    let layout = Layout::new(lang, "search-title", "/zoeken");
    render(&SearchPage {
        layout,
        query,
        summary,
        hits,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn marks_are_escaped_around() {
        assert_eq!(
            super::mark("a <b> thuiszitter", &[(6, 17)]),
            "a &lt;b&gt; <mark>thuiszitter</mark>"
        );
    }
}

//! The knowledge base: an index, a page per route step, organisation and article, and the
//! glossary. All HTML comes pre-rendered from the [`crate::http::library::Library`].

pub mod search;

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use calendar::Confidence;
use route::model::{Citation, Track};

use crate::http::error::PageError;
use crate::http::i18n::{Lang, Tr};
use crate::http::layout::{Layout, render, render_linked};
use crate::http::library::Library;
use crate::http::links::{
    SourceLink, WhoLink, article_url, glossary_url, organisation_url, step_url,
};
use crate::http::state::AppState;

pub struct Link {
    pub title: String,
    pub href: String,
    pub text: String,
}

#[derive(Template)]
#[template(path = "knowledge_index.html")]
struct IndexPage {
    layout: Layout,
    steps: Vec<Link>,
    side_steps: Vec<Link>,
    organisations: Vec<Link>,
    articles: Vec<Link>,
}

/// `GET /kennis`
pub async fn index(State(state): State<AppState>, lang: Lang) -> Response {
    let k = &state.lib_for(lang).k;
    let i = Tr { lang };
    let step = |s: &route::model::Step| Link {
        title: s.title.clone(),
        href: step_url(&s.id),
        text: s
            .level
            .map(|l| i.t1("knowledge-level", "level", l))
            .unwrap_or_default(),
    };
    let layout = Layout::new(lang, "knowledge-title", "/kennis");
    render(&IndexPage {
        layout,
        steps: k
            .steps
            .iter()
            .filter(|s| s.track == Track::Main)
            .map(step)
            .collect(),
        side_steps: k
            .steps
            .iter()
            .filter(|s| s.track == Track::Side)
            .map(step)
            .collect(),
        organisations: k
            .organisations
            .iter()
            .map(|o| Link {
                title: o.name.clone(),
                href: organisation_url(&o.id),
                text: o.short.clone(),
            })
            .collect(),
        articles: k
            .articles
            .iter()
            .map(|a| Link {
                title: a.title.clone(),
                href: article_url(&a.id),
                text: a.summary.clone(),
            })
            .collect(),
    })
}

fn cited(lib: &Library, c: &Citation, i: Tr) -> (Vec<SourceLink>, Option<String>) {
    let k = &lib.k;
    let marker = |c: Confidence| match c {
        Confidence::M => Some(i.t("confidence-m-long")),
        Confidence::C => Some(i.t("confidence-c-long")),
        _ => None,
    };
    let sources = c
        .sources
        .iter()
        .filter_map(|id| k.source(id))
        .map(|s| SourceLink {
            title: s.title.clone(),
            url: s.url.clone(),
            marker: match s.confidence {
                Confidence::M => Some(i.t("confidence-m")),
                Confidence::C => Some(i.t("confidence-c")),
                _ => None,
            },
        })
        .collect();
    (sources, marker(k.confidence_of(c)))
}

#[derive(Template)]
#[template(path = "step.html")]
struct StepPage {
    layout: Layout,
    level: Option<String>,
    summary_html: String,
    who: Vec<WhoLink>,
    prepare: Vec<String>,
    can: Vec<String>,
    cannot: Vec<String>,
    articles: Vec<Link>,
    sources: Vec<SourceLink>,
    marker: Option<String>,
}

/// `GET /kennis/stappen/{id}`
pub async fn step(State(state): State<AppState>, lang: Lang, Path(id): Path<String>) -> Response {
    let lib = state.lib_for(lang);
    let Some(s) = lib.k.step(&id) else {
        return PageError::NotFound.page(lang);
    };
    let i = Tr { lang };
    let (sources, marker) = cited(lib, &s.cite, i);
    let page = StepPage {
        layout: Layout::titled(lang, &s.title, &step_url(&s.id)),
        level: s.level.map(|l| i.t1("knowledge-level", "level", l)),
        summary_html: lib.step_summary.get(&s.id).cloned().unwrap_or_default(),
        who: s
            .who
            .iter()
            .filter_map(|o| lib.k.organisation(o))
            .map(|o| WhoLink {
                name: o.name.clone(),
                short: o.short.clone(),
                href: organisation_url(&o.id),
            })
            .collect(),
        prepare: s.prepare.clone(),
        can: s.can.clone(),
        cannot: s.cannot.clone(),
        articles: s
            .articles
            .iter()
            .filter_map(|a| lib.k.article(a))
            .map(|a| Link {
                title: a.title.clone(),
                href: article_url(&a.id),
                text: a.summary.clone(),
            })
            .collect(),
        sources,
        marker,
    };
    render_linked(&page, &lib.linker)
}

#[derive(Template)]
#[template(path = "organisation.html")]
struct OrganisationPage {
    layout: Layout,
    /// The English gloss of the Dutch name, on English pages.
    gloss: Option<String>,
    short: String,
    does_html: String,
    can_enforce: bool,
    enforce_html: String,
    cost: Option<String>,
    conditions: Vec<String>,
    url: Option<String>,
    phone: Option<String>,
    sources: Vec<SourceLink>,
    marker: Option<String>,
}

/// `GET /kennis/organisaties/{id}`
pub async fn organisation(
    State(state): State<AppState>,
    lang: Lang,
    Path(id): Path<String>,
) -> Response {
    let lib = state.lib_for(lang);
    let Some(o) = lib.k.organisation(&id) else {
        return PageError::NotFound.page(lang);
    };
    let (sources, marker) = cited(lib, &o.cite, Tr { lang });
    let page = OrganisationPage {
        layout: Layout::titled(lang, &o.name, &organisation_url(&o.id)),
        gloss: o.gloss.clone().filter(|_| lang == Lang::En),
        short: o.short.clone(),
        does_html: lib.org_does.get(&o.id).cloned().unwrap_or_default(),
        can_enforce: o.can_enforce,
        enforce_html: lib.org_enforce.get(&o.id).cloned().unwrap_or_default(),
        cost: o.cost.clone(),
        conditions: o.conditions.clone(),
        url: o.url.clone(),
        phone: o.phone.clone(),
        sources,
        marker,
    };
    render_linked(&page, &lib.linker)
}

#[derive(Template)]
#[template(path = "article.html")]
struct ArticlePage {
    layout: Layout,
    summary: String,
    body_html: String,
    sources: Vec<SourceLink>,
    marker: Option<String>,
}

/// `GET /kennis/artikelen/{id}`
pub async fn article(
    State(state): State<AppState>,
    lang: Lang,
    Path(id): Path<String>,
) -> Response {
    let lib = state.lib_for(lang);
    let Some(a) = lib.k.article(&id) else {
        return PageError::NotFound.page(lang);
    };
    let (sources, marker) = cited(lib, &a.cite, Tr { lang });
    let page = ArticlePage {
        layout: Layout::titled(lang, &a.title, &article_url(&a.id)),
        summary: a.summary.clone(),
        body_html: lib.article_body.get(&a.id).cloned().unwrap_or_default(),
        sources,
        marker,
    };
    render_linked(&page, &lib.linker)
}

pub struct EntryView {
    pub id: String,
    pub term: String,
    /// The English name of the Dutch term.
    pub translation: Option<String>,
    pub abbreviation: Option<String>,
    pub meaning: String,
    pub article: Option<String>,
}

#[derive(Template)]
#[template(path = "glossary.html")]
struct GlossaryPage {
    layout: Layout,
    entries: Vec<EntryView>,
    /// The other direction: (English name, entry id, Dutch term), sorted by the English name.
    from_english: Vec<(String, String, String)>,
}

/// `GET /begrippen`: every term, sorted, each with an anchor that first-use links point to.
pub async fn glossary(State(state): State<AppState>, lang: Lang) -> Response {
    let k = &state.lib_for(lang).k;
    let mut entries: Vec<EntryView> = k
        .glossary
        .iter()
        .map(|g| EntryView {
            id: g.id.clone(),
            term: g.term.clone(),
            translation: g.translation.clone(),
            abbreviation: g.abbreviation.clone(),
            meaning: g.meaning.clone(),
            article: g
                .article
                .as_deref()
                .filter(|a| k.article(a).is_some())
                .map(article_url),
        })
        .collect();
    entries.sort_by_key(|e| e.term.to_lowercase());
    let mut from_english: Vec<(String, String, String)> = entries
        .iter()
        .filter_map(|e| Some((e.translation.clone()?, e.id.clone(), e.term.clone())))
        .collect();
    from_english.sort_by_key(|(en, _, _)| en.to_lowercase());
    let _ = glossary_url;
    let layout = Layout::new(lang, "glossary-title", "/begrippen");
    render(&GlossaryPage {
        layout,
        entries,
        from_english,
    })
}

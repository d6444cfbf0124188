//! Everything derived from the knowledge once at start: Markdown rendered to HTML, the glossary
//! linker and the search index. Pages read from here and never touch the disk.

use std::collections::HashMap;

use route::Knowledge;

use crate::http::glossary::Linker;
use crate::http::links::{article_url, glossary_url, organisation_url, step_url};
use crate::http::markdown::to_html;

/// The pre-rendered knowledge, shared by all requests behind an `Arc`.
pub struct Library {
    pub k: Knowledge,
    pub step_summary: HashMap<String, String>,
    pub article_body: HashMap<String, String>,
    pub org_does: HashMap<String, String>,
    pub org_enforce: HashMap<String, String>,
    pub term_explain: HashMap<String, String>,
    /// Warning texts without `{{id}}` values; the others are rendered per advice.
    pub warning_text: HashMap<String, String>,
    pub linker: Linker,
    pub search: search::Index,
    /// Whether the content asks the region itself (a question with `sets-region`).
    pub asks_region: bool,
    /// The patterns for reading a parent's own words (`content/understanding.toml`).
    pub understanding: understand::Understanding,
}

/// Kinds of search documents; also the keys of their labels (`kind-<kind>`).
pub const KIND_STEP: &str = "step";
pub const KIND_ORGANISATION: &str = "organisation";
pub const KIND_ARTICLE: &str = "article";
pub const KIND_GLOSSARY: &str = "glossary";

impl Library {
    pub fn new(
        k: Knowledge,
        understanding: understand::Understanding,
    ) -> Result<Self, search::SearchError> {
        let step_summary = k
            .steps
            .iter()
            .map(|s| (s.id.clone(), to_html(&s.summary)))
            .collect();
        let article_body = k
            .articles
            .iter()
            .map(|a| (a.id.clone(), to_html(&a.body)))
            .collect();
        let org_does = k
            .organisations
            .iter()
            .map(|o| (o.id.clone(), to_html(&o.does)))
            .collect();
        let org_enforce = k
            .organisations
            .iter()
            .map(|o| (o.id.clone(), to_html(&o.enforce)))
            .collect();
        let term_explain = k
            .terms
            .iter()
            .map(|t| (t.id.clone(), to_html(&t.explain)))
            .collect();
        let warning_text = k
            .warnings
            .iter()
            .filter(|w| !w.text.contains("{{"))
            .map(|w| (w.id.clone(), to_html(&w.text)))
            .collect();
        let language = match k.lang {
            calendar::Lang::Nl => search::analyzer::Language::Dutch,
            calendar::Lang::En => search::analyzer::Language::English,
        };
        let search = search::Index::build_in(&documents(&k), language)?;
        Ok(Library {
            linker: Linker::new(&k),
            asks_region: k.questions.iter().any(|q| q.sets_region),
            step_summary,
            article_body,
            org_does,
            org_enforce,
            term_explain,
            warning_text,
            search,
            understanding,
            k,
        })
    }

    /// A warning's text as HTML: pre-rendered, or rendered now when it holds answer values.
    pub fn warning_html(&self, id: &str, filled_text: &str) -> String {
        match self.warning_text.get(id) {
            Some(html) => html.clone(),
            None => to_html(filled_text),
        }
    }
}

/// Every knowledge page as a search document.
fn documents(k: &Knowledge) -> Vec<search::Document> {
    let mut docs = Vec::new();
    for s in &k.steps {
        let mut body = s.summary.clone();
        for line in s.prepare.iter().chain(&s.can).chain(&s.cannot) {
            body.push('\n');
            body.push_str(line);
        }
        docs.push(search::Document {
            id: format!("{KIND_STEP}:{}", s.id),
            kind: KIND_STEP.into(),
            title: s.title.clone(),
            body,
            url: step_url(&s.id),
        });
    }
    for o in &k.organisations {
        docs.push(search::Document {
            id: format!("{KIND_ORGANISATION}:{}", o.id),
            kind: KIND_ORGANISATION.into(),
            title: o.name.clone(),
            // The English gloss of the Dutch name makes "education consultants" find it.
            body: format!(
                "{}\n\n{}\n\n{}\n\n{}",
                o.gloss
                    .as_deref()
                    .filter(|_| k.lang == calendar::Lang::En)
                    .unwrap_or_default(),
                o.short,
                o.does,
                o.enforce
            ),
            url: organisation_url(&o.id),
        });
    }
    for a in &k.articles {
        docs.push(search::Document {
            id: format!("{KIND_ARTICLE}:{}", a.id),
            kind: KIND_ARTICLE.into(),
            title: a.title.clone(),
            body: format!("{}\n\n{}", a.summary, a.body),
            url: article_url(&a.id),
        });
    }
    for g in &k.glossary {
        let mut title = match &g.abbreviation {
            Some(abbr) => format!("{} ({abbr})", g.term),
            None => g.term.clone(),
        };
        // In English the term is found by its English name too ("duty of care").
        if k.lang == calendar::Lang::En
            && let Some(en) = &g.translation
        {
            title.push_str(&format!(": {en}"));
        }
        docs.push(search::Document {
            id: format!("{KIND_GLOSSARY}:{}", g.id),
            kind: KIND_GLOSSARY.into(),
            title,
            body: g.meaning.clone(),
            url: glossary_url(&g.id),
        });
    }
    docs
}
